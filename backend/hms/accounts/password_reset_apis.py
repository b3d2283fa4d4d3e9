"""Forgotten passwords: ask for a reset link by e-mail, then set a new password with it."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.accounts.password_reset import password_reset_confirm, password_reset_request
from hms.accounts.serializers import PasswordField
from hms.common.schema import error_responses
from hms.common.viewsets import PublicApiViewSet

TAGS = ["auth"]
ACCEPTED_MESSAGE = (
    "If an approved account with an e-mail address matches, a password reset link is on its way."
)


class PasswordResetRequestSerializer(serializers.Serializer):
    login = serializers.CharField(max_length=254, help_text="A username or an e-mail address.")


class PasswordResetAcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField()


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = serializers.CharField(max_length=64, help_text="The `uid` parameter of the link.")
    token = serializers.CharField(max_length=128, help_text="The `token` parameter of the link.")
    new_password = PasswordField()


class PasswordResetViewSet(PublicApiViewSet):
    """Password reset links sent by e-mail."""

    throttle_scope = "password_reset"

    @extend_schema(
        operation_id="auth_password_reset",
        request=PasswordResetRequestSerializer,
        responses={202: PasswordResetAcceptedSerializer, **error_responses(400)},
        examples=[
            OpenApiExample("Ask by username", value={"login": "dr.anita"}, request_only=True),
            OpenApiExample(
                "Always the same answer", value={"detail": ACCEPTED_MESSAGE}, response_only=True
            ),
        ],
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Ask for a password reset link.

        Send a username or an e-mail address. An approved account with an e-mail address gets
        a link valid for 30 minutes, usable once. The answer is always 202 with the same body,
        whether or not an account matched.
        """
        body = PasswordResetRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        password_reset_request(
            login=body.validated_data["login"],
            site_url=settings.HMS_SITE_URL or request.build_absolute_uri("/"),
            at=timezone.now(),
        )
        return Response({"detail": ACCEPTED_MESSAGE}, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        operation_id="auth_password_reset_confirm",
        request=PasswordResetConfirmSerializer,
        responses={204: None, **error_responses(400)},
        examples=[
            OpenApiExample(
                "New password",
                value={
                    "uid": "MTI",
                    "token": "cjv1ab-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                    "new_password": "a-long-new-passphrase",
                },
                request_only=True,
            ),
        ],
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="confirm")
    def confirm(self, request: Request) -> Response:
        """Set a new password with a reset link.

        The password rules are those of sign-up. Every session of the account ends. A
        malformed, expired or already used link is 400 RESET_LINK_INVALID; it says nothing
        about the account.
        """
        body = PasswordResetConfirmSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        password_reset_confirm(at=timezone.now(), **body.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)
