"""Sign-up, login, token refresh, logout and the signed-in account."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.settings import api_settings

from hms.accounts import serializers as s
from hms.accounts.authentication import ApprovedUserJWTAuthentication
from hms.accounts.errors import InvalidRefreshToken
from hms.accounts.models import AccountStatus, User
from hms.accounts.services import (
    TokenPair,
    admin_signup,
    auth_login,
    auth_logout,
    auth_refresh,
    user_change_password,
    user_update_contact,
)
from hms.common.schema import error_responses, public_error_responses
from hms.doctors.models import Department
from hms.doctors.serializers import DepartmentSerializer, DoctorSerializer
from hms.doctors.services import doctor_create
from hms.patients.serializers import PatientSerializer
from hms.patients.services import patient_create


def _set_refresh_cookie(response: Response, refresh: str) -> None:
    response.set_cookie(
        settings.HMS_REFRESH_COOKIE_NAME,
        refresh,
        max_age=int(api_settings.REFRESH_TOKEN_LIFETIME.total_seconds()),
        path=settings.HMS_REFRESH_COOKIE_PATH,
        secure=settings.HMS_REFRESH_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def _clear_refresh_cookie(response: Response) -> None:
    response.delete_cookie(
        settings.HMS_REFRESH_COOKIE_NAME, path=settings.HMS_REFRESH_COOKIE_PATH, samesite="Strict"
    )


def _token_response(pair: TokenPair, *, cookie_mode: bool) -> Response:
    if cookie_mode:
        response = Response({"access": pair.access})
        _set_refresh_cookie(response, pair.refresh)
        return response
    return Response({"access": pair.access, "refresh": pair.refresh})


class _PublicView(APIView):
    authentication_classes: list[type] = []
    permission_classes = [AllowAny]


class _ScopedThrottleMixin:
    """Adds the view's `throttle_scope` budget on top of the per-user one."""

    def get_throttles(self) -> list[Any]:
        return [*super().get_throttles(), ScopedRateThrottle()]  # type: ignore[misc]


class AdminSignupApi(_ScopedThrottleMixin, APIView):
    """Create an admin account, approved at once.

    Governed by the hospital's admin sign-up policy (`GET /api/v1/hospital/`): `open` accepts
    anyone, `code` needs `signup_code`, `closed` refuses (403 ADMIN_SIGNUP_CLOSED). A request
    carrying an approved admin's bearer token is accepted under every policy.
    """

    authentication_classes = [ApprovedUserJWTAuthentication]
    permission_classes = [AllowAny]
    throttle_scope = "signup"

    @extend_schema(
        operation_id="auth_signup_admin",
        request=s.AdminSignupSerializer,
        responses={201: s.AccountSerializer, **public_error_responses(400, 403)},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = s.AdminSignupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        actor = request.user if isinstance(request.user, User) else None
        user = admin_signup(actor=actor, at=timezone.now(), **serializer.validated_data)
        return Response(s.AccountSerializer(user).data, status=status.HTTP_201_CREATED)


class DoctorSignupApi(_ScopedThrottleMixin, _PublicView):
    """Apply as a doctor. The account starts PENDING and signs in once an admin approves it."""

    throttle_scope = "signup"

    @extend_schema(
        operation_id="auth_signup_doctor",
        request=s.DoctorSignupSerializer,
        responses={201: DoctorSerializer, **public_error_responses(400)},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = s.DoctorSignupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        doctor = doctor_create(
            actor=None, status=AccountStatus.PENDING, at=timezone.now(), **serializer.validated_data
        )
        return Response(DoctorSerializer(doctor).data, status=status.HTTP_201_CREATED)


class PatientSignupApi(_ScopedThrottleMixin, _PublicView):
    """Sign up as a patient. The account starts PENDING and signs in once an admin approves it."""

    throttle_scope = "signup"

    @extend_schema(
        operation_id="auth_signup_patient",
        request=s.PatientSignupSerializer,
        responses={201: PatientSerializer, **public_error_responses(400)},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = s.PatientSignupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        patient = patient_create(
            actor=None,
            status=AccountStatus.PENDING,
            assigned_doctor=None,
            at=timezone.now(),
            **serializer.validated_data,
        )
        return Response(PatientSerializer(patient).data, status=status.HTTP_201_CREATED)


class TokenObtainApi(_ScopedThrottleMixin, _PublicView):
    """Log in and receive tokens.

    JSON mode (integrations): answers `{access, refresh}`. Cookie mode (`use_cookie: true`, the
    SPA): answers `{access}` and sets the refresh token as an HttpOnly, SameSite=Strict cookie
    scoped to `/api/v1/auth/`. Pending and rejected accounts get 403 with
    ACCOUNT_PENDING_APPROVAL or ACCOUNT_REJECTED; any other failure is 401 INVALID_CREDENTIALS.
    """

    throttle_scope = "login"

    @extend_schema(
        operation_id="auth_token_obtain",
        request=s.TokenObtainSerializer,
        responses={200: s.TokenResponseSerializer, **public_error_responses(400, 401, 403)},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = s.TokenObtainSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        pair = auth_login(username=data["username"], password=data["password"], at=timezone.now())
        return _token_response(pair, cookie_mode=data["use_cookie"])


class TokenRefreshApi(_ScopedThrottleMixin, _PublicView):
    """Rotate the refresh token and get a new access token.

    Send `{refresh}` (JSON mode, answers `{access, refresh}`) or an empty body with the
    hms_refresh cookie (cookie mode, answers `{access}` and a new cookie). A used, revoked or
    expired refresh token, or one of an account that is no longer approved, is 401.
    """

    throttle_scope = "refresh"

    @extend_schema(
        operation_id="auth_token_refresh",
        request=s.TokenRefreshSerializer,
        responses={200: s.TokenResponseSerializer, **public_error_responses(400, 401)},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = s.TokenRefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        body_token = serializer.validated_data.get("refresh")
        cookie_token = request.COOKIES.get(settings.HMS_REFRESH_COOKIE_NAME)
        token = body_token or cookie_token
        if not token:
            raise InvalidRefreshToken()
        try:
            pair = auth_refresh(refresh=token)
        except InvalidRefreshToken:
            if body_token:
                raise
            response = Response(
                {
                    "code": InvalidRefreshToken.code,
                    "message": InvalidRefreshToken.default_message,
                    "fields": {},
                },
                status=status.HTTP_401_UNAUTHORIZED,
            )
            _clear_refresh_cookie(response)
            return response
        return _token_response(pair, cookie_mode=not body_token)


class LogoutApi(_PublicView):
    """Revoke the refresh token (from the body or the cookie) and clear the cookie. Idempotent."""

    @extend_schema(
        operation_id="auth_logout",
        request=s.LogoutSerializer,
        responses={204: None, **public_error_responses(400)},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = s.LogoutSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = serializer.validated_data.get("refresh") or request.COOKIES.get(
            settings.HMS_REFRESH_COOKIE_NAME
        )
        if token:
            auth_logout(refresh=token, at=timezone.now())
        response = Response(status=status.HTTP_204_NO_CONTENT)
        _clear_refresh_cookie(response)
        return response


def _me_queryset_user(user: User) -> User:
    return (
        User.objects.select_related("doctor", "doctor__department", "patient")
        .filter(pk=user.pk)
        .get()
    )


class MeApi(APIView):
    """The signed-in account. PATCH changes only names, email, mobile and address."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_me_retrieve",
        responses={200: s.MeSerializer, **error_responses()},
        tags=["auth"],
    )
    def get(self, request: Request) -> Response:
        return Response(s.MeSerializer(_me_queryset_user(request.user)).data)  # type: ignore[arg-type]

    @extend_schema(
        operation_id="auth_me_update",
        request=s.MeUpdateSerializer,
        responses={200: s.MeSerializer, **error_responses(400)},
        tags=["auth"],
    )
    def patch(self, request: Request) -> Response:
        serializer = s.MeUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = _me_queryset_user(request.user)  # type: ignore[arg-type]
        user_update_contact(user=user, data=serializer.validated_data, at=timezone.now())
        return Response(s.MeSerializer(_me_queryset_user(user)).data)


class PasswordChangeApi(APIView):
    """Change the signed-in account's password. Every refresh token of the account is revoked."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_password_change",
        request=s.PasswordChangeSerializer,
        responses={204: None, **error_responses(400)},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = s.PasswordChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            user_change_password(
                user=request.user,  # type: ignore[arg-type]
                at=timezone.now(),
                **serializer.validated_data,
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


class DepartmentListApi(_PublicView):
    """The hospital's departments. Public: the doctor sign-up form uses it."""

    pagination_class = None

    @extend_schema(
        operation_id="departments_list",
        responses={200: DepartmentSerializer(many=True), **public_error_responses()},
        tags=["departments"],
    )
    def get(self, request: Request) -> Response:
        return Response(DepartmentSerializer(Department.objects.all(), many=True).data)


class HospitalApi(_PublicView):
    """Public facts about the hospital the SPA needs before sign-in."""

    @extend_schema(
        operation_id="hospital_retrieve",
        responses={200: s.HospitalSerializer, **public_error_responses()},
        tags=["hospital"],
    )
    def get(self, request: Request) -> Response:
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
