"""Field validators shared by every person form."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.validators import UnicodeUsernameValidator
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

_MOBILE_ALLOWED = re.compile(r"^\+?[0-9 ()-]+$")
# The same rule as one pattern, for the schema: an optional +, then 7 to 15 digits with spaces,
# dashes and brackets between them.
MOBILE_PATTERN = r"^\+?(?:[ ()-]*[0-9]){7,15}[ ()-]*$"


def normalize_mobile(value: str) -> str:
    """Accept digits with spaces, dashes and brackets and an optional leading +; store compactly.

    A mobile number has 7 to 15 digits (ITU E.164 allows at most 15).
    """
    value = value.strip()
    if not _MOBILE_ALLOWED.match(value):
        raise serializers.ValidationError(
            "Enter a phone number using digits, spaces or dashes, optionally starting with +."
        )
    digits = re.sub(r"[^0-9]", "", value)
    if not 7 <= len(digits) <= 15:
        raise serializers.ValidationError("A phone number has between 7 and 15 digits.")
    return ("+" if value.startswith("+") else "") + digits


class MobileField(serializers.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        return normalize_mobile(super().to_internal_value(data))


class MobileFieldSchema(OpenApiSerializerFieldExtension):
    target_class = MobileField

    def map_serializer_field(self, auto_schema: AutoSchema, direction: Any) -> dict[str, Any]:
        return {"type": "string", "maxLength": self.target.max_length, "pattern": MOBILE_PATTERN}


class UsernameField(serializers.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 150)
        kwargs.setdefault("min_length", 3)
        kwargs.setdefault("validators", [UnicodeUsernameValidator()])
        kwargs.setdefault(
            "help_text", "3-150 characters: letters, digits and @/./+/-/_ ; case-insensitive."
        )
        super().__init__(**kwargs)


# The longest e-mail address a mailbox can have (RFC 5321 path limit); the column matches.
EMAIL_MAX_LENGTH = 254


class EmailAddressField(serializers.EmailField):
    """An e-mail address no longer than the column that stores it."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(**kwargs)
