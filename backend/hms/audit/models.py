from __future__ import annotations

from django.conf import settings
from django.db import models

from hms.audit.fields import IntegerListField
from hms.common.models import FastLoadingModel


class AuditOutcome(models.TextChoices):
    SUCCESS = "SUCCESS", "Success"  # the action happened
    FAILURE = "FAILURE", "Failure"  # the action was attempted and refused (e.g. a wrong password)


class AuditKind(models.TextChoices):
    CHANGE = "CHANGE", "Change"  # a row was created or changed (approve, admit, discharge, ...)
    ACCESS = "ACCESS", "Access"  # a response carried a patient's personal, clinical or billing data
    SECURITY = "SECURITY", "Security"  # sign-ins, refused attempts, token reuse, lockouts


class AuditEvent(FastLoadingModel):
    """One append-only row per change, read of patient data or security event.

    Who (`actor`, with its role and display name as they were at the time), which patients
    (`patient_ids`: every patient the response named, in one row per request), what (`action`,
    `object_type`/`object_id`, and `detail`: for lists the names of the filters used, never their
    values), when, and the request (`request_id`, `ip_address`).

    The database refuses UPDATE and, on PostgreSQL, DELETE and TRUNCATE of these rows; the
    application's database role may only INSERT and SELECT. Each row carries the hash of the row
    before it (`prev_hash`) and its own (`hash`), so an erased or rewritten row breaks the chain
    that `manage.py audit_verify` walks.
    """

    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=16, choices=AuditKind.choices, default=AuditKind.CHANGE)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_role = models.CharField(max_length=16, blank=True, default="")
    actor_name = models.CharField(max_length=300, blank=True, default="")
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True, default="")
    object_id = models.CharField(max_length=64, blank=True, default="")
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Ids of every patient the event concerns (a list's whole page in one row).
    patient_ids = IntegerListField(default=list, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    outcome = models.CharField(max_length=16, choices=AuditOutcome.choices)
    request_id = models.CharField(max_length=64, blank=True, default="")
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    # Set by the database's chain trigger on PostgreSQL (read back from the INSERT), by the
    # application on SQLite.
    prev_hash = models.CharField(max_length=64, db_default="")
    hash = models.CharField(max_length=64, db_default="")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["actor", "at"], name="audit_actor_at_idx"),
            models.Index(fields=["kind", "at"], name="audit_kind_at_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=AuditOutcome.values), name="audit_outcome_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=AuditKind.values), name="audit_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.action} {self.object_type}#{self.object_id} ({self.outcome})"


class UnusualAccessFlag(models.Model):
    """Raised when one person opened more distinct patients than allowed within a time window.

    `window_start`..`raised_at` is the window; the access events behind the flag are the actor's
    patient openings in it (`event_ids` names them as they were when the flag was raised).
    """

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    actor_role = models.CharField(max_length=16, blank=True, default="")
    actor_name = models.CharField(max_length=300, blank=True, default="")
    raised_at = models.DateTimeField(db_index=True)
    window_start = models.DateTimeField()
    patient_count = models.PositiveIntegerField()
    event_ids = models.JSONField(default=list)

    class Meta:
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(window_start__lte=models.F("raised_at")),
                name="audit_flag_window_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"unusual access by user #{self.actor_id} at {self.raised_at:%Y-%m-%d %H:%M}"
