"""Per-account lockout: too many failed passwords for one username lock it for a while.

On top of the per-address throttle. Counters live in the shared cache (Redis in production), so
every worker and replica counts together. The username is counted whether or not an account
has it, so a lockout says nothing about which usernames exist.

Each attempt takes its number from an atomic counter *before* the password is checked: with any
number of workers racing, exactly HMS_LOCKOUT_ATTEMPTS attempts are answered in a window, the
next ones are refused without spending a hash. The lock lasts the next of HMS_LOCKOUT_MINUTES
(1, 5, 15 by default), the last one repeating; a successful sign-in starts over.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache

from hms.accounts.errors import AccountLocked
from hms.accounts.models import User
from hms.audit.models import AuditOutcome
from hms.audit.services import audit_record

# How long the lock level is remembered after a lockout (then the next lock is short again).
_LEVEL_MEMORY_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class LoginAttempt:
    key: str
    number: int  # 1 for the first attempt of the window


def _key(username: str) -> str:
    digest = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    return f"hms:lockout:{digest}"


def _locked_for(key: str, at: datetime) -> int:
    until = cache.get(f"{key}:until")
    if until is None:
        return 0
    return max(math.ceil(float(until) - at.timestamp()), 0)


def lockout_attempt_begin(*, username: str, at: datetime) -> LoginAttempt:
    """Count one password attempt for `username`, before the password is checked.

    Raises AccountLocked (with the seconds to wait) while the username is locked, and for an
    attempt beyond HMS_LOCKOUT_ATTEMPTS in the window.
    """
    key = _key(username)
    wait = _locked_for(key, at)
    if wait > 0:
        raise AccountLocked(retry_after=wait)
    window = settings.HMS_LOCKOUT_WINDOW_MINUTES * 60
    cache.add(f"{key}:count", 0, timeout=window)
    try:
        number = cache.incr(f"{key}:count")
    except ValueError:  # the window expired between add and incr
        cache.add(f"{key}:count", 1, timeout=window)
        number = 1
    if number > settings.HMS_LOCKOUT_ATTEMPTS:
        # Raced past the limit while the attempt that reached it was checking its password.
        raise AccountLocked(retry_after=max(_locked_for(key, at), 1))
    return LoginAttempt(key=key, number=number)


def lockout_attempt_failed(*, attempt: LoginAttempt, user: User | None, at: datetime) -> None:
    """Record that the attempt's password was wrong; the last allowed one locks the username.

    Each lockout lasts longer (HMS_LOCKOUT_MINUTES) and writes an `auth.lockout` audit event.
    """
    if attempt.number < settings.HMS_LOCKOUT_ATTEMPTS:
        return
    key = attempt.key
    cache.add(f"{key}:level", 0, timeout=_LEVEL_MEMORY_SECONDS)
    try:
        level = cache.incr(f"{key}:level")
    except ValueError:
        cache.add(f"{key}:level", 1, timeout=_LEVEL_MEMORY_SECONDS)
        level = 1
    cache.touch(f"{key}:level", _LEVEL_MEMORY_SECONDS)
    steps = settings.HMS_LOCKOUT_MINUTES
    minutes = steps[min(level, len(steps)) - 1]
    cache.set(f"{key}:until", at.timestamp() + minutes * 60, timeout=minutes * 60)
    cache.delete(f"{key}:count")  # the next window starts when the lock ends
    audit_record(
        actor=user,
        action="auth.lockout",
        object_type="user" if user is not None else "",
        object_id=user.pk if user is not None else "",
        outcome=AuditOutcome.FAILURE,
        at=at,
    )


def lockout_clear(*, attempt: LoginAttempt) -> None:
    """The right password: the username's failures and lock level are forgotten."""
    cache.delete_many([f"{attempt.key}:count", f"{attempt.key}:level"])
