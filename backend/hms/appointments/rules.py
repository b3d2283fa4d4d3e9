"""The rules every slot-holding write shares: where a slot may start, overlap, and transitions.

Used by the booking services (hms.appointments.services), the waitlist and the scheduled job.

No overlap by time range: two pending, confirmed or held appointments of one doctor, or of one
patient, never overlap. On PostgreSQL exclusion constraints (btree_gist, `tstzrange`) refuse
the second row even under concurrent requests; on SQLite every transaction begins IMMEDIATE
(it holds the database's write lock from its start), so the check made here before the insert
cannot be overtaken by another writer. The partial unique indexes on equal start times stay as
well. Whichever refuses, `insert_holding` answers SlotTaken (409) naming who is busy.
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q

from hms.accounts.models import Role, User
from hms.appointments.errors import SlotOutsideHours, SlotTaken
from hms.appointments.models import (
    APPOINTMENT_TRANSITIONS,
    SLOT_HOLDING_STATUSES,
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
)
from hms.appointments.slots import (
    SlotRuleViolation,
    check_slot_start,
    local_date,
    local_day_bounds,
    slot_rules,
)
from hms.audit.services import audit_record
from hms.common.dates import booking_horizon_days, latest_date
from hms.common.errors import InvalidStateError, ValidationFailed

PAST_PARTICIPLES: dict[str, str] = {
    AppointmentStatus.PENDING: "accepted",
    AppointmentStatus.CONFIRMED: "approved",
    AppointmentStatus.REJECTED: "rejected",
    AppointmentStatus.CANCELLED: "cancelled",
    AppointmentStatus.COMPLETED: "completed",
    AppointmentStatus.NO_SHOW: "marked a no-show",
    AppointmentStatus.EXPIRED: "expired",
    AppointmentStatus.HELD: "held",
}

ACTIONS: dict[str, str] = {
    AppointmentStatus.PENDING: "appointment.accept_offer",
    AppointmentStatus.CONFIRMED: "appointment.approve",
    AppointmentStatus.REJECTED: "appointment.reject",
    AppointmentStatus.CANCELLED: "appointment.cancel",
    AppointmentStatus.COMPLETED: "appointment.complete",
    AppointmentStatus.NO_SHOW: "appointment.no_show",
    AppointmentStatus.EXPIRED: "appointment.expire",
    AppointmentStatus.HELD: "appointment.hold",
}


def check_bookable_start(*, starts_at: datetime, at: datetime) -> datetime:
    """Check that `starts_at` is a future slot of the grid within the booking horizon.

    Returns the slot's end (start plus the current slot length). Raises ValidationFailed (beyond
    the horizon, `HMS_BOOKING_HORIZON_DAYS` after today) and SlotOutsideHours (past, off the
    grid or outside working hours).
    """
    rules = slot_rules()
    last_day = latest_date(today=local_date(at, rules=rules))
    # Compared as instants: converting a far-future start to local time could overflow.
    if starts_at >= local_day_bounds(last_day, rules=rules)[1]:
        message = (
            f"Appointments can be booked at most {booking_horizon_days()} days ahead, "
            f"until {last_day.isoformat()}."
        )
        raise ValidationFailed(message, fields={"starts_at": [message]})
    try:
        return check_slot_start(starts_at, at=at, rules=rules)
    except SlotRuleViolation as violation:
        raise SlotOutsideHours(str(violation), fields={"starts_at": [str(violation)]}) from None


def overlap_error(
    *, actor: User | None, doctor_id: int, patient_id: int, starts_at: datetime, ends_at: datetime
) -> SlotTaken | None:
    """Say who already holds a slot overlapping [starts_at, ends_at), or None when nobody does."""
    holding = Appointment.objects.filter(
        status__in=SLOT_HOLDING_STATUSES, starts_at__lt=ends_at, ends_at__gt=starts_at
    )
    busy = dict(
        holding.filter(Q(doctor_id=doctor_id) | Q(patient_id=patient_id))
        .values_list("doctor_id", "patient_id")
        .order_by()[:2]
    )
    if not busy:
        return None
    if doctor_id in busy:
        return SlotTaken("The doctor already has an appointment at this time; choose another slot.")
    who = "You already have" if actor is not None and actor.role == Role.PATIENT else None
    who = who or "The patient already has"
    return SlotTaken(f"{who} an appointment at this time; choose another slot.")


def insert_holding(appointment: Appointment, *, actor: User | None) -> None:
    """Insert a slot-holding appointment unless it overlaps another of its doctor or patient.

    Call inside a transaction. Raises SlotTaken, leaving the transaction usable.
    """

    def refusal_now() -> SlotTaken | None:
        return overlap_error(
            actor=actor,
            doctor_id=appointment.doctor_id,
            patient_id=appointment.patient_id,
            starts_at=appointment.starts_at,
            ends_at=appointment.ends_at,
        )

    refusal = refusal_now()
    if refusal is not None:
        raise refusal
    try:
        # The savepoint keeps the outer transaction usable after a constraint refuses the row
        # (a concurrent booking committed first: unique index or exclusion constraint).
        with transaction.atomic():
            appointment.save()
    except IntegrityError as error:
        raise refusal_now() or SlotTaken() from error


def check_transition(appointment: Appointment, to_status: str) -> None:
    """Raise InvalidStateError unless the transitions table allows this change."""
    if to_status not in APPOINTMENT_TRANSITIONS[appointment.status]:
        current = AppointmentStatus(appointment.status).label.lower()
        raise InvalidStateError(
            f"This appointment is {current}; it cannot be {PAST_PARTICIPLES[to_status]}."
        )


def apply_transition(
    *,
    appointment: Appointment,
    actor: User | None,
    to_status: str,
    reason: str,
    at: datetime,
    action: str | None = None,
) -> Appointment:
    """Apply a checked transition to a locked appointment; write its event and audit event."""
    check_transition(appointment, to_status)
    from_status = appointment.status
    appointment.status = to_status
    appointment.status_changed_at = at
    appointment.status_reason = reason
    appointment.save(update_fields=["status", "status_changed_at", "status_reason", "updated_at"])
    AppointmentEvent.objects.create(
        appointment=appointment,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        at=at,
        reason=reason,
    )
    audit_record(
        actor=actor,
        action=action or ACTIONS[to_status],
        object_type="appointment",
        object_id=appointment.pk,
        patient=appointment.patient,
        at=at,
    )
    return appointment
