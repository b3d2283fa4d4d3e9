from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower

from hms.common.models import FastLoadingModel


class Role(models.TextChoices):
    ADMIN = "ADMIN", "Admin"  # hospital staff who run the system
    DOCTOR = "DOCTOR", "Doctor"  # has a Doctor profile
    PATIENT = "PATIENT", "Patient"  # has a Patient profile


class AccountStatus(models.TextChoices):
    PENDING = "PENDING", "Pending approval"  # self sign-up of a doctor or patient, not reviewed
    APPROVED = "APPROVED", "Approved"  # may log in
    REJECTED = "REJECTED", "Rejected"  # an admin refused the sign-up; cannot log in
    DELETED = "DELETED", "Deleted"  # deactivated by an admin; history that refers to it is kept


# Allowed account status transitions; anything else is INVALID_STATE.
ACCOUNT_TRANSITIONS: dict[str, frozenset[str]] = {
    AccountStatus.PENDING: frozenset(
        {AccountStatus.APPROVED, AccountStatus.REJECTED, AccountStatus.DELETED}
    ),
    AccountStatus.APPROVED: frozenset({AccountStatus.DELETED}),
    AccountStatus.REJECTED: frozenset(),
    AccountStatus.DELETED: frozenset(),
}


class HmsUserManager(UserManager["User"]):
    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(username__iexact=username)


class User(FastLoadingModel, AbstractUser):
    """Every person who logs in. Exactly one role; `status` gates login (ACCOUNT_TRANSITIONS)."""

    role = models.CharField(max_length=16, choices=Role.choices)
    status = models.CharField(
        max_length=16, choices=AccountStatus.choices, default=AccountStatus.PENDING
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.CharField(max_length=500, blank=True, default="")

    objects = HmsUserManager()  # type: ignore[misc]

    class Meta:
        # The patient list is ordered by name (last, first, then the account id as the
        # tie-break); this partial index holds that order, so a page reads its 25 rows from it
        # instead of sorting every patient. (Doctors are the hospital's staff: their list sorts
        # a few hundred rows at most.)
        indexes = [
            models.Index(
                fields=["last_name", "first_name", "id"],
                condition=models.Q(role=Role.PATIENT),
                name="accounts_user_patient_name",
            ),
            # The count of the patient list (every patient but the deleted ones): an index-only
            # scan of this merged with the patients' user_id index, no table read.
            models.Index(
                fields=["id"],
                condition=models.Q(role=Role.PATIENT) & ~models.Q(status=AccountStatus.DELETED),
                name="accounts_user_live_patients",
            ),
            # The dashboard's account counts and approval queue: one range per role and status.
            models.Index(fields=["role", "status"], name="accounts_user_role_status"),
        ]
        constraints = [
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="accounts_user_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AccountStatus.values),
                name="accounts_user_status_valid",
            ),
            # Only an approved account may be active; rejected and deleted ones never log in.
            models.CheckConstraint(
                condition=models.Q(is_active=False) | models.Q(status=AccountStatus.APPROVED),
                name="accounts_user_active_only_when_approved",
            ),
        ]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_approved(self) -> bool:
        return self.status == AccountStatus.APPROVED and self.is_active


class SessionEndReason(models.TextChoices):
    LOGOUT = "LOGOUT", "Signed out"  # the user signed out on this device
    REVOKED = "REVOKED", "Ended by the user"  # from the list of sessions, on another device
    PASSWORD_CHANGED = "PASSWORD_CHANGED", "Password changed"  # other sessions end
    PASSWORD_RESET = "PASSWORD_RESET", "Password reset"  # by e-mail link or by an admin
    ADMIN_ENDED = "ADMIN_ENDED", "Ended by an admin"  # an admin ended every session of the user
    ACCOUNT_CLOSED = "ACCOUNT_CLOSED", "Account no longer approved"  # rejected or deleted
    MFA_RESET = "MFA_RESET", "Two-factor sign-in reset"  # an admin reset the user's MFA
    REFRESH_REUSED = "REFRESH_REUSED", "Refresh token reused"  # a rotated token came back: theft


class Session(FastLoadingModel):
    """One sign-in on one device: it owns the chain of refresh tokens rotation produces.

    The refresh token in use is identified by `refresh_generation`; rotating it increments the
    generation. The previous generation stays usable until `rotated_at` + the grace period and
    answers with the same successor. `expires_at` is fixed at sign-in and never moves.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(
        max_length=32, choices=SessionEndReason.choices, blank=True, default=""
    )
    user_agent = models.CharField(max_length=400, blank=True, default="")
    device_label = models.CharField(max_length=120, blank=True, default="")
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    refresh_generation = models.PositiveIntegerField(default=0)
    rotated_at = models.DateTimeField()
    # A session of an account that must enrol in two-factor sign-in and has not: its tokens
    # permit the enrolment only, until it is confirmed.
    enrolment_only = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["user", "ended_at"], name="accounts_session_user_open")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="accounts_session_expires_after_creation",
            ),
            # An ended session always says why; a live one has no reason.
            models.CheckConstraint(
                condition=(
                    models.Q(ended_at__isnull=True, end_reason="")
                    | models.Q(ended_at__isnull=False, end_reason__in=SessionEndReason.values)
                ),
                name="accounts_session_end_reason_iff_ended",
            ),
        ]

    def __str__(self) -> str:
        return f"session #{self.pk} of user #{self.user_id}"

    def is_live(self, *, at: datetime) -> bool:
        return self.ended_at is None and at < self.expires_at


class MfaDevice(models.Model):
    """The TOTP authenticator of an account (RFC 6238: 30 s steps, 6 digits).

    Unconfirmed until the first code from the app is checked. `last_used_step` makes every code
    usable once: a code is accepted only for a time step after the last one accepted.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mfa_device"
    )
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"authenticator of user #{self.user_id}"


class MfaRecoveryCode(models.Model):
    """One single-use recovery code, stored as a SHA-256 digest (shown once, at enrolment)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mfa_recovery_codes"
    )
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "code_hash"], name="accounts_recovery_code_unique"
            )
        ]

    def __str__(self) -> str:
        return f"recovery code #{self.pk} of user #{self.user_id}"
