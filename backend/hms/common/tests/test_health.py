from __future__ import annotations

import pytest
from django.db.backends.utils import CursorWrapper
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from hms.common import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each test starts like a new worker: the migration check has not passed yet.
    monkeypatch.setattr(health, "_migrations_applied", False)


def test_live_answers_ok(api_client):
    response = api_client.get("/api/v1/health/live/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "detail": "alive"}


def test_ready_answers_ok_when_every_migration_is_applied(api_client):
    response = api_client.get("/api/v1/health/ready/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "detail": "ready"}


def test_ready_is_503_with_the_number_of_pending_migrations(api_client, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: ["a", "b"])
    response = api_client.get("/api/v1/health/ready/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "detail": "2 migrations not applied"}


def test_ready_checks_migrations_again_until_they_are_applied(api_client, monkeypatch):
    plans = [["a"], []]
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: plans.pop(0))
    assert api_client.get("/api/v1/health/ready/").status_code == 503
    assert api_client.get("/api/v1/health/ready/").status_code == 200
    assert plans == []


def test_ready_loads_the_migration_graph_once_per_process(api_client, monkeypatch):
    calls = []

    def plan(self, targets):
        calls.append(targets)
        return []

    monkeypatch.setattr(MigrationExecutor, "migration_plan", plan)
    for _ in range(3):
        assert api_client.get("/api/v1/health/ready/").json() == {"status": "ok", "detail": "ready"}
    assert len(calls) == 1


def test_ready_is_503_when_the_database_does_not_answer(api_client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", True)

    def refuse(self, sql, params=None):
        raise OSError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = api_client.get("/api/v1/health/ready/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "detail": "database unreachable"}


@pytest.mark.parametrize("path", ["/api/v1/health/live/", "/api/v1/health/ready/"])
def test_probes_refuse_other_methods_with_the_error_shape(path):
    response = Client().post(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json() == {
        "code": "METHOD_NOT_ALLOWED",
        "message": "This method is not allowed here.",
        "fields": {},
    }


@pytest.mark.parametrize("path", ["/api/v1/health/live/", "/api/v1/health/ready/"])
def test_probes_run_no_authentication(path):
    response = Client().get(path, headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 200
