"""The accepted date range: 1900-01-01 to today plus the booking horizon."""

from __future__ import annotations

from datetime import date

import django_filters
import pytest
from rest_framework import serializers

from hms.accounts.models import User
from hms.common.dates import BoundedDateField, BoundedDateFilter, date_range_error
from hms.common.errors import ValidationFailed
from hms.common.filters import filter_rows

TODAY = date(2026, 12, 6)


@pytest.fixture(autouse=True)
def _today(monkeypatch, settings):
    settings.HMS_BOOKING_HORIZON_DAYS = 180
    monkeypatch.setattr("hms.common.dates.timezone.localdate", lambda: TODAY)


@pytest.mark.parametrize(
    ("value", "not_after_today", "expected"),
    [
        (date(1900, 1, 1), False, None),
        (date(2027, 6, 4), False, None),  # today + 180 days
        (date(1899, 12, 31), False, "Enter a date on or after 1900-01-01."),
        (date(1, 1, 1), False, "Enter a date on or after 1900-01-01."),
        (date(2027, 6, 5), False, "Enter a date on or before 2027-06-04 (180 days ahead)."),
        (date(9999, 12, 31), False, "Enter a date on or before 2027-06-04 (180 days ahead)."),
        (TODAY, True, None),
        (date(2026, 12, 7), True, "The date cannot be in the future."),
        (date(1, 1, 1), True, "Enter a date on or after 1900-01-01."),
    ],
)
def test_date_range_error(value, not_after_today, expected):
    assert date_range_error(value, today=TODAY, not_after_today=not_after_today) == expected


def test_the_horizon_is_the_setting(settings):
    settings.HMS_BOOKING_HORIZON_DAYS = 10

    assert date_range_error(date(2026, 12, 16), today=TODAY) is None
    assert date_range_error(date(2026, 12, 17), today=TODAY) == (
        "Enter a date on or before 2026-12-16 (10 days ahead)."
    )


class _Body(serializers.Serializer):
    on = BoundedDateField()
    past = BoundedDateField(not_after_today=True, required=False)


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"on": "2026-12-06", "past": "2026-12-06"}, {}),
        ({"on": "9999-12-31"}, {"on": ["Enter a date on or before 2027-06-04 (180 days ahead)."]}),
        ({"on": "0001-01-01"}, {"on": ["Enter a date on or after 1900-01-01."]}),
        (
            {"on": "2026-12-06", "past": "2026-12-07"},
            {"past": ["The date cannot be in the future."]},
        ),
    ],
)
def test_bounded_date_field(data, errors):
    body = _Body(data=data)

    assert body.is_valid() is (errors == {})
    assert {key: [str(m) for m in value] for key, value in body.errors.items()} == errors


class _UserFilterSet(django_filters.FilterSet):
    joined_from = BoundedDateFilter(field_name="date_joined__date", lookup_expr="gte")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9999-12-31", "Enter a date on or before 2027-06-04 (180 days ahead)."),
        ("0001-01-01", "Enter a date on or after 1900-01-01."),
        ("31/12/2026", "Enter a valid date."),
    ],
)
def test_bounded_date_filter_refuses_dates_out_of_range(value, message):
    with pytest.raises(ValidationFailed) as raised:
        filter_rows(_UserFilterSet, {"joined_from": value}, User.objects.all())

    assert raised.value.fields == {"joined_from": [message]}


@pytest.mark.django_db
def test_bounded_date_filter_accepts_dates_in_range():
    rows = filter_rows(_UserFilterSet, {"joined_from": "2026-12-06"}, User.objects.all())

    assert list(rows) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0001-01-01", "Enter a date of birth after 1900."),
        ("1899-12-31", "Enter a date of birth after 1900."),
        ("9999-12-31", "The date of birth cannot be in the future."),
        ("2026-12-07", "The date of birth cannot be in the future."),
    ],
)
def test_a_date_of_birth_out_of_range_is_a_400_naming_it(api_client, value, message, monkeypatch):
    monkeypatch.setattr("hms.patients.serializers.timezone.localdate", lambda: TODAY)
    body = {
        "username": "new.patient",
        "password": "a-long-enough-password",
        "first_name": "Anil",
        "last_name": "Kapoor",
        "mobile": "+919800000001",
        "address": "3 Hill Road, Pune",
        "symptoms": "Headache",
        "date_of_birth": value,
    }

    response = api_client.post("/api/v1/auth/signup/patient/", body, format="json")

    assert response.status_code == 400, response.content
    assert response.json()["fields"] == {"date_of_birth": [message]}
    assert User.objects.filter(username="new.patient").exists() is False
