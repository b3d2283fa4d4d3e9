"""Run the appointment calendar's housekeeping once: no-shows, expiries, waitlist offers."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from hms.appointments.jobs import appointments_expire


class Command(BaseCommand):
    help = (
        "Mark unattended confirmed appointments of past days NO_SHOW, past pending requests "
        "EXPIRED, and expire waitlist offers (passing their slots on). Safe to run often."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = appointments_expire(at=timezone.now())
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
