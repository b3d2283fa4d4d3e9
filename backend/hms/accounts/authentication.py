"""JWT authentication that checks the token's session and the account on every request.

Access tokens carry their session id. One query reads the session together with its account,
so a token whose session has ended or expired, or whose account is no longer APPROVED and
active, is refused on its very next request, at no cost beyond the account read itself.

Every authenticated request runs that query, so its SQL is built once per database (a
`QueryTemplate`, with the backend's value converters) and only executed afterwards: it reads the
three columns of the session the check needs and every column of the account, which becomes
`request.user` as a whole model instance (nothing on it is deferred, so nothing read later
costs a query).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token

from hms.accounts.models import AccountStatus, Session, User
from hms.accounts.tokens import SESSION_CLAIM, SessionAccessToken
from hms.common.errors import DomainError
from hms.common.queries import QueryTemplate


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


# The session's columns the check reads (Session.is_live and the enrolment-only gate).
_SESSION_FIELDS = ("expires_at", "ended_at", "enrolment_only")
_USER_FIELDS = tuple(field.attname for field in User._meta.concrete_fields)

# The check's one query, built once per database: the session's checked columns and every
# column of its account.
_SESSION_READ = QueryTemplate(
    lambda session, user: Session.objects.filter(pk=session, user_id=user).values(
        *_SESSION_FIELDS, *(f"user__{name}" for name in _USER_FIELDS)
    ),
    session=int,
    user=int,
)


def _session_with_user(session_id: int, user_id: int) -> tuple[Session, User] | None:
    """The session (its checked columns only) and its whole account; None if no match."""
    alias = Session.objects.db
    row = _SESSION_READ.row(using=alias, session=session_id, user=user_id)
    if row is None:
        return None
    session = Session.from_db(
        alias,
        ["id", "user_id", *_SESSION_FIELDS],
        [session_id, user_id, *(row[name] for name in _SESSION_FIELDS)],
    )
    user = User.from_db(alias, list(_USER_FIELDS), [row[f"user__{name}"] for name in _USER_FIELDS])
    return session, user


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
        found = _session_with_user(session_id, user_id)
        if found is None or not found[0].is_live(at=timezone.now()):
            raise AuthenticationFailed("This session has ended. Sign in again.", code="session")
        session, user = found
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
