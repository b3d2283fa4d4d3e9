"""JWT authentication that checks the token's session and the account on every request.

Access tokens carry their session id. One query reads the session together with its account,
so a token whose session has ended or expired, or whose account is no longer APPROVED and
active, is refused on its very next request, at no cost beyond the account read itself.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token

from hms.accounts.models import AccountStatus, Session
from hms.accounts.tokens import SESSION_CLAIM, SessionAccessToken
from hms.common.errors import DomainError


def user_may_authenticate(user: Any) -> bool:
    return (
        user is not None
        and getattr(user, "is_active", False)
        and getattr(user, "status", None) == AccountStatus.APPROVED
    )


# What an enrolment-only session (a role that must use MFA, not enrolled yet) may call.
ENROLMENT_ONLY_ROUTES = frozenset(
    {"auth-mfa-status", "auth-mfa-enrol", "auth-mfa-confirm", "auth-account-me"}
)


class MfaEnrolmentRequired(DomainError):
    """A role that must use two-factor sign-in has not enrolled: only enrolment is open."""

    status_code = 403
    code = "MFA_ENROLMENT_REQUIRED"
    default_message = "Turn on two-factor sign-in first (auth/mfa/enrol/)."


class ApprovedUserJWTAuthentication(JWTAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Token] | None:
        result = super().authenticate(request)
        if result is not None and getattr(result[0], "_hms_enrolment_only", False):
            match = getattr(request._request, "resolver_match", None)
            if match is None or match.url_name not in ENROLMENT_ONLY_ROUTES:
                raise MfaEnrolmentRequired()
        return result

    def get_validated_token(self, raw_token: bytes) -> Token:
        try:
            return SessionAccessToken(raw_token)  # type: ignore[arg-type]
        except TokenError as error:
            raise InvalidToken("The access token is not valid or has expired.") from error

    def get_user(self, validated_token: Token) -> Any:
        user_id = validated_token.get(api_settings.USER_ID_CLAIM)
        session_id = validated_token.get(SESSION_CLAIM)
        if type(user_id) is not int or type(session_id) is not int:
            raise InvalidToken("The access token is not valid or has expired.")
        session = (
            Session.objects.select_related("user").filter(pk=session_id, user_id=user_id).first()
        )
        if session is None or not session.is_live(at=timezone.now()):
            raise AuthenticationFailed("This session has ended. Sign in again.", code="session")
        user = session.user
        if not user_may_authenticate(user):
            raise AuthenticationFailed("This account can no longer sign in.", code="user_inactive")
        # Read by authenticate(), which knows the route; the view never sees it.
        setattr(user, "_hms_enrolment_only", session.enrolment_only)  # noqa: B010
        return user


def request_session_id(request: Request) -> int:
    """The id of the session the request's access token belongs to."""
    token: Any = request.auth
    session_id = token.get(SESSION_CLAIM) if token is not None else None
    assert type(session_id) is int, "only session-authenticated requests have a session"
    return session_id
