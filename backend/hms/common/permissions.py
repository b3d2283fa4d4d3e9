"""Permission classes of the API. The role map itself belongs to the identity layer.

`RoleMapPermission` knows no roles: it loads the map named by the `HMS_ROLE_MAP` setting (a
dotted path to a `dict[str, frozenset[str]]` of "<resource>.<operation>" -> role names) and
compares the signed-in account's `role` with it, as a string. Deny by default: an operation
that is not in the map is refused for everyone.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

RoleMap = Mapping[str, frozenset[str]]


@cache
def _load_role_map(path: str) -> RoleMap:
    role_map = import_string(path)
    if not isinstance(role_map, Mapping):
        raise ImproperlyConfigured(f"HMS_ROLE_MAP names {path}, which is not a mapping.")
    return role_map


def role_map() -> RoleMap:
    """Return the role map named by the `HMS_ROLE_MAP` setting (imported once per path)."""
    path = getattr(settings, "HMS_ROLE_MAP", "")
    if not path:
        raise ImproperlyConfigured("HMS_ROLE_MAP must name the API's role map.")
    return _load_role_map(path)


def can_call(*, user: Any, operation: str) -> bool:
    """Whether an authenticated user's role may call `operation` at all."""
    if not getattr(user, "is_authenticated", False):
        return False
    role = getattr(user, "role", None)
    return isinstance(role, str) and role in role_map().get(operation, frozenset())


def view_operation(view: Any) -> str | None:
    """Return the role-map key of the operation a view is serving, or None when it has none.

    The key is "<policy_resource>.<action>"; a view that is not a viewset names its operation
    with `policy_operation` instead of the action.
    """
    resource = getattr(view, "policy_resource", None)
    operation = getattr(view, "policy_operation", None) or getattr(view, "action", None)
    if not resource or not operation:
        return None
    return f"{resource}.{operation}"


class RoleMapPermission(BasePermission):
    """Lets a request through when the caller's role may call the view's operation."""

    message = "Your role may not perform this action."

    def has_permission(self, request: Request, view: Any) -> bool:
        operation = view_operation(view)
        if operation is None:
            return False
        return can_call(user=request.user, operation=operation)
