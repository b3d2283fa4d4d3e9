"""The calendar answer, its bounds, and its cost: the same number of queries for 1 or 50 doctors."""

from __future__ import annotations

from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hms.appointments.availability import WindowSpec, availability_set
from hms.appointments.models import AppointmentStatus, TimeOff
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot

pytestmark = pytest.mark.django_db

URL = "/api/v1/appointments/calendar/"
DAY = "from=2026-11-27&to=2026-11-27"


def hospital(make_doctor, make_patient, doctors: int):
    made = [make_doctor() for _ in range(doctors)]
    for index, doctor in enumerate(made):
        AppointmentFactory(doctor=doctor, patient=make_patient(), starts_at=slot(index % 16))
    return made


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


def test_the_front_desk_day_costs_the_same_for_one_and_fifty_doctors(
    admin_user, client_for, frozen_now, make_doctor, make_patient
):
    client = client_for(admin_user)
    hospital(make_doctor, make_patient, 1)
    one, body_one = count_queries(client, f"{URL}?{DAY}")
    hospital(make_doctor, make_patient, 49)
    fifty, body_fifty = count_queries(client, f"{URL}?{DAY}")

    assert (len(body_one["doctors"]), len(body_fifty["doctors"])) == (1, 50)
    assert sum(len(doctor["appointments"]) for doctor in body_fifty["doctors"]) == 50
    assert one == fifty


def test_one_doctors_week_with_template_time_off_and_visits(
    admin_user, client_for, frozen_now, make_doctor
):
    doctor = make_doctor()
    availability_set(
        actor=admin_user,
        doctor=doctor,
        windows=[WindowSpec(weekday=4, start_time=time(9, 0), end_time=time(10, 30))],
        at=NOW,
    )
    TimeOff.objects.create(
        doctor=doctor, starts_at=slot(1), ends_at=slot(2), reason="Rounds", created_by=admin_user
    )
    visit = AppointmentFactory(doctor=doctor, starts_at=slot(2))
    AppointmentFactory(doctor=doctor, starts_at=slot(0), status=AppointmentStatus.CANCELLED)

    body = (
        client_for(admin_user).get(f"{URL}?from=2026-11-23&to=2026-11-29&doctor={doctor.pk}").json()
    )

    [column] = body["doctors"]
    assert (body["from"], body["to"], body["slot_minutes"]) == ("2026-11-23", "2026-11-29", 30)
    assert column["has_template"] is True
    assert column["availability"] == [
        {"starts_at": "2026-11-27T09:00:00+05:30", "ends_at": "2026-11-27T10:30:00+05:30"}
    ]
    assert column["free_slots"] == [
        {"starts_at": "2026-11-27T09:00:00+05:30", "ends_at": "2026-11-27T09:30:00+05:30"}
    ]
    assert [(row["starts_at"], row["reason"]) for row in column["time_off"]] == [
        ("2026-11-27T09:30:00+05:30", "Rounds")
    ]
    assert [(row["id"], row["status"]) for row in column["appointments"]] == [
        (visit.pk, "CONFIRMED")
    ]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2026-11-27&to=2026-11-28", "to"),  # every doctor: one day only
        ("from=2026-11-27&to=2026-11-26", "to"),
        ("from=2026-11-23&to=2026-11-30&doctor={doctor}", "to"),  # eight days
        ("from=2026-11-27", "to"),
        ("from=27-11-2026&to=2026-11-27", "from"),
    ],
)
def test_a_range_out_of_bounds_is_a_400(
    admin_user, client_for, frozen_now, make_doctor, query, field
):
    doctor = make_doctor()

    response = client_for(admin_user).get(f"{URL}?{query.format(doctor=doctor.pk)}")

    assert response.status_code == 400
    assert (response.json()["code"], list(response.json()["fields"])) == (
        "VALIDATION_ERROR",
        [field],
    )


def test_a_doctor_sees_only_their_confirmed_visits(client_for, frozen_now, make_doctor):
    doctor = make_doctor()
    confirmed = AppointmentFactory(doctor=doctor, starts_at=slot(0))
    AppointmentFactory(doctor=doctor, starts_at=slot(1), status=AppointmentStatus.PENDING)

    body = client_for(doctor.user).get(f"{URL}?from=2026-11-23&to=2026-11-29").json()

    [column] = body["doctors"]
    assert column["id"] == doctor.pk
    assert [row["id"] for row in column["appointments"]] == [confirmed.pk]
    # The pending request still takes its slot off the free list.
    assert "2026-11-27T09:30:00+05:30" not in [row["starts_at"] for row in column["free_slots"]]


def test_time_off_over_confirmed_visits_answers_them(
    admin_user, client_for, frozen_now, make_doctor
):
    doctor = make_doctor()
    inside = AppointmentFactory(doctor=doctor, starts_at=slot(1))

    response = client_for(admin_user).post(
        "/api/v1/time-off/",
        {
            "doctor": doctor.pk,
            "starts_at": slot(0).isoformat(),
            "ends_at": slot(4).isoformat(),
            "reason": "Conference",
        },
        format="json",
    )

    assert response.status_code == 201
    assert [(row["id"], row["status"]) for row in response.json()["affected_appointments"]] == [
        (inside.pk, "CONFIRMED")
    ]
    again = client_for(admin_user).post(
        "/api/v1/time-off/",
        {"doctor": doctor.pk, "starts_at": slot(2).isoformat(), "ends_at": slot(6).isoformat()},
        format="json",
    )
    assert (again.status_code, again.json()["code"]) == (409, "TIME_OFF_OVERLAP")
    assert TimeOff.objects.count() == 1
