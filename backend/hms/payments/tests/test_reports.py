"""The money reports: collections by method, cashier and day; outstanding by age (JSON, CSV)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hms.accounts.tests.factories import AdminFactory
from hms.admissions.tests.factories import AdmissionFactory
from hms.audit.models import AuditEvent, AuditKind
from hms.billing.models import Invoice
from hms.payments.models import PaymentMethod, PaymentState
from hms.payments.services import Charges, discharge_with_advances, payment_record

pytestmark = pytest.mark.django_db

ZERO = Decimal("0.00")


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
