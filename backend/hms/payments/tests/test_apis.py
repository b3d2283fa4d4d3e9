"""The money API: idempotency, bad input, what the patient sees, PDFs, statements, reports."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from django.utils import timezone

from hms.accounts.tests.factories import AdminFactory
from hms.audit.models import AuditEvent, AuditKind
from hms.billing.models import Invoice
from hms.payments.models import Payment
from hms.payments.tests.world import pdf_text, snapshot

pytestmark = pytest.mark.django_db

ZERO = Decimal("0.00")


@pytest.fixture
def admin(world, client_for):
    return client_for(world.admin)


def pay(client, invoice, body, key="key-1"):
    return client.post(
        f"/api/v1/invoices/{invoice.pk}/pay/", body, format="json", HTTP_IDEMPOTENCY_KEY=key
    )


CASH = {"amount": "500.00", "method": "CASH", "reference": "counter 2"}


def test_a_payment_answers_its_receipt(admin, world):
    response = pay(admin, world.others_invoice, CASH)

    assert response.status_code == 201
    payment = Payment.objects.get(pk=response.json()["id"])
    assert response.json() == {
        "id": payment.pk,
        "number": payment.number,
        "kind": "PAYMENT",
        "admission": world.others_invoice.admission_id,
        "invoice": world.others_invoice.pk,
        "patient": world.other_patient.pk,
        "amount": "500.00",
        "refunded": "0.00",
        "currency": "INR",
        "method": "CASH",
        "reference": "counter 2",
        "received_at": response.json()["received_at"],
        "received_by": world.admin.pk,
        "received_by_name": "Hospital Cashier",
        "pdf_sha256": hashlib.sha256(bytes(payment.pdf)).hexdigest(),
    }
    assert payment.number == f"RCPT-{timezone.localdate().year}-000002"
    invoice = admin.get(f"/api/v1/invoices/{world.others_invoice.pk}/").json()
    assert (invoice["payment_state"], invoice["balance"], invoice["amount_paid"]) == (
        "PART_PAID",
        "2850.00",
        "500.00",
    )


def test_a_repeated_key_answers_the_first_result_and_records_once(admin, world):
    first = pay(admin, world.others_invoice, CASH)
    again = pay(admin, world.others_invoice, CASH)

    assert (again.status_code, again.json()) == (first.status_code, first.json())
    assert Payment.objects.filter(invoice=world.others_invoice).count() == 1


def test_a_key_reused_with_another_body_is_refused(admin, world):
    pay(admin, world.others_invoice, CASH)
    before = snapshot()

    response = pay(admin, world.others_invoice, {**CASH, "amount": "600.00"})

    assert (response.status_code, response.json()["code"]) == (409, "IDEMPOTENCY_KEY_REUSED")
    assert snapshot() == before


def test_keys_belong_to_their_user(admin, world, client_for):
    other_admin = client_for(AdminFactory(username="admin.two"))
    pay(admin, world.others_invoice, CASH)

    response = pay(other_admin, world.others_invoice, CASH)

    assert response.status_code == 201
    assert Payment.objects.filter(invoice=world.others_invoice).count() == 2


@pytest.mark.parametrize("key", [None, "", "a" * 256, "has space", "ключ"])
def test_a_money_move_without_a_valid_key_is_refused(admin, world, key):
    before = snapshot()
    extra = {} if key is None else {"HTTP_IDEMPOTENCY_KEY": key}

    response = admin.post(
        f"/api/v1/invoices/{world.others_invoice.pk}/pay/", CASH, format="json", **extra
    )

    assert (response.status_code, response.json()["code"]) == (400, "IDEMPOTENCY_KEY_REQUIRED")
    assert snapshot() == before


@pytest.mark.parametrize(
    ("amount", "status", "code"),
    [
        ("100.001", 400, "VALIDATION_ERROR"),  # more than two places
        ("-5.00", 400, "VALIDATION_ERROR"),
        ("0", 400, "VALIDATION_ERROR"),
        ("0.00", 400, "VALIDATION_ERROR"),
        ("\u0661\u0660\u0660", 400, "VALIDATION_ERROR"),  # Arabic-Indic digits "100"
        ("1e3", 400, "VALIDATION_ERROR"),
        (" 100", 400, "VALIDATION_ERROR"),
        (100, 400, "VALIDATION_ERROR"),  # a JSON number, not a decimal string
        ("99999999999999999999.00", 400, "VALIDATION_ERROR"),  # beyond the column
        ("NaN", 400, "VALIDATION_ERROR"),
        ("3350.01", 409, "AMOUNT_OVER_BALANCE"),  # the balance is 3350.00
    ],
)
def test_bad_amounts_are_coded_refusals_that_record_nothing(admin, world, amount, status, code):
    before = snapshot()

    response = pay(admin, world.others_invoice, {**CASH, "amount": amount})

    assert (response.status_code, response.json()["code"]) == (status, code)
    if status == 400:
        assert list(response.json()["fields"]) == ["amount"]
    assert snapshot() == before


def test_an_unknown_method_is_refused(admin, world):
    before = snapshot()
    response = pay(admin, world.others_invoice, {**CASH, "method": "BITCOIN"})
    assert (response.status_code, list(response.json()["fields"])) == (400, ["method"])
    assert snapshot() == before


def test_the_patient_sees_state_and_balance_of_their_invoices(world, client_for):
    body = client_for(world.patient.user).get("/api/v1/invoices/").json()

    assert [
        (row["id"], row["payment_state"], row["balance"], row["amount_paid"])
        for row in body["results"]
    ] == [(world.invoice.pk, "PART_PAID", "2350.00", "1000.00")]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("PART_PAID", ["invoice"]),
        ("UNPAID", ["others_invoice"]),
        ("VOID", ["others_void"]),
        ("PAID", []),
    ],
)
def test_the_admin_filters_invoices_by_payment_state(admin, world, state, expected):
    body = admin.get(f"/api/v1/invoices/?payment_state={state}").json()

    assert [row["id"] for row in body["results"]] == [getattr(world, n).pk for n in expected]


def test_an_unknown_payment_state_filter_is_a_400(admin, world):
    response = admin.get("/api/v1/invoices/?payment_state=OWED")
    assert (response.status_code, list(response.json()["fields"])) == (400, ["payment_state"])


def test_the_patient_downloads_their_receipt_and_the_download_is_recorded(world, client_for):
    client = client_for(world.patient.user)

    response = client.get(f"/api/v1/payments/{world.payment.pk}/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="receipt-{world.payment.number}.pdf"'
    )
    assert hashlib.sha256(response.content).hexdigest() == world.payment.pdf_sha256
    event = AuditEvent.objects.filter(kind=AuditKind.ACCESS, action="payment.pdf").get()
    assert (event.actor_id, event.patient_ids) == (world.patient.user.pk, [world.patient.pk])


def test_the_statement_shows_payments_and_balance_and_the_invoice_pdf_never_changes(admin, world):
    issued_pdf = bytes(Invoice.objects.get(pk=world.invoice.pk).pdf)
    pay(admin, world.invoice, {**CASH, "amount": "350.00"}, key="second")

    response = admin.get(f"/api/v1/invoices/{world.invoice.pk}/statement/")

    assert response.status_code == 200
    text = pdf_text(response.content)
    receipts = list(
        Payment.objects.filter(invoice=world.invoice)
        .order_by("pk")
        .values_list("number", flat=True)
    )
    assert f"Statementofinvoice{world.invoice.number}" in text
    assert f"{receipts[0]}-₹1,000.00" in text and f"{receipts[1]}-₹350.00" in text
    assert "Balance(PART_PAID)₹2,000.00" in text
    assert bytes(Invoice.objects.get(pk=world.invoice.pk).pdf) == issued_pdf
    assert "Balance" not in pdf_text(issued_pdf)


def test_void_then_rebill_over_the_api(admin, world):
    void = admin.post(
        f"/api/v1/invoices/{world.others_invoice.pk}/void/",
        {"reason": "Wrong room rate"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="void-1",
    )
    assert (void.status_code, void.json()["payment_state"], void.json()["balance"]) == (
        200,
        "VOID",
        "0.00",
    )
    assert void.json()["credit_note"] is not None

    rebill = admin.post(
        f"/api/v1/invoices/{world.others_invoice.pk}/rebill/",
        {
            "discharged_on": "2026-11-24",
            "room_charge_per_day": "400.00",
            "doctor_fee": "1000.00",
            "medicine_cost": "250.00",
            "other_charge": "100.00",
        },
        format="json",
    )

    assert rebill.status_code == 201
    corrected = rebill.json()
    assert (corrected["replaces"], corrected["total"], corrected["payment_state"]) == (
        world.others_invoice.pk,
        "2950.00",
        "UNPAID",
    )
    assert (
        admin.get(f"/api/v1/invoices/{world.others_invoice.pk}/").json()["replaced_by"]
        == (corrected["id"])
    )
    admission = admin.get(f"/api/v1/admissions/{world.others_invoice.admission_id}/").json()
    assert admission["invoice"] == corrected["id"]


def test_an_advance_whose_method_is_not_unicode_is_refused_and_records_nothing(admin, world):
    # The choice would be quoted back in the error: a half of a UTF-16 pair cannot be.
    before = Payment.objects.count()

    response = admin.generic(
        "POST",
        f"/api/v1/admissions/{world.open_admission.pk}/advance/",
        '{"amount": "2000.00", "method": "\\ud800x", "reference": "UTR 1"}',
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="adv-surrogate",
    )

    assert (response.status_code, response.json()["code"]) == (400, "MALFORMED_REQUEST")
    assert Payment.objects.count() == before


def test_an_advance_is_applied_by_the_discharge_api(admin, world):
    advance = admin.post(
        f"/api/v1/admissions/{world.open_admission.pk}/advance/",
        {"amount": "2000.00", "method": "UPI", "reference": "UTR 1"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="adv-1",
    )
    assert (advance.status_code, advance.json()["kind"], advance.json()["invoice"]) == (
        201,
        "ADVANCE",
        None,
    )
    today = timezone.localdate().isoformat()
    body = {
        "discharged_on": today,
        "room_charge_per_day": "500.00",
        "doctor_fee": "1000.00",
        "medicine_cost": "0.00",
        "other_charge": "0.00",
    }
    preview = admin.post(
        f"/api/v1/admissions/{world.open_admission.pk}/discharge/preview/", body, format="json"
    ).json()

    response = admin.post(
        f"/api/v1/admissions/{world.open_admission.pk}/discharge/", body, format="json"
    )

    invoice = response.json()
    assert preview["advance_applied"] == invoice["advance_applied"] == "2000.00"
    assert (invoice["payment_state"], invoice["amount_paid"]) == ("PART_PAID", "2000.00")
    assert Decimal(invoice["balance"]) == Decimal(invoice["total"]) - 2000
