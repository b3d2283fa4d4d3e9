"""In-app notifications, each person's e-mail preferences, and one delivery row per channel."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hms.common.models import FastLoadingModel


class NotificationKind(models.TextChoices):
    ACCOUNT_SIGNUP_WAITING = "ACCOUNT_SIGNUP_WAITING", "Sign-up waiting for approval"  # admins
    ACCOUNT_APPROVED = "ACCOUNT_APPROVED", "Account approved"  # the person who signed up
    ACCOUNT_REJECTED = "ACCOUNT_REJECTED", "Account not approved"  # the person, with the reason
    APPOINTMENT_REQUESTED = "APPOINTMENT_REQUESTED", "Appointment requested"  # admins
    APPOINTMENT_APPROVED = "APPOINTMENT_APPROVED", "Appointment approved"  # patient and doctor
    APPOINTMENT_REJECTED = "APPOINTMENT_REJECTED", "Appointment request rejected"  # the patient
    APPOINTMENT_CANCELLED = "APPOINTMENT_CANCELLED", "Appointment cancelled"  # patient (+ doctor)
    APPOINTMENT_RESCHEDULED = "APPOINTMENT_RESCHEDULED", "Appointment moved"  # patient (+ doctor)
    APPOINTMENT_REMINDER = "APPOINTMENT_REMINDER", "Appointment reminder"  # patient and doctor
    INVOICE_ISSUED = "INVOICE_ISSUED", "Discharged, invoice issued"  # the patient
    PAYMENT_RECEIVED = "PAYMENT_RECEIVED", "Payment received"  # the patient
    WAITLIST_OFFER = "WAITLIST_OFFER", "Waitlist slot offered"  # the patient first in line
    TIME_OFF_CONFLICT = "TIME_OFF_CONFLICT", "Visits to move (doctor's time off)"  # admins
    UNUSUAL_ACCESS = "UNUSUAL_ACCESS", "Unusual access flagged"  # admins (security)


# Kinds whose e-mail cannot be switched off: the security notice, and the answer to a sign-up
# (a person who is not approved cannot sign in to read it in the app).
MANDATORY_EMAIL_KINDS: frozenset[str] = frozenset(
    {
        NotificationKind.UNUSUAL_ACCESS,
        NotificationKind.ACCOUNT_APPROVED,
        NotificationKind.ACCOUNT_REJECTED,
    }
)


class Notification(FastLoadingModel):
    """One thing one person is told: a short text without clinical details and a page link."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32, choices=NotificationKind.choices)
    text = models.CharField(max_length=300)
    # A path of the web app ("/appointments"), never a full URL: e-mails prefix HMS_SITE_URL.
    link = models.CharField(max_length=200, blank=True, default="")
    # Identifies the event for this recipient ("appointment:7:reminder:<start>"), so an event
    # that may be seen twice (a reminder job running twice) is told once; empty: no such need.
    event_key = models.CharField(max_length=120, blank=True, default="")
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notifications_recipient_new"),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notifications_unread",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=NotificationKind.values),
                name="notifications_kind_valid",
            ),
            models.UniqueConstraint(
                fields=["recipient", "event_key"],
                condition=~models.Q(event_key=""),
                name="notifications_event_once_per_recipient",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for user #{self.recipient_id}"


class NotificationPreference(models.Model):
    """Whether a person wants e-mail for one kind; no row means yes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=32, choices=NotificationKind.choices)
    email = models.BooleanField(default=True)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once"),
            models.CheckConstraint(
                condition=models.Q(kind__in=NotificationKind.values),
                name="notification_preference_kind_valid",
            ),
            # The mandatory kinds are never stored as switched off.
            models.CheckConstraint(
                condition=models.Q(email=True) | ~models.Q(kind__in=sorted(MANDATORY_EMAIL_KINDS)),
                name="notification_preference_mandatory_on",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} e-mail {'on' if self.email else 'off'} for user #{self.user_id}"


class DeliveryChannel(models.TextChoices):
    EMAIL = "EMAIL", "E-mail"


class DeliveryStatus(models.TextChoices):
    PENDING = "PENDING", "Waiting to be sent"  # created with the notification; claimable
    SENDING = "SENDING", "Being sent"  # claimed by one worker; nobody else may send it
    SENT = "SENT", "Sent"  # the mail server accepted it; never sent again
    FAILED = "FAILED", "Failed"  # every retry failed; given up


class NotificationDelivery(models.Model):
    """A notification's delivery over one channel; the unique pair is the idempotency key.

    A worker sends only after moving the row from PENDING to SENDING in one conditional UPDATE,
    so however often the task runs (retries, a redelivered message, two workers), the mail goes
    out at most once: a crash between sending and marking SENT leaves it SENDING, never resent.
    """

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=16, choices=DeliveryChannel.choices)
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The error's class name only (an SMTP reply could quote the message).
    last_error = models.CharField(max_length=100, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"], name="notification_delivery_once_per_channel"
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=DeliveryChannel.values),
                name="notification_delivery_channel_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=DeliveryStatus.values),
                name="notification_delivery_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=DeliveryStatus.SENT) | models.Q(sent_at__isnull=False),
                name="notification_delivery_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} of notification #{self.notification_id}: {self.status}"
