"""A nested object that may be null, declared so that OpenAPI 3.0 readers agree on it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


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
