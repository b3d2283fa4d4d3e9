"""The clinical record over HTTP: what each caller reads and what a doctor writes.

Doctors and patients read a document whole (`VisitNote`, `Prescription`, ...); the admin reads
its metadata only (`VisitNoteMetadata`, ...): that it exists, whose it is, who wrote it, when it
was signed.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hms.accounts.models import Role
from hms.clinical.models import (
    VITAL_LABELS,
    VITAL_RANGES,
    Addendum,
    DischargeSummary,
    Icd10Code,
    Prescription,
    PrescriptionLine,
    ProgressNote,
    Route,
    VisitNote,
    Vitals,
)
from hms.common.dates import BoundedDateField
from hms.common.fields import NullableNestedField
from hms.common.filters import MAX_ID

_INTEGER_VITALS = {
    "systolic_mmhg",
    "diastolic_mmhg",
    "pulse_per_min",
    "spo2_percent",
    "respiratory_rate_per_min",
}


def _vital_field(name: str) -> serializers.Field:
    low, high, unit = VITAL_RANGES[name]
    message = f"{VITAL_LABELS[name]} must be between {low} and {high} {unit}."
    options: dict[str, Any] = {
        "required": False,
        "allow_null": True,
        "default": None,
        "min_value": low,
        "max_value": high,
        "help_text": f"{VITAL_LABELS[name]}, {low} to {high} {unit}.",
        # DRF formats these with `%`: "SpO₂ ... 100 %" must not read as a placeholder.
        "error_messages": {
            "min_value": message.replace("%", "%%"),
            "max_value": message.replace("%", "%%"),
        },
    }
    if name in _INTEGER_VITALS:
        options["min_value"], options["max_value"] = int(low), int(high)
        return serializers.IntegerField(**options)
    digits = 3 if name == "temperature_c" else 4
    return serializers.DecimalField(max_digits=digits, decimal_places=1, **options)


class VitalsInputSerializer(serializers.Serializer):
    """A set of vital signs; each optional, at least one given, each in its plausible range."""

    systolic_mmhg = _vital_field("systolic_mmhg")
    diastolic_mmhg = _vital_field("diastolic_mmhg")
    pulse_per_min = _vital_field("pulse_per_min")
    temperature_c = _vital_field("temperature_c")
    spo2_percent = _vital_field("spo2_percent")
    respiratory_rate_per_min = _vital_field("respiratory_rate_per_min")
    weight_kg = _vital_field("weight_kg")
    height_cm = _vital_field("height_cm")


class StayVitalsInputSerializer(VitalsInputSerializer):
    """Record vital signs during a stay (the attending doctor)."""

    admission = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Admission id.")


class VitalsSerializer(serializers.ModelSerializer[Vitals]):
    """A recorded set of vital signs."""

    recorded_by_name = serializers.CharField(source="recorded_by.user.full_name", read_only=True)

    class Meta:
        model = Vitals
        fields = [
            "id",
            "patient",
            "visit_note",
            "admission",
            "recorded_by",
            "recorded_by_name",
            "recorded_at",
            *VITAL_RANGES,
        ]
        read_only_fields = fields


class PrescriptionLineSerializer(serializers.ModelSerializer[PrescriptionLine]):
    """One medicine: every field but the instructions is required."""

    medicine = serializers.CharField(max_length=200)
    strength = serializers.CharField(max_length=50, help_text='e.g. "500 mg".')
    dose = serializers.CharField(max_length=50, help_text='e.g. "1 tablet".')
    route = serializers.ChoiceField(choices=Route.choices)
    frequency = serializers.CharField(max_length=50, help_text='e.g. "twice a day".')
    duration_days = serializers.IntegerField(min_value=1, max_value=365)
    instructions = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )

    class Meta:
        model = PrescriptionLine
        fields = [
            "medicine",
            "strength",
            "dose",
            "route",
            "frequency",
            "duration_days",
            "instructions",
        ]


class AddendumSerializer(serializers.ModelSerializer[Addendum]):
    """A signed addendum: who added what, when."""

    author_name = serializers.CharField(source="author.user.full_name", read_only=True)

    class Meta:
        model = Addendum
        fields = ["id", "author", "author_name", "text", "signed_at"]
        read_only_fields = fields


class AddendumCreateSerializer(serializers.Serializer):
    """The text of an addendum (a correction or an addition to a signed document)."""

    text = serializers.CharField(max_length=4000)


_METADATA = [
    "id",
    "patient",
    "patient_name",
    "author",
    "author_name",
    "author_department",
    "status",
    "created_at",
    "updated_at",
    "signed_at",
]


class _Metadata(serializers.ModelSerializer[Any]):
    patient_name = serializers.CharField(source="patient.user.full_name", read_only=True)
    author_name = serializers.CharField(source="author.user.full_name", read_only=True)
    author_department = serializers.CharField(source="author.department.name", read_only=True)


class PrescriptionMetadataSerializer(_Metadata):
    """A prescription as the admin sees it: that it exists, and its PDF's hash to print it."""

    appointment = serializers.IntegerField(source="visit_note.appointment_id", read_only=True)

    class Meta:
        model = Prescription
        fields = [*_METADATA, "visit_note", "appointment", "pdf_sha256"]
        read_only_fields = fields


class PrescriptionSerializer(PrescriptionMetadataSerializer):
    """A prescription with its lines. Its PDF is at `clinical/prescriptions/{id}/pdf/`."""

    lines = PrescriptionLineSerializer(many=True, read_only=True)

    class Meta(PrescriptionMetadataSerializer.Meta):
        fields = [*PrescriptionMetadataSerializer.Meta.fields, "lines"]
        read_only_fields = fields


class VisitNoteMetadataSerializer(_Metadata):
    """A visit note as the admin sees it: that it exists, never its text."""

    class Meta:
        model = VisitNote
        fields = [*_METADATA, "appointment"]
        read_only_fields = fields


class VisitNoteSerializer(VisitNoteMetadataSerializer):
    """A visit note with its vitals, prescription and addenda."""

    appointment_starts_at = serializers.DateTimeField(
        source="appointment.starts_at", read_only=True
    )
    vitals = NullableNestedField(VitalsSerializer())
    prescription = NullableNestedField(PrescriptionSerializer())
    addenda = AddendumSerializer(many=True, read_only=True)

    class Meta(VisitNoteMetadataSerializer.Meta):
        fields = [
            *VisitNoteMetadataSerializer.Meta.fields,
            "appointment_starts_at",
            "chief_complaint",
            "findings",
            "diagnosis",
            "icd10_code",
            "icd10_description",
            "plan",
            "vitals",
            "prescription",
            "addenda",
        ]
        read_only_fields = fields


class VisitNoteWriteSerializer(serializers.Serializer):
    """A visit note draft: its text, its vitals (null: none) and its prescription lines."""

    chief_complaint = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )
    findings = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    diagnosis = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    icd10_code = serializers.CharField(
        max_length=8,
        required=False,
        allow_blank=True,
        default="",
        help_text="An ICD-10-CM code from `clinical/icd10/`, or blank.",
    )
    plan = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    vitals = VitalsInputSerializer(required=False, allow_null=True, default=None)
    prescription_lines = PrescriptionLineSerializer(  # type: ignore[call-arg]
        many=True, required=False, default=list, max_length=30
    )


class VisitNoteCreateSerializer(VisitNoteWriteSerializer):
    """Start the visit note of an appointment of yours that has started."""

    appointment = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="Appointment id."
    )


class ProgressNoteMetadataSerializer(_Metadata):
    """A progress note as the admin sees it."""

    class Meta:
        model = ProgressNote
        fields = [*_METADATA, "admission"]
        read_only_fields = fields


class ProgressNoteSerializer(ProgressNoteMetadataSerializer):
    """A progress note of a stay, with its addenda."""

    addenda = AddendumSerializer(many=True, read_only=True)

    class Meta(ProgressNoteMetadataSerializer.Meta):
        fields = [*ProgressNoteMetadataSerializer.Meta.fields, "text", "addenda"]
        read_only_fields = fields


class ProgressNoteWriteSerializer(serializers.Serializer):
    """The text of a progress note draft."""

    text = serializers.CharField(max_length=4000, allow_blank=True)


class ProgressNoteCreateSerializer(ProgressNoteWriteSerializer):
    """Start a progress note of an open stay you attend."""

    admission = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Admission id.")


class DischargeSummaryMetadataSerializer(_Metadata):
    """A discharge summary as the admin sees it: that it exists, and its PDF's hash to print it."""

    class Meta:
        model = DischargeSummary
        fields = [*_METADATA, "admission", "pdf_sha256"]
        read_only_fields = fields


class DischargeSummarySerializer(DischargeSummaryMetadataSerializer):
    """A discharge summary with its addenda. Its PDF is at `.../{id}/pdf/` once signed."""

    addenda = AddendumSerializer(many=True, read_only=True)

    class Meta(DischargeSummaryMetadataSerializer.Meta):
        fields = [
            *DischargeSummaryMetadataSerializer.Meta.fields,
            "diagnosis",
            "icd10_code",
            "icd10_description",
            "course_in_hospital",
            "procedures",
            "medicines_to_continue",
            "advice",
            "follow_up_on",
            "addenda",
        ]
        read_only_fields = fields


class DischargeSummaryWriteSerializer(serializers.Serializer):
    """A discharge summary draft."""

    diagnosis = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    icd10_code = serializers.CharField(
        max_length=8,
        required=False,
        allow_blank=True,
        default="",
        help_text="An ICD-10-CM code from `clinical/icd10/`, or blank.",
    )
    course_in_hospital = serializers.CharField(
        max_length=8000, required=False, allow_blank=True, default=""
    )
    procedures = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    medicines_to_continue = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    advice = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    follow_up_on = BoundedDateField(required=False, allow_null=True, default=None)


class DischargeSummaryCreateSerializer(DischargeSummaryWriteSerializer):
    """Start the discharge summary of a stay you attend (one per stay)."""

    admission = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Admission id.")


class Icd10CodeSerializer(serializers.ModelSerializer[Icd10Code]):
    """An ICD-10-CM code and its description."""

    class Meta:
        model = Icd10Code
        fields = ["code", "description"]
        read_only_fields = fields


class DischargeReadinessSerializer(serializers.Serializer):
    """Whether a stay may be discharged as far as its clinical record goes."""

    admission = serializers.IntegerField(source="admission.pk")
    patient = serializers.IntegerField(source="admission.patient_id")
    discharge_summary = serializers.IntegerField(
        source="discharge_summary.pk", allow_null=True, default=None
    )
    discharge_summary_status = serializers.CharField(
        source="discharge_summary.status", allow_null=True, default=None
    )
    has_signed_discharge_summary = serializers.BooleanField()
    summary_required = serializers.BooleanField(
        help_text="The hospital requires a signed summary before discharge (else a warning)."
    )


class TimelineEntrySerializer(serializers.Serializer):
    """One event of a patient's record."""

    kind = serializers.ChoiceField(
        choices=[
            "VISIT",
            "STAY",
            "VISIT_NOTE",
            "PROGRESS_NOTE",
            "DISCHARGE_SUMMARY",
            "PRESCRIPTION",
            "INVOICE",
        ]
    )
    id = serializers.IntegerField(help_text="The id of the row of that kind.")
    at = serializers.DateTimeField()
    title = serializers.CharField()
    status = serializers.CharField()
    doctor_name = serializers.CharField()
    appointment = serializers.IntegerField(allow_null=True)
    admission = serializers.IntegerField(allow_null=True)
    has_pdf = serializers.BooleanField()


class PatientTimelineSerializer(serializers.Serializer):
    """A patient's record in time order, newest first."""

    patient = serializers.IntegerField(source="patient.pk")
    patient_name = serializers.CharField(source="patient.user.full_name")
    entries = TimelineEntrySerializer(many=True)


def metadata_only(viewer_role: str) -> bool:
    """The admin reads documents' metadata, never their text."""
    return viewer_role == Role.ADMIN
