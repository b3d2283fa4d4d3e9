"""The money ledger: payments and advances (receipts), refunds, credit notes, and each invoice's
derived payment state.

Ledger rows are immutable: the database refuses UPDATE of them (and DELETE on PostgreSQL), like
issued invoices (see the trigger migration). A mistake is corrected by a new row: a refund that
references the payment, a credit note that voids the invoice.

The derived state of an invoice (paid, refunded, balance, payment state) lives in its
`InvoiceAccount`, a row of this app beside the immutable invoice rather than columns on it: the
invoice row stays frozen by an unconditional trigger, the billing app knows nothing of payments,
and the account row is the one row every money move on that invoice locks, so concurrent
payments queue on it and the balance never goes below zero.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import Exact

from hms.common.models import FastLoadingModel


class LedgerSeries(models.TextChoices):
    RECEIPT = "RCPT", "Receipt"  # a payment or an advance received
    REFUND = "RFD", "Refund"  # money given back against a receipt
    CREDIT_NOTE = "CN", "Credit note"  # an invoice voided


class LedgerNumberCounter(models.Model):
    """The last number taken in one series in a calendar year (hospital time zone).

    The transaction recording a ledger row locks this row while it takes the next number, so
    two rows never share a number and a rolled-back transaction leaves no gap.
    """

    series = models.CharField(max_length=8, choices=LedgerSeries.choices)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="payments_counter_unique"),
            models.CheckConstraint(
                condition=models.Q(series__in=LedgerSeries.values),
                name="payments_counter_series_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last_value}"


class PaymentMethod(models.TextChoices):
    CASH = "CASH", "Cash"
    CARD = "CARD", "Card"
    UPI = "UPI", "UPI"
    BANK_TRANSFER = "BANK_TRANSFER", "Bank transfer"
    INSURANCE = "INSURANCE", "Insurance"


class PaymentKind(models.TextChoices):
    PAYMENT = "PAYMENT", "Payment"  # against an issued invoice
    ADVANCE = "ADVANCE", "Advance"  # against an open admission, applied at discharge


class PaymentState(models.TextChoices):
    UNPAID = "UNPAID", "Unpaid"  # nothing paid: the balance is the whole amount
    PART_PAID = "PART_PAID", "Part paid"  # something paid, something still due
    PAID = "PAID", "Paid"  # nothing due
    VOID = "VOID", "Void"  # voided by a credit note; nothing is due or may be paid


# Allowed payment-state transitions (a void is final; a refund may reopen a paid invoice).
PAYMENT_STATE_TRANSITIONS: dict[str, frozenset[str]] = {
    PaymentState.UNPAID: frozenset({PaymentState.PART_PAID, PaymentState.PAID, PaymentState.VOID}),
    PaymentState.PART_PAID: frozenset(
        {PaymentState.UNPAID, PaymentState.PART_PAID, PaymentState.PAID, PaymentState.VOID}
    ),
    PaymentState.PAID: frozenset({PaymentState.UNPAID, PaymentState.PART_PAID, PaymentState.VOID}),
    PaymentState.VOID: frozenset(),
}


def _positive(model: str, field: str = "amount") -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__gt": 0}), name=f"payments_{model}_{field}_positive"
    )


def _sha256_set(model: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Exact(Length("pdf_sha256"), 64), name=f"payments_{model}_pdf_sha256_set"
    )


class Payment(FastLoadingModel):
    """Money received: a payment against an invoice or an advance against an open admission.

    Each gets a receipt number (`RCPT-YYYY-NNNNNN`) and a receipt PDF rendered once. An advance
    keeps `invoice` empty for ever; the invoice issued at discharge records what it absorbed.
    """

    number = models.CharField(max_length=32, unique=True)
    kind = models.CharField(max_length=16, choices=PaymentKind.choices)
    admission = models.ForeignKey(
        "admissions.Admission", on_delete=models.PROTECT, related_name="payments"
    )
    invoice = models.ForeignKey(
        "billing.Invoice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
    )
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="payments"
    )
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3)
    method = models.CharField(max_length=16, choices=PaymentMethod.choices)
    reference = models.CharField(max_length=100, blank=True, default="")
    received_at = models.DateTimeField(db_index=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    pdf = models.BinaryField(editable=False)
    pdf_sha256 = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            _positive("payment"),
            _sha256_set("payment"),
            models.CheckConstraint(
                condition=models.Q(kind__in=PaymentKind.values), name="payments_payment_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(method__in=PaymentMethod.values),
                name="payments_payment_method_valid",
            ),
            # A payment names its invoice; an advance never does.
            models.CheckConstraint(
                condition=models.Q(kind=PaymentKind.PAYMENT, invoice__isnull=False)
                | models.Q(kind=PaymentKind.ADVANCE, invoice__isnull=True),
                name="payments_payment_invoice_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class Refund(FastLoadingModel):
    """Money given back against one receipt (`RFD-YYYY-NNNNNN`), with its PDF rendered once.

    A refund of a payment raises that invoice's balance; a refund of an advance returns what
    the stay's invoice did not absorb (or, before discharge, what was paid in advance).
    """

    number = models.CharField(max_length=32, unique=True)
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    invoice = models.ForeignKey(
        "billing.Invoice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refunds",
    )
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="refunds"
    )
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3)
    reason = models.CharField(max_length=500)
    refunded_at = models.DateTimeField(db_index=True)
    refunded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    pdf = models.BinaryField(editable=False)
    pdf_sha256 = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-refunded_at", "-id"]
        constraints = [
            _positive("refund"),
            _sha256_set("refund"),
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="payments_refund_reason_set"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class CreditNote(FastLoadingModel):
    """The void of one invoice (`CN-YYYY-NNNNNN`): its whole total credited, with a reason."""

    number = models.CharField(max_length=32, unique=True)
    invoice = models.OneToOneField(
        "billing.Invoice", on_delete=models.PROTECT, related_name="credit_note"
    )
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="credit_notes"
    )
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3)
    reason = models.CharField(max_length=500)
    issued_at = models.DateTimeField(db_index=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    pdf = models.BinaryField(editable=False)
    pdf_sha256 = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="payments_creditnote_amount_not_negative"
            ),
            _sha256_set("creditnote"),
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="payments_creditnote_reason_set"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class InvoiceAccount(models.Model):
    """The payment state of one invoice, derived from the ledger and kept with it.

    `paid` counts the advance the invoice absorbed at issue and every payment against it;
    `refunded` the refunds of those payments; `balance` = total - paid + refunded (0 once void).
    Every service that moves money on the invoice locks this row and updates it in the same
    transaction as the ledger row, so the two never disagree.
    """

    invoice = models.OneToOneField(
        "billing.Invoice", on_delete=models.PROTECT, primary_key=True, related_name="account"
    )
    total = models.DecimalField(max_digits=14, decimal_places=2)
    paid = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    refunded = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    balance = models.DecimalField(max_digits=14, decimal_places=2)
    payment_state = models.CharField(max_length=16, choices=PaymentState.choices)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(balance__gte=0), name="payments_account_balance_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(paid__gte=0, refunded__gte=0, refunded__lte=models.F("paid")),
                name="payments_account_paid_refunded_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(payment_state__in=PaymentState.values),
                name="payments_account_state_valid",
            ),
            # The balance follows the ledger, and the state follows the balance.
            models.CheckConstraint(
                condition=(
                    models.Q(payment_state=PaymentState.VOID, balance=0)
                    | (
                        ~models.Q(payment_state=PaymentState.VOID)
                        & models.Q(
                            balance=models.F("total") - models.F("paid") + models.F("refunded")
                        )
                    )
                ),
                name="payments_account_balance_follows_ledger",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(payment_state=PaymentState.VOID)
                    | models.Q(payment_state=PaymentState.PAID, balance=0)
                    | models.Q(
                        payment_state=PaymentState.UNPAID,
                        balance=models.F("total"),
                        balance__gt=0,
                    )
                    | models.Q(
                        payment_state=PaymentState.PART_PAID,
                        balance__gt=0,
                        balance__lt=models.F("total"),
                    )
                ),
                name="payments_account_state_follows_balance",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invoice_id}: {self.payment_state} {self.balance}"


class IdempotencyKey(models.Model):
    """The first successful answer to a money POST sent with an `Idempotency-Key` header.

    Written in the same transaction as the money it moved, so a refused or failed request
    leaves no key behind; the unique (user, key) makes a concurrent repeat wait for the first
    and then answer its result.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    operation = models.CharField(max_length=100)
    request_sha256 = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField(null=True)
    # The answer's JSON text, so a replay answers the same body, key order included.
    response_body = models.TextField(blank=True, default="")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="payments_idempotency_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.key}"
