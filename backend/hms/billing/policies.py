"""Who may see which invoice. The role map already keeps doctors out of invoices."""

from __future__ import annotations

from django.db.models import Q

from hms.accounts.models import Role, User


def visible_invoices(viewer: User) -> Q:
    """Match the invoices `viewer` may see: the admin every one, a patient those issued to them.

    A patient's invoice exists only after discharge, so "after discharge" needs no extra
    condition. Anyone else matches none.
    """
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk)
    return Q(pk__in=[])
