"""Demo admissions: patients in hospital now, and discharged ones with issued invoices.

Each stay goes through the real services with the clock set back (`at` is a parameter), so the
admission, the discharge, the invoice number and its PDF read like real ones. Idempotent: a
demo patient who has any admission already is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hms.accounts.models import AccountStatus, User
from hms.admissions.models import Admission
from hms.admissions.services import admission_create, admission_discharge
from hms.doctors.models import Doctor
from hms.patients.models import Patient


@dataclass(frozen=True)
class DemoStay:
    patient: str  # username
    doctor: str  # username
    admitted_days_ago: int
    discharged_days_ago: int | None  # None: still in hospital
    symptoms: str
    room: str
    room_charge_per_day: Decimal
    doctor_fee: Decimal = Decimal("0.00")
    medicine_cost: Decimal = Decimal("0.00")
    other_charge: Decimal = Decimal("0.00")


D = Decimal
DEMO_STAYS = [
    DemoStay(
        "priya", "dr.anita", 3, None, "Chest pain on exertion; observation", "A-101", D("1500")
    ),
    DemoStay("mei", "dr.wei", 1, None, "Severe allergic reaction", "C-204", D("1200")),
    DemoStay(
        "arav",
        "dr.rahul",
        12,
        8,
        "Infected rash on both arms; IV antibiotics",
        "B-12",
        D("1000.00"),
        D("2500.00"),
        D("850.75"),
        D("300.00"),
    ),
    DemoStay(
        "omar",
        "dr.fatima",
        20,
        18,
        "Sprained ankle after a fall; X-ray and splint",
        "E-3",
        D("800.00"),
        D("1200.00"),
        D("410.50"),
        D("650.00"),
    ),
    DemoStay(
        "john",
        "dr.samuel",
        6,
        2,
        "Pre-operative assessment and minor surgery",
        "S-7",
        D("2200.00"),
        D("15000.00"),
        D("3120.00"),
        D("4500.00"),
    ),
]


def _stay(plan: DemoStay, *, admin: User, patient: Patient, doctor: Doctor, at: datetime) -> None:
    admitted_at = at - timedelta(days=plan.admitted_days_ago)
    admission = admission_create(
        actor=admin,
        patient=patient,
        doctor=doctor,
        admitted_on=timezone.localdate(admitted_at, timezone.get_default_timezone()),
        symptoms=plan.symptoms,
        room=plan.room,
        room_charge_per_day=plan.room_charge_per_day,
        at=admitted_at,
    )
    if plan.discharged_days_ago is None:
        return
    discharged_at = at - timedelta(days=plan.discharged_days_ago)
    admission_discharge(
        actor=admin,
        admission=admission,
        discharged_on=timezone.localdate(discharged_at, timezone.get_default_timezone()),
        room_charge_per_day=None,
        doctor_fee=plan.doctor_fee,
        medicine_cost=plan.medicine_cost,
        other_charge=plan.other_charge,
        at=discharged_at,
    )


def seed(*, at: datetime) -> list[str]:
    """Admit and discharge the demo patients who have no admission yet; no logins to print."""
    admin = User.objects.filter(username__iexact="admin").first()
    if admin is None:
        return []
    with transaction.atomic():
        for plan in DEMO_STAYS:
            patient = Patient.objects.filter(
                user__username__iexact=plan.patient, user__status=AccountStatus.APPROVED
            ).first()
            doctor = Doctor.objects.filter(
                user__username__iexact=plan.doctor, user__status=AccountStatus.APPROVED
            ).first()
            if patient is None or doctor is None:
                continue
            if Admission.objects.filter(patient=patient).exists():
                continue
            _stay(plan, admin=admin, patient=patient, doctor=doctor, at=at)
    return []
