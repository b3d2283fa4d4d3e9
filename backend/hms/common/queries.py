"""Several numbers in one query: scalar subqueries read off a single row.

A dashboard needs a handful of counts and sums from different tables. Each one is a cheap index
range; what costs is the round trip and the ORM's work per query. `count_of` and `sum_of` turn
a queryset into a scalar subquery (`(SELECT COUNT(...) FROM ... WHERE ...)`), and
`read_together` evaluates any number of them as annotations of one row (the viewer's own
account, say), in one query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import (
    CharField,
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

_IDENTIFIER = re.compile(r"[A-Za-z0-9_]+")


class Constant(Expression):
    """A fixed value of the code (a role, a status) written into the SQL text as a literal
    rather than sent as a bound parameter.

    PostgreSQL keeps a prepared statement on one generic plan only while that plan costs no
    more than one made for the values at hand; a generic plan cannot use a partial index whose
    condition names the value (`WHERE role = 'PATIENT'`), nor know how many rows have it, so a
    list filtered by such a value would be planned again on every run. Written out, the value
    is part of the statement and its plan holds for every run. Only letters, digits and
    underscores are accepted: never a value that comes from a request.
    """

    def __init__(self, value: str) -> None:
        text = str(value)
        if not _IDENTIFIER.fullmatch(text):
            raise ValueError(f"Constant takes a fixed identifier, not {text!r}.")
        super().__init__(output_field=CharField())
        self.value = text

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[str | int, ...]]:
        return f"'{self.value}'", ()


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


def together(anchor: QuerySet[Any], **values: Any) -> QuerySet[Any, dict[str, Any]]:
    """The query of `read_together`: `values` as annotations of `anchor`'s first row, each
    named `together_<name>` (so a value may share its name with one of the anchor's columns).
    """
    annotations = {f"together_{name}": value for name, value in values.items()}
    return anchor.order_by().annotate(**annotations).values(*annotations)[:1]


def read_together(anchor: QuerySet[Any], **values: Any) -> dict[str, Any]:
    """Evaluate `values` (scalar subqueries) in one query, as annotations of `anchor`'s row.

    `anchor` must match exactly one row. Raises LookupError when it matches none.
    """
    found = list(together(anchor, **values))
    if not found:
        raise LookupError("read_together: the anchor matched no row")
    return {name: found[0][f"together_{name}"] for name in values}


def from_together(row: dict[str, Any] | None) -> dict[str, Any]:
    """The values of a `together` row read by a QueryTemplate, by their own names."""
    if row is None:
        raise LookupError("read_together: the anchor matched no row")
    return {name.removeprefix("together_"): value for name, value in row.items()}


def rows_together(**lists: QuerySet[Any]) -> dict[str, list[dict[str, Any]]]:
    """Read several short lists of rows in one query: the UNION ALL of `lists`.

    Each list is a `.values(...)` queryset whose columns include `rank` (its order, 1 first),
    already cut to the rows wanted by a filter (`rank__lte`, or the ids of a sliced subquery)
    rather than by a slice of its own, which a union's branch may not have on every database.
    Columns that only some lists have are NULL in the others (typed, so the database can match
    the branches). Returns each list's rows, by name, as dicts of its own columns, in rank
    order.
    """
    union, own = union_together(**lists)
    return split_together(union, own)


def union_together(**lists: QuerySet[Any]) -> tuple[QuerySet[Any, Any], dict[str, list[str]]]:
    """The query of `rows_together` (its rows: `list_name` and every list's columns) and each
    list's own columns, by name, for `split_together`."""
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
            .values("list_name", *columns)
        )
    first, *rest = branches
    return first.union(*rest, all=True).order_by("list_name", "rank"), own


def split_together(
    rows: Iterable[dict[str, Any]], own: dict[str, list[str]]
) -> dict[str, list[dict[str, Any]]]:
    """The rows of `union_together`'s query, by list, each with its own columns only."""
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in own}
    for row in rows:
        name = row["list_name"]
        found[name].append({column: row[column] for column in own[name]})
    return found


# --- a query built once ------------------------------------------------------------------------

# Stand-ins for a template's parameters while it is built: values no real row or instant has.
_INT_STAND_IN = -1_987_654_000
_DATETIME_STAND_IN = datetime(1901, 1, 1, tzinfo=UTC)


_STR_STAND_IN = "\x1fhms-stand-in-"


def _stand_in(kind: type, index: int) -> Any:
    if kind is int:
        return _INT_STAND_IN - index
    if kind is datetime:
        return _DATETIME_STAND_IN + timedelta(seconds=index)
    if kind is str:
        return f"{_STR_STAND_IN}{index}\x1f"
    raise TypeError(f"QueryTemplate parameters are int, str or datetime, not {kind!r}")


def _near_stand_in(param: Any) -> bool:
    # A value within reach of a stand-in: computed from a parameter rather than passed as one.
    if isinstance(param, bool):
        return False
    if isinstance(param, int):
        return abs(param - _INT_STAND_IN) < 1_000_000
    if isinstance(param, datetime):
        return abs(param - _DATETIME_STAND_IN) < timedelta(days=3660)
    if isinstance(param, str):  # a text's stand-in (say, as `%…%`), or a datetime as SQLite gets it
        return _STR_STAND_IN in param or (
            param[:3] == "190" and param[3:4].isdigit() and param[4:5] == "-"
        )
    return False


def _adapted(connection: Any, value: Any) -> Any:
    # What the ORM sends for the value (a datetime column's lookups adapt it this way).
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: tuple[tuple[int, str], ...]  # (position in params, parameter name)
    names: tuple[str, ...]  # the row's columns, as `.values()` names them
    converters: tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]


class QueryTemplate:
    """A `.values()` query whose SQL is built once per database, then run with new values.

    Building a query with the ORM (cloning querysets, resolving expressions, compiling them to
    SQL) can cost more than running it; a query of a fixed shape that runs on every request
    need not pay that each time. `build` returns the queryset for the parameters it is given,
    declared by name and type (int, str or aware datetime) in `parameters`. The template calls it
    once per database with stand-in values, finds where each lands among the compiled
    statement's parameters, and from then on sends that statement with the real values,
    converting each column as the ORM would. The same text each time also lets PostgreSQL
    reuse its prepared statement. Building raises TypeError when a parameter does not reach the
    statement as the value given (one the query transforms before sending it), or when a value
    computed from one does (`at - 7 days` would be kept as it was built).
    """

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], **parameters: type) -> None:
        self._build = build
        self._parameters = parameters
        self._compiled: dict[str, _Compiled] = {}

    def _compile(self, alias: str) -> _Compiled:
        connection = connections[alias]
        stand_ins = {
            name: _stand_in(kind, index)
            for index, (name, kind) in enumerate(self._parameters.items())
        }
        query = self._build(**stand_ins).query
        compiler = query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        sent = {name: _adapted(connection, value) for name, value in stand_ins.items()}
        slots = tuple(
            (position, name)
            for position, param in enumerate(params)
            for name, value in sent.items()
            if type(param) is type(value) and param == value
        )
        unplaced = set(sent) - {name for _, name in slots}
        if unplaced:
            raise TypeError(
                f"QueryTemplate: {sorted(unplaced)} do not reach the statement as given"
            )
        placed = {position for position, _ in slots}
        derived = [p for i, p in enumerate(params) if i not in placed and _near_stand_in(p)]
        if derived:
            # A value computed from a parameter (`at - 7 days`) would stay what it was when built.
            raise TypeError(f"QueryTemplate: values derived from parameters: {derived!r}")
        names = (
            tuple(query.selected)
            if query.selected
            else (*query.extra_select, *query.values_select, *query.annotation_select)
        )
        converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])
        return _Compiled(
            sql=sql,
            params=tuple(params),
            slots=slots,
            names=names,
            converters=tuple(
                (position, tuple(functions), column)
                for position, (functions, column) in converters.items()
            ),
        )

    def rows(self, *, using: str = DEFAULT_DB_ALIAS, **values: Any) -> list[dict[str, Any]]:
        """Run the statement with `values` (every declared parameter); its rows as dicts."""
        if values.keys() != self._parameters.keys():
            raise TypeError(
                f"QueryTemplate: expected {sorted(self._parameters)}, got {sorted(values)}"
            )
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        connection = connections[using]
        params = list(compiled.params)
        for position, name in compiled.slots:
            params[position] = _adapted(connection, values[name])
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            fetched = cursor.fetchall()
        found = []
        for row in fetched:
            converted = list(row)
            for position, functions, column in compiled.converters:
                value = converted[position]
                for convert in functions:
                    value = convert(value, column, connection)
                converted[position] = value
            found.append(dict(zip(compiled.names, converted, strict=True)))
        return found

    def row(self, *, using: str = DEFAULT_DB_ALIAS, **values: Any) -> dict[str, Any] | None:
        """The statement's first row, or None."""
        found = self.rows(using=using, **values)
        return found[0] if found else None
