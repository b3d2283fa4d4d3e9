"""Invoice reads, scoped to the viewer: rows that are not yours answer 404 like missing ones."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from hms.accounts.models import Role, User
from hms.billing.models import Invoice
from hms.billing.policies import can_view_invoice
from hms.common.errors import NotFoundError


def _visible_to(viewer: User) -> Q:
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk)
    return Q(pk__in=[])


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def invoice_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Invoice]:
    """List the invoices `viewer` may see, newest first, without their PDF bytes.

    The admin sees all (filters: patient, admission, issued_from, issued_to as hospital-time
    dates, inclusive); a patient their own; anyone else none.
    """
    queryset = Invoice.objects.defer("pdf").filter(_visible_to(viewer))
    if filters.get("patient") is not None:
        queryset = queryset.filter(patient_id=filters["patient"])
    if filters.get("admission") is not None:
        queryset = queryset.filter(admission_id=filters["admission"])
    if filters.get("issued_from") is not None:
        queryset = queryset.filter(issued_at__gte=_day_start(filters["issued_from"]))
    if filters.get("issued_to") is not None:
        queryset = queryset.filter(
            issued_at__lt=_day_start(filters["issued_to"] + timedelta(days=1))
        )
    return queryset.order_by("-issued_at", "-id")


def invoice_get(*, viewer: User, invoice_id: int, with_pdf: bool = False) -> Invoice:
    """Return one invoice `viewer` may see; its PDF bytes only when `with_pdf`.

    Raises NotFoundError when it does not exist or is not the viewer's.
    """
    queryset = Invoice.objects.select_related("patient")
    if not with_pdf:
        queryset = queryset.defer("pdf")
    invoice = queryset.filter(pk=invoice_id).first()
    if invoice is None or not can_view_invoice(
        viewer=viewer, patient_user_id=invoice.patient.user_id
    ):
        raise NotFoundError()
    return invoice


def invoice_total_for_month(*, at: datetime) -> Decimal:
    """Sum the totals of the invoices issued in the hospital-time calendar month of `at`."""
    today = timezone.localdate(at, timezone.get_default_timezone())
    first = today.replace(day=1)
    next_first = (first + timedelta(days=32)).replace(day=1)
    total = Invoice.objects.filter(
        issued_at__gte=_day_start(first), issued_at__lt=_day_start(next_first)
    ).aggregate(total=Sum("total"))["total"]
    return (total or Decimal("0")).quantize(Decimal("0.01"))


def invoice_count_for_patient(*, patient_user: User) -> int:
    """Count the invoices issued to the patient whose account is `patient_user`."""
    return Invoice.objects.filter(patient__user=patient_user).count()
