"""Who may do what to which appointment: pure predicates over a user and a row.

The role map (`hms.accounts.policies.ROLE_MAP`, resource "appointments") decides which roles may
call an operation at all; these predicates decide which rows. Whether the appointment's status
and time allow the action is the services' business (409 INVALID_STATE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hms.accounts.models import Role

if TYPE_CHECKING:
    from hms.accounts.models import User
    from hms.appointments.models import Appointment
    from hms.patients.models import Patient


def _is_patient_of(user: User, appointment: Appointment) -> bool:
    return user.role == Role.PATIENT and appointment.patient.user_id == user.pk


def _is_doctor_of(user: User, appointment: Appointment) -> bool:
    return user.role == Role.DOCTOR and appointment.doctor.user_id == user.pk


def can_view_appointment(*, user: User, appointment: Appointment) -> bool:
    """Allow the admin every appointment, a doctor their own, a patient their own."""
    return (
        user.role == Role.ADMIN
        or _is_doctor_of(user, appointment)
        or _is_patient_of(user, appointment)
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


def can_complete_appointment(*, user: User, appointment: Appointment) -> bool:
    """Allow only the appointment's own doctor to mark it attended."""
    return _is_doctor_of(user, appointment)
