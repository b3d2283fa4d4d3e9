"""Request id tagging and the body-size limit before any view or parser runs; JSON compression."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.middleware.gzip import GZipMiddleware

from hms.common.exception_handler import error_body
from hms.common.request_context import set_request_context

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def _client_ip(request: HttpRequest) -> str | None:
    proxies = getattr(settings, "REST_FRAMEWORK", {}).get("NUM_PROXIES", 0) or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR")


class RequestIdMiddleware:
    """Give every request an id (or keep a well-formed incoming X-Request-ID) and echo it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        set_request_context(request_id=request_id, client_ip=_client_ip(request))
        try:
            response = self.get_response(request)
        finally:
            set_request_context(request_id=None, client_ip=None)
        response["X-Request-ID"] = request_id
        return response


_DRAIN_CHUNK = 64 * 1024
_DRAIN_MAX = 8 * 1024 * 1024


def _drain(request: HttpRequest, length: int) -> None:
    """Read and discard a refused body (bounded), so a proxy still sending it sees our 413.

    Answering before the body is read makes the WSGI server close the connection while a
    reverse proxy is still writing, which the proxy reports as 502 instead of our 413.
    """
    stream = request.META.get("wsgi.input")
    if stream is None:
        return
    remaining = min(length, _DRAIN_MAX)
    try:
        while remaining > 0:
            chunk = stream.read(min(_DRAIN_CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
    except OSError:
        return


class BodySizeLimitMiddleware:
    """Refuse API bodies over HMS_MAX_BODY_BYTES with 413 before anything reads them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.HMS_MAX_BODY_BYTES
        raw_length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw_length)
        except ValueError:
            return JsonResponse(
                error_body("VALIDATION_ERROR", "The Content-Length header is not a number."),
                status=400,
            )
        if length > limit:
            _drain(request, length)
            return JsonResponse(
                error_body("PAYLOAD_TOO_LARGE", f"The request body is larger than {limit} bytes."),
                status=413,
            )
        return self.get_response(request)


# Answers that carry credentials are never compressed: with an attacker's text reflected
# beside a secret, compressed sizes leak the secret (BREACH). Everything under auth/ (tokens,
# refresh cookies, sign-up and password answers) stays plain, and so does any answer that sets
# a cookie, wherever it comes from.
_NEVER_COMPRESSED_PREFIXES = ("/api/v1/auth/",)


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


class JsonGZipMiddleware(GZipMiddleware):
    """Gzip JSON answers for clients that accept it, never credentials (see above).

    PDFs and the web app's files are left alone: PDFs are compressed already, and static files
    come compressed from whitenoise or nginx.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if (
            not _is_json(response.get("Content-Type", ""))
            or request.path.startswith(_NEVER_COMPRESSED_PREFIXES)
            or response.cookies
        ):
            return response
        return super().process_response(request, response)
