from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.sessions import session_start
from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.audit.models import AuditEvent
from hms.doctors.models import Department, Doctor
from hms.doctors.tests.world import snapshot

pytestmark = pytest.mark.django_db

STRONG = "a-very-long-passphrase-42"
DOCTORS = "/api/v1/doctors/"
DIRECTORY = "/api/v1/doctors/directory/"
TOKEN = "/api/v1/auth/token/"
REFRESH = "/api/v1/auth/token/refresh/"

NOT_FOUND = {"code": "NOT_FOUND", "message": "Not found.", "fields": {}}


def department(code: str) -> Department:
    return Department.objects.get(code=code)


def registration(**extra: Any) -> dict[str, Any]:
    return {
        "username": "dr.mehta",
        "password": STRONG,
        "first_name": "Vikram",
        "last_name": "Mehta",
        "email": "vikram@example.org",
        "mobile": "+91 98765 43210",
        "address": "12 MG Road, Pune",
        "department": "DERMATOLOGISTS",
        **extra,
    }


def actions() -> list[tuple[str, str]]:
    return list(AuditEvent.objects.order_by("id").values_list("action", "object_id"))


def login(client: Any, username: str, password: str = DEFAULT_PASSWORD) -> Any:
    return client.post(TOKEN, {"username": username, "password": password}, format="json")


# --- register -----------------------------------------------------------------------------------


def test_admin_registers_an_approved_doctor_who_can_log_in_at_once(admin_client, api_client):
    response = admin_client.post(DOCTORS, registration(), format="json")

    assert response.status_code == 201
    doctor = Doctor.objects.select_related("user").get()
    assert response.json() == {
        "id": doctor.pk,
        "username": "dr.mehta",
        "first_name": "Vikram",
        "last_name": "Mehta",
        "full_name": "Vikram Mehta",
        "email": "vikram@example.org",
        "mobile": "+919876543210",
        "address": "12 MG Road, Pune",
        "department": "DERMATOLOGISTS",
        "department_name": "Dermatologists",
        "status": "APPROVED",
        "created_at": response.json()["created_at"],
    }
    assert (doctor.user.role, doctor.user.status, doctor.user.is_active) == (
        Role.DOCTOR,
        AccountStatus.APPROVED,
        True,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.object_id, event.actor.username) == (
        "doctor.register",
        str(doctor.pk),
        "admin.one",
    )
    assert login(api_client, "dr.mehta", STRONG).status_code == 200


def test_register_ignores_client_sent_state_fields(admin_client):
    body = registration(status="PENDING", role="ADMIN", is_staff=True, id=999)

    response = admin_client.post(DOCTORS, body, format="json")

    assert response.status_code == 201
    user = User.objects.get(username="dr.mehta")
    assert (user.role, user.status, user.is_staff, user.doctor.pk != 999) == (
        Role.DOCTOR,
        AccountStatus.APPROVED,
        False,
        True,
    )


@pytest.mark.parametrize(
    ("override", "fields"),
    [
        ({"username": "DR.TAKEN"}, {"username": ["This username is already taken."]}),
        (
            {"password": "short"},
            {"password": ["This password is too short. It must contain at least 12 characters."]},
        ),
        (
            {"department": "ASTROLOGY"},
            {"department": ["Object with code=ASTROLOGY does not exist."]},
        ),
    ],
)
def test_register_refuses_bad_input_and_creates_nothing(
    admin_client, make_doctor, override, fields
):
    make_doctor(user__username="dr.taken")
    before = snapshot()

    response = admin_client.post(DOCTORS, registration(**override), format="json")

    assert response.status_code == 400
    assert response.json() == {
        "code": "VALIDATION_ERROR",
        "message": "Some fields are not valid.",
        "fields": fields,
    }
    assert snapshot() == before


# --- list, filters, search, ordering -----------------------------------------------------------


@pytest.fixture
def roster(make_doctor):
    """Five doctors; their creation order is the order below."""
    names = {}
    base = timezone.now() - timedelta(days=10)
    for index, (key, first, last, dept, status) in enumerate(
        [
            ("anita", "Anita", "Desai", "CARDIOLOGIST", AccountStatus.APPROVED),
            ("rahul", "Rahul", "Verma", "DERMATOLOGISTS", AccountStatus.APPROVED),
            ("anil", "Anil", "Kapoor", "CARDIOLOGIST", AccountStatus.PENDING),
            ("meena", "Meena", "Anand", "DERMATOLOGISTS", AccountStatus.REJECTED),
            ("gone", "Anita", "Rao", "ALLERGISTS_IMMUNOLOGISTS", AccountStatus.DELETED),
        ]
    ):
        doctor = make_doctor(
            status=status,
            user__username=f"dr.{key}",
            user__first_name=first,
            user__last_name=last,
            department=department(dept),
        )
        Doctor.objects.filter(pk=doctor.pk).update(created_at=base + timedelta(hours=index))
        names[key] = doctor.pk
    return names


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["meena", "anita", "anil", "rahul"]),
        ("?status=PENDING", ["anil"]),
        ("?status=APPROVED", ["anita", "rahul"]),
        ("?status=REJECTED", ["meena"]),
        ("?status=DELETED", ["gone"]),
        ("?department=CARDIOLOGIST", ["anita", "anil"]),
        ("?department=CARDIOLOGIST&status=APPROVED", ["anita"]),
        ("?department=NO_SUCH_DEPARTMENT", []),
        ("?search=ani", ["anita", "anil"]),
        ("?search=ANAND", ["meena"]),
        ("?search=desai", ["anita"]),
        ("?search=anita%20desai", ["anita"]),
        ("?search=anita%20verma", []),
        ("?search=anita&status=DELETED", ["gone"]),
        ("?ordering=-name", ["rahul", "anil", "anita", "meena"]),
        ("?ordering=created_at", ["anita", "rahul", "anil", "meena"]),
        ("?ordering=-created_at", ["meena", "anil", "rahul", "anita"]),
        ("?ordering=department", ["anita", "anil", "meena", "rahul"]),
    ],
)
def test_list_filters_search_and_ordering_return_exactly_the_expected_ids(
    admin_client, roster, query, expected
):
    response = admin_client.get(DOCTORS + query)

    assert response.status_code == 200
    body = response.json()
    assert [row["id"] for row in body["results"]] == [roster[key] for key in expected]
    assert body["count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "field"),
    [("?status=ARCHIVED", "status"), ("?ordering=password", "ordering")],
)
def test_list_refuses_unknown_filter_values(admin_client, roster, query, field):
    response = admin_client.get(DOCTORS + query)

    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]


def test_list_is_paginated(admin_client, roster):
    response = admin_client.get(DOCTORS + "?page_size=3&page=2")

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], len(body["results"]), body["next"]) == (4, 1, None)
    assert body["previous"].endswith("/api/v1/doctors/?page_size=3")


@pytest.mark.parametrize("rows", [3, 50])
def test_list_runs_a_constant_number_of_queries(
    admin_client, make_doctor, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        make_doctor()

    # The admin's account, the count, the page (doctor, account and department joined).
    with django_assert_max_num_queries(3):
        response = admin_client.get(DOCTORS + "?page_size=100")

    assert len(response.json()["results"]) == rows


# --- retrieve ------------------------------------------------------------------------------------


def test_admin_retrieves_any_doctor_including_a_deleted_one(admin_client, roster):
    response = admin_client.get(f"{DOCTORS}{roster['gone']}/")

    assert response.status_code == 200
    assert (response.json()["full_name"], response.json()["status"]) == ("Anita Rao", "DELETED")


def test_a_missing_id_is_404(admin_client, db):
    response = admin_client.get(f"{DOCTORS}424242/")

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_a_patient_opens_their_doctor_and_nobody_else(client_for, make_doctor, make_patient):
    mine = make_doctor(user__first_name="Asha", user__last_name="Rao")
    other = make_doctor(user__first_name="Asha", user__last_name="Iyer")
    patient = make_patient(assigned_doctor=mine)
    client = client_for(patient.user)

    own = client.get(f"{DOCTORS}{mine.pk}/")
    foreign = client.get(f"{DOCTORS}{other.pk}/")
    missing = client.get(f"{DOCTORS}424242/")

    assert own.status_code == 200
    assert own.json()["full_name"] == "Asha Rao"
    assert foreign.status_code == missing.status_code == 404
    assert foreign.content == missing.content


# --- update ------------------------------------------------------------------------------------


def test_patch_changes_profile_fields_only(admin_client, make_doctor):
    doctor = make_doctor(user__username="dr.edit", user__first_name="Ravi")
    password_hash = doctor.user.password

    response = admin_client.patch(
        f"{DOCTORS}{doctor.pk}/",
        {
            "first_name": "Ravindra",
            "mobile": "080 2222 3333",
            "department": "ANESTHESIOLOGISTS",
            "status": "REJECTED",
            "role": "ADMIN",
            "password": "an-entirely-new-passphrase",
            "username": "dr.hijack",
        },
        format="json",
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["first_name"], body["mobile"], body["department"], body["department_name"]) == (
        "Ravindra",
        "08022223333",
        "ANESTHESIOLOGISTS",
        "Anesthesiologists",
    )
    user = User.objects.get(pk=doctor.user.pk)
    assert (user.username, user.status, user.role, user.is_active, user.password) == (
        "dr.edit",
        AccountStatus.APPROVED,
        Role.DOCTOR,
        True,
        password_hash,
    )
    assert actions() == [("doctor.update", str(doctor.pk))]


def test_patch_without_changes_writes_no_audit_event(admin_client, make_doctor):
    doctor = make_doctor(user__first_name="Ravi")

    response = admin_client.patch(f"{DOCTORS}{doctor.pk}/", {"first_name": "Ravi"}, format="json")

    assert response.status_code == 200
    assert actions() == []


def test_patch_refuses_bad_input_and_changes_nothing(admin_client, make_doctor):
    doctor = make_doctor()
    before = snapshot()

    response = admin_client.patch(
        f"{DOCTORS}{doctor.pk}/", {"mobile": "call me", "department": "NOPE"}, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"mobile", "department"}
    assert snapshot() == before


@pytest.mark.parametrize("status", [AccountStatus.REJECTED, AccountStatus.DELETED])
def test_patch_of_a_rejected_or_deleted_doctor_is_409(admin_client, make_doctor, status):
    doctor = make_doctor(status=status)
    before = snapshot()

    response = admin_client.patch(f"{DOCTORS}{doctor.pk}/", {"mobile": "+911234567"}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "INVALID_STATE"
    assert snapshot() == before


# --- approve / reject / delete ------------------------------------------------------------------


def test_approve_a_pending_doctor(admin_client, api_client, make_doctor):
    doctor = make_doctor(status=AccountStatus.PENDING, user__username="dr.waiting")
    assert login(api_client, "dr.waiting").status_code == 403

    response = admin_client.post(f"{DOCTORS}{doctor.pk}/approve/")

    assert response.status_code == 200
    assert response.json()["status"] == "APPROVED"
    user = User.objects.get(pk=doctor.user.pk)
    assert (user.status, user.is_active) == (AccountStatus.APPROVED, True)
    assert actions() == [("doctor.approve", str(doctor.pk))]
    assert login(api_client, "dr.waiting").status_code == 200


def test_reject_a_pending_doctor_with_a_reason_and_their_tokens_stop_working(
    admin_client, api_client, make_doctor
):
    doctor = make_doctor(status=AccountStatus.PENDING, user__username="dr.waiting")
    _session, pair = session_start(
        user=doctor.user, user_agent="", ip_address=None, at=timezone.now()
    )
    refresh = pair.refresh

    response = admin_client.post(
        f"{DOCTORS}{doctor.pk}/reject/", {"reason": "Licence not verified"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "REJECTED"
    user = User.objects.get(pk=doctor.user.pk)
    assert (user.status, user.is_active, user.status_reason) == (
        AccountStatus.REJECTED,
        False,
        "Licence not verified",
    )
    assert actions() == [("doctor.reject", str(doctor.pk))]
    assert login(api_client, "dr.waiting").json()["code"] == "ACCOUNT_REJECTED"
    assert api_client.post(REFRESH, {"refresh": refresh}, format="json").status_code == 401


def test_reject_without_a_body_leaves_the_reason_empty(admin_client, make_doctor):
    doctor = make_doctor(status=AccountStatus.PENDING)

    response = admin_client.post(f"{DOCTORS}{doctor.pk}/reject/")

    assert response.status_code == 200
    assert User.objects.get(pk=doctor.user.pk).status_reason == ""


@pytest.mark.parametrize(
    ("status", "action", "method"),
    [
        (AccountStatus.APPROVED, "approve", "post"),
        (AccountStatus.REJECTED, "approve", "post"),
        (AccountStatus.DELETED, "approve", "post"),
        (AccountStatus.APPROVED, "reject", "post"),
        (AccountStatus.REJECTED, "reject", "post"),
        (AccountStatus.DELETED, "reject", "post"),
        (AccountStatus.REJECTED, "", "delete"),
        (AccountStatus.DELETED, "", "delete"),
    ],
)
def test_refused_transitions_are_409_and_change_nothing(
    admin_client, make_doctor, status, action, method
):
    doctor = make_doctor(status=status)
    path = f"{DOCTORS}{doctor.pk}/{action + '/' if action else ''}"
    before = snapshot()

    response = getattr(admin_client, method)(path)

    assert response.status_code == 409
    assert response.json()["code"] == "INVALID_STATE"
    assert response.json()["fields"] == {}
    assert snapshot() == before


def test_approving_twice_is_409_the_second_time(admin_client, make_doctor):
    doctor = make_doctor(status=AccountStatus.PENDING)
    assert admin_client.post(f"{DOCTORS}{doctor.pk}/approve/").status_code == 200

    response = admin_client.post(f"{DOCTORS}{doctor.pk}/approve/")

    assert response.status_code == 409
    assert response.json()["message"] == "An account that is approved cannot become approved."
    assert actions() == [("doctor.approve", str(doctor.pk))]


def test_patients_cannot_be_given_to_a_deleted_doctor(admin_client, make_doctor, make_patient):
    doctor = make_doctor(status=AccountStatus.DELETED)
    patient = make_patient()

    response = admin_client.patch(
        f"/api/v1/patients/{patient.pk}/", {"assigned_doctor": doctor.pk}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "assigned_doctor": [f"No approved doctor has the id {doctor.pk}."]
    }


# --- set password --------------------------------------------------------------------------------


def test_admin_sets_a_new_password_and_old_sessions_end(admin_client, api_client, make_doctor):
    doctor = make_doctor(user__username="dr.forgot")
    old_refresh = login(api_client, "dr.forgot").json()["refresh"]

    response = admin_client.post(
        f"{DOCTORS}{doctor.pk}/set-password/", {"password": STRONG}, format="json"
    )

    assert response.status_code == 204
    assert login(api_client, "dr.forgot").status_code == 401
    assert login(api_client, "dr.forgot", STRONG).status_code == 200
    assert api_client.post(REFRESH, {"refresh": old_refresh}, format="json").status_code == 401
    assert ("doctor.set_password", str(doctor.pk)) in actions()


def test_set_password_refuses_a_weak_password(admin_client, make_doctor):
    doctor = make_doctor()
    before = snapshot()

    response = admin_client.post(
        f"{DOCTORS}{doctor.pk}/set-password/", {"password": "123456789012345"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {"password": ["This password is entirely numeric."]}
    assert snapshot() == before


def test_set_password_of_a_deleted_doctor_is_409(admin_client, make_doctor):
    doctor = make_doctor(status=AccountStatus.DELETED)
    before = snapshot()

    response = admin_client.post(
        f"{DOCTORS}{doctor.pk}/set-password/", {"password": STRONG}, format="json"
    )

    assert response.status_code == 409
    assert snapshot() == before


# --- directory -----------------------------------------------------------------------------------


def test_directory_lists_approved_doctors_only_with_name_and_department(api_client, roster):
    response = api_client.get(DIRECTORY)

    assert response.status_code == 200
    assert response.json() == {
        "count": 2,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": roster["anita"],
                "full_name": "Anita Desai",
                "department": "CARDIOLOGIST",
                "department_name": "Cardiologist",
            },
            {
                "id": roster["rahul"],
                "full_name": "Rahul Verma",
                "department": "DERMATOLOGISTS",
                "department_name": "Dermatologists",
            },
        ],
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [("?department=DERMATOLOGISTS", ["rahul"]), ("?search=anita", ["anita"]), ("?search=x", [])],
)
def test_directory_filters(api_client, roster, query, expected):
    response = api_client.get(DIRECTORY + query)

    assert [row["id"] for row in response.json()["results"]] == [roster[k] for k in expected]


@pytest.mark.parametrize("rows", [3, 50])
def test_directory_runs_a_constant_number_of_queries(
    api_client, make_doctor, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        make_doctor()

    with django_assert_max_num_queries(2):
        response = api_client.get(DIRECTORY + "?page_size=100")

    assert len(response.json()["results"]) == rows
