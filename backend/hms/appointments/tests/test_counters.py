"""The appointments' counters by status, kept by the database through every transition."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hms.appointments.jobs import appointments_expire
from hms.appointments.models import Appointment, AppointmentStatus
from hms.appointments.services import (
    appointment_approve,
    appointment_book,
    appointment_cancel,
    appointment_complete,
    appointment_reject,
)
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.common.tests.counters import counters_of, real_counts_of

pytestmark = pytest.mark.django_db

TABLE = "appointments_appointment"


def counted() -> dict[str, int]:
    counters = counters_of(TABLE)
    assert counters == real_counts_of(TABLE, ("status",))
    return counters


def test_the_services_transitions_move_appointments_between_counters(
    admin_user, make_doctor, make_patient
):
    doctor, patient = make_doctor(), make_patient()

    def book(index: int, actor=None):
        return appointment_book(
            actor=actor or patient.user,
            patient=patient,
            doctor=doctor,
            starts_at=slot(index),
            reason="Check-up",
            at=NOW,
        )

    approved, rejected, cancelled, waiting = book(0), book(1), book(2), book(3)
    completed = book(4, actor=admin_user)
    assert counted() == {
        "appointments_appointment:CONFIRMED": 1,
        "appointments_appointment:PENDING": 4,
    }

    appointment_approve(actor=admin_user, appointment=approved, at=NOW)
    appointment_reject(actor=admin_user, appointment=rejected, reason="Fully booked", at=NOW)
    appointment_cancel(actor=patient.user, appointment=cancelled, at=NOW)
    appointment_complete(
        actor=doctor.user, appointment=completed, at=completed.starts_at + timedelta(minutes=5)
    )

    assert waiting.status == AppointmentStatus.PENDING
    assert counted() == {
        "appointments_appointment:CANCELLED": 1,
        "appointments_appointment:COMPLETED": 1,
        "appointments_appointment:CONFIRMED": 1,
        "appointments_appointment:PENDING": 1,
        "appointments_appointment:REJECTED": 1,
    }


def test_the_housekeeping_job_and_bulk_writes_are_counted(admin_user):
    for index in range(3):
        AppointmentFactory(starts_at=slot(index))
    AppointmentFactory(starts_at=slot(5), status=AppointmentStatus.PENDING, status_changed_at=NOW)
    booked = AppointmentFactory(starts_at=slot(10))
    Appointment.objects.bulk_create(
        AppointmentFactory.build(patient=booked.patient, doctor=booked.doctor, starts_at=slot(n))
        for n in (20, 21)
    )
    assert counted() == {
        "appointments_appointment:CONFIRMED": 6,
        "appointments_appointment:PENDING": 1,
    }

    # Two days after the slots: the confirmed ones were no-shows, the request expired.
    result = appointments_expire(at=slot(30) + timedelta(days=2))

    assert (result["no_shows"], result["expired"]) == (6, 1)
    assert counted() == {
        "appointments_appointment:EXPIRED": 1,
        "appointments_appointment:NO_SHOW": 6,
    }
