from __future__ import annotations

from django.conf import settings
from django.db import models

from hms.common.models import TimeStampedModel


class Patient(TimeStampedModel):
    """The clinical profile of a user whose role is PATIENT."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="patient"
    )
    mobile = models.CharField(max_length=20)
    address = models.CharField(max_length=500)
    symptoms = models.TextField(max_length=2000)
    date_of_birth = models.DateField(null=True, blank=True)
    # The doctor the patient asked for at sign-up; the admin decides the assigned doctor.
    preferred_doctor = models.ForeignKey(
        "doctors.Doctor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="preferred_by",
    )
    assigned_doctor = models.ForeignKey(
        "doctors.Doctor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="patients",
    )

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["created_at", "id"], name="patients_created_id")]

    def __str__(self) -> str:
        return f"Patient #{self.pk}"

    @property
    def full_name(self) -> str:
        return self.user.full_name
