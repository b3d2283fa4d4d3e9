"""A list selector whose common requests run statements built once (see ListTemplate)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

from django import forms
from django.db.models import Model, QuerySet
from django_filters import FilterSet

from hms.accounts.models import User
from hms.accounts.selectors import MAX_SEARCH_TERMS
from hms.common.filters import list_shape
from hms.common.queries import ListTemplate, TemplateRows

M = TypeVar("M", bound=Model)

_BIGINT = 2**63

# The parameters of a searched text's words, as a ListTemplate declares them.
_WORDS = tuple(f"word_{index}" for index in range(MAX_SEARCH_TERMS))
_NO_WORDS = dict.fromkeys(_WORDS, "")


def _search_words(field: forms.Field, data: Mapping[str, Any], name: str) -> list[str] | None:
    """The words of the searched text `data[name]` when a list built from them matches what the
    ORM builds for the text itself: one value that the filter's form field accepts as it is
    (`field.clean` neither refuses nor strips it), printable, of at most MAX_SEARCH_TERMS words
    separated by single spaces. None for any other text: the ORM builds that list."""
    values = data.getlist(name) if hasattr(data, "getlist") else [data[name]]
    if len(values) != 1 or not isinstance(values[0], str):
        return None
    text = values[0]
    words = text.split()
    if len(words) > MAX_SEARCH_TERMS or " ".join(words) != text or not text.isprintable():
        return None
    try:
        cleaned = field.clean(text)
    except forms.ValidationError:
        return None
    return words if cleaned == text else None


class ViewerList(Generic[M]):
    """`rows(viewer, filters)`, the list's queryset, answered for most requests from a
    ListTemplate.

    A request whose parameters are only the page, the page size, those in `chosen_by` (filters
    whose values are a few choices) and the text of `searched_by` has the shape (the viewer's
    role, those values, the number of words searched): its statements are built once per
    shape, with the viewer's id and the searched words as their parameters, by calling `rows`
    for a stand-in viewer of that role and a text of stand-in words. Every other request, and
    every shape the template refuses, is built by `rows` for the real viewer. `rows` may read
    only the viewer's `pk` and `role`, and must not read the database.

    `searched_by` names a text filter of `filterset` that matches each word, or the whole text,
    with `icontains` (see `_search_words` for the texts it takes).
    """

    def __init__(
        self,
        rows: Callable[[User, Mapping[str, Any]], QuerySet[M]],
        *,
        chosen_by: Iterable[str] = (),
        searched_by: tuple[type[FilterSet], str] | None = None,
    ) -> None:
        self._rows = rows
        self._chosen_by = frozenset(chosen_by)
        self._searched_by = searched_by
        self.template = ListTemplate(self._build, viewer_id=int, **dict.fromkeys(_WORDS, str))

    def _build(
        self,
        shape: tuple[str, tuple[tuple[str, str], ...], int],
        viewer_id: int,
        **words: str,
    ) -> QuerySet[M]:
        role, values, searched = shape
        filters = dict(values)
        if searched and self._searched_by is not None:
            filters[self._searched_by[1]] = " ".join(words[name] for name in _WORDS[:searched])
        return self._rows(User(pk=viewer_id, role=role), filters)

    def __call__(self, viewer: User, filters: Mapping[str, Any]) -> QuerySet[M] | TemplateRows:
        words: list[str] = []
        searched = None
        if self._searched_by is not None:
            filterset, searched = self._searched_by
            if searched in filters:
                found = _search_words(filterset.base_filters[searched].field, filters, searched)
                if found is None:
                    return self._rows(viewer, filters)
                words = found
        shape = list_shape(viewer.role, filters, chosen_by=self._chosen_by, besides=searched)
        if shape is not None:
            rows = self.template.rows(
                (*shape, len(words)),
                viewer_id=viewer.pk,
                **{**_NO_WORDS, **dict(zip(_WORDS, words, strict=False))},
            )
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
