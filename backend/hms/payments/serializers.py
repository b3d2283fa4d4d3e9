from __future__ import annotations

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from hms.billing.models import Invoice
from hms.billing.serializers import InvoiceSerializer
from hms.common.fields import MoneyField
from hms.payments.models import CreditNote, Payment, PaymentMethod, PaymentState, Refund


def _money(source: str) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True, source=source)


class InvoiceWithPaymentSerializer(InvoiceSerializer):
    """An issued invoice with its payment state, derived from the ledger.

    `balance` = total - paid + refunded, never below zero (0 once void); `amount_paid` counts
    the advance applied at issue and every payment; `credit_note` is the credit note that voided
    it and `replaced_by` the corrected invoice of the same stay (null when none).
    """

    payment_state = serializers.ChoiceField(
        choices=PaymentState.choices, source="payment_state_value", read_only=True
    )
    balance = _money("balance_value")
    amount_paid = _money("paid_value")
    amount_refunded = _money("refunded_value")
    credit_note = serializers.IntegerField(source="credit_note_pk", read_only=True, allow_null=True)
    replaced_by = serializers.IntegerField(source="replaced_by_pk", read_only=True, allow_null=True)

    class Meta(InvoiceSerializer.Meta):
        fields = [
            *InvoiceSerializer.Meta.fields,
            "payment_state",
            "balance",
            "amount_paid",
            "amount_refunded",
            "credit_note",
            "replaced_by",
        ]
        read_only_fields = fields


class AmountField(MoneyField):
    """An amount of money moved: more than 0, at most two places, within 9 999 999 999.99."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("min_value", Decimal("0.01"))
        super().__init__(**kwargs)


class PaymentCreateSerializer(serializers.Serializer):
    """A payment or an advance: amount, method and an optional reference (card slip, UTR...)."""

    amount = AmountField()
    method = serializers.ChoiceField(choices=PaymentMethod.choices)
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class PaymentSerializer(serializers.ModelSerializer[Payment]):
    """A receipt: money received against an invoice (PAYMENT) or an open admission (ADVANCE).

    `refunded` is what refunds have given back of it so far; the receipt PDF is at
    `payments/{id}/pdf/` and its SHA-256 is `pdf_sha256`.
    """

    refunded = _money("refunded_value")
    received_by_name = serializers.CharField(source="received_by.full_name", read_only=True)

    class Meta:
        model = Payment
        fields = [
            "id",
            "number",
            "kind",
            "admission",
            "invoice",
            "patient",
            "amount",
            "refunded",
            "currency",
            "method",
            "reference",
            "received_at",
            "received_by",
            "received_by_name",
            "pdf_sha256",
        ]
        read_only_fields = fields


class RefundCreateSerializer(serializers.Serializer):
    """A refund against one receipt: amount and the reason."""

    amount = AmountField()
    reason = serializers.CharField(max_length=500)


class RefundSerializer(serializers.ModelSerializer[Refund]):
    """A refund of a receipt (`payment`); `invoice` is the invoice whose balance it raised
    (null for an advance's refund)."""

    payment_number = serializers.CharField(source="payment.number", read_only=True)

    class Meta:
        model = Refund
        fields = [
            "id",
            "number",
            "payment",
            "payment_number",
            "invoice",
            "patient",
            "amount",
            "currency",
            "reason",
            "refunded_at",
            "refunded_by",
            "pdf_sha256",
        ]
        read_only_fields = fields


class InvoiceVoidSerializer(serializers.Serializer):
    """Why the invoice is void (printed on the credit note)."""

    reason = serializers.CharField(max_length=500)


class CreditNoteSerializer(serializers.ModelSerializer[CreditNote]):
    """The void of an invoice: its total credited, with the reason."""

    invoice_number = serializers.CharField(source="invoice.number", read_only=True)

    class Meta:
        model = CreditNote
        fields = [
            "id",
            "number",
            "invoice",
            "invoice_number",
            "patient",
            "amount",
            "currency",
            "reason",
            "issued_at",
            "issued_by",
            "pdf_sha256",
        ]
        read_only_fields = fields


class MethodTotalSerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=PaymentMethod.choices)
    count = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=16, decimal_places=2)


class CashierTotalSerializer(serializers.Serializer):
    cashier = serializers.IntegerField(help_text="The admin who received the money.")
    cashier_name = serializers.CharField()
    count = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=16, decimal_places=2)


class DayTotalSerializer(serializers.Serializer):
    date = serializers.DateField()
    count = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=16, decimal_places=2)


class CollectionsReportSerializer(serializers.Serializer):
    """Money received (payments and advances) in a date range, and the refunds given."""

    date_from = serializers.DateField()
    date_to = serializers.DateField()
    currency = serializers.CharField()
    by_method = MethodTotalSerializer(many=True)
    by_cashier = CashierTotalSerializer(many=True)
    by_day = DayTotalSerializer(many=True)
    received = serializers.DecimalField(max_digits=16, decimal_places=2)
    refunded = serializers.DecimalField(max_digits=16, decimal_places=2)
    net = serializers.DecimalField(max_digits=16, decimal_places=2)


class AgeBucketSerializer(serializers.Serializer):
    bucket = serializers.ChoiceField(choices=["0-30", "31-60", "61-90", "90+"])
    count = serializers.IntegerField()
    balance = serializers.DecimalField(max_digits=16, decimal_places=2)


class OutstandingReportSerializer(serializers.Serializer):
    """Unpaid and part-paid invoices by age in days since issue, on `as_of`."""

    as_of = serializers.DateField()
    currency = serializers.CharField()
    buckets = AgeBucketSerializer(many=True)
    count = serializers.IntegerField()
    balance = serializers.DecimalField(max_digits=16, decimal_places=2)


def invoice_with_state(invoice: Invoice) -> dict[str, Any]:
    """Serialize an invoice already annotated by `with_payment_state`."""
    return dict(InvoiceWithPaymentSerializer(invoice).data)
