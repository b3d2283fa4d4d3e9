"""Who may see which appointments, and who may act on one they see.

The role map (`hms.accounts.policies.ROLE_MAP`, resource "appointments") decides which roles may
call an operation at all; `visible_appointments` decides which rows exist for the caller, and
the predicates which of those they may act on. Whether the appointment's status and time allow
the action is the services' business (409 INVALID_STATE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q

from hms.accounts.models import Role
from hms.appointments.models import AppointmentEvent, AppointmentStatus
from hms.doctors.policies import own_doctor_id

if TYPE_CHECKING:
    from hms.accounts.models import User
    from hms.appointments.models import Appointment
    from hms.patients.models import Patient


# The statuses in which an appointment is on its doctor's calendar or in their past visits.
DOCTOR_VISIBLE_STATUSES = frozenset(
    {AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW}
)


def _is_patient_of(user: User, appointment: Appointment) -> bool:
    return user.role == Role.PATIENT and appointment.patient.user_id == user.pk


def _is_doctor_of(user: User, appointment: Appointment) -> bool:
    return user.role == Role.DOCTOR and appointment.doctor.user_id == user.pk


def _was_confirmed_then_cancelled() -> Exists:
    return Exists(
        AppointmentEvent.objects.filter(
            appointment=OuterRef("pk"),
            from_status=AppointmentStatus.CONFIRMED,
            to_status=AppointmentStatus.CANCELLED,
        )
    )


def visible_appointments(viewer: User, *, among_status: str | None = None) -> Q:
    """Match the appointments `viewer` may see.

    The admin sees every appointment and a patient all of their own. A doctor sees their own
    once they are on the doctor's calendar: CONFIRMED, COMPLETED (a past visit), NO_SHOW, and
    CANCELLED after having been confirmed; never a request still PENDING, a REJECTED one, or one
    cancelled before it was confirmed (those were never the doctor's business, and they carry
    the patient's contact details and reason). Anyone else sees none.

    `among_status`, when given, is the status every row the match is applied to already has
    (the caller filters on it): the terms that status settles are left out. A doctor's own
    appointments are then matched by the doctor's id, read by their account inside the query,
    so a list of one status reads the index on (doctor, status, starts_at, id) in order.
    """
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.DOCTOR:
        if among_status is None:
            return Q(doctor__user_id=viewer.pk) & _doctor_visible_status()
        own = Q(doctor_id=own_doctor_id(viewer))
        if among_status in DOCTOR_VISIBLE_STATUSES:
            return own
        if among_status == AppointmentStatus.CANCELLED:
            return own & Q(_was_confirmed_then_cancelled())
        return own & _doctor_visible_status()
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk)
    return Q(pk__in=[])


def _doctor_visible_status() -> Q:
    return Q(status__in=DOCTOR_VISIBLE_STATUSES) | (
        Q(status=AppointmentStatus.CANCELLED) & Q(_was_confirmed_then_cancelled())
    )


def can_book_appointment(*, user: User, patient: Patient) -> bool:
    """Allow the admin to book for any patient, and a patient only for themself."""
    if user.role == Role.ADMIN:
        return True
    return user.role == Role.PATIENT and patient.user_id == user.pk


def can_decide_appointment(*, user: User, appointment: Appointment) -> bool:
    """Allow only the admin to approve or reject a request."""
    return user.role == Role.ADMIN


def can_cancel_appointment(*, user: User, appointment: Appointment) -> bool:
    """Allow the admin to cancel any appointment, and a patient their own."""
    return user.role == Role.ADMIN or _is_patient_of(user, appointment)


def can_reschedule_appointment(*, user: User, appointment: Appointment) -> bool:
    """Allow the admin to reschedule any appointment, and a patient their own."""
    return user.role == Role.ADMIN or _is_patient_of(user, appointment)


def can_complete_appointment(*, user: User, appointment: Appointment) -> bool:
    """Allow only the appointment's own doctor to mark it attended."""
    return _is_doctor_of(user, appointment)


def visible_waitlist_entries(viewer: User) -> Q:
    """Match the entries `viewer` may see: the admin all, a patient their own, others none."""
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk)
    return Q(pk__in=[])
