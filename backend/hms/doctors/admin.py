"""Django admin pages for looking things up. Every state change goes through the API's
services (approval, deletion, assignment are audited there), so these pages are read-only,
except departments, which the hospital may add and rename here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hms.doctors.models import Department, Doctor


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin[Department]):
    list_display = ["code", "name", "position"]
    ordering = ["position", "name"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Doctors refer to a department by its code: an existing code never changes.
        return ["code"] if obj is not None else []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


_FIELDS = ("user", "mobile", "address", "department", "created_at", "updated_at")


@admin.register(Doctor)
class DoctorAdmin(admin.ModelAdmin[Doctor]):
    list_display = ["id", "username", "full_name", "department", "status", "created_at"]
    list_filter = ["user__status", "department"]
    list_select_related = ["user", "department"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = _FIELDS
    readonly_fields = _FIELDS
    ordering = ["-created_at"]

    @admin.display(ordering="user__username")
    def username(self, doctor: Doctor) -> str:
        return doctor.user.username

    @admin.display(ordering="user__status")
    def status(self, doctor: Doctor) -> str:
        return doctor.user.get_status_display()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
