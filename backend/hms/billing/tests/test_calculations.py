from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hms.billing.calculations import (
    AmountOutOfRange,
    Charges,
    billable_days,
    invoice_amounts,
    invoice_total,
    money,
    room_charge,
)

D = Decimal


@pytest.mark.parametrize(
    ("admitted", "discharged", "rate", "fee", "medicine", "other", "days", "room", "total"),
    [
        # The worked example of the invoice rules: 4 days x 500 + 1000 + 250 + 100.
        (date(2024, 1, 1), date(2024, 1, 5), "500", "1000", "250", "100", 4, "2000.00", "3350.00"),
        # A same-day stay bills one day.
        (date(2024, 1, 1), date(2024, 1, 1), "500", "0", "0", "0", 1, "500.00", "500.00"),
        # The next day is also one day.
        (date(2024, 1, 1), date(2024, 1, 2), "500", "0", "0", "0", 1, "500.00", "500.00"),
        # Across a leap day and a year end.
        (date(2024, 2, 28), date(2024, 3, 1), "1", "0", "0", "0", 2, "2.00", "2.00"),
        (date(2025, 12, 30), date(2026, 1, 2), "0.01", "0.01", "0.01", "0.01", 3, "0.03", "0.06"),
        # Cents that binary floats get wrong: 0.1 + 0.2 is 0.30 exactly.
        (date(2024, 1, 1), date(2024, 1, 2), "0.10", "0.20", "0", "0", 1, "0.10", "0.30"),
        (date(2024, 1, 1), date(2024, 1, 4), "333.33", "0.01", "0", "0", 3, "999.99", "1000.00"),
        # Everything free is still a valid bill.
        (date(2024, 1, 1), date(2024, 1, 3), "0", "0", "0", "0", 2, "0.00", "0.00"),
        # The largest daily rate for a long stay fits the computed columns.
        (
            date(2024, 1, 1),
            date(2024, 12, 31),
            "99999999.99",
            "99999999.99",
            "99999999.99",
            "99999999.99",
            365,
            "36499999996.35",
            "36799999996.32",
        ),
    ],
)
def test_invoice_amounts_table(admitted, discharged, rate, fee, medicine, other, days, room, total):
    amounts = invoice_amounts(
        admitted_on=admitted,
        discharged_on=discharged,
        charges=Charges(
            room_charge_per_day=D(rate),
            doctor_fee=D(fee),
            medicine_cost=D(medicine),
            other_charge=D(other),
        ),
    )

    assert amounts.days == days
    assert str(amounts.room_charge) == room
    assert str(amounts.total) == total
    assert str(amounts.room_charge_per_day) == str(D(rate).quantize(D("0.01")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2.675", "2.68"),  # half up at the cent (a float would give 2.67)
        ("0.005", "0.01"),
        ("0.004", "0.00"),
        ("1.994999", "1.99"),
        ("1.995", "2.00"),
        ("7", "7.00"),
        ("99999999.99", "99999999.99"),
        ("-0", "0.00"),  # negative zero is zero, never "-0.00"
    ],
)
def test_money_rounds_half_up_to_two_places(value, expected):
    assert str(money(D(value))) == expected


@pytest.mark.parametrize(
    "value", ["-0.01", "-0.004", "-5", "NaN", "Infinity", "-Infinity", "100000000.00"]
)
def test_money_refuses_negative_non_finite_and_too_large(value):
    with pytest.raises(AmountOutOfRange):
        money(D(value))


def test_discharge_before_admission_is_refused():
    with pytest.raises(ValueError, match="before the admission date"):
        billable_days(admitted_on=date(2024, 1, 5), discharged_on=date(2024, 1, 4))


def test_a_room_charge_beyond_the_invoice_columns_is_refused():
    with pytest.raises(AmountOutOfRange):
        room_charge(days=100_000, room_charge_per_day=D("99999999.99"))


amounts = st.decimals(min_value=0, max_value=D("99999999.99"), places=2, allow_nan=False)


# No example database: the repository stays clean and every run draws fresh examples.
@settings(database=None, max_examples=300)
@given(
    admitted=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    stay=st.integers(min_value=0, max_value=3650),
    rate=amounts,
    fee=amounts,
    medicine=amounts,
    other=amounts,
)
def test_total_always_equals_the_sum_of_its_lines(admitted, stay, rate, fee, medicine, other):
    result = invoice_amounts(
        admitted_on=admitted,
        discharged_on=admitted + timedelta(days=stay),
        charges=Charges(
            room_charge_per_day=rate, doctor_fee=fee, medicine_cost=medicine, other_charge=other
        ),
    )

    assert result.days == max(1, stay)
    assert result.room_charge == rate * result.days
    assert result.total == result.room_charge + fee + medicine + other
    assert result.total == invoice_total(
        room_charge=result.room_charge, doctor_fee=fee, medicine_cost=medicine, other_charge=other
    )
    for value in (result.room_charge, result.doctor_fee, result.medicine_cost, result.total):
        assert value.as_tuple().exponent == -2
        assert value >= 0
