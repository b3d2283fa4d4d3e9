"""Render receipts, refunds, credit notes and invoice statements as PDFs: a leaf that writes
nothing.

Every page goes through the invoice's safe renderer (`hms.billing.pdf.html_render_pdf`): values
are escaped by the template engine and only the bundled invoice assets may be loaded. Each
ledger document names the hospital (name and address), the patient (name and id) and the
invoice or stay it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from hms.billing.models import Invoice
from hms.billing.pdf import html_render_pdf, invoice_context
from hms.common.formatting import format_money


def _when(value: datetime) -> str:
    return timezone.localtime(value, timezone.get_default_timezone()).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class LedgerDocument:
    """One receipt, refund or credit note as its PDF shows it (plain values)."""

    title: str  # "Receipt", "Refund", "Credit note"
    number: str
    at: datetime
    patient_name: str
    patient_id: int
    amount: Decimal
    currency: str
    lines: tuple[tuple[str, str], ...]  # further labelled facts, in order
    note: str


def ledger_document_render_pdf(*, document: LedgerDocument) -> bytes:
    """Render a receipt, refund or credit note as PDF bytes."""
    context: dict[str, Any] = {
        "document": document,
        "hospital_name": settings.HMS_HOSPITAL_NAME,
        "hospital_address": settings.HMS_HOSPITAL_ADDRESS,
        "time_zone": settings.TIME_ZONE,
        "at": _when(document.at),
        "amount": format_money(document.amount, document.currency),
    }
    return html_render_pdf(html=render_to_string("payments/ledger_document.html", context))


@dataclass(frozen=True)
class StatementLine:
    """A ledger row on a statement: date, what, number, amount (signed as it moves the
    balance)."""

    at: datetime
    label: str
    number: str
    amount: Decimal


def statement_render_pdf(
    *,
    invoice: Invoice,
    lines: list[StatementLine],
    balance: Decimal,
    payment_state: str,
    at: datetime,
) -> bytes:
    """Render the invoice as a statement: the issued invoice's page, then its ledger and balance.

    The issued invoice PDF is not touched; this is a separate document rendered on demand.
    """
    context = invoice_context(invoice=invoice)
    context.update(
        statement_at=_when(at),
        statement_lines=[
            {
                "at": _when(line.at),
                "label": line.label,
                "number": line.number,
                "amount": format_money(line.amount, invoice.currency),
            }
            for line in lines
        ],
        balance=format_money(balance, invoice.currency),
        payment_state=payment_state,
    )
    return html_render_pdf(html=render_to_string("payments/statement.html", context))
