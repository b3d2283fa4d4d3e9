"""The accounts' counters by (role, status), kept by the database on every path that writes."""

from __future__ import annotations

import pytest
from django.utils import timezone

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import UserFactory
from hms.appointments.tests.factories import NOW, AppointmentFactory
from hms.common.tests.counters import counters_of, real_counts_of
from hms.doctors.services import doctor_approve, doctor_reject
from hms.patients.services import patient_approve
from hms.workflows.services import doctor_close

pytestmark = pytest.mark.django_db

TABLE = "accounts_user"
COLUMNS = ("role", "status")


def counted() -> dict[str, int]:
    counters = counters_of(TABLE)
    assert counters == real_counts_of(TABLE, COLUMNS)
    return counters


def test_accounts_of_each_role_and_status_are_counted(admin_user, make_doctor, make_patient):
    make_doctor()
    make_doctor(status=AccountStatus.PENDING)
    make_doctor(status=AccountStatus.REJECTED)
    make_patient()
    make_patient(status=AccountStatus.PENDING)
    make_patient(status=AccountStatus.PENDING)

    assert counted() == {
        "accounts_user:ADMIN:APPROVED": 1,
        "accounts_user:DOCTOR:APPROVED": 1,
        "accounts_user:DOCTOR:PENDING": 1,
        "accounts_user:DOCTOR:REJECTED": 1,
        "accounts_user:PATIENT:APPROVED": 1,
        "accounts_user:PATIENT:PENDING": 2,
    }


def test_approving_and_rejecting_move_an_account_between_counters(
    admin_user, make_doctor, make_patient
):
    first, second = (make_doctor(status=AccountStatus.PENDING) for _ in range(2))
    patient = make_patient(status=AccountStatus.PENDING)
    now = timezone.now()

    doctor_approve(actor=admin_user, doctor=first, at=now)
    doctor_reject(actor=admin_user, doctor=second, reason="Unverified licence", at=now)
    patient_approve(actor=admin_user, patient=patient, at=now)

    assert counted() == {
        "accounts_user:ADMIN:APPROVED": 1,
        "accounts_user:DOCTOR:APPROVED": 1,
        "accounts_user:DOCTOR:REJECTED": 1,
        "accounts_user:PATIENT:APPROVED": 1,
    }


def test_saving_an_account_without_moving_it_writes_no_counter_row(admin_user):
    from hms.common.models import CounterDelta

    before = CounterDelta.objects.count()
    admin_user.first_name = "Renamed"
    admin_user.save()
    User.objects.filter(pk=admin_user.pk).update(status=AccountStatus.APPROVED)

    assert CounterDelta.objects.count() == before


def test_bulk_create_queryset_update_and_delete_are_counted(admin_user, make_patient):
    User.objects.bulk_create(
        User(username=f"bulk{n}", role=Role.DOCTOR, status=AccountStatus.PENDING, is_active=False)
        for n in range(5)
    )
    User.objects.filter(username__in=["bulk0", "bulk1"]).update(status=AccountStatus.APPROVED)
    User.objects.filter(username="bulk2").update(role=Role.PATIENT)
    User.objects.filter(username="bulk3").delete()

    assert counted() == {
        "accounts_user:ADMIN:APPROVED": 1,
        "accounts_user:DOCTOR:APPROVED": 2,
        "accounts_user:DOCTOR:PENDING": 1,
        "accounts_user:PATIENT:PENDING": 1,
    }


def test_deleting_accounts_is_counted(admin_user):
    # Profiles, appointments and admissions protect their accounts from deletion; an account
    # without them (an admin's) may go, and takes its sessions and notifications with it.
    other = UserFactory(role=Role.ADMIN)
    UserFactory(role=Role.ADMIN, status=AccountStatus.DELETED)

    other.delete()
    User.objects.filter(status=AccountStatus.DELETED).delete()

    assert counted() == {"accounts_user:ADMIN:APPROVED": 1}


def test_closing_a_doctor_counts_the_account_and_its_cancelled_appointments(admin_user):
    appointment = AppointmentFactory()
    AppointmentFactory(doctor=appointment.doctor, patient=appointment.patient)

    doctor_close(actor=admin_user, doctor=appointment.doctor, at=NOW)

    assert counted() == {
        "accounts_user:ADMIN:APPROVED": 1,
        "accounts_user:DOCTOR:DELETED": 1,
        "accounts_user:PATIENT:APPROVED": 1,
    }
    assert counters_of("appointments_appointment") == real_counts_of(
        "appointments_appointment", ("status",)
    )
    assert counters_of("appointments_appointment") == {"appointments_appointment:CANCELLED": 2}


def test_a_rolled_back_change_leaves_the_counters_as_they_were(admin_user):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        UserFactory(role=Role.DOCTOR)
        raise RuntimeError("rolled back")

    assert counted() == {"accounts_user:ADMIN:APPROVED": 1}
