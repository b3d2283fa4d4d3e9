"""The money rules, on the real database: balances, states, numbers, PDFs, immutability."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import DatabaseError, transaction

from hms.admissions.tests.factories import AdmissionFactory
from hms.audit.models import AuditEvent
from hms.billing.models import Invoice
from hms.payments.errors import (
    AdmissionNotOpen,
    AlreadyRebilled,
    AmountOverBalance,
    InvoiceHasPayments,
    InvoiceNotVoid,
    InvoiceVoid,
    RefundOverPaid,
)
from hms.payments.models import (
    CreditNote,
    InvoiceAccount,
    LedgerNumberCounter,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentState,
    Refund,
)
from hms.payments.services import (
    advance_available,
    advance_record,
    discharge_with_advances,
    invoice_rebill,
    invoice_void,
    payment_record,
    refund_record,
)
from hms.payments.tests.world import CHARGES, DISCHARGED_AT, discharged, pdf_text

pytestmark = pytest.mark.django_db

AT = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)


@pytest.fixture
def doctor(make_doctor):
    return make_doctor(user__first_name="Anita", user__last_name="Desai")


@pytest.fixture
def patient(make_patient):
    return make_patient(user__first_name="Priya", user__last_name="Menon")


@pytest.fixture
def invoice(admin_user, patient, doctor):
    return discharged(admin=admin_user, patient=patient, doctor=doctor)


def pay(actor, invoice, amount, method=PaymentMethod.CASH, at=AT):
    return payment_record(
        actor=actor, invoice=invoice, amount=Decimal(amount), method=method, reference="", at=at
    )


def account(invoice):
    row = InvoiceAccount.objects.get(invoice=invoice)
    return (row.payment_state, row.balance, row.paid, row.refunded)


def test_an_issued_invoice_opens_unpaid_with_its_total_due(invoice):
    assert invoice.total == Decimal("3350.00")
    assert account(invoice) == (PaymentState.UNPAID, Decimal("3350.00"), 0, 0)


def test_part_payment_then_the_rest_pays_the_invoice(admin_user, invoice):
    first = pay(admin_user, invoice, "1000.00")
    assert account(invoice) == (PaymentState.PART_PAID, Decimal("2350.00"), 1000, 0)
    second = pay(admin_user, invoice, "2350.00", method=PaymentMethod.UPI)

    assert account(invoice) == (PaymentState.PAID, Decimal("0.00"), 3350, 0)
    assert (first.number, second.number) == ("RCPT-2026-000001", "RCPT-2026-000002")
    assert (second.kind, second.method, second.admission_id) == (
        PaymentKind.PAYMENT,
        PaymentMethod.UPI,
        invoice.admission_id,
    )


def test_a_payment_over_the_balance_records_nothing(admin_user, invoice):
    pay(admin_user, invoice, "3000.00")

    with pytest.raises(AmountOverBalance):
        pay(admin_user, invoice, "350.01")

    assert Payment.objects.count() == 1
    assert account(invoice) == (PaymentState.PART_PAID, Decimal("350.00"), 3000, 0)
    assert LedgerNumberCounter.objects.get(series="RCPT").last_value == 1


def test_the_receipt_pdf_names_patient_hospital_and_amounts(admin_user, invoice, settings):
    receipt = pay(admin_user, invoice, "1000.00")

    text = pdf_text(receipt.pdf)
    assert receipt.pdf_sha256 == hashlib.sha256(bytes(receipt.pdf)).hexdigest()
    for value in [
        "ReceiptRCPT-2026-000001",
        settings.HMS_HOSPITAL_NAME,
        settings.HMS_HOSPITAL_ADDRESS,
        "PriyaMenon",
        f"Patientid{invoice.patient_id}",
        invoice.number,
        "₹1,000.00",
        "MethodCASH",
        "Balanceafterthispayment₹2,350.00",
        "2026-11-2611:30",
    ]:
        assert value.replace(" ", "") in text, value


def test_ledger_rows_are_immutable_in_the_database(admin_user, invoice):
    receipt = pay(admin_user, invoice, "10.00")

    with pytest.raises(DatabaseError), transaction.atomic():
        Payment.objects.filter(pk=receipt.pk).update(amount=Decimal("1.00"))
    receipt.refresh_from_db()
    assert receipt.amount == Decimal("10.00")


def test_a_refund_references_the_payment_and_raises_the_balance(admin_user, invoice):
    payment = pay(admin_user, invoice, "3350.00")

    refund = refund_record(
        actor=admin_user, payment=payment, amount=Decimal("350.00"), reason="Overcharged", at=AT
    )

    assert (refund.number, refund.payment_id, refund.invoice_id) == (
        "RFD-2026-000001",
        payment.pk,
        invoice.pk,
    )
    assert account(invoice) == (PaymentState.PART_PAID, Decimal("350.00"), 3350, 350)
    text = pdf_text(refund.pdf)
    assert "RefundRFD-2026-000001" in text and payment.number in text and "Overcharged" in text
    with pytest.raises(RefundOverPaid):
        refund_record(
            actor=admin_user, payment=payment, amount=Decimal("3000.01"), reason="x", at=AT
        )
    assert Refund.objects.count() == 1


def test_void_needs_nothing_paid_and_issues_a_credit_note(admin_user, invoice):
    payment = pay(admin_user, invoice, "100.00")
    with pytest.raises(InvoiceHasPayments):
        invoice_void(actor=admin_user, invoice=invoice, reason="Wrong rate", at=AT)
    refund_record(actor=admin_user, payment=payment, amount=Decimal("100.00"), reason="r", at=AT)

    credit_note = invoice_void(actor=admin_user, invoice=invoice, reason="Wrong rate", at=AT)

    assert (credit_note.number, credit_note.amount, credit_note.reason) == (
        "CN-2026-000001",
        Decimal("3350.00"),
        "Wrong rate",
    )
    assert account(invoice) == (PaymentState.VOID, Decimal("0.00"), 100, 100)
    text = pdf_text(credit_note.pdf)
    assert "CreditnoteCN-2026-000001" in text and invoice.number in text
    assert credit_note.pdf_sha256 == hashlib.sha256(bytes(credit_note.pdf)).hexdigest()
    with pytest.raises(InvoiceVoid):
        pay(admin_user, invoice, "1.00")
    with pytest.raises(InvoiceVoid):
        invoice_void(actor=admin_user, invoice=invoice, reason="again", at=AT)
    assert CreditNote.objects.count() == 1


def test_rebilling_a_voided_stay_issues_a_corrected_invoice(admin_user, invoice):
    with pytest.raises(InvoiceNotVoid):
        invoice_rebill(actor=admin_user, invoice=invoice, charges=CHARGES, at=AT)
    invoice_void(actor=admin_user, invoice=invoice, reason="Wrong rate", at=AT)
    cheaper = CHARGES.__class__(**{**CHARGES.__dict__, "room_charge_per_day": Decimal("400.00")})

    corrected = invoice_rebill(actor=admin_user, invoice=invoice, charges=cheaper, at=AT)

    assert (corrected.replaces_id, corrected.admission_id, corrected.total) == (
        invoice.pk,
        invoice.admission_id,
        Decimal("2950.00"),
    )
    assert corrected.number == "INV-2026-000002"
    assert account(corrected) == (PaymentState.UNPAID, Decimal("2950.00"), 0, 0)
    assert f"Correctsvoidedinvoice{invoice.number}" in pdf_text(corrected.pdf)
    with pytest.raises(AlreadyRebilled):
        invoice_rebill(actor=admin_user, invoice=invoice, charges=cheaper, at=AT)
    assert Invoice.objects.count() == 2


def test_advances_are_applied_at_discharge_and_shown_on_the_invoice(admin_user, patient, doctor):
    admission = AdmissionFactory(patient=patient, doctor=doctor, admitted_on=date(2026, 11, 20))
    advance = advance_record(
        actor=admin_user,
        admission=admission,
        amount=Decimal("1000.00"),
        method=PaymentMethod.CARD,
        reference="slip 42",
        at=AT,
    )
    assert (advance.kind, advance.invoice_id, advance.number) == (
        PaymentKind.ADVANCE,
        None,
        "RCPT-2026-000001",
    )

    invoice = discharge_with_advances(
        actor=admin_user, admission=admission, charges=CHARGES, at=DISCHARGED_AT
    )

    assert (invoice.total, invoice.advance_applied) == (Decimal("3350.00"), Decimal("1000.00"))
    assert account(invoice) == (PaymentState.PART_PAID, Decimal("2350.00"), 1000, 0)
    text = pdf_text(invoice.pdf)
    assert "Lessadvancepaidduringthestay₹1,000.00" in text
    assert "Amountdue₹2,350.00" in text
    with pytest.raises(AdmissionNotOpen):
        advance_record(
            actor=admin_user,
            admission=admission,
            amount=Decimal("1.00"),
            method=PaymentMethod.CASH,
            reference="",
            at=AT,
        )


def test_an_advance_over_the_total_leaves_the_rest_refundable(admin_user, patient, doctor):
    admission = AdmissionFactory(patient=patient, doctor=doctor, admitted_on=date(2026, 11, 20))
    advance = advance_record(
        actor=admin_user,
        admission=admission,
        amount=Decimal("4000.00"),
        method=PaymentMethod.CASH,
        reference="",
        at=AT,
    )
    invoice = discharge_with_advances(
        actor=admin_user, admission=admission, charges=CHARGES, at=DISCHARGED_AT
    )
    assert account(invoice) == (PaymentState.PAID, Decimal("0.00"), 3350, 0)
    assert advance_available(admission=admission) == Decimal("650.00")

    with pytest.raises(RefundOverPaid):
        refund_record(
            actor=admin_user, payment=advance, amount=Decimal("650.01"), reason="r", at=AT
        )
    refund_record(actor=admin_user, payment=advance, amount=Decimal("650.00"), reason="r", at=AT)

    assert advance_available(admission=admission) == Decimal("0.00")
    assert account(invoice) == (PaymentState.PAID, Decimal("0.00"), 3350, 0)


def test_a_void_returns_the_advance_to_the_stay_for_the_corrected_invoice(
    admin_user, patient, doctor
):
    admission = AdmissionFactory(patient=patient, doctor=doctor, admitted_on=date(2026, 11, 20))
    advance_record(
        actor=admin_user,
        admission=admission,
        amount=Decimal("500.00"),
        method=PaymentMethod.CASH,
        reference="",
        at=AT,
    )
    invoice = discharge_with_advances(
        actor=admin_user, admission=admission, charges=CHARGES, at=DISCHARGED_AT
    )
    invoice_void(actor=admin_user, invoice=invoice, reason="Wrong fee", at=AT)
    assert advance_available(admission=admission) == Decimal("500.00")

    corrected = invoice_rebill(actor=admin_user, invoice=invoice, charges=CHARGES, at=AT)

    assert corrected.advance_applied == Decimal("500.00")
    assert account(corrected) == (PaymentState.PART_PAID, Decimal("2850.00"), 500, 0)
    assert list(
        AuditEvent.objects.filter(action__startswith="invoice.")
        .values_list("action", flat=True)
        .order_by("pk")
    ) == ["invoice.issue", "invoice.void", "invoice.issue"]
