from __future__ import annotations

from rest_framework import serializers

from hms.accounts.models import AccountStatus
from hms.patients.models import Patient


class PatientSerializer(serializers.ModelSerializer[Patient]):
    """A patient as the admin and the assigned doctor see them."""

    username = serializers.CharField(source="user.username", read_only=True)
    first_name = serializers.CharField(source="user.first_name", read_only=True)
    last_name = serializers.CharField(source="user.last_name", read_only=True)
    full_name = serializers.CharField(read_only=True)
    email = serializers.CharField(source="user.email", read_only=True)
    status = serializers.ChoiceField(
        source="user.status", choices=AccountStatus.choices, read_only=True
    )
    is_admitted = serializers.SerializerMethodField()

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
            "status",
            "is_admitted",
        ]
        read_only_fields = fields

    def get_is_admitted(self, patient: Patient) -> bool:
        annotated = getattr(patient, "is_admitted", None)
        return bool(annotated)
