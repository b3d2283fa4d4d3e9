from __future__ import annotations

from rest_framework import serializers

from hms.accounts.models import Role
from hms.admissions.models import Admission
from hms.common.dates import BoundedDateField
from hms.common.fields import MoneyField, RowIdField
from hms.common.rows import FastRowsMixin
from hms.doctors.models import Doctor
from hms.patients.models import Patient


class AdmissionCreateSerializer(serializers.Serializer):
    """Admit a patient: who, under which doctor, since when, why, where and at what rate."""

    patient = RowIdField(
        queryset=Patient.objects.all(),
        error_messages={"does_not_exist": "No patient has this id."},
        help_text="An approved patient's id.",
    )
    doctor = RowIdField(
        queryset=Doctor.objects.all(),
        error_messages={"does_not_exist": "No doctor has this id."},
        help_text="The attending doctor (approved); becomes the assigned doctor.",
    )
    admitted_on = BoundedDateField(
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


class AdmissionSerializer(FastRowsMixin, serializers.ModelSerializer[Admission]):
    """A hospital stay. `invoice` is the id of its invoice, null until discharge."""

    patient_name = serializers.CharField(source="patient.full_name", read_only=True)
    # The attending doctor keeps the contact details of the patients they discharged, even
    # after the patient is assigned to someone else (their "discharged patients").
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


class AdmissionForDoctorSerializer(AdmissionSerializer):
    """A stay as its attending doctor sees it: the patient, dates, symptoms and room; no money
    (the daily room rate) and no invoice, which are the hospital's and the patient's business."""

    invoice = None  # type: ignore[assignment]

    class Meta(AdmissionSerializer.Meta):
        fields = [
            field
            for field in AdmissionSerializer.Meta.fields
            if field not in {"room_charge_per_day", "invoice"}
        ]
        read_only_fields = fields


def admission_serializer_for(viewer_role: str) -> type[AdmissionSerializer]:
    """The shape of an admission for a role: doctors get theirs without money or invoice."""
    return AdmissionForDoctorSerializer if viewer_role == Role.DOCTOR else AdmissionSerializer


class AdmissionDischargeSerializer(serializers.Serializer):
    """The discharge date and charges; money is a decimal string with at most two places."""

    discharged_on = BoundedDateField(
        required=False,
        help_text="Defaults to today (hospital time zone); not future, not before admission.",
    )
    room_charge_per_day = MoneyField(
        required=False, help_text="Defaults to the admission's daily room rate."
    )
    doctor_fee = MoneyField()
    medicine_cost = MoneyField()
    other_charge = MoneyField()


class DoctorAdmissionSummarySerializer(serializers.Serializer):
    """Admissions on the doctor's dashboard."""

    admitted_patients = serializers.IntegerField(help_text="Patients in hospital under them now.")
    discharged_patients = serializers.IntegerField(
        help_text="Patients discharged from their care, each counted once."
    )
