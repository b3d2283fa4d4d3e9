from __future__ import annotations

import django_filters
import pytest
from drf_spectacular.utils import OpenApiParameter

from hms.accounts.models import User
from hms.common.errors import ValidationFailed
from hms.common.filters import IntegerFilter, filter_rows, filterset_parameters

pytestmark = pytest.mark.django_db


class AccountFilterSet(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(
        choices=[("ADMIN", "Admin"), ("DOCTOR", "Doctor")], help_text="Only this role."
    )
    id = IntegerFilter(min_value=1, help_text="One account.")
    username = django_filters.CharFilter(max_length=5)


def test_filter_rows_applies_the_filters(admin_user):
    rows = filter_rows(AccountFilterSet, {"role": "ADMIN"}, User.objects.all())
    assert list(rows) == [admin_user]
    assert list(filter_rows(AccountFilterSet, {"role": "DOCTOR"}, User.objects.all())) == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"role": "NURSE"}, "role"),
        ({"id": "1.5"}, "id"),
        ({"id": "0"}, "id"),
        ({"id": str(2**31)}, "id"),
        ({"username": "x" * 6}, "username"),
    ],
)
def test_an_invalid_value_is_a_validation_error_on_its_parameter(data, field):
    with pytest.raises(ValidationFailed) as raised:
        filter_rows(AccountFilterSet, data, User.objects.all())
    assert list(raised.value.fields) == [field]
    assert all(isinstance(message, str) for message in raised.value.fields[field])


def test_the_schema_parameters_come_from_the_filterset():
    parameters = filterset_parameters(AccountFilterSet)
    assert [(p.name, p.location, p.required, p.type, p.description) for p in parameters] == [
        (
            "role",
            OpenApiParameter.QUERY,
            False,
            {"type": "string", "enum": ["ADMIN", "DOCTOR"]},
            "Only this role.",
        ),
        (
            "id",
            OpenApiParameter.QUERY,
            False,
            {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
            "One account.",
        ),
        ("username", OpenApiParameter.QUERY, False, {"type": "string", "maxLength": 5}, ""),
    ]


# --- a request that only pages --------------------------------------------------------------


def _project_filtersets() -> list[tuple[type[django_filters.FilterSet], type]]:
    """Every FilterSet of the project's selectors with the model its list reads."""
    from hms.admissions.models import Admission
    from hms.admissions.selectors import AdmissionFilter
    from hms.appointments.models import Appointment
    from hms.appointments.selectors import AppointmentFilter, DoctorAppointmentFilter
    from hms.audit.models import AuditEvent
    from hms.audit.selectors import AuditEventFilter
    from hms.billing.models import Invoice
    from hms.billing.selectors import InvoiceFilter
    from hms.doctors.models import Doctor
    from hms.doctors.selectors import DoctorDirectoryFilterSet, DoctorFilterSet
    from hms.patients.models import Patient
    from hms.patients.selectors import PatientFilterSet

    return [
        (PatientFilterSet, Patient),
        (DoctorFilterSet, Doctor),
        (DoctorDirectoryFilterSet, Doctor),
        (AppointmentFilter, Appointment),
        (DoctorAppointmentFilter, Appointment),
        (AdmissionFilter, Admission),
        (InvoiceFilter, Invoice),
        (AuditEventFilter, AuditEvent),
    ]


@pytest.mark.parametrize(
    ("filterset_class", "model"),
    _project_filtersets(),
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_a_paging_only_request_reads_the_same_rows_without_validating_a_form(
    filterset_class, model, monkeypatch
):
    queryset = model._default_manager.all()
    # Any other parameter takes the full path (an unknown one filters nothing).
    validated = filter_rows(filterset_class, {"page": "2", "other": "x"}, queryset)
    filter_rows(filterset_class, {}, queryset)  # the empty form is read once per class

    built: list[str] = []
    real_form = filterset_class.form

    def counting_form(self):  # type: ignore[no-untyped-def]
        if not hasattr(self, "_form"):
            built.append("form")
        return real_form.fget(self)

    monkeypatch.setattr(filterset_class, "form", property(counting_form))
    paged = [
        filter_rows(filterset_class, data, queryset)
        for data in ({}, {"page": "2"}, {"page": "1", "page_size": "100"})
    ]

    assert [str(rows.query) for rows in paged] == [str(validated.query)] * 3
    assert built == []


def test_a_paging_only_request_on_a_filterset_that_needs_a_parameter_is_still_refused():
    class NeedsRole(django_filters.FilterSet):
        role = django_filters.ChoiceFilter(choices=[("ADMIN", "Admin")], required=True)

    for _ in range(2):  # the second time from what the first one learned
        with pytest.raises(ValidationFailed) as raised:
            filter_rows(NeedsRole, {"page": "1"}, User.objects.all())
        assert raised.value.fields == {"role": ["This field is required."]}


def test_a_filter_next_to_the_page_is_applied(admin_user):
    assert list(filter_rows(AccountFilterSet, {"page": "1"}, User.objects.all())) == [admin_user]
    doctors = filter_rows(AccountFilterSet, {"page": "1", "role": "DOCTOR"}, User.objects.all())
    assert list(doctors) == []
