"""Patient accounts: sign-up (PENDING) and admin registration (APPROVED)."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.services import user_create
from hms.audit.services import audit_record
from hms.doctors.models import Doctor
from hms.patients.models import Patient


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
    registration passes APPROVED and may assign a doctor. Raises ValidationFailed for a taken
    username or a weak password.
    """
    with transaction.atomic():
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
