"""The request id and client address of the request being served, for logs and audit rows."""

from __future__ import annotations

from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
_client_ip: ContextVar[str | None] = ContextVar("client_ip", default=None)
# The id of the request this thread answered last: the development server writes its access
# log line after the response has left the middleware.
_served_request_id: ContextVar[str | None] = ContextVar("served_request_id", default=None)


def current_request_id() -> str | None:
    return _request_id.get()


def current_client_ip() -> str | None:
    return _client_ip.get()


def served_request_id() -> str | None:
    return _served_request_id.get()


def set_request_context(
    *, request_id: str | None, client_ip: str | None, served_request_id: str | None = None
) -> None:
    _request_id.set(request_id)
    _client_ip.set(client_ip)
    _served_request_id.set(served_request_id)
