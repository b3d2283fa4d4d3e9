from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from rest_framework import serializers

from hms.billing.models import Invoice

_EXPONENT = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*")


class MoneyField(serializers.DecimalField):
    """An amount of money: a decimal string with at most two places, never negative.

    Strings only: a JSON number may already have lost precision as a binary float.
    """

    default_error_messages = {
        "not_a_string": 'Send the amount as a decimal string, e.g. "500.00".',
        "exponent": 'Write the amount in plain digits, e.g. "1500.00".',
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Decimal:
        if not isinstance(data, str):
            self.fail("not_a_string")
        if _EXPONENT.fullmatch(data):
            self.fail("exponent")
        value: Decimal = super().to_internal_value(data)
        return value.quantize(Decimal("0.01"))


class InvoiceSerializer(serializers.ModelSerializer[Invoice]):
    """An issued invoice: an immutable snapshot taken at discharge."""

    class Meta:
        model = Invoice
        fields = [
            "id",
            "number",
            "admission",
            "patient",
            "patient_name",
            "patient_mobile",
            "patient_address",
            "symptoms",
            "doctor_name",
            "doctor_department",
            "admitted_on",
            "discharged_on",
            "days",
            "room_charge_per_day",
            "room_charge",
            "doctor_fee",
            "medicine_cost",
            "other_charge",
            "total",
            "currency",
            "issued_at",
            "issued_by",
            "pdf_sha256",
        ]
        read_only_fields = fields


class InvoicePreviewSerializer(InvoiceSerializer):
    """The invoice a discharge would issue, unsaved: id, number and issue data are null."""

    id = serializers.IntegerField(read_only=True, allow_null=True)
    number = serializers.CharField(read_only=True, allow_null=True)
    issued_at = serializers.DateTimeField(read_only=True, allow_null=True)
    issued_by = serializers.IntegerField(read_only=True, allow_null=True, source="issued_by_id")
    pdf_sha256 = serializers.CharField(read_only=True, allow_null=True)

    class Meta(InvoiceSerializer.Meta):
        pass

    def to_representation(self, instance: Invoice) -> dict[str, Any]:
        data = super().to_representation(instance)
        # Nothing is issued yet: these describe an issued invoice only.
        data.update(id=None, number=None, issued_at=None, issued_by=None, pdf_sha256=None)
        return data
