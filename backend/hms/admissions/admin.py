from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hms.admissions.models import Admission


@admin.register(Admission)
class AdmissionAdmin(admin.ModelAdmin[Admission]):
    """Read-only: admissions change only through the admit and discharge services (audited)."""

    list_display = ["id", "status", "admitted_on", "discharged_on", "patient", "doctor"]
    list_filter = ["status"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
