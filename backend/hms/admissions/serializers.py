from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hms.admissions.models import Admission, AdmissionStatus
from hms.billing.serializers import MoneyField


class AdmissionCreateSerializer(serializers.Serializer):
    """Admit a patient: who, under which doctor, since when, why, where and at what rate."""

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
    # The attending doctor keeps the contact details of the patients they discharged, even
    # after the patient is assigned to someone else (SPEC section 4, "discharged patients").
    patient_mobile = serializers.CharField(source="patient.mobile", read_only=True)
    patient_address = serializers.CharField(source="patient.address", read_only=True)
    doctor_name = serializers.CharField(source="doctor.full_name", read_only=True)
    doctor_department = serializers.CharField(source="doctor.department.name", read_only=True)
    invoice = serializers.SerializerMethodField()

    class Meta:
        model = Admission
        fields = [
            "id",
            "patient",
            "patient_name",
            "patient_mobile",
            "patient_address",
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
    """Query parameters of the admission list."""

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


class AdmissionDischargeSerializer(serializers.Serializer):
    """The discharge date and charges; money is a decimal string with at most two places."""

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


class DoctorAdmissionSummarySerializer(serializers.Serializer):
    """Admissions on the doctor's dashboard."""

    admitted_patients = serializers.IntegerField(help_text="Patients in hospital under them now.")
    discharged_patients = serializers.IntegerField(
        help_text="Patients discharged from their care, each counted once."
    )


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
