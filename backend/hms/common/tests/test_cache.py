"""The Redis cache reuses one client object per server and otherwise behaves as Django's."""

from __future__ import annotations

from unittest import mock

import redis

from hms.common.cache import RedisCache
from hms.common.tests.isolated_redis import IsolatedRedis


def test_calls_share_one_client_and_answer_as_before(redis_cache: IsolatedRedis) -> None:
    cache = redis_cache.cache
    assert isinstance(cache, RedisCache)
    cache.set("warm", 0)  # the first call makes the client
    with mock.patch.object(redis.Redis, "__init__", side_effect=AssertionError) as made:
        assert cache.add("count", 1, timeout=60) is True
        assert cache.add("count", 5, timeout=60) is False
        assert cache.incr("count", 2) == 3
        cache.set("list", [1, "two", {"three": 3}], timeout=60)
        assert cache.get("list") == [1, "two", {"three": 3}]
        assert cache.get_many(["count", "list", "missing"]) == {
            "count": 3,
            "list": [1, "two", {"three": 3}],
        }
        assert cache.delete("count") is True
        assert cache.get("count") is None
    assert made.call_count == 0
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client() is client
    assert client.connection_pool is cache._cache._get_connection_pool(True)


def test_each_server_has_a_client_of_its_own() -> None:
    # A primary and a replica: writes go to the first, reads to the other (no connection is
    # opened: a client connects on its first command).
    cache = RedisCache("redis://127.0.0.1:6379/7,redis://127.0.0.1:6379/8", {})
    writer = cache._cache.get_client(write=True)
    reader = cache._cache.get_client()
    assert writer is not reader
    assert cache._cache.get_client(write=True) is writer
    assert cache._cache.get_client() is reader
    assert writer.connection_pool.connection_kwargs["db"] == 7
    assert reader.connection_pool.connection_kwargs["db"] == 8
