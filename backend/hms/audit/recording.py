"""Recording reads of patient data on the API layer: one decorator for every app's views.

`@records_access(resource="invoice", patients="results[].patient")` on a view method writes,
after a successful answer, one ACCESS event naming every patient the answer carried (a list's
whole page in one INSERT). When the method refuses a record with 403 or 404 (someone else's row,
or a row that does not exist, which answer alike), it writes one SECURITY event instead and lets
the error through unchanged. `@records_refusals(resource=...)` does only the latter, for the
actions that change one record (their success is the service's CHANGE event).

The cost on the request path is that one INSERT (PostgreSQL chains the row in a trigger) and,
for the opening of one record, a few cache round trips towards the unusual-access check.

`patients` names where the patient ids sit in the serialized answer: a dotted path where `[]`
walks a list and `[kind=PATIENT]` only its rows with that value ("id", "results[].patient",
"admin.queues.patients[].id"); several paths may be given.
A binary answer (a PDF) carries no data to read: its view sets `response.accessed_patient_ids`.

What a list was asked for is recorded by the names of its query parameters only (`filters`),
never their values: a search text can carry health data (a symptom, a name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django.http import Http404, HttpResponse
from django.utils import timezone
from rest_framework.request import Request

from hms.audit.models import AuditKind
from hms.audit.services import audit_event_append, audit_security, unusual_access_note

Handler = TypeVar("Handler", bound=Callable[..., Any])

# What a filter's name looks like; anything else a client sends is no filter of HMS's and is not
# recorded (a null character or a megabyte of name has no place in the log).
_FILTER_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,64}")

# Query parameters that only page through a list; they are not filters.
_PAGING_PARAMETERS = frozenset({"page", "page_size"})


def _walk(data: Any, path: str) -> list[Any]:
    nodes = [data]
    for part in path.split("."):
        key, _, selector = part.partition("[")
        selector = selector.rstrip("]")
        found: list[Any] = []
        for node in nodes:
            if not isinstance(node, Mapping):
                continue
            value = node.get(key)
            if not part.endswith("]"):
                found.append(value)
            elif isinstance(value, list):
                found.extend(_select(value, selector))
        nodes = found
    return nodes


def _select(rows: list[Any], selector: str) -> list[Any]:
    """`[]` keeps every row; `[kind=PATIENT]` only rows whose `kind` is "PATIENT"."""
    if not selector:
        return rows
    name, _, wanted = selector.partition("=")
    return [row for row in rows if isinstance(row, Mapping) and str(row.get(name)) == wanted]


def patient_ids_in(data: Any, paths: Iterable[str]) -> list[int]:
    """Every integer found at `paths` in serialized data, once each, in ascending order."""
    found: set[int] = set()
    for path in paths:
        for value in _walk(data, path):
            if isinstance(value, int) and not isinstance(value, bool):
                found.add(value)
    return sorted(found)


def _object_id(kwargs: Mapping[str, Any]) -> str:
    for name in ("id", "pk"):
        if kwargs.get(name) not in (None, ""):
            return str(kwargs[name])
    values = [value for value in kwargs.values() if value not in (None, "")]
    return str(values[0]) if len(values) == 1 else ""


def _operation(view: Any, request: Request) -> str:
    return str(
        getattr(view, "policy_operation", None)
        or getattr(view, "action", None)
        or (request.method or "").lower()
    )


def _status_of(error: Exception) -> int | None:
    if isinstance(error, Http404):
        return 404
    status = getattr(error, "status_code", None)
    return status if isinstance(status, int) else None


def _signed_in(request: Request) -> Any:
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def records_access(
    *, resource: str, patients: str | Iterable[str] = "patient", skip_empty: bool = False
) -> Callable[[Handler], Handler]:
    """Record every successful answer of the decorated view method as one ACCESS event.

    With `skip_empty`, an answer that names no patient (a doctor's dashboard with no visit
    today) writes nothing.

    The event's action is "<resource>.<operation>" (the viewset action, e.g. "patient.retrieve");
    a method answering one record (a URL id) records that id, a list records its filters' names.
    A 403 or 404 raised by the method is recorded as the SECURITY event "access.denied".
    """
    paths = (patients,) if isinstance(patients, str) else tuple(patients)

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Any:
            object_id = _object_id(kwargs)
            try:
                response = handler(view, request, *args, **kwargs)
            except Exception as error:
                _record_refusal(view, request, error, resource, object_id)
                raise
            if 200 <= response.status_code < 300:
                _record(view, request, response, resource, paths, object_id, skip_empty)
            return response

        return wrapper  # type: ignore[return-value]

    return decorate


def records_refusals(*, resource: str) -> Callable[[Handler], Handler]:
    """Record a 403 or 404 that the decorated method raises on a record as "access.denied".

    For the actions on one record that change it (cancel an appointment, discharge an
    admission): their success is a CHANGE event written by the service; a refusal (someone
    else's record, or one that does not exist) is a SECURITY event, as for a read.
    """

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Any:
            try:
                return handler(view, request, *args, **kwargs)
            except Exception as error:
                _record_refusal(view, request, error, resource, _object_id(kwargs))
                raise

        return wrapper  # type: ignore[return-value]

    return decorate


def _record_refusal(
    view: Any, request: Request, error: Exception, resource: str, object_id: str
) -> None:
    status = _status_of(error)
    if status in (403, 404) and object_id:
        audit_security(
            actor=_signed_in(request),
            action="access.denied",
            object_type=resource,
            object_id=object_id,
            detail={"operation": _operation(view, request), "status": status},
            at=timezone.now(),
        )


def _record(
    view: Any,
    request: Request,
    response: HttpResponse,
    resource: str,
    paths: tuple[str, ...],
    object_id: str,
    skip_empty: bool,
) -> None:
    noted = getattr(response, "accessed_patient_ids", None)
    if noted is not None:
        patient_ids = sorted({int(pk) for pk in noted})
    else:
        patient_ids = patient_ids_in(getattr(response, "data", None), paths)
    if skip_empty and not patient_ids:
        return
    detail: dict[str, Any] = {}
    if not object_id:
        params = request.query_params
        detail["filters"] = sorted(
            {
                name
                for name in params
                if name not in _PAGING_PARAMETERS
                and _FILTER_NAME.fullmatch(name)
                and any(value != "" for value in params.getlist(name))
            }
        )
        page = request.query_params.get("page", "")
        if page.isdigit():
            detail["page"] = int(page)
    actor = _signed_in(request)
    at = timezone.now()
    audit_event_append(
        kind=AuditKind.ACCESS,
        actor=actor,
        action=f"{resource}.{_operation(view, request)}",
        object_type=resource,
        object_id=object_id,
        patient_ids=patient_ids,
        detail=detail,
        at=at,
    )
    if object_id and patient_ids:
        unusual_access_note(actor=actor, patient_ids=patient_ids, at=at)
