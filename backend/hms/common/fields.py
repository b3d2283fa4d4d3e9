"""Schema-aware fields: a nested object that may be null, and answers shaped by the caller."""

from __future__ import annotations

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
