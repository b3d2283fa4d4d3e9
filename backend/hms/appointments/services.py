"""Appointment life cycle: booking and every status transition.

Each service runs in one transaction, re-reads the appointment with a row lock, checks the
transition table and the clock (`at`, computed by the caller), writes an AppointmentEvent and
one audit event. Overlapping bookings are refused by the database (hms.appointments.rules);
the services turn the refusal into SlotTaken (409 SLOT_TAKEN). A transition that frees a future
slot offers it to the doctor's waitlist in the same transaction (hms.appointments.waitlist).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db import transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.appointments.availability import check_doctor_available
from hms.appointments.models import (
    NO_SHOW_GRACE,
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
    can_reschedule_appointment,
    visible_appointments,
)
from hms.appointments.rules import (
    PAST_PARTICIPLES,
    apply_transition,
    check_bookable_start,
    check_transition,
    insert_holding,
)
from hms.appointments.waitlist import waitlist_close_for, waitlist_offer_slot
from hms.audit.services import audit_record
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
    notify_appointment_rescheduled,
)
from hms.patients.models import Patient

# The reason written on an appointment replaced by a reschedule.
RESCHEDULED_REASON = "rescheduled"


def _lock_accounts(*, doctor: Doctor, patient: Patient) -> None:
    """Lock both accounts and check that they are approved (doctor first: the lock order).

    Deleting the doctor or the patient cancels their future appointments under the same lock,
    so it can never miss a booking committed alongside it. Raises ValidationFailed.
    """
    doctor_account = User.objects.select_for_update(no_key=True).get(pk=doctor.user_id)
    patient_account = User.objects.select_for_update(no_key=True).get(pk=patient.user_id)
    if doctor_account.status != AccountStatus.APPROVED:
        raise ValidationFailed(fields={"doctor": ["This doctor is not available for booking."]})
    if patient_account.status != AccountStatus.APPROVED:
        raise ValidationFailed(fields={"patient": ["This patient's account is not approved."]})


def appointment_book(
    *,
    actor: User,
    patient: Patient,
    doctor: Doctor,
    starts_at: datetime,
    reason: str,
    at: datetime,
    rescheduled_from: Appointment | None = None,
) -> Appointment:
    """Book `patient` with `doctor` in the slot starting at `starts_at`.

    A patient books only for themself and the appointment starts PENDING; an admin books for any
    approved patient and it starts CONFIRMED. Doctor and patient must be approved accounts.
    Raises PermissionDeniedError (anyone else), SlotOutsideHours (past, off the grid or outside
    working hours), DoctorUnavailable (outside the doctor's weekly availability or in their
    time off), ValidationFailed (doctor or patient not approved, or the day lies beyond the
    booking horizon, `HMS_BOOKING_HORIZON_DAYS` after today) and SlotTaken (the doctor or the
    patient already has a pending, confirmed or held appointment overlapping the slot).
    """
    if not can_book_appointment(user=actor, patient=patient):
        raise PermissionDeniedError("You may only book appointments for yourself.")
    ends_at = check_bookable_start(starts_at=starts_at, at=at)
    status = AppointmentStatus.CONFIRMED if actor.role == Role.ADMIN else AppointmentStatus.PENDING

    with transaction.atomic():
        _lock_accounts(doctor=doctor, patient=patient)
        return _insert_booking(
            actor=actor,
            patient=patient,
            doctor=doctor,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=reason,
            status=status,
            at=at,
            rescheduled_from=rescheduled_from,
        )


def _insert_booking(
    *,
    actor: User,
    patient: Patient,
    doctor: Doctor,
    starts_at: datetime,
    ends_at: datetime,
    reason: str,
    status: str,
    at: datetime,
    rescheduled_from: Appointment | None,
) -> Appointment:
    check_doctor_available(doctor=doctor, starts_at=starts_at, ends_at=ends_at)
    appointment = Appointment(
        patient=patient,
        doctor=doctor,
        starts_at=starts_at,
        ends_at=ends_at,
        reason=reason,
        status=status,
        status_changed_at=at,
        booked_by=actor,
        rescheduled_from=rescheduled_from,
    )
    insert_holding(appointment, actor=actor)
    event_reason = f"Rescheduled from #{rescheduled_from.pk}." if rescheduled_from else ""
    AppointmentEvent.objects.create(
        appointment=appointment,
        from_status="",
        to_status=status,
        actor=actor,
        at=at,
        reason=event_reason,
    )
    audit_record(
        actor=actor,
        action="appointment.reschedule" if rescheduled_from else "appointment.book",
        object_type="appointment",
        object_id=appointment.pk,
        patient=patient,
        at=at,
    )
    if status == AppointmentStatus.PENDING:
        notify_appointment_requested(doctor=doctor.user, starts_at=starts_at, at=at)
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
    if appointment.status == AppointmentStatus.HELD:
        # A hold changes only through its waitlist offer (accept, leave, expiry).
        raise InvalidStateError(
            f"This appointment is held for a waitlist offer; it cannot be "
            f"{PAST_PARTICIPLES[to_status]}."
        )
    check_transition(appointment, to_status)


# Transitions that free a future slot: the waitlist is offered it in the same transaction.
_FREEING = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.REJECTED})


def _move(
    *, appointment: Appointment, actor: User, to_status: str, reason: str, at: datetime
) -> Appointment:
    """Apply a checked transition to a locked appointment, record it, offer a freed slot."""
    _check_transition(appointment, to_status)
    from_status = appointment.status
    apply_transition(
        appointment=appointment, actor=actor, to_status=to_status, reason=reason, at=at
    )
    _notify(appointment=appointment, from_status=from_status, actor=actor, at=at)
    if to_status in _FREEING and appointment.starts_at > at:
        waitlist_offer_slot(
            doctor_id=appointment.doctor_id,
            starts_at=appointment.starts_at,
            at=at,
            exclude_patient_id=appointment.patient_id,
        )
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
    before; a NO_SHOW may still be marked attended within NO_SHOW_GRACE (7 days) of its start.
    The record is kept; it leaves the doctor's default list. Raises NotFoundError (not yours),
    PermissionDeniedError and InvalidStateError (any other status, not yet started, or a
    no-show past the grace period).
    """
    with transaction.atomic():
        locked = _locked(actor=actor, appointment=appointment, predicate=can_complete_appointment)
        _check_transition(locked, AppointmentStatus.COMPLETED)
        if locked.starts_at > at:
            raise InvalidStateError(
                "This appointment has not started yet; complete it once the visit has begun."
            )
        if locked.status == AppointmentStatus.NO_SHOW and at > locked.starts_at + NO_SHOW_GRACE:
            raise InvalidStateError(
                "This no-show is more than 7 days old; it can no longer be marked attended."
            )
        return _move(
            appointment=locked,
            actor=actor,
            to_status=AppointmentStatus.COMPLETED,
            reason="",
            at=at,
        )


def appointment_reschedule(
    *, actor: User, appointment: Appointment, starts_at: datetime, at: datetime
) -> Appointment:
    """Move a pending or confirmed appointment to another slot of the same doctor, atomically.

    A new appointment is booked in the slot under the usual rules, linked to the old one by
    `rescheduled_from`, and the old one is CANCELLED with the reason "rescheduled" (its slot
    goes to the waitlist). An admin's reschedule is CONFIRMED; a patient's is a new request
    (PENDING). Either both happen or nothing changes. Raises NotFoundError (not yours),
    PermissionDeniedError (a doctor), InvalidStateError (not pending or confirmed, or a
    patient's confirmed visit that has started), and the booking errors of appointment_book
    (SlotOutsideHours, DoctorUnavailable, ValidationFailed, SlotTaken).
    """
    ends_at = check_bookable_start(starts_at=starts_at, at=at)
    status = AppointmentStatus.CONFIRMED if actor.role == Role.ADMIN else AppointmentStatus.PENDING
    with transaction.atomic():
        current = _visible_appointment(actor=actor, appointment=appointment)
        # Accounts before the appointment row: the lock order of hms.workflows.
        _lock_accounts(doctor=current.doctor, patient=current.patient)
        locked = _locked(actor=actor, appointment=current, predicate=can_reschedule_appointment)
        _check_transition(locked, AppointmentStatus.CANCELLED)
        was_confirmed = locked.status == AppointmentStatus.CONFIRMED
        if actor.role == Role.PATIENT and locked.starts_at <= at:
            raise InvalidStateError(
                "This appointment has already started; please contact the hospital."
            )
        # Cancelled first so that it never overlaps its own replacement; if the new slot is
        # refused, the transaction rolls back and the old appointment is untouched.
        apply_transition(
            appointment=locked,
            actor=actor,
            to_status=AppointmentStatus.CANCELLED,
            reason=RESCHEDULED_REASON,
            at=at,
        )
        replacement = _insert_booking(
            actor=actor,
            patient=locked.patient,
            doctor=locked.doctor,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=locked.reason,
            status=status,
            at=at,
            rescheduled_from=locked,
        )
        notify_appointment_rescheduled(
            patient=locked.patient.user,
            doctor=locked.doctor.user,
            previous_starts_at=locked.starts_at,
            starts_at=starts_at,
            confirmed=was_confirmed or status == AppointmentStatus.CONFIRMED,
            actor=actor,
            at=at,
        )
        if locked.starts_at > at:
            waitlist_offer_slot(
                doctor_id=locked.doctor_id,
                starts_at=locked.starts_at,
                at=at,
                exclude_patient_id=locked.patient_id,
            )
    return replacement


def _visible_appointment(*, actor: User, appointment: Appointment) -> Appointment:
    """The appointment as `actor` sees it, with its doctor and patient (not locked).

    Raises NotFoundError when the actor may not see it.
    """
    found = (
        Appointment.objects.select_related("doctor", "patient")
        .filter(visible_appointments(actor), pk=appointment.pk)
        .first()
    )
    if found is None:
        raise NotFoundError()
    return found


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
        waitlist_close_for(actor=actor, doctor=doctor, at=at)
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
        waitlist_close_for(actor=actor, patient=patient, at=at)
        rows = list(
            Appointment.objects.select_for_update(of=("self",))
            .select_related("patient__user", "doctor__user")
            .filter(patient=patient, status__in=SLOT_HOLDING_STATUSES, starts_at__gt=at)
            .order_by("pk")
        )
        return _cancel_future(actor=actor, rows=rows, reason=reason, at=at)
