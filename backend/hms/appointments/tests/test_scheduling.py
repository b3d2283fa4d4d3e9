"""Scheduling rules against the real database: availability, overlap, reschedule, the job."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.test import override_settings

from hms.appointments.availability import (
    WindowSpec,
    affected_appointments,
    availability_set,
    time_off_add,
)
from hms.appointments.errors import (
    DoctorUnavailable,
    OutsideWorkingHours,
    SlotTaken,
    TimeOffOverlap,
)
from hms.appointments.jobs import appointments_expire
from hms.appointments.models import (
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
    AvailabilityWindow,
    TimeOff,
)
from hms.appointments.selectors import slot_list
from hms.appointments.services import (
    appointment_book,
    appointment_complete,
    appointment_reschedule,
)
from hms.appointments.tests.factories import IST, NOW, AppointmentFactory, slot
from hms.audit.models import AuditEvent
from hms.common.errors import InvalidStateError, ValidationFailed

pytestmark = pytest.mark.django_db

S = AppointmentStatus
FRIDAY = date(2026, 11, 27)


@pytest.fixture
def doctor(make_doctor):
    return make_doctor()


@pytest.fixture
def patient(make_patient):
    return make_patient()


def starts(day_slots):
    return [slot.starts_at.astimezone(IST).strftime("%H:%M") for slot in day_slots]


def state():
    return (
        sorted(Appointment.objects.values_list("pk", "status", "starts_at", "ends_at")),
        AppointmentEvent.objects.count(),
        sorted(AvailabilityWindow.objects.values_list("doctor", "weekday", "start_time")),
        sorted(TimeOff.objects.values_list("doctor", "starts_at", "ends_at")),
        AuditEvent.objects.count(),
    )


# --- availability -------------------------------------------------------------------------------


def test_without_a_template_every_hospital_slot_is_free(admin_user, doctor):
    slots = slot_list(viewer=admin_user, doctor_id=doctor.pk, day=FRIDAY, at=NOW)

    assert len(slots) == 16
    assert starts(slots)[:2] == ["09:00", "09:30"]


def test_free_slots_follow_the_template_minus_time_off_and_bookings(admin_user, doctor, patient):
    availability_set(
        actor=admin_user,
        doctor=doctor,
        windows=[
            WindowSpec(weekday=4, start_time=time(9, 0), end_time=time(12, 0)),
            WindowSpec(weekday=4, start_time=time(14, 0), end_time=time(15, 0)),
        ],
        at=NOW,
    )
    time_off_add(
        actor=admin_user,
        doctor=doctor,
        starts_at=datetime(2026, 11, 27, 10, 0, tzinfo=IST),
        ends_at=datetime(2026, 11, 27, 11, 0, tzinfo=IST),
        reason="Meeting",
        at=NOW,
    )
    AppointmentFactory(doctor=doctor, starts_at=slot(0))  # 09:00
    # The patient's own booking with another doctor at 14:00 hides that slot for them only.
    AppointmentFactory(patient=patient, starts_at=datetime(2026, 11, 27, 14, 0, tzinfo=IST))

    for_admin = slot_list(viewer=admin_user, doctor_id=doctor.pk, day=FRIDAY, at=NOW)
    for_patient = slot_list(viewer=patient.user, doctor_id=doctor.pk, day=FRIDAY, at=NOW)

    assert starts(for_admin) == ["09:30", "11:00", "11:30", "14:00", "14:30"]
    assert starts(for_patient) == ["09:30", "11:00", "11:30", "14:30"]
    # Saturday has no window: nothing to book.
    assert slot_list(viewer=admin_user, doctor_id=doctor.pk, day=date(2026, 11, 28), at=NOW) == []


def test_booking_outside_the_template_or_in_time_off_is_refused(admin_user, doctor, patient):
    availability_set(
        actor=admin_user,
        doctor=doctor,
        windows=[WindowSpec(weekday=4, start_time=time(9, 0), end_time=time(12, 0))],
        at=NOW,
    )
    time_off_add(
        actor=admin_user,
        doctor=doctor,
        starts_at=slot(2),
        ends_at=slot(3),
        reason="",
        at=NOW,
    )
    before = state()

    for start, message in [
        (slot(8), "The doctor does not see patients at this time; choose a free slot."),
        (slot(2), "The doctor is away at this time; choose a free slot."),
    ]:
        with pytest.raises(DoctorUnavailable) as raised:
            appointment_book(
                actor=admin_user,
                patient=patient,
                doctor=doctor,
                starts_at=start,
                reason="X",
                at=NOW,
            )
        assert (raised.value.code, raised.value.status_code, raised.value.message) == (
            "DOCTOR_UNAVAILABLE",
            400,
            message,
        )
    assert state() == before
    booked = appointment_book(
        actor=admin_user, patient=patient, doctor=doctor, starts_at=slot(1), reason="X", at=NOW
    )
    assert booked.status == S.CONFIRMED


@pytest.mark.parametrize(
    ("window", "message"),
    [
        (
            WindowSpec(weekday=4, start_time=time(8, 0), end_time=time(12, 0)),
            "FRI 08:00-12:00 is outside the hospital's working hours (MON-SAT 09:00-17:00).",
        ),
        (
            WindowSpec(weekday=6, start_time=time(9, 0), end_time=time(12, 0)),
            "SUN 09:00-12:00 is outside the hospital's working hours (MON-SAT 09:00-17:00).",
        ),
        (
            WindowSpec(weekday=0, start_time=time(12, 0), end_time=time(10, 0)),
            "A window must end after it starts.",
        ),
    ],
)
def test_a_template_outside_the_hospitals_hours_is_refused(admin_user, doctor, window, message):
    availability_set(
        actor=admin_user,
        doctor=doctor,
        windows=[WindowSpec(weekday=1, start_time=time(9, 0), end_time=time(10, 0))],
        at=NOW,
    )
    before = state()

    with pytest.raises(OutsideWorkingHours) as raised:
        availability_set(actor=admin_user, doctor=doctor, windows=[window], at=NOW)

    assert (raised.value.code, raised.value.message) == ("OUTSIDE_WORKING_HOURS", message)
    assert state() == before


def test_overlapping_windows_of_one_day_are_refused(admin_user, doctor):
    with pytest.raises(ValidationFailed) as raised:
        availability_set(
            actor=admin_user,
            doctor=doctor,
            windows=[
                WindowSpec(weekday=2, start_time=time(9, 0), end_time=time(11, 0)),
                WindowSpec(weekday=2, start_time=time(10, 30), end_time=time(12, 0)),
            ],
            at=NOW,
        )
    assert raised.value.fields == {"windows": ["Windows overlap on WED."]}
    assert AvailabilityWindow.objects.count() == 0


def test_overlapping_time_off_is_refused_and_time_off_lists_the_visits_inside_it(
    admin_user, doctor
):
    inside = AppointmentFactory(doctor=doctor, starts_at=slot(1))
    AppointmentFactory(doctor=doctor, starts_at=slot(1), status=S.CANCELLED)
    AppointmentFactory(doctor=doctor, starts_at=slot(6))  # after the time off
    time_off = time_off_add(
        actor=admin_user, doctor=doctor, starts_at=slot(0), ends_at=slot(4), reason="", at=NOW
    )
    assert list(affected_appointments(time_off=time_off)) == [inside]
    before = state()

    with pytest.raises(TimeOffOverlap) as raised:
        time_off_add(
            actor=admin_user, doctor=doctor, starts_at=slot(3), ends_at=slot(5), reason="", at=NOW
        )

    assert (raised.value.code, raised.value.status_code) == ("TIME_OFF_OVERLAP", 409)
    assert state() == before
    # Touching ranges do not overlap.
    time_off_add(
        actor=admin_user, doctor=doctor, starts_at=slot(4), ends_at=slot(5), reason="", at=NOW
    )
    assert TimeOff.objects.count() == 2


# --- overlap by time range ----------------------------------------------------------------------


def test_a_longer_slot_length_never_lets_two_visits_overlap(
    admin_user, doctor, patient, make_patient
):
    other = make_patient()
    with override_settings(HMS_SLOT_MINUTES=60):
        first = appointment_book(
            actor=admin_user, patient=patient, doctor=doctor, starts_at=slot(0), reason="X", at=NOW
        )
    assert first.ends_at - first.starts_at == timedelta(minutes=60)
    before = state()

    # 09:30 is a slot of the 30-minute grid, but the doctor is busy until 10:00.
    with pytest.raises(SlotTaken) as raised:
        appointment_book(
            actor=admin_user, patient=other, doctor=doctor, starts_at=slot(1), reason="X", at=NOW
        )

    assert raised.value.message == (
        "The doctor already has an appointment at this time; choose another slot."
    )
    assert state() == before
    # The patient cannot be in two places either.
    with pytest.raises(SlotTaken) as raised:
        appointment_book(
            actor=patient.user,
            patient=patient,
            doctor=AppointmentFactory().doctor,
            starts_at=slot(1),
            reason="X",
            at=NOW,
        )
    assert (
        raised.value.message == "You already have an appointment at this time; choose another slot."
    )
    assert starts(slot_list(viewer=admin_user, doctor_id=doctor.pk, day=FRIDAY, at=NOW))[:2] == [
        "10:00",
        "10:30",
    ]


# --- reschedule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "expected"),
    [
        ("admin", S.CONFIRMED, S.CONFIRMED),
        ("admin", S.PENDING, S.CONFIRMED),
        ("patient", S.CONFIRMED, S.PENDING),
    ],
)
def test_reschedule_books_the_new_slot_and_cancels_the_old_one(
    admin_user, doctor, patient, who, status, expected
):
    old = AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(0), status=status)
    actor = admin_user if who == "admin" else patient.user

    new = appointment_reschedule(actor=actor, appointment=old, starts_at=slot(1), at=NOW)

    old.refresh_from_db()
    assert (old.status, old.status_reason) == (S.CANCELLED, "rescheduled")
    assert (new.status, new.starts_at, new.rescheduled_from_id, new.doctor_id) == (
        expected,
        slot(1),
        old.pk,
        doctor.pk,
    )
    assert list(new.events.values_list("from_status", "to_status", "reason")) == [
        ("", expected, f"Rescheduled from #{old.pk}.")
    ]
    assert list(AuditEvent.objects.order_by("id").values_list("action", "object_id")) == [
        ("appointment.cancel", str(old.pk)),
        ("appointment.reschedule", str(new.pk)),
    ]


def test_a_reschedule_may_overlap_the_visit_it_replaces(admin_user, doctor, patient):
    # Booked when slots were an hour long: 09:00-10:00; moved half an hour later.
    old = AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(0), ends_at=slot(2))

    new = appointment_reschedule(actor=admin_user, appointment=old, starts_at=slot(1), at=NOW)

    assert (new.starts_at, new.ends_at, new.status) == (slot(1), slot(2), S.CONFIRMED)


@pytest.mark.parametrize("status", [S.COMPLETED, S.CANCELLED, S.REJECTED, S.NO_SHOW, S.EXPIRED])
def test_a_finished_visit_cannot_be_rescheduled(admin_user, doctor, patient, status):
    old = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=slot(0), status=status, status_reason="x"
    )
    before = state()

    with pytest.raises(InvalidStateError) as raised:
        appointment_reschedule(actor=admin_user, appointment=old, starts_at=slot(1), at=NOW)

    assert raised.value.code == "INVALID_STATE"
    assert state() == before


def test_a_reschedule_into_a_taken_slot_changes_nothing(admin_user, doctor, patient):
    old = AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(0))
    AppointmentFactory(doctor=doctor, starts_at=slot(1))
    before = state()

    with pytest.raises(SlotTaken):
        appointment_reschedule(actor=admin_user, appointment=old, starts_at=slot(1), at=NOW)

    assert state() == before


# --- no-show and expiry -------------------------------------------------------------------------


def test_the_job_marks_no_shows_and_expires_past_requests_once(admin_user, doctor):
    yesterday = datetime(2026, 11, 25, 9, 0, tzinfo=IST)
    earlier_today = datetime(2026, 11, 26, 9, 0, tzinfo=IST)
    no_show = AppointmentFactory(doctor=doctor, starts_at=yesterday)
    today_confirmed = AppointmentFactory(doctor=doctor, starts_at=earlier_today)
    completed = AppointmentFactory(doctor=doctor, starts_at=yesterday, status=S.COMPLETED)
    stale = AppointmentFactory(starts_at=earlier_today, status=S.PENDING)
    future = AppointmentFactory(starts_at=slot(0), status=S.PENDING)

    first = appointments_expire(at=NOW)
    after_first = state()
    second = appointments_expire(at=NOW)

    assert first == {"no_shows": 1, "expired": 1, "offers_expired": 0, "entries_expired": 0}
    assert second == {"no_shows": 0, "expired": 0, "offers_expired": 0, "entries_expired": 0}
    assert state() == after_first
    statuses = dict(Appointment.objects.values_list("pk", "status"))
    assert statuses == {
        no_show.pk: S.NO_SHOW,
        today_confirmed.pk: S.CONFIRMED,
        completed.pk: S.COMPLETED,
        stale.pk: S.EXPIRED,
        future.pk: S.PENDING,
    }
    assert sorted(
        AppointmentEvent.objects.values_list("appointment", "from_status", "to_status", "actor")
    ) == sorted(
        [(no_show.pk, S.CONFIRMED, S.NO_SHOW, None), (stale.pk, S.PENDING, S.EXPIRED, None)]
    )
    [audit] = AuditEvent.objects.filter(action="appointment.expire_job")
    assert (audit.detail, sorted(audit.patient_ids)) == (
        {"no_show": [no_show.pk], "expired": [stale.pk]},
        sorted([no_show.patient_id, stale.patient_id]),
    )


def test_a_backlog_larger_than_a_batch_is_moved_whole(doctor, monkeypatch):
    monkeypatch.setattr("hms.appointments.jobs._EXPIRE_BATCH", 2)
    days = [datetime(2026, 11, 20 + offset, 9, 0, tzinfo=IST) for offset in range(5)]
    no_shows = [AppointmentFactory(doctor=doctor, starts_at=day) for day in days]

    moved = appointments_expire(at=NOW)

    assert moved == {"no_shows": 5, "expired": 0, "offers_expired": 0, "entries_expired": 0}
    assert sorted(Appointment.objects.values_list("pk", "status")) == sorted(
        (appointment.pk, S.NO_SHOW) for appointment in no_shows
    )
    assert sorted(
        AppointmentEvent.objects.values_list("appointment", "from_status", "to_status")
    ) == sorted((appointment.pk, S.CONFIRMED, S.NO_SHOW) for appointment in no_shows)


def test_the_doctor_may_still_complete_a_no_show_within_seven_days(doctor):
    started = datetime(2026, 11, 25, 9, 0, tzinfo=IST)
    recent = AppointmentFactory(doctor=doctor, starts_at=started, status=S.NO_SHOW)
    old = AppointmentFactory(doctor=doctor, starts_at=started - timedelta(days=8), status=S.NO_SHOW)

    appointment_complete(actor=doctor.user, appointment=recent, at=NOW)
    with pytest.raises(InvalidStateError) as raised:
        appointment_complete(actor=doctor.user, appointment=old, at=NOW)

    recent.refresh_from_db()
    old.refresh_from_db()
    assert (recent.status, old.status) == (S.COMPLETED, S.NO_SHOW)
    assert raised.value.message == (
        "This no-show is more than 7 days old; it can no longer be marked attended."
    )
