"""FilterSet helpers: parameter types in the schema, and date ranges that must be in order."""

from __future__ import annotations

import django_filters
import pytest
from django.utils import timezone

from hms.accounts.models import User
from hms.common.errors import ValidationFailed
from hms.common.filters import filter_rows, filterset_parameters, ordered_range_form

pytestmark = pytest.mark.django_db


class DatedFilterSet(django_filters.FilterSet):
    since = django_filters.DateFilter(field_name="date_joined", lookup_expr="date__gte")
    until = django_filters.DateFilter(field_name="date_joined", lookup_expr="date__lte")
    everything = django_filters.BooleanFilter(method=lambda queryset, name, value: queryset)

    class Meta:
        form = ordered_range_form("since", "until")


def test_dates_and_booleans_keep_their_types_in_the_schema():
    assert [(p.name, p.type) for p in filterset_parameters(DatedFilterSet)] == [
        ("since", {"type": "string", "format": "date"}),
        ("until", {"type": "string", "format": "date"}),
        ("everything", {"type": "boolean"}),
    ]


def test_a_range_ending_before_it_starts_is_refused_on_its_end(admin_user):
    with pytest.raises(ValidationFailed) as raised:
        filter_rows(DatedFilterSet, {"since": "2026-11-30", "until": "2026-11-29"}, User.objects)

    assert raised.value.fields == {"until": ["Must not be before since."]}


def test_a_one_day_range_is_accepted(admin_user):
    # The `__date` lookup reads the date in the current time zone.
    day = timezone.localdate(admin_user.date_joined).isoformat()

    rows = filter_rows(DatedFilterSet, {"since": day, "until": day}, User.objects.all())

    assert list(rows) == [admin_user]
