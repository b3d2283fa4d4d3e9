from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hms.accounts.models import AccountStatus
from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.common.dates import BoundedDateField
from hms.common.fields import NullableNestedField, RowIdField
from hms.common.rows import FastRowsMixin
from hms.doctors.models import Doctor
from hms.patients.models import Patient


class AppointmentPatientSerializer(FastRowsMixin, serializers.ModelSerializer[Patient]):
    """The patient of an appointment, as the doctor needs them for the visit."""

    full_name = serializers.CharField(read_only=True)

    class Meta:
        model = Patient
        fields = ["id", "full_name", "mobile", "address", "symptoms"]
        read_only_fields = fields


class AppointmentSerializer(FastRowsMixin, serializers.ModelSerializer[Appointment]):
    """An appointment. `patient` and `doctor` are ids; the names and details ride along."""

    patient_details = AppointmentPatientSerializer(source="patient", read_only=True)
    doctor_name = serializers.CharField(source="doctor.full_name", read_only=True)
    doctor_department = serializers.CharField(source="doctor.department.name", read_only=True)
    status = serializers.ChoiceField(choices=AppointmentStatus.choices, read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "patient",
            "patient_details",
            "doctor",
            "doctor_name",
            "doctor_department",
            "starts_at",
            "ends_at",
            "reason",
            "status",
            "status_reason",
            "status_changed_at",
            "created_at",
        ]
        read_only_fields = fields


class AppointmentEventSerializer(serializers.ModelSerializer[AppointmentEvent]):
    """One status change: from what to what, when, by whom (role and name), and why."""

    from_status = serializers.ChoiceField(
        choices=AppointmentStatus.choices,
        allow_null=True,
        read_only=True,
        help_text="Null for the booking itself.",
    )
    to_status = serializers.ChoiceField(choices=AppointmentStatus.choices, read_only=True)
    actor_role = serializers.CharField(source="actor.role", read_only=True)
    actor_name = serializers.CharField(source="actor.full_name", read_only=True)

    class Meta:
        model = AppointmentEvent
        fields = ["from_status", "to_status", "at", "actor_role", "actor_name", "reason"]
        read_only_fields = fields

    def to_representation(self, instance: AppointmentEvent) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["from_status"] = data["from_status"] or None
        return data


class AppointmentDetailSerializer(AppointmentSerializer):
    """An appointment with its status history, oldest first."""

    history = AppointmentEventSerializer(source="events", many=True, read_only=True)

    class Meta(AppointmentSerializer.Meta):
        fields = [*AppointmentSerializer.Meta.fields, "history"]
        read_only_fields = fields


class AppointmentBookSerializer(serializers.Serializer):
    """Book a slot. `patient` is required from an admin and ignored from a patient."""

    doctor = RowIdField(
        queryset=Doctor.objects.filter(user__status=AccountStatus.APPROVED),
        error_messages={"does_not_exist": "No approved doctor has this id."},
    )
    patient = RowIdField(
        queryset=Patient.objects.filter(user__status=AccountStatus.APPROVED),
        required=False,
        error_messages={"does_not_exist": "No approved patient has this id."},
        help_text="The patient to book for: required when an admin books; ignored for a patient.",
    )
    starts_at = serializers.DateTimeField(
        help_text="The slot start, ISO 8601 with an offset; see GET /doctors/{id}/slots/."
    )
    reason = serializers.CharField(max_length=1000, help_text="Why the patient wants to be seen.")


class AppointmentRejectSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=500, help_text="Why the request is refused; the patient sees it."
    )


class AppointmentCancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class SlotSerializer(serializers.Serializer):
    """A free slot: it starts and ends at these instants (hospital time zone offset)."""

    starts_at = serializers.DateTimeField(read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)


class SlotListQuerySerializer(serializers.Serializer):
    date = BoundedDateField(help_text="A calendar date in the hospital's time zone.")


class AdminAppointmentSummarySerializer(serializers.Serializer):
    """Appointment counts on the admin's dashboard."""

    confirmed = serializers.IntegerField(help_text="Appointments currently confirmed.")
    pending = serializers.IntegerField(help_text="Requests waiting for approval.")
    today = serializers.IntegerField(help_text="Confirmed or completed appointments today.")


class DoctorTodayAppointmentSerializer(serializers.ModelSerializer[Appointment]):
    """One of today's confirmed appointments on the doctor's dashboard."""

    patient_name = serializers.CharField(source="patient.full_name", read_only=True)

    class Meta:
        model = Appointment
        fields = ["id", "starts_at", "ends_at", "patient", "patient_name"]
        read_only_fields = fields


class DoctorAppointmentSummarySerializer(serializers.Serializer):
    """Appointments on the doctor's dashboard."""

    upcoming_confirmed = serializers.IntegerField(
        help_text="Confirmed appointments that have not ended yet."
    )
    today = DoctorTodayAppointmentSerializer(many=True)


class PatientAppointmentSummarySerializer(serializers.Serializer):
    """Appointments on the patient's dashboard."""

    next_appointment = NullableNestedField(
        AppointmentSerializer(), help_text="The soonest confirmed appointment not yet ended."
    )
    pending = serializers.IntegerField(help_text="Requests waiting for the hospital's decision.")
