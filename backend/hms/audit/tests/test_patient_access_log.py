from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hms.audit.models import AuditEvent
from hms.audit.services import audit_event_append, audit_record, audit_security

pytestmark = pytest.mark.django_db

AT = datetime(2026, 3, 2, 4, 30, tzinfo=UTC)
URL = "/api/v1/patients/me/access-log/"


def _read(actor, patient_ids, at, action="patient.retrieve", object_id=""):
    return audit_event_append(
        kind="ACCESS",
        actor=actor,
        action=action,
        object_type=action.split(".")[0],
        object_id=object_id,
        patient_ids=patient_ids,
        at=at,
    )


def test_a_patient_sees_who_opened_their_record_newest_first(
    client_for, admin_user, make_doctor, make_patient
):
    doctor = make_doctor(user__first_name="Meera", user__last_name="Iyer")
    patient = make_patient()
    other = make_patient()
    admin_user.first_name, admin_user.last_name = "Asha", "Rao"
    opened = _read(doctor.user, [patient.pk], AT, object_id=patient.pk)
    listed = _read(admin_user, [other.pk, patient.pk], AT + timedelta(hours=1), "patient.list")
    changed = audit_record(
        actor=admin_user,
        action="patient.update",
        object_type="patient",
        object_id=patient.pk,
        patient=patient,
        at=AT + timedelta(hours=2),
    )
    _read(patient.user, [patient.pk], AT + timedelta(hours=3), object_id=patient.pk)  # their own
    _read(doctor.user, [other.pk], AT + timedelta(hours=4), object_id=other.pk)  # someone else
    audit_security(
        actor=doctor.user,
        action="access.denied",
        object_type="patient",
        object_id=patient.pk,
        patient_ids=[patient.pk],
        at=AT,
    )

    response = client_for(patient.user).get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert body["results"] == [
        {
            "id": changed.pk,
            "at": "2026-03-02T12:00:00+05:30",
            "kind": "CHANGE",
            "actor_name": "Asha Rao",
            "actor_role": "ADMIN",
            "action": "patient.update",
            "object_type": "patient",
            "object_id": str(patient.pk),
        },
        {
            "id": listed.pk,
            "at": "2026-03-02T11:00:00+05:30",
            "kind": "ACCESS",
            "actor_name": "Asha Rao",
            "actor_role": "ADMIN",
            "action": "patient.list",
            "object_type": "patient",
            "object_id": "",
        },
        {
            "id": opened.pk,
            "at": "2026-03-02T10:00:00+05:30",
            "kind": "ACCESS",
            "actor_name": "Meera Iyer",
            "actor_role": "DOCTOR",
            "action": "patient.retrieve",
            "object_type": "patient",
            "object_id": str(patient.pk),
        },
    ]


def test_the_access_log_is_paginated(client_for, admin_user, make_patient):
    patient = make_patient()
    for minute in range(30):
        _read(admin_user, [patient.pk], AT + timedelta(minutes=minute), object_id=patient.pk)

    first = client_for(patient.user).get(URL).json()
    second = client_for(patient.user).get(URL, {"page": 2}).json()

    assert (first["count"], len(first["results"]), len(second["results"])) == (30, 25, 5)
    assert first["results"][0]["at"] == "2026-03-02T10:29:00+05:30"
    assert second["results"][-1]["at"] == "2026-03-02T10:00:00+05:30"


def test_only_a_patient_has_an_access_log(api_client, admin_client, client_for, make_doctor):
    doctor = make_doctor()
    before = AuditEvent.objects.count()

    assert api_client.get(URL).status_code == 401
    assert admin_client.get(URL).status_code == 403
    assert client_for(doctor.user).get(URL).status_code == 403
    assert AuditEvent.objects.count() == before
