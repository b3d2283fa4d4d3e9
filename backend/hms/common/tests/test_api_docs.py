"""Swagger UI and the schema: public by default; for admins (bearer or docs cookie) when limited."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import signing
from django.test import override_settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from hms.accounts.models import AccountStatus
from hms.common.api_docs import DOCS_COOKIE_MAX_AGE, DOCS_COOKIE_NAME, docs_cookie_value

pytestmark = pytest.mark.django_db

DOCS_PATHS = ["/api/docs/", "/api/schema/"]
limited = override_settings(HMS_PUBLIC_API_DOCS=False)


def bearer(user: Any) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


def with_cookie(value: str) -> APIClient:
    client = APIClient()
    client.cookies[DOCS_COOKIE_NAME] = value
    return client


def assert_docs_open(client: APIClient) -> None:
    page = client.get("/api/docs/")
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert b"drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page.content
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/auth/token/:" in schema.content


@pytest.mark.parametrize("path", DOCS_PATHS)
def test_the_docs_are_public_by_default(path):
    assert APIClient().get(path).status_code == 200


def test_the_docs_are_public_by_default_for_every_role(make_doctor):
    assert_docs_open(APIClient())
    assert_docs_open(bearer(make_doctor().user))


@limited
@pytest.mark.parametrize("path", DOCS_PATHS)
def test_limited_docs_refuse_anonymous_callers(path):
    response = APIClient().get(path)
    assert response.status_code == 401
    assert response.json()["code"] == "NOT_AUTHENTICATED"


@limited
@pytest.mark.parametrize("path", DOCS_PATHS)
def test_limited_docs_refuse_other_roles(path, make_doctor, make_patient):
    for user in (make_doctor().user, make_patient().user):
        response = bearer(user).get(path)
        assert response.status_code == 403
        assert response.json()["code"] == "PERMISSION_DENIED"


@limited
def test_limited_docs_open_for_an_admins_bearer_token(admin_user):
    assert_docs_open(bearer(admin_user))


@limited
def test_an_admin_gets_a_short_lived_http_only_docs_cookie_that_opens_the_docs(admin_user):
    response = bearer(admin_user).post("/api/docs/session/")
    assert response.status_code == 204
    cookie = response.cookies[DOCS_COOKIE_NAME]
    assert cookie["path"] == "/api/"
    assert cookie["max-age"] == DOCS_COOKIE_MAX_AGE == 600
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert_docs_open(with_cookie(cookie.value))


@limited
def test_the_browser_flow_sets_the_cookie_and_opens_the_page_in_one_client(admin_user):
    client = bearer(admin_user)
    assert client.post("/api/docs/session/").status_code == 204
    client.credentials()  # the page load carries no bearer, only the cookie
    assert_docs_open(client)


def test_only_admins_get_a_docs_cookie(make_doctor, make_patient):
    assert APIClient().post("/api/docs/session/").status_code == 401
    for user in (make_doctor().user, make_patient().user):
        response = bearer(user).post("/api/docs/session/")
        assert response.status_code == 403
        assert DOCS_COOKIE_NAME not in response.cookies


@limited
@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_the_docs_session_takes_only_post_whoever_asks(admin_user, make_doctor, method):
    for client in (bearer(admin_user), bearer(make_doctor().user), APIClient()):
        response = getattr(client, method)("/api/docs/session/")
        assert response.status_code == 405
        assert response.json()["code"] == "METHOD_NOT_ALLOWED"
        assert response["Allow"] == "POST, OPTIONS"
        assert DOCS_COOKIE_NAME not in response.cookies


@limited
@pytest.mark.parametrize("path", DOCS_PATHS)
def test_the_docs_take_only_get_whoever_asks(path):
    response = APIClient().post(path)
    assert response.status_code == 405
    assert response.json()["code"] == "METHOD_NOT_ALLOWED"
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@limited
def test_a_tampered_docs_cookie_opens_nothing(admin_user):
    value = docs_cookie_value(admin_user)
    for forged in (value[:-2] + "xx", "not-a-cookie", ""):
        assert with_cookie(forged).get("/api/docs/").status_code == 401


@limited
def test_an_expired_docs_cookie_opens_nothing(admin_user, monkeypatch):
    value = docs_cookie_value(admin_user)
    later = signing.time.time() + DOCS_COOKIE_MAX_AGE + 1
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert with_cookie(value).get("/api/docs/").status_code == 401


@limited
def test_a_docs_cookie_ends_with_a_password_change_or_the_account(admin_user):
    value = docs_cookie_value(admin_user)
    admin_user.set_password("another-long-passphrase-77")
    admin_user.save()
    assert with_cookie(value).get("/api/docs/").status_code == 401

    value = docs_cookie_value(admin_user)
    admin_user.status = AccountStatus.DELETED
    admin_user.is_active = False
    admin_user.save()
    assert with_cookie(value).get("/api/schema/").status_code == 401


@limited
def test_a_signed_cookie_of_another_role_is_refused(make_doctor):
    doctor = make_doctor().user
    assert with_cookie(docs_cookie_value(doctor)).get("/api/docs/").status_code == 403


@limited
def test_the_docs_cookie_opens_only_the_docs(admin_user):
    client = with_cookie(docs_cookie_value(admin_user))
    assert client.get("/api/v1/auth/me/").status_code == 401
    assert client.post("/api/docs/session/").status_code == 401
