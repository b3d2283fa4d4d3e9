"""OpenAPI helpers: the error shape and the bearer scheme, declared once."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorResponseSerializer(serializers.Serializer):
    """Every 4xx answer has this shape."""

    code = serializers.CharField(help_text="Stable upper-case error code, e.g. SLOT_TAKEN.")
    message = serializers.CharField(help_text="A sentence for people.")
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Per-field messages for 400 answers; empty otherwise.",
    )

    class Meta:
        ref_name = "Error"


_DESCRIPTIONS = {
    400: "Invalid input (VALIDATION_ERROR, MALFORMED_REQUEST, ...), with per-field messages.",
    401: "Not authenticated, or the credentials/token are not valid.",
    403: "Authenticated, but this role may not do this.",
    404: "Not found, or not visible to the caller.",
    405: "Method not allowed.",
    409: "The current state does not allow this (INVALID_STATE, SLOT_TAKEN, ...).",
    413: "Request body too large.",
    415: "Unsupported media type.",
    429: "Throttled; see Retry-After.",
}


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    """Error responses for @extend_schema; the hook below adds 400/401/413/415/429 as they apply."""
    wanted = sorted(set(statuses))
    return {
        code: OpenApiResponse(response=ErrorResponseSerializer, description=_DESCRIPTIONS[code])
        for code in wanted
    }


def public_error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    """Error responses of an endpoint that needs no authentication."""
    wanted = sorted(set(statuses))
    return {
        code: OpenApiResponse(response=ErrorResponseSerializer, description=_DESCRIPTIONS[code])
        for code in wanted
    }


class ApprovedUserJWTScheme(OpenApiAuthenticationExtension):
    target_class = "hms.accounts.authentication.ApprovedUserJWTAuthentication"
    name = "jwtAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "Access token from POST /api/v1/auth/token/ (5 minutes by default).",
        }


def add_common_error_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: declare the errors every operation can answer.

    Every operation may be throttled (429); one with a body may get 400, 413 and 415; one that
    needs a token may get 401. Views still declare their own 403/404/409.
    """
    error_ref = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            wanted = [429]
            if "requestBody" in operation:
                wanted += [400, 413, 415]
            if {"jwtAuth": []} in operation.get("security", []) and {} not in operation.get(
                "security", []
            ):
                wanted.append(401)
            for code in wanted:
                responses.setdefault(
                    str(code),
                    {
                        "content": {"application/json": {"schema": error_ref}},
                        "description": _DESCRIPTIONS[code],
                    },
                )
            operation["responses"] = dict(sorted(responses.items()))
    return result
