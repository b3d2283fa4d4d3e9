"""Field validators shared by every person form."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.validators import RegexValidator
from rest_framework import serializers

_MOBILE_PATTERN = r"^\+?[0-9 ()-]+$"
_MOBILE_ALLOWED = re.compile(_MOBILE_PATTERN)

# The longest e-mail address a mailbox can have (RFC 5321 path limit); the column matches.
EMAIL_MAX_LENGTH = 254


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
    """A phone number: 7 to 20 characters of digits, spaces, dashes and brackets, optional +.

    The pattern and lengths are declared on the field so the schema states them; the number is
    stored compactly (see `normalize_mobile`).
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("min_length", 7)
        kwargs.setdefault(
            "validators", [RegexValidator(_MOBILE_PATTERN, "Enter a valid phone number.")]
        )
        kwargs.setdefault(
            "help_text",
            "7 to 15 digits; spaces, dashes and brackets allowed, optionally starting with +.",
        )
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        return normalize_mobile(super().to_internal_value(data))


class UsernameField(serializers.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 150)
        kwargs.setdefault("min_length", 3)
        kwargs.setdefault("validators", [UnicodeUsernameValidator()])
        kwargs.setdefault(
            "help_text", "3-150 characters: letters, digits and @/./+/-/_ ; case-insensitive."
        )
        super().__init__(**kwargs)


class EmailAddressField(serializers.EmailField):
    """An e-mail address no longer than the column that stores it."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(**kwargs)
