"""Every money operation as every caller: the exact status, and nothing changed on denial."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hms.payments.models import CreditNote
from hms.payments.tests.world import CALLERS, World, snapshot

pytestmark = pytest.mark.django_db

_CHARGES = {
    "discharged_on": "2026-11-24",
    "room_charge_per_day": "400.00",
    "doctor_fee": "1000.00",
    "medicine_cost": "250.00",
    "other_charge": "100.00",
}
_MONEY_IN = {"amount": "100.00", "method": "CASH", "reference": ""}


def _credit_note(w: World) -> int:
    return CreditNote.objects.get(invoice=w.others_void).pk


# operation -> (method, path, body); every POST here moves money and sends an Idempotency-Key.
OPERATIONS: dict[str, Callable[[World], tuple[str, str, dict[str, Any] | None]]] = {
    "invoices_list": lambda w: ("get", "/api/v1/invoices/?payment_state=PART_PAID", None),
    "invoice_own": lambda w: ("get", f"/api/v1/invoices/{w.invoice.pk}/", None),
    "invoice_other": lambda w: ("get", f"/api/v1/invoices/{w.others_invoice.pk}/", None),
    "statement_own": lambda w: ("get", f"/api/v1/invoices/{w.invoice.pk}/statement/", None),
    "statement_other": lambda w: (
        "get",
        f"/api/v1/invoices/{w.others_invoice.pk}/statement/",
        None,
    ),
    "pay_own": lambda w: ("post", f"/api/v1/invoices/{w.invoice.pk}/pay/", _MONEY_IN),
    "pay_other": lambda w: ("post", f"/api/v1/invoices/{w.others_invoice.pk}/pay/", _MONEY_IN),
    "pay_void": lambda w: ("post", f"/api/v1/invoices/{w.others_void.pk}/pay/", _MONEY_IN),
    "void_paid": lambda w: ("post", f"/api/v1/invoices/{w.invoice.pk}/void/", {"reason": "x"}),
    "void_unpaid": lambda w: (
        "post",
        f"/api/v1/invoices/{w.others_invoice.pk}/void/",
        {"reason": "Wrong room rate"},
    ),
    "rebill_void": lambda w: ("post", f"/api/v1/invoices/{w.others_void.pk}/rebill/", _CHARGES),
    "rebill_not_void": lambda w: ("post", f"/api/v1/invoices/{w.invoice.pk}/rebill/", _CHARGES),
    "advance_own": lambda w: (
        "post",
        f"/api/v1/admissions/{w.open_admission.pk}/advance/",
        _MONEY_IN,
    ),
    "advance_discharged": lambda w: (
        "post",
        f"/api/v1/admissions/{w.invoice.admission_id}/advance/",
        _MONEY_IN,
    ),
    "payments_list": lambda w: ("get", "/api/v1/payments/", None),
    "payment_own": lambda w: ("get", f"/api/v1/payments/{w.payment.pk}/", None),
    "payment_pdf_own": lambda w: ("get", f"/api/v1/payments/{w.payment.pk}/pdf/", None),
    "payment_missing": lambda w: ("get", "/api/v1/payments/999999/", None),
    "refund_own": lambda w: (
        "post",
        f"/api/v1/payments/{w.payment.pk}/refund/",
        {"amount": "100.00", "reason": "Overcharged"},
    ),
    "refund_too_much": lambda w: (
        "post",
        f"/api/v1/payments/{w.payment.pk}/refund/",
        {"amount": "1000.01", "reason": "Overcharged"},
    ),
    "refunds_list": lambda w: ("get", "/api/v1/refunds/", None),
    "credit_notes_list": lambda w: ("get", "/api/v1/credit-notes/", None),
    "credit_note_other": lambda w: ("get", f"/api/v1/credit-notes/{_credit_note(w)}/", None),
    "credit_note_pdf_other": lambda w: (
        "get",
        f"/api/v1/credit-notes/{_credit_note(w)}/pdf/",
        None,
    ),
    "collections": lambda w: ("get", "/api/v1/reports/collections/?date_from=2026-11-01", None),
    "collections_csv": lambda w: ("get", "/api/v1/reports/collections/csv/", None),
    "outstanding": lambda w: ("get", "/api/v1/reports/outstanding/", None),
    "outstanding_csv": lambda w: ("get", "/api/v1/reports/outstanding/csv/", None),
}

# Tokens of accounts that are not approved are refused like no token at all.
_LOGGED_OUT = {"anonymous": 401, "pending_doctor": 401, "pending_patient": 401}
_ADMIN_ONLY = {"doctor": 403, "patient": 403}
_PATIENT_READS = {"doctor": 403, "patient": 200}
_PATIENT_CANNOT_SEE = {"doctor": 403, "patient": 404}

# "own" rows belong to `patient`; "other" rows to `other_patient`.
EXPECTED: dict[str, dict[str, int]] = {
    "invoices_list": {**_LOGGED_OUT, "admin": 200, **_PATIENT_READS},
    "invoice_own": {**_LOGGED_OUT, "admin": 200, **_PATIENT_READS},
    "invoice_other": {**_LOGGED_OUT, "admin": 200, **_PATIENT_CANNOT_SEE},
    "statement_own": {**_LOGGED_OUT, "admin": 200, **_PATIENT_READS},
    "statement_other": {**_LOGGED_OUT, "admin": 200, **_PATIENT_CANNOT_SEE},
    "pay_own": {**_LOGGED_OUT, "admin": 201, **_ADMIN_ONLY},
    "pay_other": {**_LOGGED_OUT, "admin": 201, **_ADMIN_ONLY},
    "pay_void": {**_LOGGED_OUT, "admin": 409, **_ADMIN_ONLY},
    "void_paid": {**_LOGGED_OUT, "admin": 409, **_ADMIN_ONLY},
    "void_unpaid": {**_LOGGED_OUT, "admin": 200, **_ADMIN_ONLY},
    "rebill_void": {**_LOGGED_OUT, "admin": 201, **_ADMIN_ONLY},
    "rebill_not_void": {**_LOGGED_OUT, "admin": 409, **_ADMIN_ONLY},
    "advance_own": {**_LOGGED_OUT, "admin": 201, **_ADMIN_ONLY},
    "advance_discharged": {**_LOGGED_OUT, "admin": 409, **_ADMIN_ONLY},
    "payments_list": {**_LOGGED_OUT, "admin": 200, **_PATIENT_READS},
    "payment_own": {**_LOGGED_OUT, "admin": 200, **_PATIENT_READS},
    "payment_pdf_own": {**_LOGGED_OUT, "admin": 200, **_PATIENT_READS},
    "payment_missing": {**_LOGGED_OUT, "admin": 404, **_PATIENT_CANNOT_SEE},
    "refund_own": {**_LOGGED_OUT, "admin": 201, **_ADMIN_ONLY},
    "refund_too_much": {**_LOGGED_OUT, "admin": 409, **_ADMIN_ONLY},
    "refunds_list": {**_LOGGED_OUT, "admin": 200, **_PATIENT_READS},
    "credit_notes_list": {**_LOGGED_OUT, "admin": 200, **_PATIENT_READS},
    "credit_note_other": {**_LOGGED_OUT, "admin": 200, **_PATIENT_CANNOT_SEE},
    "credit_note_pdf_other": {**_LOGGED_OUT, "admin": 200, **_PATIENT_CANNOT_SEE},
    "collections": {**_LOGGED_OUT, "admin": 200, **_ADMIN_ONLY},
    "collections_csv": {**_LOGGED_OUT, "admin": 200, **_ADMIN_ONLY},
    "outstanding": {**_LOGGED_OUT, "admin": 200, **_ADMIN_ONLY},
    "outstanding_csv": {**_LOGGED_OUT, "admin": 200, **_ADMIN_ONLY},
}

# The admin's refusals, each with its own code.
CONFLICTS = {
    "pay_void": "INVOICE_VOID",
    "void_paid": "INVOICE_HAS_PAYMENTS",
    "rebill_not_void": "INVOICE_NOT_VOID",
    "advance_discharged": "ADMISSION_NOT_OPEN",
    "refund_too_much": "REFUND_OVER_PAID",
}

CASES = [(operation, caller) for operation in OPERATIONS for caller in CALLERS]


def test_every_operation_has_an_expectation_for_every_caller():
    assert set(EXPECTED) == set(OPERATIONS)
    assert all(set(row) == set(CALLERS) for row in EXPECTED.values())
    assert {op for op, row in EXPECTED.items() if row["admin"] == 409} == set(CONFLICTS)


@pytest.mark.parametrize(("operation", "caller"), CASES)
def test_permission_matrix(operation, caller, world, api_client, client_for):
    user = world.user(caller)
    client = client_for(user) if user is not None else api_client
    method, path, body = OPERATIONS[operation](world)
    before = snapshot()

    if method == "post":
        response = client.post(path, body, format="json", HTTP_IDEMPOTENCY_KEY="key-1")
    else:
        response = client.get(path)

    expected = EXPECTED[operation][caller]
    assert response.status_code == expected, response.content
    if expected >= 400 or method == "get":
        assert snapshot() == before
    else:
        assert snapshot() != before
    if expected >= 400:
        assert (
            response.json()["code"]
            == {
                401: "NOT_AUTHENTICATED",
                403: "PERMISSION_DENIED",
                404: "NOT_FOUND",
                409: CONFLICTS.get(operation),
            }[expected]
        )
