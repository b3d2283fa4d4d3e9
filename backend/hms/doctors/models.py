from __future__ import annotations

from django.conf import settings
from django.db import models

from hms.common.models import FastLoadingModel, TimeStampedModel

# The hospital's departments at installation. The table is the source of
# truth afterwards; a data migration loads these.
INITIAL_DEPARTMENTS: list[tuple[str, str]] = [
    ("CARDIOLOGIST", "Cardiologist"),
    ("DERMATOLOGISTS", "Dermatologists"),
    ("EMERGENCY_MEDICINE_SPECIALISTS", "Emergency Medicine Specialists"),
    ("ALLERGISTS_IMMUNOLOGISTS", "Allergists/Immunologists"),
    ("ANESTHESIOLOGISTS", "Anesthesiologists"),
    ("COLON_AND_RECTAL_SURGEONS", "Colon and Rectal Surgeons"),
]


class Department(FastLoadingModel):
    """A clinical department a doctor belongs to."""

    code = models.CharField(max_length=64, primary_key=True)
    name = models.CharField(max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Doctor(TimeStampedModel):
    """The clinical profile of a user whose role is DOCTOR."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="doctor"
    )
    mobile = models.CharField(max_length=20)
    address = models.CharField(max_length=500)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="doctors")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Doctor #{self.pk}"

    @property
    def full_name(self) -> str:
        return self.user.full_name
