from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class ApiDocsPermission(BasePermission):
    """The schema and Swagger UI are public unless HMS_PUBLIC_API_DOCS is off (production)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if settings.HMS_PUBLIC_API_DOCS:
            return True
        user = request.user
        return bool(user and user.is_authenticated and getattr(user, "role", None) == "ADMIN")
