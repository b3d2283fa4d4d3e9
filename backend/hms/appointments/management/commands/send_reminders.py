"""`manage.py send_reminders`: run the appointment reminder job now, or every N seconds.

Production runs the job from Celery beat; `make run` (no Redis, no beat) starts this command
with `--every 300` beside the server. Running it more often, or twice, sends nothing twice.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from hms.appointments.reminders import appointment_send_reminders, reminder_hours


class Command(BaseCommand):
    help = "Remind patients and doctors of confirmed visits starting within HMS_REMINDER_HOURS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, once every SECONDS (0: run once and stop).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        every = int(options["every"])
        while True:
            created = appointment_send_reminders(at=timezone.now())
            self.stdout.write(
                f"send_reminders: {created} reminder(s) for visits in the next "
                f"{reminder_hours()} hours"
            )
            if every <= 0:
                return
            time.sleep(every)
