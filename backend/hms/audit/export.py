"""The audit viewer's CSV export, written row by row so no result set is held in memory."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from hms.audit.models import AuditEvent

CSV_COLUMNS = (
    "id",
    "at",
    "kind",
    "action",
    "outcome",
    "actor_id",
    "actor_name",
    "actor_role",
    "object_type",
    "object_id",
    "patient_ids",
    "filters",
    "request_id",
    "ip_address",
    "hash",
)
_FIELDS = (
    "id",
    "at",
    "kind",
    "action",
    "outcome",
    "actor_id",
    "actor_name",
    "actor_role",
    "object_type",
    "object_id",
    "patient_ids",
    "detail",
    "request_id",
    "ip_address",
    "hash",
)
# Cells a spreadsheet would run as a formula get a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Line:
    """A file-like object whose write() hands the CSV line back instead of storing it."""

    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return value


def audit_events_csv(events: QuerySet[AuditEvent], *, chunk_size: int = 2000) -> Iterator[str]:
    """Yield the CSV of `events`: a header line, then one line per event, read in chunks.

    Times are ISO 8601 in the hospital's time zone; patient ids and filter names are separated
    by spaces.
    """
    writer = csv.writer(_Line())
    yield writer.writerow(CSV_COLUMNS)
    zone = timezone.get_default_timezone()
    for row in events.values_list(*_FIELDS).iterator(chunk_size=chunk_size):
        values = dict(zip(_FIELDS, row, strict=True))
        detail = values.pop("detail") or {}
        filters = detail.get("filters", []) if isinstance(detail, dict) else []
        values["at"] = values["at"].astimezone(zone).isoformat()
        values["patient_ids"] = " ".join(str(pk) for pk in values["patient_ids"] or [])
        values["filters"] = " ".join(filters)
        yield writer.writerow([_cell(values[column]) for column in CSV_COLUMNS])
