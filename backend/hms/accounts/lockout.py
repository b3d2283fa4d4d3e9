"""Per-account lockout: too many failed passwords for one username lock it for a while.

On top of the per-address throttle. Counters live in the shared cache (Redis in production), so
every worker and replica counts together. The username is counted whether or not an account
has it, so a lockout says nothing about which usernames exist.

Each attempt takes its number from an atomic counter *before* the password is checked: with any
number of workers racing, exactly HMS_LOCKOUT_ATTEMPTS attempts are answered in a window, the
next ones are refused without spending a hash. The lock lasts the next of HMS_LOCKOUT_MINUTES
(1, 5, 15 by default), the last one repeating; a successful sign-in starts over.

On Redis (production) the check of the lock and the count of the attempt are one round trip (a
script: `GET` of the lock, then `INCR` of the counter, `EXPIRE` when it is new; atomic on the
server), and forgetting them after the right password is one `DEL`, both through one client
made once per cache (Django's cache makes a new client, with its table of reply handlers, for
every call). Other caches (the in-process cache of `make run` and the tests) count with `get`,
`add` and `incr`.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from hms.accounts.errors import AccountLocked
from hms.accounts.models import User
from hms.audit.models import AuditOutcome
from hms.audit.services import audit_record

# How long the lock level is remembered after a lockout (then the next lock is short again).
_LEVEL_MEMORY_SECONDS = 24 * 60 * 60

# KEYS: the lock's key, the counter's key; ARGV: the window in seconds. Answers {0, lock} while
# the username is locked (the counter untouched), else {the attempt's number}.
_BEGIN_SCRIPT = """
local locked = redis.call('GET', KEYS[1])
if locked then return {0, locked} end
local number = redis.call('INCR', KEYS[2])
if number == 1 then redis.call('EXPIRE', KEYS[2], ARGV[1]) end
return {number}
"""


@dataclass(frozen=True)
class LoginAttempt:
    key: str
    number: int  # 1 for the first attempt of the window


def _key(username: str) -> str:
    digest = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    return f"hms:lockout:{digest}"


def _seconds_until(until: Any, at: datetime) -> int:
    if until is None:
        return 0
    return max(math.ceil(float(until) - at.timestamp()), 0)


def _locked_for(key: str, at: datetime) -> int:
    return _seconds_until(caches["default"].get(f"{key}:until"), at)


def _redis_of(cache: RedisCache) -> tuple[redis.Redis, Any]:
    """A client of `cache`'s write server and the begin script bound to it, made once."""
    cache_client = cache._cache
    bound = getattr(cache_client, "_hms_lockout", None)
    if bound is None:
        client: redis.Redis = cache_client.get_client(write=True)
        bound = (client, client.register_script(_BEGIN_SCRIPT))
        cache_client._hms_lockout = bound  # type: ignore[attr-defined]
    return bound


def _count_attempt(key: str, at: datetime) -> int:
    """The attempt's number in the window; raises AccountLocked while the username is locked."""
    cache = caches["default"]
    window = settings.HMS_LOCKOUT_WINDOW_MINUTES * 60
    if isinstance(cache, RedisCache):
        _client, script = _redis_of(cache)
        keys = [
            cache.make_and_validate_key(f"{key}:until"),
            cache.make_and_validate_key(f"{key}:count"),
        ]
        answer = script(keys=keys, args=[window])
        if int(answer[0]) > 0:
            return int(answer[0])
        until = cache._cache._serializer.loads(answer[1])  # type: ignore[attr-defined]
        wait = _seconds_until(until, at)
    else:
        wait = _locked_for(key, at)
    if wait > 0:
        raise AccountLocked(retry_after=wait)
    # Not locked (or a lock whose time is up and whose key has not expired yet).
    cache.add(f"{key}:count", 0, timeout=window)
    try:
        return int(cache.incr(f"{key}:count"))
    except ValueError:  # the window expired between add and incr
        cache.add(f"{key}:count", 1, timeout=window)
        return 1


def lockout_attempt_begin(*, username: str, at: datetime) -> LoginAttempt:
    """Count one password attempt for `username`, before the password is checked.

    Raises AccountLocked (with the seconds to wait) while the username is locked, and for an
    attempt beyond HMS_LOCKOUT_ATTEMPTS in the window.
    """
    key = _key(username)
    number = _count_attempt(key, at)
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
    cache = caches["default"]
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
    cache = caches["default"]
    keys = [f"{attempt.key}:count", f"{attempt.key}:level"]
    if isinstance(cache, RedisCache):
        client, _script = _redis_of(cache)
        client.delete(*(cache.make_and_validate_key(key) for key in keys))
        return
    cache.delete_many(keys)
