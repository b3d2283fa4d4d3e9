from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower


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


class User(AbstractUser):
    """Every person who logs in. Exactly one role; `status` gates login (ACCOUNT_TRANSITIONS)."""

    role = models.CharField(max_length=16, choices=Role.choices)
    status = models.CharField(
        max_length=16, choices=AccountStatus.choices, default=AccountStatus.PENDING
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.CharField(max_length=500, blank=True, default="")

    objects = HmsUserManager()  # type: ignore[misc]

    class Meta:
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
