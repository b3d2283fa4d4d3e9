"""A Redis cache of a test's own, for the tests that count what reaches the real server."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from unittest import mock

import pytest
import redis

from hms.common.cache import RedisCache

REDIS_URL = os.environ.get("HMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@dataclass(frozen=True)
class IsolatedRedis:
    """Django's Redis cache under a key prefix of its own, and a raw client of the same server."""

    cache: RedisCache
    client: redis.Redis

    @contextmanager
    def recording(self) -> Iterator[list[str]]:
        """The name of every command any Redis client sends while inside, in order."""
        commands: list[str] = []
        real_execute = redis.Redis.execute_command

        def counting_execute(client: redis.Redis, *args: Any, **kwargs: Any) -> Any:
            commands.append(str(args[0]))
            return real_execute(client, *args, **kwargs)

        with mock.patch.object(redis.Redis, "execute_command", counting_execute):
            yield commands


@contextmanager
def isolated_redis() -> Iterator[IsolatedRedis]:
    """An IsolatedRedis whose keys are deleted afterwards; skips the test without Redis."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL} (HMS_TEST_REDIS_URL)")
    prefix = f"hms-test-{secrets.token_hex(6)}"
    try:
        yield IsolatedRedis(cache=RedisCache(REDIS_URL, {"KEY_PREFIX": prefix}), client=client)
    finally:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
        client.close()
