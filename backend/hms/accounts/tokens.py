"""The JWTs of a session: every access and refresh token names its session (`sid`).

A refresh token also carries its generation (`gen`) in the session's chain of rotations. The
refresh token of a generation is built only from stored facts (session, generation, the time it
was issued), so it can be rebuilt byte for byte: a stale token reused within the grace period
gets exactly the successor the first rotation produced, without storing any token.
"""

from __future__ import annotations

from datetime import datetime

from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token
from rest_framework_simplejwt.utils import datetime_to_epoch

SESSION_CLAIM = "sid"
GENERATION_CLAIM = "gen"


class SessionAccessToken(Token):
    token_type = "access"  # noqa: S105 - a claim value, not a secret
    lifetime = api_settings.ACCESS_TOKEN_LIFETIME


class SessionRefreshToken(Token):
    token_type = "refresh"  # noqa: S105 - a claim value, not a secret
    lifetime = api_settings.REFRESH_TOKEN_LIFETIME


def _build(
    token: Token, *, jti: str, user_id: int, session_id: int, issued_at: datetime, exp: datetime
) -> Token:
    # Claims are written in one fixed order so the same facts always sign to the same string.
    token.payload = {api_settings.TOKEN_TYPE_CLAIM: token.token_type}
    token.payload["exp"] = datetime_to_epoch(exp)
    token.payload["iat"] = datetime_to_epoch(issued_at)
    token.payload[api_settings.JTI_CLAIM] = jti
    token.payload[api_settings.USER_ID_CLAIM] = user_id
    token.payload[SESSION_CLAIM] = session_id
    return token


def refresh_token_build(
    *, user_id: int, session_id: int, generation: int, issued_at: datetime, expires_at: datetime
) -> str:
    """The refresh token of one generation of a session; the same inputs give the same token.

    It expires after the refresh lifetime, and never after the session itself (`expires_at`).
    """
    assert SessionRefreshToken.lifetime is not None
    exp = min(issued_at + SessionRefreshToken.lifetime, expires_at)
    token = _build(
        SessionRefreshToken(),
        jti=f"s{session_id}g{generation}",
        user_id=user_id,
        session_id=session_id,
        issued_at=issued_at,
        exp=exp,
    )
    token.payload[GENERATION_CLAIM] = generation
    return str(token)


def access_token_build(
    *, user_id: int, session_id: int, jti: str, issued_at: datetime, expires_at: datetime
) -> str:
    """A short-lived access token of the session; never valid after the session's expiry."""
    assert SessionAccessToken.lifetime is not None
    exp = min(issued_at + SessionAccessToken.lifetime, expires_at)
    token = _build(
        SessionAccessToken(),
        jti=jti,
        user_id=user_id,
        session_id=session_id,
        issued_at=issued_at,
        exp=exp,
    )
    return str(token)
