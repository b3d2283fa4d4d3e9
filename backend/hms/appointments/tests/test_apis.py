"""The appointment endpoints: exact bodies, role-scoped lists, filters, free slots."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.appointments.tests.world import STARTED, build_world, snapshot
from hms.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

S = AppointmentStatus
URL = "/api/v1/appointments/"


@pytest.fixture
def world(frozen_now):
    return build_world()


@pytest.fixture
def admin_api(world, client_for):
    return client_for(world.admin)


def ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


def book(client, **body):
    return client.post(URL, body, format="json")


# --- booking --------------------------------------------------------------------------------


def test_a_patient_books_for_themself_and_gets_the_full_pending_appointment(world, client_for):
    response = book(
        client_for(world.patient.user),
        doctor=world.doctor.pk,
        starts_at="2026-11-27T11:00:00+05:30",
        reason="Chest pain when climbing stairs",
        # Both are ignored: a patient books for themself and every request starts PENDING.
        patient=world.other_patient.pk,
        status="CONFIRMED",
    )

    assert response.status_code == 201
    body = response.json()
    created = Appointment.objects.get(pk=body["id"])
    assert body.pop("created_at")
    assert body == {
        "id": created.pk,
        "patient": world.patient.pk,
        "patient_details": {
            "id": world.patient.pk,
            "full_name": "Priya Menon",
            "mobile": "+919845000001",
            "address": "10 Lake View Road, Kochi",
            "symptoms": "Chest pain on exertion",
        },
        "doctor": world.doctor.pk,
        "doctor_name": "Asha Rao",
        "doctor_department": "Cardiologist",
        "starts_at": "2026-11-27T11:00:00+05:30",
        "ends_at": "2026-11-27T11:30:00+05:30",
        "reason": "Chest pain when climbing stairs",
        "status": "PENDING",
        "status_reason": "",
        "status_changed_at": "2026-11-26T10:00:00+05:30",
        "rescheduled_from": None,
        "history": [
            {
                "from_status": None,
                "to_status": "PENDING",
                "at": "2026-11-26T10:00:00+05:30",
                "actor_role": "PATIENT",
                "actor_name": "Priya Menon",
                "reason": "",
            }
        ],
    }


def test_an_admin_books_a_confirmed_appointment_for_a_patient(world, admin_api):
    response = book(
        admin_api,
        doctor=world.doctor.pk,
        patient=world.other_patient.pk,
        starts_at="2026-11-27T05:30:00Z",  # 11:00 in Bengaluru; any offset is accepted
        reason="Referral",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["patient"], body["status"], body["starts_at"]) == (
        world.other_patient.pk,
        "CONFIRMED",
        "2026-11-27T11:00:00+05:30",
    )
    assert body["history"][0]["actor_role"] == "ADMIN"


def test_an_admin_must_name_the_patient(world, admin_api):
    before = snapshot()

    response = book(
        admin_api, doctor=world.doctor.pk, starts_at=slot(4).isoformat(), reason="Referral"
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "VALIDATION_ERROR",
        "message": "Some fields are not valid.",
        "fields": {"patient": ["Choose the patient to book for."]},
    }
    assert snapshot() == before


def test_booking_an_unapproved_or_unknown_doctor_is_a_field_error(world, client_for):
    client = client_for(world.patient.user)
    before = snapshot()

    for doctor in (world.pending_doctor.pk, 999999):
        response = book(client, doctor=doctor, starts_at=slot(4).isoformat(), reason="X")
        assert response.status_code == 400
        assert response.json()["fields"] == {"doctor": ["No approved doctor has this id."]}
    response = book(client, starts_at="tomorrow", reason="")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"doctor", "starts_at", "reason"}
    assert snapshot() == before


@pytest.mark.parametrize(
    ("starts_at", "message"),
    [
        (
            "2026-11-27T09:15:00+05:30",
            "Appointments start every 30 minutes from 09:00; 09:15:00 is not a slot start.",
        ),
        (
            "2026-11-27T18:00:00+05:30",
            "18:00 on Friday is outside working hours (09:00-17:00, Asia/Kolkata time).",
        ),
        (
            "2026-11-26T09:30:00+05:30",
            "This time has already passed; choose a slot in the future.",
        ),
        (
            "2026-11-29T10:00:00+05:30",
            "The hospital takes no appointments on Sundays (working hours: MON-SAT 09:00-17:00).",
        ),
    ],
)
def test_a_time_that_is_not_a_slot_is_400_slot_outside_hours(world, client_for, starts_at, message):
    before = snapshot()

    response = book(
        client_for(world.patient.user), doctor=world.doctor.pk, starts_at=starts_at, reason="X"
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "SLOT_OUTSIDE_HOURS",
        "message": message,
        "fields": {"starts_at": [message]},
    }
    assert snapshot() == before


def test_a_taken_slot_is_409_slot_taken(world, client_for):
    before = snapshot()

    response = book(
        client_for(world.other_patient.user),
        doctor=world.doctor.pk,
        starts_at=world.confirmed.starts_at.isoformat(),
        reason="X",
    )

    assert response.status_code == 409
    assert response.json() == {
        "code": "SLOT_TAKEN",
        "message": "The doctor already has an appointment at this time; choose another slot.",
        "fields": {},
    }
    assert snapshot() == before


def test_a_patient_cannot_hold_two_slots_at_once(world, client_for):
    response = book(
        client_for(world.patient.user),
        doctor=world.other_doctor.pk,
        starts_at=world.pending.starts_at.isoformat(),
        reason="X",
    )

    assert response.status_code == 409
    assert response.json()["message"] == (
        "You already have an appointment at this time; choose another slot."
    )


# --- actions ----------------------------------------------------------------------------------


def test_approve_answers_the_confirmed_appointment_with_its_history(world, admin_api):
    response = admin_api.post(f"{URL}{world.pending.pk}/approve/")

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["status"], body["status_changed_at"]) == (
        world.pending.pk,
        "CONFIRMED",
        "2026-11-26T10:00:00+05:30",
    )
    assert body["history"] == [
        {
            "from_status": "PENDING",
            "to_status": "CONFIRMED",
            "at": "2026-11-26T10:00:00+05:30",
            "actor_role": "ADMIN",
            "actor_name": "Hospital Admin",
            "reason": "",
        }
    ]


def test_approving_twice_is_409_invalid_state(world, admin_api):
    admin_api.post(f"{URL}{world.pending.pk}/approve/")
    before = snapshot()

    response = admin_api.post(f"{URL}{world.pending.pk}/approve/")

    assert response.status_code == 409
    assert response.json() == {
        "code": "INVALID_STATE",
        "message": "This appointment is confirmed; it cannot be approved.",
        "fields": {},
    }
    assert snapshot() == before


def test_reject_needs_a_reason_and_shows_it_to_the_patient(world, admin_api, client_for):
    before = snapshot()
    missing = admin_api.post(f"{URL}{world.pending.pk}/reject/", {}, format="json")
    blank = admin_api.post(f"{URL}{world.pending.pk}/reject/", {"reason": " "}, format="json")
    assert (missing.status_code, blank.status_code) == (400, 400)
    assert missing.json()["fields"] == {"reason": ["This field is required."]}
    assert blank.json()["fields"] == {"reason": ["This field may not be blank."]}
    assert snapshot() == before

    response = admin_api.post(
        f"{URL}{world.pending.pk}/reject/", {"reason": "Dr. Rao is on leave"}, format="json"
    )

    assert response.status_code == 200
    seen = client_for(world.patient.user).get(f"{URL}{world.pending.pk}/").json()
    assert (seen["status"], seen["status_reason"]) == ("REJECTED", "Dr. Rao is on leave")
    assert seen["history"][-1]["reason"] == "Dr. Rao is on leave"


def test_a_patient_cancels_their_future_confirmed_appointment_with_a_reason(world, client_for):
    response = client_for(world.patient.user).post(
        f"{URL}{world.confirmed.pk}/cancel/", {"reason": "Feeling better"}, format="json"
    )

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["status_reason"]) == (
        "CANCELLED",
        "Feeling better",
    )
    assert list(AuditEvent.objects.values_list("action", "object_id")) == [
        ("appointment.cancel", str(world.confirmed.pk))
    ]


def test_a_patient_cannot_cancel_once_the_visit_started(world, client_for):
    before = snapshot()

    response = client_for(world.patient.user).post(f"{URL}{world.started.pk}/cancel/")

    assert response.status_code == 409
    assert response.json()["message"] == (
        "This appointment has already started; please contact the hospital."
    )
    assert snapshot() == before


def test_the_doctor_completes_an_attended_appointment_and_it_leaves_their_list(world, client_for):
    client = client_for(world.doctor.user)
    assert world.started.pk in ids(client.get(URL))

    response = client.post(f"{URL}{world.started.pk}/complete/")

    assert response.status_code == 200
    assert response.json()["status"] == "COMPLETED"
    assert world.started.pk not in ids(client.get(URL))
    assert world.started.pk in ids(client.get(URL, {"history": "true"}))


def test_completing_before_the_visit_is_409(world, client_for):
    before = snapshot()

    response = client_for(world.doctor.user).post(f"{URL}{world.confirmed.pk}/complete/")

    assert response.status_code == 409
    assert response.json()["code"] == "INVALID_STATE"
    assert snapshot() == before


# --- lists --------------------------------------------------------------------------------------


def test_the_doctor_sees_only_their_confirmed_appointments_with_each_rows_patient(
    world, client_for
):
    # A second patient of the same doctor, and more rows the doctor must not see.
    second = AppointmentFactory(doctor=world.doctor, patient=world.other_patient, starts_at=slot(3))
    AppointmentFactory(
        doctor=world.doctor,
        patient=world.other_patient,
        starts_at=slot(5),
        status=S.REJECTED,
        status_reason="Full",
    )
    AppointmentFactory(
        doctor=world.doctor, patient=world.patient, starts_at=slot(6), status=S.CANCELLED
    )
    AppointmentFactory(
        doctor=world.doctor,
        patient=world.patient,
        starts_at=STARTED - timedelta(days=1),
        status=S.COMPLETED,
    )

    response = client_for(world.doctor.user).get(URL)

    assert response.status_code == 200
    rows = response.json()["results"]
    # Soonest first; the patient with two confirmed appointments appears on both rows.
    assert [(row["id"], row["status"], row["patient"]) for row in rows] == [
        (world.started.pk, "CONFIRMED", world.patient.pk),
        (world.confirmed.pk, "CONFIRMED", world.patient.pk),
        (second.pk, "CONFIRMED", world.other_patient.pk),
    ]
    assert [row["patient_details"] for row in rows][1:] == [
        {
            "id": world.patient.pk,
            "full_name": "Priya Menon",
            "mobile": "+919845000001",
            "address": "10 Lake View Road, Kochi",
            "symptoms": "Chest pain on exertion",
        },
        {
            "id": world.other_patient.pk,
            "full_name": "Omar Haddad",
            "mobile": "+919845000002",
            "address": "11 Lake View Road, Kochi",
            "symptoms": "Itchy rash",
        },
    ]
    assert response.json()["count"] == 3


def _with_event(appointment, from_status, to_status):
    AppointmentEvent.objects.create(
        appointment=appointment,
        from_status=from_status,
        to_status=to_status,
        actor=appointment.patient.user,
        at=NOW - timedelta(days=1),
    )
    return appointment


def test_the_doctors_history_lists_their_confirmed_and_past_visits_newest_first(world, client_for):
    completed = AppointmentFactory(
        doctor=world.doctor,
        patient=world.patient,
        starts_at=STARTED - timedelta(days=1),
        status=S.COMPLETED,
    )
    AppointmentFactory(
        doctor=world.doctor,
        patient=world.patient,
        starts_at=slot(7),
        status=S.REJECTED,
        status_reason="Doctor away",
    )
    _with_event(
        AppointmentFactory(
            doctor=world.doctor, patient=world.patient, starts_at=slot(8), status=S.CANCELLED
        ),
        S.PENDING,
        S.CANCELLED,
    )
    cancelled_after_confirmation = _with_event(
        AppointmentFactory(
            doctor=world.doctor, patient=world.patient, starts_at=slot(9), status=S.CANCELLED
        ),
        S.CONFIRMED,
        S.CANCELLED,
    )
    client = client_for(world.doctor.user)

    everything = client.get(URL, {"history": "true"})
    pending_only = client.get(URL, {"history": "true", "status": "PENDING"})
    rejected_only = client.get(URL, {"history": "true", "status": "REJECTED"})
    # Without history, a status filter cannot widen the list beyond CONFIRMED.
    ignored = client.get(URL, {"status": "PENDING"})

    assert ids(everything) == [
        cancelled_after_confirmation.pk,
        world.confirmed.pk,
        world.started.pk,
        completed.pk,
    ]
    assert (ids(pending_only), ids(rejected_only)) == ([], [])
    assert ids(ignored) == [world.started.pk, world.confirmed.pk]


def test_the_doctor_opens_only_appointments_that_reached_their_calendar(world, client_for):
    rejected = AppointmentFactory(
        doctor=world.doctor,
        patient=world.patient,
        starts_at=slot(7),
        status=S.REJECTED,
        status_reason="Doctor away",
    )
    cancelled_early = _with_event(
        AppointmentFactory(
            doctor=world.doctor, patient=world.patient, starts_at=slot(8), status=S.CANCELLED
        ),
        S.PENDING,
        S.CANCELLED,
    )
    cancelled_late = _with_event(
        AppointmentFactory(
            doctor=world.doctor, patient=world.patient, starts_at=slot(9), status=S.CANCELLED
        ),
        S.CONFIRMED,
        S.CANCELLED,
    )
    client = client_for(world.doctor.user)

    answers = {
        name: client.get(f"{URL}{appointment.pk}/").status_code
        for name, appointment in {
            "pending": world.pending,
            "rejected": rejected,
            "cancelled_early": cancelled_early,
            "cancelled_late": cancelled_late,
            "confirmed": world.confirmed,
        }.items()
    }

    assert answers == {
        "pending": 404,
        "rejected": 404,
        "cancelled_early": 404,
        "cancelled_late": 200,
        "confirmed": 200,
    }


def test_the_patient_sees_their_own_in_every_status(world, client_for):
    AppointmentFactory(
        doctor=world.other_doctor,
        patient=world.patient,
        starts_at=slot(7),
        status=S.REJECTED,
        status_reason="Full",
    )

    response = client_for(world.patient.user).get(URL, {"ordering": "starts_at"})

    assert [(row["starts_at"], row["status"]) for row in response.json()["results"]] == [
        ("2026-11-26T09:30:00+05:30", "CONFIRMED"),
        ("2026-11-27T09:00:00+05:30", "PENDING"),
        ("2026-11-27T09:30:00+05:30", "CONFIRMED"),
        ("2026-11-27T12:30:00+05:30", "REJECTED"),
    ]


def test_the_admin_filters_by_status_doctor_patient_and_dates(world, admin_api):
    AppointmentFactory(
        doctor=world.other_doctor, patient=world.patient, starts_at=slot(0) + timedelta(days=1)
    )

    def listed(**params):
        response = admin_api.get(URL, params)
        assert response.status_code == 200
        return ids(response)

    assert len(listed()) == 6
    assert listed(status="PENDING") == [world.others_pending.pk, world.pending.pk]
    assert listed(doctor=world.other_doctor.pk, date_to="2026-11-27") == [
        world.others_pending.pk,
        world.others_started.pk,
    ]
    assert listed(patient=world.patient.pk, date_from="2026-11-27", date_to="2026-11-27") == [
        world.confirmed.pk,
        world.pending.pk,
    ]
    assert listed(date_from="2026-11-28") == [Appointment.objects.get(starts_at__day=28).pk]
    assert listed(date_from="2026-11-26", date_to="2026-11-26", ordering="starts_at") == [
        world.started.pk,
        world.others_started.pk,
    ]


def test_history_reads_the_usual_boolean_spellings_and_refuses_others(world, client_for):
    client = client_for(world.doctor.user)

    assert ids(client.get(URL, {"history": "yes"})) == ids(client.get(URL, {"history": "true"}))
    assert ids(client.get(URL, {"history": "0"})) == [world.started.pk, world.confirmed.pk]
    response = client.get(URL, {"history": "maybe"})
    assert response.status_code == 400
    assert response.json()["fields"] == {"history": ["Must be a valid boolean."]}


def test_bad_filters_are_400(world, admin_api):
    response = admin_api.get(URL, {"status": "LOST", "date_from": "2026-11-30", "date_to": "x"})
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"status", "date_to"}

    response = admin_api.get(URL, {"date_from": "2026-11-30", "date_to": "2026-11-29"})
    assert response.json()["fields"] == {"date_to": ["Must not be before date_from."]}


@pytest.mark.parametrize("rows", [3, 50])
def test_lists_use_a_constant_number_of_queries(
    rows, admin_client, client_for, make_doctor, make_patient, django_assert_max_num_queries
):
    doctor = make_doctor()
    for index in range(rows):
        AppointmentFactory(doctor=doctor, patient=make_patient(), starts_at=slot(index))

    # The page's queries, then the one access event (chain lock, previous hash, insert).
    with django_assert_max_num_queries(6):
        response = admin_client.get(URL, {"page_size": 100})
    assert response.json()["count"] == rows
    doctor_client = client_for(doctor.user)
    with django_assert_max_num_queries(6):
        response = doctor_client.get(URL, {"page_size": 100})
    assert len(response.json()["results"]) == rows


# --- free slots ---------------------------------------------------------------------------------


def test_free_slots_leave_out_pending_and_confirmed_but_not_rejected_or_cancelled(
    world, client_for
):
    # world: the doctor holds 09:00 (pending) and 09:30 (confirmed) on Friday.
    AppointmentFactory(
        doctor=world.doctor, starts_at=slot(2), status=S.REJECTED, status_reason="Full"
    )
    AppointmentFactory(doctor=world.doctor, starts_at=slot(3), status=S.CANCELLED)
    AppointmentFactory(doctor=world.other_doctor, starts_at=slot(4))

    response = client_for(world.patient.user).get(
        f"/api/v1/doctors/{world.doctor.pk}/slots/", {"date": "2026-11-27"}
    )

    assert response.status_code == 200
    body = response.json()
    assert body[:3] == [
        {"starts_at": "2026-11-27T10:00:00+05:30", "ends_at": "2026-11-27T10:30:00+05:30"},
        {"starts_at": "2026-11-27T10:30:00+05:30", "ends_at": "2026-11-27T11:00:00+05:30"},
        {"starts_at": "2026-11-27T11:00:00+05:30", "ends_at": "2026-11-27T11:30:00+05:30"},
    ]
    assert len(body) == 14
    assert body[-1] == {
        "starts_at": "2026-11-27T16:30:00+05:30",
        "ends_at": "2026-11-27T17:00:00+05:30",
    }


def test_free_slots_today_start_after_now_and_sundays_have_none(world, admin_api):
    doctor_url = f"/api/v1/doctors/{world.doctor.pk}/slots/"

    today = admin_api.get(doctor_url, {"date": "2026-11-26"}).json()
    sunday = admin_api.get(doctor_url, {"date": "2026-11-29"}).json()
    yesterday = admin_api.get(doctor_url, {"date": "2026-11-25"}).json()

    assert NOW.strftime("%H:%M") == "10:00"
    assert [slot["starts_at"][11:16] for slot in today] == [
        "10:30",
        "11:00",
        "11:30",
        "12:00",
        "12:30",
        "13:00",
        "13:30",
        "14:00",
        "14:30",
        "15:00",
        "15:30",
        "16:00",
        "16:30",
    ]
    assert (sunday, yesterday) == ([], [])


def test_a_freed_slot_can_be_booked_again(world, admin_api, client_for):
    admin_api.post(f"{URL}{world.pending.pk}/reject/", {"reason": "Full"}, format="json")
    slots = admin_api.get(
        f"/api/v1/doctors/{world.doctor.pk}/slots/", {"date": "2026-11-27"}
    ).json()
    assert slots[0]["starts_at"] == "2026-11-27T09:00:00+05:30"

    response = book(
        client_for(world.other_patient.user),
        doctor=world.doctor.pk,
        starts_at=slots[0]["starts_at"],
        reason="X",
    )

    assert response.status_code == 201


@pytest.mark.parametrize("query", [{}, {"date": "2026-02-30"}, {"date": "27/11/2026"}])
def test_free_slots_need_a_valid_date(world, admin_api, query):
    response = admin_api.get(f"/api/v1/doctors/{world.doctor.pk}/slots/", query)

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["date"]


def test_free_slots_of_an_unknown_doctor_are_404(world, client_for):
    response = client_for(world.patient.user).get(
        "/api/v1/doctors/999999/slots/", {"date": "2026-11-27"}
    )

    assert response.status_code == 404


def test_free_slots_read_the_doctor_the_ranges_in_the_way_and_the_template_in_four_queries(
    world, client_for, django_assert_num_queries
):
    from datetime import time

    from hms.appointments.models import AvailabilityWindow, TimeOff

    # Friday 27 November: the doctor sees patients 09:00-12:00 and is away 10:00-11:00; the
    # patient has their own appointment with another doctor at 11:00.
    AvailabilityWindow.objects.create(
        doctor=world.doctor, weekday=4, start_time=time(9), end_time=time(12)
    )
    TimeOff.objects.create(
        doctor=world.doctor, starts_at=slot(2), ends_at=slot(4), created_by=world.admin
    )
    AppointmentFactory(doctor=world.other_doctor, patient=world.patient, starts_at=slot(4))
    client = client_for(world.patient.user)

    # Sign-in, the doctor, the appointments in the way and the time off (one union), the
    # weekly template.
    with django_assert_num_queries(4):
        response = client.get(f"/api/v1/doctors/{world.doctor.pk}/slots/", {"date": "2026-11-27"})

    # world: the doctor holds 09:00 (pending) and 09:30 (confirmed).
    assert response.json() == [
        {"starts_at": "2026-11-27T11:30:00+05:30", "ends_at": "2026-11-27T12:00:00+05:30"}
    ]
