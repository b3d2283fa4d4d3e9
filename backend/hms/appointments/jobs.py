"""The scheduled job of the appointment calendar: no-shows, expiries and waitlist offers.

`appointments_expire(at=...)` is what the scheduler runs (every few minutes; the management
command `expire_appointments` runs it once). Each run:

- marks NO_SHOW every CONFIRMED appointment whose day (hospital time zone) ended before `at`
  without the doctor completing it (its doctor may still complete it within 7 days);
- marks EXPIRED every PENDING request whose start time has passed undecided;
- expires waitlist offers whose hold ran out (the slot passes to the next in line) and waitlist
  entries whose last day has passed.

Idempotent and safe to run concurrently: rows are picked with their status in the WHERE clause
and updated in bulk only if they still have it, so a second run changes nothing. Each change
writes its AppointmentEvent (actor: none, the hospital's job); the run writes one audit event
naming every patient concerned.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.appointments.slots import local_date, local_day_bounds, slot_rules
from hms.appointments.waitlist import waitlist_expire
from hms.audit.models import AuditKind
from hms.audit.services import audit_event_append

NO_SHOW_REASON = "Not attended by the end of the day."
EXPIRED_REASON = "Not decided before its time."


# Rows moved per statement: PostgreSQL binds at most 65,535 parameters in one statement (with
# server-side binding), and a backlog after downtime can hold more rows than that.
_EXPIRE_BATCH = 5_000


def _expire(*, rows: Any, from_status: str, to_status: str, reason: str, at: datetime) -> list[Any]:
    """Move the matching rows in bulk; write one event per row. Returns (id, patient_id) pairs.

    In batches of _EXPIRE_BATCH rows, all in the caller's transaction.
    """
    picked = list(
        rows.select_for_update(skip_locked=True)
        .filter(status=from_status)
        .order_by("pk")
        .values_list("pk", "patient_id")
    )
    if not picked:
        return []
    ids = [pk for pk, _ in picked]
    for start in range(0, len(ids), _EXPIRE_BATCH):
        batch = ids[start : start + _EXPIRE_BATCH]
        Appointment.objects.filter(pk__in=batch, status=from_status).update(
            status=to_status, status_changed_at=at, status_reason=reason, updated_at=at
        )
        AppointmentEvent.objects.bulk_create(
            [
                AppointmentEvent(
                    appointment_id=pk,
                    from_status=from_status,
                    to_status=to_status,
                    actor=None,
                    at=at,
                    reason=reason,
                )
                for pk in batch
            ]
        )
    return picked


def appointments_expire(*, at: datetime) -> dict[str, int]:
    """Run the calendar's housekeeping once as of `at`; return how many rows changed, by kind."""
    rules = slot_rules()
    today_start = local_day_bounds(local_date(at, rules=rules), rules=rules)[0]
    with transaction.atomic():
        no_shows = _expire(
            rows=Appointment.objects.filter(starts_at__lt=today_start),
            from_status=AppointmentStatus.CONFIRMED,
            to_status=AppointmentStatus.NO_SHOW,
            reason=NO_SHOW_REASON,
            at=at,
        )
        expired = _expire(
            rows=Appointment.objects.filter(starts_at__lte=at),
            from_status=AppointmentStatus.PENDING,
            to_status=AppointmentStatus.EXPIRED,
            reason=EXPIRED_REASON,
            at=at,
        )
        if no_shows or expired:
            audit_event_append(
                kind=AuditKind.CHANGE,
                actor=None,
                action="appointment.expire_job",
                object_type="appointment",
                patient_ids=[patient for _, patient in [*no_shows, *expired]],
                detail={
                    "no_show": [pk for pk, _ in no_shows],
                    "expired": [pk for pk, _ in expired],
                },
                at=at,
            )
    counts = waitlist_expire(at=at)
    return {"no_shows": len(no_shows), "expired": len(expired), **counts}
