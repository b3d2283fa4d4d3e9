"""The clinical record: visit notes with vitals and a prescription, progress notes, discharge
summaries and addenda.

Every document starts as a DRAFT that only its author edits and becomes SIGNED once, for ever:
the database itself refuses to change a signed row or anything hanging from it (see the trigger
migration). Corrections are addenda, which are signed when written.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import Exact


class DocumentStatus(models.TextChoices):
    DRAFT = "DRAFT", "Draft"  # being written; its author alone reads and edits it
    SIGNED = "SIGNED", "Signed"  # locked for ever; corrections are addenda


# Allowed document status transitions; anything else is DOCUMENT_SIGNED / ALREADY_SIGNED.
DOCUMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    DocumentStatus.DRAFT: frozenset({DocumentStatus.SIGNED}),
    DocumentStatus.SIGNED: frozenset(),
}


class Route(models.TextChoices):
    ORAL = "ORAL", "Oral"
    SUBLINGUAL = "SUBLINGUAL", "Sublingual"
    INHALED = "INHALED", "Inhaled"
    TOPICAL = "TOPICAL", "Topical"
    INTRAVENOUS = "INTRAVENOUS", "Intravenous"
    INTRAMUSCULAR = "INTRAMUSCULAR", "Intramuscular"
    SUBCUTANEOUS = "SUBCUTANEOUS", "Subcutaneous"
    RECTAL = "RECTAL", "Rectal"
    EYE = "EYE", "Eye drops"
    EAR = "EAR", "Ear drops"
    NASAL = "NASAL", "Nasal"


# Plausible vital signs: field -> (lowest, highest, unit). A value outside is a typing mistake
# (a systolic of 1200, a temperature in Fahrenheit) and is refused, by the API and the database.
VITAL_RANGES: dict[str, tuple[Decimal, Decimal, str]] = {
    "systolic_mmhg": (Decimal(50), Decimal(300), "mmHg"),
    "diastolic_mmhg": (Decimal(20), Decimal(200), "mmHg"),
    "pulse_per_min": (Decimal(20), Decimal(250), "/min"),
    "temperature_c": (Decimal(25), Decimal(45), "°C"),
    "spo2_percent": (Decimal(50), Decimal(100), "%"),
    "respiratory_rate_per_min": (Decimal(4), Decimal(80), "/min"),
    "weight_kg": (Decimal("0.3"), Decimal(500), "kg"),
    "height_cm": (Decimal(20), Decimal(280), "cm"),
}

VITAL_LABELS: dict[str, str] = {
    "systolic_mmhg": "Systolic pressure",
    "diastolic_mmhg": "Diastolic pressure",
    "pulse_per_min": "Pulse",
    "temperature_c": "Temperature",
    "spo2_percent": "SpO₂",
    "respiratory_rate_per_min": "Respiratory rate",
    "weight_kg": "Weight",
    "height_cm": "Height",
}


class Icd10Code(models.Model):
    """One ICD-10-CM category or subcategory (CMS, public domain), loaded by `icd10_load`."""

    code = models.CharField(max_length=8, primary_key=True)  # with its dot: "I21.4"
    description = models.CharField(max_length=255)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class ClinicalDocument(models.Model):
    """What every document has: whose it is, who wrote it, and whether it is signed."""

    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey("doctors.Doctor", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=8, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=DocumentStatus.values),
                name="%(app_label)s_%(class)s_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status=DocumentStatus.DRAFT, signed_at__isnull=True)
                | models.Q(status=DocumentStatus.SIGNED, signed_at__isnull=False),
                name="%(app_label)s_%(class)s_signed_at_matches_status",
            ),
        ]


def _pdf_when_signed(prefix: str) -> models.CheckConstraint:
    # A signed take-home document always carries its rendered PDF and that PDF's hash.
    return models.CheckConstraint(
        condition=models.Q(status=DocumentStatus.DRAFT)
        | models.Q(Exact(Length("pdf_sha256"), 64), pdf__isnull=False),
        name=f"{prefix}_pdf_when_signed",
    )


class VisitNote(ClinicalDocument):
    """The doctor's note of one appointment: complaint, findings, diagnosis and plan."""

    appointment = models.OneToOneField(
        "appointments.Appointment", on_delete=models.PROTECT, related_name="visit_note"
    )
    chief_complaint = models.CharField(max_length=1000, blank=True, default="")
    findings = models.TextField(max_length=4000, blank=True, default="")
    diagnosis = models.CharField(max_length=500, blank=True, default="")
    icd10_code = models.CharField(max_length=8, blank=True, default="")
    icd10_description = models.CharField(max_length=255, blank=True, default="")
    plan = models.TextField(max_length=4000, blank=True, default="")

    class Meta(ClinicalDocument.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Visit note #{self.pk}"


class Prescription(ClinicalDocument):
    """The medicines of one visit; signed with its visit note, its PDF rendered then."""

    visit_note = models.OneToOneField(
        VisitNote, on_delete=models.PROTECT, related_name="prescription"
    )
    pdf = models.BinaryField(null=True, editable=False)
    pdf_sha256 = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta(ClinicalDocument.Meta):
        ordering = ["-created_at", "-id"]
        constraints = [*ClinicalDocument.Meta.constraints, _pdf_when_signed("clinical_rx")]

    def __str__(self) -> str:
        return f"Prescription #{self.pk}"


class PrescriptionLine(models.Model):
    """One medicine: what, how strong, how much, how, how often, how long, and any advice."""

    prescription = models.ForeignKey(Prescription, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    medicine = models.CharField(max_length=200)
    strength = models.CharField(max_length=50)
    dose = models.CharField(max_length=50)
    route = models.CharField(max_length=16, choices=Route.choices)
    frequency = models.CharField(max_length=50)
    duration_days = models.PositiveSmallIntegerField()
    instructions = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["prescription", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["prescription", "position"], name="clinical_rx_line_position_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(duration_days__gte=1, duration_days__lte=365),
                name="clinical_rx_line_duration_range",
            ),
            models.CheckConstraint(
                condition=models.Q(route__in=Route.values), name="clinical_rx_line_route_valid"
            ),
            *(
                models.CheckConstraint(
                    condition=~models.Q(**{field: ""}),
                    name=f"clinical_rx_line_{field}_set",
                )
                for field in ("medicine", "strength", "dose", "frequency")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.medicine} {self.strength}"


class StayDocument(ClinicalDocument):
    """A document of one hospital stay."""

    admission = models.ForeignKey(
        "admissions.Admission", on_delete=models.PROTECT, related_name="+"
    )

    class Meta(ClinicalDocument.Meta):
        abstract = True


class ProgressNote(StayDocument):
    """The attending doctor's note of a day in hospital."""

    text = models.TextField(max_length=4000, blank=True, default="")

    class Meta(ClinicalDocument.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Progress note #{self.pk}"


class DischargeSummary(StayDocument):
    """What the patient takes home from a stay: one per admission, its PDF rendered at signing."""

    admission = models.OneToOneField(
        "admissions.Admission", on_delete=models.PROTECT, related_name="discharge_summary"
    )
    diagnosis = models.CharField(max_length=500, blank=True, default="")
    icd10_code = models.CharField(max_length=8, blank=True, default="")
    icd10_description = models.CharField(max_length=255, blank=True, default="")
    course_in_hospital = models.TextField(max_length=8000, blank=True, default="")
    procedures = models.TextField(max_length=4000, blank=True, default="")
    medicines_to_continue = models.TextField(max_length=4000, blank=True, default="")
    advice = models.TextField(max_length=4000, blank=True, default="")
    follow_up_on = models.DateField(null=True, blank=True)
    pdf = models.BinaryField(null=True, editable=False)
    pdf_sha256 = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta(ClinicalDocument.Meta):
        ordering = ["-created_at", "-id"]
        constraints = [*ClinicalDocument.Meta.constraints, _pdf_when_signed("clinical_ds")]

    def __str__(self) -> str:
        return f"Discharge summary #{self.pk}"


class Vitals(models.Model):
    """One set of vital signs: of a visit (one per visit note) or during a stay (several).

    Every measurement is optional, but at least one is taken, and each lies in VITAL_RANGES.
    Vitals of a stay are an observation, never edited; those of a visit follow their note.
    """

    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey("doctors.Doctor", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    # One set per visit note (NULLs never collide), several per stay.
    visit_note = models.OneToOneField(
        VisitNote, on_delete=models.CASCADE, null=True, blank=True, related_name="vitals"
    )
    admission = models.ForeignKey(
        "admissions.Admission", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    systolic_mmhg = models.PositiveSmallIntegerField(null=True, blank=True)
    diastolic_mmhg = models.PositiveSmallIntegerField(null=True, blank=True)
    pulse_per_min = models.PositiveSmallIntegerField(null=True, blank=True)
    temperature_c = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    spo2_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    respiratory_rate_per_min = models.PositiveSmallIntegerField(null=True, blank=True)
    weight_kg = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    height_cm = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name_plural = "vitals"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visit_note__isnull=False, admission__isnull=True)
                | models.Q(visit_note__isnull=True, admission__isnull=False),
                name="clinical_vitals_of_a_visit_or_a_stay",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{field}__isnull": True})
                    | models.Q(**{f"{field}__gte": low, f"{field}__lte": high}),
                    name=f"clinical_vitals_{field}_plausible",
                )
                for field, (low, high, _unit) in VITAL_RANGES.items()
            ),
            # Blood pressure is taken as a pair, the diastolic below the systolic.
            models.CheckConstraint(
                condition=models.Q(systolic_mmhg__isnull=True, diastolic_mmhg__isnull=True)
                | models.Q(
                    systolic_mmhg__isnull=False,
                    diastolic_mmhg__isnull=False,
                    diastolic_mmhg__lt=models.F("systolic_mmhg"),
                ),
                name="clinical_vitals_blood_pressure_pair",
            ),
            models.CheckConstraint(
                condition=~models.Q(**{f"{field}__isnull": True for field in VITAL_RANGES}),
                name="clinical_vitals_something_measured",
            ),
        ]

    def __str__(self) -> str:
        return f"Vitals #{self.pk}"


class Addendum(models.Model):
    """A signed correction or addition to a signed document, by a doctor who treats the patient.

    Written signed: the database refuses any change to it.
    """

    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey("doctors.Doctor", on_delete=models.PROTECT, related_name="+")
    visit_note = models.ForeignKey(
        VisitNote, on_delete=models.PROTECT, null=True, blank=True, related_name="addenda"
    )
    progress_note = models.ForeignKey(
        ProgressNote, on_delete=models.PROTECT, null=True, blank=True, related_name="addenda"
    )
    discharge_summary = models.ForeignKey(
        DischargeSummary, on_delete=models.PROTECT, null=True, blank=True, related_name="addenda"
    )
    text = models.TextField(max_length=4000)
    signed_at = models.DateTimeField()

    class Meta:
        ordering = ["signed_at", "id"]
        verbose_name_plural = "addenda"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    visit_note__isnull=False,
                    progress_note__isnull=True,
                    discharge_summary__isnull=True,
                )
                | models.Q(
                    visit_note__isnull=True,
                    progress_note__isnull=False,
                    discharge_summary__isnull=True,
                )
                | models.Q(
                    visit_note__isnull=True,
                    progress_note__isnull=True,
                    discharge_summary__isnull=False,
                ),
                name="clinical_addendum_of_one_document",
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="clinical_addendum_text_set"),
        ]

    def __str__(self) -> str:
        return f"Addendum #{self.pk}"
