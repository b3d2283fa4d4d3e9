"""Demo accounts: the admin. Doctors and patients come from their apps' `demo.py`."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.services import user_create

DEMO_PASSWORD = "hms-demo-password"  # noqa: S105 - demo data only; seed_demo refuses production


def demo_mobile(index: int) -> str:
    """The demo phone number number `index` (doctors 0-49, patients from 50)."""
    return f"+9198450{index:05d}"


def seed(*, at: datetime) -> list[str]:
    """Create the demo admin unless it exists; return the login lines to print."""
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
    return ["admin      admin"]
