"""Admission reads, scoped to the viewer: rows that are not yours answer 404 like missing ones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.db.models.expressions import BaseExpression
from django_filters import ChoiceFilter, FilterSet

from hms.accounts.lists import ViewerFirst, ViewerList, ViewerRow
from hms.accounts.models import User
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.policies import visible_admissions
from hms.billing.models import Invoice
from hms.common.counters import status_count_subqueries
from hms.common.dates import BoundedDateFilter
from hms.common.errors import NotFoundError
from hms.common.filters import IntegerFilter, filter_rows, ordered_range_form
from hms.common.queries import TemplateRows, count_of


def _admissions(viewer: User) -> QuerySet[Admission]:
    return (
        Admission.objects.filter(visible_admissions(viewer))
        .select_related("patient__user", "doctor__user", "doctor__department")
        # The stay's current invoice: the latest, since a corrected one replaces a voided one.
        .annotate(
            invoice_pk=Subquery(
                Invoice.objects.filter(admission=OuterRef("pk")).order_by("-id").values("id")[:1]
            )
        )
    )


class AdmissionFilter(FilterSet):
    """The query parameters of the admission list."""

    status = ChoiceFilter(choices=AdmissionStatus.choices)
    doctor = IntegerFilter(field_name="doctor", min_value=1, help_text="Doctor id.")
    patient = IntegerFilter(field_name="patient", min_value=1, help_text="Patient id.")
    admitted_from = BoundedDateFilter(
        field_name="admitted_on", lookup_expr="gte", help_text="Admitted on or after."
    )
    admitted_to = BoundedDateFilter(
        field_name="admitted_on", lookup_expr="lte", help_text="Admitted on or before."
    )

    class Meta:
        model = Admission
        fields = ["status", "doctor", "patient", "admitted_from", "admitted_to"]
        form = ordered_range_form("admitted_from", "admitted_to")


# The columns a list row carries (AdmissionSerializer): the stay's own, the patient's contact
# details and name, the doctor's name and department; not the accounts' other columns, the
# profiles' or the stay's bookkeeping (who admitted and discharged, when the row changed).
_LIST_COLUMNS = (
    "patient__mobile",
    "patient__address",
    "patient__user__first_name",
    "patient__user__last_name",
    "doctor__user__first_name",
    "doctor__user__last_name",
    "doctor__department__name",
    "admitted_on",
    "discharged_on",
    "symptoms",
    "room",
    "room_charge_per_day",
    "status",
    "admitted_at",
    "discharged_at",
)


def admission_list(
    *, viewer: User, filters: Mapping[str, Any]
) -> QuerySet[Admission] | TemplateRows:
    """List the admissions `viewer` may see, latest admission first.

    The admin sees all, a doctor the ones they attend (open and discharged: their "discharged
    patients"), a patient their own. `filters` are the query parameters of AdmissionFilter
    (status, doctor, patient, admitted_from and admitted_to as inclusive dates). Raises
    ValidationFailed for a parameter that is not valid.
    """
    return _ADMISSION_LIST(viewer, filters)


def _admission_rows(viewer: User, filters: Mapping[str, Any]) -> QuerySet[Admission]:
    queryset = filter_rows(AdmissionFilter, filters, _admissions(viewer))
    return queryset.only(*_LIST_COLUMNS).order_by("-admitted_on", "-id")


# Most requests filter by status alone, if at all: their statements are built once (ViewerList).
_ADMISSION_LIST = ViewerList(_admission_rows, chosen_by=("status",))


def admission_get(*, viewer: User, id: int) -> Admission:
    """Return one admission `viewer` may see.

    Raises NotFoundError when it does not exist or is not visible to the viewer.
    """
    admission = _admissions(viewer).filter(pk=id).first()
    if admission is None:
        raise NotFoundError()
    return admission


def admission_get_for_display(*, viewer: User, id: int) -> Admission:
    """Return one admission `viewer` may see, read for showing it: the admission serializers
    and the discharge preview, which writes nothing.

    The columns of a list row, not every column of the five tables (`admission_get` reads
    whole rows, for the services that change them). Raises NotFoundError as `admission_get`
    does.
    """
    admission = _ADMISSION_FOR_DISPLAY(viewer, id)
    if admission is None:
        raise NotFoundError()
    return admission


# Read on every admission's page and discharge preview: built once per role (ViewerRow).
_ADMISSION_FOR_DISPLAY = ViewerRow(
    lambda viewer, id: _admissions(viewer).filter(pk=id).only(*_LIST_COLUMNS).order_by("pk")
)


def open_admission_exists(*, patient_ref: str = "pk") -> Exists:
    """An `Exists` expression for patient querysets: the patient has an ADMITTED admission.

    Use it as `.annotate(is_admitted=open_admission_exists())` on a Patient queryset.
    """
    return Exists(
        Admission.objects.filter(patient_id=OuterRef(patient_ref), status=AdmissionStatus.ADMITTED)
    )


def admission_count_subqueries(*, viewer: User) -> dict[str, BaseExpression]:
    """Scalar subqueries counting the admissions `viewer` may see, for the admin's dashboard.

    `currently_admitted`: open admissions; `discharged`: discharged admissions, ever. For a
    viewer who sees every admission (the admin) each reads a counter the database keeps by
    status (`hms.common.counters`, installed by migration 0003), whatever the number of
    admissions; for anyone else each reads the range of its status in an index. Evaluate with
    `read_together`.
    """
    statuses = {
        "currently_admitted": AdmissionStatus.ADMITTED,
        "discharged": AdmissionStatus.DISCHARGED,
    }
    return status_count_subqueries(Admission, visible=visible_admissions(viewer), statuses=statuses)


def admission_patient_count_subqueries(*, viewer: User) -> dict[str, Subquery]:
    """Scalar subqueries counting the patients of the admissions `viewer` (a doctor) attends.

    `admitted_patients`: in hospital under them now; `discharged_patients`: discharged from
    their care, each patient once however many stays. Evaluate with `read_together`.
    """
    visible = Admission.objects.filter(visible_admissions(viewer))
    return {
        "admitted_patients": count_of(
            visible.filter(status=AdmissionStatus.ADMITTED), field="patient", distinct=True
        ),
        "discharged_patients": count_of(
            visible.filter(status=AdmissionStatus.DISCHARGED), field="patient", distinct=True
        ),
    }


def admission_get_current(*, viewer: User) -> Admission | None:
    """Return the open admission `viewer` (a patient) may see, else their latest, else None."""
    return _CURRENT_ADMISSION(viewer)


def _latest_admissions(viewer: User) -> QuerySet[Admission]:
    return Admission.objects.filter(visible_admissions(viewer)).order_by(
        F("discharged_on").desc(nulls_first=True), "-admitted_on", "-id"
    )


# Read on every patient's dashboard: built once per role (ViewerFirst).
_CURRENT_ADMISSION = ViewerFirst(_latest_admissions)
