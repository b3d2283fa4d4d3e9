"""Reads of doctors, each scoped to the viewer: rows you may not see do not exist for you."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import django_filters
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from hms.accounts.lists import ViewerList
from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.selectors import AccountCounts, PendingAccount, name_search
from hms.common.errors import NotFoundError
from hms.common.filters import filter_rows
from hms.common.queries import ListTemplate, TemplateRows
from hms.doctors.models import Department, Doctor
from hms.doctors.policies import visible_doctors

__all__ = ["AccountCounts", "PendingAccount"]

# The `?ordering=` values of doctor lists; `id` last keeps pages stable between requests.
DOCTOR_ORDERINGS: dict[str, tuple[str, ...]] = {
    "name": ("user__last_name", "user__first_name", "id"),
    "-name": ("-user__last_name", "-user__first_name", "-id"),
    "created_at": ("created_at", "id"),
    "-created_at": ("-created_at", "-id"),
    "department": ("department__position", "user__last_name", "user__first_name", "id"),
    "-department": ("-department__position", "-user__last_name", "-user__first_name", "-id"),
}

_DEPARTMENT_HELP = "A department code (GET /api/v1/departments/)."
_NAME_SEARCH_HELP = "Words that must each appear in the first or last name (any case)."


def _search_names(queryset: QuerySet[Doctor], name: str, value: str) -> QuerySet[Doctor]:
    return queryset.filter(name_search(value)) if value else queryset


class DoctorDirectoryFilterSet(django_filters.FilterSet):
    """The filters of the public directory."""

    department = django_filters.CharFilter(
        field_name="department_id", max_length=64, help_text=_DEPARTMENT_HELP
    )
    search = django_filters.CharFilter(
        method=_search_names, max_length=100, help_text=_NAME_SEARCH_HELP
    )


class DoctorFilterSet(DoctorDirectoryFilterSet):
    """The filters of the admin's doctor list. Without `status`, deleted doctors are left out."""

    status = django_filters.ChoiceFilter(
        field_name="user__status",
        choices=AccountStatus.choices,
        help_text="Only doctors with this account status. Without it, deleted doctors are "
        "left out.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in DOCTOR_ORDERINGS],
        method=lambda queryset, name, value: queryset,
        help_text="`name` (the default) is last name then first name; a leading `-` reverses.",
    )

    def filter_queryset(self, queryset: QuerySet[Doctor]) -> QuerySet[Doctor]:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(user__status=AccountStatus.DELETED)
        ordering = self.form.cleaned_data.get("ordering") or "name"
        return queryset.order_by(*DOCTOR_ORDERINGS[ordering])


def _doctor_queryset() -> QuerySet[Doctor]:
    return Doctor.objects.select_related("user", "department")


def doctor_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Doctor] | TemplateRows:
    """List the doctors `viewer` may see, filtered (DoctorFilterSet) and ordered.

    Without a status filter, deleted doctors are left out; `status=DELETED` lists only them.
    Raises ValidationFailed for an invalid filter value.
    """
    return _DOCTOR_LIST(viewer, filters)


def _doctor_rows(viewer: User, filters: Mapping[str, Any]) -> QuerySet[Doctor]:
    queryset = _doctor_queryset().filter(visible_doctors(viewer=viewer))
    return filter_rows(DoctorFilterSet, filters, queryset)


# Most requests filter by these alone, if at all, and search a few words: their statements are
# built once (ViewerList).
_DOCTOR_LIST = ViewerList(
    _doctor_rows, chosen_by=("status", "ordering"), searched_by=(DoctorFilterSet, "search")
)


def doctor_get(*, viewer: User, id: int) -> Doctor:
    """Return one doctor `viewer` may see, whatever its status.

    Raises NotFoundError for a missing id and for a doctor the viewer may not see, alike.
    """
    doctor = _doctor_queryset().filter(visible_doctors(viewer=viewer), pk=id).first()
    if doctor is None:
        raise NotFoundError()
    return doctor


def doctor_directory_list(*, filters: Mapping[str, Any]) -> QuerySet[Doctor] | TemplateRows:
    """List the approved, active doctors for the public directory, ordered by name.

    Raises ValidationFailed for an invalid filter value.
    """
    return _DIRECTORY(_ANYONE, filters)


def _directory_rows(viewer: User, filters: Mapping[str, Any]) -> QuerySet[Doctor]:
    queryset = _doctor_queryset().filter(user__status=AccountStatus.APPROVED, user__is_active=True)
    return filter_rows(DoctorDirectoryFilterSet, filters, queryset).order_by(
        *DOCTOR_ORDERINGS["name"]
    )


# The directory is the same for whoever reads it: its lists are built for no one in particular.
# The whole directory page by page, and a search of a few words, are built once (ViewerList);
# a department (free text) is built by the ORM.
_ANYONE = User(role="")
_DIRECTORY = ViewerList(_directory_rows, searched_by=(DoctorDirectoryFilterSet, "search"))


def department_list() -> QuerySet[Department]:
    """List the hospital's departments in their display order."""
    return Department.objects.all()


def doctor_get_assigned(*, patient_user: User) -> Doctor | None:
    """Return the approved doctor assigned to the patient whose account is `patient_user`."""
    found: Doctor | None = _ASSIGNED_DOCTOR.first(
        None, orm=lambda: _assigned_doctors(patient_user.pk), patient_user=patient_user.pk
    )
    return found


def _assigned_doctors(patient_user: int) -> QuerySet[Doctor]:
    return _doctor_queryset().filter(
        patients__user_id=patient_user, user__status=AccountStatus.APPROVED
    )


# Read on every patient's dashboard: built once (see ListTemplate).
_ASSIGNED_DOCTOR = ListTemplate(
    lambda shape, patient_user: _assigned_doctors(patient_user), patient_user=int
)


def doctor_pending_rows(*, limit: int) -> QuerySet[Any, Any]:
    """The `limit` newest pending doctor accounts as rows of `id`, `first_name`, `last_name`,
    `created_at`, `detail` (the department's name) and `rank` (1 for the newest).

    Unordered and cut by a ranked filter, for the admin dashboard's one read of every queue
    (`rows_together`); the account role in the filter keeps the read to the (role, status)
    index range of the queue.
    """
    return (
        Doctor.objects.filter(user__role=Role.DOCTOR, user__status=AccountStatus.PENDING)
        .annotate(
            first_name=F("user__first_name"),
            last_name=F("user__last_name"),
            detail=F("department__name"),
            rank=Window(RowNumber(), order_by=[F("created_at").desc(), F("id").desc()]),
        )
        .filter(rank__lte=limit)
        .order_by()
        .values("id", "first_name", "last_name", "created_at", "detail", "rank")
    )
