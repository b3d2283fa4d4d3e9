"""The notifications API: the list and its unread filter, marking read, preferences."""

from __future__ import annotations

import pytest

from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.appointments.tests.factories import NOW
from hms.notifications.emails import unsubscribe_token
from hms.notifications.models import Notification, NotificationKind, NotificationPreference

pytestmark = pytest.mark.django_db


@pytest.fixture
def priya():
    return UserFactory(username="priya", role=Role.PATIENT)


def _notifications(user, count):
    return [
        Notification.objects.create(
            recipient=user,
            kind="APPOINTMENT_APPROVED",
            text=f"Number {n}",
            link="/patient/appointments",
            created_at=NOW.replace(minute=n),
        )
        for n in range(count)
    ]


def test_the_list_is_newest_first_and_unread_counts_for_the_bell(priya, client_for):
    rows = _notifications(priya, 3)
    client = client_for(priya)

    assert client.post(f"/api/v1/notifications/{rows[1].pk}/read/").status_code == 200
    everything = client.get("/api/v1/notifications/").json()
    unread = client.get("/api/v1/notifications/?unread=true").json()

    assert [row["text"] for row in everything["results"]] == ["Number 2", "Number 1", "Number 0"]
    assert (unread["count"], [row["text"] for row in unread["results"]]) == (
        2,
        ["Number 2", "Number 0"],
    )
    assert set(everything["results"][0]) == {"id", "kind", "text", "link", "created_at", "read_at"}


def test_marking_read_twice_keeps_the_first_time(priya, client_for):
    (row,) = _notifications(priya, 1)
    client = client_for(priya)

    first = client.post(f"/api/v1/notifications/{row.pk}/read/").json()["read_at"]
    second = client.post(f"/api/v1/notifications/{row.pk}/read/").json()["read_at"]

    assert first is not None
    assert first == second


def test_read_all_marks_every_unread_one(priya, client_for):
    _notifications(priya, 3)
    other = UserFactory(username="omar", role=Role.PATIENT)
    _notifications(other, 2)

    body = client_for(priya).post("/api/v1/notifications/read-all/").json()

    assert body == {"marked": 3}
    assert Notification.objects.filter(read_at__isnull=True).count() == 2


def test_a_bad_unread_filter_is_a_400(priya, client_for):
    response = client_for(priya).get("/api/v1/notifications/?unread=maybe")

    assert (response.status_code, response.json()["code"]) == (400, "VALIDATION_ERROR")


def test_preferences_list_every_kind_and_replace_on_put(priya, client_for):
    client = client_for(priya)

    response = client.put(
        "/api/v1/notifications/preferences/",
        {"preferences": [{"kind": "APPOINTMENT_REMINDER", "email": False}]},
        format="json",
    )

    rows = response.json()["preferences"]
    assert [row["kind"] for row in rows] == NotificationKind.values
    assert {row["kind"] for row in rows if not row["email"]} == {"APPOINTMENT_REMINDER"}
    assert {row["kind"] for row in rows if row["mandatory"]} == {
        "UNUSUAL_ACCESS",
        "ACCOUNT_APPROVED",
        "ACCOUNT_REJECTED",
    }
    assert client.get("/api/v1/notifications/preferences/").json()["preferences"] == rows

    client.put("/api/v1/notifications/preferences/", {"preferences": []}, format="json")
    assert NotificationPreference.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"preferences": [{"kind": "HOROSCOPE", "email": False}]}, "UNKNOWN_NOTIFICATION_KIND"),
        (
            {"preferences": [{"kind": "UNUSUAL_ACCESS", "email": False}]},
            "NOTIFICATION_KIND_MANDATORY",
        ),
        (
            {
                "preferences": [
                    {"kind": "APPOINTMENT_REMINDER", "email": False},
                    {"kind": "APPOINTMENT_REMINDER", "email": True},
                ]
            },
            "VALIDATION_ERROR",
        ),
        ({"preferences": "all"}, "VALIDATION_ERROR"),
        ({}, "VALIDATION_ERROR"),
    ],
)
def test_bad_preferences_are_a_coded_400_and_change_nothing(priya, client_for, body, code):
    NotificationPreference.objects.create(
        user=priya, kind="APPOINTMENT_APPROVED", email=False, updated_at=NOW
    )

    response = client_for(priya).put("/api/v1/notifications/preferences/", body, format="json")

    assert (response.status_code, response.json()["code"]) == (400, code)
    assert list(NotificationPreference.objects.values_list("kind", "email")) == [
        ("APPOINTMENT_APPROVED", False)
    ]


def test_the_one_click_link_switches_one_kind_off(priya, api_client):
    token = unsubscribe_token(user=priya, kind="APPOINTMENT_REMINDER")

    response = api_client.post(
        "/api/v1/notifications/unsubscribe/", {"token": token}, format="json"
    )

    assert response.json() == {"kind": "APPOINTMENT_REMINDER", "title": "Appointment reminder"}
    assert list(NotificationPreference.objects.values_list("user_id", "kind", "email")) == [
        (priya.pk, "APPOINTMENT_REMINDER", False)
    ]


@pytest.mark.parametrize("token", ["forged", "x" * 300])
def test_a_forged_one_click_link_is_a_coded_400(priya, api_client, token):
    response = api_client.post(
        "/api/v1/notifications/unsubscribe/", {"token": token}, format="json"
    )

    assert (response.status_code, response.json()["code"]) == (400, "INVALID_UNSUBSCRIBE_LINK")
    assert NotificationPreference.objects.count() == 0


def test_a_one_click_link_for_a_mandatory_kind_is_refused(priya, api_client):
    token = unsubscribe_token(user=priya, kind="UNUSUAL_ACCESS")

    response = api_client.post(
        "/api/v1/notifications/unsubscribe/", {"token": token}, format="json"
    )

    assert response.json()["code"] == "INVALID_UNSUBSCRIBE_LINK"
