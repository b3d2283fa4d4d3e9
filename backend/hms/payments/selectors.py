"""Ledger reads scoped to the viewer, invoices with their payment state, and the cashier's
reports."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django_filters import ChoiceFilter, FilterSet

from hms.accounts.lists import ViewerList, ViewerRow
from hms.accounts.models import User
from hms.billing.models import Invoice
from hms.billing.policies import visible_invoices
from hms.billing.selectors import invoice_list
from hms.common.dates import BoundedDateFilter
from hms.common.errors import NotFoundError
from hms.common.filters import IntegerFilter, filter_rows, ordered_range_form
from hms.common.queries import TemplateRows
from hms.payments.models import (
    CreditNote,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentState,
    Refund,
)
from hms.payments.pdf import StatementLine
from hms.payments.policies import visible_ledger_rows

_MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def with_payment_state(queryset: QuerySet[Invoice]) -> QuerySet[Invoice]:
    """Annotate invoices with their payment state, balance, paid and refunded amounts, credit
    note and corrected invoice.

    An invoice issued before its account existed reads as its account would open: the advance
    it absorbed paid, the rest due.
    """
    # The account, the credit note and the corrected invoice are each at most one row per
    # invoice (one-to-one): read by a left join each, not a subquery per value.
    due = ExpressionWrapper(F("total") - F("advance_applied"), output_field=_MONEY)
    return queryset.annotate(
        payment_state_value=Coalesce(
            F("account__payment_state"),
            Case(
                When(total=F("advance_applied"), then=Value(PaymentState.PAID.value)),
                When(advance_applied=0, then=Value(PaymentState.UNPAID.value)),
                default=Value(PaymentState.PART_PAID.value),
                output_field=CharField(),
            ),
        ),
        balance_value=Coalesce(F("account__balance"), due),
        paid_value=Coalesce(F("account__paid"), F("advance_applied")),
        refunded_value=Coalesce(F("account__refunded"), Value(ZERO), output_field=_MONEY),
        credit_note_pk=F("credit_note__pk"),
        replaced_by_pk=F("replaced_by__pk"),
    )


class InvoicePaymentFilter(FilterSet):
    """The invoice list's payment parameters (beside the billing app's own)."""

    payment_state = ChoiceFilter(
        choices=PaymentState.choices,
        field_name="payment_state_value",
        help_text="Only invoices in this payment state.",
    )

    class Meta:
        model = Invoice
        fields = ["payment_state"]


def invoice_list_with_state(
    *, viewer: User, filters: Mapping[str, Any]
) -> QuerySet[Invoice] | TemplateRows:
    """List the invoices `viewer` may see with their payment state, newest first.

    Takes the billing list's filters and `payment_state`. Raises ValidationFailed for a
    parameter that is not valid.
    """
    return _INVOICE_LIST(viewer, filters)


def _invoice_rows(viewer: User, filters: Mapping[str, Any]) -> QuerySet[Invoice]:
    queryset = with_payment_state(invoice_list(viewer=viewer, filters=filters))
    return filter_rows(InvoicePaymentFilter, filters, queryset)


# Most requests filter by payment state alone, if at all: their statements are built once.
_INVOICE_LIST = ViewerList(_invoice_rows, chosen_by=("payment_state",))


def invoice_get_with_state(*, viewer: User, id: int) -> Invoice:
    """Return one invoice `viewer` may see, with its payment state. Raises NotFoundError.

    One query: the billing app's visibility (an invoice that is not yours is missing) and the
    payment state are read together.
    """
    invoice = _INVOICE_WITH_STATE(viewer, id)
    if invoice is None:
        raise NotFoundError()
    return invoice


def _invoice_with_state(viewer: User, id: int) -> QuerySet[Invoice]:
    visible = Invoice.objects.defer("pdf").filter(visible_invoices(viewer))
    return with_payment_state(visible).filter(pk=id).order_by("pk")


# Read on every invoice's page: built once per role (ViewerRow).
_INVOICE_WITH_STATE = ViewerRow(_invoice_with_state)


class PaymentFilter(FilterSet):
    """The query parameters of the receipt list."""

    invoice = IntegerFilter(field_name="invoice", min_value=1, help_text="Invoice id.")
    admission = IntegerFilter(field_name="admission", min_value=1, help_text="Admission id.")
    patient = IntegerFilter(field_name="patient", min_value=1, help_text="Patient id.")
    kind = ChoiceFilter(choices=PaymentKind.choices)
    method = ChoiceFilter(choices=PaymentMethod.choices)
    received_from = BoundedDateFilter(
        method="filter_received_from", help_text="Received on or after (hospital time zone)."
    )
    received_to = BoundedDateFilter(
        method="filter_received_to", help_text="Received on or before (hospital time zone)."
    )

    class Meta:
        model = Payment
        fields = [
            "invoice",
            "admission",
            "patient",
            "kind",
            "method",
            "received_from",
            "received_to",
        ]
        form = ordered_range_form("received_from", "received_to")

    def filter_received_from(
        self, queryset: QuerySet[Payment], name: str, value: date
    ) -> QuerySet[Payment]:
        return queryset.filter(received_at__gte=_day_start(value))

    def filter_received_to(
        self, queryset: QuerySet[Payment], name: str, value: date
    ) -> QuerySet[Payment]:
        return queryset.filter(received_at__lt=_day_start(value + timedelta(days=1)))


def _payments(viewer: User) -> QuerySet[Payment]:
    return (
        Payment.objects.filter(visible_ledger_rows(viewer))
        .select_related("received_by", "invoice")
        .annotate(
            refunded_value=Coalesce(
                Subquery(
                    Refund.objects.filter(payment=OuterRef("pk"))
                    .values("payment")
                    .annotate(total=Sum("amount"))
                    .values("total")[:1]
                ),
                Value(ZERO),
                output_field=_MONEY,
            )
        )
    )


def payment_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Payment]:
    """List the receipts `viewer` may see (payments and advances), newest first, without PDFs.

    Raises ValidationFailed for a parameter that is not valid.
    """
    queryset = filter_rows(PaymentFilter, filters, _payments(viewer).defer("pdf"))
    return queryset.order_by("-received_at", "-id")


def payment_get(*, viewer: User, id: int, with_pdf: bool = False) -> Payment:
    """Return one receipt `viewer` may see. Raises NotFoundError."""
    queryset = _payments(viewer)
    if not with_pdf:
        queryset = queryset.defer("pdf")
    payment = queryset.filter(pk=id).first()
    if payment is None:
        raise NotFoundError()
    return payment


class RefundFilter(FilterSet):
    """The query parameters of the refund list."""

    payment = IntegerFilter(field_name="payment", min_value=1, help_text="Receipt id.")
    invoice = IntegerFilter(field_name="invoice", min_value=1, help_text="Invoice id.")
    patient = IntegerFilter(field_name="patient", min_value=1, help_text="Patient id.")

    class Meta:
        model = Refund
        fields = ["payment", "invoice", "patient"]


def refund_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Refund]:
    """List the refunds `viewer` may see, newest first, without PDFs."""
    queryset = Refund.objects.filter(visible_ledger_rows(viewer)).select_related(
        "payment", "refunded_by"
    )
    return filter_rows(RefundFilter, filters, queryset.defer("pdf")).order_by("-refunded_at", "-id")


def refund_get(*, viewer: User, id: int, with_pdf: bool = False) -> Refund:
    """Return one refund `viewer` may see. Raises NotFoundError."""
    queryset = Refund.objects.filter(visible_ledger_rows(viewer)).select_related("payment")
    if not with_pdf:
        queryset = queryset.defer("pdf")
    refund = queryset.filter(pk=id).first()
    if refund is None:
        raise NotFoundError()
    return refund


class CreditNoteFilter(FilterSet):
    """The query parameters of the credit-note list."""

    invoice = IntegerFilter(field_name="invoice", min_value=1, help_text="Invoice id.")
    patient = IntegerFilter(field_name="patient", min_value=1, help_text="Patient id.")

    class Meta:
        model = CreditNote
        fields = ["invoice", "patient"]


def credit_note_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[CreditNote]:
    """List the credit notes `viewer` may see, newest first, without PDFs."""
    queryset = CreditNote.objects.filter(visible_ledger_rows(viewer)).select_related(
        "invoice", "issued_by"
    )
    return filter_rows(CreditNoteFilter, filters, queryset.defer("pdf", "invoice__pdf")).order_by(
        "-issued_at", "-id"
    )


def credit_note_get(*, viewer: User, id: int, with_pdf: bool = False) -> CreditNote:
    """Return one credit note `viewer` may see. Raises NotFoundError."""
    queryset = CreditNote.objects.filter(visible_ledger_rows(viewer)).select_related("invoice")
    queryset = queryset.defer("invoice__pdf")
    if not with_pdf:
        queryset = queryset.defer("pdf")
    credit_note = queryset.filter(pk=id).first()
    if credit_note is None:
        raise NotFoundError()
    return credit_note


def statement_lines(*, invoice: Invoice) -> list[StatementLine]:
    """Return an invoice's ledger in time order: the advance it absorbed, payments (negative),
    refunds (positive) and its credit note."""
    lines: list[StatementLine] = []
    if invoice.advance_applied:
        lines.append(
            StatementLine(
                at=invoice.issued_at,
                label="Advance applied",
                number="",
                amount=-invoice.advance_applied,
            )
        )
    for payment in Payment.objects.filter(invoice=invoice).defer("pdf"):
        lines.append(
            StatementLine(
                at=payment.received_at,
                label=f"Payment ({payment.get_method_display()})",
                number=payment.number,
                amount=-payment.amount,
            )
        )
    for refund in Refund.objects.filter(invoice=invoice).defer("pdf"):
        lines.append(
            StatementLine(
                at=refund.refunded_at, label="Refund", number=refund.number, amount=refund.amount
            )
        )
    credit_note = CreditNote.objects.filter(invoice=invoice).defer("pdf").first()
    if credit_note is not None:
        lines.append(
            StatementLine(
                at=credit_note.issued_at,
                label="Void: credit note",
                number=credit_note.number,
                amount=-credit_note.amount,
            )
        )
    return sorted(lines, key=lambda line: line.at)


# The cashier's reports: admin only (the role map); they carry no patient data except the
# outstanding list's invoice rows.


@dataclass(frozen=True)
class CollectionsReport:
    date_from: date
    date_to: date
    by_method: list[dict[str, Any]]
    by_cashier: list[dict[str, Any]]
    by_day: list[dict[str, Any]]
    received: Decimal
    refunded: Decimal
    net: Decimal


class CollectionsFilter(FilterSet):
    """The date range of the collections report (inclusive, hospital time zone)."""

    date_from = BoundedDateFilter(method="filter_nothing", help_text="First day (default: today).")
    date_to = BoundedDateFilter(method="filter_nothing", help_text="Last day (default: today).")

    class Meta:
        model = Payment
        fields = ["date_from", "date_to"]
        form = ordered_range_form("date_from", "date_to")

    def filter_nothing(self, queryset: QuerySet[Payment], name: str, value: date) -> Any:
        return queryset


def _report_dates(filterset_class: type[FilterSet], filters: Mapping[str, Any]) -> dict[str, Any]:
    # filter_rows raises ValidationFailed for a date that is not valid or out of order.
    filter_rows(filterset_class, filters, Payment.objects.none())
    form = filterset_class(data=filters, queryset=Payment.objects.none()).form
    form.is_valid()
    return dict(form.cleaned_data)


def collections_range(*, filters: Mapping[str, Any], at: datetime) -> tuple[date, date]:
    """Read the report's inclusive date range: `date_to` defaults to today (hospital time zone)
    or `date_from` when later, `date_from` to `date_to`.

    Raises ValidationFailed for a date that is not valid or an end before the start.
    """
    data = _report_dates(CollectionsFilter, filters)
    today = timezone.localdate(at, timezone.get_default_timezone())
    date_from = data.get("date_from")
    date_to = data.get("date_to") or max(today, date_from or today)
    return date_from or date_to, date_to


class OutstandingFilter(FilterSet):
    """The day the outstanding report is computed on."""

    as_of = BoundedDateFilter(method="filter_nothing", help_text="The day (default: today).")

    class Meta:
        model = Payment
        fields = ["as_of"]

    def filter_nothing(self, queryset: QuerySet[Payment], name: str, value: date) -> Any:
        return queryset


def outstanding_as_of(*, filters: Mapping[str, Any], at: datetime) -> date:
    """Read the outstanding report's day (default today). Raises ValidationFailed."""
    data = _report_dates(OutstandingFilter, filters)
    as_of: date = data.get("as_of") or timezone.localdate(at, timezone.get_default_timezone())
    return as_of


def _received(date_from: date, date_to: date) -> QuerySet[Payment]:
    return Payment.objects.filter(
        received_at__gte=_day_start(date_from),
        received_at__lt=_day_start(date_to + timedelta(days=1)),
    )


def collections_report(*, date_from: date, date_to: date) -> CollectionsReport:
    """Sum the money received (payments and advances) from `date_from` to `date_to` inclusive,
    by method, by cashier and by day, and the refunds given in those days."""
    received = _received(date_from, date_to)
    zone = timezone.get_default_timezone()
    by_method: dict[str, dict[str, Any]] = {
        row["method"]: dict(row)
        for row in received.values("method").annotate(count=Count("id"), amount=Sum("amount"))
    }
    by_cashier = [
        {
            "cashier": row["received_by"],
            "cashier_name": f"{row['received_by__first_name']} {row['received_by__last_name']}",
            "count": row["count"],
            "amount": row["amount"],
        }
        for row in received.values(
            "received_by", "received_by__first_name", "received_by__last_name"
        )
        .annotate(count=Count("id"), amount=Sum("amount"))
        .order_by("received_by")
    ]
    by_day = [
        {"date": row["day"], "count": row["count"], "amount": row["amount"]}
        for row in received.annotate(day=TruncDate("received_at", tzinfo=zone))
        .values("day")
        .annotate(count=Count("id"), amount=Sum("amount"))
        .order_by("day")
    ]
    total = received.aggregate(total=Sum("amount"))["total"] or ZERO
    refunded = (
        Refund.objects.filter(
            refunded_at__gte=_day_start(date_from),
            refunded_at__lt=_day_start(date_to + timedelta(days=1)),
        ).aggregate(total=Sum("amount"))["total"]
        or ZERO
    )
    return CollectionsReport(
        date_from=date_from,
        date_to=date_to,
        by_method=[
            {
                "method": method,
                "count": by_method.get(method, {}).get("count", 0),
                "amount": by_method.get(method, {}).get("amount") or ZERO,
            }
            for method in PaymentMethod.values
        ],
        by_cashier=by_cashier,
        by_day=by_day,
        received=total,
        refunded=refunded,
        net=total - refunded,
    )


def collections_csv_rows(*, date_from: date, date_to: date) -> Iterator[list[Any]]:
    """Yield the collections as CSV rows (day, method, cashier, count, amount), read in chunks."""
    zone = timezone.get_default_timezone()
    yield ["date", "method", "cashier_id", "cashier_name", "count", "amount"]
    rows = (
        _received(date_from, date_to)
        .annotate(day=TruncDate("received_at", tzinfo=zone))
        .values("day", "method", "received_by", "received_by__first_name", "received_by__last_name")
        .annotate(count=Count("id"), amount=Sum("amount"))
        .order_by("day", "method", "received_by")
    )
    for row in rows.iterator(chunk_size=2000):
        yield [
            row["day"].isoformat(),
            row["method"],
            row["received_by"],
            f"{row['received_by__first_name']} {row['received_by__last_name']}",
            row["count"],
            f"{row['amount']:.2f}",
        ]


# Age buckets of outstanding invoices, in days since issue (hospital time zone).
AGE_BUCKETS: list[tuple[str, int, int | None]] = [
    ("0-30", 0, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("90+", 91, None),
]


def age_bucket(days: int) -> str:
    """Name the age bucket of an invoice issued `days` days ago."""
    for name, low, high in AGE_BUCKETS:
        if days >= low and (high is None or days <= high):
            return name
    return AGE_BUCKETS[0][0]


def _outstanding(*, as_of: date) -> Any:
    # Typed loosely: the stubs do not know the payment-state annotations.
    invoices: Any = with_payment_state(Invoice.objects.defer("pdf"))
    return invoices.filter(
        payment_state_value__in=[PaymentState.UNPAID, PaymentState.PART_PAID],
        issued_at__lt=_day_start(as_of + timedelta(days=1)),
    ).order_by("issued_at", "id")


def _age_days(issued_at: datetime, as_of: date) -> int:
    issued_on = timezone.localtime(issued_at, timezone.get_default_timezone()).date()
    return max((as_of - issued_on).days, 0)


def outstanding_report(*, as_of: date) -> dict[str, Any]:
    """Count and sum the unpaid and part-paid invoices by age in days on `as_of`."""
    buckets: dict[str, dict[str, Any]] = {
        name: {"bucket": name, "count": 0, "balance": ZERO} for name, _, _ in AGE_BUCKETS
    }
    for issued_at, balance in (
        _outstanding(as_of=as_of)
        .values_list("issued_at", "balance_value")
        .iterator(chunk_size=2000)
    ):
        bucket = buckets[age_bucket(_age_days(issued_at, as_of))]
        bucket["count"] += 1
        bucket["balance"] += balance
    rows = list(buckets.values())
    return {
        "as_of": as_of,
        "buckets": rows,
        "count": sum(row["count"] for row in rows),
        "balance": sum((row["balance"] for row in rows), ZERO),
    }


def outstanding_patient_ids(*, as_of: date) -> list[int]:
    """The patients whose invoices the outstanding CSV lists (for the access log)."""
    return sorted(set(_outstanding(as_of=as_of).values_list("patient_id", flat=True)))


def outstanding_csv_rows(*, as_of: date) -> Iterator[list[Any]]:
    """Yield the outstanding invoices as CSV rows, oldest first, read in chunks."""
    yield [
        "invoice",
        "patient_id",
        "patient_name",
        "issued_on",
        "age_days",
        "bucket",
        "currency",
        "total",
        "balance",
        "payment_state",
    ]
    zone = timezone.get_default_timezone()
    for row in (
        _outstanding(as_of=as_of)
        .values_list(
            "number",
            "patient_id",
            "patient_name",
            "issued_at",
            "currency",
            "total",
            "balance_value",
            "payment_state_value",
        )
        .iterator(chunk_size=2000)
    ):
        number, patient_id, name, issued_at, currency, total, balance, state = row
        days = _age_days(issued_at, as_of)
        yield [
            number,
            patient_id,
            name,
            timezone.localtime(issued_at, zone).date().isoformat(),
            days,
            age_bucket(days),
            currency,
            f"{total:.2f}",
            f"{balance:.2f}",
            state,
        ]
