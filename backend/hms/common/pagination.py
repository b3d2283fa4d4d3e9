"""Page-number pagination with its limits checked and documented: malformed pages are a 400."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page
from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination as DRFPageNumberPagination
from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


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
        queryset: QuerySet[Any, Any] | Sequence[Any],
        request: Request,
        view: APIView | None = None,
    ) -> list[Any] | None:
        self._check_parameters(request)
        self.request = request
        page_size = self.get_page_size(request)
        if not page_size:
            return None
        paginator = self.django_paginator_class(queryset, page_size)
        number = int(request.query_params.get(self.page_query_param) or 1)
        # A page past the last has no rows (the list shrank since the link was made): an
        # empty page whose `previous` leads back to the last one, not an error.
        self._past_the_end = number > paginator.num_pages
        self.page = Page([], number, paginator) if self._past_the_end else paginator.page(number)
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
