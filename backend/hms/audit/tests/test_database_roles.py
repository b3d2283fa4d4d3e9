"""On PostgreSQL the application's role may INSERT and SELECT on the audit log, nothing else.

Needs a login role for the application (`hms_app`/`hms_app` unless HMS_TEST_APP_ROLE and
HMS_TEST_APP_ROLE_PASSWORD say otherwise); CI creates it.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import psycopg
import pytest
from django.db import connection

from hms.audit.chain import chain_verify
from hms.audit.models import AuditEvent
from hms.audit.roles import grant_application_role
from hms.audit.services import audit_record
from hms.common.tests.direct_connection import direct_connection

# serialized_rollback: emptying the tables between tests must not lose the migrations' rows.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

APP_ROLE = os.environ.get("HMS_TEST_APP_ROLE", "hms_app")
APP_PASSWORD = os.environ.get("HMS_TEST_APP_ROLE_PASSWORD", "hms_app")
AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _connect(user, password, **extra):
    return direct_connection(user=user, password=password, **extra)


@pytest.fixture
def app_connection(admin_user):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [APP_ROLE])
        if cursor.fetchone() is None:
            pytest.skip(f"no database role {APP_ROLE} for the application (CI creates it)")
    grant_application_role(connection, role=APP_ROLE)
    with _connect(APP_ROLE, APP_PASSWORD) as conn:
        yield conn


def _snapshot():
    return list(AuditEvent.objects.order_by("id").values_list("id", "action", "hash"))


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET action = 'doctor.reject'",
        "DELETE FROM audit_auditevent",
        "TRUNCATE audit_auditevent",
        "TRUNCATE accounts_user CASCADE",
        "ALTER TABLE audit_auditevent DISABLE TRIGGER USER",
        "ALTER TABLE audit_auditevent ADD COLUMN note text",
        "DROP TRIGGER audit_auditevent_no_update ON audit_auditevent",
        "DROP TRIGGER audit_auditevent_chain ON audit_auditevent",
        "SET session_replication_role = replica",
        "DROP TABLE audit_auditevent",
    ],
)
def test_the_application_role_cannot_change_or_erase_the_log(app_connection, admin_user, statement):
    audit_record(
        actor=admin_user, action="doctor.approve", object_type="doctor", object_id=1, at=AT
    )
    before = _snapshot()

    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        app_connection.execute(statement)

    assert _snapshot() == before


def test_the_application_role_may_append_and_read(app_connection, admin_user):
    audit_record(
        actor=admin_user, action="doctor.approve", object_type="doctor", object_id=1, at=AT
    )

    app_connection.execute(
        "INSERT INTO audit_auditevent (at, kind, actor_role, actor_name, action, object_type,"
        " object_id, patient_ids, detail, outcome, request_id, prev_hash, hash)"
        " VALUES (now(), 'ACCESS', '', '', 'patient.list', 'patient', '', '[]', '{}',"
        " 'SUCCESS', '', 'forged', 'forged')"
    )
    count = app_connection.execute("SELECT count(*) FROM audit_auditevent").fetchone()

    assert count == (2,)
    # The database chained the row itself, over what the role sent.
    assert chain_verify(AuditEvent.objects.order_by("id")) == (2, None)
    # Its other tables stay writable.
    app_connection.execute(
        "UPDATE accounts_user SET first_name = 'Asha' WHERE id = %s", [admin_user.pk]
    )
    assert app_connection.execute(
        "SELECT first_name FROM accounts_user WHERE id = %s", [admin_user.pk]
    ).fetchone() == ("Asha",)


def test_truncate_is_refused_by_a_trigger_even_for_the_owner(admin_user):
    audit_record(
        actor=admin_user, action="doctor.approve", object_type="doctor", object_id=1, at=AT
    )
    settings = connection.settings_dict
    before = _snapshot()

    with (
        _connect(settings["USER"], settings["PASSWORD"]) as owner,
        pytest.raises(psycopg.errors.RaiseException) as raised,
    ):
        owner.execute("TRUNCATE audit_auditevent")

    assert "TRUNCATE refused" in str(raised.value)
    assert _snapshot() == before


def test_the_application_role_may_skip_the_flush_wait_of_an_access_event(app_connection):
    # As the application writes an access event on its own (hms.audit.services).
    app_connection.execute(
        "INSERT INTO audit_auditevent (at, kind, actor_role, actor_name, action, object_type,"
        " object_id, patient_ids, detail, outcome, request_id, prev_hash)"
        " VALUES (now(), 'ACCESS', '', '', 'patient.list', 'patient', '', '[7]', '{}',"
        " 'SUCCESS', '', left(set_config('synchronous_commit', 'off', true), 0))"
    )

    assert app_connection.execute("SHOW synchronous_commit").fetchone() == ("on",)
    assert list(AuditEvent.objects.values_list("action", "patient_ids")) == [("patient.list", [7])]
    assert chain_verify(AuditEvent.objects.order_by("id")) == (1, None)
