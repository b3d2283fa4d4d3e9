from __future__ import annotations

from django.conf import settings
from django.db import models

from hms.common.models import TimeStampedModel


class AppointmentStatus(models.TextChoices):
    PENDING = "PENDING", "Pending approval"  # a patient's request; holds the slot until decided
    CONFIRMED = "CONFIRMED", "Confirmed"  # booked by an admin or approved; the visit will happen
    REJECTED = "REJECTED", "Rejected"  # an admin refused the request (with a reason); slot freed
    CANCELLED = "CANCELLED", "Cancelled"  # withdrawn by the patient or an admin; slot freed
    COMPLETED = "COMPLETED", "Completed"  # the doctor attended it; kept as history


# Allowed appointment status transitions; anything else is INVALID_STATE.
APPOINTMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    AppointmentStatus.PENDING: frozenset(
        {AppointmentStatus.CONFIRMED, AppointmentStatus.REJECTED, AppointmentStatus.CANCELLED}
    ),
    AppointmentStatus.CONFIRMED: frozenset(
        {AppointmentStatus.CANCELLED, AppointmentStatus.COMPLETED}
    ),
    AppointmentStatus.REJECTED: frozenset(),
    AppointmentStatus.CANCELLED: frozenset(),
    AppointmentStatus.COMPLETED: frozenset(),
}

# The statuses that hold a slot: at most one such appointment per doctor and per patient per start.
SLOT_HOLDING_STATUSES: tuple[str, ...] = (AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED)


class Appointment(TimeStampedModel):
    """A patient's visit to a doctor in one slot of the hospital's grid."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="appointments"
    )
    doctor = models.ForeignKey(
        "doctors.Doctor", on_delete=models.PROTECT, related_name="appointments"
    )
    starts_at = models.DateTimeField()
    # Stored rather than derived so that a later change of HMS_SLOT_MINUTES never moves a booking.
    ends_at = models.DateTimeField()
    reason = models.TextField(max_length=1000)
    status = models.CharField(max_length=16, choices=AppointmentStatus.choices)
    status_changed_at = models.DateTimeField()
    # The reason given with the latest transition (a rejection or a cancellation).
    status_reason = models.CharField(max_length=500, blank=True, default="")
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]
        # Every list is ordered by (starts_at, id), either way: the whole list, a status, a
        # doctor's and a patient's each have an index in that order, so a page reads its rows
        # from the index instead of sorting all the matching ones.
        indexes = [
            models.Index(fields=["starts_at", "id"], name="appointments_start_id"),
            models.Index(fields=["status", "starts_at", "id"], name="appointments_status_start_id"),
            models.Index(fields=["doctor", "starts_at", "id"], name="appointments_doctor_start_id"),
            models.Index(
                fields=["patient", "starts_at", "id"], name="appointments_patient_start_id"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["doctor", "starts_at"],
                condition=models.Q(status__in=SLOT_HOLDING_STATUSES),
                name="appointments_doctor_slot_unique",
            ),
            models.UniqueConstraint(
                fields=["patient", "starts_at"],
                condition=models.Q(status__in=SLOT_HOLDING_STATUSES),
                name="appointments_patient_slot_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="appointments_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AppointmentStatus.values),
                name="appointments_status_valid",
            ),
            # A patient is always told why their request was refused.
            models.CheckConstraint(
                condition=~models.Q(status=AppointmentStatus.REJECTED)
                | ~models.Q(status_reason=""),
                name="appointments_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Appointment #{self.pk}"


class AppointmentEvent(models.Model):
    """One status change of an appointment: who, when, from what to what, and why.

    Append-only: the database refuses UPDATE (and, on PostgreSQL, DELETE) of these rows.
    Creation is recorded with an empty `from_status`.
    """

    appointment = models.ForeignKey(Appointment, on_delete=models.PROTECT, related_name="events")
    from_status = models.CharField(
        max_length=16, choices=AppointmentStatus.choices, blank=True, default=""
    )
    to_status = models.CharField(max_length=16, choices=AppointmentStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    reason = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_status__in=AppointmentStatus.values),
                name="appointments_event_to_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Appointment #{self.appointment_id}: {self.from_status or '-'} -> {self.to_status}"
