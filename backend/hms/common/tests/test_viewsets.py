"""The base view: the role map named by a setting, 405 before any role check, `viewer`."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate

from hms.common.permissions import RoleMapPermission, can_call
from hms.common.viewsets import ApiViewSet, PublicApiViewSet

# A role map of this test module only: the base view knows no domain's map.
THINGS_ROLE_MAP = {
    "things.list": frozenset({"CLERK"}),
    "things.nudge": frozenset({"CLERK", "GUEST"}),
}
USE_THINGS_MAP = override_settings(HMS_ROLE_MAP=f"{__name__}.THINGS_ROLE_MAP")


class ThingViewSet(ApiViewSet):
    policy_resource = "things"

    def list(self, request: Request) -> Response:
        return Response({"viewer": self.viewer.username})

    @action(detail=True, methods=["post"])
    def nudge(self, request: Request, id: int) -> Response:
        return Response({"nudged": int(id)})


class OpenThingViewSet(PublicApiViewSet):
    def list(self, request: Request) -> Response:
        return Response({"open": True})


def person(role: str) -> SimpleNamespace:
    return SimpleNamespace(
        is_authenticated=True, pk=len(role), role=role, username=f"{role.lower()}.one"
    )


factory = APIRequestFactory()
thing_list = ThingViewSet.as_view({"get": "list"})
thing_nudge = ThingViewSet.as_view({"post": "nudge"})


@USE_THINGS_MAP
@pytest.mark.parametrize(
    ("role", "operation", "allowed"),
    [
        ("CLERK", "things.list", True),
        ("GUEST", "things.list", False),
        ("GUEST", "things.nudge", True),
        ("CLERK", "things.destroy", False),
    ],
)
def test_can_call_reads_the_map_named_by_the_setting(role, operation, allowed):
    assert can_call(user=person(role), operation=operation) is allowed


@USE_THINGS_MAP
def test_the_role_is_compared_as_a_string():
    assert can_call(user=person("CLERK"), operation="things.list") is True
    assert can_call(user=SimpleNamespace(is_authenticated=True, role=None), operation="x") is False


def test_a_view_without_a_policy_is_denied():
    permission = RoleMapPermission()
    request = SimpleNamespace(user=person("ADMIN"), method="GET")
    assert permission.has_permission(request, SimpleNamespace()) is False


@USE_THINGS_MAP
def test_the_allowed_role_reaches_the_handler_and_reads_viewer():
    request = factory.get("/things/")
    force_authenticate(request, user=person("CLERK"))
    response = thing_list(request)
    assert (response.status_code, response.data) == (200, {"viewer": "clerk.one"})


@USE_THINGS_MAP
def test_another_role_is_refused_with_403():
    request = factory.get("/things/")
    force_authenticate(request, user=person("GUEST"))
    response = thing_list(request)
    assert (response.status_code, response.data["code"]) == (403, "PERMISSION_DENIED")


@USE_THINGS_MAP
def test_an_action_is_checked_under_its_own_name():
    request = factory.post("/things/7/nudge/")
    force_authenticate(request, user=person("GUEST"))
    response = thing_nudge(request, id="7")
    assert (response.status_code, response.data) == (200, {"nudged": 7})


@USE_THINGS_MAP
@pytest.mark.parametrize("user", [None, "GUEST", "CLERK"])
def test_an_unmapped_method_is_405_before_any_role_check(user):
    request = factory.delete("/things/")
    if user is not None:
        force_authenticate(request, user=person(user))
    response = thing_list(request)
    assert response.status_code == 405
    assert response.data == {
        "code": "METHOD_NOT_ALLOWED",
        "message": 'Method "DELETE" not allowed.',
        "fields": {},
    }
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@USE_THINGS_MAP
def test_anonymous_on_a_mapped_method_is_401():
    response = thing_list(factory.get("/things/"))
    assert (response.status_code, response.data["code"]) == (401, "NOT_AUTHENTICATED")


def test_a_public_viewset_needs_no_token():
    response = OpenThingViewSet.as_view({"get": "list"})(factory.get("/open/"))
    assert (response.status_code, response.data) == (200, {"open": True})


def test_viewer_refuses_an_anonymous_request():
    view = ThingViewSet()
    view.request = SimpleNamespace(user=AnonymousUser())
    with pytest.raises(NotAuthenticated):
        _ = view.viewer


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/api/v1/doctors/", "/api/v1/patients/", "/api/v1/appointments/", "/api/v1/auth/logout/"],
)
def test_options_describes_the_resource_without_fields_for_any_signed_in_role(
    path, client_for, admin_user
):
    client = client_for(admin_user)
    client.validate_contract = False
    response = client.options(path)
    assert response.status_code == 200
    assert set(response.json()) == {"name", "description", "renders", "parses"}
    assert response.json()["renders"] == ["application/json"]
