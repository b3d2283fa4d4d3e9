"""The schema's phone pattern and the server's phone rule accept exactly the same numbers."""

from __future__ import annotations

import re

import pytest
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from hms.common.validators import MOBILE_PATTERN, MobileField, MobileFieldSchema, normalize_mobile

SAMPLES = [
    "+91 98450 11111",
    "9845011111",
    "(080) 2222-3333",
    "1234567",
    "123456",
    "+123456789012345",
    "+1234567890123456",
    "+",
    "()-",
    "98450+11111",
    "98450 11111 ext 2",
    "\u0669\u0668\u0664\u0665\u0660\u0661\u0661\u0661\u0661\u0661",
    "98450_11111",
    "+ 98450 11111",
    "",
]


def server_accepts(value: str) -> bool:
    try:
        normalize_mobile(value)
    except serializers.ValidationError:
        return False
    return True


@pytest.mark.parametrize("value", SAMPLES)
def test_the_pattern_and_the_server_agree(value):
    assert bool(re.fullmatch(MOBILE_PATTERN, value)) is server_accepts(value)


def test_the_schema_carries_the_pattern_and_the_length():
    schema = MobileFieldSchema(MobileField()).map_serializer_field(AutoSchema(), "request")
    assert schema == {"type": "string", "maxLength": 20, "pattern": MOBILE_PATTERN}
