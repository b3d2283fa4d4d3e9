"""Django sends the same security headers as nginx, on every path, so whitenoise alone is safe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from hms.common import headers

SNIPPETS = Path(__file__).resolve().parents[4] / "deploy" / "nginx" / "snippets"
PATHS = [
    "/",
    "/login",
    "/admin/doctors",
    "/api/v1/health/live/",
    "/api/v1/no-such-thing/",
    "/api/v1/auth/me/",
    "/static/missing.js",
]


def nginx_headers(*names: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in names:
        text = (SNIPPETS / name).read_text(encoding="utf-8")
        found.update(re.findall(r'^add_header ([\w-]+) "([^"]*)" always;$', text, re.MULTILINE))
    return found


def test_the_policies_are_the_ones_nginx_sends():
    spa = nginx_headers("security-headers.conf", "csp-spa.conf")
    docs = nginx_headers("csp-api-docs.conf")
    assert spa["Content-Security-Policy"] == headers.CONTENT_SECURITY_POLICY
    assert spa["Permissions-Policy"] == headers.PERMISSIONS_POLICY
    assert docs["Content-Security-Policy"] == headers.API_DOCS_CONTENT_SECURITY_POLICY


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_path_carries_the_web_apps_policies(path, method):
    response = getattr(Client(), method)(path)
    expected = nginx_headers("security-headers.conf", "csp-spa.conf")
    assert response["Content-Security-Policy"] == expected["Content-Security-Policy"]
    assert response["Permissions-Policy"] == expected["Permissions-Policy"]
    # The rest of nginx's set comes from Django's own middleware.
    for name in ("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert response[name] == expected[name], name
    assert response["Cross-Origin-Opener-Policy"] == expected["Cross-Origin-Opener-Policy"]


@pytest.mark.django_db
def test_swagger_ui_gets_the_api_docs_policy():
    response = Client().get("/api/docs/")
    docs = nginx_headers("csp-api-docs.conf")
    assert response["Content-Security-Policy"] == docs["Content-Security-Policy"]
    assert response["Permissions-Policy"] == headers.PERMISSIONS_POLICY


@pytest.mark.django_db
def test_a_bad_host_and_an_over_long_url_carry_them_too():
    for response in (
        Client().get("/api/v1/health/live/", HTTP_HOST="evil.example"),
        Client().get("/api/v1/" + "a" * 5000),
    ):
        assert response["Content-Security-Policy"] == headers.CONTENT_SECURITY_POLICY
        assert response["Permissions-Policy"] == headers.PERMISSIONS_POLICY
