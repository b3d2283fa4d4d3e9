from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from hms.accounts.models import AccountStatus, Role, User
from hms.audit.models import AuditEvent
from hms.doctors.models import Doctor

pytestmark = pytest.mark.django_db

STRONG = "a-very-long-passphrase-42"


def admin_body(**extra: Any) -> dict[str, Any]:
    return {
        "username": "new.admin",
        "password": STRONG,
        "first_name": "Asha",
        "last_name": "Rao",
        "email": "asha@example.org",
        **extra,
    }


def doctor_body(**extra: Any) -> dict[str, Any]:
    return {
        "username": "dr.mehta",
        "password": STRONG,
        "first_name": "Vikram",
        "last_name": "Mehta",
        "mobile": "+91 98765 43210",
        "address": "12 MG Road, Pune",
        "department": "DERMATOLOGISTS",
        **extra,
    }


def patient_body(**extra: Any) -> dict[str, Any]:
    return {
        "username": "p.sharma",
        "password": STRONG,
        "first_name": "Neha",
        "last_name": "Sharma",
        "mobile": "9876501234",
        "address": "4 Lake View, Kochi",
        "symptoms": "Persistent cough",
        "date_of_birth": "1990-05-17",
        **extra,
    }


@override_settings(HMS_ADMIN_SIGNUP="open")
def test_admin_signup_open_creates_an_approved_admin(api_client):
    response = api_client.post("/api/v1/auth/signup/admin/", admin_body(), format="json")

    assert response.status_code == 201
    user = User.objects.get(username="new.admin")
    assert response.json() == {
        "id": user.pk,
        "username": "new.admin",
        "first_name": "Asha",
        "last_name": "Rao",
        "full_name": "Asha Rao",
        "email": "asha@example.org",
        "role": "ADMIN",
        "status": "APPROVED",
    }
    assert (user.role, user.status, user.is_active) == (Role.ADMIN, AccountStatus.APPROVED, True)
    assert list(AuditEvent.objects.values_list("action", "object_id")) == [
        ("admin.signup", str(user.pk))
    ]


@override_settings(HMS_ADMIN_SIGNUP="closed")
def test_admin_signup_closed_refuses_anonymous(api_client):
    response = api_client.post("/api/v1/auth/signup/admin/", admin_body(), format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "ADMIN_SIGNUP_CLOSED"
    assert User.objects.count() == 0


@override_settings(HMS_ADMIN_SIGNUP="closed")
def test_admin_signup_closed_accepts_an_admins_token(admin_client):
    response = admin_client.post("/api/v1/auth/signup/admin/", admin_body(), format="json")

    assert response.status_code == 201
    assert User.objects.get(username="new.admin").status == AccountStatus.APPROVED
    event = AuditEvent.objects.get(action="admin.create")
    assert event.actor.username == "admin.one"


@override_settings(HMS_ADMIN_SIGNUP="code", HMS_ADMIN_SIGNUP_CODE="hospital-secret-code")
@pytest.mark.parametrize(
    ("code", "expected_status", "expected_code"),
    [
        ("hospital-secret-code", 201, None),
        ("wrong", 403, "INVALID_SIGNUP_CODE"),
        ("", 403, "INVALID_SIGNUP_CODE"),
    ],
)
def test_admin_signup_code_policy(api_client, code, expected_status, expected_code):
    response = api_client.post(
        "/api/v1/auth/signup/admin/", admin_body(signup_code=code), format="json"
    )

    assert response.status_code == expected_status
    if expected_code:
        assert response.json()["code"] == expected_code
        assert User.objects.count() == 0
    else:
        assert User.objects.filter(username="new.admin", role=Role.ADMIN).count() == 1


MASS_ASSIGNMENT = {
    "role": "ADMIN",
    "status": "APPROVED",
    "is_staff": True,
    "is_superuser": True,
    "is_active": True,
    "id": 999,
    "assigned_doctor": 1,
}


@pytest.mark.parametrize(
    ("path", "body_factory", "expected_role"),
    [
        ("/api/v1/auth/signup/doctor/", doctor_body, Role.DOCTOR),
        ("/api/v1/auth/signup/patient/", patient_body, Role.PATIENT),
    ],
)
def test_signup_ignores_client_sent_state_fields(api_client, path, body_factory, expected_role):
    response = api_client.post(path, body_factory(**MASS_ASSIGNMENT), format="json")

    assert response.status_code == 201
    user = User.objects.get()
    assert user.pk != 999
    assert (user.role, user.status, user.is_active, user.is_staff, user.is_superuser) == (
        expected_role,
        AccountStatus.PENDING,
        False,
        False,
        False,
    )
    if expected_role == Role.PATIENT:
        assert user.patient.assigned_doctor_id is None


@override_settings(HMS_ADMIN_SIGNUP="open")
def test_admin_signup_ignores_is_staff_and_superuser(api_client):
    response = api_client.post(
        "/api/v1/auth/signup/admin/", admin_body(**MASS_ASSIGNMENT), format="json"
    )

    assert response.status_code == 201
    user = User.objects.get()
    assert (user.is_staff, user.is_superuser, user.role) == (False, False, Role.ADMIN)


def test_duplicate_username_is_refused_case_insensitively(api_client, make_doctor):
    make_doctor(user__username="dr.mehta")
    response = api_client.post(
        "/api/v1/auth/signup/doctor/", doctor_body(username="DR.Mehta"), format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "VALIDATION_ERROR",
        "message": "Some fields are not valid.",
        "fields": {"username": ["This username is already taken."]},
    }
    assert Doctor.objects.count() == 1


def test_passwords_are_stored_with_argon2(api_client):
    from config.settings import base

    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        response = api_client.post("/api/v1/auth/signup/doctor/", doctor_body(), format="json")

    assert response.status_code == 201
    stored = User.objects.get(username="dr.mehta").password
    assert stored.startswith("argon2$argon2id$")
    assert STRONG not in stored
