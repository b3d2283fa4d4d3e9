"""The development server (`manage.py runserver`, local settings) on PostgreSQL keeps no database
connection past its request: it answers each client connection on a thread of its own, so a kept
connection would be held for as long as that client keeps its socket open, and enough idle or
abandoned clients would use up the database's connection slots (every request then a 503)."""

from __future__ import annotations

import http.client
import sys
import time

import pytest
from django.db import connection

from hms.common.tests.live_server import free_port, postgres_url, running_server, server_env

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's connection slots"),
]

CLIENTS = 6


def _server_connections(database: str, own_pid: int) -> int:
    """Connections to `database` other than this test's own."""
    with connection.cursor() as cursor:
        # The test runs in a transaction, which would otherwise see one snapshot of the activity.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            [database, own_pid],
        )
        return int(cursor.fetchone()[0])


def test_runserver_closes_each_requests_database_connection(tmp_path):
    port = free_port()
    env = server_env(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL=postgres_url(connection.settings_dict),
        HMS_DEV_KEYS_FILE=str(tmp_path / ".dev-keys"),
        DEBUG="false",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        own_pid = int(cursor.fetchone()[0])
    database = connection.settings_dict["NAME"]
    before = _server_connections(database, own_pid)
    command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    clients: list[http.client.HTTPConnection] = []
    with running_server(command, env=env, port=port, log=tmp_path / "runserver.log"):
        try:
            # Each client asks for readiness (a query on the database) and keeps its socket open.
            statuses = []
            for _ in range(CLIENTS):
                client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                clients.append(client)
                client.request("GET", "/api/v1/health/ready/")
                response = client.getresponse()
                response.read()
                statuses.append(response.status)
                assert response.getheader("Connection") != "close"

            assert statuses == [200] * CLIENTS
            # Every client is still connected, and the server holds no database connection for
            # them (a request's connection is closed just after its answer is sent: allow it a
            # moment).
            deadline = time.monotonic() + 10
            while _server_connections(database, own_pid) > before and time.monotonic() < deadline:
                time.sleep(0.1)
            assert _server_connections(database, own_pid) == before
        finally:
            for client in clients:
                client.close()
