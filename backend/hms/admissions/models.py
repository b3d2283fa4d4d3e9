from __future__ import annotations

from django.conf import settings
from django.db import models

from hms.common.models import TimeStampedModel


class AdmissionStatus(models.TextChoices):
    ADMITTED = "ADMITTED", "Admitted"  # in hospital now; at most one per patient
    DISCHARGED = "DISCHARGED", "Discharged"  # closed by the discharge that issued its invoice


# Allowed admission status transitions; anything else is INVALID_STATE. A discharged admission
# is final: its invoice is immutable, so it is never reopened (a new stay is a new admission).
ADMISSION_TRANSITIONS: dict[str, frozenset[str]] = {
    AdmissionStatus.ADMITTED: frozenset({AdmissionStatus.DISCHARGED}),
    AdmissionStatus.DISCHARGED: frozenset(),
}


class Admission(TimeStampedModel):
    """One hospital stay of a patient under an attending doctor, from admission to discharge."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="admissions"
    )
    doctor = models.ForeignKey(
        "doctors.Doctor", on_delete=models.PROTECT, related_name="admissions"
    )
    admitted_on = models.DateField()
    discharged_on = models.DateField(null=True, blank=True)
    symptoms = models.TextField(max_length=2000)
    room = models.CharField(max_length=50, blank=True, default="")
    # The default daily room rate proposed at discharge; the discharge may set another one.
    room_charge_per_day = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        max_length=16, choices=AdmissionStatus.choices, default=AdmissionStatus.ADMITTED
    )
    admitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    admitted_at = models.DateTimeField()
    discharged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    discharged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-admitted_on", "-id"]
        # The lists are ordered by (admitted_on, id) newest first: the whole list and each
        # doctor's read their page from an index in that order.
        indexes = [
            models.Index(fields=["admitted_on", "id"], name="admissions_admitted_id"),
            models.Index(fields=["doctor", "admitted_on", "id"], name="admissions_doctor_admitted"),
            models.Index(fields=["doctor", "status"], name="admissions_doctor_status_idx"),
            models.Index(fields=["status", "admitted_on"], name="admissions_status_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=AdmissionStatus.values),
                name="admissions_status_valid",
            ),
            # One open admission per patient: a second admit is refused by the database too.
            models.UniqueConstraint(
                fields=["patient"],
                condition=models.Q(status=AdmissionStatus.ADMITTED),
                name="admissions_one_open_per_patient",
            ),
            models.CheckConstraint(
                condition=models.Q(discharged_on__isnull=True)
                | models.Q(discharged_on__gte=models.F("admitted_on")),
                name="admissions_discharged_on_after_admitted_on",
            ),
            # An open admission has no discharge data; a discharged one has all of it.
            models.CheckConstraint(
                condition=(
                    models.Q(
                        status=AdmissionStatus.ADMITTED,
                        discharged_on__isnull=True,
                        discharged_at__isnull=True,
                        discharged_by__isnull=True,
                    )
                    | models.Q(
                        status=AdmissionStatus.DISCHARGED,
                        discharged_on__isnull=False,
                        discharged_at__isnull=False,
                        discharged_by__isnull=False,
                    )
                ),
                name="admissions_status_matches_discharge",
            ),
            models.CheckConstraint(
                condition=models.Q(room_charge_per_day__isnull=True)
                | models.Q(room_charge_per_day__gte=0),
                name="admissions_room_charge_per_day_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"Admission #{self.pk}"
