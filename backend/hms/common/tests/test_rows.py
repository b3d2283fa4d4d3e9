"""FastRowsMixin answers exactly what DRF's own Serializer.to_representation would."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from datetime import timezone as dt_timezone
from decimal import ROUND_UP, Decimal
from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.admissions.selectors import admission_list
from hms.admissions.serializers import AdmissionForDoctorSerializer, AdmissionSerializer
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.appointments.selectors import appointment_list
from hms.appointments.serializers import AppointmentDetailSerializer, AppointmentSerializer
from hms.appointments.tests.factories import AppointmentFactory
from hms.billing.selectors import invoice_list
from hms.billing.serializers import InvoiceSerializer
from hms.common.fields import MoneyField
from hms.common.rows import FastRowsMixin
from hms.doctors.selectors import doctor_list
from hms.doctors.serializers import DoctorSerializer
from hms.patients.selectors import patient_list
from hms.patients.serializers import PatientSerializer

pytestmark = pytest.mark.django_db


def _drf(serializer_class: type[serializers.Serializer[Any]], row: Any) -> dict[str, Any]:
    """The answer through DRF's own field-by-field path."""
    return dict(serializers.Serializer.to_representation(serializer_class(), row))


def _both(serializer_class: type[serializers.Serializer[Any]], rows: list[Any]) -> tuple:
    assert issubclass(serializer_class, FastRowsMixin)
    fast = [dict(row) for row in serializer_class(rows, many=True).data]
    # A second page reuses the steps compiled for the first.
    again = [dict(row) for row in serializer_class(rows, many=True).data]
    return fast, again, [_drf(serializer_class, row) for row in rows]


def test_every_list_row_is_what_drf_would_answer(admin_user, make_doctor, make_patient):
    doctor = make_doctor()
    with_doctor = make_patient(assigned_doctor=doctor, user__first_name="Ánna", user__email="")
    without_doctor = make_patient(assigned_doctor=None)
    AppointmentFactory(patient=with_doctor, doctor=doctor)
    AppointmentFactory(patient=without_doctor, doctor=doctor, status_reason="Moved")
    open_stay = AdmissionFactory(patient=without_doctor, doctor=doctor, room_charge_per_day=None)
    closed_stay = AdmissionFactory(patient=with_doctor, doctor=doctor)
    discharge(closed_stay, actor=UserFactory(role=Role.ADMIN))
    assert open_stay.pk

    cases = [
        (AppointmentSerializer, list(appointment_list(viewer=admin_user, filters={}))),
        (AppointmentDetailSerializer, list(appointment_list(viewer=admin_user, filters={}))),
        (PatientSerializer, list(patient_list(viewer=admin_user, filters={}))),
        (AdmissionSerializer, list(admission_list(viewer=admin_user, filters={}))),
        (AdmissionForDoctorSerializer, list(admission_list(viewer=admin_user, filters={}))),
        (InvoiceSerializer, list(invoice_list(viewer=admin_user, filters={}))),
        (DoctorSerializer, list(doctor_list(viewer=admin_user, filters={}))),
    ]
    for serializer_class, rows in cases:
        assert rows, serializer_class
        fast, again, drf = _both(serializer_class, rows)
        assert fast == drf, serializer_class.__name__
        assert again == drf, serializer_class.__name__
        # Same keys in the same order (the JSON text is the same, not only equal objects).
        assert [list(row) for row in fast] == [list(row) for row in drf]


def _list_cases(viewer: Any) -> list[tuple[type[serializers.Serializer[Any]], list[Any]]]:
    return [
        (AppointmentSerializer, list(appointment_list(viewer=viewer, filters={}))),
        (AdmissionSerializer, list(admission_list(viewer=viewer, filters={}))),
        (InvoiceSerializer, list(invoice_list(viewer=viewer, filters={}))),
    ]


def _issued_at(viewer: Any) -> str:
    (row,) = InvoiceSerializer(list(invoice_list(viewer=viewer, filters={})), many=True).data
    return str(row["issued_at"])


@pytest.mark.parametrize(
    ("zone", "offset"),
    [("UTC", "Z"), ("Asia/Kolkata", "+05:30"), ("America/St_Johns", "-03:30")],
)
def test_date_times_are_what_drf_answers_in_the_current_time_zone(
    admin_user, make_doctor, make_patient, zone, offset
):
    doctor = make_doctor()
    AppointmentFactory(patient=make_patient(), doctor=doctor)
    discharge(AdmissionFactory(patient=make_patient(), doctor=doctor), actor=admin_user)

    with timezone.override(zone):
        for serializer_class, rows in _list_cases(admin_user):
            fast, again, drf = _both(serializer_class, rows)
            assert fast == drf, serializer_class.__name__
            assert again == drf, serializer_class.__name__
        issued = _issued_at(admin_user)

    assert issued.endswith(offset)
    assert _issued_at(admin_user).endswith("+05:30")  # the hospital's zone again


def test_the_current_time_zone_is_looked_up_once_per_page(admin_user, make_doctor, make_patient):
    doctor = make_doctor()
    for _ in range(3):
        discharge(AdmissionFactory(patient=make_patient(), doctor=doctor), actor=admin_user)
    rows = list(admission_list(viewer=admin_user, filters={}))

    with patch.object(
        timezone, "get_current_timezone", wraps=timezone.get_current_timezone
    ) as lookup:
        data = AdmissionSerializer(rows, many=True).data

    assert lookup.call_count == 1
    assert len(data) == 3 and all(row["discharged_at"].endswith("+05:30") for row in data)


def test_date_times_follow_another_datetime_format_setting(admin_user, make_doctor, make_patient):
    doctor = make_doctor()
    AppointmentFactory(patient=make_patient(), doctor=doctor)
    discharge(AdmissionFactory(patient=make_patient(), doctor=doctor), actor=admin_user)
    formats = {**settings.REST_FRAMEWORK, "DATETIME_FORMAT": "%d/%m/%Y %H:%M"}

    with override_settings(REST_FRAMEWORK=formats):
        for serializer_class, rows in _list_cases(admin_user):
            fast, again, drf = _both(serializer_class, rows)
            assert fast == drf, serializer_class.__name__
            assert again == drf, serializer_class.__name__
        issued = _issued_at(admin_user)

    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", issued)


class _Stamps(FastRowsMixin, serializers.Serializer):
    plain = serializers.DateTimeField()
    as_text = serializers.DateTimeField(format="iso-8601")
    in_utc = serializers.DateTimeField(default_timezone=UTC)
    formatted = serializers.DateTimeField(format="%Y-%m-%d %H:%M")
    unformatted = serializers.DateTimeField(format=None)


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 3, 1, 4, 30, tzinfo=UTC),  # no microseconds
        datetime(2026, 3, 1, 4, 30, 5, 120, tzinfo=UTC),
        datetime(2026, 3, 1, 4, 30, 5, tzinfo=dt_timezone(timedelta(hours=-7))),
        datetime(2026, 3, 1, 4, 30, 5),  # naive: made aware by DRF
        datetime(9999, 12, 31, 23, 0, tzinfo=UTC),  # past the zone's range
        "2026-03-01T04:30:05Z",  # a string is answered as it is
    ],
)
@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata"])
def test_each_kind_of_date_time_field_and_value_is_what_drf_answers(value, zone):
    row = SimpleNamespace(
        plain=value, as_text=value, in_utc=value, formatted=value, unformatted=value
    )

    with timezone.override(zone):
        try:
            expected: Any = _drf(_Stamps, row)
        except ValidationError as error:
            expected = error.detail
        try:
            fast: Any = dict(_Stamps(row).data)
        except ValidationError as error:
            fast = error.detail

    assert fast == expected


def _one_amount(field: serializers.DecimalField) -> type[serializers.Serializer[Any]]:
    return type("OneAmount", (FastRowsMixin, serializers.Serializer), {"amount": field})


_AMOUNTS = {
    "plain": lambda: serializers.DecimalField(max_digits=5, decimal_places=2),
    "money": lambda: MoneyField(read_only=True),
    "unbounded": lambda: serializers.DecimalField(max_digits=None, decimal_places=2),
    "rounded_up": lambda: serializers.DecimalField(
        max_digits=6, decimal_places=1, rounding=ROUND_UP
    ),
    "as_number": lambda: serializers.DecimalField(
        max_digits=5, decimal_places=2, coerce_to_string=False
    ),
    "normalized": lambda: serializers.DecimalField(
        max_digits=5, decimal_places=2, normalize_output=True
    ),
}


def _outcome(call: Any) -> Any:
    try:
        return call()
    except Exception as error:  # noqa: BLE001 - the same failure is the same answer
        return type(error)


@pytest.mark.parametrize(
    "value",
    [
        Decimal("500.00"),
        Decimal("0.00"),
        Decimal("-0.00"),
        Decimal("999.99"),
        Decimal("1.5"),  # fewer places than the field's
        Decimal("1.505"),  # more: rounded
        Decimal("12345.00"),  # more digits than the field holds
        Decimal("1E+2"),
        Decimal("NaN"),
        Decimal("Infinity"),
        7,
        2.25,
    ],
)
@pytest.mark.parametrize("coerce", [True, False])
@pytest.mark.parametrize("name", list(_AMOUNTS))
def test_each_kind_of_decimal_field_and_value_is_what_drf_answers(value, coerce, name):
    serializer_class = _one_amount(_AMOUNTS[name]())
    row = SimpleNamespace(amount=value)
    setting = {**settings.REST_FRAMEWORK, "COERCE_DECIMAL_TO_STRING": coerce}

    with override_settings(REST_FRAMEWORK=setting):
        expected = _outcome(lambda: _drf(serializer_class, row)["amount"])
        fast = _outcome(lambda: serializer_class(row).data["amount"])

    # repr: the same type and text (a NaN is not equal to itself).
    assert repr(fast) == repr(expected)


def test_stored_amounts_and_aware_date_times_take_the_short_path(admin_user, make_patient):
    discharge(AdmissionFactory(patient=make_patient()), actor=admin_user)
    rows = list(invoice_list(viewer=admin_user, filters={}))
    decimal = serializers.DecimalField.to_representation
    moment = serializers.DateTimeField.to_representation

    with (
        patch.object(serializers.DecimalField, "to_representation", autospec=True) as amounts,
        patch.object(serializers.DateTimeField, "to_representation", autospec=True) as moments,
    ):
        amounts.side_effect = decimal
        moments.side_effect = moment
        fast = [dict(row) for row in InvoiceSerializer(rows, many=True).data]

    assert (amounts.call_count, moments.call_count) == (0, 0)
    assert fast == [_drf(InvoiceSerializer, row) for row in rows]
    assert fast[0]["total"] == "3350.00"  # 4 days at 500.00, 1000.00, 250.00, 100.00
