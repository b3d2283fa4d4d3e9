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
    "retrieve_own": lambda w: ("get", f"/api/v1/appointments/{w.pending.pk}/", None),
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
    "retrieve_own": {**_LOGGED_OUT, "admin": 200, "doctor": 200, "patient": 200},
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
