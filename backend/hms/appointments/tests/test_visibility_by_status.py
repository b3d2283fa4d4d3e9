"""A doctor's visibility narrowed to one status matches exactly what the full rule does."""

from __future__ import annotations

import pytest
from django.utils import timezone

from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.appointments.policies import visible_appointments
from hms.appointments.tests.factories import AppointmentFactory

pytestmark = pytest.mark.django_db


def test_each_status_narrows_to_the_rows_the_full_rule_shows(admin_user, make_doctor, make_patient):
    doctor, other = make_doctor(), make_doctor()
    patient = make_patient()
    made = []
    for owner in (doctor, other):
        for status in AppointmentStatus.values:
            made.append(
                AppointmentFactory(
                    doctor=owner,
                    patient=patient,
                    status=status,
                    status_reason="Not possible" if status == AppointmentStatus.REJECTED else "",
                )
            )
        # Two cancellations: one after confirmation (the doctor's business), one before.
        after, before = (
            AppointmentFactory(doctor=owner, patient=patient, status=AppointmentStatus.CANCELLED)
            for _ in range(2)
        )
        for appointment, was in ((after, AppointmentStatus.CONFIRMED), (before, "PENDING")):
            AppointmentEvent.objects.create(
                appointment=appointment,
                from_status=was,
                to_status=AppointmentStatus.CANCELLED,
                at=timezone.now(),
            )

    for viewer in (doctor.user, other.user, patient.user, admin_user):
        for status in AppointmentStatus.values:
            in_status = Appointment.objects.filter(status=status)
            narrowed = in_status.filter(visible_appointments(viewer, among_status=status))
            full = in_status.filter(visible_appointments(viewer))
            assert set(narrowed) == set(full), (viewer.role, status)
    cancelled = Appointment.objects.filter(status=AppointmentStatus.CANCELLED)
    shown = cancelled.filter(
        visible_appointments(doctor.user, among_status=AppointmentStatus.CANCELLED)
    )
    assert [a.doctor_id for a in shown] == [doctor.pk]
