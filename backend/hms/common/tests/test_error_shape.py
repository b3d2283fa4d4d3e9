from __future__ import annotations

import re

import pytest
from django.test import override_settings

from hms.accounts.models import User

pytestmark = pytest.mark.django_db


def assert_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "fields"}
    assert body["code"] == code
    assert isinstance(body["message"], str) and body["message"]
    return body


def test_malformed_json_is_400(api_client):
    response = api_client.generic(
        "POST", "/api/v1/auth/token/", "{not json", content_type="application/json"
    )
    body = assert_error(response, 400, "MALFORMED_REQUEST")
    assert body["message"] == "The request body is not valid JSON."


def test_missing_fields_are_400_with_field_messages(api_client):
    response = api_client.post("/api/v1/auth/token/", {}, format="json")
    body = assert_error(response, 400, "VALIDATION_ERROR")
    assert body["fields"] == {
        "username": ["This field is required."],
        "password": ["This field is required."],
    }


def test_unauthenticated_is_401(api_client):
    response = api_client.get("/api/v1/auth/me/")
    body = assert_error(response, 401, "NOT_AUTHENTICATED")
    assert body["message"] == "Authentication credentials were not provided."
    assert response["WWW-Authenticate"].startswith("Bearer")


@override_settings(HMS_ADMIN_SIGNUP="closed")
def test_forbidden_is_403(api_client):
    response = api_client.post(
        "/api/v1/auth/signup/admin/",
        {
            "username": "x-admin",
            "password": "a-very-long-passphrase-42",
            "first_name": "A",
            "last_name": "B",
        },
        format="json",
    )
    assert_error(response, 403, "ADMIN_SIGNUP_CLOSED")
    assert User.objects.count() == 0


@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_unknown_api_url_is_json_404(api_client, method):
    response = getattr(api_client, method)("/api/v1/no-such-thing/")
    body = assert_error(response, 404, "NOT_FOUND")
    assert body["message"] == "Not found."


def test_unknown_url_outside_v1_under_api_is_json_404(api_client):
    api_client.validate_contract = False
    response = api_client.get("/api/v2/anything")
    assert_error(response, 404, "NOT_FOUND")


def test_wrong_method_is_405(api_client):
    response = api_client.get("/api/v1/auth/token/")
    body = assert_error(response, 405, "METHOD_NOT_ALLOWED")
    assert body["message"] == 'Method "GET" not allowed.'


def test_wrong_content_type_is_415(api_client):
    response = api_client.generic(
        "POST", "/api/v1/auth/token/", "username=a&password=b", content_type="text/plain"
    )
    assert_error(response, 415, "UNSUPPORTED_MEDIA_TYPE")


@override_settings(HMS_MAX_BODY_BYTES=1024)
def test_oversized_body_is_413(api_client):
    api_client.validate_contract = False
    response = api_client.generic(
        "POST",
        "/api/v1/auth/signup/patient/",
        '{"username": "' + "x" * 2048 + '"}',
        content_type="application/json",
    )
    body = assert_error(response, 413, "PAYLOAD_TOO_LARGE")
    assert body["message"] == "The request body is larger than 1024 bytes."
    assert User.objects.count() == 0


@pytest.mark.parametrize(
    "payload",
    [
        "[]",
        "null",
        '"text"',
        "123",
        '{"username": ["a"], "password": {"x": 1}}',
        '{"username": "\\u0000", "password": "\\u0000"}',
        '{"username": "' + "a" * 500 + '", "password": "b"}',
    ],
)
def test_odd_json_bodies_never_500(api_client, payload):
    response = api_client.generic(
        "POST", "/api/v1/auth/token/", payload, content_type="application/json"
    )
    assert response.status_code in {400, 401}
    assert set(response.json()) == {"code", "message", "fields"}


@pytest.mark.parametrize(
    "path",
    ["/api/v1/auth/signup/doctor/", "/api/v1/auth/signup/patient/", "/api/v1/auth/signup/admin/"],
)
@pytest.mark.parametrize(
    "payload",
    [
        "[]",
        '{"username": 5, "password": 5, "department": [], "preferred_doctor": "x", '
        '"date_of_birth": "yesterday", "mobile": 7}',
    ],
)
def test_odd_signup_bodies_are_400(api_client, path, payload):
    response = api_client.generic("POST", path, payload, content_type="application/json")
    assert_error(response, 400, "VALIDATION_ERROR")
    assert User.objects.count() == 0


def test_every_response_carries_a_request_id_of_the_server(api_client):
    first = api_client.get("/api/v1/hospital/", HTTP_X_REQUEST_ID="abcdef12-3456")
    second = api_client.get("/api/v1/hospital/")
    for response in (first, second):
        assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.parametrize(
    ("detail", "fields"),
    [
        ({"name": ["Too long."]}, {"name": ["Too long."]}),
        (["Not both."], {"non_field_errors": ["Not both."]}),
        # A ListField's errors: a dict keyed by the item's index.
        (
            {"windows": {"0": {"weekday": ["This field is required."]}}},
            {"windows.0.weekday": ["This field is required."]},
        ),
        # A nested list serializer's errors: one entry per item, empty for a valid one.
        (
            {"lines": [{}, {"dose": ["Required."], "route": ["Bad."]}]},
            {"lines.1.dose": ["Required."], "lines.1.route": ["Bad."]},
        ),
        ({"vitals": {"pulse": ["Too high."]}}, {"vitals.pulse": ["Too high."]}),
    ],
)
def test_nested_field_errors_are_named_by_their_path(detail, fields):
    from hms.common.exception_handler import _as_field_map

    assert _as_field_map(detail) == fields


def test_an_invalid_item_of_a_list_body_names_its_path(client_for, make_doctor, admin_user):
    doctor = make_doctor()

    response = client_for(admin_user).put(
        f"/api/v1/doctors/{doctor.pk}/availability/",
        {"windows": [{"start_time": "09:00", "end_time": "12:00"}]},
        format="json",
    )

    body = assert_error(response, 400, "VALIDATION_ERROR")
    assert body["fields"] == {"windows.0.weekday": ["This field is required."]}
