"""The dashboard's `admissions` sections: admission counts and the invoices of the month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

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


def test_the_admin_dashboard_counts_admissions_and_this_month_invoices(admin_client, world):
    response = admin_client.get("/api/v1/dashboard/")

    assert response.status_code == 200
    # Both invoices were issued just now, each for 2 days at 500.00 plus medicine 250.00 and
    # other 100.00: 1350.50 (doctor fee 0.50) + 2350.00 (doctor fee 1000.00).
    assert response.json()["admin"]["admissions"] == {
        "currently_admitted": 2,
        "discharged": 2,
        "invoiced_total_this_month": "3700.50",
        "currency": "INR",
    }


def test_the_doctor_dashboard_counts_their_patients(client_for, world):
    anita = client_for(world["anita"].user).get("/api/v1/dashboard/").json()
    samuel = client_for(world["samuel"].user).get("/api/v1/dashboard/").json()

    assert anita["doctor"]["admissions"] == {"admitted_patients": 1, "discharged_patients": 1}
    assert samuel["doctor"]["admissions"] == {"admitted_patients": 1, "discharged_patients": 0}


def test_the_patient_dashboard_shows_their_admission_and_invoices(client_for, world):
    def section(name):
        response = client_for(world[name].user).get("/api/v1/dashboard/")
        assert response.status_code == 200
        return response.json()["patient"]["admissions"]

    assert section("priya") == {
        "admission": world["second"].pk,
        "status": "DISCHARGED",
        "admitted_on": "2026-11-10",
        "discharged_on": "2026-11-12",
        "invoices": 2,
    }
    assert section("sara") | {"admission": None} == {
        "admission": None,
        "status": "ADMITTED",
        "admitted_on": "2026-11-21",
        "discharged_on": None,
        "invoices": 0,
    }
    assert section("never") == {
        "admission": None,
        "status": None,
        "admitted_on": None,
        "discharged_on": None,
        "invoices": 0,
    }


def test_an_open_admission_outranks_an_older_discharged_one(client_for, world, admin_user):
    readmitted = AdmissionFactory(patient=world["priya"], admitted_on=date(2026, 11, 20))

    body = client_for(world["priya"].user).get("/api/v1/dashboard/").json()

    assert body["patient"]["admissions"]["admission"] == readmitted.pk
    assert body["patient"]["admissions"]["status"] == "ADMITTED"
