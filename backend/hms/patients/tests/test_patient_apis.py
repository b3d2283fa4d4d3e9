from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.tests.factories import AdmissionFactory
from hms.audit.models import AuditEvent
from hms.doctors.tests.world import snapshot
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db

STRONG = "a-very-long-passphrase-42"
PATIENTS = "/api/v1/patients/"
TOKEN = "/api/v1/auth/token/"
REFRESH = "/api/v1/auth/token/refresh/"


def registration(**extra: Any) -> dict[str, Any]:
    return {
        "username": "p.sharma",
        "password": STRONG,
        "first_name": "Neha",
        "last_name": "Sharma",
        "email": "",
        "mobile": "98765 01234",
        "address": "4 Lake View, Kochi",
        "symptoms": "Persistent cough",
        "date_of_birth": "1990-05-17",
        **extra,
    }


def actions() -> list[tuple[str, str]]:
    return list(AuditEvent.objects.order_by("id").values_list("action", "object_id"))


def login(client: Any, username: str, password: str = DEFAULT_PASSWORD) -> Any:
    return client.post(TOKEN, {"username": username, "password": password}, format="json")


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


# --- register -----------------------------------------------------------------------------------


def test_admin_registers_an_approved_patient_with_a_doctor(admin_client, api_client, make_doctor):
    doctor = make_doctor(user__first_name="Anita", user__last_name="Desai")

    response = admin_client.post(
        PATIENTS, registration(assigned_doctor=doctor.pk, status="PENDING"), format="json"
    )

    assert response.status_code == 201
    patient = Patient.objects.select_related("user").get()
    assert response.json() == {
        "id": patient.pk,
        "username": "p.sharma",
        "first_name": "Neha",
        "last_name": "Sharma",
        "full_name": "Neha Sharma",
        "email": "",
        "mobile": "9876501234",
        "address": "4 Lake View, Kochi",
        "symptoms": "Persistent cough",
        "date_of_birth": "1990-05-17",
        "preferred_doctor": None,
        "assigned_doctor": doctor.pk,
        "assigned_doctor_name": "Anita Desai",
        "status": "APPROVED",
        "is_admitted": False,
        "created_at": response.json()["created_at"],
    }
    assert (patient.user.role, patient.user.status, patient.user.is_active) == (
        Role.PATIENT,
        AccountStatus.APPROVED,
        True,
    )
    assert list(AuditEvent.objects.values_list("action", "object_id", "actor__username")) == [
        ("patient.register", str(patient.pk), "admin.one")
    ]
    assert login(api_client, "p.sharma", STRONG).status_code == 200


def test_register_without_a_doctor(admin_client):
    response = admin_client.post(PATIENTS, registration(), format="json")

    assert response.status_code == 201
    assert (response.json()["assigned_doctor"], response.json()["assigned_doctor_name"]) == (
        None,
        None,
    )


@pytest.mark.parametrize("status", [AccountStatus.PENDING, AccountStatus.DELETED])
def test_register_refuses_a_doctor_who_is_not_approved(admin_client, make_doctor, status):
    doctor = make_doctor(status=status)
    before = snapshot()

    response = admin_client.post(PATIENTS, registration(assigned_doctor=doctor.pk), format="json")

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "assigned_doctor": [f"No approved doctor has the id {doctor.pk}."]
    }
    assert snapshot() == before


# --- list, search, filters ------------------------------------------------------------------------


@pytest.fixture
def ward(make_doctor, make_patient):
    """Two doctors who share a first name, and their patients; creation order as listed."""
    rao = make_doctor(user__first_name="Asha", user__last_name="Rao")
    iyer = make_doctor(user__first_name="Asha", user__last_name="Iyer")
    base = timezone.now() - timedelta(days=3)
    rows = {"rao": rao, "iyer": iyer}
    for index, (key, first, last, symptoms, doctor, status) in enumerate(
        [
            ("meera", "Meera", "Nair", "Chest pain on exertion", rao, AccountStatus.APPROVED),
            ("john", "John", "Mathew", "Itchy rash", rao, AccountStatus.APPROVED),
            ("meera_k", "Meera", "Kumar", "Chest pain at night", iyer, AccountStatus.APPROVED),
            ("ravi", "Ravi", "Kumar", "Palpitations", None, AccountStatus.PENDING),
            ("waiting", "Sara", "Iyer", "Headache", rao, AccountStatus.PENDING),
            ("gone", "Meera", "Das", "Fever", rao, AccountStatus.DELETED),
            ("refused", "Omar", "Haddad", "Cough", None, AccountStatus.REJECTED),
        ]
    ):
        patient = make_patient(
            status=status,
            assigned_doctor=doctor,
            symptoms=symptoms,
            user__username=key,
            user__first_name=first,
            user__last_name=last,
        )
        Patient.objects.filter(pk=patient.pk).update(created_at=base + timedelta(hours=index))
        rows[key] = patient
    return rows


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["refused", "waiting", "meera_k", "ravi", "john", "meera"]),
        ("?status=PENDING", ["waiting", "ravi"]),
        ("?status=APPROVED", ["meera_k", "john", "meera"]),
        ("?status=REJECTED", ["refused"]),
        ("?status=DELETED", ["gone"]),
        ("?search=meera", ["meera_k", "meera"]),
        ("?search=KUMAR", ["meera_k", "ravi"]),
        ("?search=meera%20kumar", ["meera_k"]),
        ("?search=chest%20pain", ["meera_k", "meera"]),
        ("?search=rash", ["john"]),
        ("?ordering=created_at", ["meera", "john", "meera_k", "ravi", "waiting", "refused"]),
        ("?ordering=-created_at", ["refused", "waiting", "ravi", "meera_k", "john", "meera"]),
        ("?ordering=-name", ["meera", "john", "ravi", "meera_k", "waiting", "refused"]),
    ],
)
def test_admin_list_filters_and_search_return_exactly_the_expected_ids(
    admin_client, ward, query, expected
):
    assert ids(admin_client.get(PATIENTS + query)) == [ward[key].pk for key in expected]


def test_admin_filters_by_assigned_doctor(admin_client, ward):
    assert ids(admin_client.get(f"{PATIENTS}?assigned_doctor={ward['iyer'].pk}")) == [
        ward["meera_k"].pk
    ]
    assert ids(admin_client.get(f"{PATIENTS}?assigned_doctor={ward['rao'].pk}&status=PENDING")) == [
        ward["waiting"].pk
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["john", "meera"]),
        ("?search=meera", ["meera"]),
        ("?search=kumar", []),
        ("?search=chest", ["meera"]),
        ("?search=iyer", []),
        ("?status=PENDING", []),
        ("?status=DELETED", []),
    ],
)
def test_a_doctor_lists_only_their_approved_assigned_patients(client_for, ward, query, expected):
    client = client_for(ward["rao"].user)

    assert ids(client.get(PATIENTS + query)) == [ward[key].pk for key in expected]


def test_a_doctor_cannot_open_a_patient_of_another_doctor_who_shares_their_first_name(
    client_for, ward
):
    client = client_for(ward["rao"].user)

    own = client.get(f"{PATIENTS}{ward['meera'].pk}/")
    foreign = client.get(f"{PATIENTS}{ward['meera_k'].pk}/")
    pending = client.get(f"{PATIENTS}{ward['waiting'].pk}/")
    missing = client.get(f"{PATIENTS}987654/")

    assert own.status_code == 200
    assert own.json()["symptoms"] == "Chest pain on exertion"
    assert foreign.status_code == pending.status_code == missing.status_code == 404
    assert foreign.content == pending.content == missing.content
    assert foreign.headers["Content-Type"] == missing.headers["Content-Type"]
    assert missing.json() == {"code": "NOT_FOUND", "message": "Not found.", "fields": {}}


def test_a_patient_opens_only_themself(client_for, ward):
    client = client_for(ward["meera"].user)

    own = client.get(f"{PATIENTS}{ward['meera'].pk}/")
    other = client.get(f"{PATIENTS}{ward['meera_k'].pk}/")
    missing = client.get(f"{PATIENTS}987654/")

    assert own.status_code == 200
    assert (own.json()["username"], own.json()["assigned_doctor_name"]) == ("meera", "Asha Rao")
    assert other.status_code == missing.status_code == 404
    assert other.content == missing.content


@pytest.mark.parametrize("query", ["?status=GONE", "?assigned_doctor=abc", "?ordering=symptoms"])
def test_list_refuses_unknown_filter_values(admin_client, ward, query):
    response = admin_client.get(PATIENTS + query)

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"


@pytest.mark.parametrize("rows", [3, 50])
@pytest.mark.parametrize("viewer", ["admin", "doctor"])
def test_list_runs_a_constant_number_of_queries(
    admin_user, client_for, make_doctor, make_patient, django_assert_max_num_queries, rows, viewer
):
    doctor = make_doctor()
    for index in range(rows):
        make_patient(assigned_doctor=doctor if index % 2 == 0 else make_doctor())
    client = client_for(admin_user if viewer == "admin" else doctor.user)

    # The caller's account, the count, the page (patient, account, doctor and doctor's account),
    # and the one access event (the chain's lock on PostgreSQL, the previous hash, the insert).
    with django_assert_max_num_queries(6):
        response = client.get(PATIENTS + "?page_size=100")

    assert len(response.json()["results"]) == (rows if viewer == "admin" else (rows + 1) // 2)


# --- update and assignment ------------------------------------------------------------------------


def test_patch_changes_profile_fields_and_never_the_state(admin_client, make_patient):
    patient = make_patient(user__username="meera", symptoms="Fever")
    password_hash = patient.user.password

    response = admin_client.patch(
        f"{PATIENTS}{patient.pk}/",
        {
            "symptoms": "Fever, improving",
            "date_of_birth": "1980-02-29",
            "last_name": "Menon",
            "status": "DELETED",
            "role": "ADMIN",
            "is_admitted": True,
            "password": "an-entirely-new-passphrase",
            "preferred_doctor": 1,
        },
        format="json",
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["symptoms"], body["date_of_birth"], body["last_name"], body["is_admitted"]) == (
        "Fever, improving",
        "1980-02-29",
        "Menon",
        False,
    )
    user = User.objects.get(pk=patient.user.pk)
    assert (user.status, user.role, user.is_active, user.password) == (
        AccountStatus.APPROVED,
        Role.PATIENT,
        True,
        password_hash,
    )
    assert Patient.objects.get(pk=patient.pk).preferred_doctor_id is None
    assert actions() == [("patient.update", str(patient.pk))]


def test_admin_assigns_changes_and_removes_the_doctor(admin_client, make_doctor, make_patient):
    first = make_doctor(user__first_name="Anita", user__last_name="Desai")
    second = make_doctor(user__first_name="Rahul", user__last_name="Verma")
    patient = make_patient()
    path = f"{PATIENTS}{patient.pk}/"

    assigned = admin_client.patch(path, {"assigned_doctor": first.pk}, format="json")
    changed = admin_client.patch(path, {"assigned_doctor": second.pk}, format="json")
    same = admin_client.patch(path, {"assigned_doctor": second.pk}, format="json")
    removed = admin_client.patch(path, {"assigned_doctor": None}, format="json")

    assert [r.status_code for r in (assigned, changed, same, removed)] == [200] * 4
    assert [r.json()["assigned_doctor_name"] for r in (assigned, changed, removed)] == [
        "Anita Desai",
        "Rahul Verma",
        None,
    ]
    assert actions() == [
        ("patient.assign", str(patient.pk)),
        ("patient.assign", str(patient.pk)),
        ("patient.unassign", str(patient.pk)),
    ]
    assert Patient.objects.get(pk=patient.pk).assigned_doctor_id is None


@pytest.mark.parametrize(
    "doctor_status", [AccountStatus.PENDING, AccountStatus.REJECTED, AccountStatus.DELETED, None]
)
def test_assigning_anything_but_an_approved_doctor_is_400(
    admin_client, make_doctor, make_patient, doctor_status
):
    current = make_doctor()
    patient = make_patient(assigned_doctor=current)
    doctor_id = make_doctor(status=doctor_status).pk if doctor_status else 999999
    before = snapshot()

    response = admin_client.patch(
        f"{PATIENTS}{patient.pk}/", {"assigned_doctor": doctor_id}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "VALIDATION_ERROR",
        "message": "Some fields are not valid.",
        "fields": {"assigned_doctor": [f"No approved doctor has the id {doctor_id}."]},
    }
    assert snapshot() == before


def test_assigning_a_non_numeric_doctor_is_400(admin_client, make_patient):
    patient = make_patient()

    response = admin_client.patch(
        f"{PATIENTS}{patient.pk}/", {"assigned_doctor": "dr.anita"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {"assigned_doctor": ["A doctor id is a number."]}


@pytest.mark.parametrize("status", [AccountStatus.REJECTED, AccountStatus.DELETED])
def test_patch_of_a_rejected_or_deleted_patient_is_409(admin_client, make_patient, status):
    patient = make_patient(status=status)
    before = snapshot()

    response = admin_client.patch(f"{PATIENTS}{patient.pk}/", {"symptoms": "x"}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "INVALID_STATE"
    assert snapshot() == before


def test_patch_refuses_a_future_date_of_birth(admin_client, make_patient):
    patient = make_patient()
    before = snapshot()

    response = admin_client.patch(
        f"{PATIENTS}{patient.pk}/", {"date_of_birth": "2999-01-01"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "date_of_birth": ["The date of birth cannot be in the future."]
    }
    assert snapshot() == before


# --- approve / reject / delete ------------------------------------------------------------------


def test_approving_assigns_the_preferred_doctor(
    admin_client, api_client, make_doctor, make_patient
):
    doctor = make_doctor()
    patient = make_patient(
        status=AccountStatus.PENDING, preferred_doctor=doctor, user__username="arun"
    )

    response = admin_client.post(f"{PATIENTS}{patient.pk}/approve/")

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["assigned_doctor"]) == (
        "APPROVED",
        doctor.pk,
    )
    assert actions() == [
        ("patient.approve", str(patient.pk)),
        ("patient.assign", str(patient.pk)),
    ]
    assert login(api_client, "arun").status_code == 200


@pytest.mark.parametrize("preferred_status", [AccountStatus.DELETED, AccountStatus.PENDING])
def test_approving_does_not_assign_a_preferred_doctor_who_is_no_longer_approved(
    admin_client, make_doctor, make_patient, preferred_status
):
    doctor = make_doctor(status=preferred_status)
    patient = make_patient(status=AccountStatus.PENDING, preferred_doctor=doctor)

    response = admin_client.post(f"{PATIENTS}{patient.pk}/approve/")

    assert response.status_code == 200
    assert response.json()["assigned_doctor"] is None
    assert actions() == [("patient.approve", str(patient.pk))]


def test_approving_keeps_a_doctor_the_admin_already_assigned(
    admin_client, make_doctor, make_patient
):
    preferred = make_doctor()
    chosen = make_doctor()
    patient = make_patient(
        status=AccountStatus.PENDING, preferred_doctor=preferred, assigned_doctor=chosen
    )

    response = admin_client.post(f"{PATIENTS}{patient.pk}/approve/")

    assert response.json()["assigned_doctor"] == chosen.pk
    assert actions() == [("patient.approve", str(patient.pk))]


def test_reject_a_pending_patient_with_a_reason(admin_client, api_client, make_patient):
    patient = make_patient(status=AccountStatus.PENDING, user__username="arun")

    response = admin_client.post(
        f"{PATIENTS}{patient.pk}/reject/", {"reason": "Duplicate registration"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "REJECTED"
    user = User.objects.get(pk=patient.user.pk)
    assert (user.status, user.is_active, user.status_reason) == (
        AccountStatus.REJECTED,
        False,
        "Duplicate registration",
    )
    assert actions() == [("patient.reject", str(patient.pk))]
    assert login(api_client, "arun").json()["code"] == "ACCOUNT_REJECTED"


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
    admin_client, make_doctor, make_patient, status, action, method
):
    patient = make_patient(status=status, preferred_doctor=make_doctor())
    path = f"{PATIENTS}{patient.pk}/{action + '/' if action else ''}"
    before = snapshot()

    response = getattr(admin_client, method)(path)

    assert response.status_code == 409
    assert response.json()["code"] == "INVALID_STATE"
    assert snapshot() == before


def test_set_password_ends_the_patients_sessions(admin_client, api_client, make_patient):
    patient = make_patient(user__username="forgot")
    old_refresh = login(api_client, "forgot").json()["refresh"]

    response = admin_client.post(
        f"{PATIENTS}{patient.pk}/set-password/", {"password": STRONG}, format="json"
    )

    assert response.status_code == 204
    assert login(api_client, "forgot", STRONG).status_code == 200
    assert api_client.post(REFRESH, {"refresh": old_refresh}, format="json").status_code == 401
    assert ("patient.set_password", str(patient.pk)) in actions()


# --- admitted patients ---------------------------------------------------------------------------


def test_editing_an_admitted_patient_keeps_the_admission(admin_client, make_doctor, make_patient):
    doctor = make_doctor()
    other = make_doctor()
    patient = make_patient(assigned_doctor=doctor)
    admission = AdmissionFactory(patient=patient, doctor=doctor)

    response = admin_client.patch(
        f"{PATIENTS}{patient.pk}/",
        {"symptoms": "Stable", "assigned_doctor": other.pk, "is_admitted": False},
        format="json",
    )

    assert response.status_code == 200
    assert (response.json()["is_admitted"], response.json()["assigned_doctor"]) == (
        True,
        other.pk,
    )
    assert Admission.objects.get(pk=admission.pk).status == AdmissionStatus.ADMITTED
