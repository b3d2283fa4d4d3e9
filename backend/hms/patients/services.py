"""Patient accounts: sign-up, admin registration, profile edits, the assigned doctor, approval
and deletion.

Lock order (the same as in `hms.doctors.services`): a doctor's rows before a patient's rows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.services import user_create, user_set_password, user_set_status
from hms.admissions.selectors import open_admission_exists
from hms.appointments.services import appointment_cancel_for_patient
from hms.audit.services import audit_record
from hms.common.errors import InvalidStateError, ValidationFailed
from hms.doctors.models import Doctor
from hms.doctors.policies import can_assign_doctor
from hms.patients.models import Patient
from hms.patients.policies import can_edit_patient

# The reason written on everything a deleted patient leaves behind (e.g. cancelled appointments).
PATIENT_DELETED_REASON = "The patient's account was closed by the hospital."

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
            _lock_assignable_doctor(assigned_doctor.pk)
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
    return patient


def _patient_lock(patient_id: int) -> Patient:
    """Re-read a patient with their profile and account rows locked until the transaction ends."""
    return (
        Patient.objects.select_for_update(of=("self", "user"))
        .select_related("user")
        .get(pk=patient_id)
    )


def _doctor_lock(doctor_id: int) -> Doctor:
    return (
        Doctor.objects.select_for_update(of=("self", "user"))
        .select_related("user")
        .get(pk=doctor_id)
    )


def _lock_assignable_doctor(doctor_id: int) -> Doctor:
    """Lock a doctor so that they cannot be deleted while a patient is given to them.

    Raises ValidationFailed (field `assigned_doctor`) unless the doctor is approved.
    """
    doctor = _doctor_lock(doctor_id)
    if not can_assign_doctor(doctor=doctor):
        raise ValidationFailed(
            fields={"assigned_doctor": [f"No approved doctor has the id {doctor_id}."]}
        )
    return doctor


def _refuse_unless_editable(patient: Patient) -> None:
    if not can_edit_patient(patient=patient):
        raise InvalidStateError(
            f"The account of this patient is {patient.user.get_status_display().lower()}; "
            "it can no longer be changed."
        )


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
            new_doctor = _lock_assignable_doctor(new_doctor.pk)
        locked = _patient_lock(patient.pk)
        _refuse_unless_editable(locked)
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
            audit_record(
                actor=actor,
                action="patient.update",
                object_type="patient",
                object_id=locked.pk,
                patient=locked,
                at=at,
            )
        if doctor_changed:
            _audit_assignment(actor=actor, patient=locked, at=at)
    return locked


def patient_set_password(*, actor: User, patient: Patient, password: str, at: datetime) -> None:
    """Reset a patient's password (an admin helping someone locked out); their sessions end.

    Raises ValidationFailed (field `password`) for a weak password and InvalidStateError for
    a rejected or deleted patient.
    """
    with transaction.atomic():
        locked = _patient_lock(patient.pk)
        _refuse_unless_editable(locked)
        user_set_password(user=locked.user, password=password)
        audit_record(
            actor=actor,
            action="patient.set_password",
            object_type="patient",
            object_id=locked.pk,
            patient=locked,
            at=at,
        )


def patient_approve(*, actor: User, patient: Patient, at: datetime) -> Patient:
    """Approve a pending patient sign-up; the patient can log in from now on.

    The doctor the patient picked at sign-up (`preferred_doctor`) becomes their assigned
    doctor when no doctor is assigned yet and that doctor is still approved; otherwise the
    assignment is left to the admin. Raises InvalidStateError, changing nothing, unless the
    patient is PENDING.
    """
    with transaction.atomic():
        preferred = (
            _doctor_lock(patient.preferred_doctor_id) if patient.preferred_doctor_id else None
        )
        locked = _patient_lock(patient.pk)
        user_set_status(actor=actor, user=locked.user, status=AccountStatus.APPROVED, at=at)
        audit_record(
            actor=actor,
            action="patient.approve",
            object_type="patient",
            object_id=locked.pk,
            patient=locked,
            at=at,
        )
        if (
            locked.assigned_doctor_id is None
            and preferred is not None
            and preferred.pk == locked.preferred_doctor_id
            and can_assign_doctor(doctor=preferred)
        ):
            locked.assigned_doctor = preferred
            locked.save(update_fields=["assigned_doctor", "updated_at"])
            _audit_assignment(actor=actor, patient=locked, at=at)
    return locked


def patient_reject(*, actor: User, patient: Patient, reason: str, at: datetime) -> Patient:
    """Reject a pending patient sign-up, keeping the optional reason on the account.

    Raises InvalidStateError, changing nothing, unless the patient is PENDING.
    """
    with transaction.atomic():
        locked = _patient_lock(patient.pk)
        user_set_status(
            actor=actor, user=locked.user, status=AccountStatus.REJECTED, reason=reason, at=at
        )
        audit_record(
            actor=actor,
            action="patient.reject",
            object_type="patient",
            object_id=locked.pk,
            patient=locked,
            at=at,
        )
    return locked


def patient_delete(*, actor: User, patient: Patient, at: datetime) -> None:
    """Delete a patient: deactivate the account and take them off every working list.

    The account becomes DELETED and inactive and its tokens are revoked at once. Nothing is
    removed: admissions, invoices and appointments keep referring to the profile, and so does
    the assigned doctor (for the record; the doctor no longer sees the patient). Their future
    pending and confirmed appointments are cancelled with PATIENT_DELETED_REASON. Raises
    InvalidStateError, changing nothing, unless the patient is PENDING or APPROVED and not
    currently admitted (an in-patient is discharged first).
    """
    with transaction.atomic():
        locked = _patient_lock(patient.pk)
        # Under the patient's lock, which admitting also takes: no admission can start between
        # this check and the commit.
        if Patient.objects.filter(open_admission_exists(), pk=locked.pk).exists():
            raise InvalidStateError(
                "This patient is admitted; discharge them before deleting the account."
            )
        user_set_status(actor=actor, user=locked.user, status=AccountStatus.DELETED, at=at)
        audit_record(
            actor=actor,
            action="patient.delete",
            object_type="patient",
            object_id=locked.pk,
            patient=locked,
            at=at,
        )
        # Last, still under the patient's account lock, which every booking also takes: no
        # booking can slip in between the cancellation and the commit.
        appointment_cancel_for_patient(
            actor=actor, patient=locked, reason=PATIENT_DELETED_REASON, at=at
        )
