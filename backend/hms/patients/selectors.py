"""Reads of patients, each scoped to the viewer: rows you may not see do not exist for you.

Every patient read starts from `_patient_queryset()`, so whatever a patient row carries
everywhere (e.g. whether they are admitted) is added in that one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import django_filters
from django.db.models import Exists, F, OuterRef, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber

from hms.accounts.lists import ViewerList, ViewerRow
from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.selectors import name_search
from hms.common.errors import NotFoundError
from hms.common.filters import IntegerFilter, filter_rows
from hms.common.queries import Constant, TemplateRows, count_of
from hms.patients.models import Patient
from hms.patients.policies import visible_patients

# The `?ordering=` values of patient lists; the id last keeps pages stable between requests.
# By name, the tie-break is the account's id (one account per patient, so just as stable): the
# whole order is then the partial index `accounts_user_patient_name`, and a page reads 25 rows
# from it instead of joining and sorting every patient.
PATIENT_ORDERINGS: dict[str, tuple[str, ...]] = {
    "name": ("user__last_name", "user__first_name", "user_id"),
    "-name": ("-user__last_name", "-user__first_name", "-user_id"),
    "created_at": ("created_at", "id"),
    "-created_at": ("-created_at", "-id"),
}

# The status of an open stay in the admissions app (`AdmissionStatus.ADMITTED`). Patients sit
# below admissions, so `is_admitted` is read through the patient's reverse relation
# `admissions` instead of an import; a test pins this value to the admissions app's.
OPEN_ADMISSION_STATUS = "ADMITTED"


def is_admitted() -> Exists:
    """An `Exists` for Patient querysets: the patient has an open admission.

    Reads the admissions table alone (through the reverse relation's model), so each row is
    one probe of the one-open-admission-per-patient index.
    """
    admissions = Patient._meta.get_field("admissions").related_model
    return Exists(
        admissions._default_manager.filter(
            patient_id=OuterRef("pk"), status=Constant(OPEN_ADMISSION_STATUS)
        )
    )


def _search(queryset: QuerySet[Patient], name: str, value: str) -> QuerySet[Patient]:
    """Every word in the first or last name, or the whole text in the symptoms.

    The matches are one union of two single-table reads (the accounts by name, the patients by
    symptoms), each served by its trigram indexes on PostgreSQL, so the list joins only the
    matching patients rather than testing every patient against both.
    """
    if not value:
        return queryset
    named = User.objects.filter(name_search(value, prefix="")).order_by().values("pk")
    by_name = Patient.objects.filter(user_id__in=named).order_by().values("pk")
    by_symptoms = Patient.objects.filter(symptoms__icontains=value).order_by().values("pk")
    return queryset.filter(pk__in=by_name.union(by_symptoms))


class PatientFilterSet(django_filters.FilterSet):
    """The filters of a patient list. Without `status`, deleted patients are left out."""

    status = django_filters.ChoiceFilter(
        field_name="user__status",
        choices=AccountStatus.choices,
        help_text="Only patients with this account status. Without it, deleted patients are "
        "left out.",
    )
    assigned_doctor = IntegerFilter(
        field_name="assigned_doctor_id",
        min_value=1,
        help_text="Only the patients assigned to this doctor id.",
    )
    search = django_filters.CharFilter(
        method=_search,
        max_length=100,
        help_text="Words that must each appear in the first or last name, or a text that "
        "appears in the symptoms (any case).",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in PATIENT_ORDERINGS],
        method=lambda queryset, name, value: queryset,
        help_text="`name` (the default) is last name then first name; a leading `-` reverses.",
    )

    def filter_queryset(self, queryset: QuerySet[Patient]) -> QuerySet[Patient]:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(user__status=Constant(AccountStatus.DELETED))
        ordering = self.form.cleaned_data.get("ordering") or "name"
        return queryset.order_by(*PATIENT_ORDERINGS[ordering])


def _patient_queryset() -> QuerySet[Patient]:
    """The one base queryset of every patient read: the account and the assigned doctor's name.

    Every patient's account has the PATIENT role; saying so lets the database read the list in
    name order from the partial index `accounts_user_patient_name`. The role is written into
    the query (Constant), so the list's prepared statement keeps one plan that uses the index.
    """
    return (
        Patient.objects.select_related("user", "assigned_doctor__user")
        .filter(user__role=Constant(Role.PATIENT))
        .annotate(is_admitted=is_admitted())
    )


# The columns a list row carries (PatientSerializer): the patient's own, the account's names,
# e-mail and status, and the assigned doctor's name; not the password hash, the sign-in
# bookkeeping or the doctor's own details.
_LIST_COLUMNS = (
    "created_at",
    "mobile",
    "address",
    "symptoms",
    "date_of_birth",
    "preferred_doctor",
    "user__username",
    "user__first_name",
    "user__last_name",
    "user__email",
    "user__status",
    "user__role",
    "assigned_doctor__user__first_name",
    "assigned_doctor__user__last_name",
)


def patient_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Patient] | TemplateRows:
    """List the patients `viewer` may see, filtered (PatientFilterSet) and ordered.

    The admin sees all; a doctor only their approved, assigned patients. Without a status
    filter, deleted patients are left out; `status=DELETED` lists only them. Raises
    ValidationFailed for an invalid filter value.
    """
    return _PATIENT_LIST(viewer, filters)


def _patient_rows(viewer: User, filters: Mapping[str, Any]) -> QuerySet[Patient]:
    queryset = _patient_queryset().filter(visible_patients(viewer=viewer))
    return filter_rows(PatientFilterSet, filters, queryset).only(*_LIST_COLUMNS)


# Most requests filter by these alone, if at all, and search a few words: their statements are
# built once (ViewerList).
_PATIENT_LIST = ViewerList(
    _patient_rows, chosen_by=("status", "ordering"), searched_by=(PatientFilterSet, "search")
)


def patient_get(*, viewer: User, id: int) -> Patient:
    """Return one patient `viewer` may see.

    Raises NotFoundError for a missing id and for a patient the viewer may not see, alike (a
    doctor asking for another doctor's patient learns nothing, not even that the id exists).
    """
    patient = _patient_queryset().filter(visible_patients(viewer=viewer), pk=id).first()
    if patient is None:
        raise NotFoundError()
    return patient


def patient_get_for_display(*, viewer: User, id: int) -> Patient:
    """Return one patient `viewer` may see, read for PatientSerializer only.

    The columns of a list row, not every column of the account and the doctor's (`patient_get`
    reads whole rows, for the services that change them). Raises NotFoundError as
    `patient_get` does.
    """
    patient = _PATIENT_FOR_DISPLAY(viewer, id)
    if patient is None:
        raise NotFoundError()
    return patient


# Read on every patient's page: built once per role (ViewerRow).
_PATIENT_FOR_DISPLAY = ViewerRow(
    lambda viewer, id: (
        _patient_queryset()
        .filter(visible_patients(viewer=viewer), pk=id)
        .only(*_LIST_COLUMNS)
        .order_by("pk")
    )
)


def patient_pending_rows(*, limit: int) -> QuerySet[Any, Any]:
    """The `limit` newest pending patient accounts as rows of `id`, `first_name`, `last_name`,
    `created_at`, `detail` (the symptoms given at sign-up) and `rank` (1 for the newest).

    Unordered, for the admin dashboard's one read of every queue (`rows_together`). The newest
    ids are picked first by a query of their own with its limit, so the database can walk the
    patients' (created_at, id) index newest first and stop at the `limit`-th pending one
    (ranking every pending patient instead joined every patient row); only those rows are
    joined to their accounts.
    """
    newest = (
        Patient.objects.filter(user__role=Role.PATIENT, user__status=AccountStatus.PENDING)
        .order_by("-created_at", "-id")
        .values("pk")[:limit]
    )
    return (
        Patient.objects.filter(pk__in=newest)
        .annotate(
            first_name=F("user__first_name"),
            last_name=F("user__last_name"),
            detail=F("symptoms"),
            rank=Window(RowNumber(), order_by=[F("created_at").desc(), F("id").desc()]),
        )
        .order_by()
        .values("id", "first_name", "last_name", "created_at", "detail", "rank")
    )


def patient_count_assigned_subquery(*, doctor_user: User) -> Subquery:
    """A scalar subquery: the approved patients assigned to the doctor `doctor_user`."""
    return count_of(Patient.objects.filter(visible_patients(viewer=doctor_user)))


def patient_count_assigned(*, doctor_user: User) -> int:
    """Count the approved patients assigned to the doctor whose account is `doctor_user`."""
    return Patient.objects.filter(visible_patients(viewer=doctor_user)).count()
