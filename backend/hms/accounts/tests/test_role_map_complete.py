"""The role map and the URL configuration describe the same operations, no more, no less.

Every operation a role-map-guarded view serves has an entry (else nobody could call it), and
every entry names an operation some route serves (else it is stale and hides a typo).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

from hms.accounts.policies import ROLE_MAP
from hms.common.permissions import RoleMapPermission, view_operation

_NOT_OPERATIONS = {"head", "options"}


def _patterns(patterns: list[Any], prefix: str = "") -> list[tuple[str, URLPattern]]:
    found: list[tuple[str, URLPattern]] = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            found.append((prefix + str(pattern.pattern), pattern))
    return found


def _guarded_operations() -> dict[str, list[str]]:
    """Map each role-map key served by a role-map-guarded view to the routes serving it."""
    served: dict[str, list[str]] = {}
    for route, pattern in _patterns(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "cls", None)
        if view_class is None or not issubclass(view_class, APIView):
            continue
        initkwargs = getattr(pattern.callback, "initkwargs", {}) or {}
        actions: dict[str, str] = getattr(pattern.callback, "actions", None) or {
            method: method for method in view_class.http_method_names if hasattr(view_class, method)
        }
        for method, action_name in actions.items():
            if method in _NOT_OPERATIONS:
                continue
            view = view_class(**initkwargs)
            view.action = action_name
            view.request = SimpleNamespace(method=method.upper())
            if not any(issubclass(p, RoleMapPermission) for p in view.permission_classes):
                continue
            operation = view_operation(view)
            served.setdefault(str(operation), []).append(f"{method.upper()} {route}")
    return served


def test_every_guarded_operation_has_a_role_map_entry():
    served = _guarded_operations()
    assert {op: routes for op, routes in served.items() if op not in ROLE_MAP} == {}


def test_every_role_map_entry_names_a_served_operation():
    served = _guarded_operations()
    assert sorted(set(ROLE_MAP) - set(served)) == []


def test_the_walk_finds_the_operations_it_checks():
    served = _guarded_operations()
    assert served["doctors.approve"] == ["POST api/v1/doctors/<int:id>/approve/"]
    assert served["doctors.destroy"] == ["DELETE api/v1/doctors/<int:id>/"]
    assert served["auth.me_update"] == ["PATCH api/v1/auth/me/"]
