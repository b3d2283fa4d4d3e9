"""Reads of patients, each scoped to the viewer: rows you may not see do not exist for you.

Every patient read starts from `_patient_queryset()`, so whatever a patient row carries
everywhere (e.g. whether they are admitted) is added in that one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from hms.accounts.models import AccountStatus
from hms.admissions.selectors import open_admission_exists
from hms.common.errors import NotFoundError
from hms.doctors.selectors import AccountCounts, PendingAccount, name_search
from hms.patients.models import Patient
from hms.patients.policies import visible_patients

if TYPE_CHECKING:
    from hms.accounts.models import User

# The `?ordering=` values of patient lists; `id` last keeps pages stable between requests.
PATIENT_ORDERINGS: dict[str, tuple[str, ...]] = {
    "name": ("user__last_name", "user__first_name", "id"),
    "-name": ("-user__last_name", "-user__first_name", "-id"),
    "created_at": ("created_at", "id"),
    "-created_at": ("-created_at", "-id"),
}


@dataclass(frozen=True)
class PatientFilters:
    """The filters of a patient list. `status=None` means every status except DELETED."""

    status: str | None = None
    assigned_doctor: int | None = None
    search: str = ""
    ordering: str = "name"


def _patient_queryset() -> QuerySet[Patient]:
    """The one base queryset of every patient read: the account and the assigned doctor's name."""
    return Patient.objects.select_related("user", "assigned_doctor__user").annotate(
        is_admitted=open_admission_exists()
    )


def _search(search: str) -> Q:
    """Every word in the first or last name, or the whole text in the symptoms."""
    return name_search(search) | Q(symptoms__icontains=search.strip())


def patient_list(*, viewer: User, filters: PatientFilters) -> QuerySet[Patient]:
    """List the patients `viewer` may see, filtered and ordered.

    The admin sees all; a doctor only their approved, assigned patients. Without a status
    filter, deleted patients are left out; `status=DELETED` lists only them.
    """
    queryset = _patient_queryset().filter(visible_patients(viewer=viewer))
    if filters.status:
        queryset = queryset.filter(user__status=filters.status)
    else:
        queryset = queryset.exclude(user__status=AccountStatus.DELETED)
    if filters.assigned_doctor is not None:
        queryset = queryset.filter(assigned_doctor_id=filters.assigned_doctor)
    if filters.search.strip():
        queryset = queryset.filter(_search(filters.search))
    return queryset.order_by(*PATIENT_ORDERINGS[filters.ordering])


def patient_get(*, viewer: User, patient_id: int) -> Patient:
    """Return one patient `viewer` may see.

    Raises NotFoundError for a missing id and for a patient the viewer may not see, alike (a
    doctor asking for another doctor's patient learns nothing, not even that the id exists).
    """
    patient = _patient_queryset().filter(visible_patients(viewer=viewer), pk=patient_id).first()
    if patient is None:
        raise NotFoundError()
    return patient


def patient_account_counts() -> AccountCounts:
    """Count approved and pending patient accounts in one query."""
    counts = Patient.objects.aggregate(
        approved=Count("pk", filter=Q(user__status=AccountStatus.APPROVED)),
        pending=Count("pk", filter=Q(user__status=AccountStatus.PENDING)),
    )
    return AccountCounts(approved=counts["approved"], pending=counts["pending"])


def patient_list_newest_pending(*, limit: int) -> list[PendingAccount]:
    """Return at most `limit` pending patient sign-ups, newest first."""
    rows = (
        Patient.objects.filter(user__status=AccountStatus.PENDING)
        .order_by("-created_at", "-id")
        .values_list("pk", "user__first_name", "user__last_name", "created_at")[:limit]
    )
    return [
        PendingAccount(
            kind="PATIENT", id=pk, full_name=f"{first} {last}".strip(), created_at=created_at
        )
        for pk, first, last, created_at in rows
    ]


def patient_count_assigned(*, doctor_user: User) -> int:
    """Count the approved patients assigned to the doctor whose account is `doctor_user`."""
    return Patient.objects.filter(visible_patients(viewer=doctor_user)).count()
