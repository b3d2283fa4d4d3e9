"""Who may see and change which doctor rows. Pure: no database access here.

The role map (`hms.accounts.policies.ROLE_MAP`) decides which roles may call an operation at all;
these rules decide which rows each viewer reaches. Rows outside them answer 404, exactly like
rows that do not exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, Subquery

from hms.accounts.models import AccountStatus, Role
from hms.doctors.models import Doctor

if TYPE_CHECKING:
    from hms.accounts.models import User


def own_doctor_id(user: User) -> Subquery:
    """The id of the doctor whose account is `user`, read inside the query that uses it.

    `doctor_id = own_doctor_id(user)` matches the same rows as `doctor__user_id = user.pk`
    (one doctor per account) without joining the doctors table, so a doctor's rows are read
    from an index that starts with the doctor, in its order.
    """
    return Subquery(Doctor.objects.filter(user_id=user.pk).order_by().values("pk")[:1])


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
