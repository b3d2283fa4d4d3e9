from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditOutcome(models.TextChoices):
    SUCCESS = "SUCCESS", "Success"  # the action happened
    FAILURE = "FAILURE", "Failure"  # the action was attempted and refused (e.g. a wrong password)


class AuditEvent(models.Model):
    """One append-only row per security- or care-relevant action (who, what, on which row, when).

    The database itself refuses UPDATE (and, on PostgreSQL, DELETE) of these rows: see the
    trigger migration. No API or admin page edits them.
    """

    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_role = models.CharField(max_length=16, blank=True, default="")
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True, default="")
    object_id = models.CharField(max_length=64, blank=True, default="")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(max_length=16, choices=AuditOutcome.choices)
    request_id = models.CharField(max_length=64, blank=True, default="")
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=AuditOutcome.values), name="audit_outcome_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}#{self.object_id} ({self.outcome})"
