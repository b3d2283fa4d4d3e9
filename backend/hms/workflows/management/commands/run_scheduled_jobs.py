"""`manage.py run_scheduled_jobs`: run Celery beat's schedule in this process, without a broker.

Production runs the jobs of CELERY_BEAT_SCHEDULE (reminders, no-shows and expiries, e-mails to
send again) from `celery beat` through the worker queue. The embedded default (`make run`:
SQLite, no Redis) starts this command beside the server instead: it reads the same schedule and
calls each task in this process when its interval has passed. Every scheduled job is
idempotent, so running one early, late or twice changes nothing twice.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from celery import current_app
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


def _interval_seconds(schedule: Any) -> float:
    if isinstance(schedule, timedelta):
        return schedule.total_seconds()
    if isinstance(schedule, int | float):
        return float(schedule)
    # A celery.schedules.schedule (crontab entries are not used by HMS).
    return float(schedule.run_every.total_seconds())


class Command(BaseCommand):
    help = "Run the scheduled jobs of CELERY_BEAT_SCHEDULE in this process (no broker needed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Keep running, each job at its own interval (default: run every job once).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        current_app.loader.import_default_modules()  # the tasks' modules (autodiscovery)
        jobs = [
            (name, entry["task"], _interval_seconds(entry["schedule"]))
            for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
        ]
        due = {name: 0.0 for name, _, _ in jobs}
        while True:
            now = time.monotonic()
            for name, task, every in jobs:
                if now < due[name]:
                    continue
                due[name] = now + every
                try:
                    result = current_app.tasks[task].apply().get()
                except Exception as error:  # noqa: BLE001 -- one failing job must not stop the others
                    self.stderr.write(f"{name}: failed ({type(error).__name__})")
                    continue
                self.stdout.write(f"{name}: {result}")
            if not options["loop"]:
                return
            time.sleep(max(1.0, min(due.values()) - time.monotonic()))
