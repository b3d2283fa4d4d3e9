"""What the appointments app adds to the dashboard, and what deleting an account cancels."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest

from hms.appointments.models import AppointmentEvent, AppointmentStatus
from hms.appointments.selectors import (
    appointment_counts_by_day,
    appointment_summary_for_doctor,
    appointment_summary_for_patient,
)
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.appointments.tests.world import STARTED, build_world
from hms.workflows.services import (
    DOCTOR_DELETED_REASON,
    PATIENT_DELETED_REASON,
    doctor_close,
    patient_close,
)

pytestmark = pytest.mark.django_db

S = AppointmentStatus


@pytest.fixture
def world(frozen_now, monkeypatch):
    monkeypatch.setattr("hms.dashboard.apis.timezone", SimpleNamespace(now=lambda: NOW))
    world = build_world()
    # Today (Thursday): a completed visit at 09:00 and a confirmed one at 16:00 for the doctor.
    AppointmentFactory(
        doctor=world.doctor,
        patient=world.other_patient,
        starts_at=STARTED - timedelta(minutes=30),
        status=S.COMPLETED,
    )
    world.later_today = AppointmentFactory(
        doctor=world.doctor, patient=world.other_patient, starts_at=NOW + timedelta(hours=6)
    )
    # Rejected and cancelled rows count nowhere.
    AppointmentFactory(
        doctor=world.doctor,
        starts_at=NOW + timedelta(hours=5),
        status=S.REJECTED,
        status_reason="Full",
    )
    AppointmentFactory(doctor=world.doctor, starts_at=slot(8), status=S.CANCELLED)
    return world


def test_the_admin_dashboard_counts_confirmed_pending_and_today(world, client_for):
    body = client_for(world.admin).get("/api/v1/dashboard/").json()

    # confirmed: started, confirmed, others_started, later_today; pending: two requests;
    # today: started, others_started, the completed 09:00 visit and later_today.
    assert body["admin"]["appointments"] == {"confirmed": 4, "pending": 2, "today": 4}


def test_the_doctor_dashboard_lists_todays_confirmed_appointments(world, client_for):
    body = client_for(world.doctor.user).get("/api/v1/dashboard/").json()

    assert body["doctor"]["appointments"] == {
        # started (runs until 10:00, i.e. now: ended), confirmed tomorrow, later today.
        "upcoming_confirmed": 2,
        "today": [
            {
                "id": world.started.pk,
                "starts_at": "2026-11-26T09:30:00+05:30",
                "ends_at": "2026-11-26T10:00:00+05:30",
                "patient": world.patient.pk,
                "patient_name": "Priya Menon",
            },
            {
                "id": world.later_today.pk,
                "starts_at": "2026-11-26T16:00:00+05:30",
                "ends_at": "2026-11-26T16:30:00+05:30",
                "patient": world.other_patient.pk,
                "patient_name": "Omar Haddad",
            },
        ],
    }


def test_the_patient_dashboard_shows_the_next_appointment_and_pending_count(world, client_for):
    body = client_for(world.patient.user).get("/api/v1/dashboard/").json()

    appointments = body["patient"]["appointments"]
    assert appointments["pending"] == 1
    assert (appointments["next_appointment"]["id"], appointments["next_appointment"]["status"]) == (
        world.confirmed.pk,
        "CONFIRMED",
    )


def test_a_patient_without_appointments_has_no_next_one(world, client_for, make_patient):
    body = client_for(make_patient().user).get("/api/v1/dashboard/").json()

    assert body["patient"]["appointments"] == {"next_appointment": None, "pending": 0}


def test_dashboard_selectors_use_a_fixed_number_of_queries(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        appointment_counts_by_day(viewer=world.admin, at=NOW)
    with django_assert_num_queries(2):
        appointment_summary_for_doctor(viewer=world.doctor.user, at=NOW)
    with django_assert_num_queries(2):
        appointment_summary_for_patient(viewer=world.patient.user, at=NOW)


# --- deleting an account cancels its future appointments --------------------------------


def test_deleting_a_doctor_cancels_their_future_appointments_with_a_reason(world):
    doctor_close(actor=world.admin, doctor=world.doctor, at=NOW)

    world.pending.refresh_from_db()
    world.confirmed.refresh_from_db()
    world.later_today.refresh_from_db()
    world.started.refresh_from_db()
    world.others_pending.refresh_from_db()
    assert [
        (row.status, row.status_reason)
        for row in (world.pending, world.confirmed, world.later_today)
    ] == [(S.CANCELLED, DOCTOR_DELETED_REASON)] * 3
    # The visit in progress and other doctors' appointments are history, left alone.
    assert (world.started.status, world.others_pending.status) == (S.CONFIRMED, S.PENDING)
    assert (
        list(AppointmentEvent.objects.filter(to_status=S.CANCELLED).values_list("actor", "reason"))
        == [(world.admin.pk, DOCTOR_DELETED_REASON)] * 3
    )


def test_deleting_a_patient_cancels_their_future_appointments_with_a_reason(world):
    patient_close(actor=world.admin, patient=world.patient, at=NOW)

    world.pending.refresh_from_db()
    world.confirmed.refresh_from_db()
    world.started.refresh_from_db()
    assert [(row.status, row.status_reason) for row in (world.pending, world.confirmed)] == [
        (S.CANCELLED, PATIENT_DELETED_REASON)
    ] * 2
    assert world.started.status == S.CONFIRMED
