"""Who may see which invoice (SPEC section 2). The role map already keeps doctors out."""

from __future__ import annotations

from typing import Any

from hms.accounts.models import Role


def can_view_invoice(*, viewer: Any, patient_user_id: int) -> bool:
    """Allow the admin every invoice and a patient the invoices issued to them; no one else.

    A patient's invoice exists only after discharge, so "after discharge" needs no extra check.
    """
    role = getattr(viewer, "role", None)
    if role == Role.ADMIN:
        return True
    return role == Role.PATIENT and patient_user_id == viewer.pk
