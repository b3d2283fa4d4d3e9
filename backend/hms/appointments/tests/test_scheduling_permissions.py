"""Every scheduling operation as every caller: the exact status, and nothing changed on denial."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from hms.appointments.models import (
    AppointmentStatus,
    AvailabilityWindow,
    TimeOff,
    WaitlistEntry,
    WaitlistStatus,
)
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.appointments.tests.world import CALLERS, World, build_world, snapshot

pytestmark = pytest.mark.django_db


@dataclass
class Scheduling:
    world: World
    time_off: TimeOff
    entry: WaitlistEntry  # patient waiting for other_doctor, with a held slot offered
    others_entry: WaitlistEntry  # other_patient waiting for doctor


def build() -> Scheduling:
    world = build_world()
    hold = AppointmentFactory(
        doctor=world.other_doctor,
        patient=world.patient,
        starts_at=slot(8),
        status=AppointmentStatus.HELD,
    )
    entry = WaitlistEntry.objects.create(
        patient=world.patient,
        doctor=world.other_doctor,
        date_from=slot(0).date(),
        date_to=slot(0).date(),
        reason="Rash",
        status=WaitlistStatus.OFFERED,
        status_changed_at=NOW,
        offer=hold,
        offer_expires_at=NOW + timedelta(minutes=30),
        created_by=world.patient.user,
    )
    others_entry = WaitlistEntry.objects.create(
        patient=world.other_patient,
        doctor=world.doctor,
        date_from=slot(0).date(),
        date_to=slot(0).date(),
        reason="Check-up",
        status=WaitlistStatus.WAITING,
        status_changed_at=NOW,
        created_by=world.other_patient.user,
    )
    time_off = TimeOff.objects.create(
        doctor=world.doctor,
        starts_at=slot(12),
        ends_at=slot(14),
        reason="Training",
        created_by=world.admin,
    )
    return Scheduling(world=world, time_off=time_off, entry=entry, others_entry=others_entry)


DAY = "from=2026-11-27&to=2026-11-27"

OPERATIONS: dict[str, Callable[[Scheduling], tuple[str, str, dict[str, Any] | None]]] = {
    "reschedule_own": lambda h: (
        "post",
        f"/api/v1/appointments/{h.world.confirmed.pk}/reschedule/",
        {"starts_at": slot(6).isoformat()},
    ),
    "reschedule_other": lambda h: (
        "post",
        f"/api/v1/appointments/{h.world.others_pending.pk}/reschedule/",
        {"starts_at": slot(6).isoformat()},
    ),
    "calendar_day": lambda h: ("get", f"/api/v1/appointments/calendar/?{DAY}", None),
    "calendar_other_doctor": lambda h: (
        "get",
        f"/api/v1/appointments/calendar/?{DAY}&doctor={h.world.other_doctor.pk}",
        None,
    ),
    "availability_own": lambda h: (
        "get",
        f"/api/v1/doctors/{h.world.doctor.pk}/availability/",
        None,
    ),
    "availability_other": lambda h: (
        "get",
        f"/api/v1/doctors/{h.world.other_doctor.pk}/availability/",
        None,
    ),
    "availability_set": lambda h: (
        "put",
        f"/api/v1/doctors/{h.world.doctor.pk}/availability/",
        {"windows": [{"weekday": 4, "start_time": "09:00", "end_time": "13:00"}]},
    ),
    "time_off_list": lambda h: ("get", "/api/v1/time-off/", None),
    "time_off_create": lambda h: (
        "post",
        "/api/v1/time-off/",
        {
            "doctor": h.world.doctor.pk,
            "starts_at": slot(0).isoformat(),
            "ends_at": slot(2).isoformat(),
            "reason": "Sick",
        },
    ),
    "time_off_destroy": lambda h: ("delete", f"/api/v1/time-off/{h.time_off.pk}/", None),
    "time_off_destroy_missing": lambda h: ("delete", "/api/v1/time-off/999999/", None),
    "waitlist_list": lambda h: ("get", "/api/v1/waitlist/", None),
    "waitlist_create": lambda h: (
        "post",
        "/api/v1/waitlist/",
        {
            "doctor": h.world.doctor.pk,
            "patient": h.world.patient.pk,
            "date_from": "2026-11-27",
            "date_to": "2026-11-30",
            "reason": "Check-up",
        },
    ),
    "waitlist_retrieve_own": lambda h: ("get", f"/api/v1/waitlist/{h.entry.pk}/", None),
    "waitlist_retrieve_other": lambda h: ("get", f"/api/v1/waitlist/{h.others_entry.pk}/", None),
    "waitlist_leave_own": lambda h: ("post", f"/api/v1/waitlist/{h.entry.pk}/leave/", None),
    "waitlist_leave_other": lambda h: (
        "post",
        f"/api/v1/waitlist/{h.others_entry.pk}/leave/",
        None,
    ),
    "waitlist_accept_own": lambda h: ("post", f"/api/v1/waitlist/{h.entry.pk}/accept/", None),
    "waitlist_accept_other": lambda h: (
        "post",
        f"/api/v1/waitlist/{h.others_entry.pk}/accept/",
        None,
    ),
}

_LOGGED_OUT = {"anonymous": 401, "pending_doctor": 401, "pending_patient": 401}


def row(admin: int, doctor: int, patient: int) -> dict[str, int]:
    return {**_LOGGED_OUT, "admin": admin, "doctor": doctor, "patient": patient}


EXPECTED: dict[str, dict[str, int]] = {
    "reschedule_own": row(201, 403, 201),
    "reschedule_other": row(201, 403, 404),
    "calendar_day": row(200, 200, 403),
    # A doctor sees only their own calendar and template: another doctor's id is not there.
    "calendar_other_doctor": row(200, 404, 403),
    "availability_own": row(200, 200, 403),
    "availability_other": row(200, 404, 403),
    "availability_set": row(200, 403, 403),
    "time_off_list": row(200, 200, 403),
    "time_off_create": row(201, 403, 403),
    "time_off_destroy": row(204, 403, 403),
    "time_off_destroy_missing": row(404, 403, 403),
    "waitlist_list": row(200, 403, 200),
    "waitlist_create": row(201, 403, 201),
    "waitlist_retrieve_own": row(200, 403, 200),
    "waitlist_retrieve_other": row(200, 403, 404),
    "waitlist_leave_own": row(200, 403, 200),
    "waitlist_leave_other": row(200, 403, 404),
    # The admin accepts an offer for the patient; nothing is offered to the other entry.
    "waitlist_accept_own": row(200, 403, 200),
    "waitlist_accept_other": row(409, 403, 404),
}

CASES = [(operation, caller) for operation in OPERATIONS for caller in CALLERS]


def full_snapshot() -> tuple:
    return (
        snapshot(),
        sorted(AvailabilityWindow.objects.values_list("doctor", "weekday", "start_time")),
        sorted(TimeOff.objects.values_list("pk", "doctor", "starts_at", "ends_at")),
        sorted(WaitlistEntry.objects.values_list("pk", "status", "offer")),
    )


def test_every_operation_has_an_expectation_for_every_caller():
    assert set(EXPECTED) == set(OPERATIONS)
    assert all(set(row) == set(CALLERS) for row in EXPECTED.values())


@pytest.mark.parametrize(("operation", "caller"), CASES)
def test_permission_matrix(operation, caller, api_client, client_for, frozen_now):
    scheduling = build()
    user = scheduling.world.user(caller)
    client = client_for(user) if user is not None else api_client
    method, path, body = OPERATIONS[operation](scheduling)
    before = full_snapshot()

    response = (
        getattr(client, method)(path, body, format="json")
        if body is not None
        else getattr(client, method)(path)
    )

    expected = EXPECTED[operation][caller]
    assert response.status_code == expected, response.content
    if expected >= 400 or method == "get":
        assert full_snapshot() == before
    if expected >= 400:
        assert (
            response.json()["code"]
            == {
                401: "NOT_AUTHENTICATED",
                403: "PERMISSION_DENIED",
                404: "NOT_FOUND",
                409: "INVALID_STATE",
            }[expected]
        )
