"""Whose notifications a viewer reaches: only their own."""

from __future__ import annotations

from django.db.models import Q

from hms.accounts.models import User


def visible_notifications(viewer: User) -> Q:
    """Every viewer sees the notifications addressed to them and nobody else's."""
    return Q(recipient=viewer)
