"""Page-number pagination with its limits checked and documented: malformed pages are a 400.

A page that is not full is the last one: its list's count follows from its rows, and nothing
is counted. Counts of large lists are cached for a short while (`HMS_LIST_COUNT_CACHE_SECONDS`,
30 by default): a list whose count reached `HMS_LIST_COUNT_CACHE_MIN` rows (1,000) answers that
count, for the same viewer, path and filters, from the shared cache for that long instead of
counting again. Counting a whole table (every appointment, every patient) reads one index entry
per row, so its cost grows with the hospital while the page itself does not; a count that is a
few seconds old is as good to a pager over thousands of rows (a page past the end answers no
rows; the last page shows what is there). Smaller lists, such as a patient's own appointments or
a doctor's patients, are always counted exactly, so whoever books or registers sees the new row
counted at once.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination as DRFPageNumberPagination
from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from hms.common.queries import TemplateRows

_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")

# Query parameters that choose a page of a list, not its rows: they do not change the count.
_PAGING_PARAMETERS = frozenset({"page", "page_size"})


def list_count_key(request: Request) -> str:
    """The cache key of the count of the list `request` asks for.

    The viewer (their rows are theirs: a doctor's list is not another doctor's), the path and
    every query parameter but the page and page size, each value as sent.
    """
    user: Any = getattr(request, "user", None)
    pk = getattr(user, "pk", None)
    viewer = f"{pk}:{getattr(user, 'role', '')}" if pk is not None else "-"
    params = sorted(
        (name, values)
        for name, values in request.query_params.lists()
        if name not in _PAGING_PARAMETERS
    )
    digest = hashlib.sha256(repr((viewer, request.path, params)).encode()).hexdigest()
    return f"hms:list-count:{digest}"


# Count keys whose last exact count, in this process, was under HMS_LIST_COUNT_CACHE_MIN, with
# the monotonic time until which that is trusted (HMS_LIST_COUNT_CACHE_SECONDS). Such a list
# (a doctor's own patients, say) is counted again without asking the shared cache first, which
# holds only large counts: one network round trip less on every full page of a small list.
# An exact count is always a right answer; a list that has grown is cached as usual once it
# is counted at or over the threshold.
_SMALL_COUNTS: dict[str, float] = {}
_SMALL_COUNTS_KEPT = 4096


class CachedCountPaginator(Paginator):
    """A Paginator whose count, once it reaches `HMS_LIST_COUNT_CACHE_MIN`, is kept under
    `count_key` for `HMS_LIST_COUNT_CACHE_SECONDS` and read from there until it expires."""

    def __init__(self, object_list: Any, per_page: int, *, count_key: str | None = None):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        seconds = settings.HMS_LIST_COUNT_CACHE_SECONDS
        key = self.count_key
        if key is None or seconds <= 0:
            return self._exact_count()
        now = time.monotonic()
        if _SMALL_COUNTS.get(key, 0.0) <= now:
            cached = cache.get(key)
            if isinstance(cached, int):
                return cached
        counted = self._exact_count()
        if counted >= settings.HMS_LIST_COUNT_CACHE_MIN:
            cache.set(key, counted, timeout=seconds)
            _SMALL_COUNTS.pop(key, None)
        else:
            if len(_SMALL_COUNTS) >= _SMALL_COUNTS_KEPT:
                _SMALL_COUNTS.clear()
            _SMALL_COUNTS[key] = now + seconds
        return counted

    def rows_page(self, number: int) -> tuple[Page, bool]:
        """Page `number` (from 1), and whether it lies past the last page.

        The rows are read first, up to a full page: never cut short by a count that is a
        little old (Django's Paginator ends the last page at the count; with an exact count
        the rows are the same). A page that is not full is the last one, so the list's count
        is exact without counting: most of a patient's own lists fit on their first page.
        Only a full page, or an empty page after the first, needs `count`.
        """
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page])
        if 0 < len(rows) < self.per_page or (number == 1 and not rows):
            self.__dict__["count"] = bottom + len(rows)
        past_the_end = not rows and number > self.num_pages
        return self._get_page(rows, number, self), past_the_end  # type: ignore[attr-defined]

    def _exact_count(self) -> int:
        rows = self.object_list
        # A queryset, or a ListTemplate's rows: both count in the database.
        return rows.count() if isinstance(rows, QuerySet | TemplateRows) else len(rows)


class PageNumberPagination(DRFPageNumberPagination):
    """`?page=` (from 1) and `?page_size=` (default 25, 1 to 100); anything else is a 400.

    A page past the last answers no rows rather than an error.
    """

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    # Set by hms.common.schema.AutoSchema to the list's own URL, for the schema's examples.
    example_url = "https://hms.example.org/api/v1/patients/"

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        response = super().get_paginated_response_schema(schema)
        properties = response["properties"]
        properties["next"]["example"] = f"{self.example_url}?{self.page_query_param}=4"
        properties["previous"]["example"] = f"{self.example_url}?{self.page_query_param}=2"
        return response

    def _check_parameters(self, request: Request) -> None:
        errors: dict[str, list[str]] = {}
        page = request.query_params.get(self.page_query_param)
        if page is not None and not (_WHOLE_NUMBER.fullmatch(page) and int(page) >= 1):
            errors[self.page_query_param] = ["A page is a whole number from 1."]
        size = request.query_params.get(self.page_size_query_param)
        if size is not None and not (
            _WHOLE_NUMBER.fullmatch(size) and 1 <= int(size) <= self.max_page_size
        ):
            errors[self.page_size_query_param] = [
                f"A page size is a whole number from 1 to {self.max_page_size}."
            ]
        if errors:
            raise ValidationError(errors)

    def paginate_queryset(
        self,
        queryset: QuerySet[Any, Any] | TemplateRows | Sequence[Any],
        request: Request,
        view: APIView | None = None,
    ) -> list[Any] | None:
        self._check_parameters(request)
        self.request = request
        page_size = self.get_page_size(request)
        if not page_size:
            return None
        paginator = CachedCountPaginator(queryset, page_size, count_key=list_count_key(request))
        number = int(request.query_params.get(self.page_query_param) or 1)
        # A page past the last has no rows (the list shrank since the link was made): an
        # empty page whose `previous` leads back to the last one, not an error.
        self.page, self._past_the_end = paginator.rows_page(number)
        return list(self.page)

    def get_previous_link(self) -> str | None:
        if not getattr(self, "_past_the_end", False) or self.request is None or self.page is None:
            return super().get_previous_link()
        url = self.request.build_absolute_uri()
        last = self.page.paginator.num_pages
        if last == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, last)

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = (
                    "A page number, from 1; a page past the last has no rows."
                )
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
                parameter["description"] = (
                    f"Results per page, 1 to {self.max_page_size} (default {self.page_size})."
                )
        return parameters
