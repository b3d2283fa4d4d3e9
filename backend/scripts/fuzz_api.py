"""Contract fuzzing: schemathesis against HMS on PostgreSQL, once per role (`make fuzz`).

A fresh PostgreSQL database (named after DATABASE_URL's, or `hms`) gets the migrations and the
demo data; gunicorn serves the API on a free port; schemathesis then sends generated requests
from openapi.yaml as the anonymous visitor, a patient, a doctor and an admin (in that order: the
admin's run deletes and rewrites rows). Every answer must be no server error, carry a status
and content type the operation documents, and match its schema. Prints the cases per role and
exits non-zero on any failure. The budget per role keeps the whole run within three minutes.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import requests
from psycopg import sql

BACKEND = Path(__file__).resolve().parents[1]
REPO = BACKEND.parent
SCHEMA = REPO / "openapi.yaml"
DEFAULT_DATABASE_URL = "postgres://hms:hms@127.0.0.1:5432/hms"
# The demo accounts (hms/accounts/demo.py) each role signs in with.
ROLES: list[tuple[str, str | None]] = [
    ("anonymous", None),
    ("patient", "priya"),
    ("doctor", "dr.anita"),
    ("admin", "admin"),
]
CHECKS = os.environ.get(
    "HMS_FUZZ_CHECKS",
    "not_a_server_error,status_code_conformance,content_type_conformance,"
    "response_schema_conformance",
).split(",")
# Per role: cases per operation, and a time cap for the role's run (seconds).
MAX_EXAMPLES = int(os.environ.get("HMS_FUZZ_MAX_EXAMPLES", "10"))
MAX_SECONDS = int(os.environ.get("HMS_FUZZ_SECONDS_PER_ROLE", "30"))
SEED = int(os.environ.get("HMS_FUZZ_SEED", "20261126"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _database_url(base: str, name: str) -> str:
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


@contextmanager
def _fresh_database() -> Iterator[str]:
    configured = os.environ.get("DATABASE_URL", "")
    base = configured if configured.startswith("postgres") else DEFAULT_DATABASE_URL
    name = f"{urlsplit(base).path.lstrip('/') or 'hms'}_fuzz_{os.getpid()}"
    admin_url = _database_url(base, "postgres")

    def run(statement: str) -> None:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(name)))

    run("DROP DATABASE IF EXISTS {}")
    run("CREATE DATABASE {}")
    try:
        yield _database_url(base, name)
    finally:
        run("DROP DATABASE IF EXISTS {} WITH (FORCE)")


def _environment(database_url: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("HMS_", "DJANGO_", "DATABASE_URL", "CACHE_URL", "DEBUG"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database_url,
        HMS_ACCESS_TOKEN_MINUTES="60",  # noqa: S106 - a lifetime, not a secret
        # One signing key for every worker of this run (the test settings would otherwise make
        # one per process, and a token signed by one worker would be refused by the other).
        SECRET_KEY=secrets.token_urlsafe(64),
    )
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(  # noqa: S603 - this repository's manage.py
        [sys.executable, "manage.py", *args],
        cwd=BACKEND,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@contextmanager
def _server(env: dict[str, str], log: Path) -> Iterator[str]:
    port = _free_port()
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60",
        # As deploy/serve-production.sh: above Django's own URL limit, so it answers the 414.
        "--limit-request-line", "8190",
    ]  # fmt: skip
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
            command, cwd=BACKEND, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise SystemExit(f"gunicorn exited:\n{log.read_text()[-3000:]}")
            try:
                if requests.get(f"{base}/api/v1/health/ready/", timeout=30).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not become ready:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _token(base: str, username: str, password: str) -> str:
    response = requests.post(
        f"{base}/api/v1/auth/token/",
        json={"username": username, "password": password},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["access"])


def _fuzz(base: str, token: str | None, workdir: Path) -> dict[str, int]:
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", str(SCHEMA),
        "--url", base,
        "--checks", ",".join(CHECKS),
        "--phases", "examples,coverage,fuzzing",
        "--max-examples", str(MAX_EXAMPLES),
        "--max-time", str(MAX_SECONDS),
        "--seed", str(SEED),
        # One worker: CPython 3.11's compiler is not safe when several threads build ASTs at
        # once, which schemathesis's generators do.
        "--workers", "1",
        "--request-timeout", "30",
        "--suppress-health-check", "all",
        "--output-truncate", "true",
    ]  # fmt: skip
    if token:
        # Revoking a session by id can end the very session this run signs its requests with,
        # after which every operation would answer 401 and test nothing.
        command += ["--header", f"Authorization: Bearer {token}"]
        command += ["--exclude-path-regex", r"^/api/v1/auth/sessions/\{id\}/revoke/$"]
    process = subprocess.Popen(  # noqa: S603 - schemathesis from this virtualenv
        # Run in the scratch folder: schemathesis keeps a cache folder in its working directory.
        command,
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    output = []
    for line in process.stdout:
        sys.stdout.write(line)
        output.append(line)
    return {"exit": process.wait(), **_count("".join(output))}


def _count(output: str) -> dict[str, int]:
    """Cases generated and problems found, read from schemathesis's summary."""
    generated = re.search(r"(\d+) generated", output)
    summary = output.strip().splitlines()[-1] if output.strip() else ""
    problems = {
        kind: int(number) for number, kind in re.findall(r"(\d+) (failure|error)s?\b", summary)
    }
    return {
        "cases": int(generated[1]) if generated else 0,
        "failures": problems.get("failure", 0),
        "errors": problems.get("error", 0),
    }


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="hms-fuzz-"))
    started = time.monotonic()
    with _fresh_database() as database_url:
        env = _environment(database_url)
        _manage(env, "migrate", "--noinput")
        seeded = _manage(env, "seed_demo")
        password = seeded.rsplit("password:", 1)[1].strip()
        with _server(env, workdir / "gunicorn.log") as base:
            tokens = {role: _token(base, user, password) if user else None for role, user in ROLES}
            results = {role: _fuzz(base, tokens[role], workdir) for role, _ in ROLES}
    print(f"\nschemathesis per role ({time.monotonic() - started:.0f} s, logs in {workdir}):")
    for role, result in results.items():
        print(
            f"  {role:<10} {result['cases']:>6} cases  {result['failures']:>3} failures"
            f"  {result['errors']:>3} errors"
        )
    failed = [
        role
        for role, result in results.items()
        if result["exit"] or result["failures"] or result["errors"] or not result["cases"]
    ]
    if failed:
        print(f"fuzz: failures for {', '.join(failed)} (details above)")
        return 1
    print("fuzz: 0 server errors, 0 schema violations, 0 undocumented statuses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
