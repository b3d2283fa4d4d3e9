from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from hms.admissions.services import admission_create, admission_discharge

pytestmark = pytest.mark.django_db


def test_the_attending_doctor_keeps_the_contact_of_a_discharged_patient_after_reassignment(
    admin_user, make_doctor, make_patient, client_for
):
    attending = make_doctor(user__first_name="Anita", user__last_name="Desai")
    other = make_doctor()
    patient = make_patient(
        mobile="+919845000050", address="10 Lake Road, Kochi", assigned_doctor=attending
    )
    admission = admission_create(
        actor=admin_user,
        patient=patient,
        doctor=attending,
        admitted_on=date(2026, 11, 1),
        symptoms="Chest pain",
        room="",
        room_charge_per_day=None,
        at=timezone.now(),
    )
    admission_discharge(
        actor=admin_user,
        admission=admission,
        discharged_on=date(2026, 11, 3),
        room_charge_per_day=Decimal("500.00"),
        doctor_fee=Decimal("0.00"),
        medicine_cost=Decimal("0.00"),
        other_charge=Decimal("0.00"),
        at=timezone.now(),
    )
    patient.assigned_doctor = other
    patient.save(update_fields=["assigned_doctor"])

    response = client_for(attending.user).get("/api/v1/admissions/?status=DISCHARGED")

    assert response.status_code == 200
    [row] = response.json()["results"]
    assert (row["patient"], row["patient_mobile"], row["patient_address"]) == (
        patient.pk,
        "+919845000050",
        "10 Lake Road, Kochi",
    )
    assert "total" not in row
    assert client_for(attending.user).get(f"/api/v1/patients/{patient.pk}/").status_code == 404
