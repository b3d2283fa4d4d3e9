from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hms.billing.models import Invoice
from hms.common.rows import FastRowsMixin


class InvoiceSerializer(FastRowsMixin, serializers.ModelSerializer[Invoice]):
    """An issued invoice: an immutable snapshot taken at discharge.

    `advance_applied` is the part of the stay's advance payments the invoice absorbed at issue;
    `replaces` is the voided invoice of the same stay that this corrected invoice replaces.
    """

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
            "advance_applied",
            "currency",
            "issued_at",
            "issued_by",
            "pdf_sha256",
            "replaces",
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
