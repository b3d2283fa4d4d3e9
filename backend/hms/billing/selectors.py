"""Invoice reads, scoped to the viewer: rows that are not yours answer 404 like missing ones."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, Expression, QuerySet, Subquery, Sum
from django.utils import timezone
from django_filters import FilterSet

from hms.accounts.models import User
from hms.billing.models import Invoice
from hms.billing.policies import visible_invoices
from hms.common.dates import BoundedDateFilter
from hms.common.errors import NotFoundError
from hms.common.filters import IntegerFilter, filter_rows, ordered_range_form
from hms.common.queries import count_of, sum_of


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


class InvoiceFilter(FilterSet):
    """The query parameters of the invoice list."""

    patient = IntegerFilter(field_name="patient", min_value=1, help_text="Patient id.")
    admission = IntegerFilter(field_name="admission", min_value=1, help_text="Admission id.")
    issued_from = BoundedDateFilter(
        method="filter_issued_from",
        help_text="Issued on or after this date (hospital time zone).",
    )
    issued_to = BoundedDateFilter(
        method="filter_issued_to",
        help_text="Issued on or before this date (hospital time zone).",
    )

    class Meta:
        model = Invoice
        fields = ["patient", "admission", "issued_from", "issued_to"]
        form = ordered_range_form("issued_from", "issued_to")

    def filter_issued_from(
        self, queryset: QuerySet[Invoice], name: str, value: date
    ) -> QuerySet[Invoice]:
        return queryset.filter(issued_at__gte=_day_start(value))

    def filter_issued_to(
        self, queryset: QuerySet[Invoice], name: str, value: date
    ) -> QuerySet[Invoice]:
        return queryset.filter(issued_at__lt=_day_start(value + timedelta(days=1)))


def invoice_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Invoice]:
    """List the invoices `viewer` may see, newest first, without their PDF bytes.

    The admin sees all; a patient their own; anyone else none. `filters` are the query
    parameters of InvoiceFilter (patient, admission, issued_from and issued_to as inclusive
    hospital-time dates). Raises ValidationFailed for a parameter that is not valid.
    """
    queryset = Invoice.objects.defer("pdf").filter(visible_invoices(viewer))
    queryset = filter_rows(InvoiceFilter, filters, queryset)
    return queryset.order_by("-issued_at", "-id")


def invoice_get(*, viewer: User, id: int, with_pdf: bool = False) -> Invoice:
    """Return one invoice `viewer` may see; its PDF bytes only when `with_pdf`.

    Raises NotFoundError when it does not exist or is not the viewer's.
    """
    queryset = Invoice.objects.select_related("patient").filter(visible_invoices(viewer))
    if not with_pdf:
        queryset = queryset.defer("pdf")
    invoice = queryset.filter(pk=id).first()
    if invoice is None:
        raise NotFoundError()
    return invoice


def invoice_month_bounds(at: datetime) -> tuple[datetime, datetime]:
    """The start of the hospital-time month of `at` and the start of the next one."""
    today = timezone.localdate(at, timezone.get_default_timezone())
    first = today.replace(day=1)
    next_first = (first + timedelta(days=32)).replace(day=1)
    return _day_start(first), _day_start(next_first)


def _issued_between(viewer: User, start: datetime, end: datetime) -> QuerySet[Invoice]:
    return Invoice.objects.filter(visible_invoices(viewer), issued_at__gte=start, issued_at__lt=end)


def invoice_total_for_month(*, viewer: User, at: datetime) -> Decimal:
    """Sum the invoices `viewer` may see that were issued in the hospital-time month of `at`."""
    total = _issued_between(viewer, *invoice_month_bounds(at)).aggregate(total=Sum("total"))
    return (total["total"] or Decimal("0")).quantize(Decimal("0.01"))


def invoice_total_for_month_subquery(*, viewer: User, at: datetime) -> Expression:
    """`invoice_total_for_month` as a scalar subquery (0 for none), for `read_together`.

    Reads the month's range of the (issued_at, id) index. Quantize the value it gives to cents.
    """
    return invoice_total_between_subquery(viewer=viewer, bounds=invoice_month_bounds(at))


def invoice_total_between_subquery(
    *, viewer: User, bounds: tuple[datetime, datetime]
) -> Expression:
    """A scalar subquery: the total of the invoices `viewer` may see issued in [start, end)."""
    return sum_of(
        _issued_between(viewer, *bounds),
        "total",
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def invoice_count(*, viewer: User) -> int:
    """Count the invoices `viewer` may see (a patient: those issued to them)."""
    return Invoice.objects.filter(visible_invoices(viewer)).count()


def invoice_count_subquery(*, viewer: User) -> Subquery:
    """`invoice_count` as a scalar subquery, for `read_together`."""
    return count_of(Invoice.objects.filter(visible_invoices(viewer)))
