"""Per-engine connection options that keep the database answering under concurrent requests."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

# How long a SQLite writer waits for the write lock before giving up (seconds). Requests queue
# behind each other instead of failing with "database is locked".
SQLITE_BUSY_TIMEOUT_SECONDS = 20

# After how many runs on one connection a PostgreSQL statement becomes a server-side prepared
# statement (psycopg's own default): one-off statements are never prepared.
PREPARE_THRESHOLD = 5


_Config = TypeVar("_Config", bound=Mapping[str, Any])


def harden_database(database: _Config, *, prepared_statements: bool = True) -> _Config:
    """Return `database` (a DATABASES entry) with the options every deployment of HMS needs.

    Every engine checks a persistent connection before reusing it, so a database that restarts
    costs one failed request at most instead of one per stale connection.

    SQLite (the `make run` default and the test suite) gets write-ahead logging, so readers
    never block the writer; a busy timeout, so writers wait for each other; and
    `BEGIN IMMEDIATE` transactions, so a transaction takes the write lock when it starts
    instead of failing when a read inside it turns into a write while another writer holds
    the lock (SQLite gives up at once in that case, whatever the timeout).

    PostgreSQL, when `prepared_statements` (the default), binds parameters on the server and
    prepares every statement a connection has run PREPARE_THRESHOLD times. Planning a list's
    page query (five or six joined tables) costs the server more than running it; a prepared
    statement is planned once per connection and then runs on a cached plan, which PostgreSQL
    keeps generic only while a generic plan costs no more than a planned one. Turn it off only
    behind a pooler that cannot keep a statement on one connection (PgBouncer in transaction
    mode before 1.21).
    """
    hardened: dict[str, Any] = {**database, "CONN_HEALTH_CHECKS": True}
    if hardened.get("ENGINE") == "django.db.backends.sqlite3":
        options = dict(hardened.get("OPTIONS") or {})
        options.setdefault("timeout", SQLITE_BUSY_TIMEOUT_SECONDS)
        options.setdefault("transaction_mode", "IMMEDIATE")
        options.setdefault(
            "init_command",
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        )
        hardened["OPTIONS"] = options
    elif hardened.get("ENGINE") == "django.db.backends.postgresql" and prepared_statements:
        options = dict(hardened.get("OPTIONS") or {})
        options.setdefault("server_side_binding", True)
        options.setdefault("prepare_threshold", PREPARE_THRESHOLD)
        hardened["OPTIONS"] = options
    return cast(_Config, hardened)
