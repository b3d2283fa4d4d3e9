"""Admission reads, scoped to the viewer: rows that are not yours answer 404 like missing ones."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from hms.accounts.models import Role, User
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.policies import can_view_admission
from hms.billing.selectors import invoice_count_for_patient, invoice_total_for_month
from hms.common.errors import NotFoundError


def _visible_to(viewer: User) -> Q:
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.DOCTOR:
        return Q(doctor__user_id=viewer.pk)
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk)
    return Q(pk__in=[])


def _admissions() -> QuerySet[Admission]:
    return Admission.objects.select_related(
        "patient__user", "doctor__user", "doctor__department"
    ).annotate(invoice_pk=F("invoice__id"))


def admission_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Admission]:
    """List the admissions `viewer` may see, latest admission first.

    The admin sees all, a doctor the ones they attend (open and discharged: their "discharged
    patients"), a patient their own. Filters: status, doctor, patient, admitted_from and
    admitted_to (inclusive dates).
    """
    queryset = _admissions().filter(_visible_to(viewer))
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("doctor") is not None:
        queryset = queryset.filter(doctor_id=filters["doctor"])
    if filters.get("patient") is not None:
        queryset = queryset.filter(patient_id=filters["patient"])
    if filters.get("admitted_from") is not None:
        queryset = queryset.filter(admitted_on__gte=filters["admitted_from"])
    if filters.get("admitted_to") is not None:
        queryset = queryset.filter(admitted_on__lte=filters["admitted_to"])
    return queryset.order_by("-admitted_on", "-id")


def admission_get(*, viewer: User, admission_id: int) -> Admission:
    """Return one admission `viewer` may see.

    Raises NotFoundError when it does not exist or is not visible to the viewer.
    """
    admission = _admissions().filter(pk=admission_id).first()
    if admission is None or not can_view_admission(viewer=viewer, admission=admission):
        raise NotFoundError()
    return admission


def open_admission_exists(*, patient_ref: str = "pk") -> Exists:
    """An `Exists` expression for patient querysets: the patient has an ADMITTED admission.

    Use it as `.annotate(is_admitted=open_admission_exists())` on a Patient queryset.
    """
    return Exists(
        Admission.objects.filter(patient_id=OuterRef(patient_ref), status=AdmissionStatus.ADMITTED)
    )


def admission_summary_for_admin(*, at: datetime) -> dict[str, Any]:
    """Summarise admissions and billing for the admin's dashboard.

    `currently_admitted`: open admissions; `discharged`: discharged admissions, ever;
    `invoiced_total_this_month`: the sum of invoices issued in the hospital-time calendar month
    of `at`, in the hospital's `currency`.
    """
    counts = Admission.objects.aggregate(
        currently_admitted=Count("pk", filter=Q(status=AdmissionStatus.ADMITTED)),
        discharged=Count("pk", filter=Q(status=AdmissionStatus.DISCHARGED)),
    )
    return {
        "currently_admitted": counts["currently_admitted"],
        "discharged": counts["discharged"],
        "invoiced_total_this_month": invoice_total_for_month(at=at),
        "currency": settings.HMS_CURRENCY,
    }


def admission_summary_for_doctor(*, doctor_user: User) -> dict[str, int]:
    """Count a doctor's patients for their dashboard.

    `admitted_patients`: in hospital under them now; `discharged_patients`: discharged from
    their care, each patient once however many stays.
    """
    return Admission.objects.filter(doctor__user=doctor_user).aggregate(
        admitted_patients=Count(
            "patient", distinct=True, filter=Q(status=AdmissionStatus.ADMITTED)
        ),
        discharged_patients=Count(
            "patient", distinct=True, filter=Q(status=AdmissionStatus.DISCHARGED)
        ),
    )


def admission_summary_for_patient(*, patient_user: User) -> dict[str, Any]:
    """Summarise a patient's stays for their dashboard.

    `admission`: their open admission, else their latest one, else None; `invoices`: how many
    invoices they have (one per discharge).
    """
    latest = (
        Admission.objects.filter(patient__user=patient_user)
        .order_by(F("discharged_on").desc(nulls_first=True), "-admitted_on", "-id")
        .first()
    )
    return {
        "admission": latest,
        "invoices": invoice_count_for_patient(patient_user=patient_user),
    }
