from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hms.billing.models import Invoice


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin[Invoice]):
    """Read-only: an issued invoice is never added, edited or deleted by hand."""

    list_display = ["number", "issued_at", "patient_name", "doctor_name", "total", "currency"]
    search_fields = ["number"]
    exclude = ["pdf"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
