"""Validate API responses against the committed openapi.yaml: every API test is a contract test.

Each response is matched to its operation (path template + method), its status must be declared
there, its content type must be the declared one, and a JSON body must validate against the
declared schema (OpenAPI 3.0 semantics: `nullable`, formats). Validators are compiled once per
(operation, status) so the check stays cheap.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

OPENAPI_PATH = Path(__file__).resolve().parents[4] / "openapi.yaml"
_SPEC_URI = "urn:hms-openapi"


class ContractViolation(AssertionError):
    """The API answered something openapi.yaml does not describe."""


@cache
def _spec() -> dict[str, Any]:
    return yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    resource = Resource.from_contents(_spec(), default_specification=DRAFT4)
    return Registry().with_resource(_SPEC_URI, resource)


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    compiled = []
    for template in _spec()["paths"]:
        pattern = re.sub(r"\\\{[^}]+\\\}", r"[^/]+", re.escape(template))
        compiled.append((re.compile(f"^{pattern}$"), template))
    # Literal segments beat parameters (e.g. doctors/directory/ before doctors/{id}/).
    compiled.sort(key=lambda item: item[1].count("{"))
    return compiled


def _escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@cache
def _validator(template: str, method: str, status: str, media: str) -> OAS30Validator:
    parts = ["paths", template, method, "responses", status, "content", media, "schema"]
    pointer = "#/" + "/".join(_escape_pointer(part) for part in parts)
    return OAS30Validator(
        {"$ref": f"{_SPEC_URI}{pointer}"},
        registry=_registry(),
        format_checker=oas30_format_checker,
    )


def validate_response(response: Any) -> None:
    """Raise ContractViolation when the response does not match openapi.yaml (/api/v1/ only)."""
    request = response.wsgi_request
    path = request.path
    if not path.startswith("/api/v1/") or response.status_code >= 500:
        return
    template = next((t for pattern, t in _templates() if pattern.match(path)), None)
    method = request.method.lower()
    operation = _spec()["paths"].get(template, {}).get(method) if template else None
    if operation is None:
        # Unknown URLs (404) and methods (405) have no operation; their error shape is
        # asserted by the error-shape tests.
        if response.status_code in {404, 405}:
            return
        raise ContractViolation(f"{method.upper()} {path} is not in openapi.yaml")
    status = str(response.status_code)
    declared = operation.get("responses", {})
    if status not in declared:
        raise ContractViolation(
            f"{method.upper()} {template} answered {status}, not declared ({sorted(declared)})"
        )
    content = declared[status].get("content")
    if not content:
        if response.content:
            raise ContractViolation(f"{method.upper()} {template} {status} should have no body")
        return
    media = response.get("Content-Type", "").split(";")[0].strip()
    if media not in content:
        raise ContractViolation(
            f"{method.upper()} {template} {status} answered {media!r}, declared {sorted(content)}"
        )
    if media != "application/json" or "schema" not in content[media]:
        return
    errors = sorted(
        _validator(template, method, status, media).iter_errors(response.json()),
        key=lambda error: list(error.absolute_path),
    )
    if errors:
        details = "; ".join(
            f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
            for error in errors[:5]
        )
        raise ContractViolation(f"{method.upper()} {template} {status}: {details}")
