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
F = TypeVar("F", bound=django_filters.FilterSet)


# The largest id an AutoField holds; larger values are refused (400), not sent to the database.
MAX_ID = 2**31 - 1


class IntegerFilter(django_filters.NumberFilter):
    """A whole number up to MAX_ID (an id); `1.5`, `abc` and larger numbers are refused."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


# Query parameters that only page through a list: a request with no other parameter filters
# nothing, and its FilterSet's form is valid with the same values every time.
_PAGING_ONLY = frozenset({"page", "page_size"})

# Per FilterSet class: the cleaned values of its form given no parameters at all (None when
# that form is not valid: such a FilterSet always validates its form).
_CLEANED_WHEN_EMPTY: dict[type[django_filters.FilterSet], dict[str, Any] | None] = {}


class _EmptyFiltersForm:
    """Stands in for a FilterSet's form when the request sends no filter: valid, and cleaned to
    what the real form cleans an empty request to (read once per FilterSet class)."""

    errors: dict[str, Any] = {}

    def __init__(self, cleaned_data: dict[str, Any]) -> None:
        self.cleaned_data = dict(cleaned_data)

    def is_valid(self) -> bool:
        return True


def _cleaned_when_empty(
    filterset_class: type[django_filters.FilterSet], queryset: QuerySet[Any]
) -> dict[str, Any] | None:
    if filterset_class not in _CLEANED_WHEN_EMPTY:
        form = filterset_class(data={}, queryset=queryset).form
        _CLEANED_WHEN_EMPTY[filterset_class] = dict(form.cleaned_data) if form.is_valid() else None
    return _CLEANED_WHEN_EMPTY[filterset_class]


def list_shape(
    role: str, data: Mapping[str, Any], *, chosen_by: frozenset[str], besides: str | None = None
) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """The shape of a list request, for a ListTemplate: the viewer's role and the value of each
    parameter in `chosen_by` that the request sends (parameters whose values are a few
    choices: a status, yes or no, an ordering).

    None when the request sends any other parameter but the page, the page size and `besides`
    (one the caller reads itself: a searched text), such as an id or a date (those lists are
    built by the ORM), or a parameter more than once. A value that is not valid is part of
    the shape as sent; building the list rejects it as always.
    """
    names = data.keys() - _PAGING_ONLY - {besides}
    if not names <= chosen_by:
        return None
    items: list[tuple[str, str]] = []
    for name in sorted(names):
        values = data.getlist(name) if hasattr(data, "getlist") else [data[name]]
        if len(values) != 1 or not isinstance(values[0], str) or len(values[0]) > 32:
            return None
        items.append((name, values[0]))
    return role, tuple(items)


def valid_filterset(
    filterset_class: type[F],
    data: Mapping[str, Any],
    queryset: QuerySet[Any],
) -> F:
    """Build a FilterSet over `queryset` and validate it; `.qs` is then the filtered rows.
    Raises ValidationFailed for an invalid parameter.

    A request that sends no parameter but the page and page size (most list requests) skips
    building and validating the form: its cleaned values are those of an empty form, read once
    per FilterSet class, and the FilterSet applies them (defaults and ordering) as always.
    """
    filterset = filterset_class(data=data, queryset=queryset)
    if _PAGING_ONLY.issuperset(data.keys()):
        cleaned = _cleaned_when_empty(filterset_class, queryset)
        if cleaned is not None:
            filterset._form = _EmptyFiltersForm(cleaned)
    if not filterset.is_valid():
        raise ValidationFailed(
            fields={
                name: [str(message) for message in errors]
                for name, errors in filterset.errors.items()
            }
        )
    return filterset


def filter_rows(
    filterset_class: type[django_filters.FilterSet],
    data: Mapping[str, Any],
    queryset: QuerySet[M],
) -> QuerySet[M]:
    """Apply a FilterSet to `queryset` (see valid_filterset). Raises ValidationFailed for an
    invalid parameter."""
    rows: QuerySet[M] = valid_filterset(filterset_class, data, queryset).qs
    return rows


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
