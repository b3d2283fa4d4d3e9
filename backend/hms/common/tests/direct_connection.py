"""PostgreSQL helpers for tests: a connection of its own beside Django's, the WAL flush count."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from django.db import connection


def direct_connection(
    *, user: str | None = None, password: str | None = None, **extra: Any
) -> psycopg.Connection:
    """Connect to the database Django's connection uses, as its user unless `user` is given."""
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        dbname=settings["NAME"],
        user=user if user is not None else settings["USER"],
        password=password if password is not None else settings["PASSWORD"],
        autocommit=True,
        **extra,
    )


def wal_flushes() -> int:
    """The cluster's count of WAL flushes (fsync calls), this session's own included."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW fsync")
        if cursor.fetchone()[0] != "on":
            pytest.skip("the server runs with fsync off: no flush to count")
        cursor.execute("SELECT pg_stat_force_next_flush()")
    # The session reports its statistics when it goes idle between the two statements.
    with connection.cursor() as cursor:
        cursor.execute("SELECT wal_sync FROM pg_stat_wal")
        return int(cursor.fetchone()[0])
