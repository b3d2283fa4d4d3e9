from __future__ import annotations

import gzip
import json

import pytest
from django.http import HttpResponse, JsonResponse
from django.test import RequestFactory

from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.common.middleware import JsonGZipMiddleware

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def plain(client, path, **extra):
    client.validate_contract = False  # the contract check reads plain JSON only
    return client.get(path, **extra)


def test_json_is_gzipped_for_clients_that_accept_it(admin_client):
    expected = admin_client.get("/api/v1/departments/").json()
    response = plain(admin_client, "/api/v1/departments/", **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert json.loads(gzip.decompress(response.content)) == expected


def test_json_stays_plain_for_clients_that_do_not_accept_gzip(admin_client):
    response = admin_client.get("/api/v1/departments/")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert len(response.json()) == 6


def test_token_answers_are_never_compressed(api_client, admin_user):
    api_client.validate_contract = False
    body = {"username": admin_user.username, "password": DEFAULT_PASSWORD}
    response = api_client.post("/api/v1/auth/token/", body, format="json", **GZIP)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert set(response.json()) >= {"access", "refresh"}


def test_refresh_cookie_answers_are_never_compressed(api_client, admin_user):
    api_client.validate_contract = False
    body = {"username": admin_user.username, "password": DEFAULT_PASSWORD, "use_cookie": True}
    response = api_client.post("/api/v1/auth/token/", body, format="json", **GZIP)
    assert response.status_code == 200
    assert "hms_refresh" in response.cookies
    assert not response.has_header("Content-Encoding")
    refreshed = api_client.post("/api/v1/auth/token/refresh/", {}, format="json", **GZIP)
    assert refreshed.status_code == 200
    assert not refreshed.has_header("Content-Encoding")
    assert "access" in refreshed.json()


def test_profile_answers_under_auth_are_never_compressed(admin_client):
    response = plain(admin_client, "/api/v1/auth/me/", **GZIP)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert response.json()["username"] == "admin.one"


def test_an_answer_that_sets_a_cookie_is_never_compressed_anywhere():
    request = RequestFactory().get("/api/v1/departments/", **GZIP)
    response = JsonResponse({"rows": ["x" * 50] * 20})
    response.set_cookie("anything", "secret-value")
    result = JsonGZipMiddleware(lambda r: response).process_response(request, response)
    assert not result.has_header("Content-Encoding")
    assert json.loads(result.content) == {"rows": ["x" * 50] * 20}


def test_only_json_is_compressed():
    request = RequestFactory().get("/api/v1/invoices/1/pdf/", **GZIP)
    response = HttpResponse(b"%PDF-1.7 " + b"0" * 500, content_type="application/pdf")
    result = JsonGZipMiddleware(lambda r: response).process_response(request, response)
    assert not result.has_header("Content-Encoding")
    assert result.content == b"%PDF-1.7 " + b"0" * 500


def test_json_variants_are_compressed():
    request = RequestFactory().get("/api/v1/anything/", **GZIP)
    response = HttpResponse(
        json.dumps({"rows": ["y" * 50] * 20}), content_type="application/problem+json"
    )
    result = JsonGZipMiddleware(lambda r: response).process_response(request, response)
    assert result["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(result.content)) == {"rows": ["y" * 50] * 20}
