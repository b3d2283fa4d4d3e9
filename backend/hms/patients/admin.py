"""Django admin page for looking patients up. Every state change goes through the API's
services (approval, deletion, assignment are audited there), so this page is read-only. The
list shows no health data; the detail page does, to staff with view permission only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hms.patients.models import Patient

_FIELDS = (
    "user",
    "mobile",
    "address",
    "symptoms",
    "date_of_birth",
    "preferred_doctor",
    "assigned_doctor",
    "created_at",
    "updated_at",
)


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin[Patient]):
    list_display = ["id", "username", "full_name", "status", "assigned_doctor", "created_at"]
    list_filter = ["user__status"]
    list_select_related = ["user", "assigned_doctor"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = _FIELDS
    readonly_fields = _FIELDS
    ordering = ["-created_at"]

    @admin.display(ordering="user__username")
    def username(self, patient: Patient) -> str:
        return patient.user.username

    @admin.display(ordering="user__status")
    def status(self, patient: Patient) -> str:
        return patient.user.get_status_display()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
