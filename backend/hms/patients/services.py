"""Patient accounts: sign-up, admin registration, profile edits, the assigned doctor and
approval.

Lock order (the one `hms.workflows.services` documents): a doctor's rows before a patient's
rows. Closing a patient's account touches admissions and appointments too, so it lives in
`hms.workflows.services`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction

from hms.accounts.lifecycle import AccountLifecycle
from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.services import user_create
from hms.audit.services import audit_record
from hms.doctors.models import Doctor
from hms.doctors.policies import can_assign_doctor
from hms.doctors.services import DOCTOR_ACCOUNT, doctor_lock_assignable
from hms.notifications.events import (
    notify_account_approved,
    notify_account_rejected,
    notify_signup_waiting,
)
from hms.patients.models import Patient

# Approve, reject, close and set-password, audited as `patient.<verb>` about the patient.
PATIENT_ACCOUNT = AccountLifecycle[Patient](
    model=Patient, kind="patient", audit_patient=lambda patient: patient
)

_USER_FIELDS = ("first_name", "last_name", "email")
_PROFILE_FIELDS = ("mobile", "address", "symptoms", "date_of_birth")


def patient_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    first_name: str,
    last_name: str,
    email: str,
    mobile: str,
    address: str,
    symptoms: str,
    date_of_birth: date | None,
    preferred_doctor: Doctor | None,
    assigned_doctor: Doctor | None,
    status: str,
    at: datetime,
) -> Patient:
    """Create a patient account and profile in one transaction.

    Self sign-up passes status PENDING, no actor and at most a preferred doctor; an admin
    registration passes APPROVED (the patient can log in at once) and may assign an approved
    doctor. Raises ValidationFailed for a taken username, a weak password, or an assigned
    doctor who is not approved.
    """
    with transaction.atomic():
        if assigned_doctor is not None:
            doctor_lock_assignable(doctor=assigned_doctor)
        user = user_create(
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=email,
            role=Role.PATIENT,
            status=status,
            at=at,
        )
        patient = Patient.objects.create(
            user=user,
            mobile=mobile,
            address=address,
            symptoms=symptoms,
            date_of_birth=date_of_birth,
            preferred_doctor=preferred_doctor,
            assigned_doctor=assigned_doctor,
        )
        audit_record(
            actor=actor or user,
            action="patient.signup" if status == AccountStatus.PENDING else "patient.register",
            object_type="patient",
            object_id=patient.pk,
            patient=patient,
            at=at,
        )
        if status == AccountStatus.PENDING:
            notify_signup_waiting(person=user, profile_id=patient.pk, at=at)
    return patient


def _audit_assignment(*, actor: User, patient: Patient, at: datetime) -> None:
    audit_record(
        actor=actor,
        action="patient.assign" if patient.assigned_doctor_id else "patient.unassign",
        object_type="patient",
        object_id=patient.pk,
        patient=patient,
        at=at,
    )


def patient_update(*, actor: User, patient: Patient, data: dict[str, Any], at: datetime) -> Patient:
    """Change a patient's names, email, contact, symptoms, date of birth or assigned doctor.

    `assigned_doctor` (a Doctor, or None to unassign) must be an approved doctor. Never touches
    the account's status, role or password, nor the patient's admissions. Writes a
    `patient.update` audit event when profile fields changed, and a `patient.assign` (or
    `patient.unassign`) event when the doctor changed. Raises ValidationFailed for a doctor
    who is not approved and InvalidStateError for a rejected or deleted patient.
    """
    with transaction.atomic():
        new_doctor: Doctor | None = data.get("assigned_doctor")
        if new_doctor is not None:
            new_doctor = doctor_lock_assignable(doctor=new_doctor)
        locked = PATIENT_ACCOUNT.lock(patient)
        PATIENT_ACCOUNT.refuse_unless_editable(locked)
        user_changes = [
            name
            for name in _USER_FIELDS
            if name in data and getattr(locked.user, name) != data[name]
        ]
        profile_changes = [
            name for name in _PROFILE_FIELDS if name in data and getattr(locked, name) != data[name]
        ]
        doctor_changed = "assigned_doctor" in data and locked.assigned_doctor_id != (
            new_doctor.pk if new_doctor else None
        )
        for name in user_changes:
            setattr(locked.user, name, data[name])
        if user_changes:
            locked.user.save(update_fields=user_changes)
        for name in profile_changes:
            setattr(locked, name, data[name])
        if doctor_changed:
            locked.assigned_doctor = new_doctor
            profile_changes.append("assigned_doctor")
        if profile_changes:
            locked.save(update_fields=[*profile_changes, "updated_at"])
        if user_changes or set(profile_changes) - {"assigned_doctor"}:
            PATIENT_ACCOUNT.record(actor=actor, profile=locked, verb="update", at=at)
        if doctor_changed:
            _audit_assignment(actor=actor, patient=locked, at=at)
    return locked


def patient_set_password(*, actor: User, patient: Patient, password: str, at: datetime) -> None:
    """Reset a patient's password (an admin helping someone locked out); their sessions end.

    Raises ValidationFailed (field `password`) for a weak password and InvalidStateError for
    a rejected or deleted patient.
    """
    PATIENT_ACCOUNT.set_password(actor=actor, profile=patient, password=password, at=at)


def patient_approve(*, actor: User, patient: Patient, at: datetime) -> Patient:
    """Approve a pending patient sign-up; the patient can log in from now on.

    The doctor the patient picked at sign-up (`preferred_doctor`) becomes their assigned
    doctor when no doctor is assigned yet and that doctor is still approved; otherwise the
    assignment is left to the admin. Raises InvalidStateError, changing nothing, unless the
    patient is PENDING.
    """
    with transaction.atomic():
        preferred = (
            DOCTOR_ACCOUNT.lock(patient.preferred_doctor) if patient.preferred_doctor else None
        )
        locked = PATIENT_ACCOUNT.approve(actor=actor, profile=patient, at=at)
        if (
            locked.assigned_doctor_id is None
            and preferred is not None
            and preferred.pk == locked.preferred_doctor_id
            and can_assign_doctor(doctor=preferred)
        ):
            locked.assigned_doctor = preferred
            locked.save(update_fields=["assigned_doctor", "updated_at"])
            _audit_assignment(actor=actor, patient=locked, at=at)
        notify_account_approved(person=locked.user, at=at)
    return locked


def patient_reject(*, actor: User, patient: Patient, reason: str, at: datetime) -> Patient:
    """Reject a pending patient sign-up, keeping the optional reason on the account.

    The patient is told, with the reason. Raises InvalidStateError, changing nothing, unless
    the patient is PENDING.
    """
    with transaction.atomic():
        rejected = PATIENT_ACCOUNT.reject(actor=actor, profile=patient, reason=reason, at=at)
        notify_account_rejected(person=rejected.user, reason=reason, at=at)
    return rejected
