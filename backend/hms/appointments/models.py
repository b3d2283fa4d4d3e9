from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models

from hms.common.models import FastLoadingModel, TimeStampedModel


class AppointmentStatus(models.TextChoices):
    PENDING = "PENDING", "Pending approval"  # a patient's request; holds the slot until decided
    CONFIRMED = "CONFIRMED", "Confirmed"  # booked by an admin or approved; the visit will happen
    REJECTED = "REJECTED", "Rejected"  # an admin refused the request (with a reason); slot freed
    CANCELLED = "CANCELLED", "Cancelled"  # withdrawn by the patient or an admin; slot freed
    COMPLETED = "COMPLETED", "Completed"  # the doctor attended it; kept as history
    # Confirmed, but not completed by the end of its day (hospital time zone); its doctor may
    # still mark it attended within NO_SHOW_GRACE of its start.
    NO_SHOW = "NO_SHOW", "No-show"
    # A pending request whose time passed undecided, or a waitlist offer nobody accepted in time.
    EXPIRED = "EXPIRED", "Expired"
    # Offered to the first person on the doctor's waitlist: nobody else may book the slot until
    # they accept it (-> PENDING or CONFIRMED) or the offer expires (-> EXPIRED).
    HELD = "HELD", "Held for a waitlist offer"


# Allowed appointment status transitions; anything else is INVALID_STATE. A HELD appointment
# changes only through its waitlist offer (hms.appointments.waitlist).
APPOINTMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    AppointmentStatus.PENDING: frozenset(
        {
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.REJECTED,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.EXPIRED,  # only the scheduled job (hms.appointments.jobs)
        }
    ),
    AppointmentStatus.CONFIRMED: frozenset(
        # NO_SHOW only by the scheduled job.
        {AppointmentStatus.CANCELLED, AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW}
    ),
    AppointmentStatus.REJECTED: frozenset(),
    AppointmentStatus.CANCELLED: frozenset(),
    AppointmentStatus.COMPLETED: frozenset(),
    AppointmentStatus.NO_SHOW: frozenset({AppointmentStatus.COMPLETED}),
    AppointmentStatus.EXPIRED: frozenset(),
    AppointmentStatus.HELD: frozenset(
        {
            AppointmentStatus.PENDING,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.EXPIRED,
            AppointmentStatus.CANCELLED,
        }
    ),
}

# How long after its start a no-show may still be marked attended by its doctor.
NO_SHOW_GRACE = timedelta(days=7)

# The statuses that hold a slot: no two such appointments of one doctor, or of one patient, may
# overlap in time (a database constraint on PostgreSQL; see hms.appointments.rules on SQLite).
SLOT_HOLDING_STATUSES: tuple[str, ...] = (
    AppointmentStatus.PENDING,
    AppointmentStatus.CONFIRMED,
    AppointmentStatus.HELD,
)


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
    # The appointment this one replaced (that one is CANCELLED with reason "rescheduled").
    rescheduled_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rescheduled_to",
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
            # A doctor's list of one status (their confirmed appointments, by default).
            models.Index(
                fields=["doctor", "status", "starts_at", "id"],
                name="appointments_doctor_status_st",
            ),
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


class AppointmentEvent(FastLoadingModel):
    """One status change of an appointment: who, when, from what to what, and why.

    Append-only: the database refuses UPDATE (and, on PostgreSQL, DELETE) of these rows.
    Creation is recorded with an empty `from_status`.
    """

    appointment = models.ForeignKey(Appointment, on_delete=models.PROTECT, related_name="events")
    from_status = models.CharField(
        max_length=16, choices=AppointmentStatus.choices, blank=True, default=""
    )
    to_status = models.CharField(max_length=16, choices=AppointmentStatus.choices)
    # None: the hospital's scheduled job (no-shows, expiries, waitlist offers).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
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


class AvailabilityWindow(models.Model):
    """One stretch of a doctor's weekly template: on `weekday`, from `start_time` to `end_time`.

    Wall-clock times in the hospital's time zone, inside the hospital's working hours. A doctor
    without any window is bookable in all of the hospital's hours.
    """

    doctor = models.ForeignKey(
        "doctors.Doctor", on_delete=models.CASCADE, related_name="availability_windows"
    )
    weekday = models.PositiveSmallIntegerField()  # 0 = Monday ... 6 = Sunday
    start_time = models.TimeField()
    end_time = models.TimeField()

    class Meta:
        ordering = ["doctor", "weekday", "start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["doctor", "weekday", "start_time"], name="appointments_window_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(weekday__gte=0, weekday__lte=6),
                name="appointments_window_weekday_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="appointments_window_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Doctor #{self.doctor_id} day {self.weekday} {self.start_time}-{self.end_time}"


class TimeOff(TimeStampedModel):
    """A stretch of time a doctor is away: [starts_at, ends_at). No two of one doctor overlap."""

    doctor = models.ForeignKey("doctors.Doctor", on_delete=models.CASCADE, related_name="time_off")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    reason = models.CharField(max_length=200, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["doctor", "starts_at"], name="appointments_timeoff_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="appointments_timeoff_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Time off #{self.pk}"


class WaitlistStatus(models.TextChoices):
    WAITING = "WAITING", "Waiting"  # in line for a freed slot
    OFFERED = "OFFERED", "Offered a slot"  # a slot is held for them until `offer_expires_at`
    BOOKED = "BOOKED", "Booked"  # they accepted the offer; the appointment is theirs
    LEFT = "LEFT", "Left the waitlist"  # they (or an admin) took them off the list
    EXPIRED = "EXPIRED", "Expired"  # the offer, or the date range, passed


# Entries still in line: at most one per patient and doctor.
WAITLIST_ACTIVE_STATUSES: tuple[str, ...] = (WaitlistStatus.WAITING, WaitlistStatus.OFFERED)


class WaitlistEntry(TimeStampedModel):
    """A patient waiting for a slot with a doctor on a day between `date_from` and `date_to`.

    First come, first offered: entries are served in `created_at`, then id, order.
    """

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="waitlist_entries"
    )
    doctor = models.ForeignKey(
        "doctors.Doctor", on_delete=models.PROTECT, related_name="waitlist_entries"
    )
    date_from = models.DateField()
    date_to = models.DateField()
    reason = models.TextField(max_length=1000)
    status = models.CharField(max_length=16, choices=WaitlistStatus.choices)
    status_changed_at = models.DateTimeField()
    # The held appointment of the current (or last) offer.
    offer = models.OneToOneField(
        Appointment, on_delete=models.PROTECT, null=True, blank=True, related_name="waitlist_entry"
    )
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["doctor", "status", "created_at"], name="appointments_wait_line"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "doctor"],
                condition=models.Q(status__in=WAITLIST_ACTIVE_STATUSES),
                name="appointments_wait_one_active",
            ),
            models.CheckConstraint(
                condition=models.Q(date_to__gte=models.F("date_from")),
                name="appointments_wait_range_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=WaitlistStatus.values),
                name="appointments_wait_status_valid",
            ),
            # An offer always has its hold and its deadline; nothing else has a deadline.
            models.CheckConstraint(
                condition=~models.Q(status=WaitlistStatus.OFFERED)
                | models.Q(offer__isnull=False, offer_expires_at__isnull=False),
                name="appointments_wait_offer_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"Waitlist entry #{self.pk}"

    @property
    def current_offer(self) -> WaitlistEntry | None:
        """This entry while a slot is held for it (for the `offer` of its answers), else None."""
        return self if self.status == WaitlistStatus.OFFERED and self.offer_id else None
