"""Demo accounts: an admin, doctors in every department, approved and pending patients."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.services import user_create
from hms.doctors.models import Department, Doctor
from hms.doctors.services import doctor_create
from hms.patients.models import Patient
from hms.patients.services import patient_create

DEMO_PASSWORD = "hms-demo-password"  # noqa: S105 - demo data only; seed_demo refuses production

DEMO_DOCTORS = [
    # username, first, last, department, status
    ("dr.anita", "Anita", "Desai", "CARDIOLOGIST", AccountStatus.APPROVED),
    ("dr.rahul", "राहुल", "वर्मा", "DERMATOLOGISTS", AccountStatus.APPROVED),
    ("dr.fatima", "فاطمة", "الزهراء", "EMERGENCY_MEDICINE_SPECIALISTS", AccountStatus.APPROVED),
    ("dr.wei", "伟", "王", "ALLERGISTS_IMMUNOLOGISTS", AccountStatus.APPROVED),
    ("dr.samuel", "Samuel", "Okafor", "ANESTHESIOLOGISTS", AccountStatus.APPROVED),
    ("dr.lucia", "Lucía", "Fernández", "COLON_AND_RECTAL_SURGEONS", AccountStatus.APPROVED),
    ("dr.arjun", "Arjun", "Nair", "CARDIOLOGIST", AccountStatus.PENDING),
    ("dr.keiko", "恵子", "佐藤", "DERMATOLOGISTS", AccountStatus.PENDING),
]

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


def _mobile(index: int) -> str:
    return f"+9198450{index:05d}"


def seed(*, at: datetime) -> list[str]:
    """Create the demo accounts that do not exist yet; return the login lines to print."""
    lines: list[str] = []
    with transaction.atomic():
        if not User.objects.filter(username__iexact="admin").exists():
            user_create(
                username="admin",
                password=DEMO_PASSWORD,
                first_name="Hospital",
                last_name="Administrator",
                email="admin@hms.example",
                role=Role.ADMIN,
                status=AccountStatus.APPROVED,
                at=at,
            )
        lines.append("admin      admin")
        for index, (username, first, last, department, status) in enumerate(DEMO_DOCTORS):
            if not Doctor.objects.filter(user__username__iexact=username).exists():
                doctor_create(
                    actor=None,
                    username=username,
                    password=DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@hms.example",
                    mobile=_mobile(index),
                    address=f"Staff quarters {index + 1}, Hospital Road",
                    department=Department.objects.get(code=department),
                    status=status,
                    at=at,
                )
            if status == AccountStatus.APPROVED:
                lines.append(f"doctor     {username}")
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
                    mobile=_mobile(50 + index),
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
