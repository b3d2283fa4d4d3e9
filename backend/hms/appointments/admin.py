from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hms.appointments.models import Appointment, AppointmentEvent


class AppointmentEventInline(admin.TabularInline[AppointmentEvent, Appointment]):
    model = AppointmentEvent
    fields = ["at", "from_status", "to_status", "actor", "reason"]
    readonly_fields = ["at", "from_status", "to_status", "actor", "reason"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin[Appointment]):
    """Read-only: statuses change only through the API's services (locks, history, audit)."""

    list_display = ["id", "starts_at", "doctor", "patient", "status"]
    list_filter = ["status"]
    date_hierarchy = "starts_at"
    list_select_related = ["doctor", "patient"]
    inlines = [AppointmentEventInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
