"""Timestamps read from PostgreSQL by psycopg's compiled loader, as Django would read them.

Django reads every `timestamptz` value through a loader of its own, a Python subclass of
psycopg's pure-Python one that replaces each value's time zone with the connection's (UTC).
With psycopg's C extension installed, that costs about 7 µs a value against under 1 µs for the
extension's own loader: a page of 25 appointments carries a hundred of them. The extension's
loader gives each value the time zone of the session, which Django sets to the connection's
own when it connects; where that is UTC (`USE_TZ` on and no TIME_ZONE for the database, the
case of HMS), both loaders give the same `datetime`, with `datetime.timezone.utc`.

`use_compiled_timestamp_loader` (connected to `connection_created`) registers, on such a
connection, a loader that hands each value to the extension's. It keeps Django's `timezone`
attribute, which Django compares with the connection's before each cursor to decide whether
to register its own loader on that cursor; a connection in any other time zone, or without
the extension, keeps Django's loader.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper


def _compiled_loader() -> type | None:
    """psycopg's compiled `timestamptz` text loader, or None without the C extension."""
    try:
        from psycopg.adapt import Loader
        from psycopg.postgres import adapters, types
        from psycopg.pq import Format
        from psycopg.types.datetime import TimestamptzLoader
    except ImportError:
        return None
    oid = types["timestamptz"].oid
    compiled = adapters.get_loader(oid, Format.TEXT)
    if compiled is None or compiled is TimestamptzLoader:
        return None

    class CompiledUtcLoader(Loader):
        """Each value loaded by the extension's own loader; Django's `timezone` beside it."""

        timezone = UTC

        def __init__(self, oid: int, context: Any = None) -> None:
            super().__init__(oid, context)
            # The compiled loader's bound method, called directly: no Python frame per value.
            self.load = compiled(oid, context).load  # type: ignore[method-assign, misc]

        def load(self, data: Any) -> Any:  # replaced per instance above
            raise NotImplementedError

    return CompiledUtcLoader


COMPILED_UTC_LOADER = _compiled_loader()


def use_compiled_timestamp_loader(
    sender: type[BaseDatabaseWrapper], connection: BaseDatabaseWrapper, **kwargs: Any
) -> None:
    """On a new PostgreSQL connection whose session and Django time zone are both UTC, read
    `timestamptz` values with COMPILED_UTC_LOADER."""
    if COMPILED_UTC_LOADER is None or connection.vendor != "postgresql":
        return
    if connection.timezone is not UTC:
        return
    raw = connection.connection
    if raw.info.parameter_status("TimeZone") != "UTC":
        return
    raw.adapters.register_loader("timestamptz", COMPILED_UTC_LOADER)
