"""One function per event of SPEC section 9: who is told, the text and the link.

Every function takes plain values (accounts, ids, times), so any app above this one can call it
inside the transaction of the change it reports; `at` is the time of that change. Texts name no
patient and hold no clinical detail (no symptoms, reasons for a visit, notes or diagnoses): a
notification may be e-mailed. Times are written in the hospital's time zone. Nobody is told
about what they did themselves (`actor`).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

from hms.accounts.models import Role, User
from hms.audit.models import UnusualAccessFlag
from hms.notifications.models import Notification, NotificationKind
from hms.notifications.selectors import notification_admin_recipients
from hms.notifications.services import notification_create, notification_create_for_each


def hospital_time(moment: datetime) -> str:
    """A time as e-mails and notifications write it: "Mon 07 Dec 2026, 10:30 IST"."""
    local = moment.astimezone(ZoneInfo(settings.TIME_ZONE))
    return local.strftime("%a %d %b %Y, %H:%M %Z")


def _doctor_name(doctor: User) -> str:
    return f"Dr. {doctor.full_name or doctor.username}"


def _tell(
    recipients: list[User],
    *,
    kind: str,
    text: str,
    link: str,
    at: datetime,
    actor: User | None = None,
    event_key: str = "",
) -> list[Notification]:
    others = [recipient for recipient in recipients if actor is None or recipient.pk != actor.pk]
    if not event_key:
        return notification_create_for_each(
            recipients=others, kind=kind, text=text, link=link, at=at
        )
    told = []
    for recipient in others:
        notification = notification_create(
            recipient=recipient, kind=kind, text=text, link=link, at=at, event_key=event_key
        )
        if notification is not None:
            told.append(notification)
    return told


def notify_signup_waiting(*, person: User, profile_id: int, at: datetime) -> list[Notification]:
    """Tell every admin that a doctor or a patient signed up and waits for approval."""
    if person.role == Role.DOCTOR:
        text, link = "A doctor applied for an account and is waiting for approval.", "doctors"
    else:
        text, link = "A patient signed up and is waiting for approval.", "patients"
    return _tell(
        notification_admin_recipients(),
        kind=NotificationKind.ACCOUNT_SIGNUP_WAITING,
        text=text,
        link=f"/admin/{link}/{profile_id}",
        at=at,
    )


def notify_account_approved(*, person: User, at: datetime) -> list[Notification]:
    """Tell the person whose sign-up was approved that they can sign in now (always e-mailed)."""
    return _tell(
        [person],
        kind=NotificationKind.ACCOUNT_APPROVED,
        text=f"Your {settings.HMS_HOSPITAL_NAME} account ({person.username}) was approved. "
        "You can sign in now.",
        link="/login",
        at=at,
    )


def notify_account_rejected(*, person: User, reason: str, at: datetime) -> list[Notification]:
    """Tell the person whose sign-up was rejected, with the admin's reason (always e-mailed)."""
    text = f"Your {settings.HMS_HOSPITAL_NAME} sign-up ({person.username}) was not approved."
    if reason.strip():
        text += f" Reason: {reason.strip()}"
    return _tell([person], kind=NotificationKind.ACCOUNT_REJECTED, text=text, link="", at=at)


def notify_appointment_requested(
    *, doctor: User, starts_at: datetime, at: datetime
) -> list[Notification]:
    """Tell every admin that a patient asked for an appointment that waits for approval."""
    return _tell(
        notification_admin_recipients(),
        kind=NotificationKind.APPOINTMENT_REQUESTED,
        text=f"A patient asked for an appointment with {_doctor_name(doctor)} on "
        f"{hospital_time(starts_at)}.",
        link="/admin/appointments",
        at=at,
    )


def notify_appointment_approved(
    *, patient: User, doctor: User, starts_at: datetime, at: datetime
) -> list[Notification]:
    """Tell the patient their request was approved, and the doctor of the new visit."""
    when = hospital_time(starts_at)
    return [
        *_tell(
            [patient],
            kind=NotificationKind.APPOINTMENT_APPROVED,
            text=f"Your appointment with {_doctor_name(doctor)} on {when} is confirmed.",
            link="/patient/appointments",
            at=at,
        ),
        *_tell(
            [doctor],
            kind=NotificationKind.APPOINTMENT_APPROVED,
            text=f"A visit on {when} was confirmed on your calendar.",
            link="/doctor/appointments",
            at=at,
        ),
    ]


def notify_appointment_rejected(
    *, patient: User, doctor: User, starts_at: datetime, at: datetime
) -> list[Notification]:
    """Tell the patient their request was not approved (the reason is shown in the app)."""
    return _tell(
        [patient],
        kind=NotificationKind.APPOINTMENT_REJECTED,
        text=f"Your appointment request with {_doctor_name(doctor)} on "
        f"{hospital_time(starts_at)} was not approved. The reason is shown in the app.",
        link="/patient/appointments",
        at=at,
    )


def notify_appointment_cancelled(
    *,
    patient: User,
    doctor: User,
    starts_at: datetime,
    was_confirmed: bool,
    actor: User,
    at: datetime,
) -> list[Notification]:
    """Tell the patient that an appointment was cancelled, and the doctor if it was confirmed."""
    when = hospital_time(starts_at)
    told = _tell(
        [patient],
        kind=NotificationKind.APPOINTMENT_CANCELLED,
        text=f"Your appointment with {_doctor_name(doctor)} on {when} was cancelled.",
        link="/patient/appointments",
        at=at,
        actor=actor,
    )
    if was_confirmed:
        told += _tell(
            [doctor],
            kind=NotificationKind.APPOINTMENT_CANCELLED,
            text=f"The confirmed visit on {when} was cancelled.",
            link="/doctor/appointments",
            at=at,
            actor=actor,
        )
    return told


def notify_appointment_rescheduled(
    *,
    patient: User,
    doctor: User,
    previous_starts_at: datetime,
    starts_at: datetime,
    confirmed: bool,
    actor: User,
    at: datetime,
) -> list[Notification]:
    """Tell the patient that an appointment moved, and the doctor when it is a confirmed visit.

    For the rescheduling service: call it inside the transaction that moves the appointment,
    with the old and the new start. Nobody is told about a move they made themselves.
    """
    before, after = hospital_time(previous_starts_at), hospital_time(starts_at)
    told = _tell(
        [patient],
        kind=NotificationKind.APPOINTMENT_RESCHEDULED,
        text=f"Your appointment with {_doctor_name(doctor)} moved from {before} to {after}.",
        link="/patient/appointments",
        at=at,
        actor=actor,
    )
    if confirmed:
        told += _tell(
            [doctor],
            kind=NotificationKind.APPOINTMENT_RESCHEDULED,
            text=f"A confirmed visit moved from {before} to {after}.",
            link="/doctor/appointments",
            at=at,
            actor=actor,
        )
    return told


def notify_appointment_reminder(
    *, appointment_id: int, patient: User, doctor: User, starts_at: datetime, at: datetime
) -> list[Notification]:
    """Remind the patient and the doctor of a confirmed visit; each is reminded once.

    The event key names the appointment and its start, so running the reminder job again
    creates nothing, while a visit that is moved gets a reminder for its new time.
    """
    when = hospital_time(starts_at)
    key = f"appointment:{appointment_id}:reminder:{starts_at.timestamp():.0f}"
    return [
        *_tell(
            [patient],
            kind=NotificationKind.APPOINTMENT_REMINDER,
            text=f"Reminder: your appointment with {_doctor_name(doctor)} is on {when}.",
            link="/patient/appointments",
            at=at,
            event_key=key,
        ),
        *_tell(
            [doctor],
            kind=NotificationKind.APPOINTMENT_REMINDER,
            text=f"Reminder: you have a confirmed visit on {when}.",
            link="/doctor/appointments",
            at=at,
            event_key=key,
        ),
    ]


def notify_invoice_issued(
    *, patient: User, invoice_id: int, invoice_number: str, at: datetime
) -> list[Notification]:
    """Tell the patient they were discharged and their invoice is ready to download."""
    return _tell(
        [patient],
        kind=NotificationKind.INVOICE_ISSUED,
        text=f"You were discharged. Your invoice {invoice_number} is ready in the app.",
        link=f"/patient/invoices/{invoice_id}",
        at=at,
    )


def notify_payment_received(
    *,
    patient: User,
    amount: Decimal,
    currency: str,
    receipt_number: str,
    link: str,
    at: datetime,
) -> list[Notification]:
    """Tell the patient a payment was received: amount (Decimal, 2 places) and receipt number.

    For the payments service: call it inside the transaction that records the payment, with
    the web app's path of the receipt or invoice as `link` (e.g. "/patient/invoices/7").
    """
    return _tell(
        [patient],
        kind=NotificationKind.PAYMENT_RECEIVED,
        text=f"We received your payment of {amount.quantize(Decimal('0.01'))} {currency} "
        f"(receipt {receipt_number}). Thank you.",
        link=link,
        at=at,
    )


def notify_waitlist_offer(
    *, patient: User, doctor: User, starts_at: datetime, expires_at: datetime, at: datetime
) -> list[Notification]:
    """Tell the patient first in line that a freed slot is held for them until `expires_at`."""
    return _tell(
        [patient],
        kind=NotificationKind.WAITLIST_OFFER,
        text=f"A slot with {_doctor_name(doctor)} on {hospital_time(starts_at)} is held for you "
        f"until {hospital_time(expires_at)}. Accept it in the app to book it.",
        link="/patient/waitlist",
        at=at,
    )


def notify_time_off_conflicts(
    *,
    doctor: User,
    starts_at: datetime,
    ends_at: datetime,
    visits: int,
    actor: User,
    at: datetime,
) -> list[Notification]:
    """Tell the admins that a doctor's new time off covers booked visits that need moving."""
    if visits <= 0:
        return []
    return _tell(
        notification_admin_recipients(),
        kind=NotificationKind.TIME_OFF_CONFLICT,
        text=f"{_doctor_name(doctor)} is away from {hospital_time(starts_at)} to "
        f"{hospital_time(ends_at)}; {visits} booked visit(s) in that time need moving.",
        link="/admin/schedules",
        at=at,
        actor=actor,
    )


def notify_unusual_access(
    *, flag_id: int, actor_name: str, patient_count: int, minutes: int, at: datetime
) -> list[Notification]:
    """Tell every admin that one person opened unusually many patient records (security)."""
    return _tell(
        notification_admin_recipients(),
        kind=NotificationKind.UNUSUAL_ACCESS,
        text=f"Unusual access: {actor_name} opened {patient_count} patients' records within "
        f"{minutes} minutes. Review it in the audit log.",
        link="/admin/audit",
        at=at,
        event_key=f"unusual-access:{flag_id}",
    )


def notify_unusual_access_flag(*, flag: UnusualAccessFlag, minutes: int, at: datetime) -> None:
    """The HMS_UNUSUAL_ACCESS_NOTIFIER setting: `unusual_access_check` (hms.audit, a layer
    below) calls it in the transaction that raises the flag."""
    notify_unusual_access(
        flag_id=flag.pk,
        actor_name=flag.actor_name or "Someone",
        patient_count=flag.patient_count,
        minutes=minutes,
        at=at,
    )
