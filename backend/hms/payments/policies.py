"""Who may see which ledger rows. Money moves and reports are admin-only in the role map."""

from __future__ import annotations

from django.db.models import Q

from hms.accounts.models import Role, User


def visible_ledger_rows(viewer: User) -> Q:
    """Match the receipts, refunds and credit notes `viewer` may see.

    The admin sees every row, a patient the rows of their own stays and invoices; anyone else
    none.
    """
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk)
    return Q(pk__in=[])


def can_move_money(*, viewer: User) -> bool:
    """Allow payments, advances, refunds, voids and corrected invoices to the admin only."""
    return viewer.role == Role.ADMIN
