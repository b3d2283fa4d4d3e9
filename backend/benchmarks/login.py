"""Benchmark: sign-ins per second and the median sign-in time, under gunicorn with 2 workers.

Run from backend/:
    .venv/bin/python benchmarks/login.py [--database-url postgres://...] [--logins 200]

It migrates a throwaway database (a temporary SQLite file unless --database-url names one; that
database is used as is, so give it a scratch one), creates one account, starts gunicorn with 2
workers on the local settings (the real password hasher: Argon2id at OWASP's parameters), and
signs in `--logins` times from 4 concurrent clients. Throttles and the lockout are raised so
they never answer instead of the login. Prints p50, p95 and logins/s.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

BACKEND = Path(__file__).resolve().parent.parent
CONCURRENCY = 4
PASSWORD = "benchmark-passphrase-long-enough"  # noqa: S105 - a throwaway account


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _login(url: str) -> tuple[int, float]:
    body = json.dumps({"username": "bench.admin", "password": PASSWORD}).encode()
    request = urllib.request.Request(  # noqa: S310 - the local server started here
        url, data=body, headers={"Content-Type": "application/json"}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        status = int(response.status)
    return status, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="")
    parser.add_argument("--logins", type=int, default=200)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="hms-login-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": args.database_url or f"sqlite:///{scratch / 'db.sqlite3'}",
        "HMS_DEV_KEYS_FILE": str(scratch / "dev-keys"),
        "CACHE_URL": "locmem://",
        "DEBUG": "false",
        "HMS_THROTTLE_LOGIN": "100000/min",
        "HMS_THROTTLE_USER": "100000/min",
        "HMS_LOCKOUT_ATTEMPTS": "100000",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(  # noqa: S603 - fixed arguments
        [*manage, "migrate", "--noinput"], cwd=BACKEND, env=env, check=True, capture_output=True
    )
    create = (
        "from django.utils import timezone; from hms.accounts.services import user_create; "
        f"user_create(username='bench.admin', password='{PASSWORD}', first_name='Bench', "
        "last_name='Admin', email='', role='ADMIN', status='APPROVED', at=timezone.now())"
    )
    subprocess.run(  # noqa: S603 - fixed arguments
        [*manage, "shell", "-c", create], cwd=BACKEND, env=env, check=True, capture_output=True
    )
    port = _free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [gunicorn, "config.wsgi:application", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=BACKEND,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api/v1/auth/token/"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/hospital/", timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        for _ in range(4):  # warm both workers
            _login(url)
        timings: list[float] = []
        failures = 0
        lock = threading.Lock()
        remaining = [args.logins]

        def client() -> None:
            nonlocal failures
            while True:
                with lock:
                    if remaining[0] == 0:
                        return
                    remaining[0] -= 1
                status, seconds = _login(url)
                with lock:
                    timings.append(seconds)
                    failures += status != 200

        threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"logins: {len(timings)} at concurrency {CONCURRENCY}, 2 gunicorn workers")
    print(f"failures: {failures}")
    print(f"p50: {statistics.median(timings) * 1000:.1f} ms   p95: {p95 * 1000:.1f} ms")
    print(f"throughput: {len(timings) / elapsed:.1f} logins/s")


if __name__ == "__main__":
    main()
