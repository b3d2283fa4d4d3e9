"""Appointment reminders: the scheduled job (Celery beat in production, `send_reminders` or the
loop `make run` starts locally) that tells the patient and the doctor of each confirmed visit
HMS_REMINDER_HOURS (24) before it starts."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from hms.appointments.models import Appointment, AppointmentStatus
from hms.notifications.events import notify_appointment_reminder


def reminder_hours() -> int:
    """How long before a confirmed visit its reminder goes out (HMS_REMINDER_HOURS)."""
    return int(getattr(settings, "HMS_REMINDER_HOURS", 24))


def appointment_send_reminders(*, at: datetime) -> int:
    """Remind the patient and the doctor of every confirmed visit starting within the reminder
    window after `at`; return how many notifications were created.

    Idempotent: each person is reminded of a visit (at its current start) once, however often
    or late the job runs. A job that did not run for a while catches up with every visit still
    ahead in the window; a visit that has started is never reminded of.
    """
    window_end = at + timedelta(hours=reminder_hours())
    due = list(
        Appointment.objects.filter(
            status=AppointmentStatus.CONFIRMED, starts_at__gt=at, starts_at__lte=window_end
        )
        .order_by("starts_at", "pk")
        .values_list("pk", flat=True)
    )
    created = 0
    for appointment_id in due:
        with transaction.atomic():
            # Re-read under the row's lock: a cancellation committed meanwhile wins.
            appointment = (
                Appointment.objects.select_for_update(of=("self",))
                .select_related("patient__user", "doctor__user")
                .filter(pk=appointment_id, status=AppointmentStatus.CONFIRMED, starts_at__gt=at)
                .first()
            )
            if appointment is None:
                continue
            created += len(
                notify_appointment_reminder(
                    appointment_id=appointment.pk,
                    patient=appointment.patient.user,
                    doctor=appointment.doctor.user,
                    starts_at=appointment.starts_at,
                    at=at,
                )
            )
    return created
