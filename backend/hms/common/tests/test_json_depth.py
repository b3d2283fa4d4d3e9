"""Bodies nested too deeply are malformed requests (400), for every caller and JSON media type."""

from __future__ import annotations

import pytest
from django.test import override_settings

from hms.accounts.models import User
from hms.common.parsers import json_depth
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db

DEEP_ARRAY = "[" * 1000 + "]" * 1000
DEEP_OBJECT = '{"a":' * 1000 + "1" + "}" * 1000
JSON_TYPES = ["application/json", "application/json; charset=utf-8"]


def assert_malformed(response) -> None:
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "code": "MALFORMED_REQUEST",
        "message": "The request body is not valid JSON.",
        "fields": {},
    }


@pytest.mark.parametrize("content_type", JSON_TYPES)
@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_a_thousand_levels_to_an_anonymous_endpoint_is_400(api_client, body, content_type):
    response = api_client.generic("POST", "/api/v1/auth/token/", body, content_type=content_type)
    assert_malformed(response)


@pytest.mark.parametrize("content_type", JSON_TYPES)
@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_a_thousand_levels_to_an_authenticated_endpoint_is_400_and_changes_nothing(
    make_patient, client_for, body, content_type
):
    patient: Patient = make_patient(mobile="+919845011111")
    client = client_for(patient.user)
    before = User.objects.values().get(pk=patient.user.pk)
    for method, path in (("PATCH", "/api/v1/auth/me/"), ("POST", "/api/v1/appointments/")):
        assert_malformed(client.generic(method, path, body, content_type=content_type))
    assert User.objects.values().get(pk=patient.user.pk) == before
    assert Patient.objects.get(pk=patient.pk).mobile == "+919845011111"


def test_a_body_at_the_depth_limit_reaches_validation_and_one_level_more_does_not(
    api_client, settings
):
    settings.HMS_MAX_JSON_DEPTH = 4
    at_limit = '{"username": [[["x"]]], "password": "p"}'
    response = api_client.generic(
        "POST", "/api/v1/auth/token/", at_limit, content_type="application/json"
    )
    assert (response.status_code, response.json()["code"]) == (400, "VALIDATION_ERROR")
    over = '{"username": [[[["x"]]]], "password": "p"}'
    assert_malformed(
        api_client.generic("POST", "/api/v1/auth/token/", over, content_type="application/json")
    )


@override_settings(HMS_MAX_JSON_DEPTH=1_000_000)
def test_the_decoder_running_out_of_stack_is_still_a_400(api_client):
    body = "[" * 100_000 + "]" * 100_000
    assert_malformed(
        api_client.generic("POST", "/api/v1/auth/token/", body, content_type="application/json")
    )


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ('"[[[["', 0),
        ('{"a": [1, {"b": []}]}', 4),
        ('{"a": "\\"[[[", "b": [[]]}', 3),
        ("[[[", 3),
        ("[][][]", 1),
    ],
)
def test_json_depth_counts_only_brackets_outside_strings(text, depth):
    assert json_depth(text) == depth
