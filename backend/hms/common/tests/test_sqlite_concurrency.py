"""The `make run` server on SQLite under parallel writers: queued, never "database is locked".

The server is started as `make run` starts it (local settings, the threaded development server,
a SQLite file), on a fresh database in a temporary folder, whatever database the rest of the
suite uses. Twenty patients book the same slot at the same moment while one patient's refresh
token is refreshed ten times at once.
"""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from hms.appointments.models import Appointment
from hms.common.tests.live_server import BACKEND, free_port, running_server, server_env

pytestmark = pytest.mark.live_server

BOOKINGS = 20
REFRESHES = 10

# Run inside the server's own settings and database with `manage.py shell`: approved people,
# the first free slot of the doctor, and tokens, printed as one JSON line.
SEED = f"""
import json
from datetime import timedelta
from django.utils import timezone
from hms.accounts.tests.tokens import session_tokens
from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.appointments.selectors import slot_list
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.tests.factories import PatientFactory

now = timezone.now()
doctor = DoctorFactory(user=UserFactory(role=Role.DOCTOR, username="dr.race"))
patients = [
    PatientFactory(user=UserFactory(role=Role.PATIENT, username=f"patient.race.{{n}}"))
    for n in range({BOOKINGS})
]
slots = []
day = timezone.localdate(now)
while not slots:
    day += timedelta(days=1)
    slots = slot_list(viewer=doctor.user, doctor_id=doctor.pk, day=day, at=now)
print(json.dumps({{
    "doctor": doctor.pk,
    "starts_at": slots[0].starts_at.isoformat(),
    "access": [session_tokens(p.user).access for p in patients],
    "refresh": session_tokens(patients[0].user).refresh,
}}))
"""


@dataclass
class Answer:
    status_code: int
    body: dict[str, Any]

    def json(self) -> dict[str, Any]:
        return self.body


def _read_until(sock: socket.socket, marker: bytes) -> bytes:
    data = b""
    while marker not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def _run_parallel(base: str, calls: list[tuple[str, str, dict, dict]]) -> list[Answer]:
    """Send every (method, path, body, headers) at the same moment, each on its own connection.

    Each request is first sent up to its body with `Expect: 100-continue`, one at a time, and
    waits for the server's "100 Continue": then the server has accepted the connection and
    read the headers (the development server accepts only a few pending connections at a
    time). The bodies are sent together, so every view runs at once: the race is in the views.
    """
    barrier = threading.Barrier(len(calls))
    priming = threading.Lock()
    answers: list[Any] = [None] * len(calls)
    port = int(base.rsplit(":", 1)[1])

    def work(index: int) -> None:
        method, path, body, headers = calls[index]
        payload = json.dumps(body).encode()
        head = "".join(
            f"{name}: {value}\r\n"
            for name, value in {
                "Host": f"127.0.0.1:{port}",
                "Content-Type": "application/json",
                "Content-Length": str(len(payload)),
                "Expect": "100-continue",
                "Connection": "close",
                **headers,
            }.items()
        )
        with socket.create_connection(("127.0.0.1", port), timeout=300) as sock:
            with priming:
                sock.sendall(f"{method} {path} HTTP/1.1\r\n{head}\r\n".encode())
                interim = _read_until(sock, b"\r\n\r\n")
            assert interim.startswith(b"HTTP/1.1 100"), interim
            barrier.wait(timeout=120)
            sock.sendall(payload)
            raw = b""
            while chunk := sock.recv(65536):
                raw += chunk
        status_line, _, rest = raw.partition(b"\r\n")
        answers[index] = Answer(
            int(status_line.split()[1]), json.loads(rest.split(b"\r\n\r\n", 1)[1])
        )

    threads = [threading.Thread(target=work, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert all(not thread.is_alive() for thread in threads)
    return answers


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict]]:
    folder = tmp_path_factory.mktemp("sqlite-run")
    database = folder / "db.sqlite3"
    env = server_env(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL=f"sqlite:///{database}",
        HMS_SPA_DIST_DIR=str(folder / "no-spa"),
    )

    def manage(*args: str) -> str:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=BACKEND,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
        return result.stdout

    manage("migrate", "--noinput")
    seed = json.loads(manage("shell", "-c", SEED).strip().splitlines()[-1])
    port = free_port()
    command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    with running_server(command, env=env, port=port, log=folder / "runserver.log"):
        yield f"http://127.0.0.1:{port}", database, seed


def _log_line(log: Path, needle: str) -> str:
    """The server's log line holding `needle`; it is written just after the response is sent."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for line in log.read_text(encoding="utf-8").splitlines():
            if needle in line:
                return line
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} not in the log:\n{log.read_text(encoding='utf-8')[-3000:]}")


def test_parallel_bookings_and_refreshes_on_sqlite_queue_instead_of_failing(sqlite_server):
    base, database, seed = sqlite_server
    body = {"doctor": seed["doctor"], "starts_at": seed["starts_at"], "reason": "Cough"}

    calls = [
        ("POST", "/api/v1/appointments/", body, {"Authorization": f"Bearer {token}"})
        for token in seed["access"]
    ] + [("POST", "/api/v1/auth/token/refresh/", {"refresh": seed["refresh"]}, {})] * REFRESHES
    responses = _run_parallel(base, calls)
    bookings, refreshes = responses[:BOOKINGS], responses[BOOKINGS:]

    assert sorted(response.status_code for response in bookings) == [201] + [409] * 19
    assert Counter(r.json()["code"] for r in bookings if r.status_code == 409) == {"SLOT_TAKEN": 19}
    assert [r.status_code for r in refreshes if r.status_code >= 500] == []
    with sqlite3.connect(database) as rows:
        stored = rows.execute(
            f"SELECT starts_at FROM {Appointment._meta.db_table}"  # noqa: S608
        ).fetchall()
    assert len(stored) == 1
    winner = next(r for r in bookings if r.status_code == 201).json()
    assert (winner["doctor"], winner["status"]) == (seed["doctor"], "PENDING")


def test_the_sqlite_database_runs_in_wal_mode_with_immediate_transactions(sqlite_server):
    _, database, _ = sqlite_server
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_access_log_prints_the_servers_request_id_and_no_query_string(sqlite_server):
    base, database, seed = sqlite_server
    response = requests.get(
        f"{base}/api/v1/appointments/?search=cough&page_size=5",
        headers={
            "Authorization": f"Bearer {seed['access'][1]}",
            "X-Request-ID": "client-chosen-request-id",
        },
        timeout=60,
    )
    assert response.status_code == 200
    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    line = _log_line(database.parent / "runserver.log", f"[{request_id}]")
    assert '"GET /api/v1/appointments/ HTTP/1.1" 200' in line
    log = (database.parent / "runserver.log").read_text(encoding="utf-8")
    assert "cough" not in log
    assert "client-chosen-request-id" not in log
