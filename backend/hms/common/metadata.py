"""What OPTIONS answers: the resource's name, description and media types.

DRF's default metadata also describes each writable serializer's fields, which needs a
`serializer_class` on the view; HMS views choose serializers per operation, and the committed
OpenAPI document is where fields are described, so OPTIONS leaves them out.
"""

from __future__ import annotations

from typing import Any

from rest_framework.metadata import BaseMetadata
from rest_framework.request import Request


class ApiMetadata(BaseMetadata):
    """Answer OPTIONS with the view's name, description, renderers and parsers."""

    def determine_metadata(self, request: Request, view: Any) -> dict[str, Any]:
        return {
            "name": view.get_view_name(),
            "description": view.get_view_description(),
            "renders": [renderer.media_type for renderer in view.renderer_classes],
            "parses": [parser.media_type for parser in view.parser_classes],
        }
