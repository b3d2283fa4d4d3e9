"""Several numbers in one query: scalar subqueries read off a single row.

A dashboard needs a handful of counts and sums from different tables. Each one is a cheap index
range; what costs is the round trip and the ORM's work per query. `count_of` and `sum_of` turn
a queryset into a scalar subquery (`(SELECT COUNT(...) FROM ... WHERE ...)`), and
`read_together` evaluates any number of them as annotations of one row (the viewer's own
account, say), in one query.
"""

from __future__ import annotations

from typing import Any

from django.db.models import DecimalField, Expression, F, Func, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce


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
