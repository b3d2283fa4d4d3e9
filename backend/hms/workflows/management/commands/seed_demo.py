"""Load a lived-in demo hospital. Idempotent; refuses to run with production settings."""

from __future__ import annotations

import importlib
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hms.accounts.demo import DEMO_PASSWORD

# Each app that contributes demo data has a `demo.py` with `seed(*, at) -> list[str]`;
# they run in this order (later ones use the accounts created by earlier ones).
DEMO_MODULES = [
    "hms.accounts.demo",
    "hms.doctors.demo",
    "hms.patients.demo",
    "hms.admissions.demo",
    "hms.appointments.demo",
]


class Command(BaseCommand):
    help = "Create demo accounts, admissions, invoices and appointments (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.HMS_ALLOW_DEMO_SEED:
            raise CommandError("seed_demo is for development only; it refuses these settings.")
        at = timezone.now()
        lines: list[str] = []
        for module_name in DEMO_MODULES:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                continue
            lines.extend(module.seed(at=at))
        self.stdout.write("Demo logins (username, every password is the same):")
        for line in dict.fromkeys(lines):
            self.stdout.write(f"  {line}")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
