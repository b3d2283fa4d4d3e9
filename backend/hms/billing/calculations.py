"""Invoice arithmetic: pure Decimal functions, no database, no clock, no float.

Every amount is a Decimal with exactly two places. Inputs reach these functions already
validated by the API (at most two places, not negative); the functions still refuse negative
and non-finite values and quantize their results, so they are safe to call from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
# The largest amount one charge column holds (Decimal(10, 2)) and the largest computed amount
# (room charge and total, Decimal(14, 2)); anything larger is refused, never truncated.
MAX_CHARGE = Decimal("99999999.99")
MAX_COMPUTED = Decimal("999999999999.99")


class AmountOutOfRange(ValueError):
    """An amount is negative, not a finite number, or larger than the invoice can hold."""


@dataclass(frozen=True)
class Charges:
    """What the admin enters at discharge."""

    room_charge_per_day: Decimal
    doctor_fee: Decimal
    medicine_cost: Decimal
    other_charge: Decimal


@dataclass(frozen=True)
class InvoiceAmounts:
    """Every number printed on an invoice."""

    days: int
    room_charge_per_day: Decimal
    room_charge: Decimal
    doctor_fee: Decimal
    medicine_cost: Decimal
    other_charge: Decimal
    total: Decimal


def money(value: Decimal, *, maximum: Decimal = MAX_CHARGE) -> Decimal:
    """Return `value` with exactly two places, rounding half up to the cent.

    Half up is how a cashier rounds (2.675 becomes 2.68; binary floats would give 2.67).
    Raises AmountOutOfRange for a negative, non-finite or too large value.
    """
    if not value.is_finite():
        raise AmountOutOfRange("An amount must be a finite number.")
    if value < 0:
        raise AmountOutOfRange("An amount cannot be negative.")
    # "-0" is not negative, but it must not print as "-0.00".
    rounded = abs(value).quantize(CENT, rounding=ROUND_HALF_UP)
    if rounded > maximum:
        raise AmountOutOfRange(f"An amount cannot be larger than {maximum}.")
    return rounded


def billable_days(*, admitted_on: date, discharged_on: date) -> int:
    """Count the billable days of a stay: whole days from admission to discharge, at least one.

    A same-day stay bills one day; admitted 2024-01-01 and discharged 2024-01-05 bills four.
    Raises ValueError when the discharge date precedes the admission date.
    """
    if discharged_on < admitted_on:
        raise ValueError("The discharge date cannot be before the admission date.")
    return max(1, (discharged_on - admitted_on).days)


def room_charge(*, days: int, room_charge_per_day: Decimal) -> Decimal:
    """Charge the room: billable days times the daily rate.

    Raises AmountOutOfRange when the product exceeds what an invoice holds.
    """
    return money(Decimal(days) * money(room_charge_per_day), maximum=MAX_COMPUTED)


def invoice_total(
    *, room_charge: Decimal, doctor_fee: Decimal, medicine_cost: Decimal, other_charge: Decimal
) -> Decimal:
    """Add up an invoice: room charge + doctor fee + medicine cost + other charges.

    Nothing else is included (no tax, no discount). Raises AmountOutOfRange on overflow.
    """
    lines = (
        money(room_charge, maximum=MAX_COMPUTED),
        money(doctor_fee),
        money(medicine_cost),
        money(other_charge),
    )
    return money(sum(lines, Decimal("0.00")), maximum=MAX_COMPUTED)


def invoice_amounts(*, admitted_on: date, discharged_on: date, charges: Charges) -> InvoiceAmounts:
    """Compute every line of an invoice from the stay's dates and the discharge charges.

    Raises ValueError when discharge precedes admission and AmountOutOfRange for an amount that
    is negative or too large.
    """
    days = billable_days(admitted_on=admitted_on, discharged_on=discharged_on)
    rate = money(charges.room_charge_per_day)
    room = room_charge(days=days, room_charge_per_day=rate)
    doctor_fee = money(charges.doctor_fee)
    medicine_cost = money(charges.medicine_cost)
    other_charge = money(charges.other_charge)
    return InvoiceAmounts(
        days=days,
        room_charge_per_day=rate,
        room_charge=room,
        doctor_fee=doctor_fee,
        medicine_cost=medicine_cost,
        other_charge=other_charge,
        total=invoice_total(
            room_charge=room,
            doctor_fee=doctor_fee,
            medicine_cost=medicine_cost,
            other_charge=other_charge,
        ),
    )
