"""Demo patients: approved patients with their doctors and two pending sign-ups."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from hms.accounts.demo import DEMO_PASSWORD, demo_mobile
from hms.accounts.models import AccountStatus
from hms.doctors.models import Doctor
from hms.patients.models import Patient
from hms.patients.services import patient_create

DEMO_PATIENTS = [
    # username, first, last, symptoms, doctor username (assigned), status, date of birth
    (
        "priya",
        "Priya",
        "Menon",
        "Chest pain on exertion",
        "dr.anita",
        AccountStatus.APPROVED,
        date(1978, 3, 14),
    ),
    (
        "arav",
        "आरव",
        "गुप्ता",
        "Itchy rash on both arms",
        "dr.rahul",
        AccountStatus.APPROVED,
        date(1992, 11, 2),
    ),
    (
        "omar",
        "عمر",
        "حداد",
        "Sprained ankle after a fall",
        "dr.fatima",
        AccountStatus.APPROVED,
        date(1985, 7, 21),
    ),
    (
        "mei",
        "美",
        "林",
        "Seasonal allergies, sneezing",
        "dr.wei",
        AccountStatus.APPROVED,
        date(2001, 4, 9),
    ),
    (
        "john",
        "John",
        "Mathew",
        "Pre-operative assessment",
        "dr.samuel",
        AccountStatus.APPROVED,
        date(1969, 1, 30),
    ),
    ("sara", "Sara", "Kapoor", "Abdominal pain", "dr.lucia", AccountStatus.APPROVED, None),
    ("ravi", "Ravi", "Kumar", "Palpitations", None, AccountStatus.PENDING, date(1990, 6, 1)),
    ("elena", "Elena", "Petrova", "Persistent headache", None, AccountStatus.PENDING, None),
]


def seed(*, at: datetime) -> list[str]:
    """Create the demo patients that do not exist yet; return the login lines to print."""
    lines: list[str] = []
    with transaction.atomic():
        for index, (username, first, last, symptoms, doctor, status, born) in enumerate(
            DEMO_PATIENTS
        ):
            if not Patient.objects.filter(user__username__iexact=username).exists():
                assigned = Doctor.objects.get(user__username=doctor) if doctor else None
                patient_create(
                    actor=None,
                    username=username,
                    password=DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                    email="",
                    mobile=demo_mobile(50 + index),
                    address=f"{index + 10} Lake View Road, Kochi",
                    symptoms=symptoms,
                    date_of_birth=born,
                    preferred_doctor=assigned,
                    assigned_doctor=assigned,
                    status=status,
                    at=at,
                )
            if status == AccountStatus.APPROVED:
                lines.append(f"patient    {username}")
    return lines
