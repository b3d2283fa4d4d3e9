"""Per-account lockout: 5 failed passwords for a username lock it, 1 then 5 then 15 minutes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from unittest import mock

import pytest
from django.test import override_settings
from django.utils import timezone

from hms.accounts import lockout
from hms.accounts.errors import AccountLocked, InvalidCredentials
from hms.accounts.services import auth_login
from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.audit.models import AuditEvent
from hms.common.tests.isolated_redis import IsolatedRedis

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
WRONG = "definitely-not-the-password"


def attempt(username, password, at):
    """The outcome of one login: "ok", "wrong" or the seconds a lock asks to wait."""
    try:
        auth_login(username=username, password=password, at=at)
    except InvalidCredentials:
        return "wrong"
    except AccountLocked as locked:
        return locked.retry_after
    return "ok"


def test_five_failures_lock_the_username_and_the_api_answers_429_with_retry_after(
    api_client, admin_user
):
    body = {"username": "admin.one", "password": WRONG}
    statuses = [api_client.post(TOKEN_URL, body, format="json").status_code for _ in range(5)]

    locked = api_client.post(
        TOKEN_URL, {"username": "admin.one", "password": DEFAULT_PASSWORD}, format="json"
    )

    assert statuses == [401] * 5
    assert locked.status_code == 429
    assert locked["Retry-After"] in {"59", "60"}
    assert locked.json()["code"] == "THROTTLED"
    assert locked.json()["fields"] == {}
    event = AuditEvent.objects.get(action="auth.lockout")
    assert (event.actor_id, event.object_id, event.outcome) == (
        admin_user.pk,
        str(admin_user.pk),
        "FAILURE",
    )


def test_the_lock_grows_one_five_fifteen_minutes_and_stays_at_fifteen(admin_user):
    at = timezone.now()
    seen = []
    for _round in range(4):
        outcomes = [attempt("admin.one", WRONG, at) for _ in range(5)]
        assert outcomes == ["wrong"] * 5
        wait = attempt("admin.one", DEFAULT_PASSWORD, at)
        seen.append(wait)
        assert attempt("admin.one", DEFAULT_PASSWORD, at + timedelta(seconds=wait - 1)) == 1
        at += timedelta(seconds=wait)

    assert seen == [60, 300, 900, 900]
    assert AuditEvent.objects.filter(action="auth.lockout").count() == 4
    assert attempt("admin.one", DEFAULT_PASSWORD, at) == "ok"


def test_unknown_usernames_are_locked_exactly_the_same_way(admin_user):
    at = timezone.now()

    known = [attempt("admin.one", WRONG, at) for _ in range(6)]
    unknown = [attempt("nobody.here", WRONG, at) for _ in range(6)]

    assert known == unknown == ["wrong"] * 5 + [60]
    assert list(
        AuditEvent.objects.filter(action="auth.lockout")
        .order_by("pk")
        .values_list("actor_id", "object_id")
    ) == [(admin_user.pk, str(admin_user.pk)), (None, "")]


def test_the_username_is_counted_case_insensitively(admin_user):
    at = timezone.now()
    for name in ["admin.one", "ADMIN.ONE", "Admin.One", "admin.ONE", " admin.one"]:
        assert attempt(name, WRONG, at) == "wrong"

    assert attempt("admin.one", DEFAULT_PASSWORD, at) == 60


def test_a_successful_sign_in_starts_the_count_over(admin_user):
    at = timezone.now()
    assert [attempt("admin.one", WRONG, at) for _ in range(4)] == ["wrong"] * 4
    assert attempt("admin.one", DEFAULT_PASSWORD, at) == "ok"

    assert [attempt("admin.one", WRONG, at) for _ in range(4)] == ["wrong"] * 4
    assert attempt("admin.one", DEFAULT_PASSWORD, at) == "ok"
    assert AuditEvent.objects.filter(action="auth.lockout").count() == 0


def test_other_usernames_are_not_affected(admin_user, make_doctor):
    make_doctor(user__username="dr.fine")
    at = timezone.now()
    for _ in range(6):
        attempt("admin.one", WRONG, at)

    assert attempt("dr.fine", DEFAULT_PASSWORD, at) == "ok"


@override_settings(HMS_LOCKOUT_ATTEMPTS=2, HMS_LOCKOUT_MINUTES=[3])
def test_attempts_and_durations_are_settings(admin_user):
    at = timezone.now()

    outcomes = [attempt("admin.one", WRONG, at) for _ in range(3)]

    assert outcomes == ["wrong", "wrong", 180]


@pytest.fixture
def redis_lockout(redis_cache: IsolatedRedis) -> Iterator[list[str]]:
    """The lockout counting in a Redis cache of its own; yields the commands sent to Redis."""
    with (
        mock.patch.object(lockout, "caches", {"default": redis_cache.cache}),
        redis_cache.recording() as commands,
    ):
        yield commands


def test_on_redis_an_attempt_is_one_round_trip_and_a_success_one_more(redis_lockout):
    at = timezone.now()
    lockout.lockout_clear(attempt=lockout.lockout_attempt_begin(username="warm.up", at=at))
    redis_lockout.clear()  # the server has learnt the script

    attempt_ = lockout.lockout_attempt_begin(username="someone", at=at)
    begin = list(redis_lockout)
    lockout.lockout_clear(attempt=attempt_)

    assert attempt_.number == 1
    assert begin == ["EVALSHA"]
    assert redis_lockout == ["EVALSHA", "DEL"]


def test_on_redis_the_lock_grows_and_a_success_starts_over(redis_lockout, admin_user):
    at = timezone.now()

    assert [attempt("admin.one", WRONG, at) for _ in range(4)] == ["wrong"] * 4
    assert attempt("admin.one", DEFAULT_PASSWORD, at) == "ok"
    first = [attempt("ADMIN.ONE", WRONG, at) for _ in range(6)]
    still = attempt("admin.one", DEFAULT_PASSWORD, at + timedelta(seconds=30))
    at += timedelta(seconds=60)
    second = [attempt("admin.one", WRONG, at) for _ in range(6)]
    unknown = [attempt("nobody.here", WRONG, at) for _ in range(6)]

    assert first == ["wrong"] * 5 + [60]
    assert still == 30
    assert second == ["wrong"] * 5 + [300]
    assert unknown == ["wrong"] * 5 + [60]
    assert AuditEvent.objects.filter(action="auth.lockout").count() == 3


def test_on_redis_a_lock_whose_time_is_up_counts_the_attempt(redis_lockout, admin_user):
    at = timezone.now()
    assert [attempt("admin.one", WRONG, at) for _ in range(5)] == ["wrong"] * 5

    # The lock's key outlives its time by a moment: the attempt is answered, not refused.
    assert attempt("admin.one", DEFAULT_PASSWORD, at + timedelta(seconds=60)) == "ok"
