"""The fixed-window throttles: a budget per client and window, one cache round trip on Redis."""

from __future__ import annotations

import secrets
from unittest import mock

import pytest
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.test import APIRequestFactory

from hms.common import throttling
from hms.common.throttling import (
    FixedWindowScopedRateThrottle,
    FixedWindowUserRateThrottle,
    count_hit,
    count_hits,
)


def _throttle(rate: str, at: float) -> FixedWindowUserRateThrottle:
    with mock.patch.object(FixedWindowUserRateThrottle, "THROTTLE_RATES", {"user": rate}):
        throttle = FixedWindowUserRateThrottle()
    throttle.timer = lambda: at  # type: ignore[method-assign]
    return throttle


def _anonymous_request(address: str):  # type: ignore[no-untyped-def]
    request = APIRequestFactory().get("/api/v1/doctors/directory/", REMOTE_ADDR=address)
    request.user = None
    return request


@pytest.fixture
def local_cache():  # type: ignore[no-untyped-def]
    cache = LocMemCache(f"throttle-{secrets.token_hex(4)}", {})
    with mock.patch.object(throttling, "caches", {"default": cache}):
        yield cache


def test_a_client_gets_the_rate_per_window_then_429_until_the_window_ends(local_cache):
    start = 6000.0 + 20  # 20 s into a one-minute window
    request = _anonymous_request("203.0.113.7")

    allowed = [_throttle("3/min", start + i).allow_request(request, None) for i in range(4)]
    refused = _throttle("3/min", start + 5)
    refused_answer = refused.allow_request(request, None)
    next_window = _throttle("3/min", 6060.0).allow_request(request, None)

    assert allowed == [True, True, True, False]
    assert refused_answer is False
    assert refused.wait() == 35.0  # until 6060, the end of the window
    assert next_window is True


def test_clients_are_counted_apart(local_cache):
    first, second = _anonymous_request("203.0.113.7"), _anonymous_request("203.0.113.8")

    answers = [_throttle("1/min", 6000.0).allow_request(r, None) for r in (first, second, first)]

    assert answers == [True, True, False]


def test_locmem_counter_starts_at_one_and_counts_up(local_cache):
    assert [count_hit(local_cache, "k", timeout=5) for _ in range(3)] == [1, 2, 3]


def test_redis_counter_is_one_round_trip_with_an_expiry(redis_cache):
    count_hit(redis_cache.cache, "warm-up", timeout=61)  # the server learns the script once
    with redis_cache.recording() as commands:
        counts = [count_hit(redis_cache.cache, "window", timeout=61) for _ in range(3)]
    full_key = redis_cache.cache.make_and_validate_key("window")

    assert counts == [1, 2, 3]
    assert commands == ["EVALSHA"] * 3  # one round trip per request
    assert 0 < redis_cache.client.ttl(full_key) <= 61


def test_redis_counter_keeps_the_expiry_of_its_first_hit(redis_cache):
    full_key = redis_cache.cache.make_and_validate_key("window")
    assert count_hit(redis_cache.cache, "window", timeout=61) == 1
    redis_cache.client.expire(full_key, 5)  # as if 56 s of the window had passed
    assert count_hit(redis_cache.cache, "window", timeout=61) == 2
    assert 0 < redis_cache.client.ttl(full_key) <= 5  # a later hit does not extend the window's key


def test_the_api_answers_429_with_retry_after_past_the_user_budget(api_client, db, local_cache):
    with (
        mock.patch.object(FixedWindowUserRateThrottle, "THROTTLE_RATES", {"user": "2/min"}),
        # One window for all four requests, wherever the clock is in its minute.
        mock.patch.object(throttling.FixedWindowMixin, "timer", lambda _self: 6020.0),
    ):
        statuses = [api_client.get("/api/v1/departments/").status_code for _ in range(3)]
        refused = api_client.get("/api/v1/departments/")

    assert statuses == [200, 200, 429]
    assert refused.json()["code"] == "THROTTLED"
    assert refused["Retry-After"] == "40"


def test_redis_counts_several_counters_in_one_round_trip(redis_cache):
    count_hits(redis_cache.cache, [("warm-up", 61)])  # the server learns the script once
    with redis_cache.recording() as commands:
        first = count_hits(redis_cache.cache, [("client", 61), ("login", 3601)])
        second = count_hits(redis_cache.cache, [("client", 61), ("login", 3601)])

    assert (first, second) == ([1, 1], [2, 2])
    assert commands == ["EVALSHA", "EVALSHA"]
    ttl = redis_cache.client.ttl
    assert 0 < ttl(redis_cache.cache.make_and_validate_key("client")) <= 61
    assert 61 < ttl(redis_cache.cache.make_and_validate_key("login")) <= 3601


def test_a_login_counts_the_client_and_login_budgets_in_one_round_trip(api_client, db, redis_cache):
    rates = {"user": "100/min", "login": "2/min"}
    count_hits(redis_cache.cache, [("warm-up", 61)])
    with (
        mock.patch.object(throttling, "caches", {"default": redis_cache.cache}),
        mock.patch.object(FixedWindowUserRateThrottle, "THROTTLE_RATES", rates),
        mock.patch.object(FixedWindowScopedRateThrottle, "THROTTLE_RATES", rates),
        mock.patch.object(throttling.FixedWindowMixin, "timer", lambda _self: 6020.0),
        redis_cache.recording() as commands,
    ):
        statuses = [
            api_client.post(
                "/api/v1/auth/token/", {"username": "nobody", "password": "x"}, format="json"
            ).status_code
            for _ in range(3)
        ]

    # The third is over the login budget (2 a minute), not over the client's (100).
    assert statuses == [401, 401, 429]
    assert commands == ["EVALSHA"] * 3
    counters = {
        key.decode().rsplit(":", 2)[-2]: int(redis_cache.client.get(key))
        for key in redis_cache.client.scan_iter(f"{redis_cache.cache.key_prefix}:*throttle_*")
    }
    assert counters == {"throttle_user_127.0.0.1": 3, "throttle_login_127.0.0.1": 3}
