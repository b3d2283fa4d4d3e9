from __future__ import annotations

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from hms.accounts.models import Role
from hms.admissions.models import AdmissionStatus
from hms.admissions.serializers import DoctorAdmissionSummarySerializer
from hms.appointments.models import Appointment
from hms.appointments.serializers import (
    AdminAppointmentSummarySerializer,
    DoctorAppointmentSummarySerializer,
    PatientAppointmentSummarySerializer,
)
from hms.audit.serializers import UnusualAccessFlagSerializer
from hms.common.fields import NullableNestedField
from hms.doctors.serializers import DoctorCardSerializer


class PendingDoctorSerializer(serializers.Serializer):
    """A doctor's application waiting for the admin: approve or reject it at
    doctors/{id}/approve/ and doctors/{id}/reject/."""

    id = serializers.IntegerField(help_text="The doctor id.")
    full_name = serializers.CharField()
    department_name = serializers.CharField(source="detail")
    created_at = serializers.DateTimeField(help_text="When they applied.")


class PendingPatientSerializer(serializers.Serializer):
    """A patient's sign-up waiting for the admin: approve or reject it at
    patients/{id}/approve/ and patients/{id}/reject/."""

    id = serializers.IntegerField(help_text="The patient id.")
    full_name = serializers.CharField()
    symptoms = serializers.CharField(source="detail", help_text="As given at sign-up.")
    created_at = serializers.DateTimeField(help_text="When they signed up.")


class AppointmentRequestSerializer(serializers.ModelSerializer[Appointment]):
    """A request waiting for the admin's decision: approve or reject it at
    appointments/{id}/approve/ and appointments/{id}/reject/."""

    patient_name = serializers.CharField(source="patient.full_name", read_only=True)
    doctor_name = serializers.CharField(source="doctor.full_name", read_only=True)
    department_name = serializers.CharField(source="doctor.department.name", read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "patient",
            "patient_name",
            "doctor",
            "doctor_name",
            "department_name",
            "starts_at",
            "ends_at",
            "created_at",
        ]
        read_only_fields = fields


class AdminAccountsSummarySerializer(serializers.Serializer):
    approved_doctors = serializers.IntegerField()
    pending_doctors = serializers.IntegerField()
    approved_patients = serializers.IntegerField()
    pending_patients = serializers.IntegerField()


class AdminQueuesSerializer(serializers.Serializer):
    """What waits for the admin, at most 5 rows of each queue (the counts give each length)."""

    doctors = PendingDoctorSerializer(
        many=True, help_text="Pending doctors, newest application first."
    )
    patients = PendingPatientSerializer(
        many=True, help_text="Pending patients, newest sign-up first."
    )
    appointment_requests = AppointmentRequestSerializer(
        many=True,
        help_text="Requests waiting for a decision, the soonest appointment first "
        "(it is the first a decision is due for).",
    )


class AdminAdmissionSummarySerializer(serializers.Serializer):
    """Admissions and billing on the admin's dashboard."""

    currently_admitted = serializers.IntegerField(help_text="Patients in hospital now.")
    discharged = serializers.IntegerField(help_text="Discharged admissions, all time.")
    invoiced_total_this_month = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        help_text="Total of the invoices issued this calendar month (hospital time zone).",
    )
    currency = serializers.CharField(help_text="ISO 4217 code of the hospital's currency.")


class AppointmentDaySerializer(serializers.Serializer):
    """The appointments of one calendar day (hospital time zone)."""

    date = serializers.DateField()
    confirmed = serializers.IntegerField(
        help_text="Confirmed appointments that day (including visits already completed)."
    )
    pending = serializers.IntegerField(help_text="Requests for that day waiting for a decision.")


class AdminDashboardSerializer(serializers.Serializer):
    accounts = AdminAccountsSummarySerializer()
    appointments = AdminAppointmentSummarySerializer()
    appointments_by_day = AppointmentDaySerializer(
        many=True,
        help_text="Today and the next six days in the hospital's time zone, in date order; "
        "days without appointments are listed with zeros.",
    )
    queues = AdminQueuesSerializer()
    admissions = AdminAdmissionSummarySerializer()
    unusual_access = UnusualAccessFlagSerializer(
        many=True,
        help_text="People who opened more distinct patients than allowed within a few minutes "
        "(last seven days, newest first, at most 10), each with the access events behind it.",
    )


class DoctorDashboardSerializer(serializers.Serializer):
    assigned_patients = serializers.IntegerField(
        help_text="How many approved patients are assigned to the doctor."
    )
    appointments = DoctorAppointmentSummarySerializer()
    admissions = DoctorAdmissionSummarySerializer()


class PatientAdmissionSummarySerializer(serializers.Serializer):
    """The patient's admission status on their dashboard."""

    admission = serializers.IntegerField(
        source="admission.pk",
        allow_null=True,
        help_text="Their open admission, else their latest one; null when never admitted.",
    )
    status = serializers.ChoiceField(
        source="admission.status",
        choices=AdmissionStatus.choices,
        allow_null=True,
        help_text="ADMITTED while in hospital; null when never admitted.",
    )
    admitted_on = serializers.DateField(source="admission.admitted_on", allow_null=True)
    discharged_on = serializers.DateField(source="admission.discharged_on", allow_null=True)
    invoices = serializers.IntegerField(help_text="How many invoices they have (see invoices/).")


class PatientDashboardSerializer(serializers.Serializer):
    assigned_doctor = NullableNestedField(
        DoctorCardSerializer(), help_text="The patient's doctor; null until one is assigned."
    )
    appointments = PatientAppointmentSummarySerializer()
    admissions = PatientAdmissionSummarySerializer()


# Served by the viewset's collection route: one object, not a list.
@extend_schema_serializer(many=False)
class DashboardSerializer(serializers.Serializer):
    """The caller's dashboard: the section of their role is filled, the others are null."""

    role = serializers.ChoiceField(choices=Role.choices)
    admin = NullableNestedField(AdminDashboardSerializer())
    doctor = NullableNestedField(DoctorDashboardSerializer())
    patient = NullableNestedField(PatientDashboardSerializer())
