"""The money API: idempotency, bad input, what the patient sees, PDFs, statements, reports."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hms.accounts.tests.factories import AdminFactory
from hms.admissions.tests.factories import AdmissionFactory
from hms.audit.models import AuditEvent, AuditKind
from hms.billing.models import Invoice
from hms.payments.models import Payment, PaymentMethod, PaymentState
from hms.payments.services import Charges, discharge_with_advances, payment_record
from hms.payments.tests.world import build_world, pdf_text, snapshot

pytestmark = pytest.mark.django_db

ZERO = Decimal("0.00")


@pytest.fixture
def world():
    return build_world()


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


# --- reports ---------------------------------------------------------------------------------


@pytest.fixture
def ledger(make_doctor, make_patient, admin_user):
    """Two cashiers' takings on 25 and 26 November, and invoices of several ages."""
    doctor, patient = make_doctor(), make_patient()
    second = AdminFactory(username="cashier.two", first_name="Second", last_name="Cashier")
    invoices = {}
    for name, issued in [
        ("aug", datetime(2026, 8, 20, 6, 0, tzinfo=UTC)),  # 98 days before 26 Nov
        ("oct", datetime(2026, 10, 10, 6, 0, tzinfo=UTC)),  # 47 days
        ("nov", datetime(2026, 11, 20, 6, 0, tzinfo=UTC)),  # 6 days
    ]:
        # A one-day stay billed 100.00.
        admission = AdmissionFactory(patient=patient, doctor=doctor, admitted_on=issued.date())
        invoices[name] = discharge_with_advances(
            actor=admin_user,
            admission=admission,
            charges=Charges(issued.date(), Decimal("100.00"), ZERO, ZERO, ZERO),
            at=issued,
        )
    for who, invoice, amount, method, at in [
        (admin_user, "aug", "10.00", PaymentMethod.CASH, datetime(2026, 11, 25, 5, tzinfo=UTC)),
        (admin_user, "oct", "20.00", PaymentMethod.CARD, datetime(2026, 11, 25, 6, tzinfo=UTC)),
        (second, "nov", "30.00", PaymentMethod.CASH, datetime(2026, 11, 26, 6, tzinfo=UTC)),
    ]:
        payment_record(
            actor=who,
            invoice=invoices[invoice],
            amount=Decimal(amount),
            method=method,
            reference="",
            at=at,
        )
    return {"second": second, **invoices, "patient": patient}


def test_collections_by_method_cashier_and_day(admin_client, admin_user, ledger):
    body = admin_client.get(
        "/api/v1/reports/collections/?date_from=2026-11-25&date_to=2026-11-26"
    ).json()

    assert body["by_method"] == [
        {"method": "CASH", "count": 2, "amount": "40.00"},
        {"method": "CARD", "count": 1, "amount": "20.00"},
        {"method": "UPI", "count": 0, "amount": "0.00"},
        {"method": "BANK_TRANSFER", "count": 0, "amount": "0.00"},
        {"method": "INSURANCE", "count": 0, "amount": "0.00"},
    ]
    assert body["by_cashier"] == [
        {
            "cashier": admin_user.pk,
            "cashier_name": admin_user.full_name,
            "count": 2,
            "amount": "30.00",
        },
        {
            "cashier": ledger["second"].pk,
            "cashier_name": "Second Cashier",
            "count": 1,
            "amount": "30.00",
        },
    ]
    assert body["by_day"] == [
        {"date": "2026-11-25", "count": 2, "amount": "30.00"},
        {"date": "2026-11-26", "count": 1, "amount": "30.00"},
    ]
    assert (body["received"], body["refunded"], body["net"], body["currency"]) == (
        "60.00",
        "0.00",
        "60.00",
        "INR",
    )


def test_collections_csv_is_streamed_line_by_line(admin_client, admin_user, ledger):
    response = admin_client.get(
        "/api/v1/reports/collections/csv/?date_from=2026-11-25&date_to=2026-11-26"
    )

    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert b"".join(response.streaming_content).decode().splitlines() == [
        "date,method,cashier_id,cashier_name,count,amount",
        f"2026-11-25,CARD,{admin_user.pk},{admin_user.full_name},1,20.00",
        f"2026-11-25,CASH,{admin_user.pk},{admin_user.full_name},1,10.00",
        f"2026-11-26,CASH,{ledger['second'].pk},Second Cashier,1,30.00",
    ]


def test_collections_refuse_a_reversed_range(admin_client):
    response = admin_client.get(
        "/api/v1/reports/collections/?date_from=2026-11-26&date_to=2026-11-25"
    )
    assert (response.status_code, list(response.json()["fields"])) == (400, ["date_to"])


def test_outstanding_by_age(admin_client, ledger):
    body = admin_client.get("/api/v1/reports/outstanding/?as_of=2026-11-26").json()

    assert body["buckets"] == [
        {"bucket": "0-30", "count": 1, "balance": "70.00"},
        {"bucket": "31-60", "count": 1, "balance": "80.00"},
        {"bucket": "61-90", "count": 0, "balance": "0.00"},
        {"bucket": "90+", "count": 1, "balance": "90.00"},
    ]
    assert (body["count"], body["balance"], body["as_of"]) == (3, "240.00", "2026-11-26")


def test_outstanding_csv_lists_each_invoice_and_records_the_patients(admin_client, ledger):
    response = admin_client.get("/api/v1/reports/outstanding/csv/?as_of=2026-11-26")

    lines = b"".join(response.streaming_content).decode().splitlines()
    name = ledger["patient"].user.full_name
    pk = ledger["patient"].pk
    assert lines == [
        "invoice,patient_id,patient_name,issued_on,age_days,bucket,currency,total,balance,"
        "payment_state",
        f"{ledger['aug'].number},{pk},{name},2026-08-20,98,90+,INR,100.00,90.00,PART_PAID",
        f"{ledger['oct'].number},{pk},{name},2026-10-10,47,31-60,INR,100.00,80.00,PART_PAID",
        f"{ledger['nov'].number},{pk},{name},2026-11-20,6,0-30,INR,100.00,70.00,PART_PAID",
    ]
    event = AuditEvent.objects.get(kind=AuditKind.ACCESS, action="report.outstanding_csv")
    assert event.patient_ids == [pk]


def test_a_paid_invoice_leaves_the_outstanding_report(admin_client, ledger, admin_user):
    payment_record(
        actor=admin_user,
        invoice=ledger["nov"],
        amount=Decimal("70.00"),
        method=PaymentMethod.UPI,
        reference="",
        at=timezone.now() - timedelta(days=1),
    )
    body = admin_client.get("/api/v1/reports/outstanding/?as_of=2026-11-26").json()
    assert body["buckets"][0] == {"bucket": "0-30", "count": 0, "balance": "0.00"}
    assert Invoice.objects.filter(account__payment_state=PaymentState.PAID).count() == 1
