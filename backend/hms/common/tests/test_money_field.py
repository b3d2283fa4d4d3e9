"""Money is written in ASCII digits with at most two places: nothing else is read as an amount."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from hms.common.fields import MoneyField, MoneyFieldSchema

PLAIN_DIGITS = 'Write the amount in plain digits, e.g. "1500.00".'


class _Bill(serializers.Serializer):
    fee = MoneyField()


def errors(value):
    bill = _Bill(data={"fee": value})
    assert not bill.is_valid()
    return bill.errors["fee"]


@pytest.mark.parametrize(
    ("value", "stored"),
    [("0", "0.00"), ("500", "500.00"), ("1500.5", "1500.50"), ("99999999.99", "99999999.99")],
)
def test_plain_amounts_are_stored_with_two_places(value, stored):
    bill = _Bill(data={"fee": value})
    assert bill.is_valid(), bill.errors
    assert bill.validated_data["fee"] == Decimal(stored)
    assert str(bill.validated_data["fee"]) == stored


@pytest.mark.parametrize(
    "value",
    [
        "\u0661\u0662\u0663",  # Arabic-Indic digits
        "\u0967\u0968",  # Devanagari digits
        "\uff11\uff12",  # full-width digits
        " 1 ",
        "1 ",
        "\t100",
        "1_000",
        "+5",
        "1e3",
        "1E+2",
        "1.",
        ".5",
    ],
)
def test_anything_but_ascii_digits_is_refused(value):
    assert errors(value) == [PLAIN_DIGITS]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (10, 'Send the amount as a decimal string, e.g. "500.00".'),
        (10.5, 'Send the amount as a decimal string, e.g. "500.00".'),
        ("ten", "A valid number is required."),
        ("NaN", "A valid number is required."),
        ("Infinity", "A valid number is required."),
        ("-1.00", "Ensure this value is greater than or equal to 0."),
        ("12.345", "Ensure that there are no more than 2 decimal places."),
        ("123456789.00", "Ensure that there are no more than 10 digits in total."),
    ],
)
def test_other_mistakes_keep_their_own_message(value, message):
    assert errors(value) == [message]


def test_the_schema_states_the_ascii_pattern():
    field = MoneyField(max_digits=14)
    schema = MoneyFieldSchema(field).map_serializer_field(AutoSchema(), "request")
    assert schema == {
        "type": "string",
        "format": "decimal",
        "pattern": r"^[0-9]{1,12}(?:\.[0-9]{1,2})?$",
        "example": "1500.00",
    }
    pattern = re.compile(schema["pattern"])
    assert pattern.match("1500.00") and pattern.match("7")
    assert not pattern.match("\u0661") and not pattern.match(" 1") and not pattern.match("-1")
