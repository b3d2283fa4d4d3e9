"""The waitlist, from a freed slot to an accepted offer, on a frozen clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hms.appointments.errors import AlreadyWaiting, OfferExpired, SlotTaken
from hms.appointments.jobs import appointments_expire
from hms.appointments.models import (
    Appointment,
    AppointmentStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from hms.appointments.services import (
    appointment_book,
    appointment_cancel,
    appointment_cancel_for_patient,
)
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.appointments.waitlist import waitlist_accept, waitlist_join, waitlist_leave
from hms.common.errors import InvalidStateError, PermissionDeniedError

pytestmark = pytest.mark.django_db

S = AppointmentStatus
W = WaitlistStatus
FRIDAY = date(2026, 11, 27)
HOLD = timedelta(minutes=30)


@pytest.fixture
def doctor(make_doctor):
    return make_doctor()


def join(patient, doctor, *, actor=None, date_from=FRIDAY, date_to=FRIDAY, at=NOW):
    return waitlist_join(
        actor=actor or patient.user,
        patient=patient,
        doctor=doctor,
        date_from=date_from,
        date_to=date_to,
        reason="Follow-up",
        at=at,
    )


def state():
    return (
        sorted(Appointment.objects.values_list("pk", "status", "patient", "starts_at")),
        sorted(WaitlistEntry.objects.values_list("pk", "status", "offer", "offer_expires_at")),
    )


def test_a_freed_slot_is_held_for_the_first_in_line_who_accepts_it(
    admin_user, doctor, make_patient
):
    booked, first, second = make_patient(), make_patient(), make_patient()
    visit = AppointmentFactory(doctor=doctor, patient=booked, starts_at=slot(3))
    entry = join(first, doctor)
    later = join(second, doctor, at=NOW + timedelta(minutes=1))

    appointment_cancel(actor=booked.user, appointment=visit, at=NOW + timedelta(minutes=5))

    entry.refresh_from_db()
    later.refresh_from_db()
    hold = entry.offer
    assert (entry.status, later.status) == (W.OFFERED, W.WAITING)
    assert (hold.status, hold.patient_id, hold.starts_at, hold.ends_at) == (
        S.HELD,
        first.pk,
        slot(3),
        slot(4),
    )
    assert entry.offer_expires_at == NOW + timedelta(minutes=5) + HOLD
    # Nobody else may book the held slot.
    with pytest.raises(SlotTaken):
        appointment_book(
            actor=admin_user,
            patient=second,
            doctor=doctor,
            starts_at=slot(3),
            reason="X",
            at=NOW + timedelta(minutes=6),
        )

    appointment = waitlist_accept(actor=first.user, entry=entry, at=NOW + timedelta(minutes=20))

    entry.refresh_from_db()
    assert (appointment.pk, appointment.status, appointment.booked_by) == (
        hold.pk,
        S.PENDING,
        first.user,
    )
    assert entry.status == W.BOOKED
    assert list(appointment.events.values_list("from_status", "to_status", "actor")) == [
        ("", S.HELD, None),
        (S.HELD, S.PENDING, first.user.pk),
    ]


def test_an_expired_offer_passes_to_the_next_in_line(admin_user, doctor, make_patient):
    first, second = make_patient(), make_patient()
    visit = AppointmentFactory(doctor=doctor, starts_at=slot(3))
    entry = join(first, doctor)
    later = join(second, doctor, at=NOW + timedelta(minutes=1))
    appointment_cancel(actor=admin_user, appointment=visit, at=NOW)
    entry.refresh_from_db()
    first_hold = entry.offer
    before = state()

    # Accepting after the hold ran out is refused and changes nothing.
    with pytest.raises(OfferExpired) as raised:
        waitlist_accept(actor=first.user, entry=entry, at=NOW + HOLD)
    assert (raised.value.code, raised.value.status_code) == ("OFFER_EXPIRED", 409)
    assert state() == before

    counts = appointments_expire(at=NOW + HOLD)
    again = appointments_expire(at=NOW + HOLD)

    entry.refresh_from_db()
    later.refresh_from_db()
    first_hold.refresh_from_db()
    assert counts["offers_expired"] == 1
    assert again == {"no_shows": 0, "expired": 0, "offers_expired": 0, "entries_expired": 0}
    assert (entry.status, first_hold.status) == (W.EXPIRED, S.EXPIRED)
    assert later.status == W.OFFERED
    assert (later.offer.patient_id, later.offer.starts_at, later.offer.status) == (
        second.pk,
        slot(3),
        S.HELD,
    )
    assert later.offer_expires_at == NOW + HOLD + HOLD
    # The admin accepts on the patient's behalf: confirmed at once.
    appointment = waitlist_accept(
        actor=admin_user, entry=later, at=NOW + HOLD + timedelta(minutes=1)
    )
    assert appointment.status == S.CONFIRMED


def test_the_offer_skips_people_busy_then_or_waiting_for_other_days(doctor, make_patient):
    busy, other_days, free = make_patient(), make_patient(), make_patient()
    AppointmentFactory(patient=busy, starts_at=slot(3))  # with another doctor, same time
    visit = AppointmentFactory(doctor=doctor, starts_at=slot(3))
    join(busy, doctor)
    join(
        other_days, doctor, date_from=FRIDAY + timedelta(days=1), date_to=FRIDAY + timedelta(days=3)
    )
    wanted = join(free, doctor)

    appointment_cancel(actor=visit.patient.user, appointment=visit, at=NOW)

    statuses = dict(WaitlistEntry.objects.values_list("patient", "status"))
    assert statuses == {busy.pk: W.WAITING, other_days.pk: W.WAITING, free.pk: W.OFFERED}
    wanted.refresh_from_db()
    assert wanted.offer.starts_at == slot(3)


def test_leaving_with_an_offer_passes_it_on(doctor, make_patient):
    first, second = make_patient(), make_patient()
    visit = AppointmentFactory(doctor=doctor, starts_at=slot(3))
    entry = join(first, doctor)
    later = join(second, doctor, at=NOW + timedelta(minutes=1))
    appointment_cancel(actor=visit.patient.user, appointment=visit, at=NOW)

    waitlist_leave(actor=first.user, entry=entry, at=NOW + timedelta(minutes=2))

    entry.refresh_from_db()
    later.refresh_from_db()
    assert (entry.status, entry.offer.status) == (W.LEFT, S.CANCELLED)
    assert (later.status, later.offer.starts_at) == (W.OFFERED, slot(3))
    with pytest.raises(InvalidStateError):
        waitlist_leave(actor=first.user, entry=entry, at=NOW + timedelta(minutes=3))


def test_joining_twice_or_for_someone_else_is_refused(doctor, make_patient):
    patient, other = make_patient(), make_patient()
    join(patient, doctor)
    before = state()

    with pytest.raises(AlreadyWaiting):
        join(patient, doctor)
    with pytest.raises(PermissionDeniedError):
        join(other, doctor, actor=patient.user)

    assert state() == before


def test_entries_whose_days_have_passed_expire(doctor, make_patient):
    entry = join(make_patient(), doctor, date_from=date(2026, 11, 26), date_to=date(2026, 11, 26))

    counts = appointments_expire(at=NOW + timedelta(days=1))

    entry.refresh_from_db()
    assert (counts["entries_expired"], entry.status) == (1, W.EXPIRED)


def test_closing_an_offered_patients_account_passes_the_slot_on(admin_user, doctor, make_patient):
    first, second = make_patient(), make_patient()
    visit = AppointmentFactory(doctor=doctor, starts_at=slot(3))
    entry = join(first, doctor)
    later = join(second, doctor, at=NOW + timedelta(minutes=1))
    appointment_cancel(actor=admin_user, appointment=visit, at=NOW)

    appointment_cancel_for_patient(actor=admin_user, patient=first, reason="Closed", at=NOW)

    entry.refresh_from_db()
    later.refresh_from_db()
    assert (entry.status, entry.offer.status) == (W.LEFT, S.CANCELLED)
    assert (later.status, later.offer.starts_at) == (W.OFFERED, slot(3))
