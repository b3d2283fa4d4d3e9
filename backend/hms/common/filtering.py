"""Filtering a list inside its selector with a django-filter FilterSet.

A list's FilterSet is the one description of its query parameters: the selector validates and
applies it here, and the view names it as `filterset_class` so that the OpenAPI schema lists
the same parameters (drf-spectacular reads FilterSets).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django import forms
from django.db.models import Model, QuerySet
from django_filters import FilterSet, NumberFilter

from hms.common.errors import ValidationFailed

M = TypeVar("M", bound=Model)


class IdFilter(NumberFilter):
    """A row id: a positive whole number (a decimal or a word is a 400, not an empty list)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        super().__init__(*args, **kwargs)


def filterset_apply(
    filterset_class: type[FilterSet],
    *,
    data: Mapping[str, Any],
    queryset: QuerySet[M],
    **options: Any,
) -> QuerySet[M]:
    """Filter `queryset` with `filterset_class` and the query parameters in `data`.

    `options` go to the FilterSet's constructor (e.g. the viewer, for role-dependent defaults).
    Returns the filtered queryset. Raises ValidationFailed, with a message per parameter, when a
    value is not valid.
    """
    filterset = filterset_class(data=data, queryset=queryset, **options)
    if not filterset.is_valid():
        raise ValidationFailed(
            fields={
                "non_field_errors" if name == "__all__" else name: [str(m) for m in messages]
                for name, messages in filterset.errors.items()
            }
        )
    return filterset.qs
