"""Celery tasks of appointments: the jobs that Celery beat runs (CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from hms.appointments.jobs import appointments_expire
from hms.appointments.reminders import appointment_send_reminders


@shared_task(name="appointments.send_reminders", ignore_result=True)
def send_appointment_reminders() -> int:
    """Remind patients and doctors of the confirmed visits in the coming reminder window."""
    return appointment_send_reminders(at=timezone.now())


@shared_task(name="appointments.expire", ignore_result=True)
def expire_appointments() -> dict[str, int]:
    """Mark no-shows and expired requests, and pass expired waitlist offers on."""
    return appointments_expire(at=timezone.now())
