"""Demo doctors: approved doctors in every department and two pending applications."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from hms.accounts.demo import DEMO_PASSWORD, demo_mobile
from hms.accounts.models import AccountStatus
from hms.doctors.models import Department, Doctor
from hms.doctors.services import doctor_create

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


def seed(*, at: datetime) -> list[str]:
    """Create the demo doctors that do not exist yet; return the login lines to print."""
    lines: list[str] = []
    with transaction.atomic():
        for index, (username, first, last, department, status) in enumerate(DEMO_DOCTORS):
            if not Doctor.objects.filter(user__username__iexact=username).exists():
                doctor_create(
                    actor=None,
                    username=username,
                    password=DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@hms.example",
                    mobile=demo_mobile(index),
                    address=f"Staff quarters {index + 1}, Hospital Road",
                    department=Department.objects.get(code=department),
                    status=status,
                    at=at,
                )
            if status == AccountStatus.APPROVED:
                lines.append(f"doctor     {username}")
    return lines
