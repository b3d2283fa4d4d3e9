"""`Idempotency-Key` on the POSTs that move money: a repeated key answers the first result.

The key row is inserted first, inside the transaction that moves the money, and completed with
the answer before the commit. A concurrent request with the same key waits on the unique index
until the first commits, then replays its answer; if the first is refused or fails, its key is
rolled back with everything else and the repeat is handled afresh. A key is scoped to the user
who sent it; the same key with a different request (another operation or body) is refused.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from hms.accounts.models import User
from hms.payments.errors import IdempotencyKeyRequired, IdempotencyKeyReused
from hms.payments.models import IdempotencyKey

HEADER = "Idempotency-Key"
# Visible ASCII only: the key is echoed in no answer but stored and compared byte for byte.
_KEY = re.compile(r"[\x21-\x7e]{1,255}")

IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    name=HEADER,
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description=(
        "A key unique to this money move (1 to 255 visible ASCII characters, e.g. a UUID). "
        "Sending the same request again with the same key answers the first result and "
        "records nothing new; the same key with another request answers 409 "
        "IDEMPOTENCY_KEY_REUSED."
    ),
    pattern=r"^[\x21-\x7e]{1,255}$",
)


def _fingerprint(operation: str, data: Any) -> str:
    body = json.dumps(data, sort_keys=True, cls=JSONEncoder, separators=(",", ":"))
    return hashlib.sha256(f"{operation}\n{body}".encode()).hexdigest()


def idempotent(
    *,
    request: Request,
    viewer: User,
    operation: str,
    at: datetime,
    run: Callable[[], tuple[int, Any]],
) -> Response:
    """Run `run` (which answers status and body) once per (viewer, Idempotency-Key).

    Raises IdempotencyKeyRequired (no or malformed header) and IdempotencyKeyReused.
    """
    key = request.headers.get(HEADER, "")
    if not _KEY.fullmatch(key):
        raise IdempotencyKeyRequired()
    fingerprint = _fingerprint(operation, request.data)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(
                    user=viewer,
                    key=key,
                    operation=operation,
                    request_sha256=fingerprint,
                    created_at=at,
                )
        except IntegrityError:
            first = IdempotencyKey.objects.get(user=viewer, key=key)
            if first.request_sha256 != fingerprint or first.response_status is None:
                raise IdempotencyKeyReused() from None
            return Response(json.loads(first.response_body), status=first.response_status)
        status, body = run()
        record.response_body = json.dumps(body, cls=JSONEncoder)
        record.response_status = status
        record.save(update_fields=["response_body", "response_status"])
    return Response(body, status=status)
