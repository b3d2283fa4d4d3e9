from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

from hms.accounts.models import User
from hms.audit.models import AuditEvent, UnusualAccessFlag
from hms.audit.services import audit_event_append, unusual_access_check, unusual_access_note

pytestmark = pytest.mark.django_db

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@override_settings(HMS_ADMIN_SIGNUP="code", HMS_ADMIN_SIGNUP_CODE="hospital-secret-code")
def test_a_wrong_admin_sign_up_code_is_a_security_event(api_client):
    body = {
        "username": "new.admin",
        "password": "a-long-enough-password-1",
        "first_name": "New",
        "last_name": "Admin",
        "signup_code": "guess",
    }
    response = api_client.post(
        "/api/v1/auth/signup/admin/", body, format="json", REMOTE_ADDR="10.1.2.3"
    )

    assert response.status_code == 403
    assert User.objects.count() == 0
    assert list(
        AuditEvent.objects.values_list("kind", "action", "outcome", "actor_id", "ip_address")
    ) == [("SECURITY", "auth.signup_code_wrong", "FAILURE", None, "10.1.2.3")]
    assert AuditEvent.objects.get().request_id == response["X-Request-ID"]


def _open(actor, patient_id, at):
    return audit_event_append(
        kind="ACCESS",
        actor=actor,
        action="patient.retrieve",
        object_type="patient",
        object_id=patient_id,
        patient_ids=[patient_id],
        at=at,
    )


@override_settings(HMS_UNUSUAL_ACCESS_PATIENTS=3, HMS_UNUSUAL_ACCESS_MINUTES=10)
def test_more_than_n_distinct_patients_within_m_minutes_raises_one_flag(admin_user):
    old = _open(admin_user, 1, AT - timedelta(minutes=11))
    events = [
        _open(admin_user, pk, AT + timedelta(minutes=m)) for pk, m in [(2, 0), (3, 1), (3, 2)]
    ]
    audit_event_append(
        kind="ACCESS", actor=admin_user, action="patient.list", patient_ids=[7, 8, 9], at=AT
    )

    assert unusual_access_check(actor=admin_user, at=AT + timedelta(minutes=2)) is None

    events.append(_open(admin_user, 4, AT + timedelta(minutes=3)))
    events.append(_open(admin_user, 5, AT + timedelta(minutes=4)))
    flag = unusual_access_check(actor=admin_user, at=AT + timedelta(minutes=4))

    assert flag is not None
    stored = UnusualAccessFlag.objects.get()
    assert (
        stored.actor_id,
        stored.patient_count,
        stored.window_start,
        stored.raised_at,
        stored.event_ids,
    ) == (
        admin_user.pk,
        4,
        AT - timedelta(minutes=6),
        AT + timedelta(minutes=4),
        [e.pk for e in events],
    )
    assert old.pk not in stored.event_ids
    # While the flag stands, more openings raise no second flag.
    _open(admin_user, 6, AT + timedelta(minutes=5))
    assert unusual_access_check(actor=admin_user, at=AT + timedelta(minutes=5)) is None
    assert UnusualAccessFlag.objects.count() == 1


@override_settings(HMS_UNUSUAL_ACCESS_PATIENTS=2, HMS_UNUSUAL_ACCESS_MINUTES=10)
def test_exactly_n_patients_raise_no_flag(admin_user):
    _open(admin_user, 1, AT)
    _open(admin_user, 2, AT)

    assert unusual_access_check(actor=admin_user, at=AT) is None
    assert UnusualAccessFlag.objects.count() == 0


def _open_and_note(actor, patient_id, at):
    event = _open(actor, patient_id, at)
    return event, unusual_access_note(actor=actor, patient_ids=[patient_id], at=at)


@override_settings(HMS_UNUSUAL_ACCESS_PATIENTS=3, HMS_UNUSUAL_ACCESS_MINUTES=10)
def test_openings_under_the_limit_cost_no_query(admin_user, django_assert_num_queries):
    for pk, minute in [(1, 0), (2, 3), (2, 3), (3, 9)]:
        at = AT + timedelta(minutes=minute)
        _open(admin_user, pk, at)
        with django_assert_num_queries(0):
            assert unusual_access_note(actor=admin_user, patient_ids=[pk], at=at) is None

    assert UnusualAccessFlag.objects.count() == 0


@override_settings(HMS_UNUSUAL_ACCESS_PATIENTS=3, HMS_UNUSUAL_ACCESS_MINUTES=10)
def test_the_opening_past_the_limit_raises_the_flag_once(admin_user):
    _open_and_note(admin_user, 9, AT - timedelta(minutes=12))
    events = [_open_and_note(admin_user, pk, AT + timedelta(minutes=pk))[0] for pk in (1, 2, 3)]

    fourth, flag = _open_and_note(admin_user, 4, AT + timedelta(minutes=4))

    assert flag is not None
    assert (
        flag.actor_id,
        flag.patient_count,
        flag.window_start,
        flag.raised_at,
        flag.event_ids,
    ) == (
        admin_user.pk,
        4,
        AT - timedelta(minutes=6),
        AT + timedelta(minutes=4),
        [*(event.pk for event in events), fourth.pk],
    )
    _, second = _open_and_note(admin_user, 5, AT + timedelta(minutes=5))
    assert second is None
    assert UnusualAccessFlag.objects.count() == 1


@override_settings(HMS_UNUSUAL_ACCESS_PATIENTS=2, HMS_UNUSUAL_ACCESS_MINUTES=10)
def test_the_same_patients_opened_minute_after_minute_raise_no_flag(admin_user):
    # The cache's per-minute tally passes 2; the log's exact count of distinct patients does not.
    for minute in range(6):
        for pk in (1, 2):
            assert _open_and_note(admin_user, pk, AT + timedelta(minutes=minute))[1] is None

    assert UnusualAccessFlag.objects.count() == 0


@override_settings(HMS_UNUSUAL_ACCESS_PATIENTS=2, HMS_UNUSUAL_ACCESS_MINUTES=10)
def test_each_person_is_counted_apart(admin_user, make_doctor):
    doctor = make_doctor().user
    for pk in (1, 2):
        _open_and_note(admin_user, pk, AT)
    for pk in (3, 4):
        _open_and_note(doctor, pk, AT)

    assert UnusualAccessFlag.objects.count() == 0
    assert _open_and_note(doctor, 5, AT)[1].actor_id == doctor.pk
