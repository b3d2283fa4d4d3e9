"""The JSON parser of the API: standard JSON, refused when it nests too deep or is not Unicode."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

# A JSON string literal (escapes included): brackets inside strings do not nest anything.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
# A `\u` escape of a UTF-16 surrogate: paired, it names a character beyond the BMP; alone, none.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def json_depth(text: str) -> int:
    """Return how deep arrays and objects nest in `text` (0 for a scalar), without decoding it.

    Brackets inside strings are ignored; unbalanced input is left for the decoder to refuse.
    """
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_STRING.sub("", text)):
        if bracket[0] in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def holds_lone_surrogate(value: Any) -> bool:
    """Whether a decoded JSON value has a string (or a key) with an unpaired UTF-16 surrogate."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(holds_lone_surrogate(k) or holds_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_lone_surrogate(item) for item in value)
    return False


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing bodies nested deeper than HMS_MAX_JSON_DEPTH, and text that
    is not Unicode.

    Python's decoder recurses once per level: a small body of a thousand brackets would
    exhaust the stack. No request of the API nests more than a few levels, so deeper bodies
    are refused as malformed (400 MALFORMED_REQUEST) before the decoder sees them.

    JSON lets a string escape half of a UTF-16 pair (`"\\ud800"`) with no other half: Python
    decodes it to a string that no UTF-8 text (an answer that quotes it, a database column)
    can hold. Such a body is refused as malformed too.
    """

    def parse(
        self,
        stream: IO[Any] | None,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        encoding = parsers.get_encoding(parser_context or {})  # type: ignore[attr-defined]
        raw = stream.read() if stream is not None else b""
        try:
            text = raw.decode(encoding) if isinstance(raw, bytes) else str(raw)
        except UnicodeDecodeError as error:
            raise ParseError(f"JSON parse error - {error}") from error
        if json_depth(text) > settings.HMS_MAX_JSON_DEPTH:
            raise ParseError("JSON parse error - the body is nested too deeply.")
        try:
            data = json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except (ValueError, RecursionError) as error:
            raise ParseError(f"JSON parse error - {error}") from error
        if _SURROGATE_ESCAPE.search(text) and holds_lone_surrogate(data):
            raise ParseError("JSON parse error - a string holds an unpaired surrogate escape.")
        return data
