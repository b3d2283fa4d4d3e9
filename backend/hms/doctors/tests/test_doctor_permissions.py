"""Every operation of doctors/ as every caller: the exact status, and nothing changed on denial."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hms.doctors.tests.world import CALLERS, World, build_world, snapshot

pytestmark = pytest.mark.django_db

STRONG = "a-very-long-passphrase-42"

# operation -> (method, path, body)
OPERATIONS: dict[str, Callable[[World], tuple[str, str, dict[str, Any] | None]]] = {
    "list": lambda w: ("get", "/api/v1/doctors/", None),
    "create": lambda w: (
        "post",
        "/api/v1/doctors/",
        {
            "username": "dr.new.hire",
            "password": STRONG,
            "first_name": "Vikram",
            "last_name": "Mehta",
            "mobile": "+91 98765 43210",
            "address": "12 MG Road, Pune",
            "department": "DERMATOLOGISTS",
        },
    ),
    "directory": lambda w: ("get", "/api/v1/doctors/directory/", None),
    "retrieve_assigned": lambda w: ("get", f"/api/v1/doctors/{w.doctor.pk}/", None),
    "retrieve_other": lambda w: ("get", f"/api/v1/doctors/{w.other_doctor.pk}/", None),
    "update": lambda w: ("patch", f"/api/v1/doctors/{w.doctor.pk}/", {"mobile": "+911234567890"}),
    "destroy": lambda w: ("delete", f"/api/v1/doctors/{w.other_doctor.pk}/", None),
    "approve": lambda w: ("post", f"/api/v1/doctors/{w.pending_doctor.pk}/approve/", None),
    "reject": lambda w: (
        "post",
        f"/api/v1/doctors/{w.pending_doctor.pk}/reject/",
        {"reason": "Licence not verified"},
    ),
    "set_password": lambda w: (
        "post",
        f"/api/v1/doctors/{w.doctor.pk}/set-password/",
        {"password": STRONG},
    ),
}

_ADMIN_ONLY = {
    "anonymous": 401,
    "doctor": 403,
    "patient": 403,
    "pending_doctor": 401,
    "pending_patient": 401,
}

# `patient` is assigned to `doctor`, not to `other_doctor`; a doctor may not call doctors/ at all.
EXPECTED: dict[str, dict[str, int]] = {
    "list": {**_ADMIN_ONLY, "admin": 200},
    "create": {**_ADMIN_ONLY, "admin": 201},
    "directory": dict.fromkeys(CALLERS, 200),
    "retrieve_assigned": {**_ADMIN_ONLY, "admin": 200, "patient": 200},
    "retrieve_other": {**_ADMIN_ONLY, "admin": 200, "patient": 404},
    "update": {**_ADMIN_ONLY, "admin": 200},
    "destroy": {**_ADMIN_ONLY, "admin": 204},
    "approve": {**_ADMIN_ONLY, "admin": 200},
    "reject": {**_ADMIN_ONLY, "admin": 200},
    "set_password": {**_ADMIN_ONLY, "admin": 204},
}

CASES = [
    (operation, caller, EXPECTED[operation][caller])
    for operation in OPERATIONS
    for caller in CALLERS
]


def test_the_matrix_covers_every_caller_of_every_operation():
    assert all(set(expected) == set(CALLERS) for expected in EXPECTED.values())
    assert set(EXPECTED) == set(OPERATIONS)


@pytest.mark.parametrize(("operation", "caller", "expected"), CASES)
def test_doctor_endpoint_permissions(api_client, client_for, operation, caller, expected):
    world = build_world()
    user = world.user(caller)
    client = client_for(user) if user is not None else api_client
    method, path, body = OPERATIONS[operation](world)
    before = snapshot()

    response = getattr(client, method)(path, body, format="json")

    assert response.status_code == expected, response.content
    if expected >= 400:
        assert (
            response.json()["code"]
            == {
                401: "NOT_AUTHENTICATED",
                403: "PERMISSION_DENIED",
                404: "NOT_FOUND",
            }[expected]
        )
    if expected >= 400 or method == "get":
        assert snapshot() == before
    else:
        assert snapshot() != before


# What each caller receives from each read operation, exactly (for a list: each row's fields).
WHOLE_PROFILE = {
    "id",
    "username",
    "first_name",
    "last_name",
    "full_name",
    "email",
    "mobile",
    "address",
    "department",
    "department_name",
    "status",
    "created_at",
}
# A patient sees how to reach their doctor, not the doctor's account (username, e-mail, status).
CARD = {"id", "full_name", "department", "department_name", "mobile", "address"}
DIRECTORY_ENTRY = {"id", "full_name", "department", "department_name"}

FIELDS: dict[str, dict[str, set[str]]] = {
    "list": {"admin": WHOLE_PROFILE},
    "directory": dict.fromkeys(CALLERS, DIRECTORY_ENTRY),
    "retrieve_assigned": {"admin": WHOLE_PROFILE, "patient": CARD},
    "retrieve_other": {"admin": WHOLE_PROFILE},
}

READS = [(operation, caller) for operation, row in FIELDS.items() for caller in row]


def test_every_successful_read_has_its_field_set():
    world = build_world()
    successful_gets = {
        (operation, caller)
        for operation, row in EXPECTED.items()
        for caller, status in row.items()
        if status == 200 and OPERATIONS[operation](world)[0] == "get"
    }
    assert set(READS) == successful_gets


@pytest.mark.parametrize(("operation", "caller"), READS)
def test_each_caller_receives_exactly_its_fields(api_client, client_for, operation, caller):
    world = build_world()
    user = world.user(caller)
    client = client_for(user) if user is not None else api_client
    _, path, _ = OPERATIONS[operation](world)

    body = client.get(path).json()

    rows = body.get("results", [body])
    assert rows
    assert [set(row) for row in rows] == [FIELDS[operation][caller]] * len(rows)


def test_a_patient_sees_their_doctors_name_department_and_contact(client_for):
    world = build_world()

    response = client_for(world.patient.user).get(f"/api/v1/doctors/{world.doctor.pk}/")

    assert response.json() == {
        "id": world.doctor.pk,
        "full_name": "Asha Rao",
        "department": "CARDIOLOGIST",
        "department_name": "Cardiologist",
        "mobile": world.doctor.mobile,
        "address": world.doctor.address,
    }
