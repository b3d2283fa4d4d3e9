"""The admissions' counters by status, kept by the database through admission and discharge."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.services import admission_create
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.common.tests.counters import counters_of, real_counts_of

pytestmark = pytest.mark.django_db

TABLE = "admissions_admission"


def counted() -> dict[str, int]:
    counters = counters_of(TABLE)
    assert counters == real_counts_of(TABLE, ("status",))
    return counters


def test_admitting_and_discharging_through_the_services_are_counted(
    admin_user, make_doctor, make_patient
):
    doctor = make_doctor()
    first, second = (
        admission_create(
            actor=admin_user,
            patient=make_patient(),
            doctor=doctor,
            admitted_on=date(2026, 11, 20),
            symptoms="Fever",
            room="Ward A-1",
            room_charge_per_day=Decimal("500.00"),
            at=timezone.now(),
        )
        for _ in range(2)
    )
    assert counted() == {"admissions_admission:ADMITTED": 2}

    discharge(first, actor=admin_user)

    assert counted() == {
        "admissions_admission:ADMITTED": 1,
        "admissions_admission:DISCHARGED": 1,
    }
    assert second.status == AdmissionStatus.ADMITTED


def test_bulk_writes_and_deletes_of_admissions_are_counted(admin_user):
    AdmissionFactory.create_batch(3)
    Admission.objects.filter(pk__in=Admission.objects.order_by("pk").values("pk")[:1]).update(
        status=AdmissionStatus.DISCHARGED,
        discharged_on=date(2026, 11, 22),
        discharged_at=timezone.now(),
        discharged_by=admin_user,
    )
    Admission.objects.filter(status=AdmissionStatus.ADMITTED).order_by("pk").last().delete()

    assert counted() == {
        "admissions_admission:ADMITTED": 1,
        "admissions_admission:DISCHARGED": 1,
    }
