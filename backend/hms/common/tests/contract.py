"""Validate API responses against the committed openapi.yaml: every API test is a contract test."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound

OPENAPI_PATH = Path(__file__).resolve().parents[4] / "openapi.yaml"


@cache
def _openapi() -> OpenAPI | None:
    if not OPENAPI_PATH.is_file():
        return None
    spec = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
    return OpenAPI.from_dict(spec)


def validate_response(response: Any) -> None:
    """Raise when the response does not match openapi.yaml (paths under /api/v1/ only)."""
    request = response.wsgi_request
    if not request.path.startswith("/api/v1/"):
        return
    openapi = _openapi()
    if openapi is None:
        return
    if response.status_code >= 500:
        return
    try:
        openapi.validate_response(DjangoOpenAPIRequest(request), DjangoOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound):
        # Unknown URLs (404) and methods (405) have no operation to check against; their
        # error shape is asserted by the error-shape tests.
        if response.status_code not in {404, 405}:
            raise
