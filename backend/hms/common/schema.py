"""OpenAPI: the schema class every view uses, the error shape, the bearer scheme, declared once."""

from __future__ import annotations

from typing import Any

from django.utils.module_loading import autodiscover_modules
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from hms.common.errors import domain_errors
from hms.common.exception_handler import HANDLER_CODES

# Where the examples of `next` / `previous` links point (the host is illustrative).
EXAMPLE_ORIGIN = "https://hms.example.org"


class AutoSchema(SpectacularAutoSchema):
    """Operations documented from their docstrings, lists with examples on their own path.

    The first line of the view method's docstring (else the view class's) is the operation's
    `summary`, the paragraphs after the blank line its `description`; a docstring of one
    paragraph is both. A first line wrapped onto the next ones is read up to the blank line.
    """

    def _docstring_parts(self) -> tuple[str, str]:
        docstring = super().get_description() or ""
        first, _, rest = docstring.strip().partition("\n\n")
        return " ".join(first.split()), rest.strip()

    def get_summary(self) -> str | None:
        summary, _ = self._docstring_parts()
        return summary.rstrip(".") or None

    def get_description(self) -> str:  # type: ignore[override]  # drf-spectacular narrows it
        summary, rest = self._docstring_parts()
        return rest or summary

    def _get_paginator(self) -> Any:
        paginator = super()._get_paginator()
        if paginator is not None:
            # Read by hms.common.pagination.PageNumberPagination for its `next`/`previous` examples.
            paginator.example_url = f"{EXAMPLE_ORIGIN}{self.path}"
        return paginator


class ErrorResponseSerializer(serializers.Serializer):
    """Every 4xx answer has this shape."""

    code = serializers.CharField(
        help_text="Stable upper-case error code; the `ErrorCode` enum lists every one."
    )
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


def error_codes() -> dict[str, str]:
    """Every error code the API answers with, mapped to what it means.

    The exception handler's own codes, then each DomainError's code (imported from every
    installed app's `errors` module) with its HTTP status and default message.
    """
    autodiscover_modules("errors")
    codes = dict(HANDLER_CODES)
    for error in domain_errors():
        codes.setdefault(error.code, f"{error.status_code}: {error.default_message}")
    return dict(sorted(codes.items()))


def add_error_code_enum(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: `Error.code` is the `ErrorCode` enum, so clients can switch on it."""
    codes = error_codes()
    listing = "\n".join(f"* `{code}` - {meaning}" for code, meaning in codes.items())
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorCode"] = {
        "type": "string",
        "enum": list(codes),
        "description": f"Stable error codes; new ones may be added.\n\n{listing}",
    }
    error = schemas.get("Error")
    if error is not None:
        error["properties"]["code"] = {"$ref": "#/components/schemas/ErrorCode"}
    result["components"]["schemas"] = dict(sorted(schemas.items()))
    return result


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
