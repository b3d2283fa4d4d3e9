"""Two-factor sign-in: the second login step, and enrolment of the signed-in account."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.accounts.apis import _token_response
from hms.accounts.authentication import request_session_id
from hms.accounts.mfa import mfa_enrol_begin, mfa_enrol_confirm, mfa_login_verify, mfa_status
from hms.accounts.mfa_serializers import (
    LoginResponseSerializer,
    MfaConfirmSerializer,
    MfaEnrolmentSerializer,
    MfaLoginSerializer,
    MfaRecoveryCodesSerializer,
    MfaStatusSerializer,
)
from hms.accounts.models import MfaDevice
from hms.common.request_context import current_client_ip
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet, PublicApiViewSet

TAGS = ["auth"]


class MfaLoginViewSet(PublicApiViewSet):
    """The second step of a two-factor login."""

    throttle_scope = "login"

    @extend_schema(
        operation_id="auth_token_mfa",
        request=MfaLoginSerializer,
        responses={200: LoginResponseSerializer, **error_responses(400, 401)},
        examples=[
            OpenApiExample(
                "A code from the app",
                value={"mfa_token": "eyJjIjoi...", "code": "492039", "use_cookie": True},
                request_only=True,
            )
        ],
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Finish a two-factor login with a code.

        Send the `mfa_token` from `auth/token/` and a 6-digit code from the authenticator app
        (the current one or one 30-second step either side, each usable once) or one of the
        recovery codes (each usable once). Answers the tokens as `auth/token/` does. A wrong
        code is 400 MFA_CODE_INVALID (after 5, the token is spent); an expired, used or
        malformed token is 401 MFA_TOKEN_INVALID: sign in again.
        """
        body = MfaLoginSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        pair = mfa_login_verify(
            mfa_token=body.validated_data["mfa_token"],
            code=body.validated_data["code"],
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            ip_address=current_client_ip(),
            at=timezone.now(),
        )
        return _token_response(pair, cookie_mode=body.validated_data["use_cookie"])


class MfaViewSet(ApiViewSet):
    """The signed-in account's own two-factor sign-in."""

    policy_resource = "mfa"
    queryset = MfaDevice.objects.none()

    @extend_schema(
        operation_id="auth_mfa_retrieve",
        responses={200: MfaStatusSerializer, **error_responses()},
        tags=TAGS,
    )
    @action(detail=False, methods=["get"], url_path="status")
    def status(self, request: Request) -> Response:
        """Whether two-factor sign-in is on for you.

        Also whether your role requires it and how many recovery codes you have left.
        """
        return Response(MfaStatusSerializer(mfa_status(user=self.viewer)).data)

    @extend_schema(
        operation_id="auth_mfa_enrol",
        request=None,
        responses={200: MfaEnrolmentSerializer, **error_responses(409)},
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="enrol")
    def enrol(self, request: Request) -> Response:
        """Start two-factor enrolment.

        Answers a new secret and its `otpauth://` URI: show it as a QR code for the
        authenticator app, then confirm with a code. Starting again replaces an unconfirmed
        secret. 409 MFA_ALREADY_ENABLED once enrolment was confirmed.
        """
        secret, uri = mfa_enrol_begin(user=self.viewer, at=timezone.now())
        return Response(MfaEnrolmentSerializer({"secret": secret, "otpauth_uri": uri}).data)

    @extend_schema(
        operation_id="auth_mfa_confirm",
        request=MfaConfirmSerializer,
        responses={200: MfaRecoveryCodesSerializer, **error_responses(400, 409)},
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="confirm")
    def confirm(self, request: Request) -> Response:
        """Confirm two-factor enrolment with the app's current code.

        Answers 10 recovery codes, shown only this once (they are stored hashed). From now on
        signing in needs a code. A wrong code is 400 MFA_CODE_INVALID; 409
        MFA_ENROLMENT_NOT_STARTED without `enrol` first.
        """
        body = MfaConfirmSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        codes = mfa_enrol_confirm(
            user=self.viewer,
            code=body.validated_data["code"],
            current_session_id=request_session_id(request),
            at=timezone.now(),
        )
        return Response(MfaRecoveryCodesSerializer({"recovery_codes": codes}).data)
