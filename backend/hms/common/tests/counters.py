"""What the tests of counted tables compare: the database's counters and the real counts."""

from __future__ import annotations

from django.db import connection
from django.db.models import Sum

from hms.common.counters import counter_name
from hms.common.models import CounterDelta


def counters_of(table: str) -> dict[str, int]:
    """The non-zero counters of `table`'s groups, by group name."""
    rows = (
        CounterDelta.objects.filter(name__startswith=f"{table}:")
        .order_by()
        .values("name")
        .annotate(total=Sum("delta"))
        .values_list("name", "total")
    )
    return {name: int(total) for name, total in rows if total}


def real_counts_of(table: str, columns: tuple[str, ...]) -> dict[str, int]:
    """The rows of `table` in each group of `columns`, counted now, by group name."""
    listed = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {listed}, COUNT(*) FROM {table} GROUP BY {listed}")  # noqa: S608
        return {counter_name(table, *row[:-1]): row[-1] for row in cursor.fetchall()}
