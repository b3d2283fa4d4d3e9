"""The admin dashboard's `appointments_by_day`: a week of confirmed and pending counts."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest

from hms.appointments.models import AppointmentStatus
from hms.appointments.selectors import appointment_counts_by_day
from hms.appointments.tests.factories import IST, NOW, AppointmentFactory

pytestmark = pytest.mark.django_db

S = AppointmentStatus


@pytest.fixture(autouse=True)
def _hospital_clock(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Thursday 26 November 2026, 10:00 in the hospital (Asia/Kolkata, UTC+05:30).
    settings.TIME_ZONE = "Asia/Kolkata"
    monkeypatch.setattr("hms.dashboard.apis.timezone", SimpleNamespace(now=lambda: NOW))


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=IST)


@pytest.fixture
def week() -> None:
    AppointmentFactory(starts_at=at(25, 12))  # yesterday: left out
    AppointmentFactory(starts_at=at(25, 23, 30), status=S.PENDING)  # yesterday's last slot
    AppointmentFactory(starts_at=at(26, 0, 0))  # today's midnight: today
    AppointmentFactory(starts_at=at(26, 0, 10), status=S.PENDING)  # today's first minutes
    AppointmentFactory(starts_at=at(26, 9), status=S.COMPLETED)  # attended: it took place
    AppointmentFactory(starts_at=at(26, 9, 30))
    AppointmentFactory(starts_at=at(26, 16, 30), status=S.CANCELLED)  # counts nowhere
    # 00:10 on the 27th in Kolkata is still the 26th in UTC: it belongs to the 27th.
    AppointmentFactory(starts_at=at(27, 0, 10))
    AppointmentFactory(starts_at=at(27, 9), status=S.PENDING)
    AppointmentFactory(starts_at=at(27, 9, 30), status=S.PENDING)
    AppointmentFactory(starts_at=at(28, 10), status=S.REJECTED, status_reason="Full")
    AppointmentFactory(starts_at=at(2, 16, month=12))  # the seventh day
    AppointmentFactory(starts_at=at(2, 23, 30, month=12), status=S.PENDING)  # its last slot
    AppointmentFactory(starts_at=at(3, 0, 0, month=12))  # the eighth day's midnight: left out
    AppointmentFactory(starts_at=at(3, 9, month=12))  # the eighth day: left out


EXPECTED = [
    {"date": "2026-11-26", "confirmed": 3, "pending": 1},
    {"date": "2026-11-27", "confirmed": 1, "pending": 2},
    {"date": "2026-11-28", "confirmed": 0, "pending": 0},
    {"date": "2026-11-29", "confirmed": 0, "pending": 0},
    {"date": "2026-11-30", "confirmed": 0, "pending": 0},
    {"date": "2026-12-01", "confirmed": 0, "pending": 0},
    {"date": "2026-12-02", "confirmed": 1, "pending": 1},
]


def test_the_admin_sees_a_week_of_confirmed_and_pending_appointments(admin_client, week):
    response = admin_client.get("/api/v1/dashboard/")

    assert response.status_code == 200
    admin = response.json()["admin"]
    assert admin["appointments_by_day"] == EXPECTED
    # Today's count is the week's first day; the totals count every confirmed (not completed)
    # and pending appointment, past ones included.
    assert admin["appointments"] == {"confirmed": 7, "pending": 5, "today": 3}


def test_an_empty_week_is_seven_days_of_zeros(admin_client):
    body = admin_client.get("/api/v1/dashboard/").json()

    assert body["admin"]["appointments_by_day"] == [
        {"date": row["date"], "confirmed": 0, "pending": 0} for row in EXPECTED
    ]


def test_the_week_is_counted_in_one_query(week, admin_user, django_assert_num_queries):
    with django_assert_num_queries(1):
        days = appointment_counts_by_day(viewer=admin_user, at=NOW)

    assert [
        {"date": row["date"].isoformat(), "confirmed": row["confirmed"], "pending": row["pending"]}
        for row in days
    ] == EXPECTED
