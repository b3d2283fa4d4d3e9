from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory

from hms.appointments.models import Appointment, AppointmentStatus
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.tests.factories import PatientFactory

IST = ZoneInfo("Asia/Kolkata")
# "Now" in these tests: Thursday 26 November 2026, 10:00 in Bengaluru.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=IST)
# Friday 27 November 2026, 09:00: the first slot of the next working day.
FIRST_SLOT = datetime(2026, 11, 27, 9, 0, tzinfo=IST)


def slot(index: int = 0) -> datetime:
    """The index-th slot from FIRST_SLOT (0 = Friday 09:00, 15 = Friday 16:30)."""
    return FIRST_SLOT + timedelta(minutes=30 * index)


class AppointmentFactory(factory.django.DjangoModelFactory):
    """A CONFIRMED appointment; each one in its own slot unless `starts_at` is given."""

    class Meta:
        model = Appointment

    patient = factory.SubFactory(PatientFactory)
    doctor = factory.SubFactory(DoctorFactory)
    starts_at = factory.Sequence(lambda n: FIRST_SLOT + timedelta(minutes=30 * n))
    ends_at = factory.LazyAttribute(
        lambda appointment: appointment.starts_at + timedelta(minutes=30)
    )
    reason = "Follow-up visit"
    status = AppointmentStatus.CONFIRMED
    status_changed_at = factory.LazyFunction(lambda: FIRST_SLOT - timedelta(days=1))
    booked_by = factory.LazyAttribute(lambda appointment: appointment.patient.user)
