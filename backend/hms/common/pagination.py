from typing import Any

from rest_framework.pagination import PageNumberPagination as DRFPageNumberPagination


class PageNumberPagination(DRFPageNumberPagination):
    """`?page=` and `?page_size=` (default 25, at most 100)."""

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
