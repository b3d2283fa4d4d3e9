"""Page-number pagination whose parameters are validated like any other input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import InvalidPage
from django.db.models import QuerySet
from rest_framework.pagination import PageNumberPagination as DRFPageNumberPagination
from rest_framework.request import Request

from hms.common.errors import ValidationFailed
from hms.common.filters import MAX_ID


def _whole_number(raw: str, *, name: str, maximum: int) -> int:
    """Parse a page parameter: ASCII digits only, 1..maximum. Raises ValidationFailed."""
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= maximum:
        raise ValidationFailed(
            fields={name: [f"Enter a whole number from 1 to {maximum}."]},
        )
    return int(raw)


class PageNumberPagination(DRFPageNumberPagination):
    """`?page=` (from 1) and `?page_size=` (default 25, 1 to 100).

    A value that is not a whole number in range, or a page past the last one, is 400
    VALIDATION_ERROR naming the parameter (the first page of an empty list exists).
    """

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    max_page_number = MAX_ID
    # Set by hms.common.schema.AutoSchema to the list's own URL, for the schema's examples.
    example_url = "https://hms.example.org/api/v1/patients/"

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        response = super().get_paginated_response_schema(schema)
        properties = response["properties"]
        properties["next"]["example"] = f"{self.example_url}?{self.page_query_param}=4"
        properties["previous"]["example"] = f"{self.example_url}?{self.page_query_param}=2"
        return response

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return _whole_number(raw, name=self.page_size_query_param, maximum=self.max_page_size)

    def paginate_queryset(
        self, queryset: QuerySet[Any] | Sequence[Any], request: Request, view: Any = None
    ) -> list[Any] | None:
        self.request = request
        page_size = self.get_page_size(request)
        raw = request.query_params.get(self.page_query_param)
        number = (
            1
            if raw is None
            else _whole_number(raw, name=self.page_query_param, maximum=self.max_page_number)
        )
        paginator = self.django_paginator_class(queryset, page_size)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise ValidationFailed(
                fields={
                    self.page_query_param: [
                        f"There is no page {number}; the last page is {paginator.num_pages}."
                    ]
                }
            ) from None
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return list(self.page)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "A page number from 1; a page past the last one is 400.",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_number},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, 1 to {self.max_page_size} "
                f"(default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
