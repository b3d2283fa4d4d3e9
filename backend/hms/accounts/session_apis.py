"""The signed-in account's own sessions: list them, end one, end all the others."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.accounts.authentication import request_session_id
from hms.accounts.models import Session
from hms.accounts.session_serializers import SessionsEndedSerializer, SessionSerializer
from hms.accounts.sessions import (
    session_get,
    session_list,
    session_revoke,
    session_revoke_others,
)
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet

TAGS = ["auth"]


class SignedInSessionViewSet(ApiViewSet):
    """Every approved account manages its own sessions; nobody sees anyone else's."""

    policy_resource = "sessions"
    queryset = Session.objects.none()

    @extend_schema(
        operation_id="auth_sessions_list",
        responses={200: SessionSerializer(many=True), **error_responses()},
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """List where you're signed in.

        Your live sessions, most recently used first: the device (from its browser's user
        agent), when it signed in, when it last refreshed its token, when it must sign in again,
        and `current` for the session making this request.
        """
        sessions = session_list(viewer=self.viewer, at=timezone.now())
        page = self.paginate_queryset(sessions)
        context = {"current_session_id": request_session_id(request)}
        return self.get_paginated_response(SessionSerializer(page, many=True, context=context).data)

    @extend_schema(
        operation_id="auth_sessions_revoke",
        request=None,
        responses={204: None, **error_responses(404)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"], url_path="revoke")
    def revoke(self, request: Request, id: int) -> Response:
        """End one of your sessions.

        Its tokens stop working on their next request. Ending the current session signs this
        device out. Another account's session, or one that already ended, is 404.
        """
        viewer = self.viewer
        at = timezone.now()
        session = session_get(viewer=viewer, id=int(id), at=at)
        session_revoke(
            actor=viewer, session=session, current_session_id=request_session_id(request), at=at
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="auth_sessions_revoke_others",
        request=None,
        responses={200: SessionsEndedSerializer, **error_responses()},
        examples=[OpenApiExample("Two other devices signed out", value={"ended": 2})],
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="revoke-others")
    def revoke_others(self, request: Request) -> Response:
        """Sign out everywhere else.

        Ends every session of your account except the one making this request.
        """
        ended = session_revoke_others(
            actor=self.viewer,
            current_session_id=request_session_id(request),
            at=timezone.now(),
        )
        return Response(SessionsEndedSerializer({"ended": ended}).data)
