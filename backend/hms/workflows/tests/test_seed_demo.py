from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from hms.accounts.models import AccountStatus, User
from hms.doctors.models import Doctor
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_lists_logins():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    counts = (User.objects.count(), Doctor.objects.count(), Patient.objects.count())

    call_command("seed_demo", stdout=StringIO())

    assert (User.objects.count(), Doctor.objects.count(), Patient.objects.count()) == counts
    assert counts == (17, 8, 8)
    assert Doctor.objects.filter(user__status=AccountStatus.PENDING).count() == 2
    assert set(
        Doctor.objects.filter(user__status=AccountStatus.APPROVED).values_list(
            "department_id", flat=True
        )
    ) == {
        "CARDIOLOGIST",
        "DERMATOLOGISTS",
        "EMERGENCY_MEDICINE_SPECIALISTS",
        "ALLERGISTS_IMMUNOLOGISTS",
        "ANESTHESIOLOGISTS",
        "COLON_AND_RECTAL_SURGEONS",
    }
    assert Patient.objects.filter(user__status=AccountStatus.PENDING).count() == 2
    text = out.getvalue()
    assert "  admin      admin" in text
    assert "  password: hms-demo-password" in text


@override_settings(HMS_ALLOW_DEMO_SEED=False)
def test_seed_demo_refuses_production_settings():
    with pytest.raises(CommandError, match="development only"):
        call_command("seed_demo", stdout=StringIO())
    assert User.objects.count() == 0
