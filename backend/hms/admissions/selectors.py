"""Admission reads, scoped to the viewer: rows that are not yours answer 404 like missing ones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from hms.accounts.models import Role, User
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.policies import can_view_admission
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


def admission_counts() -> dict[str, int]:
    """Count the hospital's open admissions and its discharged admissions."""
    counts = Admission.objects.aggregate(
        admitted=Count("id", filter=Q(status=AdmissionStatus.ADMITTED)),
        discharged=Count("id", filter=Q(status=AdmissionStatus.DISCHARGED)),
    )
    return {"admitted": counts["admitted"], "discharged": counts["discharged"]}


def admission_patient_counts_for_doctor(*, doctor_user_id: int) -> dict[str, int]:
    """Count a doctor's patients: admitted under them now, and discharged from their care.

    A patient discharged twice by the same doctor counts once.
    """
    counts = Admission.objects.filter(doctor__user_id=doctor_user_id).aggregate(
        admitted=Count("patient", distinct=True, filter=Q(status=AdmissionStatus.ADMITTED)),
        discharged=Count("patient", distinct=True, filter=Q(status=AdmissionStatus.DISCHARGED)),
    )
    return {"admitted": counts["admitted"], "discharged": counts["discharged"]}


def admission_latest_for_patient(*, patient_user_id: int) -> Admission | None:
    """Return the patient's open admission, else their most recent one, else None."""
    return (
        Admission.objects.filter(patient__user_id=patient_user_id)
        .order_by(
            F("discharged_on").desc(nulls_first=True),
            "-admitted_on",
            "-id",
        )
        .first()
    )
