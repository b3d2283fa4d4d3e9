"""Races on PostgreSQL: overlapping rows refused by the database, reschedules into one slot."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import IntegrityError, transaction

from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.appointments.tests.factories import AppointmentFactory, slot
from hms.appointments.tests.test_concurrency import client, run_parallel

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_database_refuses_an_overlapping_row_that_skips_the_services(make_doctor):
    doctor = make_doctor()
    AppointmentFactory(doctor=doctor, starts_at=slot(0), ends_at=slot(2))  # 09:00-10:00

    with pytest.raises(IntegrityError) as raised, transaction.atomic():
        AppointmentFactory(doctor=doctor, starts_at=slot(1))  # 09:30-10:00, another start
    assert "appointments_doctor_no_overlap" in str(raised.value)

    # A cancelled visit holds nothing; touching ranges do not overlap.
    AppointmentFactory(doctor=doctor, starts_at=slot(1), status=AppointmentStatus.CANCELLED)
    AppointmentFactory(doctor=doctor, starts_at=slot(2))
    assert Appointment.objects.filter(doctor=doctor).count() == 3


def test_the_database_refuses_one_patient_in_two_overlapping_visits(make_patient):
    patient = make_patient()
    AppointmentFactory(patient=patient, starts_at=slot(0), ends_at=slot(2))

    with pytest.raises(IntegrityError) as raised, transaction.atomic():
        AppointmentFactory(patient=patient, starts_at=slot(1))
    assert "appointments_patient_no_overlap" in str(raised.value)


def test_two_reschedules_into_one_slot_one_wins_and_the_loser_keeps_its_visit(
    frozen_now, admin_user, make_doctor
):
    doctor = make_doctor()
    first = AppointmentFactory(doctor=doctor, starts_at=slot(0))
    second = AppointmentFactory(doctor=doctor, starts_at=slot(1))
    apis = [client(admin_user), client(admin_user)]

    responses, _ = run_parallel(
        [
            lambda api=api, appointment=appointment: api.post(
                f"/api/v1/appointments/{appointment.pk}/reschedule/",
                {"starts_at": slot(5).isoformat()},
                format="json",
            )
            for api, appointment in zip(apis, [first, second], strict=True)
        ]
    )

    assert Counter(response.status_code for response in responses) == {201: 1, 409: 1}
    [lost] = [response.json() for response in responses if response.status_code == 409]
    assert (lost["code"], lost["message"]) == (
        "SLOT_TAKEN",
        "The doctor already has an appointment at this time; choose another slot.",
    )
    winner_index = next(i for i, r in enumerate(responses) if r.status_code == 201)
    winner, loser = ([first, second][winner_index], [first, second][1 - winner_index])
    winner.refresh_from_db()
    loser.refresh_from_db()
    assert (winner.status, winner.status_reason) == (AppointmentStatus.CANCELLED, "rescheduled")
    assert (loser.status, loser.status_reason, loser.starts_at) == (
        AppointmentStatus.CONFIRMED,
        "",
        slot(1 - winner_index),
    )
    assert AppointmentEvent.objects.filter(appointment=loser).count() == 0
    moved = Appointment.objects.get(starts_at=slot(5))
    assert (moved.rescheduled_from_id, moved.status) == (winner.pk, AppointmentStatus.CONFIRMED)
