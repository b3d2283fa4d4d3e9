from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from hms.accounts.models import AccountStatus
from hms.admissions.models import Admission
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.audit.models import AuditEvent, AuditKind
from hms.billing.models import Invoice, InvoiceNumberCounter
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db

DISCHARGE_BODY = {
    "discharged_on": "2026-11-24",
    "room_charge_per_day": "500.00",
    "doctor_fee": "1000.00",
    "medicine_cost": "250.00",
    "other_charge": "100.00",
}


def hospital_today() -> date:
    return timezone.localdate(timezone.now(), timezone.get_default_timezone())


def snapshot():
    """Everything an admission or discharge request could change."""
    return (
        list(
            Admission.objects.order_by("id").values_list(
                "id", "status", "discharged_on", "doctor_id"
            )
        ),
        list(Patient.objects.order_by("id").values_list("id", "assigned_doctor_id")),
        list(Invoice.objects.values_list("id", flat=True)),
        list(InvoiceNumberCounter.objects.values_list("year", "last_value")),
        # Changes only: reads write access events, refusals security events.
        AuditEvent.objects.filter(kind=AuditKind.CHANGE).count(),
    )


@pytest.fixture
def world(make_doctor, make_patient):
    """Two doctors, each attending one admitted patient; a third patient not admitted."""
    anita = make_doctor(
        user__username="dr.anita", user__first_name="Anita", user__last_name="Desai"
    )
    samuel = make_doctor(
        user__username="dr.samuel", user__first_name="Samuel", user__last_name="Okafor"
    )
    priya = make_patient(
        user__username="priya",
        user__first_name="Priya",
        user__last_name="Menon",
        assigned_doctor=anita,
    )
    john = make_patient(
        user__username="john",
        user__first_name="John",
        user__last_name="Mathew",
        assigned_doctor=samuel,
    )
    sara = make_patient(user__username="sara", user__first_name="Sara", user__last_name="Kapoor")
    return {
        "anita": anita,
        "samuel": samuel,
        "priya": priya,
        "john": john,
        "sara": sara,
        "priya_admission": AdmissionFactory(
            patient=priya, doctor=anita, admitted_on=date(2026, 11, 20)
        ),
        "john_admission": AdmissionFactory(
            patient=john,
            doctor=samuel,
            admitted_on=date(2026, 11, 18),
            room="",
            room_charge_per_day=None,
        ),
    }


# --- POST admissions/ ---------------------------------------------------------------------------


def test_admin_admits_a_patient(admin_client, admin_user, world):
    sara, anita = world["sara"], world["anita"]

    response = admin_client.post(
        "/api/v1/admissions/",
        {
            "patient": sara.pk,
            "doctor": anita.pk,
            "admitted_on": "2026-11-21",
            "symptoms": "Abdominal pain",
            "room": "C-3",
            "room_charge_per_day": "1200.50",
        },
    )

    assert response.status_code == 201
    admission = Admission.objects.get(patient=sara)
    assert response.json() == {
        "id": admission.pk,
        "patient": sara.pk,
        "patient_name": "Sara Kapoor",
        "patient_mobile": sara.mobile,
        "patient_address": sara.address,
        "doctor": anita.pk,
        "doctor_name": "Anita Desai",
        "doctor_department": "Cardiologist",
        "admitted_on": "2026-11-21",
        "discharged_on": None,
        "symptoms": "Abdominal pain",
        "room": "C-3",
        "room_charge_per_day": "1200.50",
        "status": "ADMITTED",
        "invoice": None,
        "admitted_at": response.json()["admitted_at"],
        "discharged_at": None,
    }
    assert admission.admitted_by_id == admin_user.pk
    sara.refresh_from_db()
    assert sara.assigned_doctor_id == anita.pk


def test_admit_defaults_the_date_to_the_hospital_today(admin_client, world):
    response = admin_client.post(
        "/api/v1/admissions/",
        {"patient": world["sara"].pk, "doctor": world["anita"].pk, "symptoms": "Fever"},
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["admitted_on"], body["room"], body["room_charge_per_day"]) == (
        hospital_today().isoformat(),
        "",
        None,
    )


def test_admitting_an_admitted_patient_answers_409(admin_client, world):
    before = snapshot()

    response = admin_client.post(
        "/api/v1/admissions/",
        {"patient": world["priya"].pk, "doctor": world["samuel"].pk, "symptoms": "Again"},
    )

    assert response.status_code == 409
    assert response.json() == {
        "code": "ALREADY_ADMITTED",
        "message": (
            "This patient is already admitted. Discharge the open admission before admitting again."
        ),
        "fields": {},
    }
    assert snapshot() == before


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"patient", "doctor", "symptoms"}),
        ({"admitted_on": "tomorrow"}, {"admitted_on"}),
        ({"room_charge_per_day": "-1.00"}, {"room_charge_per_day"}),
        ({"room_charge_per_day": "12.345"}, {"room_charge_per_day"}),
        ({"room_charge_per_day": 500}, {"room_charge_per_day"}),
        ({"room_charge_per_day": "abc"}, {"room_charge_per_day"}),
        ({"room": "x" * 51}, {"room"}),
        ({"patient": "x"}, {"patient"}),
    ],
)
def test_admit_input_errors_answer_400_per_field(admin_client, world, body, fields):
    payload = {"patient": world["sara"].pk, "doctor": world["anita"].pk, "symptoms": "Fever"}
    payload = {**payload, **body} if body else {}
    before = snapshot()

    response = admin_client.post("/api/v1/admissions/", payload)

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert set(response.json()["fields"]) == fields
    assert snapshot() == before


def test_admit_in_the_future_or_of_a_pending_patient_is_refused(
    admin_client, world, make_patient, make_doctor
):
    pending = make_patient(status=AccountStatus.PENDING)
    rejected_doctor = make_doctor(status=AccountStatus.REJECTED)
    before = snapshot()

    response = admin_client.post(
        "/api/v1/admissions/",
        {
            "patient": pending.pk,
            "doctor": rejected_doctor.pk,
            "symptoms": "Fever",
            "admitted_on": (hospital_today() + timedelta(days=1)).isoformat(),
        },
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "admitted_on": [
            f"The admission date cannot be in the future (today is {hospital_today()})."
        ],
        "patient": [
            "This patient's account is awaiting approval; only approved patients are admitted."
        ],
        "doctor": ["This doctor's account was rejected; choose an approved doctor."],
    }
    assert snapshot() == before


def test_admit_with_unknown_ids_is_reported_per_field(admin_client, world):
    before = snapshot()

    response = admin_client.post(
        "/api/v1/admissions/", {"patient": 999_999, "doctor": 999_998, "symptoms": "Fever"}
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "patient": ["No patient has this id."],
        "doctor": ["No doctor has this id."],
    }
    assert snapshot() == before


@pytest.mark.parametrize("who", ["anonymous", "doctor", "patient"])
def test_only_the_admin_admits(api_client, client_for, world, who):
    clients = {
        "anonymous": api_client,
        "doctor": client_for(world["anita"].user),
        "patient": client_for(world["sara"].user),
    }
    before = snapshot()

    response = clients[who].post(
        "/api/v1/admissions/",
        {"patient": world["sara"].pk, "doctor": world["anita"].pk, "symptoms": "Fever"},
    )

    assert response.status_code == {"anonymous": 401, "doctor": 403, "patient": 403}[who]
    assert snapshot() == before


# --- GET admissions/ and admissions/{id}/ ---------------------------------------------------------


def ids(response):
    return [row["id"] for row in response.json()["results"]]


def test_each_role_lists_its_own_admissions(
    api_client, admin_client, client_for, world, admin_user
):
    priya_admission, john_admission = world["priya_admission"], world["john_admission"]
    discharge(priya_admission, actor=admin_user, discharged_on=date(2026, 11, 22))
    readmitted = AdmissionFactory(
        patient=world["priya"], doctor=world["samuel"], admitted_on=date(2026, 11, 23)
    )

    assert api_client.get("/api/v1/admissions/").status_code == 401
    assert ids(admin_client.get("/api/v1/admissions/")) == [
        readmitted.pk,
        priya_admission.pk,
        john_admission.pk,
    ]
    assert ids(client_for(world["anita"].user).get("/api/v1/admissions/")) == [priya_admission.pk]
    assert ids(client_for(world["samuel"].user).get("/api/v1/admissions/")) == [
        readmitted.pk,
        john_admission.pk,
    ]
    assert ids(client_for(world["priya"].user).get("/api/v1/admissions/")) == [
        readmitted.pk,
        priya_admission.pk,
    ]
    assert ids(client_for(world["sara"].user).get("/api/v1/admissions/")) == []


def test_a_doctor_lists_their_discharged_patients(client_for, world, admin_user):
    discharge(world["priya_admission"], actor=admin_user, discharged_on=date(2026, 11, 22))

    response = client_for(world["anita"].user).get("/api/v1/admissions/?status=DISCHARGED")

    assert response.status_code == 200
    [row] = response.json()["results"]
    assert (row["patient_name"], row["status"], row["discharged_on"]) == (
        "Priya Menon",
        "DISCHARGED",
        "2026-11-22",
    )
    # Doctors see their discharged patients, not their bills.
    assert ("invoice" in row, "room_charge_per_day" in row) == (False, False)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=ADMITTED", ["john_admission"]),
        ("status=DISCHARGED", ["priya_admission"]),
        ("doctor={anita}", ["priya_admission"]),
        ("patient={john}", ["john_admission"]),
        ("admitted_from=2026-11-19", ["priya_admission"]),
        ("admitted_to=2026-11-19", ["john_admission"]),
        ("admitted_from=2026-11-18&admitted_to=2026-11-20", ["priya_admission", "john_admission"]),
    ],
)
def test_admin_filters_admissions(admin_client, admin_user, world, query, expected):
    discharge(world["priya_admission"], actor=admin_user, discharged_on=date(2026, 11, 22))
    query = query.format(anita=world["anita"].pk, john=world["john"].pk)

    response = admin_client.get(f"/api/v1/admissions/?{query}")

    assert ids(response) == [world[name].pk for name in expected]


@pytest.mark.parametrize(
    "query",
    [
        "status=OPEN",
        "doctor=abc",
        "admitted_from=2026-13-01",
        "admitted_from=2026-11-20&admitted_to=2026-11-19",
    ],
)
def test_bad_filters_answer_400(admin_client, world, query):
    response = admin_client.get(f"/api/v1/admissions/?{query}")

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"


# What each caller receives, exactly: the attending doctor gets no money and no invoice id.
ADMISSION_FOR_DOCTOR = {
    "id",
    "patient",
    "patient_name",
    "patient_mobile",
    "patient_address",
    "doctor",
    "doctor_name",
    "doctor_department",
    "admitted_on",
    "discharged_on",
    "symptoms",
    "room",
    "status",
    "admitted_at",
    "discharged_at",
}
WHOLE_ADMISSION = ADMISSION_FOR_DOCTOR | {"room_charge_per_day", "invoice"}
ADMISSION_FIELDS = {
    "admin": WHOLE_ADMISSION,
    "anita": ADMISSION_FOR_DOCTOR,
    "priya": WHOLE_ADMISSION,
}


@pytest.mark.parametrize("who", sorted(ADMISSION_FIELDS))
def test_each_caller_lists_admissions_with_exactly_their_fields(
    admin_client, admin_user, client_for, world, who
):
    discharge(world["priya_admission"], actor=admin_user, discharged_on=date(2026, 11, 22))
    client = admin_client if who == "admin" else client_for(world[who].user)

    rows = client.get("/api/v1/admissions/").json()["results"]

    assert rows
    assert [set(row) for row in rows] == [ADMISSION_FIELDS[who]] * len(rows)


@pytest.mark.parametrize(
    ("who", "admission", "status"),
    [
        ("anonymous", "priya_admission", 401),
        ("admin", "priya_admission", 200),
        ("admin", "missing", 404),
        ("anita", "priya_admission", 200),
        ("anita", "john_admission", 404),
        ("priya", "priya_admission", 200),
        ("priya", "john_admission", 404),
        ("sara", "priya_admission", 404),
    ],
)
def test_admission_detail_permissions(
    api_client, admin_client, client_for, world, who, admission, status
):
    client = {"anonymous": api_client, "admin": admin_client}.get(who) or client_for(
        world[who].user
    )
    admission_id = world[admission].pk if admission != "missing" else 999_999

    response = client.get(f"/api/v1/admissions/{admission_id}/")

    assert response.status_code == status
    if status == 200:
        assert response.json()["id"] == admission_id
        assert set(response.json()) == ADMISSION_FIELDS[who]
    if status == 404:
        assert response.json() == {"code": "NOT_FOUND", "message": "Not found.", "fields": {}}


@pytest.mark.parametrize("rows", [3, 50])
def test_admission_list_uses_a_constant_number_of_queries(
    admin_client, admin_user, django_assert_max_num_queries, rows
):
    admissions = AdmissionFactory.create_batch(rows)
    discharge(admissions[0], actor=admin_user)

    # The page's queries, then the one access event (chain lock, previous hash, insert).
    with django_assert_max_num_queries(6):
        response = admin_client.get("/api/v1/admissions/?page_size=100")

    assert response.json()["count"] == rows


# --- discharge/preview/ and discharge/ ------------------------------------------------------------


def invoice_body(invoice_id, number, world, issued_at, issued_by, sha256):
    return {
        "id": invoice_id,
        "number": number,
        "admission": world["priya_admission"].pk,
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
        "issued_at": issued_at,
        "issued_by": issued_by,
        "pdf_sha256": sha256,
        "replaces": None,
    }


# The discharge answers the issued invoice with its payment state (hms.payments).
PAYMENT_STATE = {
    "payment_state": "UNPAID",
    "balance": "3350.00",
    "amount_paid": "0.00",
    "amount_refunded": "0.00",
    "credit_note": None,
    "replaced_by": None,
}


# Sign-in, the admission with its people, what the stay's advances hold (one query), and the
# access event (one INSERT on PostgreSQL, whose trigger chains it; on SQLite the application
# reads the previous hash first).
PREVIEW_QUERIES = 4 if connection.vendor == "postgresql" else 5


def test_preview_answers_the_bill_and_saves_nothing(admin_client, world, django_assert_num_queries):
    before = snapshot()

    with django_assert_num_queries(PREVIEW_QUERIES):
        response = admin_client.post(
            f"/api/v1/admissions/{world['priya_admission'].pk}/discharge/preview/", DISCHARGE_BODY
        )

    assert response.status_code == 200
    assert response.json() == invoice_body(None, None, world, None, None, None)
    assert snapshot() == before


def test_discharge_issues_the_invoice_the_preview_showed(admin_client, admin_user, world):
    admission = world["priya_admission"]
    preview = admin_client.post(
        f"/api/v1/admissions/{admission.pk}/discharge/preview/", DISCHARGE_BODY
    ).json()

    response = admin_client.post(f"/api/v1/admissions/{admission.pk}/discharge/", DISCHARGE_BODY)

    assert response.status_code == 201
    invoice = Invoice.objects.get()
    body = response.json()
    assert body == {
        **invoice_body(
            invoice.pk,
            "INV-2026-000001",
            world,
            body["issued_at"],
            admin_user.pk,
            invoice.pdf_sha256,
        ),
        **PAYMENT_STATE,
    }
    unsaved = {"id", "number", "issued_at", "issued_by", "pdf_sha256", *PAYMENT_STATE}
    assert {k: v for k, v in body.items() if k not in unsaved} == {
        k: v for k, v in preview.items() if k not in unsaved
    }
    detail = admin_client.get(f"/api/v1/admissions/{admission.pk}/").json()
    assert (detail["status"], detail["discharged_on"], detail["invoice"]) == (
        "DISCHARGED",
        "2026-11-24",
        invoice.pk,
    )


def test_a_second_discharge_answers_409_and_changes_nothing(admin_client, world):
    url = f"/api/v1/admissions/{world['priya_admission'].pk}/discharge/"
    assert admin_client.post(url, DISCHARGE_BODY).status_code == 201
    before = snapshot()

    for path in (url, url + "preview/"):
        response = admin_client.post(path, {**DISCHARGE_BODY, "doctor_fee": "5.00"})

        assert response.status_code == 409
        assert response.json() == {
            "code": "INVALID_STATE",
            "message": (
                "This admission is already discharged and its invoice issued; it cannot change."
            ),
            "fields": {},
        }
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ["discharge/", "discharge/preview/"])
@pytest.mark.parametrize(
    ("body", "fields"),
    [
        (
            {"doctor_fee": "-1.00"},
            {"doctor_fee": ["Ensure this value is greater than or equal to 0."]},
        ),
        (
            {"medicine_cost": "12.345"},
            {"medicine_cost": ["Ensure that there are no more than 2 decimal places."]},
        ),
        ({"other_charge": "ten"}, {"other_charge": ["A valid number is required."]}),
        (
            {"other_charge": 10},
            {"other_charge": ['Send the amount as a decimal string, e.g. "500.00".']},
        ),
        (
            {"doctor_fee": "1e3"},
            {"doctor_fee": ['Write the amount in plain digits, e.g. "1500.00".']},
        ),
        ({"doctor_fee": "NaN"}, {"doctor_fee": ["A valid number is required."]}),
        (
            {"room_charge_per_day": "123456789.00"},
            {"room_charge_per_day": ["Ensure that there are no more than 10 digits in total."]},
        ),
        ({"doctor_fee": None}, {"doctor_fee": ["This field may not be null."]}),
        (
            {"discharged_on": "2026-11-19"},
            {
                "discharged_on": [
                    "The discharge date cannot be before the admission date (2026-11-20)."
                ]
            },
        ),
    ],
)
def test_discharge_input_errors_answer_400_and_change_nothing(
    admin_client, world, endpoint, body, fields
):
    before = snapshot()

    response = admin_client.post(
        f"/api/v1/admissions/{world['priya_admission'].pk}/{endpoint}", {**DISCHARGE_BODY, **body}
    )

    assert response.status_code == 400
    assert (response.json()["code"], response.json()["fields"]) == ("VALIDATION_ERROR", fields)
    assert snapshot() == before


def test_missing_charges_answer_400(admin_client, world):
    response = admin_client.post(f"/api/v1/admissions/{world['priya_admission'].pk}/discharge/", {})

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "doctor_fee": ["This field is required."],
        "medicine_cost": ["This field is required."],
        "other_charge": ["This field is required."],
    }


def test_discharge_in_the_future_answers_400(admin_client, world):
    tomorrow = hospital_today() + timedelta(days=1)

    response = admin_client.post(
        f"/api/v1/admissions/{world['priya_admission'].pk}/discharge/",
        {**DISCHARGE_BODY, "discharged_on": tomorrow.isoformat()},
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "discharged_on": [
            f"The discharge date cannot be in the future (today is {hospital_today()})."
        ]
    }


def test_discharge_without_a_rate_uses_the_admission_default_or_asks_for_one(admin_client, world):
    body = {k: v for k, v in DISCHARGE_BODY.items() if k != "room_charge_per_day"}

    no_default = admin_client.post(
        f"/api/v1/admissions/{world['john_admission'].pk}/discharge/", body
    )
    with_default = admin_client.post(
        f"/api/v1/admissions/{world['priya_admission'].pk}/discharge/", body
    )

    assert no_default.status_code == 400
    assert no_default.json()["fields"] == {
        "room_charge_per_day": [
            "This field is required: the admission has no default daily room rate."
        ]
    }
    assert with_default.status_code == 201
    assert with_default.json()["room_charge_per_day"] == "500.00"


@pytest.mark.parametrize("endpoint", ["discharge/", "discharge/preview/"])
@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("anita", 403), ("samuel", 403), ("priya", 403), ("sara", 403)],
)
def test_only_the_admin_discharges_or_previews(
    api_client, client_for, world, endpoint, who, status
):
    client = api_client if who == "anonymous" else client_for(world[who].user)
    before = snapshot()

    response = client.post(
        f"/api/v1/admissions/{world['priya_admission'].pk}/{endpoint}", DISCHARGE_BODY
    )

    assert response.status_code == status
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ["discharge/", "discharge/preview/"])
def test_discharge_of_a_missing_admission_answers_404(admin_client, world, endpoint):
    before = snapshot()

    response = admin_client.post(f"/api/v1/admissions/999999/{endpoint}", DISCHARGE_BODY)

    assert response.status_code == 404
    assert snapshot() == before
