from __future__ import annotations

import pytest

from hms.accounts.models import AccountStatus, User
from hms.accounts.tests.test_signup_api import patient_body
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db


def test_patient_signup_creates_a_pending_patient_with_a_preferred_doctor(api_client, make_doctor):
    doctor = make_doctor()
    response = api_client.post(
        "/api/v1/auth/signup/patient/", patient_body(preferred_doctor=doctor.pk), format="json"
    )

    assert response.status_code == 201
    patient = Patient.objects.select_related("user").get()
    assert response.json()["status"] == "PENDING"
    assert patient.preferred_doctor_id == doctor.pk
    assert patient.assigned_doctor_id is None
    assert str(patient.date_of_birth) == "1990-05-17"
    assert patient.user.status == AccountStatus.PENDING


def test_patient_signup_refuses_a_pending_preferred_doctor(api_client, make_doctor):
    doctor = make_doctor(status=AccountStatus.PENDING)
    response = api_client.post(
        "/api/v1/auth/signup/patient/", patient_body(preferred_doctor=doctor.pk), format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "preferred_doctor": [f"No approved doctor has the id {doctor.pk}."]
    }
    assert Patient.objects.count() == 0


def test_patient_signup_refuses_a_future_date_of_birth(api_client):
    response = api_client.post(
        "/api/v1/auth/signup/patient/", patient_body(date_of_birth="2999-01-01"), format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "date_of_birth": ["The date of birth cannot be in the future."]
    }
    assert User.objects.count() == 0
