"""The admin's totals follow every write, services or not, and survive the counters' folding."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from hms.accounts.models import AccountStatus, User
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.tests.factories import AdmissionFactory
from hms.appointments.models import Appointment, AppointmentStatus
from hms.appointments.tests.factories import AppointmentFactory
from hms.common.counters import counters_compact

pytestmark = pytest.mark.django_db

DASHBOARD = "/api/v1/dashboard/"


def totals(client) -> dict:
    admin = client.get(DASHBOARD).json()["admin"]
    return {
        **admin["accounts"],
        "confirmed": admin["appointments"]["confirmed"],
        "pending": admin["appointments"]["pending"],
        "currently_admitted": admin["admissions"]["currently_admitted"],
        "discharged": admin["admissions"]["discharged"],
    }


def test_the_totals_follow_bulk_writes_and_survive_compaction(
    admin_client, admin_user, make_doctor, make_patient
):
    for _ in range(3):
        make_patient(status=AccountStatus.PENDING)
    AppointmentFactory.create_batch(2)  # a doctor and a patient each, approved
    AdmissionFactory.create_batch(2)  # likewise, and an admin who admitted them
    before = totals(admin_client)
    assert before == {
        "approved_doctors": 4,
        "pending_doctors": 0,
        "approved_patients": 4,
        "pending_patients": 3,
        "confirmed": 2,
        "pending": 0,
        "currently_admitted": 2,
        "discharged": 0,
    }

    User.objects.filter(status=AccountStatus.PENDING).update(
        status=AccountStatus.APPROVED, is_active=True
    )
    Appointment.objects.filter(pk=Appointment.objects.order_by("pk").first().pk).update(
        status=AppointmentStatus.PENDING
    )
    Admission.objects.filter(pk=Admission.objects.order_by("pk").first().pk).update(
        status=AdmissionStatus.DISCHARGED,
        discharged_on=date(2026, 11, 22),
        discharged_at=timezone.now(),
        discharged_by=admin_user,
    )
    after = {
        **before,
        "approved_patients": 7,
        "pending_patients": 0,
        "confirmed": 1,
        "pending": 1,
        "currently_admitted": 1,
        "discharged": 1,
    }
    assert totals(admin_client) == after

    counters_compact()

    assert totals(admin_client) == after
