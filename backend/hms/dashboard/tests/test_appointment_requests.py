"""The admin dashboard's queue of appointment requests: what it takes to decide in place."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from hms.appointments.models import AppointmentStatus
from hms.appointments.tests.factories import IST, NOW, AppointmentFactory
from hms.doctors.models import Department

pytestmark = pytest.mark.django_db

S = AppointmentStatus


@pytest.fixture(autouse=True)
def _hospital_clock(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.TIME_ZONE = "Asia/Kolkata"
    monkeypatch.setattr("hms.dashboard.apis.timezone", SimpleNamespace(now=lambda: NOW))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=IST)


def test_the_five_soonest_requests_are_listed_with_who_when_and_whom(
    admin_client, make_doctor, make_patient
):
    doctor = make_doctor(
        user__first_name="Meera",
        user__last_name="Iyer",
        department=Department.objects.get(code="CARDIOLOGIST"),
    )
    patient = make_patient(user__first_name="Ravi", user__last_name="Kumar")
    # Booked in one order, due in another: the queue follows the appointment's start.
    starts = [at(30, 9), at(27, 11), at(28, 9, 30), at(27, 9), at(29, 16), at(27, 9, 30)]
    requests = [
        AppointmentFactory(doctor=doctor, patient=patient, starts_at=start, status=S.PENDING)
        for start in starts
    ]
    AppointmentFactory(doctor=doctor, patient=patient, starts_at=at(27, 10))  # confirmed
    AppointmentFactory(
        doctor=doctor, starts_at=at(27, 10, 30), status=S.REJECTED, status_reason="Full"
    )

    body = admin_client.get("/api/v1/dashboard/").json()["admin"]
    queue = body["queues"]["appointment_requests"]

    soonest = sorted(requests, key=lambda row: row.starts_at)[:5]
    assert [row["id"] for row in queue] == [row.pk for row in soonest]
    assert [row["starts_at"] for row in queue] == [
        "2026-11-27T09:00:00+05:30",
        "2026-11-27T09:30:00+05:30",
        "2026-11-27T11:00:00+05:30",
        "2026-11-28T09:30:00+05:30",
        "2026-11-29T16:00:00+05:30",
    ]
    first = requests[3]
    assert queue[0] == {
        "id": first.pk,
        "patient": patient.pk,
        "patient_name": "Ravi Kumar",
        "doctor": doctor.pk,
        "doctor_name": "Meera Iyer",
        "department_name": "Cardiologist",
        "starts_at": "2026-11-27T09:00:00+05:30",
        "ends_at": "2026-11-27T09:30:00+05:30",
        "created_at": first.created_at.astimezone(IST).isoformat(),
    }
    # The queue's length is the pending count.
    assert body["appointments"]["pending"] == 6


def test_no_request_waiting_is_an_empty_queue(admin_client):
    AppointmentFactory(starts_at=at(27, 9) + timedelta(days=1))

    queue = admin_client.get("/api/v1/dashboard/").json()["admin"]["queues"]

    assert queue["appointment_requests"] == []
