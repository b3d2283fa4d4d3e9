"""Domain errors raised by services; the exception handler turns each into one HTTP answer."""

from __future__ import annotations

from typing import Any, ClassVar

# Every DomainError class, in definition order: the contract's `ErrorCode` enum is built from it
# (hms.common.schema), so a new error in any app is documented without common importing the app.
_REGISTRY: list[type[DomainError]] = []


class DomainError(Exception):
    """A rule of the hospital refused the request. Subclasses fix the HTTP status and code."""

    status_code: ClassVar[int] = 409
    code: ClassVar[str] = "INVALID_STATE"
    default_message: ClassVar[str] = "This action is not allowed in the current state."

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _REGISTRY.append(cls)

    def __init__(self, message: str | None = None, *, fields: dict[str, Any] | None = None):
        self.message = message or self.default_message
        self.fields = fields or {}
        super().__init__(self.message)


class InvalidStateError(DomainError):
    status_code = 409
    code = "INVALID_STATE"


class ConflictError(DomainError):
    status_code = 409
    code = "CONFLICT"


class ValidationFailed(DomainError):
    """Input that is well-formed but breaks a business rule, reported per field."""

    status_code = 400
    code = "VALIDATION_ERROR"
    default_message = "Some fields are not valid."


class PermissionDeniedError(DomainError):
    status_code = 403
    code = "PERMISSION_DENIED"
    default_message = "You do not have permission to perform this action."


class NotFoundError(DomainError):
    status_code = 404
    code = "NOT_FOUND"
    default_message = "Not found."


def domain_errors() -> list[type[DomainError]]:
    """DomainError and every subclass imported so far (import the apps' `errors` modules first)."""
    return [DomainError, *_REGISTRY]
