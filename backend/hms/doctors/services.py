"""Doctor accounts: sign-up, admin registration, profile edits, approval and deletion.

Lock order, everywhere a doctor and their patients change together: the doctor (profile, then
account) first, then patient rows. Keeping one order means two admins acting at once wait for
each other instead of deadlocking.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.services import user_create, user_set_password, user_set_status
from hms.appointments.services import appointment_cancel_for_doctor
from hms.audit.services import audit_record
from hms.common.errors import InvalidStateError
from hms.doctors.models import Department, Doctor
from hms.doctors.policies import can_edit_doctor
from hms.patients.models import Patient

# The reason written on everything a deleted doctor leaves behind (e.g. cancelled appointments).
DOCTOR_DELETED_REASON = "The doctor no longer works at the hospital."

_USER_FIELDS = ("first_name", "last_name", "email")
_PROFILE_FIELDS = ("mobile", "address", "department")


def doctor_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    first_name: str,
    last_name: str,
    email: str,
    mobile: str,
    address: str,
    department: Department,
    status: str,
    at: datetime,
) -> Doctor:
    """Create a doctor account and profile in one transaction.

    Self sign-up passes status PENDING and no actor; an admin registration passes APPROVED, so
    the doctor can log in at once. Raises ValidationFailed for a taken username or a weak
    password.
    """
    with transaction.atomic():
        user = user_create(
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=email,
            role=Role.DOCTOR,
            status=status,
            at=at,
        )
        doctor = Doctor.objects.create(
            user=user, mobile=mobile, address=address, department=department
        )
        audit_record(
            actor=actor or user,
            action="doctor.signup" if status == AccountStatus.PENDING else "doctor.register",
            object_type="doctor",
            object_id=doctor.pk,
            at=at,
        )
    return doctor


def _doctor_lock(doctor_id: int) -> Doctor:
    """Re-read a doctor with its profile and account rows locked until the transaction ends."""
    return (
        Doctor.objects.select_for_update(of=("self", "user"))
        .select_related("user")
        .get(pk=doctor_id)
    )


def _refuse_unless_editable(doctor: Doctor) -> None:
    if not can_edit_doctor(doctor=doctor):
        raise InvalidStateError(
            f"The account of this doctor is {doctor.user.get_status_display().lower()}; "
            "it can no longer be changed."
        )


def doctor_update(*, actor: User, doctor: Doctor, data: dict[str, Any], at: datetime) -> Doctor:
    """Change a doctor's names, email, mobile, address or department.

    Never touches the account's status, role or password. Writes one `doctor.update` audit
    event when something changed. Raises InvalidStateError for a rejected or deleted doctor.
    """
    with transaction.atomic():
        locked = _doctor_lock(doctor.pk)
        _refuse_unless_editable(locked)
        user_changes = [
            name
            for name in _USER_FIELDS
            if name in data and getattr(locked.user, name) != data[name]
        ]
        profile_changes = [
            name for name in _PROFILE_FIELDS if name in data and getattr(locked, name) != data[name]
        ]
        if not user_changes and not profile_changes:
            return locked
        for name in user_changes:
            setattr(locked.user, name, data[name])
        if user_changes:
            locked.user.save(update_fields=user_changes)
        for name in profile_changes:
            setattr(locked, name, data[name])
        locked.save(update_fields=[*profile_changes, "updated_at"])
        audit_record(
            actor=actor, action="doctor.update", object_type="doctor", object_id=locked.pk, at=at
        )
    return locked


def doctor_set_password(*, actor: User, doctor: Doctor, password: str, at: datetime) -> None:
    """Reset a doctor's password (an admin helping someone locked out); their sessions end.

    Raises ValidationFailed (field `password`) for a weak password and InvalidStateError for
    a rejected or deleted doctor.
    """
    with transaction.atomic():
        locked = _doctor_lock(doctor.pk)
        _refuse_unless_editable(locked)
        user_set_password(user=locked.user, password=password)
        audit_record(
            actor=actor,
            action="doctor.set_password",
            object_type="doctor",
            object_id=locked.pk,
            at=at,
        )


def doctor_approve(*, actor: User, doctor: Doctor, at: datetime) -> Doctor:
    """Approve a pending doctor application; the doctor can log in from now on.

    Raises InvalidStateError, changing nothing, unless the doctor is PENDING.
    """
    with transaction.atomic():
        locked = _doctor_lock(doctor.pk)
        user_set_status(actor=actor, user=locked.user, status=AccountStatus.APPROVED, at=at)
        audit_record(
            actor=actor, action="doctor.approve", object_type="doctor", object_id=locked.pk, at=at
        )
    return locked


def doctor_reject(*, actor: User, doctor: Doctor, reason: str, at: datetime) -> Doctor:
    """Reject a pending doctor application, keeping the optional reason on the account.

    Raises InvalidStateError, changing nothing, unless the doctor is PENDING.
    """
    with transaction.atomic():
        locked = _doctor_lock(doctor.pk)
        user_set_status(
            actor=actor, user=locked.user, status=AccountStatus.REJECTED, reason=reason, at=at
        )
        audit_record(
            actor=actor, action="doctor.reject", object_type="doctor", object_id=locked.pk, at=at
        )
    return locked


def doctor_delete(*, actor: User, doctor: Doctor, at: datetime) -> None:
    """Delete a doctor: deactivate the account and take the doctor off every working list.

    The account becomes DELETED and inactive and its tokens are revoked at once. Nothing is
    removed: admissions, invoices and appointments keep referring to the profile. Patients
    assigned to the doctor become unassigned (one `patient.unassign` audit event each), so the
    admin can give them another doctor. Their future pending and confirmed appointments are
    cancelled with DOCTOR_DELETED_REASON (one `appointment.cancel` audit event each). Raises
    InvalidStateError, changing nothing, unless the doctor is PENDING or APPROVED.
    """
    with transaction.atomic():
        locked = _doctor_lock(doctor.pk)
        user_set_status(actor=actor, user=locked.user, status=AccountStatus.DELETED, at=at)
        audit_record(
            actor=actor, action="doctor.delete", object_type="doctor", object_id=locked.pk, at=at
        )
        patients = list(
            Patient.objects.select_for_update().filter(assigned_doctor=locked).order_by("pk")
        )
        Patient.objects.filter(pk__in=[patient.pk for patient in patients]).update(
            assigned_doctor=None, updated_at=at
        )
        for patient in patients:
            audit_record(
                actor=actor,
                action="patient.unassign",
                object_type="patient",
                object_id=patient.pk,
                patient=patient,
                at=at,
            )
        # Last, still under the doctor's account lock, which every booking also takes: no
        # booking can slip in between the cancellation and the commit.
        appointment_cancel_for_doctor(
            actor=actor, doctor=locked, reason=DOCTOR_DELETED_REASON, at=at
        )
