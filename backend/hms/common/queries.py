"""Several numbers in one query: scalar subqueries read off a single row.

A dashboard needs a handful of counts and sums from different tables. Each one is a cheap index
range; what costs is the round trip and the ORM's work per query. `count_of` and `sum_of` turn
a queryset into a scalar subquery (`(SELECT COUNT(...) FROM ... WHERE ...)`), and
`read_together` evaluates any number of them as annotations of one row (the viewer's own
account, say), in one query.
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    DecimalField,
    Expression,
    F,
    Func,
    IntegerField,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce


def count_of(queryset: QuerySet[Any], *, field: str = "pk", distinct: bool = False) -> Subquery:
    """A scalar subquery: how many rows `queryset` has (or distinct values of `field`).

    Rows are counted as COUNT(*), so an index that holds the filtered columns answers alone
    (an index-only scan) without the primary key.
    """
    if distinct:
        count = Func(
            F(field),
            function="COUNT",
            template="%(function)s(DISTINCT %(expressions)s)",
            output_field=IntegerField(),
        )
    elif field == "pk":
        count = Func(template="COUNT(*)", output_field=IntegerField())
    else:
        count = Func(F(field), function="COUNT", output_field=IntegerField())
    counted = queryset.order_by().annotate(_count=count).values("_count")
    return Subquery(counted, output_field=IntegerField())


def sum_of(queryset: QuerySet[Any], field: str, *, output_field: DecimalField) -> Expression:
    """A scalar subquery: the sum of `field` over `queryset`, 0 when it has no rows."""
    summed = (
        queryset.order_by()
        .annotate(_sum=Func(F(field), function="SUM", output_field=output_field))
        .values("_sum")
    )
    return Coalesce(Subquery(summed, output_field=output_field), 0, output_field=output_field)


def read_together(anchor: QuerySet[Any], **values: Any) -> dict[str, Any]:
    """Evaluate `values` (scalar subqueries) in one query, as annotations of `anchor`'s row.

    `anchor` must match exactly one row. Raises LookupError when it matches none.
    """
    # Prefixed, so a value may share its name with one of the anchor's columns.
    annotations = {f"together_{name}": value for name, value in values.items()}
    row = anchor.order_by().annotate(**annotations).values(*annotations)[:1]
    found = list(row)
    if not found:
        raise LookupError("read_together: the anchor matched no row")
    return {name: found[0][f"together_{name}"] for name in values}


def rows_together(**lists: QuerySet[Any]) -> dict[str, list[dict[str, Any]]]:
    """Read several short lists of rows in one query: the UNION ALL of `lists`.

    Each list is a `.values(...)` queryset whose columns include `rank` (its order, 1 first),
    already cut to the rows wanted by a filter (`rank__lte`, or the ids of a sliced subquery)
    rather than by a slice of its own, which a union's branch may not have on every database.
    Columns that only some lists have are NULL in the others (typed, so the database can match
    the branches). Returns each list's rows, by name, as dicts of its own columns, in rank
    order.
    """
    columns: dict[str, Any] = {}
    own: dict[str, list[str]] = {}
    for name, queryset in lists.items():
        query = queryset.query
        own[name] = [*query.values_select, *query.annotation_select]
        for column in own[name]:
            if column not in columns:
                columns[column] = (
                    query.annotations[column].output_field
                    if column in query.annotations
                    else queryset.model._meta.get_field(column)
                )
    branches = []
    for name, queryset in lists.items():
        missing = {
            column: Cast(Value(None), output_field=field)
            for column, field in columns.items()
            if column not in own[name]
        }
        branches.append(
            queryset.annotate(list_name=Value(name), **missing)
            .order_by()
            .values_list("list_name", *columns)
        )
    first, *rest = branches
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in lists}
    union = first.union(*rest, all=True).order_by("list_name", "rank")
    for list_name, *values in union:
        row = dict(zip(columns, values, strict=True))
        found[list_name].append({column: row[column] for column in own[list_name]})
    return found
