"""Fold the rows of each counter kept by the database into one (the scheduled job, once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from hms.common.counters import counters_compact


class Command(BaseCommand):
    help = (
        "Fold the rows of each counter kept by the database (the admin dashboard's counts) into "
        "one row per counter. Safe to run often, and beside the running application."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"counters: {counters_compact()} rows left")
