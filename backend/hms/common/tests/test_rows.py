"""FastRowsMixin answers exactly what DRF's own Serializer.to_representation would."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework import serializers

from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.admissions.selectors import admission_list
from hms.admissions.serializers import AdmissionForDoctorSerializer, AdmissionSerializer
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.appointments.selectors import appointment_list
from hms.appointments.serializers import AppointmentDetailSerializer, AppointmentSerializer
from hms.appointments.tests.factories import AppointmentFactory
from hms.billing.selectors import invoice_list
from hms.billing.serializers import InvoiceSerializer
from hms.common.rows import FastRowsMixin
from hms.doctors.selectors import doctor_list
from hms.doctors.serializers import DoctorSerializer
from hms.patients.selectors import patient_list
from hms.patients.serializers import PatientSerializer

pytestmark = pytest.mark.django_db


def _drf(serializer_class: type[serializers.Serializer[Any]], row: Any) -> dict[str, Any]:
    """The answer through DRF's own field-by-field path."""
    return dict(serializers.Serializer.to_representation(serializer_class(), row))


def _both(serializer_class: type[serializers.Serializer[Any]], rows: list[Any]) -> tuple:
    assert issubclass(serializer_class, FastRowsMixin)
    fast = [dict(row) for row in serializer_class(rows, many=True).data]
    # A second page reuses the steps compiled for the first.
    again = [dict(row) for row in serializer_class(rows, many=True).data]
    return fast, again, [_drf(serializer_class, row) for row in rows]


def test_every_list_row_is_what_drf_would_answer(admin_user, make_doctor, make_patient):
    doctor = make_doctor()
    with_doctor = make_patient(assigned_doctor=doctor, user__first_name="Ánna", user__email="")
    without_doctor = make_patient(assigned_doctor=None)
    AppointmentFactory(patient=with_doctor, doctor=doctor)
    AppointmentFactory(patient=without_doctor, doctor=doctor, status_reason="Moved")
    open_stay = AdmissionFactory(patient=without_doctor, doctor=doctor, room_charge_per_day=None)
    closed_stay = AdmissionFactory(patient=with_doctor, doctor=doctor)
    discharge(closed_stay, actor=UserFactory(role=Role.ADMIN))
    assert open_stay.pk

    cases = [
        (AppointmentSerializer, list(appointment_list(viewer=admin_user, filters={}))),
        (AppointmentDetailSerializer, list(appointment_list(viewer=admin_user, filters={}))),
        (PatientSerializer, list(patient_list(viewer=admin_user, filters={}))),
        (AdmissionSerializer, list(admission_list(viewer=admin_user, filters={}))),
        (AdmissionForDoctorSerializer, list(admission_list(viewer=admin_user, filters={}))),
        (InvoiceSerializer, list(invoice_list(viewer=admin_user, filters={}))),
        (DoctorSerializer, list(doctor_list(viewer=admin_user, filters={}))),
    ]
    for serializer_class, rows in cases:
        assert rows, serializer_class
        fast, again, drf = _both(serializer_class, rows)
        assert fast == drf, serializer_class.__name__
        assert again == drf, serializer_class.__name__
        # Same keys in the same order (the JSON text is the same, not only equal objects).
        assert [list(row) for row in fast] == [list(row) for row in drf]
