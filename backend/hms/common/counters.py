"""Counters maintained by the database: how many rows of a table are in each group, in O(1).

A counted table has triggers (installed by a migration of the app that owns the table, with
`counter_triggers_sql`) that append a row to `CounterDelta` in the same transaction as every
change: +1 for the group of an inserted row, -1 for the group of a deleted one, and both when an
UPDATE moves a row from one group to another. Every path counts alike (services, bulk_create,
queryset.update, deletes and their cascades, the Django admin, raw SQL), and a rollback takes
its deltas with it, so a counter cannot drift from the rows it counts.

A group is named after the table and the values of its grouping columns, `<table>:<value>...`
(`counter_name`). A counter's value is the sum of its rows (`counter_value`, a scalar subquery to
read with `hms.common.queries.read_together`); `counters_compact`, a scheduled job, folds the
rows of each group into one so the sums stay short.

The migrations that install triggers call `counter_triggers_sql`: changing the SQL it returns
changes no database already migrated, so a change to it needs a migration of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import connection, migrations, transaction
from django.db.models import BigIntegerField, Expression, Model, Q, Subquery, Sum
from django.db.models.expressions import BaseExpression
from django.db.models.functions import Coalesce

from hms.common.models import CounterDelta
from hms.common.queries import count_of

COUNTER_TABLE = CounterDelta._meta.db_table

# The counted tables and their grouping columns, declared by their apps (`counted_table`) for
# the operator's check (`manage.py check_counters`); the triggers come from the migrations.
COUNTED_TABLES: dict[str, tuple[str, ...]] = {}


def counted_table(table: str, columns: tuple[str, ...]) -> None:
    """Declare that a migration counts `table`'s rows by `columns` (from an AppConfig.ready)."""
    COUNTED_TABLES[table] = columns


def counter_name(table: str, *values: str) -> str:
    """Name the group of `table`'s rows whose grouping columns hold `values` (in order)."""
    return ":".join((table, *values))


def counter_value(name: str) -> Expression:
    """A scalar subquery: the value of counter `name` (0 when it has no rows)."""
    summed = (
        CounterDelta.objects.filter(name=name)
        .order_by()
        .values("name")
        .annotate(total=Sum("delta"))
        .values("total")
    )
    return Coalesce(
        Subquery(summed, output_field=BigIntegerField()), 0, output_field=BigIntegerField()
    )


def status_count_subqueries(
    model: type[Model], *, visible: Q, statuses: Mapping[str, str]
) -> dict[str, BaseExpression]:
    """Scalar subqueries counting `model`'s rows matching `visible` in each status, by key.

    With no condition (a viewer who sees every row) each reads the counter the database keeps
    for the status, whatever the size of the table; otherwise each counts the matching rows.
    The model's table must be counted by `status` (`counter_triggers_operation`).
    """
    if not visible:
        table = model._meta.db_table
        return {key: counter_value(counter_name(table, status)) for key, status in statuses.items()}
    rows = model._default_manager.filter(visible)
    return {key: count_of(rows.filter(status=status)) for key, status in statuses.items()}


def counter_values(names: list[str]) -> dict[str, int]:
    """Read the counters `names` in one query; a counter with no rows is 0."""
    rows = (
        CounterDelta.objects.filter(name__in=names)
        .order_by()
        .values("name")
        .annotate(total=Sum("delta"))
        .values_list("name", "total")
    )
    found = dict(rows)
    return {name: int(found.get(name) or 0) for name in names}


def _name_sql(table: str, columns: tuple[str, ...], row: str) -> str:
    # 'accounts_user:' || NEW."role" || ':' || NEW."status"
    parts = [f"'{table}'"]
    for column in columns:
        parts.append(f'{row}"{column}"' if row else f'"{column}"')
    return " || ':' || ".join(parts)


def _counted_sql(table: str, columns: tuple[str, ...]) -> str:
    listed = ", ".join(f'"{column}"' for column in columns)
    name = _name_sql(table, columns, "")
    return f"SELECT {name} AS name, COUNT(*) AS counted FROM {table} GROUP BY {listed}"  # noqa: S608


def _own_sql(table: str) -> str:
    prefix = f"{table}:"
    return f"substr(name, 1, {len(prefix)}) = '{prefix}'"


def _backfill_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {COUNTER_TABLE} (name, delta) {_counted_sql(table, columns)}"


def _forget_sql(table: str) -> str:
    return f"DELETE FROM {COUNTER_TABLE} WHERE {_own_sql(table)}"  # noqa: S608


def counter_triggers_sql(
    *, vendor: str, table: str, columns: tuple[str, ...]
) -> tuple[list[str], list[str]]:
    """Return (install, remove): the SQL statements counting `table`'s rows by `columns`.

    `install` creates the triggers, then adds the current count of each group as one delta
    row. Run in one transaction: on PostgreSQL CREATE TRIGGER locks the table against writes
    until the transaction ends, so no change slips between the triggers and the count. `remove`
    drops the triggers and the table's counter rows. Empty lists for other vendors.
    """
    name_new = _name_sql(table, columns, "NEW.")
    name_old = _name_sql(table, columns, "OLD.")
    listed = ", ".join(f'"{column}"' for column in columns)
    backfill = _backfill_sql(table, columns)
    forget = _forget_sql(table)
    if vendor == "postgresql":
        changed = " OR ".join(f'OLD."{c}" IS DISTINCT FROM NEW."{c}"' for c in columns)
        function = f"{table}_count"
        install = [
            f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO {COUNTER_TABLE} (name, delta) VALUES ({name_old}, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO {COUNTER_TABLE} (name, delta) VALUES ({name_new}, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql""",  # noqa: S608
            f"CREATE TRIGGER {table}_count_insert_delete AFTER INSERT OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER {table}_count_update AFTER UPDATE OF {listed} ON {table} "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {function}()",
            backfill,
        ]
        remove = [
            f"DROP TRIGGER IF EXISTS {table}_count_insert_delete ON {table}",
            f"DROP TRIGGER IF EXISTS {table}_count_update ON {table}",
            f"DROP FUNCTION IF EXISTS {function}()",
            forget,
        ]
        return install, remove
    if vendor == "sqlite":
        changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
        # The delete trigger skips when the counters are empty. A counted row keeps its
        # group's counter above zero, so they are empty only when no counted table has a row,
        # or in the middle of `manage.py flush` (the tests' reset), which on SQLite deletes
        # table after table in no set order and may have emptied the counters first.
        install = [
            f"""CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table}
BEGIN
    INSERT INTO {COUNTER_TABLE} (name, delta) VALUES ({name_new}, 1);
END""",  # noqa: S608
            f"""CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table}
WHEN EXISTS (SELECT 1 FROM {COUNTER_TABLE})
BEGIN
    INSERT INTO {COUNTER_TABLE} (name, delta) VALUES ({name_old}, -1);
END""",  # noqa: S608
            f"""CREATE TRIGGER {table}_count_update AFTER UPDATE OF {listed} ON {table}
WHEN {changed}
BEGIN
    INSERT INTO {COUNTER_TABLE} (name, delta) VALUES ({name_old}, -1), ({name_new}, 1);
END""",  # noqa: S608
            backfill,
        ]
        remove = [
            f"DROP TRIGGER IF EXISTS {table}_count_insert",
            f"DROP TRIGGER IF EXISTS {table}_count_delete",
            f"DROP TRIGGER IF EXISTS {table}_count_update",
            forget,
        ]
        return install, remove
    return [], []


def counter_triggers_operation(*, table: str, columns: tuple[str, ...]) -> migrations.RunPython:
    """The migration operation that installs (and, backwards, removes) the counting of
    `table`'s rows by `columns` (`counter_triggers_sql`, run statement by statement)."""

    def run(schema_editor: Any, *, install: bool) -> None:
        statements = counter_triggers_sql(
            vendor=schema_editor.connection.vendor, table=table, columns=columns
        )[0 if install else 1]
        for statement in statements:
            schema_editor.execute(statement, params=None)

    return migrations.RunPython(
        lambda apps, schema_editor: run(schema_editor, install=True),
        lambda apps, schema_editor: run(schema_editor, install=False),
    )


def counters_compact() -> int:
    """Fold each counter's rows into one row (none when the sum is 0); return the rows left.

    Idempotent, and safe beside concurrent writers: on PostgreSQL one statement deletes the
    rows its snapshot sees and inserts their sums, so rows of transactions not yet committed
    are neither deleted nor summed (they count when they commit); on SQLite the transaction
    holds the write lock (BEGIN IMMEDIATE) from its start.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "WITH gone AS (DELETE FROM common_counterdelta RETURNING name, delta) "
                "INSERT INTO common_counterdelta (name, delta) "
                "SELECT name, SUM(delta) FROM gone GROUP BY name HAVING SUM(delta) <> 0"
            )
            return int(cursor.rowcount)
        cursor.execute("SELECT MAX(id) FROM common_counterdelta")
        (last,) = cursor.fetchone()
        if last is None:
            return 0
        cursor.execute(
            "INSERT INTO common_counterdelta (name, delta) "
            "SELECT name, SUM(delta) FROM common_counterdelta WHERE id <= %s "
            "GROUP BY name HAVING SUM(delta) <> 0",
            [last],
        )
        left = int(cursor.rowcount)
        cursor.execute("DELETE FROM common_counterdelta WHERE id <= %s", [last])
        return left


def counters_verify() -> dict[str, tuple[int, int]]:
    """Compare every counted table's counters with a COUNT of its rows, at one moment.

    Returns the groups that differ, by name: (rows counted now, the counter's value). Empty
    when every counter is right. Each table is compared in one statement (one snapshot), so
    writers running beside it cause no false alarm.
    """
    wrong: dict[str, tuple[int, int]] = {}
    with connection.cursor() as cursor:
        for table, columns in COUNTED_TABLES.items():
            cursor.execute(
                "SELECT name, SUM(counted), SUM(kept) FROM ("  # noqa: S608
                f"SELECT name, counted, 0 AS kept FROM ({_counted_sql(table, columns)}) real_rows "
                f"UNION ALL SELECT name, 0, delta FROM {COUNTER_TABLE} WHERE {_own_sql(table)}"
                ") compared GROUP BY name HAVING SUM(counted) <> SUM(kept)"
            )
            for name, counted, kept in cursor.fetchall():
                wrong[name] = (int(counted), int(kept))
    return wrong


def counters_recount(*, table: str) -> None:
    """Replace `table`'s counters with a COUNT of its rows (an operator's repair).

    On PostgreSQL the table is locked against writes (SHARE mode) until the new counters are
    committed, so no change is lost between the count and the commit.
    """
    columns = COUNTED_TABLES[table]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {table} IN SHARE MODE")
        cursor.execute(_forget_sql(table))
        cursor.execute(_backfill_sql(table, columns))
