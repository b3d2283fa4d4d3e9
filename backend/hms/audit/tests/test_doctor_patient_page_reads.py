"""The reads behind a doctor's patient page: the patient, the stays they attend, the visits with
them (`history=true`) and one visit's status history. Each is scoped to the doctor and writes one
access event; another doctor's patient answers 404 and their rows are never listed.
"""

from __future__ import annotations

from datetime import date

import pytest

from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.appointments.models import AppointmentStatus
from hms.appointments.tests.factories import AppointmentFactory
from hms.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PAGE = {"page": 1, "page_size": 10}


def _events():
    return list(
        AuditEvent.objects.order_by("id").values_list(
            "kind", "actor_id", "action", "object_type", "object_id", "patient_ids", "detail"
        )
    )


@pytest.fixture
def world(admin_user, make_doctor, make_patient):
    doctor = make_doctor()
    other = make_doctor()
    patient = make_patient(assigned_doctor=doctor)
    stranger = make_patient(assigned_doctor=other)
    # The patient's earlier stay was under the other doctor; the current one is under `doctor`.
    earlier = AdmissionFactory(patient=patient, doctor=other, admitted_on=date(2026, 11, 1))
    discharge(earlier, actor=admin_user, discharged_on=date(2026, 11, 4))
    current = AdmissionFactory(patient=patient, doctor=doctor, admitted_on=date(2026, 11, 20))
    AdmissionFactory(patient=stranger, doctor=other)
    visits = {
        "confirmed": AppointmentFactory(patient=patient, doctor=doctor),
        "completed": AppointmentFactory(
            patient=patient, doctor=doctor, status=AppointmentStatus.COMPLETED
        ),
        "pending": AppointmentFactory(
            patient=patient, doctor=doctor, status=AppointmentStatus.PENDING
        ),
        "elsewhere": AppointmentFactory(patient=patient, doctor=other),
        "stranger": AppointmentFactory(patient=stranger, doctor=other),
    }
    return {
        "doctor": doctor,
        "patient": patient,
        "stranger": stranger,
        "current": current,
        "visits": visits,
    }


def test_the_patient_page_reads_only_the_doctors_rows_and_records_each_read(client_for, world):
    doctor, patient, visits = world["doctor"], world["patient"], world["visits"]
    client = client_for(doctor.user)
    before = _events()

    profile = client.get(f"/api/v1/patients/{patient.pk}/")
    stays = client.get("/api/v1/admissions/", {"patient": patient.pk, **PAGE})
    listed = client.get("/api/v1/appointments/", {"history": "true", "patient": patient.pk, **PAGE})
    detail = client.get(f"/api/v1/appointments/{visits['completed'].pk}/")

    assert profile.status_code == 200
    assert profile.json()["id"] == patient.pk
    assert stays.status_code == 200
    assert [row["id"] for row in stays.json()["results"]] == [world["current"].pk]
    assert "room_charge_per_day" not in stays.json()["results"][0]
    assert listed.status_code == 200
    # Newest first: the completed visit was booked in the later slot.
    assert [row["id"] for row in listed.json()["results"]] == [
        visits["completed"].pk,
        visits["confirmed"].pk,
    ]
    assert detail.status_code == 200
    assert detail.json()["status"] == "COMPLETED"
    me = doctor.user.pk
    assert _events()[len(before) :] == [
        ("ACCESS", me, "patient.retrieve", "patient", str(patient.pk), [patient.pk], {}),
        (
            "ACCESS",
            me,
            "admission.list",
            "admission",
            "",
            [patient.pk],
            {"filters": ["patient"], "page": 1},
        ),
        (
            "ACCESS",
            me,
            "appointment.list",
            "appointment",
            "",
            [patient.pk],
            {"filters": ["history", "patient"], "page": 1},
        ),
        (
            "ACCESS",
            me,
            "appointment.retrieve",
            "appointment",
            str(visits["completed"].pk),
            [patient.pk],
            {},
        ),
    ]


def test_another_doctors_patient_is_not_found_and_their_rows_are_not_listed(client_for, world):
    doctor, stranger, visits = world["doctor"], world["stranger"], world["visits"]
    client = client_for(doctor.user)
    before = _events()

    profile = client.get(f"/api/v1/patients/{stranger.pk}/")
    stays = client.get("/api/v1/admissions/", {"patient": stranger.pk, **PAGE})
    listed = client.get(
        "/api/v1/appointments/", {"history": "true", "patient": stranger.pk, **PAGE}
    )
    detail = client.get(f"/api/v1/appointments/{visits['stranger'].pk}/")
    elsewhere = client.get(f"/api/v1/appointments/{visits['elsewhere'].pk}/")

    assert profile.status_code == 404
    assert profile.json()["code"] == "NOT_FOUND"
    assert stays.json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert listed.json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert detail.status_code == 404
    assert elsewhere.status_code == 404
    me = doctor.user.pk
    # No access event names the stranger: the refusals are security events without patients.
    events = _events()[len(before) :]
    assert [(kind, action, patients) for kind, _, action, _, _, patients, _ in events] == [
        ("SECURITY", "access.denied", []),
        ("ACCESS", "admission.list", []),
        ("ACCESS", "appointment.list", []),
        ("SECURITY", "access.denied", []),
        ("SECURITY", "access.denied", []),
    ]
    assert {actor for _, actor, *_ in events} == {me}
