"""How the settings read the environment (config.settings.base.Env, django-environ)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.base import Env, cache_config


def make_env(monkeypatch: pytest.MonkeyPatch, **values: str) -> Env:
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return Env()


def test_an_empty_value_keeps_the_default(monkeypatch):
    env = make_env(monkeypatch, HMS_X_TEXT="", HMS_X_FLAG="", HMS_X_NUMBER="", HMS_X_LIST="")
    assert env.str("HMS_X_TEXT", default="fallback") == "fallback"
    assert env.bool("HMS_X_FLAG", default=True) is True
    assert env.int("HMS_X_NUMBER", default=60) == 60
    assert env.list("HMS_X_LIST", default=["a"]) == ["a"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("ON", True), ("1", True), ("yes", True), ("false", False), ("0", False)],
)
def test_booleans_read_the_usual_words(monkeypatch, raw, expected):
    assert make_env(monkeypatch, HMS_X_FLAG=raw).bool("HMS_X_FLAG", default=False) is expected


def test_a_boolean_that_is_not_one_stops_the_start(monkeypatch):
    env = make_env(monkeypatch, SECURE_SSL_REDIRECT="flase")
    with pytest.raises(ImproperlyConfigured) as raised:
        env.bool("SECURE_SSL_REDIRECT", default=True)
    assert str(raised.value) == "SECURE_SSL_REDIRECT must be a boolean (true/false), got 'flase'."


def test_an_integer_that_is_not_one_stops_the_start(monkeypatch):
    env = make_env(monkeypatch, HMS_SLOT_MINUTES="half an hour")
    with pytest.raises(ImproperlyConfigured) as raised:
        env.int("HMS_SLOT_MINUTES", default=30)
    assert str(raised.value) == "HMS_SLOT_MINUTES must be an integer, got 'half an hour'."


def test_values_are_literal_even_with_a_dollar_sign(monkeypatch):
    env = make_env(monkeypatch, SECRET_KEY="$HOME-is-not-read", HMS_X_TEXT="a\\$b$c")
    assert env.str("SECRET_KEY", default="") == "$HOME-is-not-read"
    assert env.str("HMS_X_TEXT", default="") == "a\\$b$c"


def test_lists_are_comma_separated(monkeypatch):
    env = make_env(monkeypatch, ALLOWED_HOSTS="hms.example.org, 127.0.0.1")
    assert env.list("ALLOWED_HOSTS", default=[]) == ["hms.example.org", "127.0.0.1"]


def test_database_urls_name_the_engine(monkeypatch):
    env = make_env(monkeypatch, DATABASE_URL="postgres://hms:p%24ss@db:5432/hms")
    config = env.db_url("DATABASE_URL", default="sqlite:///x")
    assert (config["ENGINE"], config["NAME"], config["HOST"], config["PORT"]) == (
        "django.db.backends.postgresql",
        "hms",
        "db",
        5432,
    )
    assert config["PASSWORD"] == "p$ss"


def test_list_items_are_trimmed(monkeypatch):
    env = make_env(monkeypatch, CORS_ALLOWED_ORIGINS=" https://a.example , https://b.example,")
    assert env.list("CORS_ALLOWED_ORIGINS", default=[]) == [
        "https://a.example",
        "https://b.example",
    ]


def test_a_redis_cache_url_gives_the_redis_cache_with_its_key_prefix():
    assert cache_config("redis://127.0.0.1:6379/12?key_prefix=smoke-1") == {
        "BACKEND": "hms.common.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/12",
        "KEY_PREFIX": "smoke-1",
        "OPTIONS": {},
    }
    assert cache_config("redis://redis:6379/0") == {
        "BACKEND": "hms.common.cache.RedisCache",
        "LOCATION": "redis://redis:6379/0",
    }


def test_any_other_cache_url_is_the_in_process_cache():
    assert cache_config("locmem://") == {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
