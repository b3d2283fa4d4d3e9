from __future__ import annotations

from rest_framework import serializers

from hms.accounts.models import Role
from hms.admissions.serializers import (
    AdminAdmissionSummarySerializer,
    DoctorAdmissionSummarySerializer,
    PatientAdmissionSummarySerializer,
)
from hms.appointments.serializers import (
    AdminAppointmentSummarySerializer,
    DoctorAppointmentSummarySerializer,
    PatientAppointmentSummarySerializer,
)
from hms.common.fields import NullableNestedField
from hms.doctors.serializers import DoctorCardSerializer


class PendingAccountSerializer(serializers.Serializer):
    """An account waiting for the admin's approval."""

    kind = serializers.ChoiceField(
        choices=[Role.DOCTOR.value, Role.PATIENT.value],
        help_text="DOCTOR: open it at /doctors/{id}/; PATIENT: at /patients/{id}/.",
    )
    id = serializers.IntegerField(help_text="The doctor or patient id.")
    full_name = serializers.CharField()
    created_at = serializers.DateTimeField()


class AdminAccountsSummarySerializer(serializers.Serializer):
    approved_doctors = serializers.IntegerField()
    pending_doctors = serializers.IntegerField()
    approved_patients = serializers.IntegerField()
    pending_patients = serializers.IntegerField()
    newest_pending = PendingAccountSerializer(
        many=True, help_text="At most 10 pending doctors and patients, newest first."
    )


class AdminDashboardSerializer(serializers.Serializer):
    accounts = AdminAccountsSummarySerializer()
    appointments = AdminAppointmentSummarySerializer()
    admissions = AdminAdmissionSummarySerializer()


class DoctorDashboardSerializer(serializers.Serializer):
    assigned_patients = serializers.IntegerField(
        help_text="How many approved patients are assigned to the doctor."
    )
    appointments = DoctorAppointmentSummarySerializer()
    admissions = DoctorAdmissionSummarySerializer()


class PatientDashboardSerializer(serializers.Serializer):
    assigned_doctor = NullableNestedField(
        DoctorCardSerializer(), help_text="The patient's doctor; null until one is assigned."
    )
    appointments = PatientAppointmentSummarySerializer()
    admissions = PatientAdmissionSummarySerializer()


class DashboardSerializer(serializers.Serializer):
    """The caller's dashboard: the section of their role is filled, the others are null."""

    role = serializers.ChoiceField(choices=Role.choices)
    admin = NullableNestedField(AdminDashboardSerializer())
    doctor = NullableNestedField(DoctorDashboardSerializer())
    patient = NullableNestedField(PatientDashboardSerializer())
