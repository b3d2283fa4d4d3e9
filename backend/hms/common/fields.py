"""Serializer fields shared by the apps, declared so that OpenAPI 3.0 readers agree on them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from drf_spectacular.extensions import OpenApiSerializerExtension, OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hms.common.filters import MAX_ID


class NullableNestedField(serializers.Field):
    """A read-only nested object, or null: `NullableNestedField(DoctorCardSerializer())`.

    drf-spectacular writes `Serializer(allow_null=True)` as `allOf: [$ref], nullable: true`,
    which OpenAPI 3.0 validators (the contract tests among them) read as never
    null, because `nullable` does not apply across a `$ref`. This field is declared as
    `oneOf: [$ref, null]` instead.
    """

    def __init__(self, serializer: serializers.Serializer, **kwargs: Any) -> None:
        self.serializer = serializer
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value: Any) -> Any:
        return self.serializer.to_representation(value)


class NullableNestedFieldSchema(OpenApiSerializerFieldExtension):
    target_class = NullableNestedField

    def map_serializer_field(self, auto_schema: AutoSchema, direction: Any) -> dict[str, Any]:
        component = auto_schema.resolve_serializer(self.target.serializer, direction)
        return {"oneOf": [component.ref, {"enum": [None]}]}


class AnyOfSerializers(serializers.Serializer):
    """Schema only: an answer shaped by one of several serializers, depending on the caller.

    `responses={200: AnyOfSerializers("DoctorForViewer", [DoctorSerializer, DoctorCardSerializer])}`
    becomes a component `anyOf` the serializers' components. `anyOf`, not `oneOf`: a smaller view
    is often a subset of a larger one, so an answer may match more than one shape. The view picks
    the serializer that actually renders the answer.
    """

    def __init__(
        self,
        component_name: str,
        variants: list[type[serializers.Serializer]],
        **kwargs: Any,
    ) -> None:
        self.component_name = component_name
        self.variants = variants
        super().__init__(**kwargs)


class AnyOfSerializersSchema(OpenApiSerializerExtension):
    target_class = AnyOfSerializers

    def get_name(self, auto_schema: AutoSchema, direction: Any) -> str:
        return str(self.target.component_name)

    def map_serializer(self, auto_schema: AutoSchema, direction: Any) -> dict[str, Any]:
        return {
            "anyOf": [
                auto_schema.resolve_serializer(variant, direction).ref
                for variant in self.target.variants
            ],
        }


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class RowIdField(serializers.PrimaryKeyRelatedField):
    """The id of a row, within the range of the column that holds it (1 to 2^31-1).

    A larger number is looked up like any other and found missing (400 on the field); the schema
    says the range, so clients and fuzzers know it.
    """


# What a person writes for an amount: ASCII digits, an optional minus (refused later as below
# zero with its own message) and an optional fraction.
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


class MoneyField(serializers.DecimalField):
    """An amount of money: a decimal string of ASCII digits, at most two places, never negative.

    Strings only: a JSON number may already have lost precision as a binary float. Python's
    Decimal also reads exponents ("1e3"), digits of other scripts ("١٢٣"), surrounding spaces
    and underscores ("1_000"); each is refused here, so the amount stored is the one written.
    """

    default_error_messages = {
        "not_a_string": 'Send the amount as a decimal string, e.g. "500.00".',
        "exponent": 'Write the amount in plain digits, e.g. "1500.00".',
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Decimal:
        if not isinstance(data, str):
            self.fail("not_a_string")
        if not _PLAIN_NUMBER.fullmatch(data):
            try:
                readable = Decimal(data).is_finite()
            except InvalidOperation:
                readable = False
            if readable:
                self.fail("exponent")
        value: Decimal = super().to_internal_value(data)
        return value.quantize(Decimal("0.01"))


class MoneyFieldSchema(OpenApiSerializerFieldExtension):
    target_class = MoneyField

    def map_serializer_field(self, auto_schema: AutoSchema, direction: Any) -> dict[str, Any]:
        field: MoneyField = self.target
        whole = (field.max_digits or 10) - (field.decimal_places or 0)
        places = field.decimal_places or 0
        fraction = rf"(?:\.[0-9]{{1,{places}}})?" if places else ""
        return {
            "type": "string",
            "format": "decimal",
            "pattern": rf"^[0-9]{{1,{whole}}}{fraction}$",
            "example": "1500.00",
        }
