"""The hash chain of the audit log: each row's hash covers its contents and the previous hash.

A row's digest is SHA-256 over the previous row's hash and a canonical JSON of the row's
recorded fields (UTC timestamps with microseconds, sorted keys). Deleting a row breaks the next
row's `prev_hash`; rewriting one breaks its own `hash`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64

# The fields a row's hash covers, in the order they are written into the canonical form.
CHAINED_FIELDS = (
    "at",
    "kind",
    "actor_id",
    "actor_role",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "patient_id",
    "patient_ids",
    "detail",
    "outcome",
    "request_id",
    "ip_address",
)


def _canonical_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value


def event_digest(*, prev_hash: str, event: Any) -> str:
    """Return the hash of `event` (an AuditEvent or its historical model) after `prev_hash`."""
    payload = {name: _canonical_value(getattr(event, name)) for name in CHAINED_FIELDS}
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


@dataclass(frozen=True)
class BrokenLink:
    """The first row where the chain does not hold, and why."""

    event_id: int
    reason: str


def chain_verify(rows: Iterable[Any]) -> tuple[int, BrokenLink | None]:
    """Walk `rows` in id order; return how many were checked and the first broken link, if any.

    A row is broken when its `prev_hash` is not the hash of the row before it (a row was
    removed or inserted out of band) or its `hash` does not match its contents (rewritten).
    """
    previous = GENESIS_HASH
    checked = 0
    for row in rows:
        checked += 1
        if row.prev_hash != previous:
            return checked, BrokenLink(row.id, "prev_hash does not match the previous row's hash")
        if row.hash != event_digest(prev_hash=row.prev_hash, event=row):
            return checked, BrokenLink(row.id, "hash does not match the row's contents")
        previous = row.hash
    return checked, None
