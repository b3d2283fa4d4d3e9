"""Lists' query filters: django-filter FilterSets applied by the selectors, described once.

A selector runs `filter_rows(SomeFilterSet, query_params, queryset)`: invalid values raise
ValidationFailed (400 VALIDATION_ERROR, one message list per parameter). The view describes the
same FilterSet in the schema with `filterset_parameters(SomeFilterSet)`, so the parameters,
their types, choices and limits have one source.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import django_filters
from django import forms
from django.db.models import Model, QuerySet
from drf_spectacular.utils import OpenApiParameter

from hms.common.errors import ValidationFailed

M = TypeVar("M", bound=Model)


# The largest id an AutoField holds; larger values are refused (400), not sent to the database.
MAX_ID = 2**31 - 1


class IntegerFilter(django_filters.NumberFilter):
    """A whole number up to MAX_ID (an id); `1.5`, `abc` and larger numbers are refused."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


def filter_rows(
    filterset_class: type[django_filters.FilterSet],
    data: Mapping[str, Any],
    queryset: QuerySet[M],
) -> QuerySet[M]:
    """Apply a FilterSet to `queryset`. Raises ValidationFailed for an invalid parameter."""
    filterset = filterset_class(data=data, queryset=queryset)
    if not filterset.is_valid():
        raise ValidationFailed(
            fields={
                name: [str(message) for message in errors]
                for name, errors in filterset.errors.items()
            }
        )
    return filterset.qs


def _schema(filter_: django_filters.Filter) -> dict[str, Any]:
    extra = filter_.extra
    if isinstance(filter_, django_filters.ChoiceFilter):
        return {"type": "string", "enum": [str(value) for value, _ in extra["choices"]]}
    if isinstance(filter_, django_filters.DateFilter):
        return {"type": "string", "format": "date"}
    if isinstance(filter_, IntegerFilter):
        schema: dict[str, Any] = {"type": "integer"}
        if "min_value" in extra:
            schema["minimum"] = extra["min_value"]
        schema["maximum"] = extra["max_value"]
        return schema
    if isinstance(filter_, django_filters.DateFilter):
        return {"type": "string", "format": "date"}
    if isinstance(filter_, django_filters.BooleanFilter):
        return {"type": "boolean"}
    schema = {"type": "string"}
    if "max_length" in extra:
        schema["maxLength"] = extra["max_length"]
    return schema


def filterset_parameters(filterset_class: type[django_filters.FilterSet]) -> list[OpenApiParameter]:
    """Describe a FilterSet's filters as OpenAPI query parameters (for `@extend_schema`)."""
    parameters = []
    for name, filter_ in filterset_class.base_filters.items():
        parameters.append(
            OpenApiParameter(
                name=name,
                type=_schema(filter_),
                location=OpenApiParameter.QUERY,
                required=False,
                description=str(filter_.extra.get("help_text", "")),
            )
        )
    return parameters


def ordered_range_form(start: str, end: str) -> type[forms.Form]:
    """Return a FilterSet form (`Meta.form`) that refuses an `end` date before the `start` one.

    The message goes on `end`: "Must not be before <start>."
    """

    class OrderedRangeForm(forms.Form):
        def clean(self) -> dict[str, Any]:
            cleaned = super().clean() or {}
            first, last = cleaned.get(start), cleaned.get(end)
            if first is not None and last is not None and last < first:
                self.add_error(end, f"Must not be before {start}.")
            return cleaned

    return OrderedRangeForm


class _BooleanField(forms.Field):
    # The spellings DRF's BooleanField accepts; anything else is refused, not ignored.
    TRUE_VALUES = frozenset({"t", "y", "yes", "true", "on", "1"})
    FALSE_VALUES = frozenset({"f", "n", "no", "false", "off", "0"})
    default_error_messages = {"invalid": "Must be a valid boolean."}

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in self.TRUE_VALUES:
            return True
        if text in self.FALSE_VALUES:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class BooleanFilter(django_filters.BooleanFilter):
    """`true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`); any other value is a 400."""

    field_class = _BooleanField
