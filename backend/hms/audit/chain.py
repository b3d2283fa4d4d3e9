"""The hash chain of the audit log: each row's hash covers its contents and the previous hash.

A row's digest is SHA-256 over the previous row's hash, a newline and a canonical JSON of the
row's recorded fields (`CHAINED_FIELDS`): keys sorted by code point, no spaces, every
non-ASCII character escaped as `\\uXXXX` (Python's `json.dumps(sort_keys=True,
separators=(",", ":"), ensure_ascii=True)`), timestamps in UTC with microseconds. Deleting a row
breaks the next row's `prev_hash`; rewriting one breaks its own `hash`.

On PostgreSQL the database computes the chain itself: a BEFORE INSERT trigger
(`postgres_chain_sql()`, installed by migration as the table's owner) takes the chain lock,
reads the previous row's hash and sets the new row's `prev_hash` and `hash`, so an append is
one INSERT. The trigger builds the same canonical JSON as `canonical_json()` below (the tests
compare the two on awkward rows); `audit_verify` recomputes every hash here, in Python, so a
database function replaced by its owner cannot vouch for rows it did not chain. On SQLite the
application computes the chain before the INSERT (`event_digest`), under the write lock that
every SQLite transaction of HMS takes when it begins.

A chained value is a string, an integer, a boolean, null, or a list or object of those: a
float's text differs between Python and PostgreSQL, so `detail` never holds one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64

# Key of the transaction-level advisory lock that serialises appends on PostgreSQL ("HMSAUDIT").
CHAIN_LOCK_KEY = 0x484D534155444954

# The fields a row's hash covers (their canonical JSON sorts them by name).
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


def chainable(value: Any) -> bool:
    """Whether `value` holds only what both chain implementations serialise alike (no floats)."""
    if value is None or isinstance(value, str | int):  # bool is an int
        return True
    if isinstance(value, list | tuple):
        return all(chainable(item) for item in value)
    if isinstance(value, Mapping):
        return all(isinstance(key, str) and chainable(item) for key, item in value.items())
    return False


def canonical_json(event: Any) -> str:
    """The canonical JSON of `event`'s chained fields (an AuditEvent or its historical model)."""
    payload = {name: _canonical_value(getattr(event, name)) for name in CHAINED_FIELDS}
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def event_digest(*, prev_hash: str, event: Any) -> str:
    """Return the hash of `event` after `prev_hash`."""
    return hashlib.sha256(f"{prev_hash}\n{canonical_json(event)}".encode()).hexdigest()


# --- the same definition in PostgreSQL -------------------------------------------------------

# How the trigger writes each chained field's canonical JSON value from the new row.
_POSTGRES_INTEGER_FIELDS = frozenset({"actor_id", "patient_id"})
_POSTGRES_JSON_FIELDS = frozenset({"patient_ids", "detail"})
_POSTGRES_FIELD_SQL = {
    "at": "'\"' || to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
    " || '+00:00\"'",
    # abbrev(inet) is the column's text as it reads back (no /32 or /128).
    "ip_address": "coalesce(audit_canonical_string(abbrev(NEW.ip_address)), 'null')",
}

_POSTGRES_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION audit_canonical_string(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    -- PostgreSQL's JSON string: quotes, backslashes and control characters escaped as
    -- Python's json escapes them; then every character outside ' '..'~' as \uXXXX (UTF-16).
    escaped text := to_json(value)::text;
    result text := '';
    ch text;
    code integer;
BEGIN
    IF escaped !~ '[^ -~]' THEN
        RETURN escaped;
    END IF;
    FOREACH ch IN ARRAY regexp_split_to_array(escaped, '') LOOP
        code := ascii(ch);
        IF code < 127 THEN
            result := result || ch;
        ELSIF code < 65536 THEN
            result := result || '\u' || lpad(to_hex(code), 4, '0');
        ELSE
            code := code - 65536;
            result := result || '\u' || to_hex(55296 + (code >> 10))
                || '\u' || to_hex(56320 + (code & 1023));
        END IF;
    END LOOP;
    RETURN result;
END;
$$;

CREATE OR REPLACE FUNCTION audit_canonical_json(value jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    plain text := value::text;
    result text;
BEGIN
    -- No string anywhere (a list of ids, a number): PostgreSQL's text less its spaces.
    IF strpos(plain, '"') = 0 THEN
        RETURN replace(plain, ' ', '');
    END IF;
    CASE jsonb_typeof(value)
    WHEN 'object' THEN
        SELECT '{' || string_agg(
                   audit_canonical_string(member.key) || ':' || audit_canonical_json(member.item),
                   ',' ORDER BY member.key COLLATE "C") || '}'
          INTO result FROM jsonb_each(value) AS member(key, item);
    WHEN 'array' THEN
        SELECT '[' || string_agg(
                   audit_canonical_json(element.item), ',' ORDER BY element.position) || ']'
          INTO result FROM jsonb_array_elements(value) WITH ORDINALITY AS element(item, position);
    ELSE
        result := audit_canonical_string(value #>> '{}');
    END CASE;
    RETURN result;
END;
$$;

CREATE OR REPLACE FUNCTION audit_auditevent_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last_id bigint;
    last_hash text;
BEGIN
    -- Each statement below must see the rows committed while this one waited for the lock.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit events are appended in READ COMMITTED transactions only';
    END IF;
    -- Held until this transaction ends: appends never interleave, so the chain never forks.
    PERFORM pg_advisory_xact_lock(%(lock_key)s);
    SELECT id, hash INTO last_id, last_hash FROM audit_auditevent ORDER BY id DESC LIMIT 1;
    -- Id order is chain order: an id drawn before a concurrent append committed moves after it.
    IF last_id IS NOT NULL AND NEW.id <= last_id THEN
        NEW.id := last_id + 1;
    END IF;
    NEW.prev_hash := coalesce(last_hash, '%(genesis)s');
    NEW.hash := encode(sha256(convert_to(NEW.prev_hash || E'\n' || %(canonical)s, 'UTF8')), 'hex');
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS audit_auditevent_chain ON audit_auditevent;
CREATE TRIGGER audit_auditevent_chain BEFORE INSERT ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_chain();
"""

POSTGRES_CHAIN_DROP = """
DROP TRIGGER IF EXISTS audit_auditevent_chain ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_chain();
DROP FUNCTION IF EXISTS audit_canonical_json(jsonb);
DROP FUNCTION IF EXISTS audit_canonical_string(text);
"""


def _postgres_field_sql(name: str) -> str:
    if name in _POSTGRES_FIELD_SQL:
        return _POSTGRES_FIELD_SQL[name]
    if name in _POSTGRES_INTEGER_FIELDS:
        return f"coalesce(NEW.{name}::text, 'null')"
    if name in _POSTGRES_JSON_FIELDS:
        return f"coalesce(audit_canonical_json(NEW.{name}), 'null')"
    return f"coalesce(audit_canonical_string(NEW.{name}), 'null')"


def postgres_chain_sql() -> str:
    """The SQL that installs the chain trigger: `canonical_json` of `CHAINED_FIELDS`, in SQL."""
    members = [
        f"'{json.dumps(name)}:' || {_postgres_field_sql(name)}" for name in sorted(CHAINED_FIELDS)
    ]
    canonical = "'{' || " + "\n        || ',' || ".join(members) + " || '}'"
    return _POSTGRES_FUNCTIONS % {
        "lock_key": CHAIN_LOCK_KEY,
        "genesis": GENESIS_HASH,
        "canonical": canonical,
    }


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
