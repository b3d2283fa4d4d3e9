from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest
from django.contrib import admin
from django.db import DatabaseError, connection, transaction

from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.audit.models import AuditEvent, AuditKind
from hms.billing import services as billing_services
from hms.billing.models import Invoice

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_doctor, make_patient, admin_user):
    """Priya and John were discharged with invoices; Sara is admitted (no invoice yet)."""
    anita = make_doctor(user__first_name="Anita", user__last_name="Desai")
    priya = make_patient(user__first_name="Priya", user__last_name="Menon")
    john = make_patient(user__first_name="John", user__last_name="Mathew")
    sara = make_patient()
    priya_invoice = discharge(
        AdmissionFactory(patient=priya, doctor=anita),
        actor=admin_user,
        at=datetime(2026, 11, 25, 6, 0, tzinfo=UTC),
    )
    john_invoice = discharge(
        AdmissionFactory(patient=john, doctor=anita),
        actor=admin_user,
        at=datetime(2026, 11, 26, 6, 0, tzinfo=UTC),
    )
    AdmissionFactory(patient=sara, doctor=anita)
    return {
        "anita": anita,
        "priya": priya,
        "john": john,
        "sara": sara,
        "priya_invoice": priya_invoice,
        "john_invoice": john_invoice,
    }


def ids(response):
    return [row["id"] for row in response.json()["results"]]


def downloads():
    return AuditEvent.objects.filter(action="invoice.pdf").count()


def test_each_role_lists_the_invoices_it_may_see(api_client, admin_client, client_for, world):
    priya_invoice, john_invoice = world["priya_invoice"], world["john_invoice"]

    assert api_client.get("/api/v1/invoices/").status_code == 401
    assert client_for(world["anita"].user).get("/api/v1/invoices/").status_code == 403
    assert ids(admin_client.get("/api/v1/invoices/")) == [john_invoice.pk, priya_invoice.pk]
    assert ids(client_for(world["priya"].user).get("/api/v1/invoices/")) == [priya_invoice.pk]
    # Admitted, not discharged: no invoice exists yet.
    assert ids(client_for(world["sara"].user).get("/api/v1/invoices/")) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("patient={priya}", ["priya_invoice"]),
        ("admission={john_admission}", ["john_invoice"]),
        ("issued_from=2026-11-26", ["john_invoice"]),
        ("issued_to=2026-11-25", ["priya_invoice"]),
        ("issued_from=2026-11-25&issued_to=2026-11-26", ["john_invoice", "priya_invoice"]),
    ],
)
def test_admin_filters_invoices(admin_client, world, query, expected):
    query = query.format(priya=world["priya"].pk, john_admission=world["john_invoice"].admission_id)

    response = admin_client.get(f"/api/v1/invoices/?{query}")

    assert ids(response) == [world[name].pk for name in expected]


def test_a_patient_cannot_widen_their_list_with_filters(client_for, world):
    response = client_for(world["priya"].user).get(f"/api/v1/invoices/?patient={world['john'].pk}")

    assert ids(response) == []


def test_invoice_detail_body(admin_client, admin_user, world):
    invoice = world["priya_invoice"]

    response = admin_client.get(f"/api/v1/invoices/{invoice.pk}/")

    assert response.status_code == 200
    assert response.json() == {
        "id": invoice.pk,
        "number": "INV-2026-000001",
        "admission": invoice.admission_id,
        "patient": world["priya"].pk,
        "patient_name": "Priya Menon",
        "patient_mobile": world["priya"].mobile,
        "patient_address": world["priya"].address,
        "symptoms": "Chest pain on exertion",
        "doctor_name": "Anita Desai",
        "doctor_department": "Cardiologist",
        "admitted_on": "2026-11-20",
        "discharged_on": "2026-11-24",
        "days": 4,
        "room_charge_per_day": "500.00",
        "room_charge": "2000.00",
        "doctor_fee": "1000.00",
        "medicine_cost": "250.00",
        "other_charge": "100.00",
        "total": "3350.00",
        "advance_applied": "0.00",
        "currency": "INR",
        "issued_at": "2026-11-25T11:30:00+05:30",
        "issued_by": admin_user.pk,
        "pdf_sha256": hashlib.sha256(bytes(invoice.pdf)).hexdigest(),
        "replaces": None,
        # The payment state the payments app adds to the invoices resource.
        "payment_state": "UNPAID",
        "balance": "3350.00",
        "amount_paid": "0.00",
        "amount_refunded": "0.00",
        "credit_note": None,
        "replaced_by": None,
    }


MATRIX = [
    ("anonymous", "priya_invoice", 401),
    ("admin", "priya_invoice", 200),
    ("admin", "missing", 404),
    ("anita", "priya_invoice", 403),  # the attending doctor sees the admission, not the bill
    ("priya", "priya_invoice", 200),
    ("priya", "john_invoice", 404),
    ("sara", "priya_invoice", 404),
]


def client_of(who, world, api_client, admin_client, client_for):
    if who == "anonymous":
        return api_client
    if who == "admin":
        return admin_client
    return client_for(world[who].user)


@pytest.mark.parametrize(("who", "invoice", "status"), MATRIX)
def test_invoice_detail_permissions(
    api_client, admin_client, client_for, world, who, invoice, status
):
    invoice_id = world[invoice].pk if invoice != "missing" else 999_999

    response = client_of(who, world, api_client, admin_client, client_for).get(
        f"/api/v1/invoices/{invoice_id}/"
    )

    assert response.status_code == status
    if status == 200:
        assert response.json()["id"] == invoice_id


@pytest.mark.parametrize(("who", "invoice", "status"), MATRIX)
def test_invoice_pdf_permissions(api_client, admin_client, client_for, world, who, invoice, status):
    invoice_id = world[invoice].pk if invoice != "missing" else 999_999
    events = AuditEvent.objects.filter(kind=AuditKind.ACCESS).count()

    response = client_of(who, world, api_client, admin_client, client_for).get(
        f"/api/v1/invoices/{invoice_id}/pdf/"
    )

    assert response.status_code == status
    if status == 200:
        assert response.content == bytes(world[invoice].pdf)
        assert AuditEvent.objects.filter(kind=AuditKind.ACCESS).count() == events + 1
    else:
        assert response["Content-Type"] == "application/json"
        assert response.json()["code"] in {"NOT_AUTHENTICATED", "PERMISSION_DENIED", "NOT_FOUND"}
        assert AuditEvent.objects.filter(kind=AuditKind.ACCESS).count() == events


def test_the_pdf_download_serves_the_stored_bytes_with_safe_headers(client_for, world):
    invoice = world["priya_invoice"]
    client = client_for(world["priya"].user)

    first = client.get(f"/api/v1/invoices/{invoice.pk}/pdf/", HTTP_ACCEPT="application/pdf")
    second = client.get(f"/api/v1/invoices/{invoice.pk}/pdf/")

    assert first.status_code == second.status_code == 200
    assert first.content == second.content == bytes(invoice.pdf)
    assert first.content.startswith(b"%PDF-")
    assert hashlib.sha256(first.content).hexdigest() == invoice.pdf_sha256
    assert {
        name: first[name]
        for name in ["Content-Type", "Content-Disposition", "Cache-Control", "Content-Length"]
    } == {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="invoice-INV-2026-000001.pdf"',
        "Cache-Control": "no-store",
        "Content-Length": str(len(invoice.pdf)),
    }
    events = list(
        AuditEvent.objects.filter(action="invoice.pdf").values_list(
            "kind", "actor_id", "object_type", "object_id", "patient_ids"
        )
    )
    assert (
        events
        == [("ACCESS", world["priya"].user_id, "invoice", str(invoice.pk), [world["priya"].pk])] * 2
    )


def test_a_pdf_error_is_json_even_when_the_client_accepts_only_pdf(client_for, world):
    response = client_for(world["anita"].user).get(
        f"/api/v1/invoices/{world['priya_invoice'].pk}/pdf/", HTTP_ACCEPT="application/pdf"
    )

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert downloads() == 0


@pytest.mark.parametrize("method", ["put", "patch", "delete", "post"])
@pytest.mark.parametrize("suffix", ["", "pdf/"])
def test_invoices_have_no_write_routes(admin_client, world, method, suffix):
    invoice = world["priya_invoice"]
    admin_client.validate_contract = False  # 405 answers have no operation to validate against

    response = getattr(admin_client, method)(f"/api/v1/invoices/{invoice.pk}/{suffix}", {})

    assert response.status_code == 405
    stored = Invoice.objects.get(pk=invoice.pk)
    assert (stored.total, stored.pdf_sha256) == (invoice.total, invoice.pdf_sha256)


def test_the_database_refuses_to_update_an_issued_invoice(world):
    invoice = world["priya_invoice"]

    with pytest.raises(DatabaseError), transaction.atomic():
        Invoice.objects.filter(pk=invoice.pk).update(total="1.00")

    assert str(Invoice.objects.get(pk=invoice.pk).total) == "3350.00"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row DELETE is refused on PostgreSQL")
def test_the_database_refuses_to_delete_an_issued_invoice_on_postgresql(world):
    invoice = world["priya_invoice"]

    with pytest.raises(DatabaseError), transaction.atomic():
        Invoice.objects.filter(pk=invoice.pk).delete()

    assert Invoice.objects.filter(pk=invoice.pk).exists()


def test_django_admin_shows_invoices_read_only(admin_user, rf):
    model_admin = admin.site._registry[Invoice]
    request = rf.get("/")
    request.user = admin_user

    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request) is False
    assert model_admin.has_delete_permission(request) is False


@pytest.mark.parametrize("rows", [3, 50])
def test_invoice_list_uses_a_constant_number_of_queries(
    admin_client, admin_user, django_assert_max_num_queries, monkeypatch, rows
):
    # Fifty real renders would only slow this test down; the list never reads the PDF.
    monkeypatch.setattr(billing_services, "invoice_render_pdf", lambda *, invoice: b"%PDF-stub")
    for admission in AdmissionFactory.create_batch(rows, admitted_on=date(2026, 11, 20)):
        discharge(admission, actor=admin_user)

    # The page's queries, then the one access event (chain lock, previous hash, insert).
    with django_assert_max_num_queries(6):
        response = admin_client.get("/api/v1/invoices/?page_size=100")

    assert response.json()["count"] == rows
