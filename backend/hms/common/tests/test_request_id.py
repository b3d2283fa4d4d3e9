"""The request id is the server's own unless a configured proxy sent one; audit rows carry it."""

from __future__ import annotations

import logging
import re

import pytest

from hms.audit.models import AuditEvent
from hms.common.logging import StripQueryStringFilter
from hms.common.middleware import from_trusted_proxy

pytestmark = pytest.mark.django_db

PROXY_ID = "0123456789abcdef0123456789abcdef"


def failed_login(api_client, **headers):
    response = api_client.post(
        "/api/v1/auth/token/", {"username": "nobody", "password": "wrong-password"}, **headers
    )
    assert response.status_code == 401
    return response


def test_a_client_cannot_choose_the_request_id_of_its_audit_row(api_client):
    response = failed_login(api_client, HTTP_X_REQUEST_ID="client-chosen-id-1")
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert list(AuditEvent.objects.values_list("action", "request_id")) == [
        ("auth.login", request_id)
    ]


def test_the_id_sent_by_a_trusted_proxy_is_kept_in_the_response_and_the_audit_row(
    api_client, settings
):
    settings.HMS_TRUSTED_PROXIES = ["10.0.0.0/8"]
    response = failed_login(api_client, HTTP_X_REQUEST_ID=PROXY_ID, REMOTE_ADDR="10.1.2.3")
    assert response["X-Request-ID"] == PROXY_ID
    assert list(AuditEvent.objects.values_list("request_id", flat=True)) == [PROXY_ID]


def test_other_addresses_and_malformed_ids_get_the_servers_id(api_client, settings):
    settings.HMS_TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.7"]
    outside = failed_login(api_client, HTTP_X_REQUEST_ID=PROXY_ID, REMOTE_ADDR="11.0.0.1")
    malformed = failed_login(api_client, HTTP_X_REQUEST_ID="bad id!", REMOTE_ADDR="192.0.2.7")
    ids = [outside["X-Request-ID"], malformed["X-Request-ID"]]
    assert PROXY_ID not in ids and "bad id!" not in ids
    assert list(AuditEvent.objects.order_by("pk").values_list("request_id", flat=True)) == ids


@pytest.mark.parametrize(
    ("remote_addr", "trusted", "expected"),
    [
        ("10.1.2.3", ["10.0.0.0/8"], True),
        ("127.0.0.1", ["127.0.0.1"], True),
        ("::1", ["::1/128"], True),
        ("172.20.0.5", ["10.0.0.0/8", "172.16.0.0/12"], True),
        ("11.0.0.1", ["10.0.0.0/8"], False),
        ("10.1.2.3", [], False),
        ("", ["0.0.0.0/0"], False),
        ("not-an-address", ["0.0.0.0/0"], False),
    ],
)
def test_from_trusted_proxy(remote_addr, trusted, expected):
    assert from_trusted_proxy(remote_addr, trusted) is expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("GET /api/v1/patients/?search=cough HTTP/1.1", "200", "512"),
            ("GET /api/v1/patients/ HTTP/1.1", "200", "512"),
        ),
        (
            ("GET /api/v1/patients/ HTTP/1.1", "200", "512"),
            ("GET /api/v1/patients/ HTTP/1.1", "200", "512"),
        ),
        (("GET /x?a=1&b=fever%20and%20cough HTTP/1.1", 404, "0"), ("GET /x HTTP/1.1", 404, "0")),
    ],
)
def test_the_development_servers_request_lines_lose_their_query_strings(args, expected):
    record = logging.LogRecord("django.server", logging.INFO, "", 0, '"%s" %s %s', args, None)
    assert StripQueryStringFilter().filter(record) is True
    assert record.args == expected


def test_the_development_server_logger_is_configured_with_the_filter():
    filters = logging.getLogger("django.server").filters
    assert [type(f) for f in filters] == [StripQueryStringFilter]
