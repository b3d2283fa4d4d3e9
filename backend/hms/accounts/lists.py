"""A list selector whose common requests run statements built once (see ListTemplate)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

from django.db.models import Model, QuerySet

from hms.accounts.models import User
from hms.common.filters import list_shape
from hms.common.queries import ListTemplate, TemplateRows

M = TypeVar("M", bound=Model)

_BIGINT = 2**63


class ViewerList(Generic[M]):
    """`rows(viewer, filters)`, the list's queryset, answered for most requests from a
    ListTemplate.

    A request whose parameters are only the page, the page size and those in `chosen_by`
    (filters whose values are a few choices) has the shape (the viewer's role, those values):
    its statements are built once per shape, with the viewer's id as their one parameter, by
    calling `rows` for a stand-in viewer of that role. Every other request, and every shape
    the template refuses, is built by `rows` for the real viewer. `rows` may read only the
    viewer's `pk` and `role`, and must not read the database.
    """

    def __init__(
        self,
        rows: Callable[[User, Mapping[str, Any]], QuerySet[M]],
        *,
        chosen_by: Iterable[str] = (),
    ) -> None:
        self._rows = rows
        self._chosen_by = frozenset(chosen_by)
        self.template = ListTemplate(self._build, viewer_id=int)

    def _build(self, shape: tuple[str, tuple[tuple[str, str], ...]], viewer_id: int) -> QuerySet[M]:
        role, values = shape
        return self._rows(User(pk=viewer_id, role=role), dict(values))

    def __call__(self, viewer: User, filters: Mapping[str, Any]) -> QuerySet[M] | TemplateRows:
        shape = list_shape(viewer.role, filters, chosen_by=self._chosen_by)
        if shape is not None:
            rows = self.template.rows(shape, viewer_id=viewer.pk)
            if rows is not None:
                return rows
        return self._rows(viewer, filters)


class ViewerFirst(Generic[M]):
    """`rows(viewer, **values).first()`: the first of the rows the viewer may see, read from a
    ListTemplate built once per role, with the viewer's id and `values` (declared by name and
    type in `parameters`, as for ListTemplate) as its parameters.

    `rows` may read only the viewer's `pk` and `role`, must not read the database, and must
    order its rows. A shape the template refuses is read by `rows` for the real viewer.
    """

    def __init__(self, rows: Callable[..., QuerySet[M]], **parameters: type) -> None:
        self._rows = rows
        self.template = ListTemplate(self._build, viewer_id=int, **parameters)

    def _build(self, role: str, viewer_id: int, **values: Any) -> QuerySet[M]:
        return self._rows(User(pk=viewer_id, role=role), **values)

    def __call__(self, viewer: User, **values: Any) -> M | None:
        found: M | None = self.template.first(
            viewer.role, orm=lambda: self._rows(viewer, **values), viewer_id=viewer.pk, **values
        )
        return found


class ViewerRow(Generic[M]):
    """One row by id among those the viewer may see (`rows(viewer, id)`, a detail's queryset:
    `.filter(pk=id).order_by("pk")`), read as ViewerFirst reads it."""

    def __init__(self, rows: Callable[[User, int], QuerySet[M]]) -> None:
        self._first: ViewerFirst[M] = ViewerFirst(rows, id=int)
        self.template = self._first.template

    def __call__(self, viewer: User, id: int) -> M | None:
        if not -_BIGINT <= id < _BIGINT:
            # Beyond any id column (64-bit): no row has it, as the ORM answers without a query.
            return None
        return self._first(viewer, id=id)
