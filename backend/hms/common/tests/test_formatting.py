from decimal import Decimal

import pytest

from hms.common.formatting import format_money


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        (Decimal("3350.00"), "INR", "₹3,350.00"),
        (Decimal("12345678901234567.89"), "INR", "₹12,345,678,901,234,567.89"),
        (Decimal("0.10"), "EUR", "€0.10"),
        (Decimal("3350"), "USD", "$3,350.00"),
        (Decimal("-50.00"), "INR", "-₹50.00"),
        (Decimal("-0.00"), "INR", "₹0.00"),
        (Decimal("1500"), "CHF", "CHF 1,500.00"),
    ],
)
def test_money_is_shown_as_the_web_app_shows_it(value, currency, shown):
    assert format_money(value, currency) == shown
