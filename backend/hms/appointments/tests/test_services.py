"""Booking and transitions against the real database: every allowed and refused move."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from hms.accounts.models import AccountStatus
from hms.appointments.errors import SlotOutsideHours, SlotTaken
from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.appointments.services import (
    appointment_approve,
    appointment_book,
    appointment_cancel,
    appointment_cancel_for_doctor,
    appointment_cancel_for_patient,
    appointment_complete,
    appointment_reject,
)
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.audit.models import AuditEvent
from hms.common.errors import (
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailed,
)

pytestmark = pytest.mark.django_db

S = AppointmentStatus
STARTED = NOW - timedelta(minutes=30)  # Thursday 09:30: a slot that has begun


@pytest.fixture
def doctor(make_doctor):
    return make_doctor(user__username="dr.house")


@pytest.fixture
def patient(make_patient):
    return make_patient(user__username="pat")


def snapshot(appointment: Appointment) -> tuple:
    appointment.refresh_from_db()
    return (
        appointment.status,
        appointment.status_reason,
        appointment.status_changed_at,
        AppointmentEvent.objects.filter(appointment=appointment).count(),
        AuditEvent.objects.count(),
    )


# --- booking ----------------------------------------------------------------------------------


def test_a_patient_books_a_pending_request_for_themself(doctor, patient):
    appointment = appointment_book(
        actor=patient.user,
        patient=patient,
        doctor=doctor,
        starts_at=slot(2),
        reason="Chest pain",
        at=NOW,
    )

    appointment.refresh_from_db()
    assert (
        appointment.patient,
        appointment.doctor,
        appointment.starts_at,
        appointment.ends_at,
        appointment.reason,
        appointment.status,
        appointment.status_changed_at,
        appointment.booked_by,
    ) == (patient, doctor, slot(2), slot(3), "Chest pain", S.PENDING, NOW, patient.user)
    event = AppointmentEvent.objects.get(appointment=appointment)
    assert (event.from_status, event.to_status, event.actor, event.at, event.reason) == (
        "",
        S.PENDING,
        patient.user,
        NOW,
        "",
    )
    audit = AuditEvent.objects.get()
    assert (audit.action, audit.object_type, audit.object_id, audit.patient, audit.actor) == (
        "appointment.book",
        "appointment",
        str(appointment.pk),
        patient,
        patient.user,
    )


def test_an_admin_books_a_confirmed_appointment_for_any_patient(admin_user, doctor, patient):
    appointment = appointment_book(
        actor=admin_user, patient=patient, doctor=doctor, starts_at=slot(0), reason="X", at=NOW
    )

    assert (appointment.status, appointment.booked_by) == (S.CONFIRMED, admin_user)
    assert list(appointment.events.values_list("from_status", "to_status", "actor")) == [
        ("", S.CONFIRMED, admin_user.pk)
    ]


def test_a_patient_cannot_book_for_someone_else(doctor, patient, make_patient):
    other = make_patient()

    with pytest.raises(PermissionDeniedError):
        appointment_book(
            actor=patient.user, patient=other, doctor=doctor, starts_at=slot(0), reason="X", at=NOW
        )
    assert Appointment.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_a_doctor_cannot_book(doctor, patient):
    with pytest.raises(PermissionDeniedError):
        appointment_book(
            actor=doctor.user, patient=patient, doctor=doctor, starts_at=slot(0), reason="X", at=NOW
        )
    assert Appointment.objects.count() == 0


@pytest.mark.parametrize(
    ("starts_at", "message"),
    [
        (NOW, "This time has already passed; choose a slot in the future."),
        (
            slot(0) + timedelta(minutes=10),
            "Appointments start every 30 minutes from 09:00; 09:10:00 is not a slot start.",
        ),
        (slot(16), "17:00 on Friday is outside working hours (09:00-17:00, Asia/Kolkata time)."),
        (
            slot(0) + timedelta(days=2),
            "The hospital takes no appointments on Sundays (working hours: MON-SAT 09:00-17:00).",
        ),
    ],
)
def test_a_start_off_the_grid_outside_hours_or_in_the_past_is_refused(
    admin_user, doctor, patient, starts_at, message
):
    with pytest.raises(SlotOutsideHours) as raised:
        appointment_book(
            actor=admin_user,
            patient=patient,
            doctor=doctor,
            starts_at=starts_at,
            reason="X",
            at=NOW,
        )
    assert (raised.value.message, raised.value.fields) == (message, {"starts_at": [message]})
    assert Appointment.objects.count() == 0


@pytest.mark.parametrize(
    "status", [AccountStatus.PENDING, AccountStatus.REJECTED, AccountStatus.DELETED]
)
def test_doctor_and_patient_must_be_approved(admin_user, make_doctor, make_patient, status):
    approved_doctor, approved_patient = make_doctor(), make_patient()

    with pytest.raises(ValidationFailed) as raised:
        appointment_book(
            actor=admin_user,
            patient=approved_patient,
            doctor=make_doctor(status=status),
            starts_at=slot(0),
            reason="X",
            at=NOW,
        )
    assert raised.value.fields == {"doctor": ["This doctor is not available for booking."]}
    with pytest.raises(ValidationFailed) as raised:
        appointment_book(
            actor=admin_user,
            patient=make_patient(status=status),
            doctor=approved_doctor,
            starts_at=slot(0),
            reason="X",
            at=NOW,
        )
    assert raised.value.fields == {"patient": ["This patient's account is not approved."]}
    assert Appointment.objects.count() == 0


@pytest.mark.parametrize("status", [S.PENDING, S.CONFIRMED])
def test_a_doctors_held_slot_is_taken(admin_user, doctor, patient, make_patient, status):
    AppointmentFactory(doctor=doctor, patient=make_patient(), starts_at=slot(0), status=status)

    with pytest.raises(SlotTaken) as raised:
        appointment_book(
            actor=patient.user,
            patient=patient,
            doctor=doctor,
            starts_at=slot(0),
            reason="X",
            at=NOW,
        )
    assert raised.value.message == (
        "The doctor already has an appointment at this time; choose another slot."
    )
    assert (raised.value.status_code, raised.value.code) == (409, "SLOT_TAKEN")
    assert Appointment.objects.count() == 1
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("status", [S.REJECTED, S.CANCELLED, S.COMPLETED])
def test_a_slot_freed_by_rejection_or_cancellation_can_be_booked_again(
    doctor, patient, make_patient, status
):
    AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=slot(0), status=status, status_reason="No"
    )

    appointment = appointment_book(
        actor=patient.user, patient=patient, doctor=doctor, starts_at=slot(0), reason="X", at=NOW
    )

    assert appointment.status == S.PENDING
    assert Appointment.objects.filter(doctor=doctor, starts_at=slot(0)).count() == 2


def test_a_patient_cannot_hold_two_slots_at_the_same_time(admin_user, patient, make_doctor):
    AppointmentFactory(patient=patient, doctor=make_doctor(), starts_at=slot(0), status=S.PENDING)
    other_doctor = make_doctor()

    with pytest.raises(SlotTaken) as raised:
        appointment_book(
            actor=patient.user,
            patient=patient,
            doctor=other_doctor,
            starts_at=slot(0),
            reason="X",
            at=NOW,
        )
    assert (
        raised.value.message == "You already have an appointment at this time; choose another slot."
    )
    with pytest.raises(SlotTaken) as raised:
        appointment_book(
            actor=admin_user,
            patient=patient,
            doctor=other_doctor,
            starts_at=slot(0),
            reason="X",
            at=NOW,
        )
    assert raised.value.message == (
        "The patient already has an appointment at this time; choose another slot."
    )
    # The refused insert rolled back to its savepoint: the transaction goes on working.
    assert Appointment.objects.count() == 1


# --- the database refuses bad rows by itself ------------------------------------------------


@pytest.mark.parametrize("same", ["doctor", "patient"])
def test_the_database_refuses_a_second_holding_appointment_in_a_slot(
    make_doctor, make_patient, same
):
    first = AppointmentFactory(starts_at=slot(0), status=S.CONFIRMED)
    other = {"doctor": make_doctor(), "patient": make_patient()}
    other[same] = getattr(first, same)

    with pytest.raises(IntegrityError), transaction.atomic():
        AppointmentFactory(starts_at=slot(0), status=S.PENDING, **other)
    AppointmentFactory(starts_at=slot(0), status=S.CANCELLED, **other)
    assert Appointment.objects.filter(starts_at=slot(0)).count() == 2


@pytest.mark.parametrize(
    "overrides",
    [
        {"ends_at": slot(0)},  # ends when it starts
        {"ends_at": slot(0) - timedelta(minutes=30)},
        {"status": "LOST"},
        {"status": S.REJECTED, "status_reason": ""},  # a rejection always says why
    ],
)
def test_the_database_refuses_inconsistent_rows(overrides):
    with pytest.raises(IntegrityError), transaction.atomic():
        AppointmentFactory(starts_at=slot(0), **overrides)
    assert Appointment.objects.count() == 0


def test_status_history_is_append_only_in_the_database(doctor, patient):
    appointment = appointment_book(
        actor=patient.user, patient=patient, doctor=doctor, starts_at=slot(0), reason="X", at=NOW
    )

    with pytest.raises(DatabaseError), transaction.atomic():
        AppointmentEvent.objects.filter(appointment=appointment).update(to_status=S.CONFIRMED)
    assert appointment.events.get().to_status == S.PENDING


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row DELETE is refused on PostgreSQL")
def test_status_history_cannot_be_deleted_on_postgresql(doctor, patient):
    appointment = appointment_book(
        actor=patient.user, patient=patient, doctor=doctor, starts_at=slot(0), reason="X", at=NOW
    )

    with pytest.raises(DatabaseError), transaction.atomic():
        AppointmentEvent.objects.filter(appointment=appointment).delete()
    assert appointment.events.count() == 1


# --- transitions ------------------------------------------------------------------------------

ALL = list(S)


def make(status: str, **kwargs):
    kwargs.setdefault("starts_at", slot(0))
    if status == S.REJECTED:
        kwargs.setdefault("status_reason", "Doctor on leave")
    return AppointmentFactory(status=status, **kwargs)


@pytest.mark.parametrize("status", ALL)
def test_approve_only_a_pending_request(admin_user, status):
    appointment = make(status)
    before = snapshot(appointment)

    if status != S.PENDING:
        with pytest.raises(InvalidStateError) as raised:
            appointment_approve(actor=admin_user, appointment=appointment, at=NOW)
        label = S(status).label.lower()
        assert raised.value.message == f"This appointment is {label}; it cannot be approved."
        assert snapshot(appointment) == before
        return
    appointment_approve(actor=admin_user, appointment=appointment, at=NOW)
    appointment.refresh_from_db()
    assert (appointment.status, appointment.status_changed_at) == (S.CONFIRMED, NOW)
    event = appointment.events.get()
    assert (event.from_status, event.to_status, event.actor, event.at) == (
        S.PENDING,
        S.CONFIRMED,
        admin_user,
        NOW,
    )
    assert list(AuditEvent.objects.values_list("action", "object_id", "actor")) == [
        ("appointment.approve", str(appointment.pk), admin_user.pk)
    ]


def test_approving_a_request_whose_time_has_passed_is_refused(admin_user):
    appointment = make(S.PENDING, starts_at=STARTED)
    before = snapshot(appointment)

    with pytest.raises(InvalidStateError) as raised:
        appointment_approve(actor=admin_user, appointment=appointment, at=NOW)
    assert raised.value.message == "This appointment's time has passed; it cannot be approved."
    assert snapshot(appointment) == before


def test_approving_when_the_doctor_has_left_is_refused(admin_user, make_doctor):
    appointment = make(S.PENDING, doctor=make_doctor(status=AccountStatus.DELETED))
    before = snapshot(appointment)

    with pytest.raises(InvalidStateError):
        appointment_approve(actor=admin_user, appointment=appointment, at=NOW)
    assert snapshot(appointment) == before


@pytest.mark.parametrize("status", ALL)
def test_reject_only_a_pending_request_and_keep_the_reason(admin_user, status):
    appointment = make(status)
    before = snapshot(appointment)

    if status != S.PENDING:
        with pytest.raises(InvalidStateError):
            appointment_reject(
                actor=admin_user, appointment=appointment, reason="Doctor away", at=NOW
            )
        assert snapshot(appointment) == before
        return
    appointment_reject(actor=admin_user, appointment=appointment, reason="  Doctor away ", at=NOW)
    appointment.refresh_from_db()
    assert (appointment.status, appointment.status_reason) == (S.REJECTED, "Doctor away")
    assert list(appointment.events.values_list("from_status", "to_status", "reason")) == [
        (S.PENDING, S.REJECTED, "Doctor away")
    ]
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["appointment.reject"]


def test_a_rejection_needs_a_reason(admin_user):
    appointment = make(S.PENDING)
    before = snapshot(appointment)

    with pytest.raises(ValidationFailed) as raised:
        appointment_reject(actor=admin_user, appointment=appointment, reason="   ", at=NOW)
    assert raised.value.fields == {"reason": ["Give the patient a reason for the rejection."]}
    assert snapshot(appointment) == before


@pytest.mark.parametrize(
    ("status", "starts_at", "allowed"),
    [
        (S.PENDING, slot(0), True),
        (S.PENDING, STARTED, True),
        (S.CONFIRMED, slot(0), True),
        (S.CONFIRMED, STARTED, True),  # a no-show: the admin may still cancel
        (S.REJECTED, slot(0), False),
        (S.CANCELLED, slot(0), False),
        (S.COMPLETED, STARTED, False),
    ],
)
def test_the_admin_cancels_pending_and_confirmed(admin_user, status, starts_at, allowed):
    appointment = make(status, starts_at=starts_at)
    before = snapshot(appointment)

    if not allowed:
        with pytest.raises(InvalidStateError):
            appointment_cancel(actor=admin_user, appointment=appointment, at=NOW)
        assert snapshot(appointment) == before
        return
    appointment_cancel(actor=admin_user, appointment=appointment, reason="Clinic closed", at=NOW)
    appointment.refresh_from_db()
    assert (appointment.status, appointment.status_reason) == (S.CANCELLED, "Clinic closed")
    assert list(appointment.events.values_list("from_status", "to_status", "actor")) == [
        (status, S.CANCELLED, admin_user.pk)
    ]
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["appointment.cancel"]


@pytest.mark.parametrize(
    ("status", "starts_at", "message"),
    [
        (S.PENDING, slot(0), None),
        (S.PENDING, STARTED, None),
        (S.CONFIRMED, slot(0), None),
        (
            S.CONFIRMED,
            STARTED,
            "This appointment has already started; please contact the hospital.",
        ),
        (S.CONFIRMED, NOW, "This appointment has already started; please contact the hospital."),
        (S.REJECTED, slot(0), "This appointment is rejected; it cannot be cancelled."),
        (S.CANCELLED, slot(0), "This appointment is cancelled; it cannot be cancelled."),
        (S.COMPLETED, STARTED, "This appointment is completed; it cannot be cancelled."),
    ],
)
def test_a_patient_cancels_their_pending_or_future_confirmed_appointment(
    patient, status, starts_at, message
):
    appointment = make(status, starts_at=starts_at, patient=patient)
    before = snapshot(appointment)

    if message:
        with pytest.raises(InvalidStateError) as raised:
            appointment_cancel(actor=patient.user, appointment=appointment, at=NOW)
        assert raised.value.message == message
        assert snapshot(appointment) == before
        return
    appointment_cancel(actor=patient.user, appointment=appointment, at=NOW)
    appointment.refresh_from_db()
    assert (appointment.status, appointment.status_reason) == (S.CANCELLED, "")
    assert appointment.events.get().actor == patient.user


def test_nobody_else_cancels_a_patients_appointment(patient, make_patient):
    appointment = make(S.PENDING, patient=patient)
    before = snapshot(appointment)

    with pytest.raises(NotFoundError):
        appointment_cancel(actor=make_patient().user, appointment=appointment, at=NOW)
    # A pending request is not on the doctor's calendar: for them it does not exist.
    with pytest.raises(NotFoundError):
        appointment_cancel(actor=appointment.doctor.user, appointment=appointment, at=NOW)
    assert snapshot(appointment) == before


def test_the_doctor_may_not_cancel_their_confirmed_appointment(patient):
    appointment = make(S.CONFIRMED, patient=patient)
    before = snapshot(appointment)

    with pytest.raises(PermissionDeniedError):
        appointment_cancel(actor=appointment.doctor.user, appointment=appointment, at=NOW)
    assert snapshot(appointment) == before


@pytest.mark.parametrize(
    ("status", "starts_at", "message"),
    [
        (S.CONFIRMED, STARTED, None),
        (S.CONFIRMED, NOW, None),  # the slot starts now: the visit has begun
        (S.CONFIRMED, NOW - timedelta(days=3), None),
        (
            S.CONFIRMED,
            slot(0),
            "This appointment has not started yet; complete it once the visit has begun.",
        ),
        (S.COMPLETED, STARTED, "This appointment is completed; it cannot be completed."),
    ],
)
def test_the_doctor_completes_their_confirmed_appointment_once_it_started(
    doctor, status, starts_at, message
):
    appointment = make(status, starts_at=starts_at, doctor=doctor)
    before = snapshot(appointment)

    if message:
        with pytest.raises(InvalidStateError) as raised:
            appointment_complete(actor=doctor.user, appointment=appointment, at=NOW)
        assert raised.value.message == message
        assert snapshot(appointment) == before
        return
    appointment_complete(actor=doctor.user, appointment=appointment, at=NOW)
    appointment.refresh_from_db()
    assert (appointment.status, appointment.status_changed_at) == (S.COMPLETED, NOW)
    assert list(appointment.events.values_list("from_status", "to_status", "actor")) == [
        (S.CONFIRMED, S.COMPLETED, doctor.user.pk)
    ]
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["appointment.complete"]


@pytest.mark.parametrize("status", [S.PENDING, S.REJECTED, S.CANCELLED])
def test_the_doctor_cannot_reach_an_appointment_never_confirmed(doctor, status):
    appointment = make(status, starts_at=STARTED, doctor=doctor)
    before = snapshot(appointment)

    with pytest.raises(NotFoundError):
        appointment_complete(actor=doctor.user, appointment=appointment, at=NOW)
    assert snapshot(appointment) == before


def test_only_the_appointments_own_doctor_completes_it(doctor, make_doctor, admin_user):
    appointment = make(S.CONFIRMED, starts_at=STARTED, doctor=doctor)
    before = snapshot(appointment)

    with pytest.raises(NotFoundError):
        appointment_complete(actor=make_doctor().user, appointment=appointment, at=NOW)
    with pytest.raises(PermissionDeniedError):
        appointment_complete(actor=admin_user, appointment=appointment, at=NOW)
    with pytest.raises(PermissionDeniedError):
        appointment_complete(actor=appointment.patient.user, appointment=appointment, at=NOW)
    assert snapshot(appointment) == before


def test_only_the_admin_decides_requests(doctor):
    appointment = make(S.PENDING, doctor=doctor)
    before = snapshot(appointment)

    # A pending request is not on the doctor's calendar: for them it does not exist.
    with pytest.raises(NotFoundError):
        appointment_approve(actor=doctor.user, appointment=appointment, at=NOW)
    with pytest.raises(PermissionDeniedError):
        appointment_reject(
            actor=appointment.patient.user, appointment=appointment, reason="x", at=NOW
        )
    assert snapshot(appointment) == before


def test_a_full_life_records_every_step_in_order(admin_user, doctor, patient):
    appointment = appointment_book(
        actor=patient.user, patient=patient, doctor=doctor, starts_at=slot(0), reason="X", at=NOW
    )
    appointment_approve(actor=admin_user, appointment=appointment, at=NOW + timedelta(minutes=5))
    appointment_complete(
        actor=doctor.user, appointment=appointment, at=slot(0) + timedelta(minutes=40)
    )

    assert list(appointment.events.values_list("from_status", "to_status", "actor", "at")) == [
        ("", S.PENDING, patient.user.pk, NOW),
        (S.PENDING, S.CONFIRMED, admin_user.pk, NOW + timedelta(minutes=5)),
        (S.CONFIRMED, S.COMPLETED, doctor.user.pk, slot(0) + timedelta(minutes=40)),
    ]
    assert list(AuditEvent.objects.order_by("id").values_list("action", flat=True)) == [
        "appointment.book",
        "appointment.approve",
        "appointment.complete",
    ]


# --- when a doctor or a patient leaves ------------------------------------------------------


def test_cancel_for_doctor_cancels_only_their_future_holding_appointments(
    admin_user, doctor, make_doctor
):
    future_pending = make(S.PENDING, doctor=doctor, starts_at=slot(0))
    future_confirmed = make(S.CONFIRMED, doctor=doctor, starts_at=slot(1))
    past_confirmed = make(S.CONFIRMED, doctor=doctor, starts_at=STARTED)
    future_rejected = make(S.REJECTED, doctor=doctor, starts_at=slot(2))
    someone_elses = make(S.CONFIRMED, doctor=make_doctor(), starts_at=slot(3))

    count = appointment_cancel_for_doctor(
        actor=admin_user, doctor=doctor, reason="The doctor has left the hospital.", at=NOW
    )

    assert count == 2
    statuses = {row.pk: (row.status, row.status_reason) for row in Appointment.objects.all()}
    assert statuses == {
        future_pending.pk: (S.CANCELLED, "The doctor has left the hospital."),
        future_confirmed.pk: (S.CANCELLED, "The doctor has left the hospital."),
        past_confirmed.pk: (S.CONFIRMED, ""),
        future_rejected.pk: (S.REJECTED, "Doctor on leave"),
        someone_elses.pk: (S.CONFIRMED, ""),
    }
    assert AppointmentEvent.objects.filter(to_status=S.CANCELLED, actor=admin_user).count() == 2
    assert sorted(AuditEvent.objects.values_list("action", "object_id")) == sorted(
        [
            ("appointment.cancel", str(future_pending.pk)),
            ("appointment.cancel", str(future_confirmed.pk)),
        ]
    )


def test_cancel_for_patient_cancels_only_their_future_holding_appointments(admin_user, patient):
    future = make(S.CONFIRMED, patient=patient, starts_at=slot(0))
    past = make(S.PENDING, patient=patient, starts_at=STARTED)
    other = make(S.PENDING, starts_at=slot(1))

    count = appointment_cancel_for_patient(
        actor=admin_user, patient=patient, reason="Account closed.", at=NOW
    )

    assert count == 1
    assert [Appointment.objects.get(pk=row.pk).status for row in (future, past, other)] == [
        S.CANCELLED,
        S.PENDING,
        S.PENDING,
    ]
