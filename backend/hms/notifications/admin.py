from __future__ import annotations

from django.contrib import admin

from hms.notifications.models import Notification, NotificationDelivery


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    """Read-only: notifications are created by the services of the events they report."""

    list_display = ["id", "created_at", "recipient", "kind", "read_at"]
    list_filter = ["kind"]
    readonly_fields = ["recipient", "kind", "text", "link", "event_key", "created_at", "read_at"]


@admin.register(NotificationDelivery)
class NotificationDeliveryAdmin(admin.ModelAdmin[NotificationDelivery]):
    list_display = ["id", "notification", "channel", "status", "attempts", "sent_at"]
    list_filter = ["channel", "status"]
    readonly_fields = [
        "notification",
        "channel",
        "status",
        "attempts",
        "created_at",
        "claimed_at",
        "sent_at",
        "last_error",
    ]
