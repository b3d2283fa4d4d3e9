"""Errors of the notification preferences; the exception handler answers each with its code."""

from __future__ import annotations

from hms.common.errors import DomainError


class UnknownNotificationKind(DomainError):
    """A preference names a kind of notification that does not exist."""

    status_code = 400
    code = "UNKNOWN_NOTIFICATION_KIND"
    default_message = "There is no such kind of notification."


class MandatoryNotificationKind(DomainError):
    """A preference tries to switch off e-mail for a kind that is always e-mailed."""

    status_code = 400
    code = "NOTIFICATION_KIND_MANDATORY"
    default_message = "E-mail for this kind of notification cannot be switched off."


class InvalidUnsubscribeLink(DomainError):
    """A one-click unsubscribe link that is forged, damaged, too old or for a closed account."""

    status_code = 400
    code = "INVALID_UNSUBSCRIBE_LINK"
    default_message = "This link is not valid; choose your e-mail preferences after signing in."
