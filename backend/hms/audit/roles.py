"""The application's database role: what it may do, granted by the schema owner after migrating.

On PostgreSQL the application connects as its own role (DATABASE_URL), not as the owner of the
tables (MIGRATION_DATABASE_URL). It may read and write every table except the audit log, where
it may only INSERT and SELECT: no UPDATE, DELETE or TRUNCATE, and, not being the owner, no
ALTER TABLE or DROP TRIGGER either.
"""

from __future__ import annotations

from typing import Any

# Tables the application may only append to and read.
APPEND_ONLY_TABLES = ("audit_auditevent",)


def grant_application_role(connection: Any, *, role: str) -> None:
    """Grant `role` the application's privileges in the public schema (PostgreSQL only).

    Run by the owner after every migration, so tables created since are covered.
    """
    if connection.vendor != "postgresql":
        return
    name = connection.ops.quote_name(role)
    tables = ", ".join(connection.ops.quote_name(table) for table in APPEND_ONLY_TABLES)
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {name}")
        cursor.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}"
        )
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}")
        cursor.execute(
            f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {tables} FROM {name}"
        )
