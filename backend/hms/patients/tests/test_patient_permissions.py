"""Every operation of patients/ as every caller: the exact status, and nothing changed on denial."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hms.doctors.tests.world import CALLERS, World, build_world, snapshot

pytestmark = pytest.mark.django_db

STRONG = "a-very-long-passphrase-42"

# operation -> (method, path, body). `patient` is assigned to `doctor`; `other_patient` to
# `other_doctor`, who shares `doctor`'s first name.
OPERATIONS: dict[str, Callable[[World], tuple[str, str, dict[str, Any] | None]]] = {
    "list": lambda w: ("get", "/api/v1/patients/", None),
    "create": lambda w: (
        "post",
        "/api/v1/patients/",
        {
            "username": "p.sharma",
            "password": STRONG,
            "first_name": "Neha",
            "last_name": "Sharma",
            "mobile": "9876501234",
            "address": "4 Lake View, Kochi",
            "symptoms": "Persistent cough",
        },
    ),
    "retrieve_own": lambda w: ("get", f"/api/v1/patients/{w.patient.pk}/", None),
    "retrieve_other": lambda w: ("get", f"/api/v1/patients/{w.other_patient.pk}/", None),
    "update_own": lambda w: (
        "patch",
        f"/api/v1/patients/{w.patient.pk}/",
        {"symptoms": "Better now"},
    ),
    "assign_doctor": lambda w: (
        "patch",
        f"/api/v1/patients/{w.patient.pk}/",
        {"assigned_doctor": w.other_doctor.pk},
    ),
    "destroy": lambda w: ("delete", f"/api/v1/patients/{w.other_patient.pk}/", None),
    "approve": lambda w: ("post", f"/api/v1/patients/{w.pending_patient.pk}/approve/", None),
    "reject": lambda w: ("post", f"/api/v1/patients/{w.pending_patient.pk}/reject/", {}),
    "set_password": lambda w: (
        "post",
        f"/api/v1/patients/{w.patient.pk}/set-password/",
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

EXPECTED: dict[str, dict[str, int]] = {
    "list": {**_ADMIN_ONLY, "admin": 200, "doctor": 200},
    "create": {**_ADMIN_ONLY, "admin": 201},
    "retrieve_own": {**_ADMIN_ONLY, "admin": 200, "doctor": 200, "patient": 200},
    "retrieve_other": {**_ADMIN_ONLY, "admin": 200, "doctor": 404, "patient": 404},
    "update_own": {**_ADMIN_ONLY, "admin": 200},
    "assign_doctor": {**_ADMIN_ONLY, "admin": 200},
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
def test_patient_endpoint_permissions(api_client, client_for, operation, caller, expected):
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
# The admin, the assigned doctor and the patient themself see the same record.
PATIENT_RECORD = {
    "id",
    "username",
    "first_name",
    "last_name",
    "full_name",
    "email",
    "mobile",
    "address",
    "symptoms",
    "date_of_birth",
    "preferred_doctor",
    "assigned_doctor",
    "assigned_doctor_name",
    "status",
    "is_admitted",
    "created_at",
}

FIELDS: dict[str, dict[str, set[str]]] = {
    "list": {"admin": PATIENT_RECORD, "doctor": PATIENT_RECORD},
    "retrieve_own": dict.fromkeys(["admin", "doctor", "patient"], PATIENT_RECORD),
    "retrieve_other": {"admin": PATIENT_RECORD},
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
    client = client_for(world.user(caller))
    _, path, _ = OPERATIONS[operation](world)

    body = client.get(path).json()

    rows = body.get("results", [body])
    assert rows
    assert [set(row) for row in rows] == [FIELDS[operation][caller]] * len(rows)
