from __future__ import annotations

from datetime import date

from django.utils import timezone
from rest_framework import serializers

from hms.accounts.models import AccountStatus
from hms.accounts.serializers import PersonSignupSerializer
from hms.common.rows import FastRowsMixin
from hms.common.validators import EmailAddressField, MobileField
from hms.doctors.serializers import ApprovedDoctorField
from hms.patients.models import Patient


def validate_date_of_birth(value: date) -> None:
    if value > timezone.localdate():
        raise serializers.ValidationError("The date of birth cannot be in the future.")
    if value.year < 1900:
        raise serializers.ValidationError("Enter a date of birth after 1900.")


class PatientSerializer(FastRowsMixin, serializers.ModelSerializer[Patient]):
    """A patient as the admin, their assigned doctor and they themself see them."""

    username = serializers.CharField(source="user.username", read_only=True)
    first_name = serializers.CharField(source="user.first_name", read_only=True)
    last_name = serializers.CharField(source="user.last_name", read_only=True)
    full_name = serializers.CharField(read_only=True)
    email = serializers.CharField(source="user.email", read_only=True)
    assigned_doctor_name = serializers.SerializerMethodField(
        help_text="The assigned doctor's full name; null when no doctor is assigned."
    )
    status = serializers.ChoiceField(
        source="user.status", choices=AccountStatus.choices, read_only=True
    )
    is_admitted = serializers.SerializerMethodField(
        help_text="Whether the patient has an open admission."
    )

    class Meta:
        model = Patient
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "full_name",
            "email",
            "mobile",
            "address",
            "symptoms",
            "date_of_birth",
            "preferred_doctor",
            "assigned_doctor",
            "assigned_doctor_name",
            "status",
            "is_admitted",
            "created_at",
        ]
        read_only_fields = fields

    def get_assigned_doctor_name(self, patient: Patient) -> str | None:
        doctor = patient.assigned_doctor
        return doctor.full_name if doctor is not None else None

    def get_is_admitted(self, patient: Patient) -> bool:
        annotated = getattr(patient, "is_admitted", None)
        return bool(annotated)


class PatientSignupSerializer(PersonSignupSerializer):
    """A patient's sign-up: the person fields, contact, symptoms and a preferred doctor."""

    mobile = MobileField()
    address = serializers.CharField(max_length=500)
    symptoms = serializers.CharField(max_length=2000)
    date_of_birth = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        validators=[validate_date_of_birth],
        help_text="Optional; from 1900-01-01 to today.",
    )
    preferred_doctor = ApprovedDoctorField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Optional: an approved doctor's id (GET /api/v1/doctors/directory/).",
    )


class PatientRegistrationSerializer(PatientSignupSerializer):
    """An admin registers a patient: the sign-up fields, and optionally the assigned doctor."""

    preferred_doctor = None  # type: ignore[assignment]
    assigned_doctor = ApprovedDoctorField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Optional: an approved doctor's id.",
    )


class PatientUpdateSerializer(serializers.Serializer):
    """Fields an admin may change. Status, role, password and admissions are not among them."""

    first_name = serializers.CharField(max_length=150, required=False)
    last_name = serializers.CharField(max_length=150, required=False)
    email = EmailAddressField(required=False, allow_blank=True)
    mobile = MobileField(required=False)
    address = serializers.CharField(max_length=500, required=False)
    symptoms = serializers.CharField(max_length=2000, required=False)
    date_of_birth = serializers.DateField(
        required=False,
        allow_null=True,
        validators=[validate_date_of_birth],
        help_text="Optional; from 1900-01-01 to today.",
    )
    assigned_doctor = ApprovedDoctorField(
        required=False,
        allow_null=True,
        help_text="An approved doctor's id, or null to leave the patient without a doctor.",
    )
