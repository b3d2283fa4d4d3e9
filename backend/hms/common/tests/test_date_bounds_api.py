"""Dates outside 1900-01-01 .. today + the booking horizon are a 400 naming the field, never a 500.

Run on SQLite and PostgreSQL alike: `9999-12-31` plus a day overflows in Python, and years before
1 in UTC break SQLite's date functions, so neither may reach date arithmetic or the database.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from hms.admissions.models import Admission
from hms.admissions.tests.factories import AdmissionFactory
from hms.appointments.models import Appointment
from hms.billing.models import Invoice

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = ["9999-12-31", "0001-01-01", "1899-12-31"]


def _only_field(response, field):
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert list(body["fields"]) == [field]
    return body["fields"][field]


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_free_slots_of_a_day_out_of_range(admin_client, make_doctor, value):
    doctor = make_doctor()

    response = admin_client.get(f"/api/v1/doctors/{doctor.pk}/slots/", {"date": value})

    _only_field(response, "date")


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/appointments/", "date_from"),
        ("/api/v1/appointments/", "date_to"),
        ("/api/v1/admissions/", "admitted_from"),
        ("/api/v1/admissions/", "admitted_to"),
        ("/api/v1/invoices/", "issued_from"),
        ("/api/v1/invoices/", "issued_to"),
    ],
)
@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_list_date_filters_out_of_range(admin_client, path, parameter, value):
    response = admin_client.get(path, {parameter: value})

    _only_field(response, parameter)


def test_a_booking_beyond_the_horizon_names_starts_at(
    admin_client, make_doctor, make_patient, settings
):
    settings.HMS_BOOKING_HORIZON_DAYS = 30
    doctor, patient = make_doctor(), make_patient()
    last_day = timezone.localdate() + timedelta(days=30)
    starts_at = (timezone.localtime() + timedelta(days=31)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )

    response = admin_client.post(
        "/api/v1/appointments/",
        {
            "doctor": doctor.pk,
            "patient": patient.pk,
            "starts_at": starts_at.isoformat(),
            "reason": "Check-up",
        },
        format="json",
    )

    assert _only_field(response, "starts_at") == [
        f"Appointments can be booked at most 30 days ahead, until {last_day.isoformat()}."
    ]
    assert Appointment.objects.count() == 0


@pytest.mark.parametrize(
    "starts_at",
    ["9999-12-31T10:00:00+05:30", "9999-12-31T23:30:00-12:00", "0001-01-01T00:00:00+05:30"],
)
def test_a_booking_at_the_ends_of_time_names_starts_at(
    admin_client, make_doctor, make_patient, starts_at
):
    doctor, patient = make_doctor(), make_patient()

    response = admin_client.post(
        "/api/v1/appointments/",
        {"doctor": doctor.pk, "patient": patient.pk, "starts_at": starts_at, "reason": "X"},
        format="json",
    )

    _only_field(response, "starts_at")
    assert Appointment.objects.count() == 0


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_an_admission_date_out_of_range(admin_client, make_doctor, make_patient, value):
    doctor, patient = make_doctor(), make_patient()

    response = admin_client.post(
        "/api/v1/admissions/",
        {"patient": patient.pk, "doctor": doctor.pk, "admitted_on": value, "symptoms": "Fever"},
        format="json",
    )

    _only_field(response, "admitted_on")
    assert Admission.objects.count() == 0


@pytest.mark.parametrize("value", OUT_OF_RANGE)
@pytest.mark.parametrize("action", ["discharge", "discharge/preview"])
def test_a_discharge_date_out_of_range(admin_client, value, action):
    admission = AdmissionFactory(admitted_on=timezone.localdate() - timedelta(days=3))
    body = {
        "discharged_on": value,
        "doctor_fee": "1000.00",
        "medicine_cost": "0.00",
        "other_charge": "0.00",
    }

    response = admin_client.post(
        f"/api/v1/admissions/{admission.pk}/{action}/", body, format="json"
    )

    _only_field(response, "discharged_on")
    assert Invoice.objects.count() == 0
    admission.refresh_from_db()
    assert (admission.status, admission.discharged_on) == ("ADMITTED", None)
