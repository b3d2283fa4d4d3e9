"""Password reset by e-mail: a single-use link, valid HMS_PASSWORD_RESET_MINUTES (30)."""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from hms.accounts.errors import InvalidResetLink
from hms.accounts.models import AccountStatus, SessionEndReason, User
from hms.accounts.services import user_set_password
from hms.audit.services import audit_record


class _ResetTokens(PasswordResetTokenGenerator):
    """Django's reset tokens with the clock injected.

    A token hashes the account's password hash (and e-mail), so it stops working once the
    password changes: each link is usable once.
    """

    key_salt = "hms.accounts.password_reset"

    def __init__(self, *, at: datetime) -> None:
        super().__init__()
        self._at = at

    def _now(self) -> datetime:
        return self._at.astimezone(UTC).replace(tzinfo=None)


def _resettable() -> Q:
    return Q(status=AccountStatus.APPROVED, is_active=True) & ~Q(email="")


def password_reset_request(*, login: str, site_url: str, at: datetime) -> int:
    """E-mail a reset link to the approved account(s) whose username or e-mail is `login`.

    Says nothing to the caller about whether anything matched; returns how many mails went out.
    """
    login = login.strip()
    if not login:
        return 0
    users = list(
        User.objects.filter(_resettable())
        .filter(Q(username__iexact=login) | Q(email__iexact=login))
        .order_by("pk")
    )
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    for user in users:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = _ResetTokens(at=at).make_token(user)
        link = f"{site_url.rstrip('/')}/reset-password?uid={uid}&token={token}"
        send_mail(
            subject=f"Reset your {settings.HMS_HOSPITAL_NAME} password",
            message=(
                f"Hello {user.first_name or user.username},\n\n"
                f"Someone (hopefully you) asked to reset the password of the account "
                f"{user.username}. Open this link within {minutes} minutes to choose a new "
                f"password:\n\n{link}\n\n"
                "The link works once. If you did not ask for it, ignore this message: your "
                "password stays as it is.\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
        audit_record(
            actor=user,
            action="auth.password_reset_request",
            object_type="user",
            object_id=user.pk,
            at=at,
        )
    return len(users)


def password_reset_confirm(*, uid: str, token: str, new_password: str, at: datetime) -> User:
    """Set a new password through a reset link; every session of the account ends.

    Raises InvalidResetLink for a malformed, expired or used link, or one whose account is no
    longer approved; ValidationFailed (`new_password`) for a password the validators refuse.
    """
    try:
        user_id = int(force_str(urlsafe_base64_decode(uid)))
    except (ValueError, TypeError, OverflowError) as error:
        raise InvalidResetLink() from error
    with transaction.atomic():
        user = User.objects.select_for_update(no_key=True).filter(_resettable(), pk=user_id).first()
        if user is None or not _ResetTokens(at=at).check_token(user, token):
            raise InvalidResetLink()
        user_set_password(
            user=user,
            password=new_password,
            field="new_password",
            at=at,
            reason=SessionEndReason.PASSWORD_RESET,
        )
        audit_record(
            actor=user, action="auth.password_reset", object_type="user", object_id=user.pk, at=at
        )
    return user
