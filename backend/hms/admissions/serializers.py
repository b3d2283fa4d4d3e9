from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hms.admissions.models import Admission, AdmissionStatus
from hms.billing.serializers import MoneyField


class AdmissionCreateRequestSerializer(serializers.Serializer):
    patient = serializers.IntegerField(min_value=1, help_text="An approved patient's id.")
    doctor = serializers.IntegerField(
        min_value=1, help_text="The attending doctor (approved); becomes the assigned doctor."
    )
    admitted_on = serializers.DateField(
        required=False, help_text="Defaults to today in the hospital's time zone; never future."
    )
    symptoms = serializers.CharField(max_length=2000, help_text="Symptoms or reason.")
    room = serializers.CharField(
        max_length=50, required=False, allow_blank=True, default="", help_text="Room or bed label."
    )
    room_charge_per_day = MoneyField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Default daily room rate proposed at discharge.",
    )


class AdmissionSerializer(serializers.ModelSerializer[Admission]):
    """A hospital stay. `invoice` is the id of its invoice, null until discharge."""

    patient_name = serializers.CharField(source="patient.full_name", read_only=True)
    doctor_name = serializers.CharField(source="doctor.full_name", read_only=True)
    doctor_department = serializers.CharField(source="doctor.department.name", read_only=True)
    invoice = serializers.SerializerMethodField()

    class Meta:
        model = Admission
        fields = [
            "id",
            "patient",
            "patient_name",
            "doctor",
            "doctor_name",
            "doctor_department",
            "admitted_on",
            "discharged_on",
            "symptoms",
            "room",
            "room_charge_per_day",
            "status",
            "invoice",
            "admitted_at",
            "discharged_at",
        ]
        read_only_fields = fields

    def get_invoice(self, admission: Admission) -> int | None:
        return getattr(admission, "invoice_pk", None)


class AdmissionListFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=AdmissionStatus.choices, required=False)
    doctor = serializers.IntegerField(required=False, min_value=1, help_text="Doctor id.")
    patient = serializers.IntegerField(required=False, min_value=1, help_text="Patient id.")
    admitted_from = serializers.DateField(required=False, help_text="Admitted on or after.")
    admitted_to = serializers.DateField(required=False, help_text="Admitted on or before.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("admitted_from"), attrs.get("admitted_to")
        if start and end and start > end:
            raise serializers.ValidationError(
                {"admitted_to": ["Must not be before admitted_from."]}
            )
        return attrs


class DischargeRequestSerializer(serializers.Serializer):
    discharged_on = serializers.DateField(
        required=False,
        help_text="Defaults to today (hospital time zone); not future, not before admission.",
    )
    room_charge_per_day = MoneyField(
        required=False, help_text="Defaults to the admission's daily room rate."
    )
    doctor_fee = MoneyField()
    medicine_cost = MoneyField()
    other_charge = MoneyField()
