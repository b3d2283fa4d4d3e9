"""Parallel money moves on PostgreSQL: the account row lock and the key's unique index decide."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from conftest import bearer_client
from hms.admissions.tests.test_concurrency import run_parallel
from hms.payments.models import IdempotencyKey, InvoiceAccount, LedgerNumberCounter, Payment
from hms.payments.tests.world import discharged

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PARALLEL = 20


def admin_clients(admin_user, count):
    clients = [bearer_client(admin_user) for _ in range(count)]
    for client in clients:
        # openapi-core is not built for threads; the bodies are asserted below instead.
        client.validate_contract = False
    return clients


@pytest.fixture
def invoice(admin_user, make_doctor, make_patient):
    return discharged(admin=admin_user, patient=make_patient(), doctor=make_doctor())  # 3350.00


def test_twenty_parallel_payments_never_take_more_than_the_total(admin_user, invoice):
    url = f"/api/v1/invoices/{invoice.pk}/pay/"
    clients = admin_clients(admin_user, PARALLEL)
    body = {"amount": "500.00", "method": "CASH"}

    responses = run_parallel(
        [
            lambda client=client, n=n: client.post(
                url, body, format="json", HTTP_IDEMPOTENCY_KEY=f"key-{n}"
            )
            for n, client in enumerate(clients)
        ]
    )

    # 6 x 500 = 3000 fit in 3350; the seventh would take the balance below zero.
    assert Counter(response.status_code for response in responses) == {201: 6, 409: 14}
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"AMOUNT_OVER_BALANCE"}
    assert sum(p.amount for p in Payment.objects.filter(invoice=invoice)) == Decimal("3000.00")
    account = InvoiceAccount.objects.get(invoice=invoice)
    assert (account.paid, account.balance, account.payment_state) == (
        Decimal("3000.00"),
        Decimal("350.00"),
        "PART_PAID",
    )
    numbers = sorted(Payment.objects.values_list("number", flat=True))
    assert [int(number[-6:]) for number in numbers] == list(range(1, 7))
    assert LedgerNumberCounter.objects.get(series="RCPT").last_value == 6


def test_twenty_parallel_requests_with_one_key_record_one_payment(admin_user, invoice):
    url = f"/api/v1/invoices/{invoice.pk}/pay/"
    clients = admin_clients(admin_user, PARALLEL)
    body = {"amount": "100.00", "method": "UPI", "reference": "UTR 7"}

    responses = run_parallel(
        [
            lambda client=client: client.post(
                url, body, format="json", HTTP_IDEMPOTENCY_KEY="one-key"
            )
            for client in clients
        ]
    )

    assert [response.status_code for response in responses] == [201] * PARALLEL
    assert len({response.content for response in responses}) == 1
    [payment] = Payment.objects.all()
    assert (payment.amount, responses[0].json()["id"]) == (Decimal("100.00"), payment.pk)
    assert InvoiceAccount.objects.get(invoice=invoice).balance == Decimal("3250.00")
    assert IdempotencyKey.objects.count() == 1
