from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from hms.audit.chain import GENESIS_HASH, event_digest
from hms.audit.models import AuditEvent
from hms.audit.services import audit_event_append, audit_record
from hms.common.request_context import set_request_context

pytestmark = pytest.mark.django_db

AT = datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=UTC)


@contextmanager
def owner_lifts_the_triggers():
    """What a database owner (not the application) could do: lift the triggers for a moment."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test's own transaction still holds deferred foreign-key checks.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
            yield cursor
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER audit_auditevent_no_update")
            yield cursor
            cursor.execute(
                "CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent "
                "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
            )


def _three_events(actor):
    return [
        audit_record(actor=actor, action="doctor.approve", object_type="doctor", object_id=i, at=AT)
        for i in (1, 2, 3)
    ]


def test_each_row_chains_to_the_one_before(admin_user):
    first, second, third = _three_events(admin_user)

    rows = list(AuditEvent.objects.order_by("id").values_list("id", "prev_hash", "hash"))
    assert rows == [
        (first.pk, GENESIS_HASH, first.hash),
        (second.pk, first.hash, second.hash),
        (third.pk, second.hash, third.hash),
    ]
    stored = AuditEvent.objects.get(pk=second.pk)
    assert event_digest(prev_hash=first.hash, event=stored) == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3


def test_an_event_records_who_what_and_the_request(admin_user, make_patient):
    patient = make_patient()
    admin_user.first_name, admin_user.last_name = "Asha", "Rao"
    set_request_context(request_id="req-12345678", client_ip="2001:DB8::1")
    try:
        event = audit_event_append(
            kind="ACCESS",
            actor=admin_user,
            action="patient.list",
            object_type="patient",
            patient_ids=[patient.pk, 7, patient.pk],
            detail={"filters": ["search"]},
            at=AT,
        )
    finally:
        set_request_context(request_id=None, client_ip=None)

    stored = AuditEvent.objects.get(pk=event.pk)
    assert (
        stored.kind,
        stored.actor_id,
        stored.actor_role,
        stored.actor_name,
        stored.patient_ids,
        stored.detail,
        stored.request_id,
        stored.ip_address,
        stored.at,
    ) == (
        "ACCESS",
        admin_user.pk,
        "ADMIN",
        "Asha Rao",
        sorted([patient.pk, 7]),
        {"filters": ["search"]},
        "req-12345678",
        "2001:db8::1",
        AT,
    )
    assert event_digest(prev_hash=stored.prev_hash, event=stored) == stored.hash


def test_change_and_sign_in_events_get_their_kind(admin_user, make_patient):
    patient = make_patient()
    change = audit_record(actor=admin_user, action="patient.approve", patient=patient, at=AT)
    login = audit_record(actor=admin_user, action="auth.login", at=AT)
    refused = audit_record(actor=None, action="doctor.approve", outcome="FAILURE", at=AT)

    assert [(e.kind, e.patient_ids) for e in (change, login, refused)] == [
        ("CHANGE", [patient.pk]),
        ("SECURITY", []),
        ("SECURITY", []),
    ]


def test_patient_ids_lookup_finds_events_naming_a_patient(admin_user):
    both = audit_event_append(
        kind="ACCESS", actor=admin_user, action="patient.list", patient_ids=[3, 12], at=AT
    )
    only_twelve = audit_event_append(
        kind="ACCESS", actor=admin_user, action="patient.retrieve", patient_ids=[12], at=AT
    )
    audit_event_append(kind="ACCESS", actor=admin_user, action="patient.list", at=AT)

    assert sorted(
        AuditEvent.objects.filter(patient_ids__has_id=12).values_list("id", flat=True)
    ) == [
        both.pk,
        only_twelve.pk,
    ]
    assert list(AuditEvent.objects.filter(patient_ids__has_id=3).values_list("id", flat=True)) == [
        both.pk
    ]
    assert not AuditEvent.objects.filter(patient_ids__has_id=1).exists()


def test_audit_verify_reports_an_intact_chain(admin_user):
    _three_events(admin_user)
    out = StringIO()

    call_command("audit_verify", stdout=out)

    assert out.getvalue() == "Audit chain intact: 3 events verified.\n"


def test_audit_verify_finds_a_row_rewritten_by_the_owner(admin_user):
    _, second, _ = _three_events(admin_user)
    with owner_lifts_the_triggers() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET action = 'doctor.reject' WHERE id = %s", [second.pk]
        )

    with pytest.raises(CommandError) as raised:
        call_command("audit_verify")

    assert str(raised.value) == (
        f"Audit chain broken at event #{second.pk}: hash does not match the row's contents "
        "(2 rows read)."
    )


def test_audit_verify_finds_a_removed_row(admin_user):
    _, second, third = _three_events(admin_user)
    with owner_lifts_the_triggers() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [second.pk])

    with pytest.raises(CommandError) as raised:
        call_command("audit_verify")

    assert str(raised.value) == (
        f"Audit chain broken at event #{third.pk}: prev_hash does not match the previous row's "
        "hash (2 rows read)."
    )
