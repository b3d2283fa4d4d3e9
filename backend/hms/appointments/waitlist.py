"""The waitlist: patients waiting for a doctor, and the offers of freed slots.

A patient (or an admin for them) joins a doctor's waitlist for a range of dates. When a slot of
that doctor frees up (a cancellation, a rejection, a reschedule, an offer that expired or was
declined), the first person in line whose dates contain the slot's day and who is free then is
offered it, in the same transaction: the slot becomes a HELD appointment in their name, so the
database's no-overlap rules keep everyone else out of it until the hold runs out
(`HMS_WAITLIST_HOLD_MINUTES`, never past the slot's start). Accepting turns the hold into a
booking under the usual rules (a patient's PENDING, an admin's CONFIRMED); an offer nobody
accepts in time expires (the scheduled job, hms.appointments.jobs) and passes to the next in
line. An entry whose offer expired leaves the line (the patient may join again).

Lock order: accounts (doctor, then patient), then waitlist entries, then appointments — except
when a freed slot is offered, which runs inside the transaction that freed it and locks only
waiting entries and inserts the hold (it takes no account lock, so it never waits in a cycle
with a booking); accepting checks that both accounts are still approved.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.appointments.availability import check_doctor_available
from hms.appointments.errors import (
    AlreadyWaiting,
    DoctorUnavailable,
    OfferExpired,
    SlotOutsideHours,
    SlotTaken,
)
from hms.appointments.models import (
    SLOT_HOLDING_STATUSES,
    WAITLIST_ACTIVE_STATUSES,
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from hms.appointments.policies import visible_waitlist_entries
from hms.appointments.rules import apply_transition, check_bookable_start, insert_holding
from hms.appointments.slots import local_date, slot_rules
from hms.audit.services import audit_record
from hms.common.dates import latest_date
from hms.common.errors import (
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailed,
)
from hms.doctors.models import Doctor
from hms.notifications.events import notify_appointment_requested, notify_waitlist_offer
from hms.patients.models import Patient

# How many people in line are tried for one freed slot (each may be busy at that time).
_CANDIDATES = 20


def hold_minutes() -> int:
    """How long an offered slot is held (the setting)."""
    return int(settings.HMS_WAITLIST_HOLD_MINUTES)


def waitlist_join(
    *,
    actor: User,
    patient: Patient,
    doctor: Doctor,
    date_from: date,
    date_to: date,
    reason: str,
    at: datetime,
) -> WaitlistEntry:
    """Put `patient` at the end of `doctor`'s waitlist for days between `date_from` and `date_to`.

    A patient joins for themself, an admin for any approved patient. Raises PermissionDeniedError
    (someone else), ValidationFailed (dates in the past, out of order or beyond the booking
    horizon; accounts not approved) and AlreadyWaiting (the patient is already in this line).
    """
    own = actor.role == Role.PATIENT and patient.user_id == actor.pk
    if not (actor.role == Role.ADMIN or own):
        raise PermissionDeniedError("You may only join the waitlist for yourself.")
    today = local_date(at, rules=slot_rules())
    if date_to < date_from:
        raise ValidationFailed(fields={"date_to": ["The last day comes before the first day."]})
    if date_to < today:
        raise ValidationFailed(fields={"date_to": ["The last day has already passed."]})
    if date_to > latest_date(today=today):
        message = "The last day lies beyond the booking horizon."
        raise ValidationFailed(message, fields={"date_to": [message]})
    with transaction.atomic():
        doctor_account = User.objects.select_for_update(no_key=True).get(pk=doctor.user_id)
        patient_account = User.objects.select_for_update(no_key=True).get(pk=patient.user_id)
        if doctor_account.status != AccountStatus.APPROVED:
            raise ValidationFailed(fields={"doctor": ["This doctor is not available for booking."]})
        if patient_account.status != AccountStatus.APPROVED:
            raise ValidationFailed(fields={"patient": ["This patient's account is not approved."]})
        if WaitlistEntry.objects.filter(
            patient=patient, doctor=doctor, status__in=WAITLIST_ACTIVE_STATUSES
        ).exists():
            raise AlreadyWaiting()
        entry = WaitlistEntry(
            patient=patient,
            doctor=doctor,
            date_from=max(date_from, today),
            date_to=date_to,
            reason=reason,
            status=WaitlistStatus.WAITING,
            status_changed_at=at,
            created_by=actor,
        )
        try:
            with transaction.atomic():
                entry.save()
        except IntegrityError as error:
            raise AlreadyWaiting() from error
        audit_record(
            actor=actor,
            action="waitlist.join",
            object_type="waitlist_entry",
            object_id=entry.pk,
            patient=patient,
            at=at,
        )
    return entry


def _locked_entry(*, actor: User, entry: WaitlistEntry) -> WaitlistEntry:
    locked = (
        WaitlistEntry.objects.select_for_update(of=("self",))
        .select_related("patient__user", "doctor__user")
        .filter(visible_waitlist_entries(actor), pk=entry.pk)
        .first()
    )
    if locked is None:
        raise NotFoundError()
    return locked


def _release_hold(
    *, entry: WaitlistEntry, actor: User | None, to_status: str, reason: str, at: datetime
) -> None:
    """End the entry's held appointment and offer its slot to the next in line."""
    if entry.offer_id is None:
        return
    hold = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("patient")
        .get(pk=entry.offer_id)
    )
    if hold.status != AppointmentStatus.HELD:
        return
    apply_transition(appointment=hold, actor=actor, to_status=to_status, reason=reason, at=at)
    waitlist_offer_slot(
        doctor_id=hold.doctor_id,
        starts_at=hold.starts_at,
        at=at,
        exclude_patient_id=hold.patient_id,
    )


def waitlist_leave(*, actor: User, entry: WaitlistEntry, at: datetime) -> WaitlistEntry:
    """Take an entry off the line (LEFT); a slot held for it passes to the next in line.

    Raises NotFoundError (not yours) and InvalidStateError (no longer waiting or offered).
    """
    with transaction.atomic():
        locked = _locked_entry(actor=actor, entry=entry)
        if locked.status not in WAITLIST_ACTIVE_STATUSES:
            raise InvalidStateError("This waitlist entry is no longer in line.")
        offered = locked.status == WaitlistStatus.OFFERED
        locked.status = WaitlistStatus.LEFT
        locked.status_changed_at = at
        locked.save(update_fields=["status", "status_changed_at", "updated_at"])
        audit_record(
            actor=actor,
            action="waitlist.leave",
            object_type="waitlist_entry",
            object_id=locked.pk,
            patient=locked.patient,
            at=at,
        )
        if offered:
            _release_hold(
                entry=locked,
                actor=actor,
                to_status=AppointmentStatus.CANCELLED,
                reason="The waitlist offer was declined.",
                at=at,
            )
    return locked


def waitlist_close_for(
    *, actor: User, doctor: Doctor | None = None, patient: Patient | None = None, at: datetime
) -> int:
    """Take every active entry of a closed doctor's or patient's account off the lines (LEFT).

    Called inside the account-closing transaction, before its appointments are cancelled. A
    slot held for a closed patient passes to the next in line. Returns how many entries left.
    """
    entries = WaitlistEntry.objects.select_for_update(of=("self",)).filter(
        status__in=WAITLIST_ACTIVE_STATUSES
    )
    if doctor is not None:
        entries = entries.filter(doctor=doctor)
    if patient is not None:
        entries = entries.filter(patient=patient)
    closed = 0
    for entry in entries.order_by("pk"):
        offered = entry.status == WaitlistStatus.OFFERED
        entry.status = WaitlistStatus.LEFT
        entry.status_changed_at = at
        entry.save(update_fields=["status", "status_changed_at", "updated_at"])
        if offered:
            _release_hold(
                entry=entry,
                actor=actor,
                to_status=AppointmentStatus.CANCELLED,
                reason="The account was closed.",
                at=at,
            )
        closed += 1
    return closed


def waitlist_accept(*, actor: User, entry: WaitlistEntry, at: datetime) -> Appointment:
    """Accept the slot offered to an entry: the hold becomes a booking under the usual rules.

    A patient's acceptance is a request (PENDING, for an admin to approve); an admin's is
    CONFIRMED. Raises NotFoundError (not yours), InvalidStateError (no offer to accept, or an
    account no longer approved) and OfferExpired (the hold has run out), changing nothing.
    """
    with transaction.atomic():
        # Accounts first (the lock order of booking), then the entry, then the hold.
        doctor_account = User.objects.select_for_update(no_key=True).get(pk=entry.doctor.user_id)
        patient_account = User.objects.select_for_update(no_key=True).get(pk=entry.patient.user_id)
        locked = _locked_entry(actor=actor, entry=entry)
        if locked.status != WaitlistStatus.OFFERED:
            raise InvalidStateError("There is no offer to accept on this waitlist entry.")
        if locked.offer_expires_at is None or locked.offer_expires_at <= at:
            raise OfferExpired()
        if (
            doctor_account.status != AccountStatus.APPROVED
            or patient_account.status != AccountStatus.APPROVED
        ):
            raise InvalidStateError("The doctor or the patient is no longer active.")
        if locked.offer_id is None:
            raise InvalidStateError("There is no offer to accept on this waitlist entry.")
        hold = (
            Appointment.objects.select_for_update(of=("self",))
            .select_related("patient")
            .get(pk=locked.offer_id)
        )
        to_status = (
            AppointmentStatus.CONFIRMED if actor.role == Role.ADMIN else AppointmentStatus.PENDING
        )
        apply_transition(
            appointment=hold,
            actor=actor,
            to_status=to_status,
            reason="",
            at=at,
            action="appointment.accept_offer",
        )
        Appointment.objects.filter(pk=hold.pk).update(booked_by=actor)
        if to_status == AppointmentStatus.PENDING:
            # An accepted offer from a patient is a request like any booking: the admins decide.
            notify_appointment_requested(doctor=doctor_account, starts_at=hold.starts_at, at=at)
        locked.status = WaitlistStatus.BOOKED
        locked.status_changed_at = at
        locked.save(update_fields=["status", "status_changed_at", "updated_at"])
    return hold


def waitlist_offer_slot(
    *, doctor_id: int, starts_at: datetime, at: datetime, exclude_patient_id: int | None = None
) -> WaitlistEntry | None:
    """Offer a freed slot of a doctor to the first person in line who can take it.

    Called inside the transaction that freed the slot. The slot must still be a bookable slot
    of the current grid, in the doctor's availability and free for the doctor; the first
    WAITING entry (in line order) whose dates contain its day and whose patient is free then
    gets a HELD appointment and the OFFERED status. Returns that entry, or None.
    """
    try:
        ends_at = check_bookable_start(starts_at=starts_at, at=at)
    except (SlotOutsideHours, ValidationFailed):
        return None
    doctor = Doctor.objects.filter(pk=doctor_id, user__status=AccountStatus.APPROVED).first()
    if doctor is None:
        return None
    try:
        check_doctor_available(doctor=doctor, starts_at=starts_at, ends_at=ends_at)
    except DoctorUnavailable:
        return None
    if Appointment.objects.filter(
        doctor_id=doctor_id,
        status__in=SLOT_HOLDING_STATUSES,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    ).exists():
        return None
    day = local_date(starts_at, rules=slot_rules())
    candidates = (
        WaitlistEntry.objects.select_for_update(of=("self",))
        .select_related("patient__user")
        .filter(
            doctor_id=doctor_id,
            status=WaitlistStatus.WAITING,
            date_from__lte=day,
            date_to__gte=day,
            patient__user__status=AccountStatus.APPROVED,
        )
        .order_by("created_at", "id")
    )
    if exclude_patient_id is not None:
        candidates = candidates.exclude(patient_id=exclude_patient_id)
    for entry in candidates[:_CANDIDATES]:
        hold = Appointment(
            patient=entry.patient,
            doctor=doctor,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=entry.reason,
            status=AppointmentStatus.HELD,
            status_changed_at=at,
            booked_by=entry.created_by,
        )
        try:
            insert_holding(hold, actor=None)
        except SlotTaken:
            continue  # this patient is busy then; the next in line may not be
        AppointmentEvent.objects.create(
            appointment=hold, from_status="", to_status=AppointmentStatus.HELD, actor=None, at=at
        )
        entry.status = WaitlistStatus.OFFERED
        entry.status_changed_at = at
        entry.offer = hold
        entry.offer_expires_at = min(at + timedelta(minutes=hold_minutes()), starts_at)
        entry.save(
            update_fields=["status", "status_changed_at", "offer", "offer_expires_at", "updated_at"]
        )
        notify_waitlist_offer(
            patient=entry.patient.user,
            doctor=doctor.user,
            starts_at=starts_at,
            expires_at=entry.offer_expires_at,
            at=at,
        )
        audit_record(
            actor=None,
            action="waitlist.offer",
            object_type="waitlist_entry",
            object_id=entry.pk,
            patient=entry.patient,
            at=at,
        )
        return entry
    return None


def waitlist_expire(*, at: datetime) -> dict[str, int]:
    """Expire offers whose hold ran out (passing each slot on) and entries whose dates passed.

    Idempotent: a second run at the same instant changes nothing. Returns the counts.
    """
    today = local_date(at, rules=slot_rules())
    offers = 0
    with transaction.atomic():
        stale = list(
            WaitlistEntry.objects.select_for_update(of=("self",), skip_locked=True)
            .filter(status=WaitlistStatus.OFFERED, offer_expires_at__lte=at)
            .order_by("offer_expires_at", "id")
        )
        for entry in stale:
            entry.status = WaitlistStatus.EXPIRED
            entry.status_changed_at = at
            entry.save(update_fields=["status", "status_changed_at", "updated_at"])
            _release_hold(
                entry=entry,
                actor=None,
                to_status=AppointmentStatus.EXPIRED,
                reason="The waitlist offer was not accepted in time.",
                at=at,
            )
            offers += 1
        entries = WaitlistEntry.objects.filter(
            status=WaitlistStatus.WAITING, date_to__lt=today
        ).update(status=WaitlistStatus.EXPIRED, status_changed_at=at, updated_at=at)
    return {"offers_expired": offers, "entries_expired": entries}
