"""The generated contract: what an integrator reads in openapi.yaml."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from typing import Any

import pytest
from django.conf import settings
from django.urls import path
from drf_spectacular.generators import SchemaGenerator
from rest_framework.response import Response
from rest_framework.views import APIView

from hms.common import errors
from hms.common.errors import DomainError, domain_errors
from hms.common.exception_handler import _CODES_BY_STATUS, HANDLER_CODES
from hms.common.schema import error_codes

METHODS = {"get", "post", "put", "patch", "delete"}

# Request components that are still copies of each other (the same fields under two names).
# Empty this list as the serializers are shared; an entry that is no longer a copy fails.
KNOWN_DUPLICATE_REQUESTS = [
    {"DoctorRegistrationRequest", "DoctorSignupRequest"},
]


@cache
def generated() -> dict[str, Any]:
    schema: dict[str, Any] = SchemaGenerator().get_schema(request=None, public=True)
    return schema


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, route, operation)
        for route, item in generated()["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_the_schema_has_operations_to_check():
    assert len(operations()) >= 40


def test_every_operation_has_a_summary_and_a_description():
    missing = [
        f"{method.upper()} {route}"
        for method, route, operation in operations()
        if not operation.get("summary", "").strip() or not operation.get("description", "").strip()
    ]
    assert missing == []


def test_summaries_are_one_line_without_a_final_period():
    for method, route, operation in operations():
        summary = operation["summary"]
        assert "\n" not in summary, f"{method.upper()} {route}"
        assert not summary.endswith("."), f"{method.upper()} {route}"


def test_every_tag_in_use_is_described():
    described = {tag["name"]: tag.get("description", "") for tag in generated()["tags"]}
    used = {tag for _, _, operation in operations() for tag in operation.get("tags", [])}
    assert used <= set(described), sorted(used - set(described))
    assert all(described[tag] for tag in used)
    assert [tag["name"] for tag in settings.SPECTACULAR_SETTINGS["TAGS"]] == [
        tag["name"] for tag in generated()["tags"]
    ]


def test_error_code_is_the_error_code_enum():
    schemas = generated()["components"]["schemas"]
    assert schemas["Error"]["properties"]["code"] == {"$ref": "#/components/schemas/ErrorCode"}
    assert schemas["ErrorCode"]["type"] == "string"
    assert schemas["ErrorCode"]["enum"] == sorted(schemas["ErrorCode"]["enum"])


def test_error_code_lists_every_domain_error_and_every_handler_code():
    error_codes()  # imports every app's errors module
    enum = set(generated()["components"]["schemas"]["ErrorCode"]["enum"])
    domain = {error.code for error in domain_errors()}
    assert {"ALREADY_ADMITTED", "SLOT_TAKEN", "INVALID_CREDENTIALS", "INVALID_STATE"} <= domain
    assert domain <= enum, sorted(domain - enum)
    assert set(HANDLER_CODES) <= enum
    assert set(_CODES_BY_STATUS.values()) <= set(HANDLER_CODES)
    assert enum == domain | set(HANDLER_CODES)


def test_error_code_describes_each_code_with_its_status():
    description = generated()["components"]["schemas"]["ErrorCode"]["description"]
    assert "* `SLOT_TAKEN` - 409: This slot has just been taken; choose another time." in (
        description.splitlines()
    )
    assert "* `THROTTLED` - 429: Too many requests; see `Retry-After`." in description.splitlines()


@pytest.fixture
def registry_restored():
    before = list(errors._REGISTRY)
    yield
    errors._REGISTRY[:] = before


def test_a_new_domain_error_is_registered_without_any_import_in_common(registry_restored):
    class PharmacyClosed(DomainError):
        code = "PHARMACY_CLOSED"

    assert PharmacyClosed in domain_errors()
    assert error_codes()["PHARMACY_CLOSED"] == (
        "409: This action is not allowed in the current state."
    )


def test_paginated_examples_point_at_the_list_they_describe():
    schemas = generated()["components"]["schemas"]
    lists: dict[str, str] = {}
    for method, route, operation in operations():
        body = operation["responses"].get("200", {}).get("content", {}).get("application/json")
        ref = (body or {}).get("schema", {}).get("$ref", "")
        if method == "get" and ref.split("/")[-1].startswith("Paginated"):
            lists[ref.split("/")[-1]] = route
    assert len(lists) >= 5
    for name, route in lists.items():
        properties = schemas[name]["properties"]
        assert properties["next"]["example"] == f"https://hms.example.org{route}?page=4", name
        assert properties["previous"]["example"] == f"https://hms.example.org{route}?page=2", name


def test_request_components_are_not_copies_of_each_other():
    by_content: dict[str, set[str]] = defaultdict(set)
    for name, schema in generated()["components"]["schemas"].items():
        content = {key: value for key, value in schema.items() if key != "description"}
        by_content[json.dumps(content, sort_keys=True)].add(name)
    copies = sorted(sorted(names) for names in by_content.values() if len(names) > 1)
    assert copies == sorted(sorted(names) for names in KNOWN_DUPLICATE_REQUESTS)


class _DocumentedApi(APIView):
    """Class docstring, used when the method has none.

    Its second paragraph.
    """

    authentication_classes: list[type] = []
    permission_classes: list[type] = []

    def get(self, request: Any) -> Response:
        """Read the thing, a first line that
        wraps.

        What an integrator needs to know.

        More of it.
        """
        return Response({})

    def delete(self, request: Any) -> Response:
        return Response(status=204)

    def put(self, request: Any) -> Response:
        """Replace the thing."""
        return Response({})


@pytest.fixture
def documented() -> dict[str, Any]:
    generator = SchemaGenerator(patterns=[path("api/v1/thing/", _DocumentedApi.as_view())])
    schema: dict[str, Any] = generator.get_schema(request=None, public=True)
    return schema["paths"]["/api/v1/thing/"]


def test_the_first_line_is_the_summary_and_the_rest_the_description(documented):
    assert documented["get"]["summary"] == "Read the thing, a first line that wraps"
    assert documented["get"]["description"] == "What an integrator needs to know.\n\nMore of it."


def test_the_class_docstring_serves_a_method_without_one(documented):
    assert documented["delete"]["summary"] == "Class docstring, used when the method has none"
    assert documented["delete"]["description"] == "Its second paragraph."


def test_a_one_line_docstring_is_summary_and_description(documented):
    assert documented["put"]["summary"] == "Replace the thing"
    assert documented["put"]["description"] == "Replace the thing."
