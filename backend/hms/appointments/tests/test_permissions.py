"""Every appointment operation as every caller: the exact status, and nothing changed on denial."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hms.appointments.tests.factories import slot
from hms.appointments.tests.world import CALLERS, World, build_world, snapshot

pytestmark = pytest.mark.django_db

# operation -> (method, path, body)
OPERATIONS: dict[str, Callable[[World], tuple[str, str, dict[str, Any] | None]]] = {
    "list": lambda w: ("get", "/api/v1/appointments/", None),
    "create": lambda w: (
        "post",
        "/api/v1/appointments/",
        {
            "doctor": w.doctor.pk,
            "patient": w.patient.pk,
            "starts_at": slot(6).isoformat(),
            "reason": "Check-up",
        },
    ),
    "retrieve_own_pending": lambda w: ("get", f"/api/v1/appointments/{w.pending.pk}/", None),
    "retrieve_own_confirmed": lambda w: ("get", f"/api/v1/appointments/{w.confirmed.pk}/", None),
    "retrieve_other": lambda w: ("get", f"/api/v1/appointments/{w.others_pending.pk}/", None),
    "retrieve_missing": lambda w: ("get", "/api/v1/appointments/999999/", None),
    "approve_own": lambda w: ("post", f"/api/v1/appointments/{w.pending.pk}/approve/", None),
    "approve_other": lambda w: (
        "post",
        f"/api/v1/appointments/{w.others_pending.pk}/approve/",
        None,
    ),
    "reject_own": lambda w: (
        "post",
        f"/api/v1/appointments/{w.pending.pk}/reject/",
        {"reason": "Doctor away"},
    ),
    "cancel_own": lambda w: ("post", f"/api/v1/appointments/{w.pending.pk}/cancel/", {}),
    "cancel_other": lambda w: (
        "post",
        f"/api/v1/appointments/{w.others_pending.pk}/cancel/",
        {},
    ),
    "complete_own": lambda w: ("post", f"/api/v1/appointments/{w.started.pk}/complete/", None),
    "complete_other": lambda w: (
        "post",
        f"/api/v1/appointments/{w.others_started.pk}/complete/",
        None,
    ),
    "slots": lambda w: ("get", f"/api/v1/doctors/{w.doctor.pk}/slots/?date=2026-11-27", None),
    "slots_unapproved_doctor": lambda w: (
        "get",
        f"/api/v1/doctors/{w.pending_doctor.pk}/slots/?date=2026-11-27",
        None,
    ),
}

# Tokens of accounts that are not approved are refused like no token at all.
_LOGGED_OUT = {"anonymous": 401, "pending_doctor": 401, "pending_patient": 401}

# "own" rows belong to `doctor` and `patient`; "other" rows to `other_doctor`/`other_patient`.
EXPECTED: dict[str, dict[str, int]] = {
    "list": {**_LOGGED_OUT, "admin": 200, "doctor": 200, "patient": 200},
    "create": {**_LOGGED_OUT, "admin": 201, "doctor": 403, "patient": 201},
    # A request still pending is not on the doctor's calendar: 404, as if it did not exist.
    "retrieve_own_pending": {**_LOGGED_OUT, "admin": 200, "doctor": 404, "patient": 200},
    "retrieve_own_confirmed": {**_LOGGED_OUT, "admin": 200, "doctor": 200, "patient": 200},
    "retrieve_other": {**_LOGGED_OUT, "admin": 200, "doctor": 404, "patient": 404},
    "retrieve_missing": {**_LOGGED_OUT, "admin": 404, "doctor": 404, "patient": 404},
    "approve_own": {**_LOGGED_OUT, "admin": 200, "doctor": 403, "patient": 403},
    "approve_other": {**_LOGGED_OUT, "admin": 200, "doctor": 403, "patient": 403},
    "reject_own": {**_LOGGED_OUT, "admin": 200, "doctor": 403, "patient": 403},
    "cancel_own": {**_LOGGED_OUT, "admin": 200, "doctor": 403, "patient": 200},
    "cancel_other": {**_LOGGED_OUT, "admin": 200, "doctor": 403, "patient": 404},
    "complete_own": {**_LOGGED_OUT, "admin": 403, "doctor": 200, "patient": 403},
    "complete_other": {**_LOGGED_OUT, "admin": 403, "doctor": 404, "patient": 403},
    "slots": {**_LOGGED_OUT, "admin": 200, "doctor": 403, "patient": 200},
    "slots_unapproved_doctor": {**_LOGGED_OUT, "admin": 404, "doctor": 403, "patient": 404},
}

CASES = [(operation, caller) for operation in OPERATIONS for caller in CALLERS]


def test_every_operation_has_an_expectation_for_every_caller():
    assert set(EXPECTED) == set(OPERATIONS)
    assert all(set(row) == set(CALLERS) for row in EXPECTED.values())


@pytest.mark.parametrize(("operation", "caller"), CASES)
def test_permission_matrix(operation, caller, api_client, client_for, frozen_now):
    world = build_world()
    user = world.user(caller)
    client = client_for(user) if user is not None else api_client
    method, path, body = OPERATIONS[operation](world)
    before = snapshot()

    response = (
        getattr(client, method)(path, body, format="json")
        if body is not None
        else (getattr(client, method)(path))
    )

    expected = EXPECTED[operation][caller]
    assert response.status_code == expected, response.content
    if expected >= 400 or method == "get":
        assert snapshot() == before
    if expected >= 400:
        assert (
            response.json()["code"]
            == {
                401: "NOT_AUTHENTICATED",
                403: "PERMISSION_DENIED",
                404: "NOT_FOUND",
            }[expected]
        )


# What each caller receives from each read, exactly (for a list: each row's fields). The
# patient's details are what the doctor needs for the visit: no username or e-mail.
APPOINTMENT = {
    "id",
    "patient",
    "patient_details",
    "doctor",
    "doctor_name",
    "doctor_department",
    "starts_at",
    "ends_at",
    "reason",
    "status",
    "status_reason",
    "status_changed_at",
    "created_at",
    "rescheduled_from",
}
APPOINTMENT_DETAIL = APPOINTMENT | {"history"}
PATIENT_DETAILS = {"id", "full_name", "mobile", "address", "symptoms"}

FIELDS: dict[str, dict[str, set[str]]] = {
    "list": dict.fromkeys(["admin", "doctor", "patient"], APPOINTMENT),
    "retrieve_own_pending": dict.fromkeys(["admin", "patient"], APPOINTMENT_DETAIL),
    "retrieve_own_confirmed": dict.fromkeys(["admin", "doctor", "patient"], APPOINTMENT_DETAIL),
    "retrieve_other": {"admin": APPOINTMENT_DETAIL},
}

READS = [(operation, caller) for operation, row in FIELDS.items() for caller in row]


def test_every_successful_read_has_its_field_set():
    world = build_world()
    successful_reads = {
        (operation, caller)
        for operation, row in EXPECTED.items()
        for caller, status in row.items()
        if status == 200
        and OPERATIONS[operation](world)[0] == "get"
        and "/slots/" not in OPERATIONS[operation](world)[1]
    }
    assert set(READS) == successful_reads


@pytest.mark.parametrize(("operation", "caller"), READS)
def test_each_caller_receives_exactly_its_fields(client_for, frozen_now, operation, caller):
    world = build_world()
    _, path, _ = OPERATIONS[operation](world)

    body = client_for(world.user(caller)).get(path).json()

    rows = body.get("results", [body])
    assert rows
    assert [set(row) for row in rows] == [FIELDS[operation][caller]] * len(rows)
    assert [set(row["patient_details"]) for row in rows] == [PATIENT_DETAILS] * len(rows)


def test_the_doctors_list_holds_only_their_confirmed_appointments(client_for, frozen_now):
    world = build_world()

    body = client_for(world.doctor.user).get("/api/v1/appointments/?history=true").json()

    assert sorted((row["id"], row["status"]) for row in body["results"]) == sorted(
        [(world.confirmed.pk, "CONFIRMED"), (world.started.pk, "CONFIRMED")]
    )
