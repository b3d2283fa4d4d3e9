"""Doctor accounts: sign-up, admin registration, profile edits and approval.

Closing a doctor's account touches their patients and appointments too, so it lives with the
other cross-app operations in `hms.workflows.services` (with the lock order they share).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from hms.accounts.lifecycle import AccountLifecycle
from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.services import user_create
from hms.audit.services import audit_record
from hms.common.errors import ValidationFailed
from hms.doctors.models import Department, Doctor
from hms.doctors.policies import can_assign_doctor
from hms.notifications.events import (
    notify_account_approved,
    notify_account_rejected,
    notify_signup_waiting,
)

# Approve, reject, close and set-password, audited as `doctor.<verb>`.
DOCTOR_ACCOUNT = AccountLifecycle[Doctor](model=Doctor, kind="doctor")

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
        if status == AccountStatus.PENDING:
            notify_signup_waiting(person=user, profile_id=doctor.pk, at=at)
    return doctor


def doctor_lock_assignable(*, doctor: Doctor) -> Doctor:
    """Lock a doctor so that their account cannot be closed while a patient is given to them.

    Call inside a transaction. Raises ValidationFailed (field `assigned_doctor`) unless the
    doctor is approved.
    """
    locked = DOCTOR_ACCOUNT.lock(doctor)
    if not can_assign_doctor(doctor=locked):
        raise ValidationFailed(
            fields={"assigned_doctor": [f"No approved doctor has the id {doctor.pk}."]}
        )
    return locked


def doctor_update(*, actor: User, doctor: Doctor, data: dict[str, Any], at: datetime) -> Doctor:
    """Change a doctor's names, email, mobile, address or department.

    Never touches the account's status, role or password. Writes one `doctor.update` audit
    event when something changed. Raises InvalidStateError for a rejected or deleted doctor.
    """
    with transaction.atomic():
        locked = DOCTOR_ACCOUNT.lock(doctor)
        DOCTOR_ACCOUNT.refuse_unless_editable(locked)
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
        DOCTOR_ACCOUNT.record(actor=actor, profile=locked, verb="update", at=at)
    return locked


def doctor_set_password(*, actor: User, doctor: Doctor, password: str, at: datetime) -> None:
    """Reset a doctor's password (an admin helping someone locked out); their sessions end.

    Raises ValidationFailed (field `password`) for a weak password and InvalidStateError for
    a rejected or deleted doctor.
    """
    DOCTOR_ACCOUNT.set_password(actor=actor, profile=doctor, password=password, at=at)


def doctor_approve(*, actor: User, doctor: Doctor, at: datetime) -> Doctor:
    """Approve a pending doctor application; the doctor can log in from now on.

    The doctor is told (always by e-mail when they gave an address). Raises
    InvalidStateError, changing nothing, unless the doctor is PENDING.
    """
    with transaction.atomic():
        approved = DOCTOR_ACCOUNT.approve(actor=actor, profile=doctor, at=at)
        notify_account_approved(person=approved.user, at=at)
    return approved


def doctor_reject(*, actor: User, doctor: Doctor, reason: str, at: datetime) -> Doctor:
    """Reject a pending doctor application, keeping the optional reason on the account.

    The doctor is told, with the reason. Raises InvalidStateError, changing nothing, unless
    the doctor is PENDING.
    """
    with transaction.atomic():
        rejected = DOCTOR_ACCOUNT.reject(actor=actor, profile=doctor, reason=reason, at=at)
        notify_account_rejected(person=rejected.user, reason=reason, at=at)
    return rejected
