"""JWT authentication that re-reads the account on every request.

Access tokens are stateless, so revocation works by checking the account itself: a token of an
account that is no longer APPROVED and active is refused on its very next request.
"""

from __future__ import annotations

from typing import Any

from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed
from rest_framework_simplejwt.tokens import Token

from hms.accounts.models import AccountStatus


def user_may_authenticate(user: Any) -> bool:
    return (
        user is not None
        and getattr(user, "is_active", False)
        and getattr(user, "status", None) == AccountStatus.APPROVED
    )


class ApprovedUserJWTAuthentication(JWTAuthentication):
    def get_user(self, validated_token: Token) -> Any:
        user = super().get_user(validated_token)
        if not user_may_authenticate(user):
            raise AuthenticationFailed("This account can no longer sign in.", code="user_inactive")
        return user
