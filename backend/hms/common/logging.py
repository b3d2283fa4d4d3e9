"""Log filters: the request id on every line, and no query strings in access log lines."""

from __future__ import annotations

import logging
import re

from hms.common.request_context import current_request_id, served_request_id

# A query string inside a logged request line: searches name patients and symptoms.
_QUERY_STRING = re.compile(r"\?[^\s\"']*")


class RequestIdFilter(logging.Filter):
    """Stamp every log record with the id of the request being served, or "-".

    The development server's access line comes after the response, so it gets the id of the
    request the thread has just answered.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = current_request_id()
        if request_id is None and record.name == "django.server":
            request_id = served_request_id()
        record.request_id = request_id or "-"
        return True


class StripQueryStringFilter(logging.Filter):
    """Remove query strings from the request lines the development server logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(
                _QUERY_STRING.sub("", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = _QUERY_STRING.sub("", record.msg)
        return True
