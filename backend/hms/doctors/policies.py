"""Who may see and change which doctor rows. Pure: no database access here.

The role map (`hms.accounts.policies.ROLE_MAP`) decides which roles may call an operation at all;
these rules decide which rows each viewer reaches. Rows outside them answer 404, exactly like
rows that do not exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from hms.accounts.models import AccountStatus, Role

if TYPE_CHECKING:
    from hms.accounts.models import User
    from hms.doctors.models import Doctor


def visible_doctors(*, viewer: User) -> Q:
    """Return the filter of the doctors `viewer` may open.

    The admin sees every doctor; a patient only their assigned doctor (through the doctor's
    reverse relation `patients`); a doctor only themself (the role map keeps doctors off
    `doctors/` anyway); anyone else nothing.
    """
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.PATIENT:
        return Q(patients__user_id=viewer.pk)
    if viewer.role == Role.DOCTOR:
        return Q(user_id=viewer.pk)
    return Q(pk__in=[])


def can_assign_doctor(*, doctor: Doctor) -> bool:
    """Whether patients may be given to this doctor: only an approved, active account."""
    return doctor.user.status == AccountStatus.APPROVED and doctor.user.is_active
