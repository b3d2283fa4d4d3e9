"""Swagger UI and the OpenAPI schema: public by default, or for signed-in admins only.

With `HMS_PUBLIC_API_DOCS` off, `/api/docs/` and `/api/schema/` answer to an admin's bearer token
(integrations, curl) or to a short-lived docs cookie. A browser cannot send a bearer token when
it loads a page, so the web app first calls `POST /api/docs/session/` with the admin's token; the
answer sets the cookie (HttpOnly, SameSite=Strict, scoped to /api/) and the app then opens the
page. The cookie holds no token: only the account id and a hash that changes with the password,
signed and valid for a few minutes; the account is re-read and re-checked on every use.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare
from django.utils.module_loading import import_string
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

DOCS_COOKIE_NAME = "hms_docs"
DOCS_COOKIE_PATH = "/api/"
DOCS_COOKIE_MAX_AGE = 600  # seconds
_SALT = "hms.common.api_docs"
# The role the docs are limited to when they are not public (the accounts' role value).
DOCS_ROLE = "ADMIN"


def _is_docs_reader(user: Any) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "role", None) == DOCS_ROLE)


def docs_cookie_value(user: Any) -> str:
    """The signed cookie value for this account: its id and its session hash."""
    return signing.dumps([user.pk, user.get_session_auth_hash()], salt=_SALT, compress=True)


class DocsCookieAuthentication(BaseAuthentication):
    """The docs cookie set by DocsSessionApi; used only by the schema and Swagger UI views."""

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        raw = request.COOKIES.get(DOCS_COOKIE_NAME)
        if not raw:
            return None
        try:
            user_id, session_hash = signing.loads(raw, salt=_SALT, max_age=DOCS_COOKIE_MAX_AGE)
        except (signing.BadSignature, ValueError, TypeError):
            return None
        user = get_user_model()._default_manager.filter(pk=user_id).first()
        may_authenticate = import_string(settings.SIMPLE_JWT["USER_AUTHENTICATION_RULE"])
        if user is None or not may_authenticate(user):
            return None
        if not constant_time_compare(user.get_session_auth_hash(), str(session_hash)):
            return None
        return (user, None)


class ApiDocsPermission(BasePermission):
    """Anyone while HMS_PUBLIC_API_DOCS is on (the default); else signed-in admins only."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(settings.HMS_PUBLIC_API_DOCS) or _is_docs_reader(request.user)


class DocsReaderPermission(BasePermission):
    """A signed-in admin, whatever HMS_PUBLIC_API_DOCS says."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return _is_docs_reader(request.user)


class _MethodFirst(APIView):
    """A method the view does not take answers 405 (with `Allow`) before anyone is checked."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        if request.method not in self.allowed_methods:
            raise MethodNotAllowed(str(request.method))
        super().initial(request, *args, **kwargs)


class DocsSessionApi(_MethodFirst):
    """Let the signed-in admin's browser open Swagger UI: set the short-lived docs cookie."""

    permission_classes = [DocsReaderPermission]

    @extend_schema(exclude=True)
    def post(self, request: Request) -> Response:
        response = Response(status=204)
        response.set_cookie(
            DOCS_COOKIE_NAME,
            docs_cookie_value(request.user),
            max_age=DOCS_COOKIE_MAX_AGE,
            path=DOCS_COOKIE_PATH,
            secure=settings.HMS_REFRESH_COOKIE_SECURE,
            httponly=True,
            samesite="Strict",
        )
        return response


class _DocsAccess(_MethodFirst):
    """Who may read the docs, and refusals in the API's JSON error shape (not YAML or HTML)."""

    authentication_classes = [*APIView.authentication_classes, DocsCookieAuthentication]
    permission_classes = [ApiDocsPermission]

    def handle_exception(self, exc: Exception) -> Response:
        response = super().handle_exception(exc)
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return response


class SchemaApi(_DocsAccess, SpectacularAPIView):
    """The OpenAPI schema (YAML, or JSON with `?format=json`)."""


class SwaggerUiView(_DocsAccess, SpectacularSwaggerView):
    """Swagger UI, from the bundled assets, reading SchemaApi."""
