"""Load the bundled ICD-10-CM code list into the database (once; `--replace` reloads it)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from hms.clinical.icd10 import icd10_package_rows
from hms.clinical.models import Icd10Code


class Command(BaseCommand):
    help = "Load the ICD-10-CM codes (CMS, public domain) that diagnoses are checked against."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace", action="store_true", help="Reload even when codes are already there."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Icd10Code.objects.exists() and not options["replace"]:
            self.stdout.write(f"ICD-10 codes already loaded ({Icd10Code.objects.count()}).")
            return
        rows = [Icd10Code(code=code, description=text) for code, text in icd10_package_rows()]
        icd10_store(rows, replace=options["replace"])
        self.stdout.write(f"Loaded {len(rows)} ICD-10 codes.")


def icd10_store(rows: list[Icd10Code], *, replace: bool) -> None:
    """Store the codes; a code already there is kept. Replicas that start together may load
    at the same moment: each code is stored once, whoever inserts it first, and neither fails."""
    with transaction.atomic():
        if replace:
            Icd10Code.objects.all().delete()
        Icd10Code.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
