"""No API answer may be kept by a browser or a proxy: every one says `Cache-Control: no-store`."""

from __future__ import annotations

import re

import pytest
from rest_framework_simplejwt.tokens import RefreshToken

from conftest import bearer_client
from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.appointments.tests.factories import AppointmentFactory
from hms.common.tests.contract import _spec
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

GET_PATHS = sorted(path for path, operations in _spec()["paths"].items() if "get" in operations)


@pytest.fixture
def world(admin_user):
    doctor = DoctorFactory(user=UserFactory(role=Role.DOCTOR))
    patient = PatientFactory(user=UserFactory(role=Role.PATIENT), assigned_doctor=doctor)
    admission = AdmissionFactory(patient=patient, doctor=doctor)
    invoice = discharge(admission, actor=admin_user)
    appointment = AppointmentFactory(patient=patient, doctor=doctor)
    ids = {
        "admissions": admission.pk,
        "appointments": appointment.pk,
        "doctors": doctor.pk,
        "patients": patient.pk,
        "invoices": invoice.pk,
    }
    return admin_user, patient, ids


def concrete(template: str, ids: dict[str, int]) -> str:
    resource = template.split("/")[3]
    path = re.sub(r"\{[^}]+\}", str(ids.get(resource, 1)), template)
    return path + ("?date=2026-11-27" if path.endswith("/slots/") else "")


def test_every_documented_get_path_is_covered():
    assert len(GET_PATHS) >= 19
    assert {"/api/v1/auth/me/", "/api/v1/patients/{id}/", "/api/v1/invoices/{id}/"} <= set(
        GET_PATHS
    )


@pytest.mark.parametrize("template", GET_PATHS)
def test_every_get_answer_for_the_admin_is_no_store(world, template):
    admin, _, ids = world
    response = bearer_client(admin).get(concrete(template, ids))
    assert response.status_code < 500
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path", ["/api/v1/auth/me/", "/api/v1/patients/{id}/", "/api/v1/invoices/{id}/"]
)
def test_the_patients_own_records_are_no_store(world, path):
    _, patient, ids = world
    response = bearer_client(patient.user).get(concrete(path, ids))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_token_answers_are_no_store(api_client, admin_user):
    login = api_client.post(
        "/api/v1/auth/token/",
        {"username": admin_user.username, "password": "correct-horse-battery-staple"},
    )
    assert login.status_code == 200
    assert login["Cache-Control"] == "no-store"
    refreshed = api_client.post(
        "/api/v1/auth/token/refresh/", {"refresh": str(RefreshToken.for_user(admin_user))}
    )
    assert refreshed.status_code == 200
    assert refreshed["Cache-Control"] == "no-store"


def test_errors_and_refusals_before_any_view_are_no_store(api_client):
    api_client.validate_contract = False
    assert api_client.get("/api/v1/auth/me/")["Cache-Control"] == "no-store"
    assert api_client.get("/api/v1/nothing/")["Cache-Control"] == "no-store"
    assert api_client.get("/api/v1/" + "a" * 5000)["Cache-Control"] == "no-store"


def test_the_invoice_pdf_keeps_no_store_and_the_web_app_shell_keeps_no_cache(world, client):
    admin, _, ids = world
    pdf = bearer_client(admin).get(f"/api/v1/invoices/{ids['invoices']}/pdf/")
    assert (pdf.status_code, pdf["Cache-Control"]) == (200, "no-store")
    shell = client.get("/admin/doctors")
    assert "no-store" not in shell.get("Cache-Control", "")
