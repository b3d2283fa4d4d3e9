from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone

from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.services import admission_discharge
from hms.billing.models import Invoice
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.tests.factories import PatientFactory


class AdmissionFactory(factory.django.DjangoModelFactory):
    """An open admission written straight to the table (services are tested on their own)."""

    class Meta:
        model = Admission

    patient = factory.SubFactory(PatientFactory)
    doctor = factory.SubFactory(DoctorFactory)
    admitted_on = date(2026, 11, 20)
    symptoms = "Chest pain on exertion"
    room = "Ward B-12"
    room_charge_per_day = Decimal("500.00")
    status = AdmissionStatus.ADMITTED
    admitted_by = factory.SubFactory(UserFactory, role=Role.ADMIN)
    admitted_at = factory.LazyFunction(timezone.now)


def discharge(
    admission: Admission,
    *,
    actor: Any,
    discharged_on: date = date(2026, 11, 24),
    room_charge_per_day: Decimal | None = Decimal("500.00"),
    doctor_fee: Decimal = Decimal("1000.00"),
    medicine_cost: Decimal = Decimal("250.00"),
    other_charge: Decimal = Decimal("100.00"),
    at: datetime | None = None,
) -> Invoice:
    """Discharge through the real service (numbers, PDF, audit) with the example bill."""
    return admission_discharge(
        actor=actor,
        admission=admission,
        discharged_on=discharged_on,
        room_charge_per_day=room_charge_per_day,
        doctor_fee=doctor_fee,
        medicine_cost=medicine_cost,
        other_charge=other_charge,
        at=at or timezone.now(),
    )
