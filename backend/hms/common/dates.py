"""The calendar dates the API accepts: from 1900-01-01 to today plus the booking horizon.

Dates outside that range are refused where they are parsed (400 naming the field), so none
reaches date arithmetic (`9999-12-31` plus a day overflows) or the database (years before 1 in
UTC on SQLite). `HMS_BOOKING_HORIZON_DAYS` (default 180) is how far ahead appointments may be
booked; no date in a request lies further ahead than that.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django_filters import DateFilter
from rest_framework import serializers

EARLIEST_DATE = date(1900, 1, 1)


def booking_horizon_days() -> int:
    """How many days after today the latest bookable day is (the setting)."""
    return int(settings.HMS_BOOKING_HORIZON_DAYS)


def latest_date(*, today: date) -> date:
    """The last calendar date a request may name: today plus the booking horizon."""
    return today + timedelta(days=booking_horizon_days())


def date_range_error(value: date, *, today: date, not_after_today: bool = False) -> str | None:
    """Say why `value` is outside the accepted range, or None when it is inside."""
    latest = today if not_after_today else latest_date(today=today)
    if value < EARLIEST_DATE:
        return f"Enter a date on or after {EARLIEST_DATE.isoformat()}."
    if value > latest:
        if not_after_today:
            return "The date cannot be in the future."
        return (
            f"Enter a date on or before {latest.isoformat()} ({booking_horizon_days()} days ahead)."
        )
    return None


def _range_help(not_after_today: bool) -> str:
    if not_after_today:
        return f"From {EARLIEST_DATE.isoformat()} to today."
    return (
        f"From {EARLIEST_DATE.isoformat()} to today plus the booking horizon (180 days by default)."
    )


class BoundedDateField(serializers.DateField):
    """A `YYYY-MM-DD` date in the accepted range; `not_after_today=True` also refuses the future."""

    def __init__(self, *, not_after_today: bool = False, **kwargs: Any) -> None:
        self.not_after_today = not_after_today
        help_text = kwargs.pop("help_text", "")
        kwargs["help_text"] = f"{help_text} {_range_help(not_after_today)}".strip()
        super().__init__(**kwargs)

    def to_internal_value(self, value: Any) -> date:
        parsed = super().to_internal_value(value)
        message = date_range_error(
            parsed, today=timezone.localdate(), not_after_today=self.not_after_today
        )
        if message:
            raise serializers.ValidationError(message)
        return parsed


class _BoundedDateFormField(forms.DateField):
    def __init__(self, *args: Any, not_after_today: bool = False, **kwargs: Any) -> None:
        self.not_after_today = not_after_today
        super().__init__(*args, **kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        message = date_range_error(
            value, today=timezone.localdate(), not_after_today=self.not_after_today
        )
        if message:
            raise forms.ValidationError(message, code="out_of_range")


class BoundedDateFilter(DateFilter):
    """A FilterSet's date parameter in the accepted range (400 naming it otherwise)."""

    field_class = _BoundedDateFormField

    def __init__(self, *args: Any, not_after_today: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("not_after_today", not_after_today)
        help_text = kwargs.pop("help_text", "")
        kwargs["help_text"] = f"{help_text} {_range_help(not_after_today)}".strip()
        super().__init__(*args, **kwargs)
