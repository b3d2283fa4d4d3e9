"""How documents the API renders (invoice, receipt and statement PDFs) show values to people.

Money is shown exactly as the web app shows it (`frontend/src/lib/format.ts`): the currency's
symbol, thousands grouped with commas, two decimals ("₹3,350.00", "-₹50.00"); a currency
without a symbol in the table shows its code ("CHF 3,350.00").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# The same table as the web app's CURRENCY_SYMBOLS.
CURRENCY_SYMBOLS: dict[str, str] = {
    "INR": "₹",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "¥",
    "AED": "AED ",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "CA$",
    "ZAR": "R",
    "KES": "KSh ",
    "NGN": "₦",
    "BDT": "৳",
    "PKR": "Rs ",
    "LKR": "Rs ",
    "NPR": "Rs ",
}

CENT = Decimal("0.01")


def format_money(value: Decimal, currency: str) -> str:
    """Return `value` in `currency` as people read it, e.g. "₹3,350.00"."""
    amount = value.quantize(CENT, rounding=ROUND_HALF_UP)
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    sign = "-" if amount < 0 else ""
    return f"{sign}{symbol}{abs(amount):,.2f}"
