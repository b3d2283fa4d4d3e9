"""Start a real HMS server in a subprocess for the tests that need one (races, outages, fuzzing)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

BACKEND = Path(__file__).resolve().parents[3]
# Startup on a busy machine can be slow; this is a readiness wait, never an assertion on speed.
STARTUP_SECONDS = 180
# Settings a test chooses for the server it starts, never inherited from the environment.
_CHOSEN_BY_THE_TEST = ("HMS_", "DJANGO_", "DATABASE_URL", "CACHE_URL", "DEBUG", "DB_")


def server_env(**chosen: str) -> dict[str, str]:
    """This process's environment without the settings in _CHOSEN_BY_THE_TEST, plus `chosen`.

    What stays is what any process needs (PATH, the virtualenv, TMPDIR) and what the test
    settings hand down (SECRET_KEY).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(_CHOSEN_BY_THE_TEST)}
    env.update(chosen)
    return env


def postgres_url(
    database: Mapping[str, Any], *, host: str | None = None, port: int | None = None
) -> str:
    """A DATABASE_URL for Django's `settings_dict` of a PostgreSQL database.

    `host` and `port` send the server elsewhere (a proxy in front of the database).
    """
    user = quote(database["USER"], safe="")
    password = quote(database["PASSWORD"] or "", safe="")
    host = host or database["HOST"] or "127.0.0.1"
    port = port or int(database["PORT"] or 5432)
    return f"postgres://{user}:{password}@{host}:{port}/{quote(database['NAME'], safe='')}"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port}:\n{log.read_text()[-4000:]}")


@contextmanager
def running_server(
    command: list[str], *, env: dict[str, str], port: int, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command` in backend/ in its own process group until the block ends."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - manage.py of this repository
            command,
            cwd=BACKEND,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_port(port, process, log)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
