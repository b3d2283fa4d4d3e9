"""Connection options every deployment gets, whatever DATABASE_URL names."""

from __future__ import annotations

from config.database import harden_database


def test_sqlite_gets_wal_a_busy_timeout_and_immediate_transactions():
    database = harden_database(
        {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3", "OPTIONS": {}}
    )
    assert database == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "db.sqlite3",
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def test_postgresql_gets_health_checks_and_prepared_statements_and_keeps_its_options():
    database = harden_database(
        {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "hms",
            "OPTIONS": {"sslmode": "require"},
        }
    )
    assert database == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "hms",
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"sslmode": "require", "server_side_binding": True, "prepare_threshold": 5},
    }


def test_postgresql_without_prepared_statements_keeps_client_side_binding():
    database = harden_database(
        {"ENGINE": "django.db.backends.postgresql", "NAME": "hms", "OPTIONS": {}},
        prepared_statements=False,
    )
    assert database == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "hms",
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {},
    }


def test_an_explicit_postgresql_option_wins_over_the_default():
    database = harden_database(
        {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "hms",
            "OPTIONS": {"prepare_threshold": None},
        }
    )
    assert database["OPTIONS"] == {"prepare_threshold": None, "server_side_binding": True}


def test_the_settings_in_use_are_hardened(settings):
    database = settings.DATABASES["default"]
    assert database["CONN_HEALTH_CHECKS"] is True
    if database["ENGINE"] == "django.db.backends.sqlite3":
        assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    else:
        assert database["OPTIONS"]["server_side_binding"] is True
        assert database["OPTIONS"]["prepare_threshold"] == 5
