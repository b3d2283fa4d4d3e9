"""Two-factor sign-in with TOTP (RFC 6238: 30 s steps, 6 digits, one step of drift).

With an authenticator confirmed, the password step of a login answers an `MfaChallenge`: a
short-lived, single-use token that a second step exchanges, with a code from the app or a
recovery code, for the session's tokens. Roles in HMS_MFA_REQUIRED_ROLES must enrol: until they
do, their sessions permit the enrolment only.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import uuid4

import pyotp
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction

from hms.accounts.errors import (
    MfaAlreadyEnabled,
    MfaCodeInvalid,
    MfaEnrolmentNotStarted,
    MfaTokenInvalid,
)
from hms.accounts.models import MfaDevice, MfaRecoveryCode, Session, SessionEndReason, User
from hms.accounts.sessions import (
    TokenPair,
    session_start,
    session_start_recorded,
    user_sessions_end,
)
from hms.audit.models import AuditOutcome
from hms.audit.services import audit_record

RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i
_CHALLENGE_SALT = "hms.accounts.mfa.challenge"
# Wrong codes one challenge may take before it is spent (then: sign in again, which counts
# towards the password lockout).
_CHALLENGE_TRIES = 5


@dataclass(frozen=True)
class MfaChallenge:
    token: str


def mfa_required_for(user: User) -> bool:
    return user.role in settings.HMS_MFA_REQUIRED_ROLES


def _confirmed_device(user: User) -> MfaDevice | None:
    return MfaDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def login_complete(
    *,
    user: User,
    user_agent: str,
    ip_address: str | None,
    at: datetime,
    has_confirmed_mfa: bool | None = None,
) -> TokenPair | MfaChallenge:
    """After a right password: a challenge if the account has MFA, else a session.

    An account whose role must use MFA and that has not enrolled gets an enrolment-only
    session. `has_confirmed_mfa`, when the caller read it with the account, saves the query.
    """
    if has_confirmed_mfa is None:
        has_confirmed_mfa = _confirmed_device(user) is not None
    if has_confirmed_mfa:
        challenge_id = uuid4().hex
        cache.set(
            f"hms:mfa:challenge:{challenge_id}", user.pk, timeout=settings.HMS_MFA_CHALLENGE_SECONDS
        )
        token = signing.dumps({"c": challenge_id, "u": user.pk}, salt=_CHALLENGE_SALT)
        return MfaChallenge(token=token)
    _session, pair = session_start_recorded(
        user=user,
        user_agent=user_agent,
        ip_address=ip_address,
        at=at,
        enrolment_only=mfa_required_for(user),
    )
    return pair


def _accept_totp(device: MfaDevice, code: str, at: datetime) -> bool:
    """Accept a code of the current step or one step either side, each step only once."""
    code = code.replace(" ", "")
    if len(code) != 6 or not code.isdigit():
        return False
    totp = pyotp.TOTP(device.secret)
    current = totp.timecode(at)
    for step in (current - 1, current, current + 1):
        if step > device.last_used_step and hmac.compare_digest(totp.generate_otp(step), code):
            device.last_used_step = step
            device.save(update_fields=["last_used_step"])
            return True
    return False


def _normalise_recovery(code: str) -> str:
    return "".join(character for character in code.lower() if character.isalnum())


def _digest(code: str) -> str:
    return hashlib.sha256(_normalise_recovery(code).encode()).hexdigest()


def _accept_recovery_code(user: User, code: str, at: datetime) -> bool:
    if len(_normalise_recovery(code)) != 10:
        return False
    used = MfaRecoveryCode.objects.filter(
        user=user, code_hash=_digest(code), used_at__isnull=True
    ).update(used_at=at)
    return used == 1


def mfa_login_verify(
    *, mfa_token: str, code: str, user_agent: str, ip_address: str | None, at: datetime
) -> TokenPair:
    """Second step of a login: exchange a challenge and a code for the session's tokens.

    The code is a TOTP code (each usable once) or an unused recovery code. Raises
    MfaTokenInvalid for a malformed, expired or spent challenge, MfaCodeInvalid for a wrong
    code (after 5 of them the challenge is spent).
    """
    try:
        data: Any = signing.loads(
            mfa_token, salt=_CHALLENGE_SALT, max_age=settings.HMS_MFA_CHALLENGE_SECONDS
        )
        key, user_id = f"hms:mfa:challenge:{data['c']}", int(data["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise MfaTokenInvalid() from error
    if cache.get(key) != user_id:
        raise MfaTokenInvalid()
    with transaction.atomic():
        user = User.objects.filter(pk=user_id).first()
        device = (
            MfaDevice.objects.select_for_update()
            .filter(user_id=user_id, confirmed_at__isnull=False)
            .first()
        )
        if user is None or not user.is_approved or device is None:
            raise MfaTokenInvalid()
        by_recovery = False
        accepted = _accept_totp(device, code, at)
        if not accepted:
            by_recovery = accepted = _accept_recovery_code(user, code, at)
        if not accepted:
            audit_record(
                actor=user,
                action="auth.mfa_verify",
                object_type="user",
                object_id=user.pk,
                outcome=AuditOutcome.FAILURE,
                at=at,
            )
    if not accepted:
        cache.add(f"{key}:tries", 0, timeout=settings.HMS_MFA_CHALLENGE_SECONDS)
        if cache.incr(f"{key}:tries") >= _CHALLENGE_TRIES:
            cache.delete(key)
        raise MfaCodeInvalid()
    with transaction.atomic():
        if not cache.delete(key):  # a parallel request completed this challenge first
            raise MfaTokenInvalid()
        _session, pair = session_start(
            user=user, user_agent=user_agent, ip_address=ip_address, at=at
        )
        if by_recovery:
            audit_record(
                actor=user,
                action="auth.mfa_recovery_code_use",
                object_type="user",
                object_id=user.pk,
                at=at,
            )
        audit_record(actor=user, action="auth.login", object_type="user", object_id=user.pk, at=at)
    return pair


def mfa_status(*, user: User) -> dict[str, Any]:
    """Whether the account has MFA on, must have it, and how many recovery codes are left."""
    return {
        "enabled": _confirmed_device(user) is not None,
        "required_for_role": mfa_required_for(user),
        "recovery_codes_left": MfaRecoveryCode.objects.filter(
            user=user, used_at__isnull=True
        ).count(),
    }


def mfa_enrol_begin(*, user: User, at: datetime) -> tuple[str, str]:
    """Start (or restart) enrolment: a new secret and its otpauth:// URI for the QR code.

    Raises MfaAlreadyEnabled when the account has a confirmed authenticator.
    """
    with transaction.atomic():
        if (
            MfaDevice.objects.select_for_update()
            .filter(user=user, confirmed_at__isnull=False)
            .exists()
        ):
            raise MfaAlreadyEnabled()
        secret = pyotp.random_base32()
        MfaDevice.objects.update_or_create(
            user=user,
            defaults={
                "secret": secret,
                "created_at": at,
                "confirmed_at": None,
                "last_used_step": 0,
            },
        )
    uri = pyotp.TOTP(secret).provisioning_uri(
        name=user.username, issuer_name=settings.HMS_HOSPITAL_NAME
    )
    return secret, uri


def _new_recovery_codes() -> list[str]:
    codes: set[str] = set()
    while len(codes) < RECOVERY_CODES:
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        codes.add(f"{raw[:5]}-{raw[5:]}")
    return sorted(codes)


def mfa_enrol_confirm(
    *, user: User, code: str, current_session_id: int | None, at: datetime
) -> list[str]:
    """Confirm enrolment with a first code; returns the 10 recovery codes (shown only now).

    The current session, if it was enrolment-only, becomes a full one. Raises
    MfaEnrolmentNotStarted without a pending enrolment, MfaCodeInvalid for a wrong code.
    """
    with transaction.atomic():
        device = (
            MfaDevice.objects.select_for_update()
            .filter(user=user, confirmed_at__isnull=True)
            .first()
        )
        if device is None:
            raise MfaEnrolmentNotStarted()
        if not _accept_totp(device, code, at):
            raise MfaCodeInvalid()
        device.confirmed_at = at
        device.save(update_fields=["confirmed_at"])
        codes = _new_recovery_codes()
        MfaRecoveryCode.objects.filter(user=user).delete()
        MfaRecoveryCode.objects.bulk_create(
            MfaRecoveryCode(user=user, code_hash=_digest(code)) for code in codes
        )
        if current_session_id is not None:
            Session.objects.filter(pk=current_session_id, user=user).update(enrolment_only=False)
        audit_record(
            actor=user, action="auth.mfa_enable", object_type="user", object_id=user.pk, at=at
        )
    return codes


def mfa_reset(*, actor: User | None, user: User, at: datetime) -> None:
    """An admin turns a user's MFA off (a lost phone); the user's sessions end.

    The user enrols again at the next sign-in if their role requires MFA.
    """
    with transaction.atomic():
        MfaDevice.objects.filter(user=user).delete()
        MfaRecoveryCode.objects.filter(user=user).delete()
        user_sessions_end(user=user, reason=SessionEndReason.MFA_RESET, at=at)
        audit_record(
            actor=actor, action="user.mfa_reset", object_type="user", object_id=user.pk, at=at
        )
