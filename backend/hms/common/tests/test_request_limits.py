"""Every limit the database has, the API checks first and the schema states.

Generated from the committed openapi.yaml: every operation with a JSON request body, and in it
every writable string field with a `maxLength`, gets a value one character too long, on top of an
otherwise valid body. The answer must be 400 VALIDATION_ERROR naming exactly that field, so no
over-long value ever reaches the database (PostgreSQL refuses it with a 500-causing DataError;
SQLite would silently store it). A second test fails when a writable string field has no bound.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import AdminFactory, UserFactory
from hms.admissions.tests.factories import AdmissionFactory
from hms.appointments.models import AppointmentStatus
from hms.appointments.tests.factories import AppointmentFactory
from hms.billing.models import Invoice
from hms.common.tests.contract import _spec
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.tests.factories import PatientFactory
from hms.payments.services import Charges, discharge_with_advances, invoice_void, payment_record

PASSWORD = "a-long-enough-password"

_SCHEMAS = _spec()["components"]["schemas"]


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = _SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _resolve(schema["allOf"][0])
    return schema


def _variants(schema: dict[str, Any]) -> list[dict[str, Any]]:
    schema = _resolve(schema)
    if "oneOf" in schema or "anyOf" in schema:
        return [_resolve(item) for item in schema.get("oneOf", schema.get("anyOf"))]
    return [schema]


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    body_schema: dict[str, Any]


def _operations() -> list[Operation]:
    found = []
    for path, item in _spec()["paths"].items():
        for method, operation in item.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                schema = _resolve(content["application/json"]["schema"])
                found.append(Operation(operation["operationId"], method, path, schema))
    return found


OPERATIONS = _operations()


def _writable(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: prop
        for name, prop in schema.get("properties", {}).items()
        if not prop.get("readOnly") and not _resolve(prop).get("readOnly")
    }


def _max_length(prop: dict[str, Any]) -> int | None:
    lengths = [
        variant["maxLength"]
        for variant in _variants(prop)
        if variant.get("type") == "string" and "maxLength" in variant
    ]
    return max(lengths) if lengths else None


def _too_long(prop: dict[str, Any], length: int) -> str:
    """A value of `length` characters that breaks only the length rule where it can."""
    variant = next(v for v in _variants(prop) if v.get("maxLength", 0) >= length - 1)
    if variant.get("format") == "email":
        domain = "@example.com"
        return "a" * (length - len(domain)) + domain
    pattern = variant.get("pattern")
    for filler in ("a", "1"):
        if pattern is None or re.search(pattern, filler * length):
            return filler * length
    return "a" * length


# --- the hospital every case runs in ------------------------------------------------------------


@dataclass
class Hospital:
    admin: User
    doctor: User
    doctor_id: int
    pending_doctor_id: int
    patient: User
    patient_id: int
    pending_patient_id: int
    admission_id: int
    appointment_id: int


def _hospital() -> Hospital:
    admin = AdminFactory(username="admin.one")
    doctor = DoctorFactory()
    pending_doctor = DoctorFactory(user=UserFactory(role=Role.DOCTOR, status=AccountStatus.PENDING))
    patient = PatientFactory(assigned_doctor=doctor)
    pending_patient = PatientFactory(
        user=UserFactory(role=Role.PATIENT, status=AccountStatus.PENDING)
    )
    admission = AdmissionFactory(
        doctor=doctor, admitted_on=timezone.localdate() - timedelta(days=2)
    )
    appointment = AppointmentFactory(
        doctor=doctor,
        patient=patient,
        starts_at=timezone.now() + timedelta(days=3),
        status=AppointmentStatus.PENDING,
    )
    patient.user.set_password(PASSWORD)
    patient.user.save()
    return Hospital(
        admin=admin,
        doctor=doctor.user,
        doctor_id=doctor.pk,
        pending_doctor_id=pending_doctor.pk,
        patient=patient.user,
        patient_id=patient.pk,
        pending_patient_id=pending_patient.pk,
        admission_id=admission.pk,
        appointment_id=appointment.pk,
    )


def _person(**extra: Any) -> dict[str, Any]:
    return {
        "username": "new.person",
        "password": PASSWORD,
        "first_name": "Anil",
        "last_name": "Kapoor",
        "email": "anil@example.com",
        **extra,
    }


_CONTACT = {"mobile": "+919800000001", "address": "3 Hill Road, Pune"}
_CHARGES = {
    "discharged_on": None,  # filled with today
    "room_charge_per_day": "500.00",
    "doctor_fee": "1000.00",
    "medicine_cost": "250.00",
    "other_charge": "100.00",
}


def _discharge(h: Hospital) -> dict[str, Any]:
    return {**_CHARGES, "discharged_on": timezone.localdate().isoformat()}


_NOTE = {
    "chief_complaint": "Chest pain",
    "findings": "Tachycardia",
    "diagnosis": "Angina",
    "icd10_code": "",
    "plan": "ECG",
    "vitals": None,
    "prescription_lines": [],
}
_SUMMARY = {
    "diagnosis": "NSTEMI",
    "icd10_code": "",
    "course_in_hospital": "Stented on day 2.",
    "procedures": "PCI",
    "medicines_to_continue": "Aspirin",
    "advice": "Rest",
    "follow_up_on": None,
}


def _invoice_id(h: Hospital) -> int:
    """An issued invoice of another stay (payments, voids and refunds need one)."""
    admission = AdmissionFactory(admitted_on=timezone.localdate() - timedelta(days=2))
    invoice = discharge_with_advances(
        actor=h.admin,
        admission=admission,
        charges=Charges(
            timezone.localdate(), Decimal("500.00"), Decimal(0), Decimal(0), Decimal(0)
        ),
        at=timezone.now(),
    )
    return invoice.pk


def _payment_id(h: Hospital) -> int:
    invoice = Invoice.objects.get(pk=_invoice_id(h))
    payment = payment_record(
        actor=h.admin,
        invoice=invoice,
        amount=Decimal("100.00"),
        method="CASH",
        reference="",
        at=timezone.now(),
    )
    return payment.pk


def _voided_invoice_id(h: Hospital) -> int:
    invoice = Invoice.objects.get(pk=_invoice_id(h))
    invoice_void(actor=h.admin, invoice=invoice, reason="Wrong rate", at=timezone.now())
    return invoice.pk


_MONEY_IN = {"amount": "100.00", "method": "CASH", "reference": "slip 1"}

# operationId -> (caller, path id, a valid body). A caller of None is anonymous.
Case = tuple[
    Callable[[Hospital], User | None],
    Callable[[Hospital], int | None],
    Callable[[Hospital], dict[str, Any]],
]

CASES: dict[str, Case] = {
    "auth_signup_admin": (lambda h: None, lambda h: None, lambda h: _person()),
    "auth_signup_doctor": (
        lambda h: None,
        lambda h: None,
        lambda h: _person(**_CONTACT, department="CARDIOLOGIST"),
    ),
    "auth_signup_patient": (
        lambda h: None,
        lambda h: None,
        lambda h: _person(**_CONTACT, symptoms="Headache"),
    ),
    "auth_token_obtain": (
        lambda h: None,
        lambda h: None,
        lambda h: {"username": h.patient.username, "password": PASSWORD},
    ),
    "auth_token_refresh": (lambda h: None, lambda h: None, lambda h: {"refresh": "not.a.token"}),
    "auth_logout": (lambda h: None, lambda h: None, lambda h: {"refresh": "not.a.token"}),
    "auth_me_update": (lambda h: h.patient, lambda h: None, lambda h: {"first_name": "Priya"}),
    "auth_password_change": (
        lambda h: h.patient,
        lambda h: None,
        lambda h: {"current_password": PASSWORD, "new_password": "another-long-password"},
    ),
    "auth_password_reset": (lambda h: None, lambda h: None, lambda h: {"login": "priya"}),
    "auth_password_reset_confirm": (
        lambda h: None,
        lambda h: None,
        lambda h: {"uid": "MQ", "token": "not-a-token", "new_password": "another-long-password"},
    ),
    "auth_token_mfa": (
        lambda h: None,
        lambda h: None,
        lambda h: {"mfa_token": "not-a-challenge", "code": "123456"},
    ),
    "auth_mfa_confirm": (lambda h: h.patient, lambda h: None, lambda h: {"code": "123456"}),
    "doctors_create": (
        lambda h: h.admin,
        lambda h: None,
        lambda h: _person(**_CONTACT, department="CARDIOLOGIST"),
    ),
    "doctors_update": (lambda h: h.admin, lambda h: h.doctor_id, lambda h: {"first_name": "A"}),
    "doctors_reject": (lambda h: h.admin, lambda h: h.pending_doctor_id, lambda h: {"reason": ""}),
    "doctors_set_password": (
        lambda h: h.admin,
        lambda h: h.doctor_id,
        lambda h: {"password": "another-long-password"},
    ),
    "patients_create": (
        lambda h: h.admin,
        lambda h: None,
        lambda h: _person(**_CONTACT, symptoms="Headache"),
    ),
    "patients_update": (lambda h: h.admin, lambda h: h.patient_id, lambda h: {"symptoms": "Cough"}),
    "patients_reject": (
        lambda h: h.admin,
        lambda h: h.pending_patient_id,
        lambda h: {"reason": ""},
    ),
    "patients_set_password": (
        lambda h: h.admin,
        lambda h: h.patient_id,
        lambda h: {"password": "another-long-password"},
    ),
    "admissions_create": (
        lambda h: h.admin,
        lambda h: None,
        lambda h: {
            "patient": h.patient_id,
            "doctor": h.doctor_id,
            "admitted_on": timezone.localdate().isoformat(),
            "symptoms": "Fever",
            "room": "Ward A-1",
            "room_charge_per_day": "500.00",
        },
    ),
    "admissions_discharge": (lambda h: h.admin, lambda h: h.admission_id, _discharge),
    "admissions_discharge_preview": (lambda h: h.admin, lambda h: h.admission_id, _discharge),
    "admissions_advance": (lambda h: h.admin, lambda h: h.admission_id, lambda h: _MONEY_IN),
    "invoices_pay": (lambda h: h.admin, _invoice_id, lambda h: _MONEY_IN),
    "invoices_void": (lambda h: h.admin, _invoice_id, lambda h: {"reason": "Wrong rate"}),
    "invoices_rebill": (lambda h: h.admin, _voided_invoice_id, _discharge),
    "payments_refund": (
        lambda h: h.admin,
        _payment_id,
        lambda h: {"amount": "10.00", "reason": "Overcharged"},
    ),
    "appointments_create": (
        lambda h: h.admin,
        lambda h: None,
        lambda h: {
            "doctor": h.doctor_id,
            "patient": h.patient_id,
            "starts_at": (timezone.now() + timedelta(days=7)).isoformat(),
            "reason": "Check-up",
        },
    ),
    "appointments_cancel": (lambda h: h.admin, lambda h: h.appointment_id, lambda h: {}),
    "appointments_reject": (
        lambda h: h.admin,
        lambda h: h.appointment_id,
        lambda h: {"reason": "Doctor away"},
    ),
    "notifications_preferences_update": (
        lambda h: h.patient,
        lambda h: None,
        lambda h: {"preferences": [{"kind": "APPOINTMENT_REMINDER", "email": False}]},
    ),
    "notifications_unsubscribe": (lambda h: None, lambda h: None, lambda h: {"token": "x"}),
    "appointments_reschedule": (
        lambda h: h.admin,
        lambda h: h.appointment_id,
        lambda h: {"starts_at": (timezone.now() + timedelta(days=8)).isoformat()},
    ),
    "doctors_availability_update": (
        lambda h: h.admin,
        lambda h: h.doctor_id,
        lambda h: {"windows": [{"weekday": 0, "start_time": "09:00", "end_time": "12:00"}]},
    ),
    "time_off_create": (
        lambda h: h.admin,
        lambda h: None,
        lambda h: {
            "doctor": h.doctor_id,
            "starts_at": (timezone.now() + timedelta(days=20)).isoformat(),
            "ends_at": (timezone.now() + timedelta(days=21)).isoformat(),
            "reason": "Conference",
        },
    ),
    "waitlist_create": (
        lambda h: h.admin,
        lambda h: None,
        lambda h: {
            "doctor": h.doctor_id,
            "patient": h.patient_id,
            "date_from": timezone.localdate().isoformat(),
            "date_to": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "reason": "Check-up",
        },
    ),
    # clinical/: bodies are parsed before the document is looked up, so any id will do.
    "visit_notes_create": (
        lambda h: h.doctor,
        lambda h: None,
        lambda h: {"appointment": h.appointment_id, **_NOTE},
    ),
    "visit_notes_update": (lambda h: h.doctor, lambda h: 1, lambda h: _NOTE),
    "visit_notes_addenda": (lambda h: h.doctor, lambda h: 1, lambda h: {"text": "Seen."}),
    "progress_notes_create": (
        lambda h: h.doctor,
        lambda h: None,
        lambda h: {"admission": h.admission_id, "text": "Comfortable."},
    ),
    "progress_notes_update": (lambda h: h.doctor, lambda h: 1, lambda h: {"text": "Better."}),
    "progress_notes_addenda": (lambda h: h.doctor, lambda h: 1, lambda h: {"text": "Seen."}),
    "discharge_summaries_create": (
        lambda h: h.doctor,
        lambda h: None,
        lambda h: {"admission": h.admission_id, **_SUMMARY},
    ),
    "discharge_summaries_update": (lambda h: h.doctor, lambda h: 1, lambda h: _SUMMARY),
    "discharge_summaries_addenda": (lambda h: h.doctor, lambda h: 1, lambda h: {"text": "Seen."}),
    "vitals_create": (
        lambda h: h.doctor,
        lambda h: None,
        lambda h: {"admission": h.admission_id, "pulse_per_min": 80},
    ),
}

LENGTH_CASES = [
    pytest.param(operation, name, max_length, id=f"{operation.operation_id}.{name}")
    for operation in OPERATIONS
    for name, prop in _writable(operation.body_schema).items()
    if (max_length := _max_length(prop)) is not None
]


def test_every_operation_with_a_body_has_a_valid_body_here():
    assert {operation.operation_id for operation in OPERATIONS} == set(CASES)


def test_the_generated_cases_cover_the_known_long_fields():
    # A guard against the generator silently finding nothing (e.g. a schema layout change).
    ids = {param.id for param in LENGTH_CASES}
    assert {
        "auth_signup_patient.email",
        "auth_signup_patient.mobile",
        "auth_signup_patient.symptoms",
        "auth_signup_doctor.department",
        "auth_me_update.email",
        "doctors_create.email",
        "patients_update.email",
        "auth_token_refresh.refresh",
        "admissions_create.room",
        "appointments_create.reason",
    } <= ids
    assert len(LENGTH_CASES) >= 70


@pytest.mark.django_db
@pytest.mark.parametrize(("operation", "name", "max_length"), LENGTH_CASES)
def test_a_value_one_character_too_long_is_a_400_naming_the_field(
    operation, name, max_length, api_client, client_for
):
    hospital = _hospital()
    caller_of, id_of, body_of = CASES[operation.operation_id]
    caller = caller_of(hospital)
    client = client_for(caller) if caller is not None else api_client
    path = re.sub(r"\{[^}]+\}", str(id_of(hospital)), operation.path)
    prop = _writable(operation.body_schema)[name]
    body = {**body_of(hospital), name: _too_long(prop, max_length + 1)}

    response = getattr(client, operation.method)(path, body, format="json")

    assert response.status_code == 400, response.content
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert list(response.json()["fields"]) == [name]


INTEGER_CASES = [
    pytest.param(operation, name, _resolve(prop)["maximum"], id=f"{operation.operation_id}.{name}")
    for operation in OPERATIONS
    for name, prop in _writable(operation.body_schema).items()
    if _resolve(prop).get("type") == "integer" and "maximum" in _resolve(prop)
]


def test_every_writable_integer_field_in_a_request_body_has_a_maximum():
    unbounded = [
        f"{operation.operation_id}.{name}"
        for operation in OPERATIONS
        for name, prop in _writable(operation.body_schema).items()
        if _resolve(prop).get("type") == "integer" and "maximum" not in _resolve(prop)
    ]
    assert (unbounded, len(INTEGER_CASES) >= 7) == ([], True)


@pytest.mark.django_db
@pytest.mark.parametrize(("operation", "name", "maximum"), INTEGER_CASES)
def test_a_number_one_over_the_maximum_is_a_400_naming_the_field(
    operation, name, maximum, api_client, client_for
):
    hospital = _hospital()
    caller_of, id_of, body_of = CASES[operation.operation_id]
    caller = caller_of(hospital)
    client = client_for(caller) if caller is not None else api_client
    path = re.sub(r"\{[^}]+\}", str(id_of(hospital)), operation.path)
    body = {**body_of(hospital), name: maximum + 1}

    response = getattr(client, operation.method)(path, body, format="json")

    assert response.status_code == 400, response.content
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert list(response.json()["fields"]) == [name]


def _unbounded(prop: dict[str, Any]) -> bool:
    """Whether a writable string may be arbitrarily long according to the schema."""
    for variant in _variants(prop):
        if variant.get("type") != "string":
            continue
        if "maxLength" in variant or "enum" in variant:
            continue
        if variant.get("format") in {"date", "date-time"}:
            continue
        # A decimal's pattern bounds its digits (e.g. `^-?\d{0,8}(?:\.\d{0,2})?$`).
        if variant.get("format") == "decimal" and "pattern" in variant:
            continue
        return True
    return False


def test_every_writable_string_field_in_a_request_body_is_bounded():
    unbounded = [
        f"{operation.operation_id}.{name}"
        for operation in OPERATIONS
        for name, prop in _writable(operation.body_schema).items()
        if _unbounded(prop)
    ]
    assert unbounded == []


# --- numbers: pages, page sizes, ids and tokens -------------------------------------------------

MAX_ID = 2**31 - 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("page=0", "page", "A page is a whole number from 1."),
        ("page=-1", "page", "A page is a whole number from 1."),
        ("page=abc", "page", "A page is a whole number from 1."),
        ("page=last", "page", "A page is a whole number from 1."),
        ("page=1.5", "page", "A page is a whole number from 1."),
        ("page=%D9%A1", "page", "A page is a whole number from 1."),  # Arabic-Indic 1
        ("page=2147483648", "page", "A page is a whole number from 1."),
        ("page=99999999999999999999", "page", "A page is a whole number from 1."),
        ("page_size=0", "page_size", "A page size is a whole number from 1 to 100."),
        ("page_size=101", "page_size", "A page size is a whole number from 1 to 100."),
        ("page_size=abc", "page_size", "A page size is a whole number from 1 to 100."),
        ("page_size=", "page_size", "A page size is a whole number from 1 to 100."),
    ],
)
def test_a_page_parameter_out_of_range_is_a_400_naming_it(
    admin_client, make_doctor, query, field, message
):
    make_doctor()

    response = admin_client.get(f"/api/v1/doctors/?{query}")

    assert response.status_code == 400, response.content
    assert response.json() == {
        "code": "VALIDATION_ERROR",
        "message": "Some fields are not valid.",
        "fields": {field: [message]},
    }


@pytest.mark.django_db
def test_pages_within_range_answer_their_rows(admin_client, make_doctor):
    for index in range(3):
        make_doctor(user__last_name=f"Zed{index}")

    first = admin_client.get("/api/v1/doctors/?page_size=2")
    second = admin_client.get("/api/v1/doctors/?page_size=2&page=2")
    empty = admin_client.get("/api/v1/doctors/?status=REJECTED&page=1")

    assert [row["last_name"] for row in first.json()["results"]] == ["Zed0", "Zed1"]
    assert [row["last_name"] for row in second.json()["results"]] == ["Zed2"]
    assert (second.json()["count"], second.json()["next"]) == (3, None)
    assert (empty.status_code, empty.json()["count"], empty.json()["results"]) == (200, 0, [])


@pytest.mark.django_db
@pytest.mark.parametrize("value", [0, 12, True, ["a.b.c"], {"token": "a.b.c"}])
def test_a_refresh_token_that_is_not_a_string_is_refused(api_client, value):
    for path in ("/api/v1/auth/token/refresh/", "/api/v1/auth/logout/"):
        response = api_client.post(path, {"refresh": value}, format="json")

        assert response.status_code == 400, (path, response.content)
        assert response.json()["fields"] == {"refresh": ["A token is a string."]}


@pytest.mark.django_db
@pytest.mark.parametrize("value", [MAX_ID + 1, 2**63, 10**30])
def test_a_doctor_id_beyond_the_column_is_a_400_not_a_database_error(
    admin_client, api_client, value
):
    body = _person(**_CONTACT, symptoms="Headache", assigned_doctor=value)
    response = admin_client.post("/api/v1/patients/", body, format="json")
    signup = api_client.post(
        "/api/v1/auth/signup/patient/",
        _person(**_CONTACT, symptoms="Headache", preferred_doctor=value),
        format="json",
    )

    assert response.status_code == 400, response.content
    assert response.json()["fields"] == {
        "assigned_doctor": [f"No approved doctor has the id {value}."]
    }
    assert signup.status_code == 400, signup.content
    assert list(signup.json()["fields"]) == ["preferred_doctor"]
    assert User.objects.filter(username="new.person").exists() is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/doctors/{MAX_ID + 1}/",
        f"/api/v1/patients/{MAX_ID + 1}/",
        f"/api/v1/doctors/{10**30}/",
        f"/api/v1/patients/{10**30}/",
        f"/api/v1/doctors/{10**30}/slots/?date=2026-12-01",
    ],
)
def test_an_id_beyond_the_column_in_the_path_is_a_404(admin_client, path):
    response = admin_client.get(path)

    assert response.status_code == 404, response.content
    assert response.json()["code"] == "NOT_FOUND"
