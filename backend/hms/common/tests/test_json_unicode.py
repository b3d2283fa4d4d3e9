"""A JSON body whose strings escape half a UTF-16 pair is not Unicode text: 400, never a 500."""

from __future__ import annotations

import pytest

from hms.audit.models import AuditEvent
from hms.common.parsers import holds_lone_surrogate

pytestmark = pytest.mark.django_db

MALFORMED = {
    "code": "MALFORMED_REQUEST",
    "message": "The request body is not valid JSON.",
    "fields": {},
}


@pytest.mark.parametrize(
    "body",
    [
        '{"username": "\\ud800", "password": "p"}',
        '{"username": "a\\udfffb", "password": "p"}',
        '{"username": "x", "password": "p", "\\ud83d": 1}',
        '{"username": ["ok", ["\\uDC00"]], "password": "p"}',
        # The low half first: a pair only in the wrong order.
        '{"username": "\\ude00\\ud83d", "password": "p"}',
    ],
    ids=["high", "inside", "key", "nested", "reversed"],
)
def test_an_unpaired_surrogate_escape_is_a_malformed_body(api_client, body):
    before = AuditEvent.objects.count()

    response = api_client.generic(
        "POST", "/api/v1/auth/token/", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == MALFORMED
    assert AuditEvent.objects.count() == before


def test_a_paired_escape_is_a_character_and_reaches_the_sign_in(api_client):
    body = '{"username": "\\ud83d\\ude00", "password": "p"}'

    response = api_client.generic(
        "POST", "/api/v1/auth/token/", body, content_type="application/json"
    )

    assert response.status_code == 401
    assert response.json()["code"] == "INVALID_CREDENTIALS"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain", False),
        ("\U0001f600 and ü", False),
        ("\ud800", True),
        ({"k": ["x", {"deep": "\udc00"}]}, True),
        ({"\ud800": 1}, True),
        ([1, 2.5, None, True, "fine"], False),
    ],
)
def test_holds_lone_surrogate(value, expected):
    assert holds_lone_surrogate(value) is expected
