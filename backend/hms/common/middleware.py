"""Request id tagging and the body-size limit, both before any view or parser runs."""

from __future__ import annotations

import ipaddress
import logging
import re
import uuid
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

from hms.common.exception_handler import error_body
from hms.common.request_context import set_request_context

logger = logging.getLogger(__name__)

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def _client_ip(request: HttpRequest) -> str | None:
    proxies = getattr(settings, "REST_FRAMEWORK", {}).get("NUM_PROXIES", 0) or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR")


@lru_cache(maxsize=8)
def _networks(
    entries: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def from_trusted_proxy(remote_addr: str | None, trusted: Iterable[str]) -> bool:
    """Whether the connection comes from one of the `trusted` addresses or networks (CIDR)."""
    if not remote_addr:
        return False
    try:
        address = ipaddress.ip_address(remote_addr)
    except ValueError:
        return False
    return any(address in network for network in _networks(tuple(trusted)))


def _request_id(request: HttpRequest) -> str:
    """The id of this request: the proxy's X-Request-ID when a trusted proxy sent one, else new.

    A client could otherwise choose the id written into the audit log and the access log.
    """
    incoming = request.headers.get("X-Request-ID", "")
    if _VALID_REQUEST_ID.match(incoming) and from_trusted_proxy(
        request.META.get("REMOTE_ADDR"), settings.HMS_TRUSTED_PROXIES
    ):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Give every request an id (see `_request_id`), for logs and audit rows; echo it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = _request_id(request)
        set_request_context(request_id=request_id, client_ip=_client_ip(request))
        try:
            response = self.get_response(request)
        finally:
            set_request_context(request_id=None, client_ip=None, served_request_id=request_id)
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


class UrlLengthLimitMiddleware:
    """Refuse URLs longer than HMS_MAX_URL_LENGTH (path and query) with 414 in the JSON shape.

    The WSGI server and nginx have limits of their own, above this one, where they answer in
    their own words; below them every over-long URL gets the API's error shape.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.HMS_MAX_URL_LENGTH
        length = len(request.META.get("PATH_INFO", "")) + len(request.META.get("QUERY_STRING", ""))
        if length > limit:
            return JsonResponse(
                error_body("URI_TOO_LONG", f"The URL is longer than {limit} characters."),
                status=414,
            )
        return self.get_response(request)


# Seconds a client is asked to wait before retrying while the database cannot be reached.
DATABASE_RETRY_AFTER_SECONDS = 5


def database_unavailable_response() -> JsonResponse:
    response = JsonResponse(
        error_body(
            "SERVICE_UNAVAILABLE",
            "The service is briefly unavailable; try again in a few seconds.",
        ),
        status=503,
    )
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response


def is_database_unavailable(error: BaseException | None) -> bool:
    """Whether `error` says the database cannot answer now (down, restarting, unreachable).

    Operational errors are the database's own trouble (a lost connection, a restart, a
    server shutting down), never a fault of the request, so the client may simply retry.
    """
    return isinstance(error, (OperationalError, InterfaceError))


class DatabaseUnavailableMiddleware:
    """Answer 503 SERVICE_UNAVAILABLE with Retry-After when a view cannot reach the database."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_database_unavailable(exception):
            logger.warning("Database unavailable: %s", type(exception).__name__)
            return database_unavailable_response()
        return None
