"""Reads of notifications and preferences, scoped to the viewer."""

from __future__ import annotations

from django.db.models import QuerySet

from hms.accounts.models import AccountStatus, Role, User
from hms.common.errors import NotFoundError
from hms.notifications.models import (
    MANDATORY_EMAIL_KINDS,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from hms.notifications.policies import visible_notifications


def notification_list(*, viewer: User, unread_only: bool = False) -> QuerySet[Notification]:
    """The viewer's notifications, newest first; with `unread_only`, those not yet read."""
    rows = Notification.objects.filter(visible_notifications(viewer))
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.order_by("-created_at", "-id")


def notification_unread_count(*, viewer: User) -> int:
    """How many of the viewer's notifications are unread."""
    return notification_list(viewer=viewer, unread_only=True).count()


def notification_get(*, viewer: User, id: int) -> Notification:
    """One of the viewer's notifications. Raises NotFoundError for anyone else's, or none."""
    found = Notification.objects.filter(visible_notifications(viewer), pk=id).first()
    if found is None:
        raise NotFoundError()
    return found


def notification_preferences_get(*, user: User) -> dict[str, bool]:
    """Whether `user` wants e-mail, per kind (every kind; mandatory kinds always True)."""
    stored = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {
        kind: True if kind in MANDATORY_EMAIL_KINDS else bool(stored.get(kind, True))
        for kind in NotificationKind.values
    }


def notification_admin_recipients() -> list[User]:
    """The admins told about hospital-wide events: every approved, active admin account."""
    return list(
        User.objects.filter(
            role=Role.ADMIN, status=AccountStatus.APPROVED, is_active=True
        ).order_by("pk")
    )
