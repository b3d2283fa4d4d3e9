"""What admissions add to the patient resource: `is_admitted`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from hms.admissions.tests.factories import AdmissionFactory, discharge

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_doctor, make_patient, admin_user):
    """Anita attends Priya (discharged twice) and Sara (admitted); Samuel attends John."""
    anita, samuel = make_doctor(), make_doctor()
    priya, sara, john = make_patient(), make_patient(), make_patient()
    never = make_patient()
    first = AdmissionFactory(patient=priya, doctor=anita, admitted_on=date(2026, 11, 1))
    discharge(first, actor=admin_user, discharged_on=date(2026, 11, 3), doctor_fee=Decimal("0.50"))
    second = AdmissionFactory(patient=priya, doctor=anita, admitted_on=date(2026, 11, 10))
    discharge(second, actor=admin_user, discharged_on=date(2026, 11, 12))
    AdmissionFactory(patient=sara, doctor=anita, admitted_on=date(2026, 11, 21))
    AdmissionFactory(patient=john, doctor=samuel, admitted_on=date(2026, 11, 22))
    return {
        "anita": anita,
        "samuel": samuel,
        "priya": priya,
        "sara": sara,
        "john": john,
        "never": never,
        "second": second,
    }


def test_patients_carry_is_admitted(admin_client, client_for, world, admin_user):
    def is_admitted(name):
        response = admin_client.get(f"/api/v1/patients/{world[name].pk}/")
        assert response.status_code == 200
        return response.json()["is_admitted"]

    assert [is_admitted(name) for name in ("priya", "sara", "john", "never")] == [
        False,
        True,
        True,
        False,
    ]
    listed = {
        row["id"]: row["is_admitted"]
        for row in admin_client.get("/api/v1/patients/?page_size=100").json()["results"]
    }
    assert listed == {
        world["priya"].pk: False,
        world["sara"].pk: True,
        world["john"].pk: True,
        world["never"].pk: False,
    }


def test_is_admitted_turns_false_at_discharge(admin_client, admin_user, world):
    [admission] = world["sara"].admissions.all()

    discharge(admission, actor=admin_user, discharged_on=timezone.localdate())

    assert admin_client.get(f"/api/v1/patients/{world['sara'].pk}/").json()["is_admitted"] is False
