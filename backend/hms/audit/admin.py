from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hms.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: audit events are never added, edited or deleted by hand."""

    list_display = ["at", "action", "outcome", "actor", "actor_role", "object_type", "object_id"]
    list_filter = ["action", "outcome", "actor_role"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
