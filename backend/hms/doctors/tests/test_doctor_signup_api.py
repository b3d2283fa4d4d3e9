from __future__ import annotations

import pytest

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.test_signup_api import doctor_body
from hms.audit.models import AuditEvent
from hms.doctors.models import Doctor

pytestmark = pytest.mark.django_db


def test_doctor_signup_creates_a_pending_doctor(api_client):
    response = api_client.post("/api/v1/auth/signup/doctor/", doctor_body(), format="json")

    assert response.status_code == 201
    doctor = Doctor.objects.select_related("user").get()
    body = response.json()
    assert body["id"] == doctor.pk
    assert body["status"] == "PENDING"
    assert body["department"] == "DERMATOLOGISTS"
    assert body["mobile"] == "+919876543210"
    assert (doctor.user.role, doctor.user.status, doctor.user.is_active) == (
        Role.DOCTOR,
        AccountStatus.PENDING,
        False,
    )
    assert AuditEvent.objects.filter(action="doctor.signup", object_id=str(doctor.pk)).count() == 1


@pytest.mark.parametrize(
    ("override", "field", "message"),
    [
        ({"department": "ASTROLOGY"}, "department", "Object with code=ASTROLOGY does not exist."),
        # PostgreSQL cannot compare text with a NUL: the code is refused before it is looked up.
        ({"department": "CARDIO\x00"}, "department", "Object with code=CARDIO\x00 does not exist."),
        (
            {"mobile": "call me"},
            "mobile",
            "Enter a phone number using digits, spaces or dashes, optionally starting with +.",
        ),
        ({"mobile": "12345"}, "mobile", "A phone number has between 7 and 15 digits."),
        (
            {"password": "short"},
            "password",
            "This password is too short. It must contain at least 12 characters.",
        ),
        ({"password": "123456789012345"}, "password", "This password is entirely numeric."),
        ({"first_name": ""}, "first_name", "This field may not be blank."),
    ],
)
def test_doctor_signup_field_errors(api_client, override, field, message):
    response = api_client.post(
        "/api/v1/auth/signup/doctor/", doctor_body(**override), format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert message in body["fields"][field]
    assert User.objects.count() == 0


def test_departments_lists_exactly_the_six_departments(api_client):
    response = api_client.get("/api/v1/departments/")

    assert response.status_code == 200
    assert [d["name"] for d in response.json()] == [
        "Cardiologist",
        "Dermatologists",
        "Emergency Medicine Specialists",
        "Allergists/Immunologists",
        "Anesthesiologists",
        "Colon and Rectal Surgeons",
    ]
