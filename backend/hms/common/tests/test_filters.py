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
