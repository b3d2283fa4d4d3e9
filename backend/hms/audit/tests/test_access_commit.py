"""An access event written on its own commits without waiting for the WAL flush; others wait.

PostgreSQL only: the INSERT of an ACCESS event in autocommit carries
`set_config('synchronous_commit', 'off', true)`, which reaches that one transaction. Change and
security events, and an access event inside a caller's transaction, commit durably.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hms.audit.chain import GENESIS_HASH, chain_verify
from hms.audit.models import AuditEvent
from hms.audit.services import (
    access_commit_skips_flush,
    audit_event_append,
    audit_record,
    audit_security,
)
from hms.common.tests.direct_connection import wal_flushes

# serialized_rollback: emptying the tables between tests must not lose the migrations' rows.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
SKIP_FLUSH = "set_config('synchronous_commit', 'off', true)"


def _access(actor, **fields):
    return audit_event_append(
        kind="ACCESS",
        actor=actor,
        action=fields.pop("action", "patient.list"),
        object_type="patient",
        at=AT,
        **fields,
    )


def _inserts(captured) -> list[str]:
    return [
        query["sql"] for query in captured.captured_queries if query["sql"].startswith("INSERT")
    ]


def _synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


def test_an_access_event_on_its_own_skips_the_flush_wait_and_only_for_itself(admin_user):
    assert access_commit_skips_flush() is True

    with CaptureQueriesContext(connection) as captured:
        event = _access(admin_user, patient_ids=[3, 1, 2], detail={"filters": ["search"]})

    [insert] = _inserts(captured)
    assert SKIP_FLUSH in insert
    # The trigger set the chain's columns and the INSERT read them back (not the expression).
    stored = AuditEvent.objects.get()
    assert (event.prev_hash, event.hash) == (GENESIS_HASH, stored.hash)
    assert stored.prev_hash == GENESIS_HASH
    assert len(stored.hash) == 64
    assert stored.patient_ids == [1, 2, 3]
    assert chain_verify([stored]) == (1, None)
    # The setting ended with that INSERT's transaction: the session's next ones wait again.
    assert _synchronous_commit() == "on"


def test_change_and_security_events_wait_for_the_flush(admin_user, make_patient):
    patient = make_patient()

    with CaptureQueriesContext(connection) as captured:
        audit_record(actor=admin_user, action="patient.update", patient=patient, at=AT)
        audit_security(actor=admin_user, action="access.denied", object_id="7", at=AT)

    inserts = _inserts(captured)
    assert len(inserts) == 2
    assert all(SKIP_FLUSH not in sql for sql in inserts)
    assert list(AuditEvent.objects.order_by("id").values_list("kind", "action")) == [
        ("CHANGE", "patient.update"),
        ("SECURITY", "access.denied"),
    ]

    # Each durable commit returns only after a flush of the WAL that holds it: ten appends one
    # after the other take ten flushes at least (other sessions' commits can only add to it).
    before = wal_flushes()
    for number in range(10):
        audit_security(actor=None, action="auth.signup_code_wrong", object_id=str(number), at=AT)
    assert wal_flushes() - before >= 10


def test_access_events_on_their_own_do_not_flush_each(admin_user):
    # Flushes of one WAL take turns (each a disk write), so other sessions' commits during these
    # appends stay far below their number; durable appends would take one flush each.
    before = wal_flushes()
    for number in range(60):
        _access(admin_user, action="patient.retrieve", object_id=str(number), patient_ids=[1])
    assert wal_flushes() - before < 30
    assert chain_verify(AuditEvent.objects.order_by("id").iterator()) == (60, None)


def test_inside_a_callers_transaction_an_access_event_commits_with_it(admin_user):
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        assert access_commit_skips_flush() is False
        _access(admin_user, patient_ids=[5])
        # The caller's other writes in this transaction still wait for the flush.
        assert _synchronous_commit() == "on"

    [insert] = _inserts(captured)
    assert SKIP_FLUSH not in insert
    assert AuditEvent.objects.get().patient_ids == [5]


def test_the_setting_off_makes_access_events_wait_too(admin_user, settings):
    settings.HMS_AUDIT_ACCESS_ASYNC_COMMIT = False
    assert access_commit_skips_flush() is False

    with CaptureQueriesContext(connection) as captured:
        _access(admin_user, patient_ids=[5])

    [insert] = _inserts(captured)
    assert SKIP_FLUSH not in insert
    assert AuditEvent.objects.get().patient_ids == [5]


def test_concurrent_access_and_change_events_keep_one_chain(admin_user):
    errors: list[str] = []
    start = threading.Barrier(8)

    def append_ten(number: int) -> None:
        try:
            start.wait()
            for step in range(10):
                if number % 2:
                    _access(admin_user, object_id=f"{number}-{step}", patient_ids=[number])
                else:
                    audit_record(actor=None, action="auth.login", outcome="FAILURE", at=AT)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=append_ten, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert chain_verify(AuditEvent.objects.order_by("id").iterator()) == (80, None)
    assert AuditEvent.objects.values("prev_hash").distinct().count() == 80
    assert AuditEvent.objects.filter(kind="ACCESS").count() == 40
    assert AuditEvent.objects.filter(kind="SECURITY").count() == 40
