"""A sign-in's session and its audit event are one statement on PostgreSQL, committed durably.

Outside any transaction (as a served request runs), the session's INSERT and the `auth.login`
event's append are sent as one statement: both rows or neither, in one round trip, and the
commit waits for the WAL flush like every security event.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from hms.accounts.models import Session
from hms.accounts.sessions import session_start_recorded
from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.audit.chain import chain_verify
from hms.audit.models import AuditEvent
from hms.common.tests.direct_connection import wal_flushes

# serialized_rollback: emptying the tables between tests must not lose the migrations' rows.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TOKEN_URL = "/api/v1/auth/token/"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"


def test_a_login_reads_the_account_then_writes_session_and_event_in_one_statement(
    api_client, admin_user
):
    with CaptureQueriesContext(connection) as captured:
        response = api_client.post(
            TOKEN_URL,
            {"username": "admin.one", "password": DEFAULT_PASSWORD},
            format="json",
            headers={"User-Agent": FIREFOX},
        )

    assert response.status_code == 200
    statements = [query["sql"] for query in captured.captured_queries]
    assert len(statements) == 2
    assert statements[0].startswith("SELECT")
    assert statements[1].startswith('WITH other AS (INSERT INTO "accounts_session"')
    assert 'INSERT INTO "audit_auditevent"' in statements[1]
    session = Session.objects.get()
    assert (session.user_id, session.refresh_generation, session.ended_at, session.end_reason) == (
        admin_user.pk,
        0,
        None,
        "",
    )
    assert (session.user_agent, session.device_label, session.ip_address) == (
        FIREFOX,
        "Firefox on Linux",
        "127.0.0.1",
    )
    assert session.expires_at - session.created_at == timedelta(days=7)
    assert session.enrolment_only is False
    event = AuditEvent.objects.get()
    assert (event.kind, event.action, event.actor_id, event.object_type, event.object_id) == (
        "SECURITY",
        "auth.login",
        admin_user.pk,
        "user",
        str(admin_user.pk),
    )
    assert (event.outcome, event.ip_address, event.at) == (
        "SUCCESS",
        "127.0.0.1",
        session.created_at,
    )
    assert chain_verify(AuditEvent.objects.order_by("id").iterator()) == (1, None)
    # The tokens name the session the statement created.
    me = api_client.get(
        "/api/v1/auth/me/", headers={"Authorization": f"Bearer {response.json()['access']}"}
    )
    assert me.status_code == 200


@override_settings(HMS_MFA_REQUIRED_ROLES=["ADMIN"])
def test_an_enrolment_only_session_is_written_by_the_statement_too(api_client, admin_user):
    response = api_client.post(
        TOKEN_URL, {"username": "admin.one", "password": DEFAULT_PASSWORD}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["mfa_enrolment_required"] is True
    assert Session.objects.get().enrolment_only is True
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["auth.login"]


def test_logins_wait_for_the_flush(admin_user):
    before = wal_flushes()
    for number in range(10):
        session_start_recorded(
            user=admin_user,
            user_agent="",
            ip_address=None,
            at=AT + timedelta(seconds=number),
        )
    assert wal_flushes() - before >= 10
    assert Session.objects.count() == 10
    assert chain_verify(AuditEvent.objects.order_by("id").iterator()) == (10, None)


def test_when_the_event_cannot_be_written_no_session_is_either(admin_user, monkeypatch):
    # A request id longer than its column: the event's INSERT fails, and with it the statement.
    monkeypatch.setattr("hms.audit.services.current_request_id", lambda: "x" * 65)

    with pytest.raises(DatabaseError):
        session_start_recorded(user=admin_user, user_agent="", ip_address=None, at=AT)

    assert (Session.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_inside_a_callers_transaction_both_rows_commit_with_it(admin_user):
    with CaptureQueriesContext(connection) as captured, transaction.atomic():
        session, _pair = session_start_recorded(
            user=admin_user, user_agent="", ip_address="10.0.0.7", at=AT
        )

    inserts = [query["sql"] for query in captured.captured_queries if "INSERT" in query["sql"]]
    assert [sql.split()[2] for sql in inserts] == ['"accounts_session"', '"audit_auditevent"']
    assert Session.objects.get().pk == session.pk
    assert list(AuditEvent.objects.values_list("action", "object_id")) == [
        ("auth.login", str(admin_user.pk))
    ]
