from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hms.payments.models import CreditNote, Payment, Refund


class _ReadOnly(admin.ModelAdmin[Any]):
    """Ledger rows are never added, edited or deleted by hand."""

    exclude = ["pdf"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Payment)
class PaymentAdmin(_ReadOnly):
    list_display = ["number", "kind", "received_at", "amount", "currency", "method"]
    search_fields = ["number"]


@admin.register(Refund)
class RefundAdmin(_ReadOnly):
    list_display = ["number", "refunded_at", "amount", "currency"]
    search_fields = ["number"]


@admin.register(CreditNote)
class CreditNoteAdmin(_ReadOnly):
    list_display = ["number", "issued_at", "amount", "currency"]
    search_fields = ["number"]
