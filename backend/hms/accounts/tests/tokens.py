"""Tokens for tests: a real session per call, as a sign-in would open."""

from __future__ import annotations

from django.utils import timezone

from hms.accounts.models import User
from hms.accounts.sessions import TokenPair, session_start


def session_tokens(user: User) -> TokenPair:
    """Open a session for `user` and return its first access and refresh tokens."""
    _session, pair = session_start(
        user=user, user_agent="pytest", ip_address=None, at=timezone.now()
    )
    return pair
