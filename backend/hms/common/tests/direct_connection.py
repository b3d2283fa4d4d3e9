"""A PostgreSQL connection of its own to the test database, beside Django's (autocommit)."""

from __future__ import annotations

from typing import Any

import psycopg
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
