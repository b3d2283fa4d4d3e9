"""Reads of doctors, each scoped to the viewer: rows you may not see do not exist for you."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from hms.accounts.models import AccountStatus
from hms.common.errors import NotFoundError
from hms.doctors.models import Doctor
from hms.doctors.policies import visible_doctors

if TYPE_CHECKING:
    from hms.accounts.models import User

# The `?ordering=` values of doctor lists; `id` last keeps pages stable between requests.
DOCTOR_ORDERINGS: dict[str, tuple[str, ...]] = {
    "name": ("user__last_name", "user__first_name", "id"),
    "-name": ("-user__last_name", "-user__first_name", "-id"),
    "created_at": ("created_at", "id"),
    "-created_at": ("-created_at", "-id"),
    "department": ("department__position", "user__last_name", "user__first_name", "id"),
    "-department": ("-department__position", "-user__last_name", "-user__first_name", "-id"),
}

# A search is split on spaces; more terms than this only make the query slower.
MAX_SEARCH_TERMS = 5


@dataclass(frozen=True)
class DoctorFilters:
    """The filters of a doctor list. `status=None` means every status except DELETED."""

    status: str | None = None
    department: str | None = None
    search: str = ""
    ordering: str = "name"


@dataclass(frozen=True)
class AccountCounts:
    approved: int
    pending: int


@dataclass(frozen=True)
class PendingAccount:
    """One entry of the admin's approval queue."""

    kind: str
    id: int
    full_name: str
    created_at: datetime


def _doctor_queryset() -> QuerySet[Doctor]:
    return Doctor.objects.select_related("user", "department")


def name_search(search: str, *, prefix: str = "user__") -> Q:
    """Return a filter where every word of `search` is in the first or the last name."""
    condition = Q()
    for term in search.split()[:MAX_SEARCH_TERMS]:
        condition &= Q(**{f"{prefix}first_name__icontains": term}) | Q(
            **{f"{prefix}last_name__icontains": term}
        )
    return condition


def doctor_list(*, viewer: User, filters: DoctorFilters) -> QuerySet[Doctor]:
    """List the doctors `viewer` may see, filtered and ordered.

    Without a status filter, deleted doctors are left out; `status=DELETED` lists only them.
    """
    queryset = _doctor_queryset().filter(visible_doctors(viewer=viewer))
    if filters.status:
        queryset = queryset.filter(user__status=filters.status)
    else:
        queryset = queryset.exclude(user__status=AccountStatus.DELETED)
    if filters.department:
        queryset = queryset.filter(department_id=filters.department)
    if filters.search:
        queryset = queryset.filter(name_search(filters.search))
    return queryset.order_by(*DOCTOR_ORDERINGS[filters.ordering])


def doctor_get(*, viewer: User, doctor_id: int) -> Doctor:
    """Return one doctor `viewer` may see, whatever its status.

    Raises NotFoundError for a missing id and for a doctor the viewer may not see, alike.
    """
    doctor = _doctor_queryset().filter(visible_doctors(viewer=viewer), pk=doctor_id).first()
    if doctor is None:
        raise NotFoundError()
    return doctor


def doctor_directory_list(*, department: str | None = None, search: str = "") -> QuerySet[Doctor]:
    """List the approved, active doctors for the public directory, ordered by name."""
    queryset = _doctor_queryset().filter(user__status=AccountStatus.APPROVED, user__is_active=True)
    if department:
        queryset = queryset.filter(department_id=department)
    if search:
        queryset = queryset.filter(name_search(search))
    return queryset.order_by(*DOCTOR_ORDERINGS["name"])


def doctor_get_assigned(*, patient_user: User) -> Doctor | None:
    """Return the approved doctor assigned to the patient whose account is `patient_user`."""
    return (
        _doctor_queryset()
        .filter(patients__user_id=patient_user.pk, user__status=AccountStatus.APPROVED)
        .first()
    )


def doctor_account_counts() -> AccountCounts:
    """Count approved and pending doctor accounts in one query."""
    counts = Doctor.objects.aggregate(
        approved=Count("pk", filter=Q(user__status=AccountStatus.APPROVED)),
        pending=Count("pk", filter=Q(user__status=AccountStatus.PENDING)),
    )
    return AccountCounts(approved=counts["approved"], pending=counts["pending"])


def doctor_list_newest_pending(*, limit: int) -> list[PendingAccount]:
    """Return at most `limit` pending doctor applications, newest first."""
    rows = (
        Doctor.objects.filter(user__status=AccountStatus.PENDING)
        .order_by("-created_at", "-id")
        .values_list("pk", "user__first_name", "user__last_name", "created_at")[:limit]
    )
    return [
        PendingAccount(
            kind="DOCTOR", id=pk, full_name=f"{first} {last}".strip(), created_at=created_at
        )
        for pk, first, last, created_at in rows
    ]
