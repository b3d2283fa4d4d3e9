"""Account life cycle: creation, login, token rotation, logout, status transitions."""

from __future__ import annotations

import hmac
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hms.accounts.errors import (
    AccountPendingApproval,
    AccountRejected,
    AdminSignupClosed,
    InvalidCredentials,
    InvalidSignupCode,
)
from hms.accounts.lockout import lockout_attempt_begin, lockout_attempt_failed, lockout_clear
from hms.accounts.mfa import MfaChallenge, login_complete
from hms.accounts.models import (
    ACCOUNT_TRANSITIONS,
    AccountStatus,
    Role,
    Session,
    SessionEndReason,
    User,
)
from hms.accounts.selectors import user_get_for_login
from hms.accounts.sessions import (
    TokenPair,
    session_end_by_refresh,
    session_refresh,
    user_sessions_end,
)
from hms.audit.models import AuditOutcome
from hms.audit.services import audit_record, audit_security
from hms.common.errors import InvalidStateError, ValidationFailed

# A hash computed once so that a login for an unknown username spends the same time hashing
# as one for a real account (no username enumeration by timing).
_DUMMY_PASSWORD_HASH: str | None = None


def _dummy_hash() -> str:
    global _DUMMY_PASSWORD_HASH
    if _DUMMY_PASSWORD_HASH is None:
        _DUMMY_PASSWORD_HASH = make_password("not-a-real-password-for-timing")
    return _DUMMY_PASSWORD_HASH


def login_warm_up() -> None:
    """Compute the unknown usernames' hash now (a worker calls this when it starts), so that
    the first sign-in with an unknown username does not take a second hash, and longer."""
    _dummy_hash()


def user_create(
    *,
    username: str,
    password: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    status: str,
    at: datetime,
) -> User:
    """Create a user with a validated password; the caller decides role and status.

    Raises ValidationFailed for a taken username (case-insensitive) or a weak password.
    """
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        role=role,
        status=status,
        is_active=status == AccountStatus.APPROVED,
        status_changed_at=at,
        is_staff=False,
        is_superuser=False,
    )
    try:
        validate_password(password, user=user)
    except DjangoValidationError as error:
        raise ValidationFailed(fields={"password": list(error.messages)}) from error
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationFailed(fields={"username": ["This username is already taken."]})
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:
        # Two sign-ups raced for the same name; the unique index decided.
        raise ValidationFailed(fields={"username": ["This username is already taken."]}) from error
    return user


def admin_signup(
    *,
    actor: User | None,
    username: str,
    password: str,
    first_name: str,
    last_name: str,
    email: str,
    signup_code: str,
    at: datetime,
) -> User:
    """Create an approved admin under the hospital's admin sign-up policy.

    An approved admin's own token is always accepted; otherwise the policy decides: `open`
    accepts anyone, `code` needs the configured code, `closed` refuses (AdminSignupClosed).
    Raises InvalidSignupCode for a wrong code.
    """
    actor_is_admin = actor is not None and actor.role == Role.ADMIN and actor.is_approved
    policy = settings.HMS_ADMIN_SIGNUP
    if not actor_is_admin:
        if policy == "closed":
            raise AdminSignupClosed()
        if policy == "code":
            expected = settings.HMS_ADMIN_SIGNUP_CODE
            if not expected or not hmac.compare_digest(signup_code.encode(), expected.encode()):
                audit_security(actor=None, action="auth.signup_code_wrong", at=at)
                raise InvalidSignupCode()
        elif policy != "open":
            raise AdminSignupClosed()
    with transaction.atomic():
        user = user_create(
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=email,
            role=Role.ADMIN,
            status=AccountStatus.APPROVED,
            at=at,
        )
        audit_record(
            actor=actor if actor_is_admin else user,
            action="admin.signup" if not actor_is_admin else "admin.create",
            object_type="user",
            object_id=user.pk,
            at=at,
        )
    return user


def auth_login(
    *,
    username: str,
    password: str,
    at: datetime,
    user_agent: str = "",
    ip_address: str | None = None,
) -> TokenPair | MfaChallenge:
    """Check the credentials and the account status, then open a session and issue its tokens.

    With two-factor sign-in on, the answer is an MfaChallenge instead (see `hms.accounts.mfa`).

    A wrong password, an unknown username and a deleted account all raise the same
    InvalidCredentials, and count towards the username's lockout (AccountLocked). The right
    password on a pending or rejected account raises AccountPendingApproval or AccountRejected.
    """
    attempt = lockout_attempt_begin(username=username, at=at)
    account = user_get_for_login(username=username)
    if account is None:
        _check_dummy(password)
        audit_record(actor=None, action="auth.login", outcome=AuditOutcome.FAILURE, at=at)
        lockout_attempt_failed(attempt=attempt, user=None, at=at)
        raise InvalidCredentials()
    user = account.user
    if not user.check_password(password) or user.status == AccountStatus.DELETED:
        lockout_attempt_failed(attempt=attempt, user=user, at=at)
        audit_record(
            actor=user,
            action="auth.login",
            object_type="user",
            object_id=user.pk,
            outcome=AuditOutcome.FAILURE,
            at=at,
        )
        raise InvalidCredentials()
    lockout_clear(attempt=attempt)
    if user.status == AccountStatus.PENDING:
        raise AccountPendingApproval()
    if user.status == AccountStatus.REJECTED:
        raise AccountRejected()
    if not user.is_active:
        raise InvalidCredentials()
    return login_complete(
        user=user,
        user_agent=user_agent,
        ip_address=ip_address,
        at=at,
        has_confirmed_mfa=account.has_confirmed_mfa,
    )


def _check_dummy(password: str) -> None:
    check_password(password, _dummy_hash())


def auth_refresh(*, refresh: str, at: datetime) -> TokenPair:
    """Rotate a refresh token (see `session_refresh`). Raises InvalidRefreshToken."""
    return session_refresh(refresh=refresh, at=at)


def auth_logout(*, refresh: str, at: datetime) -> None:
    """End the session of a refresh token. An invalid token is accepted silently (idempotent)."""
    with transaction.atomic():
        session = session_end_by_refresh(refresh=refresh, at=at)
        if session is not None:
            audit_record(
                actor=session.user,
                action="auth.logout",
                object_type="user",
                object_id=session.user_id,
                at=at,
            )


def user_revoke_tokens(
    *, user: User, reason: str, at: datetime, keep: Session | None = None
) -> int:
    """End every session of the user (but `keep`); their access tokens stop working at once."""
    return user_sessions_end(user=user, reason=reason, at=at, keep=keep)


def user_set_status(
    *, actor: User | None, user: User, status: str, reason: str = "", at: datetime
) -> User:
    """Move an account along ACCOUNT_TRANSITIONS; call inside a transaction with `user` locked.

    Raises InvalidStateError when the transition is not allowed from the current status.
    Leaving APPROVED (or never reaching it) deactivates the account and revokes its tokens.
    """
    if status not in ACCOUNT_TRANSITIONS.get(user.status, frozenset()):
        raise InvalidStateError(
            f"An account that is {user.get_status_display().lower()} cannot become "
            f"{AccountStatus(status).label.lower()}."
        )
    user.status = status
    user.is_active = status == AccountStatus.APPROVED
    user.status_changed_at = at
    user.status_reason = reason
    user.save(update_fields=["status", "is_active", "status_changed_at", "status_reason"])
    if not user.is_active:
        user_revoke_tokens(user=user, reason=SessionEndReason.ACCOUNT_CLOSED, at=at)
    return user


def user_set_password(
    *,
    user: User,
    password: str,
    field: str = "password",
    at: datetime | None = None,
    reason: str = SessionEndReason.PASSWORD_RESET,
    keep: Session | None = None,
) -> None:
    """Validate and store a new password, then end every session of the account but `keep`.

    The caller locks the account and writes the audit event. Raises ValidationFailed (on
    `field`) for a password Django's validators refuse.
    """
    try:
        validate_password(password, user=user)
    except DjangoValidationError as error:
        raise ValidationFailed(fields={field: list(error.messages)}) from error
    user.set_password(password)
    user.save(update_fields=["password"])
    user_revoke_tokens(user=user, reason=reason, at=at or timezone.now(), keep=keep)


def user_change_password(
    *,
    user: User,
    current_password: str,
    new_password: str,
    at: datetime,
    current_session: Session | None = None,
) -> None:
    """Change the caller's password after checking the current one; other sessions end.

    Raises ValidationFailed for a wrong current password or a weak new one.
    """
    if not user.check_password(current_password):
        raise ValidationFailed(
            fields={"current_password": ["The current password is not correct."]}
        )
    with transaction.atomic():
        user_set_password(
            user=user,
            password=new_password,
            field="new_password",
            at=at,
            reason=SessionEndReason.PASSWORD_CHANGED,
            keep=current_session,
        )
        audit_record(
            actor=user, action="auth.password_change", object_type="user", object_id=user.pk, at=at
        )


def user_update_contact(*, user: User, data: dict[str, Any], at: datetime) -> User:
    """Update the caller's own names, email and profile contact fields (mobile, address).

    Never touches status, role or the assigned doctor.
    """
    allowed_user_fields = {"first_name", "last_name", "email"}
    allowed_profile_fields = {"mobile", "address"}
    with transaction.atomic():
        user_changes = {k: v for k, v in data.items() if k in allowed_user_fields}
        for key, value in user_changes.items():
            setattr(user, key, value)
        if user_changes:
            user.save(update_fields=list(user_changes))
        profile = getattr(user, "doctor", None) if user.role == Role.DOCTOR else None
        if user.role == Role.PATIENT:
            profile = getattr(user, "patient", None)
        profile_changes = {k: v for k, v in data.items() if k in allowed_profile_fields}
        if profile is not None and profile_changes:
            for key, value in profile_changes.items():
                setattr(profile, key, value)
            profile.save(update_fields=[*profile_changes, "updated_at"])
        audit_record(
            actor=user,
            action="auth.profile_update",
            object_type="user",
            object_id=user.pk,
            patient=getattr(user, "patient", None) if user.role == Role.PATIENT else None,
            at=at,
        )
    return user
