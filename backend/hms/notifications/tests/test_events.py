"""SPEC section 9, row by row: exactly which notifications and e-mails one action produces."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from hms.accounts.models import AccountStatus, Role
from hms.accounts.tests.factories import UserFactory
from hms.admissions.services import admission_create, admission_discharge
from hms.appointments.availability import time_off_add
from hms.appointments.models import AppointmentStatus
from hms.appointments.reminders import appointment_send_reminders
from hms.appointments.services import (
    appointment_approve,
    appointment_book,
    appointment_cancel,
    appointment_reject,
    appointment_reschedule,
)
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.appointments.waitlist import waitlist_join
from hms.audit.services import audit_event_append, unusual_access_check
from hms.common.errors import InvalidStateError
from hms.doctors.models import Department
from hms.doctors.services import doctor_approve, doctor_create, doctor_reject
from hms.doctors.tests.factories import DoctorFactory
from hms.notifications.errors import MandatoryNotificationKind
from hms.notifications.models import Notification, NotificationDelivery
from hms.notifications.services import (
    notification_create_for_each,
    notification_preferences_update,
)
from hms.notifications.tests.conftest import mailed, told
from hms.patients.services import patient_approve, patient_create, patient_reject
from hms.patients.tests.factories import PatientFactory
from hms.payments.services import Charges, discharge_with_advances, payment_record

pytestmark = pytest.mark.django_db

HOSPITAL = "HMS General Hospital"


def _person(role, username, *, email=True, status=AccountStatus.APPROVED):
    return UserFactory(
        username=username,
        first_name=username.split(".")[-1].title(),
        last_name="Test",
        role=role,
        status=status,
        email=f"{username}@example.org" if email else "",
    )


@pytest.fixture
def admins():
    # Told in the app; e-mailed only where there is an address. A deleted admin is not told.
    return (
        _person(Role.ADMIN, "meera"),
        _person(Role.ADMIN, "ravi", email=False),
        _person(Role.ADMIN, "gone", status=AccountStatus.DELETED),
    )


@pytest.fixture
def people():
    doctor = DoctorFactory(user=_person(Role.DOCTOR, "dr.asha"))
    patient = PatientFactory(user=_person(Role.PATIENT, "priya"), symptoms="Chest pain")
    return doctor, patient


def _signup_doctor():
    return doctor_create(
        actor=None,
        username="dr.nia",
        password="a-long-enough-password-1",
        first_name="Nia",
        last_name="Shah",
        email="nia@example.org",
        mobile="+919845000009",
        address="Ward Road",
        department=Department.objects.get(code="CARDIOLOGIST"),
        status=AccountStatus.PENDING,
        at=NOW,
    )


def _signup_patient(status=AccountStatus.PENDING, actor=None):
    return patient_create(
        actor=actor,
        username="omar",
        password="a-long-enough-password-1",
        first_name="Omar",
        last_name="Haddad",
        email="omar@example.org",
        mobile="+919845000008",
        address="Lake Road",
        symptoms="Itchy rash",
        date_of_birth=None,
        preferred_doctor=None,
        assigned_doctor=None,
        status=status,
        at=NOW,
    )


def test_sign_up_waiting_tells_every_active_admin(committed, admins):
    doctor = committed(_signup_doctor)
    patient = committed(_signup_patient)

    assert told() == [
        ("meera", "ACCOUNT_SIGNUP_WAITING"),
        ("meera", "ACCOUNT_SIGNUP_WAITING"),
        ("ravi", "ACCOUNT_SIGNUP_WAITING"),
        ("ravi", "ACCOUNT_SIGNUP_WAITING"),
    ]
    assert mailed() == [
        ("meera@example.org", f"{HOSPITAL}: Sign-up waiting for approval"),
        ("meera@example.org", f"{HOSPITAL}: Sign-up waiting for approval"),
    ]
    links = sorted(
        Notification.objects.filter(recipient__username="meera").values_list("link", "text")
    )
    assert links == [
        (
            f"/admin/doctors/{doctor.pk}",
            "A doctor applied for an account and is waiting for approval.",
        ),
        (f"/admin/patients/{patient.pk}", "A patient signed up and is waiting for approval."),
    ]


def test_an_admin_registration_tells_nobody(committed, admins):
    committed(lambda: _signup_patient(status=AccountStatus.APPROVED, actor=admins[0]))

    assert told() == []
    assert mail.outbox == []


@pytest.mark.parametrize("kind", ["doctor", "patient"])
def test_approval_tells_that_person_by_e_mail(committed, admins, kind):
    profile = committed(_signup_doctor if kind == "doctor" else _signup_patient)
    Notification.objects.all().delete()
    mail.outbox = []
    # Even a person who switched every kind off hears about their account.
    with pytest.raises(MandatoryNotificationKind):
        notification_preferences_update(
            user=profile.user, email={"ACCOUNT_APPROVED": False}, at=NOW
        )

    approve = doctor_approve if kind == "doctor" else patient_approve
    committed(lambda: approve(actor=admins[0], **{kind: profile}, at=NOW))

    username = profile.user.username
    assert told() == [(username, "ACCOUNT_APPROVED")]
    assert mailed() == [(profile.user.email, f"{HOSPITAL}: Account approved")]
    assert Notification.objects.get().text == (
        f"Your {HOSPITAL} account ({username}) was approved. You can sign in now."
    )
    assert "https://hms.example.org/login" in mail.outbox[0].body


@pytest.mark.parametrize("kind", ["doctor", "patient"])
def test_rejection_tells_that_person_with_the_reason(committed, admins, kind):
    profile = committed(_signup_doctor if kind == "doctor" else _signup_patient)
    Notification.objects.all().delete()
    mail.outbox = []

    reject = doctor_reject if kind == "doctor" else patient_reject
    committed(
        lambda: reject(actor=admins[0], **{kind: profile}, reason="Duplicate account", at=NOW)
    )

    username = profile.user.username
    assert told() == [(username, "ACCOUNT_REJECTED")]
    assert mailed() == [(profile.user.email, f"{HOSPITAL}: Account not approved")]
    expected = f"Your {HOSPITAL} sign-up ({username}) was not approved. Reason: Duplicate account"
    assert Notification.objects.get().text == expected
    assert expected in mail.outbox[0].body


def test_an_appointment_request_tells_the_admins(committed, admins, people):
    doctor, patient = people

    committed(
        lambda: appointment_book(
            actor=patient.user,
            patient=patient,
            doctor=doctor,
            starts_at=slot(2),
            reason="Palpitations at night",
            at=NOW,
        )
    )

    assert told() == [("meera", "APPOINTMENT_REQUESTED"), ("ravi", "APPOINTMENT_REQUESTED")]
    assert mailed() == [("meera@example.org", f"{HOSPITAL}: Appointment requested")]
    assert Notification.objects.filter(recipient__username="meera").get().text == (
        "A patient asked for an appointment with Dr. Asha Test on Fri 27 Nov 2026, 10:00 IST."
    )
    # Nothing clinical and no patient's name leaves in a notification or an e-mail.
    for message in mail.outbox:
        for secret in ("Palpitations", "Chest pain", "Priya"):
            assert secret not in message.body
            assert secret not in message.alternatives[0][0]


def test_an_appointment_an_admin_books_tells_nobody_now(committed, admins, people):
    doctor, patient = people

    committed(
        lambda: appointment_book(
            actor=admins[0], patient=patient, doctor=doctor, starts_at=slot(2), reason="x", at=NOW
        )
    )

    assert told() == []


def test_approval_tells_the_patient_and_the_doctor(committed, admins, people):
    doctor, patient = people
    pending = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=slot(3), status=AppointmentStatus.PENDING
    )

    committed(lambda: appointment_approve(actor=admins[0], appointment=pending, at=NOW))

    assert told() == [("dr.asha", "APPOINTMENT_APPROVED"), ("priya", "APPOINTMENT_APPROVED")]
    assert mailed() == [
        ("dr.asha@example.org", f"{HOSPITAL}: Appointment approved"),
        ("priya@example.org", f"{HOSPITAL}: Appointment approved"),
    ]
    texts = dict(Notification.objects.values_list("recipient__username", "text"))
    assert texts == {
        "priya": "Your appointment with Dr. Asha Test on Fri 27 Nov 2026, 10:30 IST is confirmed.",
        "dr.asha": "A visit on Fri 27 Nov 2026, 10:30 IST was confirmed on your calendar.",
    }


def test_a_rejection_tells_the_patient_only(committed, admins, people):
    doctor, patient = people
    pending = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=slot(3), status=AppointmentStatus.PENDING
    )

    committed(
        lambda: appointment_reject(actor=admins[0], appointment=pending, reason="Away", at=NOW)
    )

    assert told() == [("priya", "APPOINTMENT_REJECTED")]
    assert mailed() == [("priya@example.org", f"{HOSPITAL}: Appointment request rejected")]


def test_cancelling_a_confirmed_visit_tells_the_patient_and_the_doctor(committed, admins, people):
    doctor, patient = people
    confirmed = AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(3))

    committed(lambda: appointment_cancel(actor=admins[0], appointment=confirmed, at=NOW))

    assert told() == [("dr.asha", "APPOINTMENT_CANCELLED"), ("priya", "APPOINTMENT_CANCELLED")]
    assert mailed() == [
        ("dr.asha@example.org", f"{HOSPITAL}: Appointment cancelled"),
        ("priya@example.org", f"{HOSPITAL}: Appointment cancelled"),
    ]


def test_a_patient_cancelling_their_own_request_is_told_nothing(committed, admins, people):
    doctor, patient = people
    pending = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=slot(3), status=AppointmentStatus.PENDING
    )

    committed(lambda: appointment_cancel(actor=patient.user, appointment=pending, at=NOW))

    # The doctor never had a pending request on their calendar; the patient did it themself.
    assert told() == []
    assert mail.outbox == []


def test_a_patient_cancelling_a_confirmed_visit_tells_the_doctor(committed, admins, people):
    doctor, patient = people
    confirmed = AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(3))

    committed(lambda: appointment_cancel(actor=patient.user, appointment=confirmed, at=NOW))

    assert told() == [("dr.asha", "APPOINTMENT_CANCELLED")]
    assert mailed() == [("dr.asha@example.org", f"{HOSPITAL}: Appointment cancelled")]


def test_rescheduling_tells_the_patient_and_the_doctor_of_a_confirmed_visit(
    committed, admins, people
):
    doctor, patient = people
    visit = AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(3))

    committed(
        lambda: appointment_reschedule(
            actor=admins[0], appointment=visit, starts_at=slot(5), at=NOW
        )
    )

    assert told() == [
        ("dr.asha", "APPOINTMENT_RESCHEDULED"),
        ("priya", "APPOINTMENT_RESCHEDULED"),
    ]
    assert mailed() == [
        ("dr.asha@example.org", f"{HOSPITAL}: Appointment moved"),
        ("priya@example.org", f"{HOSPITAL}: Appointment moved"),
    ]
    assert Notification.objects.get(recipient__username="priya").text == (
        "Your appointment with Dr. Asha Test moved from Fri 27 Nov 2026, 10:30 IST to "
        "Fri 27 Nov 2026, 11:30 IST."
    )


def test_a_patient_moving_their_request_tells_the_admins_not_themself(committed, admins, people):
    doctor, patient = people
    request = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=slot(3), status=AppointmentStatus.PENDING
    )

    committed(
        lambda: appointment_reschedule(
            actor=patient.user, appointment=request, starts_at=slot(5), at=NOW
        )
    )

    # The moved request waits for a decision again; nobody is told of their own move.
    assert told() == [("meera", "APPOINTMENT_REQUESTED"), ("ravi", "APPOINTMENT_REQUESTED")]
    assert mailed() == [("meera@example.org", f"{HOSPITAL}: Appointment requested")]


@override_settings(HMS_REMINDER_HOURS=24)
def test_the_reminder_job_reminds_once_and_never_of_the_past(committed, admins, people):
    doctor, patient = people
    other = PatientFactory(user=_person(Role.PATIENT, "omar"))
    due = AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(0))  # in 23 h
    AppointmentFactory(doctor=doctor, patient=other, starts_at=slot(0) + timedelta(days=1))
    AppointmentFactory(
        doctor=doctor, patient=other, starts_at=slot(1), status=AppointmentStatus.PENDING
    )
    AppointmentFactory(doctor=doctor, patient=other, starts_at=NOW - timedelta(minutes=30))

    created = committed(lambda: appointment_send_reminders(at=NOW))

    assert created == 2
    assert told() == [("dr.asha", "APPOINTMENT_REMINDER"), ("priya", "APPOINTMENT_REMINDER")]
    assert mailed() == [
        ("dr.asha@example.org", f"{HOSPITAL}: Appointment reminder"),
        ("priya@example.org", f"{HOSPITAL}: Appointment reminder"),
    ]
    assert Notification.objects.get(recipient__username="priya").text == (
        "Reminder: your appointment with Dr. Asha Test is on Fri 27 Nov 2026, 09:00 IST."
    )

    # Again, and late (after downtime): nothing new, and the started visit is not reminded of.
    assert committed(lambda: appointment_send_reminders(at=NOW)) == 0
    assert committed(lambda: appointment_send_reminders(at=slot(0) - timedelta(hours=1))) == 0
    assert len(mail.outbox) == 2
    assert Notification.objects.count() == 2
    assert due.status == AppointmentStatus.CONFIRMED


def test_the_reminder_job_catches_up_after_downtime(committed, admins, people):
    doctor, patient = people
    AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(0))

    # The job last ran two days before; now, one hour before the visit, it still reminds.
    created = committed(lambda: appointment_send_reminders(at=slot(0) - timedelta(hours=1)))

    assert created == 2
    assert told() == [("dr.asha", "APPOINTMENT_REMINDER"), ("priya", "APPOINTMENT_REMINDER")]


def test_discharge_tells_the_patient_that_the_invoice_is_ready(committed, admins, people):
    doctor, patient = people
    admission = admission_create(
        actor=admins[0],
        patient=patient,
        doctor=doctor,
        admitted_on=date(2026, 11, 20),
        symptoms="Fever",
        room="B-12",
        room_charge_per_day=Decimal("500.00"),
        at=NOW,
    )

    invoice = committed(
        lambda: admission_discharge(
            actor=admins[0],
            admission=admission,
            discharged_on=date(2026, 11, 24),
            room_charge_per_day=None,
            doctor_fee=Decimal("1000.00"),
            medicine_cost=Decimal("250.00"),
            other_charge=Decimal("100.00"),
            at=NOW,
        )
    )

    assert told() == [("priya", "INVOICE_ISSUED")]
    assert mailed() == [("priya@example.org", f"{HOSPITAL}: Discharged, invoice issued")]
    notification = Notification.objects.get()
    assert (notification.text, notification.link) == (
        f"You were discharged. Your invoice {invoice.number} is ready in the app.",
        f"/patient/invoices/{invoice.pk}",
    )
    assert "Fever" not in mail.outbox[0].body


def test_a_payment_tells_the_patient(committed, admins, people):
    doctor, patient = people
    admission = admission_create(
        actor=admins[0],
        patient=patient,
        doctor=doctor,
        admitted_on=date(2026, 11, 20),
        symptoms="Fever",
        room="B-12",
        room_charge_per_day=Decimal("500.00"),
        at=NOW,
    )
    invoice = discharge_with_advances(
        actor=admins[0],
        admission=admission,
        charges=Charges(date(2026, 11, 24), None, Decimal("1350.00"), Decimal("0"), Decimal("0")),
        at=NOW,
    )
    Notification.objects.all().delete()

    payment = committed(
        lambda: payment_record(
            actor=admins[0],
            invoice=invoice,
            amount=Decimal("3350"),
            method="CASH",
            reference="",
            at=NOW,
        )
    )

    assert told() == [("priya", "PAYMENT_RECEIVED")]
    assert mailed() == [("priya@example.org", f"{HOSPITAL}: Payment received")]
    assert Notification.objects.get().text == (
        f"We received your payment of 3350.00 INR (receipt {payment.number}). Thank you."
    )
    assert payment.number == "RCPT-2026-000001"
    assert Notification.objects.get().link == f"/patient/invoices/{invoice.pk}"


@override_settings(HMS_UNUSUAL_ACCESS_PATIENTS=2, HMS_UNUSUAL_ACCESS_MINUTES=10)
def test_unusual_access_tells_every_admin_once(committed, admins, people):
    doctor, _ = people
    for patient_id in (1, 2, 3):
        audit_event_append(
            kind="ACCESS",
            actor=doctor.user,
            action="patient.retrieve",
            object_type="patient",
            object_id=patient_id,
            patient_ids=[patient_id],
            at=NOW,
        )

    flag = committed(lambda: unusual_access_check(actor=doctor.user, at=NOW))
    committed(lambda: unusual_access_check(actor=doctor.user, at=NOW + timedelta(minutes=1)))

    assert flag is not None
    assert told() == [("meera", "UNUSUAL_ACCESS"), ("ravi", "UNUSUAL_ACCESS")]
    assert mailed() == [("meera@example.org", f"{HOSPITAL}: Unusual access flagged")]
    assert Notification.objects.filter(recipient__username="meera").get().text == (
        "Unusual access: Asha Test opened 3 patients' records within 10 minutes. "
        "Review it in the audit log."
    )


def test_a_kind_switched_off_is_shown_in_the_app_but_not_e_mailed(committed, admins, people):
    doctor, patient = people
    notification_preferences_update(
        user=patient.user, email={"APPOINTMENT_APPROVED": False}, at=NOW
    )
    pending = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=slot(3), status=AppointmentStatus.PENDING
    )

    committed(lambda: appointment_approve(actor=admins[0], appointment=pending, at=NOW))

    assert told() == [("dr.asha", "APPOINTMENT_APPROVED"), ("priya", "APPOINTMENT_APPROVED")]
    assert mailed() == [("dr.asha@example.org", f"{HOSPITAL}: Appointment approved")]
    assert NotificationDelivery.objects.count() == 1


def test_nothing_is_told_when_the_change_rolls_back(committed, admins, people):
    doctor, patient = people
    pending = AppointmentFactory(
        doctor=doctor,
        patient=patient,
        starts_at=NOW - timedelta(hours=1),
        status=AppointmentStatus.PENDING,
    )

    with pytest.raises(InvalidStateError):
        committed(lambda: appointment_approve(actor=admins[0], appointment=pending, at=NOW))

    assert told() == []
    assert mail.outbox == []


def test_a_freed_slot_offered_from_the_waitlist_tells_the_patient_first_in_line(
    committed, admins, people
):
    doctor, patient = people
    booked = PatientFactory(user=_person(Role.PATIENT, "omar"))
    visit = AppointmentFactory(doctor=doctor, patient=booked, starts_at=slot(3))
    waitlist_join(
        actor=patient.user,
        patient=patient,
        doctor=doctor,
        date_from=slot(3).date(),
        date_to=slot(3).date(),
        reason="Follow-up",
        at=NOW,
    )

    committed(lambda: appointment_cancel(actor=booked.user, appointment=visit, at=NOW))

    # Omar cancelled himself (not told); the doctor loses a confirmed visit; Priya gets the offer.
    assert told() == [("dr.asha", "APPOINTMENT_CANCELLED"), ("priya", "WAITLIST_OFFER")]
    assert Notification.objects.get(recipient__username="priya").text == (
        "A slot with Dr. Asha Test on Fri 27 Nov 2026, 10:30 IST is held for you until "
        "Thu 26 Nov 2026, 10:30 IST. Accept it in the app to book it."
    )
    assert ("priya@example.org", f"{HOSPITAL}: Waitlist slot offered") in mailed()
    assert "Follow-up" not in "".join(message.body for message in mail.outbox)


def test_time_off_over_booked_visits_tells_the_other_admins(committed, admins, people):
    doctor, patient = people
    AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(3))
    AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(30))  # outside the leave

    committed(
        lambda: time_off_add(
            actor=admins[0],
            doctor=doctor,
            starts_at=slot(3) - timedelta(hours=1),
            ends_at=slot(3) + timedelta(hours=2),
            reason="Conference",
            at=NOW,
        )
    )

    assert told() == [("ravi", "TIME_OFF_CONFLICT")]
    assert Notification.objects.get().text == (
        "Dr. Asha Test is away from Fri 27 Nov 2026, 09:30 IST to Fri 27 Nov 2026, 12:30 IST; "
        "1 booked visit(s) in that time need moving."
    )
    assert mailed() == []  # Ravi has no e-mail address


def test_time_off_over_no_visit_tells_nobody(committed, admins, people):
    doctor, _ = people

    committed(
        lambda: time_off_add(
            actor=admins[0],
            doctor=doctor,
            starts_at=slot(3),
            ends_at=slot(4),
            reason="Conference",
            at=NOW,
        )
    )

    assert told() == []


def test_telling_many_reads_each_ones_choice_in_the_same_queries_however_many(
    admins, django_capture_on_commit_callbacks
):
    more = [_person(Role.ADMIN, f"admin.{index}") for index in range(6)]
    notification_preferences_update(user=more[0], email={"APPOINTMENT_REQUESTED": False}, at=NOW)
    everyone = [*admins, *more]

    def tell(recipients, kind="APPOINTMENT_REQUESTED"):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks() as queued,
        ):
            told_now = notification_create_for_each(
                recipients=recipients, kind=kind, text="Text", link="/admin/appointments", at=NOW
            )
        # One task queued for all the e-mails of the event.
        assert len(queued) == 1
        e_mailed = NotificationDelivery.objects.filter(notification__in=told_now)
        return told_now, len(queries), e_mailed.count()

    _, two_queries, two_e_mailed = tell(everyone[:2])
    nine, nine_queries, nine_e_mailed = tell(everyone)

    assert two_queries == nine_queries
    assert [row.recipient.username for row in nine] == [user.username for user in everyone]
    assert [row.pk for row in nine] == sorted(row.pk for row in nine)
    # meera only of the first two (ravi has no address); of all nine, not ravi, not the
    # deleted account, not admin.0 who switched this kind off.
    assert two_e_mailed == 1
    assert nine_e_mailed == 6
    e_mailed = NotificationDelivery.objects.filter(notification__in=nine).values_list(
        "notification__recipient__username", flat=True
    )
    assert sorted(e_mailed) == ["admin.1", "admin.2", "admin.3", "admin.4", "admin.5", "meera"]
    assert {(row.kind, row.text, row.link, row.event_key, row.created_at) for row in nine} == {
        ("APPOINTMENT_REQUESTED", "Text", "/admin/appointments", "", NOW)
    }

    # A kind always e-mailed (no choice can switch it off: the database refuses one) reads no
    # choices: one query fewer.
    _, mandatory_queries, mandatory_e_mailed = tell(more, kind="ACCOUNT_APPROVED")
    assert (mandatory_queries, mandatory_e_mailed) == (nine_queries - 1, 6)
