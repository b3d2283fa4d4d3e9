"""Request throttles that cost one cache round trip: fixed windows counted with INCR.

DRF's throttles keep a list of every request's time under one key (a sliding window): each
request reads the list, trims it and writes it back, two round trips and a list of up to
`rate` timestamps pickled each way. These count requests per fixed window instead: one key per
client and window (`<key>:<window number>`), incremented and given its expiry in a single
round trip on Redis (one script: `INCR`, and `EXPIRE` when the key is new; sent by its digest,
`EVALSHA`). The Redis client object is made once per cache and reused (Django's cache makes a
new one, with its table of reply handlers, for every call). A client may make at most `rate`
requests in each window, so at most twice the rate across a window boundary; Retry-After is
the time until the window ends.

Other caches (the in-process cache of `make run` and the tests) count with `add` + `incr`.
"""

from __future__ import annotations

from typing import Any

import redis
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache
from rest_framework.request import Request
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle, UserRateThrottle

# INCR the counter; a counter just created (1) gets its expiry. Atomic on the server.
_COUNT_HIT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
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
    if isinstance(cache, RedisCache):
        full_key = cache.make_and_validate_key(key)
        return int(_counter_script(cache)(keys=[full_key], args=[timeout]))
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

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        if self.duration is None or self.num_requests is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        self._window_ends_at = (window + 1) * self.duration
        count = count_hit(caches["default"], f"{self.key}:{window}", timeout=int(self.duration) + 1)
        return count <= self.num_requests

    def wait(self) -> float:
        return max(self._window_ends_at - self.now, 1.0)


class FixedWindowUserRateThrottle(FixedWindowMixin, UserRateThrottle):
    """The per-client budget (`user`): per account when signed in, else per address."""


class FixedWindowScopedRateThrottle(FixedWindowMixin, ScopedRateThrottle):
    """The named budget of an operation with a `throttle_scope` (login, refresh, sign-up)."""

    def allow_request(self, request: Request, view: Any) -> bool:
        # As ScopedRateThrottle: the scope and its rate come from the view, at request time.
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)
