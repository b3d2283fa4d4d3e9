"""Request throttles that cost one cache round trip: fixed windows counted with INCR.

DRF's throttles keep a list of every request's time under one key (a sliding window): each
request reads the list, trims it and writes it back, two round trips and a list of up to
`rate` timestamps pickled each way. These count requests per fixed window instead: one key per
client and window (`<key>:<window number>`), incremented and given its expiry in a single
round trip on Redis (one script: `INCR`, and `EXPIRE` when the key is new; sent by its digest,
`EVALSHA`). The script object is made once per cache and reused, bound to the cache's client
for its write server. A client may make at most `rate` requests in each window, so at most
twice the rate across a window boundary; Retry-After is the time until the window ends.

All the fixed-window budgets of one request (the per-client one, and an operation's named one
such as `login`) are counted together, in that one round trip (`throttles_check`).

Other caches (the in-process cache of `make run` and the tests) count with `add` + `incr`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import redis
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache
from rest_framework.request import Request
from rest_framework.throttling import (
    BaseThrottle,
    ScopedRateThrottle,
    SimpleRateThrottle,
    UserRateThrottle,
)

# INCR each counter; a counter just created (1) gets its expiry (ARGV[i] for KEYS[i]). Atomic on
# the server; answers the counts in the order of the keys.
_COUNT_HIT_SCRIPT = """
local counts = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, ARGV[i]) end
  counts[i] = count
end
return counts
"""


def _counter_script(cache: RedisCache) -> Any:
    """The counting script bound to a Redis client of `cache`'s write server, made once."""
    cache_client = cache._cache
    script = getattr(cache_client, "_hms_count_hit", None)
    if script is None:
        client: redis.Redis = cache_client.get_client(write=True)
        script = client.register_script(_COUNT_HIT_SCRIPT)
        cache_client._hms_count_hit = script  # type: ignore[attr-defined]
    return script


def count_hit(cache: BaseCache, key: str, *, timeout: int) -> int:
    """Add one to the counter `key` (created at 1, expiring after `timeout` s); return it."""
    return count_hits(cache, [(key, timeout)])[0]


def count_hits(cache: BaseCache, hits: Sequence[tuple[str, int]]) -> list[int]:
    """`count_hit` for each (key, timeout), in one round trip on Redis; the counts in order."""
    if isinstance(cache, RedisCache):
        keys = [cache.make_and_validate_key(key) for key, _ in hits]
        counts = _counter_script(cache)(keys=keys, args=[timeout for _, timeout in hits])
        return [int(count) for count in counts]
    return [_count_hit_elsewhere(cache, key, timeout=timeout) for key, timeout in hits]


def _count_hit_elsewhere(cache: BaseCache, key: str, *, timeout: int) -> int:
    if cache.add(key, 1, timeout):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout)
        return 1


class FixedWindowMixin(SimpleRateThrottle):
    """`allow_request` and `wait` for a SimpleRateThrottle, counted per fixed window."""

    _window_ends_at: float = 0.0
    num_requests: int | None
    duration: int | None

    def window_hit(self, request: Request, view: Any) -> tuple[str, int] | None:
        """The counter (key, timeout) this request adds one to, or None when it is not counted."""
        if self.rate is None:
            return None
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return None
        if self.duration is None or self.num_requests is None:
            return None
        self.now = self.timer()
        window = int(self.now // self.duration)
        self._window_ends_at = (window + 1) * self.duration
        return f"{self.key}:{window}", int(self.duration) + 1

    def allows(self, count: int) -> bool:
        """Whether the request that brought the window's counter to `count` may go on."""
        return self.num_requests is None or count <= self.num_requests

    def allow_request(self, request: Request, view: Any) -> bool:
        hit = self.window_hit(request, view)
        if hit is None:
            return True
        key, timeout = hit
        return self.allows(count_hit(caches["default"], key, timeout=timeout))

    def wait(self) -> float:
        return max(self._window_ends_at - self.now, 1.0)


class FixedWindowUserRateThrottle(FixedWindowMixin, UserRateThrottle):
    """The per-client budget (`user`): per account when signed in, else per address."""


class FixedWindowScopedRateThrottle(FixedWindowMixin, ScopedRateThrottle):
    """The named budget of an operation with a `throttle_scope` (login, refresh, sign-up)."""

    def window_hit(self, request: Request, view: Any) -> tuple[str, int] | None:
        # As ScopedRateThrottle: the scope and its rate come from the view, at request time.
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return None
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().window_hit(request, view)


def throttles_check(
    throttles: Sequence[BaseThrottle], request: Request, view: Any
) -> list[float | None]:
    """The wait (seconds, or None) of each throttle that refuses the request; empty when all
    allow it.

    The fixed-window throttles' counters are counted together (`count_hits`: one round trip on
    Redis), any other throttle as DRF does. Every budget counts the request, refused or not.
    """
    refusing: list[BaseThrottle] = []
    counted: list[tuple[FixedWindowMixin, tuple[str, int]]] = []
    for throttle in throttles:
        if isinstance(throttle, FixedWindowMixin):
            hit = throttle.window_hit(request, view)
            if hit is not None:
                counted.append((throttle, hit))
        elif not throttle.allow_request(request, view):
            refusing.append(throttle)
    if counted:
        counts = count_hits(caches["default"], [hit for _, hit in counted])
        refusing += [
            throttle
            for (throttle, _), count in zip(counted, counts, strict=True)
            if not throttle.allows(count)
        ]
    return [throttle.wait() for throttle in refusing]
