"""The contract check itself must fail on answers openapi.yaml does not describe."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

from hms.common.tests.contract import ContractViolation, validate_response


class FakeResponse(dict[str, str]):
    def __init__(
        self, method: str, path: str, status: int, body: Any, media: str = "application/json"
    ):
        super().__init__({"Content-Type": media})
        self.wsgi_request = SimpleNamespace(method=method, path=path)
        self.status_code = status
        self.content = json.dumps(body).encode() if body is not None else b""
        self._body = body

    def json(self) -> Any:
        return self._body


HOSPITAL = {
    "name": "H",
    "address": "A",
    "time_zone": "Asia/Kolkata",
    "currency": "INR",
    "admin_signup_policy": "open",
    "slot_minutes": 30,
}


def test_a_matching_answer_passes():
    validate_response(FakeResponse("GET", "/api/v1/hospital/", 200, HOSPITAL))


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            FakeResponse("GET", "/api/v1/hospital/", 200, {**HOSPITAL, "slot_minutes": "30"}),
            "slot_minutes",
        ),
        (
            FakeResponse("GET", "/api/v1/hospital/", 200, {**HOSPITAL, "admin_signup_policy": "x"}),
            "admin_signup_policy",
        ),
        (FakeResponse("GET", "/api/v1/hospital/", 418, {}), "answered 418, not declared"),
        (
            FakeResponse("GET", "/api/v1/hospital/", 200, HOSPITAL, media="text/html"),
            "answered 'text/html'",
        ),
        (FakeResponse("GET", "/api/v1/not-in-the-spec/", 200, {}), "is not in openapi.yaml"),
        (
            FakeResponse("POST", "/api/v1/auth/logout/", 204, {"unexpected": True}),
            "should have no body",
        ),
        (
            FakeResponse("POST", "/api/v1/auth/token/", 401, {"code": "X", "message": "m"}),
            "'fields' is a required property",
        ),
    ],
)
def test_an_answer_off_the_contract_fails(response, message):
    with pytest.raises(ContractViolation, match=message):
        validate_response(response)


def test_unknown_urls_answering_404_are_left_to_the_error_shape_tests():
    validate_response(FakeResponse("GET", "/api/v1/not-in-the-spec/", 404, {}))
