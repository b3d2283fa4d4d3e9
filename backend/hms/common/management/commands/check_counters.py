"""Check the counters kept by the database against a COUNT of the rows they count."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hms.common.counters import COUNTED_TABLES, counters_recount, counters_verify


class Command(BaseCommand):
    help = (
        "Compare every counter kept by the database (the admin dashboard's counts) with a COUNT "
        "of its rows; exit 1 naming the groups that differ. --recount replaces a differing "
        "table's counters with its COUNT (on PostgreSQL, writes to it wait until done)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--recount", action="store_true", help="Recount the tables whose counters differ."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        wrong = counters_verify()
        if not wrong:
            self.stdout.write(f"counters: all right ({', '.join(sorted(COUNTED_TABLES))})")
            return
        for name, (counted, kept) in sorted(wrong.items()):
            self.stderr.write(f"{name}: {counted} rows, counter {kept}")
        if not options["recount"]:
            raise CommandError(f"{len(wrong)} counter(s) differ from their rows")
        tables = sorted({name.split(":", 1)[0] for name in wrong})
        for table in tables:
            counters_recount(table=table)
        self.stdout.write(f"counters: recounted {', '.join(tables)}")
