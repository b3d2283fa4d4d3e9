"""Who may see which patient rows. Pure: no database access here.

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


def visible_patients(*, viewer: User) -> Q:
    """Return the filter of the patients `viewer` may open.

    The admin sees every patient. A doctor sees only the approved patients assigned to them:
    not a pending applicant who picked them, not a deleted account. A patient sees only
    themself. Anyone else sees nothing.
    """
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.DOCTOR:
        return Q(assigned_doctor__user_id=viewer.pk, user__status=AccountStatus.APPROVED)
    if viewer.role == Role.PATIENT:
        return Q(user_id=viewer.pk)
    return Q(pk__in=[])
