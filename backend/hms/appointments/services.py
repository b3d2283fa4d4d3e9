"""Appointment life cycle: booking and every status transition.

Each service runs in one transaction, re-reads the appointment with a row lock, checks the
transition table and the clock (`at`, computed by the caller), writes an AppointmentEvent and
one audit event. Double booking is refused by the database's partial unique constraints; the
services turn the refusal into SlotTaken (409 SLOT_TAKEN).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db import IntegrityError, transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.appointments.errors import SlotOutsideHours, SlotTaken
from hms.appointments.models import (
    APPOINTMENT_TRANSITIONS,
    SLOT_HOLDING_STATUSES,
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
)
from hms.appointments.policies import (
    can_book_appointment,
    can_cancel_appointment,
    can_complete_appointment,
    can_decide_appointment,
    visible_appointments,
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
from hms.common.errors import (
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailed,
)
from hms.doctors.models import Doctor
from hms.notifications.events import (
    notify_appointment_approved,
    notify_appointment_cancelled,
    notify_appointment_rejected,
    notify_appointment_requested,
)
from hms.patients.models import Patient

_PAST_PARTICIPLES: dict[str, str] = {
    AppointmentStatus.CONFIRMED: "approved",
    AppointmentStatus.REJECTED: "rejected",
    AppointmentStatus.CANCELLED: "cancelled",
    AppointmentStatus.COMPLETED: "completed",
}

_ACTIONS: dict[str, str] = {
    AppointmentStatus.CONFIRMED: "appointment.approve",
    AppointmentStatus.REJECTED: "appointment.reject",
    AppointmentStatus.CANCELLED: "appointment.cancel",
    AppointmentStatus.COMPLETED: "appointment.complete",
}


def _slot_taken(*, actor: User, doctor: Doctor, patient: Patient, starts_at: datetime) -> SlotTaken:
    holding = Appointment.objects.filter(starts_at=starts_at, status__in=SLOT_HOLDING_STATUSES)
    if holding.filter(doctor=doctor).exists():
        return SlotTaken("The doctor already has an appointment at this time; choose another slot.")
    if holding.filter(patient=patient).exists():
        who = "You already have" if actor.role == Role.PATIENT else "The patient already has"
        return SlotTaken(f"{who} an appointment at this time; choose another slot.")
    return SlotTaken()


def appointment_book(
    *,
    actor: User,
    patient: Patient,
    doctor: Doctor,
    starts_at: datetime,
    reason: str,
    at: datetime,
) -> Appointment:
    """Book `patient` with `doctor` in the slot starting at `starts_at`.

    A patient books only for themself and the appointment starts PENDING; an admin books for any
    approved patient and it starts CONFIRMED. Doctor and patient must be approved accounts.
    Raises PermissionDeniedError (anyone else), SlotOutsideHours (past, off the grid or outside
    working hours), ValidationFailed (doctor or patient not approved, or the day lies beyond the
    booking horizon, `HMS_BOOKING_HORIZON_DAYS` after today) and SlotTaken (the doctor or the
    patient already has a pending or confirmed appointment in that slot).
    """
    if not can_book_appointment(user=actor, patient=patient):
        raise PermissionDeniedError("You may only book appointments for yourself.")
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
        ends_at = check_slot_start(starts_at, at=at, rules=rules)
    except SlotRuleViolation as violation:
        raise SlotOutsideHours(str(violation), fields={"starts_at": [str(violation)]}) from None
    status = AppointmentStatus.CONFIRMED if actor.role == Role.ADMIN else AppointmentStatus.PENDING

    with transaction.atomic():
        # Both accounts are locked so that deleting the doctor or the patient, which cancels
        # their future appointments under the same lock, can never miss a booking committed
        # alongside it. Doctor before patient: the lock order of hms.doctors/patients services.
        doctor_account = User.objects.select_for_update().get(pk=doctor.user_id)
        patient_account = User.objects.select_for_update().get(pk=patient.user_id)
        if doctor_account.status != AccountStatus.APPROVED:
            raise ValidationFailed(fields={"doctor": ["This doctor is not available for booking."]})
        if patient_account.status != AccountStatus.APPROVED:
            raise ValidationFailed(fields={"patient": ["This patient's account is not approved."]})
        appointment = Appointment(
            patient=patient,
            doctor=doctor,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=reason,
            status=status,
            status_changed_at=at,
            booked_by=actor,
        )
        try:
            # The savepoint keeps the outer transaction usable after the unique index refuses.
            with transaction.atomic():
                appointment.save()
        except IntegrityError as error:
            raise _slot_taken(
                actor=actor, doctor=doctor, patient=patient, starts_at=starts_at
            ) from error
        AppointmentEvent.objects.create(
            appointment=appointment, from_status="", to_status=status, actor=actor, at=at
        )
        audit_record(
            actor=actor,
            action="appointment.book",
            object_type="appointment",
            object_id=appointment.pk,
            patient=patient,
            at=at,
        )
        if status == AppointmentStatus.PENDING:
            notify_appointment_requested(doctor=doctor_account, starts_at=starts_at, at=at)
    return appointment


def _locked(
    *, actor: User, appointment: Appointment, predicate: Callable[..., bool]
) -> Appointment:
    """Re-read and lock `appointment` as `actor` sees it; check that they may act on it.

    Raises NotFoundError when the actor may not see it, PermissionDeniedError when they see
    it but `predicate` refuses them.
    """
    # Only the appointment row is locked (`of`): the accounts are read, not locked, so this lock
    # can never wait in a cycle with a booking that holds account locks.
    locked = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("doctor__user", "patient__user")
        .filter(visible_appointments(actor), pk=appointment.pk)
        .first()
    )
    if locked is None:
        raise NotFoundError()
    if not predicate(user=actor, appointment=locked):
        raise PermissionDeniedError()
    return locked


def _check_transition(appointment: Appointment, to_status: str) -> None:
    if to_status not in APPOINTMENT_TRANSITIONS[appointment.status]:
        current = AppointmentStatus(appointment.status).label.lower()
        raise InvalidStateError(
            f"This appointment is {current}; it cannot be {_PAST_PARTICIPLES[to_status]}."
        )


def _move(
    *, appointment: Appointment, actor: User, to_status: str, reason: str, at: datetime
) -> Appointment:
    """Apply a checked transition to a locked appointment and record it."""
    _check_transition(appointment, to_status)
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
        action=_ACTIONS[to_status],
        object_type="appointment",
        object_id=appointment.pk,
        patient=appointment.patient,
        at=at,
    )
    _notify(appointment=appointment, from_status=from_status, actor=actor, at=at)
    return appointment


def _notify(*, appointment: Appointment, from_status: str, actor: User, at: datetime) -> None:
    """Tell the patient (and the doctor of a confirmed visit) about a transition."""
    patient, doctor = appointment.patient.user, appointment.doctor.user
    if appointment.status == AppointmentStatus.CONFIRMED:
        notify_appointment_approved(
            patient=patient, doctor=doctor, starts_at=appointment.starts_at, at=at
        )
    elif appointment.status == AppointmentStatus.REJECTED:
        notify_appointment_rejected(
            patient=patient, doctor=doctor, starts_at=appointment.starts_at, at=at
        )
    elif appointment.status == AppointmentStatus.CANCELLED:
        notify_appointment_cancelled(
            patient=patient,
            doctor=doctor,
            starts_at=appointment.starts_at,
            was_confirmed=from_status == AppointmentStatus.CONFIRMED,
            actor=actor,
            at=at,
        )


def appointment_approve(*, actor: User, appointment: Appointment, at: datetime) -> Appointment:
    """Approve a pending request (PENDING -> CONFIRMED); admin only.

    The slot must still lie in the future and the doctor and patient must still be approved.
    Raises NotFoundError / PermissionDeniedError for callers who may not, and
    InvalidStateError for any other status or a slot that has started.
    """
    with transaction.atomic():
        locked = _locked(actor=actor, appointment=appointment, predicate=can_decide_appointment)
        _check_transition(locked, AppointmentStatus.CONFIRMED)
        if locked.starts_at <= at:
            raise InvalidStateError("This appointment's time has passed; it cannot be approved.")
        if (
            locked.doctor.user.status != AccountStatus.APPROVED
            or locked.patient.user.status != AccountStatus.APPROVED
        ):
            raise InvalidStateError(
                "The doctor or the patient of this appointment is no longer active."
            )
        return _move(
            appointment=locked, actor=actor, to_status=AppointmentStatus.CONFIRMED, reason="", at=at
        )


def appointment_reject(
    *, actor: User, appointment: Appointment, reason: str, at: datetime
) -> Appointment:
    """Reject a pending request with a reason the patient will see (PENDING -> REJECTED).

    Admin only. Raises ValidationFailed for a blank reason, NotFoundError /
    PermissionDeniedError for callers who may not, InvalidStateError for any other status.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationFailed(fields={"reason": ["Give the patient a reason for the rejection."]})
    with transaction.atomic():
        locked = _locked(actor=actor, appointment=appointment, predicate=can_decide_appointment)
        return _move(
            appointment=locked,
            actor=actor,
            to_status=AppointmentStatus.REJECTED,
            reason=reason,
            at=at,
        )


def appointment_cancel(
    *, actor: User, appointment: Appointment, reason: str = "", at: datetime
) -> Appointment:
    """Cancel a pending or confirmed appointment (-> CANCELLED), freeing its slot.

    The admin may cancel any pending or confirmed appointment, including a confirmed one whose
    time has passed (a no-show). A patient may cancel their own pending appointment, or their
    own confirmed one before it starts. Raises NotFoundError (not yours), PermissionDeniedError
    (a doctor) and InvalidStateError (any other status, or a started one for a patient).
    """
    with transaction.atomic():
        locked = _locked(actor=actor, appointment=appointment, predicate=can_cancel_appointment)
        _check_transition(locked, AppointmentStatus.CANCELLED)
        if (
            actor.role == Role.PATIENT
            and locked.status == AppointmentStatus.CONFIRMED
            and locked.starts_at <= at
        ):
            raise InvalidStateError(
                "This appointment has already started; please contact the hospital."
            )
        return _move(
            appointment=locked,
            actor=actor,
            to_status=AppointmentStatus.CANCELLED,
            reason=reason.strip(),
            at=at,
        )


def appointment_complete(*, actor: User, appointment: Appointment, at: datetime) -> Appointment:
    """Mark a confirmed appointment attended (CONFIRMED -> COMPLETED); its doctor only.

    Allowed once the slot has started (a visit may begin a little late or run over), never
    before. The record is kept; it leaves the doctor's default list. Raises NotFoundError (not
    yours), PermissionDeniedError and InvalidStateError (any other status, or not yet started).
    """
    with transaction.atomic():
        locked = _locked(actor=actor, appointment=appointment, predicate=can_complete_appointment)
        _check_transition(locked, AppointmentStatus.COMPLETED)
        if locked.starts_at > at:
            raise InvalidStateError(
                "This appointment has not started yet; complete it once the visit has begun."
            )
        return _move(
            appointment=locked,
            actor=actor,
            to_status=AppointmentStatus.COMPLETED,
            reason="",
            at=at,
        )


def _cancel_future(*, actor: User, rows: list[Appointment], reason: str, at: datetime) -> int:
    for row in rows:
        _move(
            appointment=row,
            actor=actor,
            to_status=AppointmentStatus.CANCELLED,
            reason=reason,
            at=at,
        )
    return len(rows)


def appointment_cancel_for_doctor(*, actor: User, doctor: Doctor, reason: str, at: datetime) -> int:
    """Cancel every future pending or confirmed appointment of a doctor; return how many.

    Called when the doctor's account is deleted, inside that transaction (with the doctor's
    account locked). Past appointments are left as they are: they are history.
    """
    with transaction.atomic():
        rows = list(
            Appointment.objects.select_for_update(of=("self",))
            .select_related("patient__user", "doctor__user")
            .filter(doctor=doctor, status__in=SLOT_HOLDING_STATUSES, starts_at__gt=at)
            .order_by("pk")
        )
        return _cancel_future(actor=actor, rows=rows, reason=reason, at=at)


def appointment_cancel_for_patient(
    *, actor: User, patient: Patient, reason: str, at: datetime
) -> int:
    """Cancel every future pending or confirmed appointment of a patient; return how many.

    Called when the patient's account is deleted, inside that transaction (with the patient's
    account locked). Past appointments are left as they are: they are history.
    """
    with transaction.atomic():
        rows = list(
            Appointment.objects.select_for_update(of=("self",))
            .select_related("patient__user", "doctor__user")
            .filter(patient=patient, status__in=SLOT_HOLDING_STATUSES, starts_at__gt=at)
            .order_by("pk")
        )
        return _cancel_future(actor=actor, rows=rows, reason=reason, at=at)
