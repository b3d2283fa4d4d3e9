"""Requests refused before any API view still answer the JSON error shape, never HTML."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from hms.accounts.models import User
from hms.common.views import csrf_failure

pytestmark = pytest.mark.django_db

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def browser() -> Client:
    # A real client: Django's CSRF middleware is enforced, as for any browser or integration.
    return Client(enforce_csrf_checks=True)


def assert_shape(response, status: int, code: str, message: str) -> None:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": code, "message": message, "fields": {}}


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("path", ["/api/v1/no-such-thing/", "/api/v2/x", "/api/"])
def test_every_method_on_an_unknown_api_path_is_a_json_404(method, path):
    response = browser().generic(method, path, b'{"a": 1}', content_type="application/json")
    assert_shape(response, 404, "NOT_FOUND", "Not found.")


def test_head_on_an_unknown_api_path_is_404():
    assert browser().head("/api/v1/no-such-thing/").status_code == 404


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_writes_to_web_app_paths_are_a_json_404_not_a_csrf_page(method):
    response = browser().generic(method, "/admin/doctors", b"x=1")
    assert_shape(response, 404, "NOT_FOUND", "Not found.")


def test_a_missing_trailing_slash_is_a_404_that_names_the_right_path():
    response = browser().post(
        "/api/v1/auth/token", {"username": "a", "password": "b"}, content_type="application/json"
    )
    assert_shape(
        response, 404, "NOT_FOUND", "Not found. API paths end with a slash: /api/v1/auth/token/"
    )


@pytest.mark.parametrize("method", METHODS)
def test_a_host_header_not_allowed_is_a_json_400(method):
    response = browser().generic(method, "/api/v1/health/live/", HTTP_HOST="evil.example")
    assert_shape(response, 400, "BAD_REQUEST", "The request could not be understood.")
    assert len(response["X-Request-ID"]) == 32


def test_a_signup_with_a_bad_host_creates_nothing():
    body = {"username": "x.patient", "password": "a-long-passphrase-42"}
    response = browser().post(
        "/api/v1/auth/signup/patient/", body, content_type="application/json", HTTP_HOST="evil.x"
    )
    assert response.status_code == 400
    assert User.objects.count() == 0


@pytest.mark.parametrize(
    "path",
    ["/api/v1/" + "a" * 4090, "/api/v1/patients/?search=" + "a" * 4080, "/" + "b" * 5000],
)
def test_an_over_long_url_is_a_json_414(path):
    response = browser().get(path)
    assert_shape(response, 414, "URI_TOO_LONG", "The URL is longer than 4096 characters.")


def test_a_url_at_the_limit_is_routed():
    path = "/api/v1/" + "a" * (4096 - len("/api/v1/"))
    assert_shape(browser().get(path), 404, "NOT_FOUND", "Not found.")


def test_a_refused_csrf_check_answers_the_json_shape():
    response = csrf_failure(RequestFactory().post("/api/v1/x/"), reason="CSRF cookie not set.")
    assert response.status_code == 403
    assert response.content == (
        b'{"code": "PERMISSION_DENIED", "message": "You do not have permission to perform this'
        b' action.", "fields": {}}'
    )
