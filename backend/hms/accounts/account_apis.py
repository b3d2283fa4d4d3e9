"""An admin's security actions on another account, mounted under each profile resource.

`doctors/{id}/...` and `patients/{id}/...` (`sessions/revoke/`, `mfa/reset/`) subclass this view
and say how `{id}` leads to the account (through their visibility-scoped selectors, so an
unknown id is 404).
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.accounts.mfa import mfa_reset
from hms.accounts.models import User
from hms.accounts.session_serializers import SessionsEndedSerializer
from hms.accounts.sessions import user_sessions_end_by_admin
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet

REVOKE_SESSIONS_SCHEMA = {
    "request": None,
    "responses": {200: SessionsEndedSerializer, **error_responses(403, 404)},
    "examples": [OpenApiExample("Signed out on three devices", value={"ended": 3})],
}
RESET_MFA_SCHEMA = {"request": None, "responses": {204: None, **error_responses(403, 404)}}


class AccountSecurityViewSet(ApiViewSet):
    """Admin actions on the account behind a profile; `policy_resource` names the profile."""

    def account_of(self, id: int) -> User:
        """The account behind profile `id`, as the viewer may see it (else NotFoundError)."""
        raise NotImplementedError

    @extend_schema(**REVOKE_SESSIONS_SCHEMA)  # type: ignore[arg-type]
    @action(detail=True, methods=["post"], url_path="sessions/revoke")
    def revoke_sessions(self, request: Request, id: int) -> Response:
        """End every session of the account.

        Every device the person is signed in on is signed out: their tokens are refused from
        the next request on. The password does not change. Audited.
        """
        user = self.account_of(int(id))
        ended = user_sessions_end_by_admin(actor=self.viewer, user=user, at=timezone.now())
        return Response(SessionsEndedSerializer({"ended": ended}).data)

    @extend_schema(**RESET_MFA_SCHEMA)  # type: ignore[arg-type]
    @action(detail=True, methods=["post"], url_path="mfa/reset")
    def reset_mfa(self, request: Request, id: int) -> Response:
        """Turn the account's two-factor sign-in off (a lost phone).

        The authenticator and the recovery codes are removed and every session ends. If the
        role requires two-factor sign-in, the person enrols again at their next sign-in.
        Audited.
        """
        mfa_reset(actor=self.viewer, user=self.account_of(int(id)), at=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)
