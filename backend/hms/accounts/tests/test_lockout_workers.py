"""The lockout holds across processes: gunicorn with 2 workers sharing one Redis database."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

BACKEND = Path(__file__).resolve().parents[3]
REDIS_URL = os.environ.get("HMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
ATTEMPTS = 12


def _redis_or_skip() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL} (HMS_TEST_REDIS_URL)")
    return client


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _post(url: str, body: dict[str, str]) -> int:
    request = urllib.request.Request(  # noqa: S310 - a local test server
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[str]:
    cache = _redis_or_skip()
    cache.flushdb()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("HMS_", "DJANGO_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CACHE_URL": REDIS_URL,
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(  # noqa: S603
        [*manage, "migrate", "--noinput"], cwd=BACKEND, env=env, check=True, capture_output=True
    )
    subprocess.run(  # noqa: S603
        [
            *manage,
            "shell",
            "-c",
            "from hms.accounts.tests.factories import AdminFactory; "
            "AdminFactory(username='admin.one')",
        ],
        cwd=BACKEND,
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=BACKEND,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{base}/api/v1/hospital/", timeout=5):  # noqa: S310
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("gunicorn did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        cache.flushdb()
        cache.close()


def test_two_workers_answer_exactly_five_attempts_before_429(two_workers):
    url = f"{two_workers}/api/v1/auth/token/"
    barrier = threading.Barrier(ATTEMPTS)
    statuses: list[int] = []

    def attempt() -> None:
        barrier.wait(timeout=60)
        statuses.append(_post(url, {"username": "admin.one", "password": "wrong-password-x"}))

    threads = [threading.Thread(target=attempt) for _ in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert Counter(statuses) == {401: 5, 429: ATTEMPTS - 5}
    # Unknown usernames: the same budget, in the same shared counter store.
    unknown = [_post(url, {"username": "no.one", "password": "x" * 12}) for _ in range(7)]
    assert unknown == [401] * 5 + [429] * 2
