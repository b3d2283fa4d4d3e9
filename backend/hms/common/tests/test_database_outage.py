"""While the database cannot be reached the API answers 503 with Retry-After, never 500."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
import requests
from django.db import OperationalError, connection, connections
from django.test import RequestFactory

from hms.accounts.tests.factories import AdminFactory
from hms.accounts.tests.tokens import session_tokens
from hms.common.tests.live_server import free_port, postgres_url, running_server, server_env
from hms.common.tests.tcp_proxy import CuttableProxy
from hms.common.views import server_error

UNAVAILABLE = {
    "code": "SERVICE_UNAVAILABLE",
    "message": "The service is briefly unavailable; try again in a few seconds.",
    "fields": {},
}


def assert_unavailable(response) -> None:
    assert response.status_code == 503, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "5"
    assert response.json() == UNAVAILABLE


@pytest.mark.django_db
def test_a_view_that_cannot_reach_the_database_answers_503(api_client, admin_user):
    token = session_tokens(admin_user).access
    api_client.validate_contract = False
    down = OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    with mock.patch.object(type(connections["default"]), "ensure_connection", side_effect=down):
        assert_unavailable(api_client.get("/api/v1/departments/"))
        assert_unavailable(api_client.get("/api/v1/auth/me/", HTTP_AUTHORIZATION=f"Bearer {token}"))
        assert_unavailable(
            api_client.post("/api/v1/auth/token/", {"username": "a", "password": "b"})
        )
    assert api_client.get("/api/v1/departments/").status_code == 200


def test_a_database_failure_outside_any_view_is_503_and_other_failures_stay_500():
    request = RequestFactory().get("/api/v1/departments/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert (response.status_code, response["Retry-After"]) == (503, "5")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500


# --- a real outage: the API on gunicorn, PostgreSQL behind a proxy the test cuts ------------------


@pytest.fixture
def api_behind_cuttable_database(tmp_path: Path) -> Iterator[tuple[str, CuttableProxy, str]]:
    admin = AdminFactory(username="outage.admin")
    token = session_tokens(admin).access
    database = connection.settings_dict
    proxy = CuttableProxy((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    port = free_port()
    env = server_env(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=postgres_url(database, host="127.0.0.1", port=proxy.port),
        DB_CONN_MAX_AGE="60",
        # Each round repeats a wrong password on purpose: what is measured is the outage, not
        # the per-account lockout that would otherwise answer 429 from the sixth attempt.
        HMS_LOCKOUT_ATTEMPTS="1000",
    )
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "2",
    ]  # fmt: skip
    try:
        with running_server(command, env=env, port=port, log=tmp_path / "gunicorn.log"):
            yield f"http://127.0.0.1:{port}", proxy, token
    finally:
        proxy.close()


def _round(base: str, token: str) -> dict[str, list[requests.Response]]:
    """Every kind of request the outage touches, four of each, all at once."""
    calls = {
        "me": lambda: requests.get(
            f"{base}/api/v1/auth/me/", headers={"Authorization": f"Bearer {token}"}, timeout=60
        ),
        "departments": lambda: requests.get(f"{base}/api/v1/departments/", timeout=60),
        "login": lambda: requests.post(
            f"{base}/api/v1/auth/token/",
            json={"username": "outage.admin", "password": "wrong-password"},
            timeout=60,
        ),
        "ready": lambda: requests.get(f"{base}/api/v1/health/ready/", timeout=60),
        "live": lambda: requests.get(f"{base}/api/v1/health/live/", timeout=60),
    }
    results: dict[str, list[requests.Response]] = {name: [] for name in calls}
    lock = threading.Lock()

    def work(name: str) -> None:
        response = calls[name]()
        with lock:
            results[name].append(response)

    threads = [threading.Thread(target=work, args=(name,)) for name in calls for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _statuses(results: dict[str, list[requests.Response]]) -> dict[str, list[int]]:
    return {name: sorted(r.status_code for r in responses) for name, responses in results.items()}


HEALTHY = {
    "me": [200] * 4,
    "departments": [200] * 4,
    "login": [401] * 4,
    "ready": [200] * 4,
    "live": [200] * 4,
}


@pytest.mark.postgres
@pytest.mark.live_server
# The server in another process must see the rows: committed, as the other concurrency tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_outage_is_503_while_it_lasts_and_nothing_after(api_behind_cuttable_database):
    base, proxy, token = api_behind_cuttable_database
    for _ in range(3):  # every worker holds a persistent connection before the cut
        assert _statuses(_round(base, token)) == HEALTHY

    proxy.cut()
    for _ in range(3):
        during = _round(base, token)
        assert _statuses(during) == {
            "me": [503] * 4,
            "departments": [503] * 4,
            "login": [503] * 4,
            "ready": [503] * 4,
            "live": [200] * 4,
        }
        for name in ("me", "departments", "login"):
            for response in during[name]:
                assert response.headers["Retry-After"] == "5"
                assert response.headers["Cache-Control"] == "no-store"
                assert response.json() == UNAVAILABLE

    proxy.restore()
    for _ in range(3):
        assert _statuses(_round(base, token)) == HEALTHY


@pytest.mark.postgres
@pytest.mark.live_server
# The server in another process must see the rows: committed, as the other concurrency tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_connections_broken_by_a_short_outage_are_replaced_before_use(
    api_behind_cuttable_database,
):
    base, proxy, token = api_behind_cuttable_database
    for _ in range(3):  # every worker thread holds a persistent connection
        assert _statuses(_round(base, token)) == HEALTHY
    # The database restarts between two requests: every kept connection is now dead, and each
    # is checked (CONN_HEALTH_CHECKS) and replaced before a request uses it.
    proxy.cut()
    proxy.restore()
    for _ in range(3):
        assert _statuses(_round(base, token)) == HEALTHY
