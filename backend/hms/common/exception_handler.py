"""One error shape for every 4xx: {"code", "message", "fields"}."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from hms.common.errors import DomainError

logger = logging.getLogger(__name__)

# The codes this handler (and the Django-level fallbacks) answer with on their own, beside the
# DomainError codes: each with what it means. The contract's `ErrorCode` enum lists both.
HANDLER_CODES = {
    "VALIDATION_ERROR": "400: Some fields are not valid; `fields` names them.",
    "MALFORMED_REQUEST": "400: The body is not valid JSON.",
    "NOT_AUTHENTICATED": "401: No credentials, or the token is not valid.",
    "PERMISSION_DENIED": "403: This role may not do this.",
    "NOT_FOUND": "404: Missing, or not visible to the caller.",
    "METHOD_NOT_ALLOWED": "405: The path does not take this method; see `Allow`.",
    "NOT_ACCEPTABLE": "406: The `Accept` header asks for a format the API does not send.",
    "CONFLICT": "409: A database rule refused the change (it conflicts with existing data).",
    "PAYLOAD_TOO_LARGE": "413: The body is larger than the server accepts.",
    "UNSUPPORTED_MEDIA_TYPE": "415: Send `application/json`.",
    "URI_TOO_LONG": "414: The URL (path and query string) is longer than the server accepts.",
    "THROTTLED": "429: Too many requests; see `Retry-After`.",
    "SERVER_ERROR": "500: A fault on the server's side; it has been logged.",
    "SERVICE_UNAVAILABLE": "503: The database cannot be reached for a moment; see `Retry-After`.",
    "ERROR": "Any other refusal (no other status is expected).",
}

_CODES_BY_STATUS = {
    400: "VALIDATION_ERROR",
    401: "NOT_AUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "THROTTLED",
    500: "SERVER_ERROR",
}

_MESSAGES_BY_STATUS = {
    400: "Some fields are not valid.",
    401: "Authentication credentials were not provided or are not valid.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    405: "This method is not allowed here.",
    413: "The request body is too large.",
    415: "Unsupported media type; send application/json.",
    429: "Too many requests; try again later.",
}


def error_body(code: str, message: str, fields: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "fields": fields or {}}


def _collect_messages(detail: Any, path: str, out: dict[str, list[str]]) -> None:
    if isinstance(detail, dict):
        for key, value in detail.items():
            _collect_messages(value, f"{path}.{key}" if path else str(key), out)
    elif isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        # A list of nested objects (one entry per item, empty for a valid one).
        for index, item in enumerate(detail):
            _collect_messages(item, f"{path}.{index}" if path else str(index), out)
    elif isinstance(detail, list):
        out.setdefault(path or "non_field_errors", []).extend(str(item) for item in detail)
    else:
        out.setdefault(path or "non_field_errors", []).append(str(detail))


def _as_field_map(detail: Any) -> dict[str, Any]:
    """Map every field error to a list of messages; a nested field is named by its dotted
    path ("windows.0.weekday", "lines.1.dose"), so `fields` is always {name: [message]}."""
    out: dict[str, list[str]] = {}
    _collect_messages(detail, "", out)
    return out


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        domain_response = Response(
            error_body(exc.code, exc.message, exc.fields), status=exc.status_code
        )
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            domain_response["Retry-After"] = str(retry_after)
        return domain_response
    if isinstance(exc, RequestDataTooBig):
        return Response(error_body("PAYLOAD_TOO_LARGE", _MESSAGES_BY_STATUS[413]), status=413)
    if isinstance(exc, DjangoValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {}
        message = "; ".join(exc.messages) if not fields else _MESSAGES_BY_STATUS[400]
        return Response(error_body("VALIDATION_ERROR", message, fields), status=400)
    if isinstance(exc, IntegrityError):
        # A database constraint refused the row: a state conflict, never a server error.
        logger.warning("Integrity error turned into 409: %s", type(exc).__name__)
        return Response(
            error_body("CONFLICT", "The request conflicts with the current state of the data."),
            status=409,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    status_code = response.status_code
    code = _CODES_BY_STATUS.get(status_code, "ERROR")
    fields = {}
    message = _MESSAGES_BY_STATUS.get(status_code, "The request could not be processed.")

    if isinstance(exc, exceptions.ValidationError):
        fields = _as_field_map(exc.detail)
        if list(fields) == ["non_field_errors"]:
            message = "; ".join(str(item) for item in fields["non_field_errors"])
    elif isinstance(exc, exceptions.APIException):
        detail = exc.detail
        if isinstance(detail, str):
            message = str(detail)
        elif isinstance(detail, dict) and "detail" in detail:
            message = str(detail["detail"])
    if isinstance(exc, exceptions.Throttled):
        code = "THROTTLED"
        wait = getattr(exc, "wait", None)
        if wait is not None:
            message = f"Too many requests; try again in {int(wait) + 1} seconds."
    if isinstance(exc, exceptions.ParseError):
        code = "MALFORMED_REQUEST"
        message = "The request body is not valid JSON."
    response.data = error_body(code, message, fields)
    return response
