"""Invoices: drafting the bill of a discharge, issuing it with a number and a PDF, downloads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hms.accounts.models import User
from hms.audit.services import audit_record
from hms.billing.calculations import AmountOutOfRange, Charges, invoice_amounts
from hms.billing.models import Invoice, InvoiceNumberCounter
from hms.billing.pdf import invoice_render_pdf
from hms.common.errors import ValidationFailed
from hms.patients.models import Patient

INVOICE_NUMBER_PREFIX = "INV"


@dataclass(frozen=True)
class BilledStay:
    """The stay an invoice bills, as plain values copied at discharge.

    `admission_id` names the stay the invoice belongs to; the names, contact details and
    symptoms are the snapshot the invoice keeps, whatever later edits of the profiles do.
    """

    admission_id: int
    patient: Patient
    patient_name: str
    patient_mobile: str
    patient_address: str
    symptoms: str
    doctor_name: str
    doctor_department: str
    admitted_on: date


def invoice_draft(
    *, actor: User, stay: BilledStay, discharged_on: date, charges: Charges
) -> Invoice:
    """Build, without saving, the invoice that discharging `stay` on `discharged_on` would issue.

    Copies the stay's snapshot and the hospital's currency; number, issue time and PDF are left
    empty. Raises ValidationFailed when the discharge date precedes the admission date or an
    amount is out of range.
    """
    try:
        amounts = invoice_amounts(
            admitted_on=stay.admitted_on, discharged_on=discharged_on, charges=charges
        )
    except AmountOutOfRange as error:
        raise ValidationFailed(
            "The charges add up to more than an invoice can hold.",
            fields={"non_field_errors": [str(error)]},
        ) from error
    except ValueError as error:
        raise ValidationFailed(fields={"discharged_on": [str(error)]}) from error
    return Invoice(
        admission_id=stay.admission_id,
        patient=stay.patient,
        patient_name=stay.patient_name,
        patient_mobile=stay.patient_mobile,
        patient_address=stay.patient_address,
        symptoms=stay.symptoms,
        doctor_name=stay.doctor_name,
        doctor_department=stay.doctor_department,
        admitted_on=stay.admitted_on,
        discharged_on=discharged_on,
        days=amounts.days,
        room_charge_per_day=amounts.room_charge_per_day,
        room_charge=amounts.room_charge,
        doctor_fee=amounts.doctor_fee,
        medicine_cost=amounts.medicine_cost,
        other_charge=amounts.other_charge,
        total=amounts.total,
        currency=settings.HMS_CURRENCY,
        issued_by=actor,
    )


def invoice_apply_advance(*, draft: Invoice, available: Decimal) -> None:
    """Apply up to `available` of the stay's advance payments to an unsaved invoice.

    The invoice records the part it absorbs (at most its total) as `advance_applied`; any rest
    stays with the stay, refundable. Raises ValueError for a saved invoice or a negative amount.
    """
    if draft.pk is not None:
        raise ValueError("An issued invoice is immutable.")
    if available < 0:
        raise ValueError("An advance cannot be negative.")
    draft.advance_applied = min(available, draft.total)


def _invoice_number_take(*, year: int) -> str:
    # Create the year's counter if it is missing (a no-op when another transaction made it),
    # then lock it: concurrent discharges queue here, so each gets the next number exactly once.
    InvoiceNumberCounter.objects.bulk_create(
        [InvoiceNumberCounter(year=year, last_value=0)], ignore_conflicts=True
    )
    counter = InvoiceNumberCounter.objects.select_for_update().get(year=year)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return f"{INVOICE_NUMBER_PREFIX}-{year}-{counter.last_value:06d}"


def invoice_issue(
    *, actor: User, draft: Invoice, at: datetime, replaces: Invoice | None = None
) -> Invoice:
    """Issue a drafted invoice: take its number, render its PDF once, store both.

    Call it inside the discharge transaction, after the admission row is locked. The number is
    `INV-<year>-<6 digits>`, counted per calendar year of the hospital's time zone. A corrected
    invoice names the voided invoice of the same stay it `replaces` (the caller checks the
    void; the database allows each invoice to be replaced once).
    """
    if draft.pk is not None:
        raise ValueError("An issued invoice is immutable.")
    if replaces is not None and replaces.admission_id != draft.admission_id:
        raise ValueError("A corrected invoice replaces an invoice of the same stay.")
    draft.replaces = replaces
    with transaction.atomic():
        year = timezone.localtime(at, timezone.get_default_timezone()).year
        draft.number = _invoice_number_take(year=year)
        draft.issued_at = at
        draft.issued_by = actor
        pdf = invoice_render_pdf(invoice=draft)
        draft.pdf = pdf
        draft.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        draft.save(force_insert=True)
        audit_record(
            actor=actor,
            action="invoice.issue",
            object_type="invoice",
            object_id=draft.pk,
            patient=draft.patient,
            at=at,
        )
    return draft
