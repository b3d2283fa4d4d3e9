"""Every notifications operation as every caller: the exact status; nothing changes on denial."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hms.notifications.emails import unsubscribe_token
from hms.notifications.tests.world import CALLERS, World, build_world, snapshot

pytestmark = pytest.mark.django_db

OPERATIONS: dict[str, Callable[[World], tuple[str, str, dict[str, Any] | None]]] = {
    "list": lambda w: ("get", "/api/v1/notifications/", None),
    "list_unread": lambda w: ("get", "/api/v1/notifications/?unread=true", None),
    "read_patients": lambda w: (
        "post",
        f"/api/v1/notifications/{w.patients_notification.pk}/read/",
        None,
    ),
    "read_doctors": lambda w: (
        "post",
        f"/api/v1/notifications/{w.doctors_notification.pk}/read/",
        None,
    ),
    "read_missing": lambda w: ("post", "/api/v1/notifications/999999/read/", None),
    "read_all": lambda w: ("post", "/api/v1/notifications/read-all/", None),
    "preferences": lambda w: ("get", "/api/v1/notifications/preferences/", None),
    "preferences_update": lambda w: (
        "put",
        "/api/v1/notifications/preferences/",
        {"preferences": [{"kind": "APPOINTMENT_REMINDER", "email": False}]},
    ),
    "unsubscribe": lambda w: (
        "post",
        "/api/v1/notifications/unsubscribe/",
        {"token": unsubscribe_token(user=w.patient, kind="APPOINTMENT_REMINDER")},
    ),
    "unsubscribe_pending_account": lambda w: (
        "post",
        "/api/v1/notifications/unsubscribe/",
        {"token": unsubscribe_token(user=w.pending_patient, kind="APPOINTMENT_REMINDER")},
    ),
}

_LOGGED_OUT = {"anonymous": 401, "pending_doctor": 401, "pending_patient": 401}
_SIGNED_IN = {"admin": 200, "doctor": 200, "patient": 200}

EXPECTED: dict[str, dict[str, int]] = {
    "list": {**_LOGGED_OUT, **_SIGNED_IN},
    "list_unread": {**_LOGGED_OUT, **_SIGNED_IN},
    # Someone else's notification answers exactly like a missing one.
    "read_patients": {**_LOGGED_OUT, "admin": 404, "doctor": 404, "patient": 200},
    "read_doctors": {**_LOGGED_OUT, "admin": 404, "doctor": 200, "patient": 404},
    "read_missing": {**_LOGGED_OUT, "admin": 404, "doctor": 404, "patient": 404},
    "read_all": {**_LOGGED_OUT, **_SIGNED_IN},
    "preferences": {**_LOGGED_OUT, **_SIGNED_IN},
    "preferences_update": {**_LOGGED_OUT, **_SIGNED_IN},
    # The signed link is the credential: whoever holds it may use it, signed in or not.
    "unsubscribe": dict.fromkeys(CALLERS, 200),
    "unsubscribe_pending_account": dict.fromkeys(CALLERS, 400),
}

CASES = [(operation, caller) for operation in OPERATIONS for caller in CALLERS]


def test_every_operation_has_an_expectation_for_every_caller():
    assert set(EXPECTED) == set(OPERATIONS)
    assert all(set(row) == set(CALLERS) for row in EXPECTED.values())


@pytest.mark.parametrize(("operation", "caller"), CASES)
def test_permission_matrix(operation, caller, api_client, client_for):
    world = build_world()
    user = world.user(caller)
    client = client_for(user) if user is not None else api_client
    method, path, body = OPERATIONS[operation](world)
    before = snapshot()

    response = (
        getattr(client, method)(path, body, format="json")
        if body is not None
        else getattr(client, method)(path)
    )

    expected = EXPECTED[operation][caller]
    assert response.status_code == expected, response.content
    if expected >= 400 or method == "get":
        assert snapshot() == before
    if expected >= 400:
        assert (
            response.json()["code"]
            == {
                400: "INVALID_UNSUBSCRIBE_LINK",
                401: "NOT_AUTHENTICATED",
                404: "NOT_FOUND",
            }[expected]
        )


def test_each_list_holds_only_the_callers_own_notifications(client_for):
    world = build_world()

    for user, kinds in [
        (world.admin, ["APPOINTMENT_REQUESTED"]),
        (world.doctor, ["APPOINTMENT_REMINDER"]),
        (world.patient, ["APPOINTMENT_APPROVED"]),
    ]:
        body = client_for(user).get("/api/v1/notifications/").json()
        assert [row["kind"] for row in body["results"]] == kinds
        assert body["count"] == 1
