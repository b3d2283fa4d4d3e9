"""Doctor accounts: sign-up (PENDING) and admin registration (APPROVED)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.services import user_create
from hms.audit.services import audit_record
from hms.doctors.models import Department, Doctor


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

    Self sign-up passes status PENDING and no actor; an admin registration passes APPROVED.
    Raises ValidationFailed for a taken username or a weak password.
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
