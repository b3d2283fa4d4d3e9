"""Serialise list rows without DRF's per-field machinery, to exactly the same output.

DRF's `Serializer.to_representation` walks every field of every row through `get_attribute`
(dotted sources, try/except, a primary-key stand-in object for each relation) and the field's
`to_representation`, even where the model already holds the JSON value (an id, a string, a
choice). On a 25-row page with a dozen fields that is most of the time the answer costs
beyond its SQL. `FastRowsMixin` compiles, once per serializer class, one plain step per
field: read the attribute (the foreign key's column for a related id), and convert only what
needs converting (dates, times, decimals, nested serializers, method fields); everything else
goes through DRF's own path. The output, and so the schema, is unchanged: a test compares both
paths field by field.

A decimal the database already holds at the field's places (a money column) is answered as
its plain digits, which is what DRF's quantize-then-format gives for it; any other takes DRF's
own path. A date-time is answered as DRF answers it (ISO 8601 in the current time zone, `Z` for
UTC) but with the current time zone looked up once per serializer, that is once per page,
rather than once per value: the lookup (a context-local read) costs more than the conversion
itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from decimal import Decimal
from operator import attrgetter
from typing import Any

from django.conf import settings
from django.utils import timezone
from rest_framework import ISO_8601, relations, serializers
from rest_framework import fields as drf_fields
from rest_framework.settings import api_settings

# One field's step: (the serializer at hand, the row) -> the field's value in the answer.
_Read = Callable[[Any, Any], Any]

# Fields (exactly these classes) whose to_representation gives back the value the model
# already holds (an int id, a str, a choice's str value).
_AS_STORED = (drf_fields.IntegerField, drf_fields.CharField, drf_fields.ChoiceField)
# Fields whose conversion is needed and cheap to call directly.
_CONVERTED = (drf_fields.DateTimeField, drf_fields.DateField, drf_fields.DecimalField)
# A field DRF would leave out of the row (SkipField).
_SKIP = object()


def _read(
    attrs: list[str], fallback: Callable[[Any], Any], convert: Callable[[Any], Any] | None
) -> Callable[[Any], Any]:
    """Follow `attrs` from the row; a None on the way, or a callable, takes DRF's own path."""

    def step(instance: Any) -> Any:
        value = instance
        for attr in attrs:
            value = getattr(value, attr)
            if value is None:
                return fallback(instance)
        if callable(value):
            return fallback(instance)
        return value if convert is None else convert(value)

    return step


def _follows_drf_datetime(field: drf_fields.Field) -> bool:
    """The field converts as DRF's DateTimeField does, in the current time zone."""
    base = drf_fields.DateTimeField
    if not isinstance(field, base):
        return False
    kind = type(field)
    return (
        kind.to_representation is base.to_representation
        and kind.enforce_timezone is base.enforce_timezone
        and kind.default_timezone is base.default_timezone
        and not hasattr(field, "timezone")
        and (not hasattr(field, "format") or field.format == ISO_8601)
    )


# The attribute of a serializer instance holding the time zone its rows are answered in.
_ZONE = "_fast_rows_time_zone"


def _page_zone(current: Any) -> tzinfo:
    zone: tzinfo | None = current.__dict__.get(_ZONE)
    if zone is None:
        zone = timezone.get_current_timezone()
        current.__dict__[_ZONE] = zone
    return zone


def _datetime(attrs: list[str], field: drf_fields.Field, generic: Callable[[Any], Any]) -> _Read:
    """DateTimeField.to_representation for an aware datetime, ISO 8601 in the current zone.

    Anything else (no time zone support, another format, a naive value, a value past the
    zone's range) takes DRF's own path.
    """
    explicit = hasattr(field, "format")

    def step(current: Any, instance: Any) -> Any:
        value = instance
        for attr in attrs:
            value = getattr(value, attr)
            if value is None:
                return generic(instance)
        if (
            type(value) is not datetime
            or value.utcoffset() is None
            or not settings.USE_TZ
            or not (explicit or api_settings.DATETIME_FORMAT == ISO_8601)
        ):
            return generic(instance)
        try:
            text = value.astimezone(_page_zone(current)).isoformat()
        except OverflowError:
            return generic(instance)
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return step


def _follows_drf_decimal(field: drf_fields.Field) -> bool:
    """The field converts as DRF's DecimalField does: a string, quantized, not localized."""
    base = drf_fields.DecimalField
    if not isinstance(field, base):
        return False
    kind: Any = type(field)
    return (
        kind.to_representation is base.to_representation
        and kind.quantize is base.quantize
        and field.decimal_places is not None
        and field.max_digits is not None
        and not field.normalize_output
        and not field.localize
        and getattr(field, "coerce_to_string", True) is True
    )


def _decimal(field: drf_fields.DecimalField) -> Callable[[Any], Any]:
    """DecimalField.to_representation for a Decimal already at the field's places.

    Quantizing such a value to the same places changes nothing (no rounding, and no more
    digits than the field's precision when it has at most `max_digits`), so its answer is its
    plain digits. Anything else takes DRF's own path.
    """
    places = -int(field.decimal_places or 0)
    digits = int(field.max_digits or 0)

    def convert(value: Any) -> Any:
        if type(value) is Decimal and api_settings.COERCE_DECIMAL_TO_STRING is True:
            _sign, figures, exponent = value.as_tuple()
            if exponent == places and len(figures) <= digits:
                return f"{value:f}"
        return field.to_representation(value)

    return convert


def _generic(field: drf_fields.Field) -> Callable[[Any], Any]:
    """DRF's own steps for one field (as Serializer.to_representation takes them)."""

    def step(instance: Any) -> Any:
        try:
            attribute = field.get_attribute(instance)
        except drf_fields.SkipField:
            return _SKIP
        check = attribute.pk if isinstance(attribute, relations.PKOnlyObject) else attribute
        return None if check is None else field.to_representation(attribute)

    return step


def _step(serializer: serializers.Serializer[Any], field: drf_fields.Field) -> _Read:
    if isinstance(field, drf_fields.SerializerMethodField):
        name = field.method_name
        # Looked up on the serializer at hand, so a method may read that serializer's context.
        return lambda current, instance: getattr(current, name)(instance)
    generic = _generic(field)
    attrs = list(field.source_attrs)
    if field.source == "*" or not attrs:
        return _ignoring_serializer(generic)
    if isinstance(field, relations.PrimaryKeyRelatedField):
        model = getattr(getattr(serializer, "Meta", None), "model", None)
        if model is None or len(attrs) != 1:
            return _ignoring_serializer(generic)
        try:
            column = model._meta.get_field(attrs[0]).attname
        except Exception:  # noqa: BLE001 - not a model field: DRF's own path
            return _ignoring_serializer(generic)
        return _ignoring_serializer(attrgetter(column))
    kind = type(field)
    if kind in _AS_STORED:
        # The stored value is the answer (an int id, a str, a choice's value).
        convert = int if kind is drf_fields.IntegerField else None
        return _ignoring_serializer(_read(attrs, generic, convert))
    if _follows_drf_decimal(field):
        return _ignoring_serializer(_read(attrs, generic, _decimal(field)))  # type: ignore[arg-type]
    if _follows_drf_datetime(field):
        return _datetime(attrs, field, generic)
    if isinstance(field, _CONVERTED):
        return _ignoring_serializer(_read(attrs, generic, field.to_representation))
    return _ignoring_serializer(generic)


def _ignoring_serializer(step: Callable[[Any], Any]) -> _Read:
    return lambda current, instance: step(instance)


class FastRowsMixin(serializers.Serializer):
    """Compile each readable field once per class; serialise rows with those steps.

    The steps are built from the first instance's fields and shared by every later instance of
    the same class (building a ModelSerializer's fields is itself a cost per page): a field
    whose answer depends on the serializer's context must be a method field, which is looked
    up on each instance.
    """

    @classmethod
    def _compiled_steps(cls, serializer: FastRowsMixin) -> list[tuple[str, _Read]]:
        steps: list[tuple[str, _Read]] | None = cls.__dict__.get("_row_steps")
        if steps is None:
            steps = [
                (str(field.field_name), _step(serializer, field))
                for field in serializer._readable_fields
            ]
            cls._row_steps = steps  # type: ignore[attr-defined]
        return steps

    def to_representation(self, instance: Any) -> dict[str, Any]:
        row = {name: step(self, instance) for name, step in self._compiled_steps(self)}
        if _SKIP in row.values():
            return {name: value for name, value in row.items() if value is not _SKIP}
        return row
