"""Several numbers in one query: scalar subqueries read off a single row.

A dashboard needs a handful of counts and sums from different tables. Each one is a cheap index
range; what costs is the round trip and the ORM's work per query. `count_of` and `sum_of` turn
a queryset into a scalar subquery (`(SELECT COUNT(...) FROM ... WHERE ...)`), and
`read_together` evaluates any number of them as annotations of one row (the viewer's own
account, say), in one query.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import (
    CharField,
    DecimalField,
    Expression,
    F,
    Func,
    IntegerField,
    Model,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.db.models.query import ModelIterable
from django.db.models.sql import Query
from django.db.models.sql.compiler import SQLCompiler

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


# A text's stand-in holds an underscore, which a LIKE pattern escapes: a pattern made from it
# without escaping is told apart from one made as the ORM makes it. The mark (no character a
# pattern escapes, none that `str.split` or a form's strip removes) finds it in either.
_STR_STAND_IN = "\x7fhms-stand-in"


def _stand_in(kind: type, index: int) -> Any:
    if kind is int:
        return _INT_STAND_IN - index
    if kind is datetime:
        return _DATETIME_STAND_IN + timedelta(seconds=index)
    if kind is str:
        return f"{_STR_STAND_IN}_{index}\x7f"
    raise TypeError(f"QueryTemplate parameters are int, str or datetime, not {kind!r}")


def _near_stand_in(param: Any) -> bool:
    # A value within reach of a stand-in: computed from a parameter rather than passed as one.
    if isinstance(param, bool):
        return False
    if isinstance(param, int):
        return abs(param - _INT_STAND_IN) < 1_000_000
    if isinstance(param, datetime):
        return abs(param - _DATETIME_STAND_IN) < timedelta(days=3660)
    if isinstance(param, str):  # a text's stand-in (say, escaped), a number or a datetime as text
        return (
            _STR_STAND_IN in param.lower()
            or str(-_INT_STAND_IN)[:7] in param
            or (param[:3] == "190" and param[3:4].isdigit() and param[4:5] == "-")
        )
    return False


def _adapted(connection: Any, value: Any) -> Any:
    # What the ORM sends for the value (a datetime column's lookups adapt it this way).
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _stand_ins(parameters: dict[str, type], *, first: int = 0) -> dict[str, Any]:
    return {
        name: _stand_in(kind, first + index)
        for index, (name, kind) in enumerate(parameters.items())
    }


# Where a parameter lands among a statement's parameters: (position, the parameters' names,
# whether it is a `contains` pattern). A pattern is `%…%` around the names' values, escaped as
# for LIKE and joined by single spaces (`name__icontains=f"{a} {b}"`); any other slot is one
# parameter's value as given.
Slot = tuple[int, tuple[str, ...], bool]


def _slots(
    connection: Any, stand_ins: dict[str, Any], params: Sequence[Any], *, every: bool = True
) -> tuple[Slot, ...]:
    """Where each stand-in lands among a compiled statement's parameters (see Slot).

    Raises TypeError when a value computed from a parameter reaches the statement (`at - 7
    days` would be kept as it was when built, a pattern not escaped as the ORM escapes it
    would match otherwise), and, with `every`, when a parameter does not reach it.
    """
    sent = {name: _adapted(connection, value) for name, value in stand_ins.items()}
    escaped = {
        connection.ops.prep_for_like_query(value): name
        for name, value in stand_ins.items()
        if isinstance(value, str)
    }
    slots: list[Slot] = []
    for position, param in enumerate(params):
        given = [
            name for name, value in sent.items() if type(param) is type(value) and param == value
        ]
        if given:
            slots.extend((position, (name,), False) for name in given)
        elif isinstance(param, str) and len(param) > 2 and param[0] == "%" == param[-1]:
            names = tuple(escaped.get(word, "") for word in param[1:-1].split(" "))
            if all(names):
                slots.append((position, names, True))
    unplaced = set(sent) - {name for _, names, _ in slots for name in names}
    if unplaced and every:
        raise TypeError(f"QueryTemplate: {sorted(unplaced)} do not reach the statement as given")
    placed = {position for position, _, _ in slots}
    derived = [p for i, p in enumerate(params) if i not in placed and _near_stand_in(p)]
    if derived:
        raise TypeError(f"QueryTemplate: values derived from parameters: {derived!r}")
    return tuple(slots)


def _bind(
    connection: Any, params: Sequence[Any], slots: Iterable[Slot], values: dict[str, Any]
) -> list[Any]:
    bound = list(params)
    for position, names, pattern in slots:
        if pattern:
            escape = connection.ops.prep_for_like_query
            bound[position] = "%" + " ".join(escape(values[name]) for name in names) + "%"
        else:
            bound[position] = _adapted(connection, values[names[0]])
    return bound


@contextmanager
def _no_queries(connection: Any) -> Iterator[None]:
    """Building a template must not read the database: a row read with stand-in values would
    be kept in the template as if it held for every value."""

    def refuse(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        raise TypeError(f"QueryTemplate: building ran a query: {sql[:200]}")

    with connection.execute_wrapper(refuse):
        yield


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: tuple[Slot, ...]
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
    reuse its prepared statement. A text parameter may also reach it as an `icontains`
    pattern, alone or with others joined by single spaces (`%a b%`): the pattern is made again
    from the real values, escaped as the ORM escapes them. Building raises TypeError when a
    parameter does not reach the statement in one of those ways (one the query transforms
    before sending it), or when a value computed from one does (`at - 7 days` would be kept as
    it was built).
    """

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], **parameters: type) -> None:
        self._build = build
        self._parameters = parameters
        self._compiled: dict[str, _Compiled] = {}

    def _compile(self, alias: str) -> _Compiled:
        connection = connections[alias]
        stand_ins = _stand_ins(self._parameters)
        with _no_queries(connection):
            query = self._build(**stand_ins).query
        compiler = query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        slots = _slots(connection, stand_ins, params)
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
        params = _bind(connection, compiled.params, compiled.slots, values)
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


# --- a list's pages, built once per shape -------------------------------------------------------


class _BoundQuery(Query):
    """The query of one run of a built list: it compiles to the statement already bound."""

    bound_compiler: SQLCompiler

    def get_compiler(
        self, using: str | None = None, connection: Any = None, elide_empty: bool = True
    ) -> Any:
        return self.bound_compiler


_BOUND_COMPILERS: dict[type, type] = {}


def _bound_compiler(compiler: SQLCompiler, connection: Any, sql: str, params: list[Any]) -> Any:
    """A copy of a compiled (set up) `compiler` whose statement is `sql` with `params`: the
    model iterable reads its columns, related populators and converters as usual."""
    kind = type(compiler)
    bound_kind = _BOUND_COMPILERS.get(kind)
    if bound_kind is None:

        def as_sql(self: Any, *args: Any, **kwargs: Any) -> tuple[str, list[Any]]:
            return self.bound_statement

        bound_kind = _BOUND_COMPILERS[kind] = type(
            f"Bound{kind.__name__}", (kind,), {"as_sql": as_sql}
        )
    bound = copy.copy(compiler)
    bound.__class__ = bound_kind
    bound.connection = connection
    bound.bound_statement = (sql, params)  # type: ignore[attr-defined]
    return bound


@dataclass(frozen=True)
class _CompiledList:
    model: type[Model]
    query: Query  # the built query, set up by `compiler`
    compiler: SQLCompiler
    sql: str  # every row, in order
    params: tuple[Any, ...]
    slots: tuple[Slot, ...]
    count_sql: str
    count_params: tuple[Any, ...]
    count_slots: tuple[Slot, ...]
    prefetch: tuple[Any, ...]


class ListTemplate:
    """A list's pages and count, built once per shape and database, then run with new values.

    A list's queryset (filters, visibility rule, joined rows, ordering) is the same for every
    request of one shape (the viewer's role and the few filter values that choose the query,
    such as a status), save for values such as the viewer's id. Building it with the ORM and
    compiling it to SQL costs more than running it on a page of an indexed list.
    `build(shape, **parameters)` returns that queryset. As QueryTemplate does, the template
    builds it once per shape and database with stand-in values for `parameters` (int, str or
    aware datetime), then runs the compiled statements with the real values:

    - the page, its `LIMIT` and `OFFSET` written into the text as the ORM writes them, its rows
      made into model instances exactly as the ORM makes them (joined rows, annotations and
      prefetches included);
    - the count, `COUNT(*)` over the same rows without their joined columns or order.

    A shape may leave a parameter unused. Building refuses, with TypeError:

    - what QueryTemplate refuses (a value computed from a parameter);
    - a build that reads the database;
    - a queryset already cut, locked, combined, unordered, distinct, or not of model instances;
    - a statement that changes with more than its parameters: each shape is built twice, with
      two sets of stand-ins, and all else must match (a `now` read while building would
      otherwise be kept).

    A shape whose list matches nothing whatever the values (`pk__in=[]`) is refused too: the
    ORM answers it without a query. A refused shape is built by the ORM on every request
    instead: `rows` answers None for it and the caller uses its own queryset. `shape` must be
    hashable and come from a small set of values (a role, a valid choice), never from free
    text.
    """

    # Shapes kept per template and database, at most: a shape comes from a small set of values.
    MAX_SHAPES = 64

    def __init__(self, build: Callable[..., QuerySet[Any]], **parameters: type) -> None:
        self._build = build
        self._parameters = parameters
        self._compiled: dict[tuple[str, Hashable], _CompiledList | None] = {}

    def _statements(
        self, alias: str, shape: Hashable, stand_ins: dict[str, Any]
    ) -> tuple[QuerySet[Any], SQLCompiler, str, list[Any], str, list[Any]]:
        connection = connections[alias]
        with _no_queries(connection):
            rows = self._build(shape, **stand_ins)
            counted = rows.order_by().values("pk")
        query = rows.query
        state: Any = rows  # the queryset's own (private) state, read to refuse what is not a list
        if (
            state._iterable_class is not ModelIterable
            or state._fields is not None
            or query.low_mark
            or query.high_mark is not None
            or query.select_for_update
            or query.combinator
            or query.distinct
            or not rows.ordered
            or state._known_related_objects
        ):
            raise TypeError("ListTemplate: not an ordered, uncut list of model instances")
        compiler = query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        count_sql, count_params = counted.query.get_compiler(using=alias).as_sql()
        return rows, compiler, sql, list(params), count_sql, list(count_params)

    def _compile(self, alias: str, shape: Hashable) -> _CompiledList:
        connection = connections[alias]
        stand_ins = _stand_ins(self._parameters)
        rows, compiler, sql, params, count_sql, count_params = self._statements(
            alias, shape, stand_ins
        )
        # A parameter may go unused by a shape (the admin's list does not depend on who looks).
        slots = _slots(connection, stand_ins, params, every=False)
        count_slots = _slots(connection, stand_ins, count_params, every=False)
        # Built a second time with other stand-ins, everything but the parameters must come out
        # the same: a value that differs was computed from a parameter, or read from the clock
        # (a `now` kept from the first build would never move again).
        others = _stand_ins(self._parameters, first=len(self._parameters))
        _, _, sql_2, params_2, count_sql_2, count_params_2 = self._statements(alias, shape, others)
        for text, text_2, values, values_2, placed in (
            (sql, sql_2, params, params_2, slots),
            (count_sql, count_sql_2, count_params, count_params_2, count_slots),
        ):
            bound = {position for position, _, _ in placed}
            fixed = [v for i, v in enumerate(values) if i not in bound]
            fixed_2 = [v for i, v in enumerate(values_2) if i not in bound]
            if text != text_2 or len(values) != len(values_2) or fixed != fixed_2:
                raise TypeError("ListTemplate: the statement changes with more than its parameters")
        return _CompiledList(
            model=rows.model,
            query=rows.query,
            compiler=compiler,
            sql=sql,
            params=tuple(params),
            slots=slots,
            # The ORM's own statement, wrapped: no value is written into the text.
            count_sql=f"SELECT COUNT(*) FROM ({count_sql}) counted",  # noqa: S608
            count_params=tuple(count_params),
            count_slots=count_slots,
            prefetch=tuple(cast(Any, rows)._prefetch_related_lookups),
        )

    def compiled(self, shape: Hashable, *, using: str = DEFAULT_DB_ALIAS) -> _CompiledList | None:
        """The built statements of `shape`, or None when the shape is refused (see above)."""
        key = (using, shape)
        try:
            return self._compiled[key]
        except KeyError:
            pass
        try:
            built: _CompiledList | None = self._compile(using, shape)
        except (TypeError, EmptyResultSet):
            # Refused, or a list that matches nothing (`pk__in=[]`): the ORM answers that
            # without asking the database.
            built = None
        if len(self._compiled) >= self.MAX_SHAPES:
            self._compiled.clear()
        self._compiled[key] = built
        return built

    def rows(
        self, shape: Hashable, *, using: str = DEFAULT_DB_ALIAS, **values: Any
    ) -> TemplateRows | None:
        """The list of `shape` for `values` (every declared parameter), or None when the shape
        is refused. Errors that building raises (a filter value that is not valid) propagate."""
        if values.keys() != self._parameters.keys():
            raise TypeError(
                f"ListTemplate: expected {sorted(self._parameters)}, got {sorted(values)}"
            )
        compiled = self.compiled(shape, using=using)
        return None if compiled is None else TemplateRows(compiled, using, values)

    def first(
        self,
        shape: Hashable,
        *,
        orm: Callable[[], QuerySet[Any]],
        using: str = DEFAULT_DB_ALIAS,
        **values: Any,
    ) -> Any | None:
        """The first row of the list of `shape` for `values`, or None when it has none. A
        refused shape reads `orm()` (the same list, built by the ORM for these values)."""
        rows = self.rows(shape, using=using, **values)
        if rows is None:
            return orm().first()
        found = rows[0:1]
        return found[0] if found else None


class TemplateRows:
    """The rows of a built list for one set of values: sliced for a page, and counted.

    What a paginator needs of a queryset: `rows[a:b]` (a list of model instances), `count()`
    and `ordered`; iterating runs the list without a limit.
    """

    ordered = True

    def __init__(self, compiled: _CompiledList, using: str, values: dict[str, Any]) -> None:
        self._compiled = compiled
        self._using = using
        self._values = values

    def count(self) -> int:
        compiled = self._compiled
        connection = connections[self._using]
        params = _bind(connection, compiled.count_params, compiled.count_slots, self._values)
        with connection.cursor() as cursor:
            cursor.execute(compiled.count_sql, params)
            row = cursor.fetchone()
        return int(row[0])

    def __getitem__(self, window: slice) -> list[Any]:
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("TemplateRows: only a slice without a step")
        start = window.start or 0
        if window.stop is None or start < 0 or window.stop < start:
            raise ValueError("TemplateRows: a slice from a start >= 0 to a stop")
        # Written into the text, as the ORM writes them: PostgreSQL plans a statement whose
        # limit is a parameter for an unknown number of rows, and so plans it again each time.
        return self._run(f" LIMIT {int(window.stop - start)} OFFSET {int(start)}")

    def __iter__(self) -> Iterator[Any]:
        return iter(self._run(""))

    def _run(self, cut: str) -> list[Any]:
        compiled = self._compiled
        connection = connections[self._using]
        params = _bind(connection, compiled.params, compiled.slots, self._values)
        query = copy.copy(compiled.query)
        query.__class__ = _BoundQuery
        query.bound_compiler = _bound_compiler(  # type: ignore[attr-defined]
            compiled.compiler, connection, compiled.sql + cut, params
        )
        rows: Any = QuerySet(model=compiled.model, query=query, using=self._using)
        if compiled.prefetch:
            rows._prefetch_related_lookups = compiled.prefetch
        return list(rows)
