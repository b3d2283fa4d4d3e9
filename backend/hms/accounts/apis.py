"""Sign-up of admins, login, token refresh, logout, the signed-in account and the hospital."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework_simplejwt.settings import api_settings

from hms.accounts import serializers as s
from hms.accounts.authentication import ApprovedUserJWTAuthentication, request_session_id
from hms.accounts.errors import InvalidRefreshToken
from hms.accounts.mfa import MfaChallenge
from hms.accounts.mfa_serializers import LoginResponseSerializer
from hms.accounts.models import Session, User
from hms.accounts.selectors import user_get_with_profile
from hms.accounts.services import (
    TokenPair,
    admin_signup,
    auth_login,
    auth_logout,
    auth_refresh,
    user_change_password,
    user_update_contact,
)
from hms.common.request_context import current_client_ip
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet, PublicApiViewSet

TAGS = ["auth"]


def _set_refresh_cookie(response: Response, pair: TokenPair) -> None:
    max_age = pair.refresh_max_age
    if max_age is None:
        max_age = int(api_settings.REFRESH_TOKEN_LIFETIME.total_seconds())
    response.set_cookie(
        settings.HMS_REFRESH_COOKIE_NAME,
        pair.refresh,
        max_age=max_age,
        path=settings.HMS_REFRESH_COOKIE_PATH,
        secure=settings.HMS_REFRESH_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    # No secret: tells the web app that a session may be restored (see the setting).
    response.set_cookie(
        settings.HMS_SESSION_HINT_COOKIE_NAME,
        "1",
        max_age=max_age,
        path="/",
        secure=settings.HMS_REFRESH_COOKIE_SECURE,
        httponly=False,
        samesite="Strict",
    )


def _clear_refresh_cookie(response: Response) -> None:
    response.delete_cookie(
        settings.HMS_REFRESH_COOKIE_NAME, path=settings.HMS_REFRESH_COOKIE_PATH, samesite="Strict"
    )
    response.delete_cookie(settings.HMS_SESSION_HINT_COOKIE_NAME, path="/", samesite="Strict")


def _token_response(pair: TokenPair, *, cookie_mode: bool) -> Response:
    body: dict[str, object] = {"access": pair.access}
    if not cookie_mode:
        body["refresh"] = pair.refresh
    if pair.mfa_enrolment_required:
        body["mfa_enrolment_required"] = True
    response = Response(body)
    if cookie_mode:
        _set_refresh_cookie(response, pair)
    return response


class AdminSignupViewSet(PublicApiViewSet):
    """Admin accounts created by sign-up."""

    # An approved admin's token is read when sent: it is accepted under every policy.
    authentication_classes = [ApprovedUserJWTAuthentication]
    throttle_scope = "signup"

    @extend_schema(
        operation_id="auth_signup_admin",
        request=s.AdminSignupSerializer,
        responses={201: s.AccountSerializer, **error_responses(400, 403)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Create an admin account, approved at once.

        Governed by the hospital's admin sign-up policy (`GET /api/v1/hospital/`): `open`
        accepts anyone, `code` needs `signup_code`, `closed` refuses (403 ADMIN_SIGNUP_CLOSED).
        A request carrying an approved admin's bearer token is accepted under every policy.
        """
        body = s.AdminSignupSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        actor = request.user if isinstance(request.user, User) else None
        user = admin_signup(actor=actor, at=timezone.now(), **body.validated_data)
        return Response(s.AccountSerializer(user).data, status=status.HTTP_201_CREATED)


class SessionViewSet(PublicApiViewSet):
    """Tokens: log in, rotate the refresh token, log out."""

    @extend_schema(
        operation_id="auth_token_obtain",
        request=s.TokenObtainSerializer,
        responses={200: LoginResponseSerializer, **error_responses(400, 401, 403)},
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="token", throttle_scope="login")
    def token(self, request: Request) -> Response:
        """Log in and receive tokens.

        JSON mode (integrations): answers `{access, refresh}`. Cookie mode (`use_cookie: true`,
        the SPA): answers `{access}` and sets the refresh token as an HttpOnly,
        SameSite=Strict cookie scoped to `/api/v1/auth/`. Pending and rejected accounts get
        403 with ACCOUNT_PENDING_APPROVAL or ACCOUNT_REJECTED; any other failure is 401
        INVALID_CREDENTIALS. After 5 failed passwords for one username within 15 minutes, that
        username is locked: 429 THROTTLED with `Retry-After` (1, then 5, then 15 minutes),
        whether or not it exists. With two-factor sign-in on, the answer is
        `{"mfa_required": true, "mfa_token": ...}` instead: send the token and a code to
        `auth/token/mfa/` within 5 minutes. An account whose role requires two-factor sign-in
        and that has not enrolled gets tokens with `mfa_enrolment_required: true` that permit
        only `auth/mfa/` (enrolment) and `auth/me/` until enrolment is confirmed.
        """
        body = s.TokenObtainSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        pair = auth_login(
            username=data["username"],
            password=data["password"],
            at=timezone.now(),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            ip_address=current_client_ip(),
        )
        if isinstance(pair, MfaChallenge):
            return Response({"mfa_required": True, "mfa_token": pair.token})
        return _token_response(pair, cookie_mode=data["use_cookie"])

    @extend_schema(
        operation_id="auth_token_refresh",
        request=s.TokenRefreshSerializer,
        responses={200: LoginResponseSerializer, **error_responses(400, 401)},
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="token/refresh", throttle_scope="refresh")
    def token_refresh(self, request: Request) -> Response:
        """Rotate the refresh token and get a new access token.

        Send `{refresh}` (JSON mode, answers `{access, refresh}`) or an empty body with the
        hms_refresh cookie (cookie mode, answers `{access}` and a new cookie). The session's
        lifetime (7 days by default) is never extended. A token that was already rotated, sent
        again within 30 seconds (tabs refreshing at once), answers the same new refresh token;
        sent later, it ends the whole session (theft). An ended or expired session, or an
        account that is no longer approved, is 401 INVALID_TOKEN (in cookie mode the cookie is
        cleared too).
        """
        body = s.TokenRefreshSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        body_token = body.validated_data.get("refresh")
        token = body_token or request.COOKIES.get(settings.HMS_REFRESH_COOKIE_NAME)
        if not token:
            raise InvalidRefreshToken()
        try:
            pair = auth_refresh(refresh=token, at=timezone.now())
        except InvalidRefreshToken as error:
            if body_token:
                raise
            response = self.handle_exception(error)
            _clear_refresh_cookie(response)
            return response
        return _token_response(pair, cookie_mode=not body_token)

    @extend_schema(
        operation_id="auth_logout",
        request=s.LogoutSerializer,
        responses={204: None, **error_responses(400)},
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="logout")
    def logout(self, request: Request) -> Response:
        """End the session of the refresh token (body or cookie) and clear the cookie.

        The session's access tokens are refused from the next request on. Idempotent: an
        unknown, expired or already ended token answers 204 as well.
        """
        body = s.LogoutSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        token = body.validated_data.get("refresh") or request.COOKIES.get(
            settings.HMS_REFRESH_COOKIE_NAME
        )
        if token:
            auth_logout(refresh=token, at=timezone.now())
        response = Response(status=status.HTTP_204_NO_CONTENT)
        _clear_refresh_cookie(response)
        return response


class AccountViewSet(ApiViewSet):
    """The signed-in account: its profile's contact fields and its password."""

    policy_resource = "auth"
    queryset = User.objects.none()

    @extend_schema(
        operation_id="auth_me_retrieve",
        responses={200: s.MeSerializer, **error_responses()},
        tags=TAGS,
    )
    @action(detail=False, methods=["get"], url_path="me")
    def me(self, request: Request) -> Response:
        """The signed-in account.

        The account's names, role and status, with the contact fields of the doctor's or
        patient's profile flattened in (null for an admin).
        """
        return Response(s.MeSerializer(user_get_with_profile(user=self.viewer)).data)

    @extend_schema(
        operation_id="auth_me_update",
        request=s.MeUpdateSerializer,
        responses={200: s.MeSerializer, **error_responses(400)},
        tags=TAGS,
    )
    @me.mapping.patch
    def me_update(self, request: Request) -> Response:
        """Change the signed-in account's names, email, mobile or address.

        Send only the fields to change. The status, role, password and (for a patient) the
        assigned doctor never change here.
        """
        body = s.MeUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        user = user_get_with_profile(user=self.viewer)
        user_update_contact(user=user, data=body.validated_data, at=timezone.now())
        return Response(s.MeSerializer(user_get_with_profile(user=user)).data)

    @extend_schema(
        operation_id="auth_password_change",
        request=s.PasswordChangeSerializer,
        responses={204: None, **error_responses(400)},
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="password")
    def password_change(self, request: Request) -> Response:
        """Change the signed-in account's password.

        Needs the current password. Every other session of the account ends at once; this one
        stays signed in.
        """
        body = s.PasswordChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with transaction.atomic():
            user_change_password(
                user=self.viewer,
                at=timezone.now(),
                current_session=Session.objects.get(pk=request_session_id(request)),
                **body.validated_data,
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


class HospitalViewSet(PublicApiViewSet):
    """Facts about the hospital."""

    @extend_schema(
        operation_id="hospital_retrieve",
        responses={200: s.HospitalSerializer, **error_responses()},
        tags=["hospital"],
    )
    @action(detail=False, methods=["get"], url_path="hospital")
    def hospital(self, request: Request) -> Response:
        """Public facts about the hospital the SPA needs before sign-in.

        The name, address, time zone, currency, admin sign-up policy and appointment length.
        """
        return Response(
            s.HospitalSerializer(
                {
                    "name": settings.HMS_HOSPITAL_NAME,
                    "address": settings.HMS_HOSPITAL_ADDRESS,
                    "time_zone": settings.TIME_ZONE,
                    "currency": settings.HMS_CURRENCY,
                    "admin_signup_policy": settings.HMS_ADMIN_SIGNUP,
                    "slot_minutes": settings.HMS_SLOT_MINUTES,
                }
            ).data
        )
