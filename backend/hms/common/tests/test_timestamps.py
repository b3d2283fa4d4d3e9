"""PostgreSQL timestamps are read by psycopg's compiled loader, to exactly Django's values."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import DataError, connection

from hms.common.timestamps import COMPILED_UTC_LOADER, use_compiled_timestamp_loader

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's loaders"),
]

# Texts PostgreSQL reads as timestamptz: the session (UTC) answers each in UTC.
TEXTS = [
    "2026-12-07 13:10:44.909220+00",
    "2026-12-07 18:40:44.909220+05:30",
    "2026-03-29 01:30:00+01",
    "2000-02-29 12:00:00.5+00",
    "1970-01-01 00:00:00+00",
    "0001-01-01 00:00:00+00",
    "9999-12-31 23:59:59.999999+00",
    None,
]
_READ = (
    "SELECT text::timestamptz FROM unnest(%s::text[]) WITH ORDINALITY AS given(text, position)"
    " ORDER BY position"
)


def _read(*, djangos_loader: bool) -> list[datetime | None]:
    from django.db.backends.postgresql.psycopg_any import register_tzloader

    with connection.cursor() as cursor:
        if djangos_loader:
            register_tzloader(connection.timezone, cursor.cursor)
        cursor.execute(_READ, [TEXTS])
        return [row[0] for row in cursor.fetchall()]


def test_a_new_connection_reads_timestamps_with_the_compiled_loader() -> None:
    from psycopg.postgres import types
    from psycopg.pq import Format

    assert COMPILED_UTC_LOADER is not None  # psycopg's C extension is a requirement
    connection.ensure_connection()
    loader = connection.connection.adapters.get_loader(types["timestamptz"].oid, Format.TEXT)
    assert loader is COMPILED_UTC_LOADER
    # What Django compares before each cursor: its own loader is not registered on top.
    assert loader.timezone is connection.timezone is UTC


def test_timestamps_read_as_djangos_own_loader_reads_them() -> None:
    compiled = _read(djangos_loader=False)
    django = _read(djangos_loader=True)

    assert compiled == django
    assert [value and value.tzinfo for value in compiled] == [UTC] * 7 + [None]
    assert compiled[:3] == [
        datetime(2026, 12, 7, 13, 10, 44, 909220, tzinfo=UTC),
        datetime(2026, 12, 7, 13, 10, 44, 909220, tzinfo=UTC),
        datetime(2026, 3, 29, 0, 30, tzinfo=UTC),
    ]
    assert compiled[5:7] == [
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    ]


def test_a_timestamp_python_cannot_hold_is_refused_alike() -> None:
    for djangos_loader in (False, True):
        with connection.cursor() as cursor:
            if djangos_loader:
                from django.db.backends.postgresql.psycopg_any import register_tzloader

                register_tzloader(connection.timezone, cursor.cursor)
            with pytest.raises(DataError, match="after year 10K"):
                cursor.execute("SELECT 'infinity'::timestamptz")
                cursor.fetchall()


@pytest.mark.parametrize(
    ("vendor", "timezone", "session"),
    [
        ("postgresql", ZoneInfo("Asia/Kolkata"), "Asia/Kolkata"),  # a database TIME_ZONE
        ("postgresql", None, "UTC"),  # USE_TZ off: Django's loader drops the zone
        ("postgresql", UTC, "Europe/Paris"),  # a session in another zone
        ("sqlite", UTC, "UTC"),
    ],
)
def test_other_connections_keep_djangos_loader(vendor, timezone, session) -> None:
    raw = mock.Mock()
    raw.info.parameter_status.return_value = session
    wrapper = SimpleNamespace(vendor=vendor, timezone=timezone, connection=raw)

    use_compiled_timestamp_loader(type(connection), wrapper)  # type: ignore[arg-type]

    raw.adapters.register_loader.assert_not_called()


def test_a_utc_connection_gets_the_compiled_loader() -> None:
    raw = mock.Mock()
    raw.info.parameter_status.return_value = "UTC"
    wrapper = SimpleNamespace(vendor="postgresql", timezone=UTC, connection=raw)

    use_compiled_timestamp_loader(type(connection), wrapper)  # type: ignore[arg-type]

    raw.adapters.register_loader.assert_called_once_with("timestamptz", COMPILED_UTC_LOADER)
