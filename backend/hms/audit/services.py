"""The one way to write an audit event: every row is appended to the hash chain under a lock."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from hms.audit.chain import GENESIS_HASH, chainable, event_digest
from hms.audit.models import AuditEvent, AuditKind, AuditOutcome, UnusualAccessFlag
from hms.common.request_context import current_client_ip, current_request_id


def _actor_name(actor: Any) -> str:
    if actor is None:
        return ""
    full_name = getattr(actor, "full_name", "") or ""
    return str(full_name or getattr(actor, "username", "") or "")


# The columns an append sends on PostgreSQL, in order; the chain trigger sets `prev_hash` and
# `hash`, and the INSERT reads them back with the id.
_INSERTED = (
    "at",
    "kind",
    "actor",
    "actor_role",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "patient",
    "patient_ids",
    "detail",
    "outcome",
    "request_id",
    "ip_address",
)
_JSON_COLUMNS = frozenset({"patient_ids", "detail"})
# An empty string whose evaluation turns off the wait for the WAL flush at the commit of the
# transaction it runs in (`set_config(..., is_local => true)`), and only that transaction's. It
# is sent as `prev_hash`, which the trigger overwrites.
_SKIP_FLUSH_WAIT = "left(set_config('synchronous_commit', 'off', true), 0)"


@functools.cache
def _inserted_fields() -> tuple[tuple[str, str], ...]:
    """(attribute, column) of each field in `_INSERTED`."""
    by_name = {field.name: field for field in AuditEvent._meta.concrete_fields}
    return tuple((by_name[name].attname, str(by_name[name].column)) for name in _INSERTED)


@functools.cache
def _postgres_insert_sql(*, skip_flush: bool) -> str:
    quote = connection.ops.quote_name
    columns = [quote(column) for _, column in _inserted_fields()]
    casts = {"patient_ids": "::jsonb", "detail": "::jsonb", "ip_address": "::inet"}
    values = [f"%s{casts.get(name, '')}" for name in _INSERTED]
    if skip_flush:
        columns.append(quote("prev_hash"))
        values.append(_SKIP_FLUSH_WAIT)
    returned = ", ".join(quote(name) for name in ("id", "prev_hash", "hash"))
    return (
        f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({', '.join(columns)})"  # noqa: S608
        f" VALUES ({', '.join(values)}) RETURNING {returned}"
    )


@functools.cache
def _postgres_insert_beside_sql(insert_sql: str) -> str:
    """`insert_sql` (an INSERT ... RETURNING) and an event's append, as one statement."""
    return (
        f"WITH other AS ({insert_sql}), event AS ({_postgres_insert_sql(skip_flush=False)})"  # noqa: S608 - the caller's statement, built from its model
        " SELECT other.*, event.* FROM other, event"
    )


def _postgres_params(event: AuditEvent) -> list[Any]:
    return [
        json.dumps(getattr(event, attname)) if attname in _JSON_COLUMNS else getattr(event, attname)
        for attname, _ in _inserted_fields()
    ]


def _saved(event: AuditEvent, row: Sequence[Any]) -> None:
    event.pk, event.prev_hash, event.hash = row
    event._state.adding = False
    event._state.db = connection.alias


def _postgres_insert(event: AuditEvent, *, skip_flush: bool) -> None:
    """INSERT `event` with a statement built once (not the ORM's save: this runs on every read
    of patient data, and building the statement each time cost more than sending it)."""
    with connection.cursor() as cursor:
        cursor.execute(_postgres_insert_sql(skip_flush=skip_flush), _postgres_params(event))
        row = cursor.fetchone()
    _saved(event, row)


def access_commit_skips_flush() -> bool:
    """Whether an ACCESS event appended now commits without waiting for the WAL flush.

    Only with HMS_AUDIT_ACCESS_ASYNC_COMMIT (the default) and only when the INSERT is a
    transaction of its own (autocommit, the case of `@records_access`, which writes after the
    view answered): inside a caller's transaction the setting would reach that transaction's
    other writes, so it commits as it would have, durably. Change and security events always
    wait for the flush.

    Why: a durable commit waits for the disk (a few milliseconds) while holding the chain lock,
    so every read of patient data waited for it, and all appends of every worker took turns
    behind one flush at a time (PostgreSQL's group commit cannot gather commits that a lock
    serialises). Without the wait, the commit returns once its WAL record is written, the lock
    is released at once, and the WAL writer flushes within `wal_writer_delay` (200 ms by
    default; at most three times that in the worst case). The trade-off: if the database host
    crashes (not the application, not a PostgreSQL restart), the access events of the last
    moments before the crash can be lost. The chain still verifies: WAL is replayed in order
    and any later durable commit flushes every record before it, so what is lost is always the
    newest rows, never one in the middle. docs/deployment.md states this for operators.
    """
    if not getattr(settings, "HMS_AUDIT_ACCESS_ASYNC_COMMIT", True):
        return False
    return connection.get_autocommit() and not connection.in_atomic_block


def audit_event_append(
    *,
    kind: str,
    actor: Any,
    action: str,
    object_type: str = "",
    object_id: object = "",
    patient_id: int | None = None,
    patient_ids: Iterable[int] = (),
    detail: Mapping[str, Any] | None = None,
    outcome: str = AuditOutcome.SUCCESS,
    at: datetime,
) -> AuditEvent:
    """Append one event to the chain.

    On PostgreSQL this is one INSERT: the database's chain trigger takes the chain lock (a
    transaction-level advisory lock, held until the surrounding transaction ends, so two
    concurrent appends never chain to the same previous row), reads the previous row's hash and
    sets this row's; the INSERT reads both back. An ACCESS event written in a transaction of
    its own does not wait for the WAL flush (`access_commit_skips_flush`). On SQLite the
    application reads the previous hash and computes this one inside a transaction that holds
    the database's write lock from its start (config/database.py), then inserts. Callers inside
    a service transaction append last, after their row locks, so the chain lock never waits
    behind a row lock it blocks.
    """
    event = _event_build(
        kind=kind,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        patient_id=patient_id,
        patient_ids=patient_ids,
        detail=detail,
        outcome=outcome,
        at=at,
    )
    if connection.vendor == "postgresql":
        # Outside a transaction this INSERT commits on its own: one round trip.
        _postgres_insert(event, skip_flush=kind == AuditKind.ACCESS and access_commit_skips_flush())
        return event
    # No savepoint: an append that fails fails the transaction it records.
    with transaction.atomic(savepoint=False):
        previous = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        event.prev_hash = previous or GENESIS_HASH
        event.hash = event_digest(prev_hash=event.prev_hash, event=event)
        event.save(force_insert=True)
    return event


def _event_build(
    *,
    kind: str,
    actor: Any,
    action: str,
    object_type: str,
    object_id: object,
    patient_id: int | None,
    patient_ids: Iterable[int],
    detail: Mapping[str, Any] | None,
    outcome: str,
    at: datetime,
) -> AuditEvent:
    detail = dict(detail or {})
    if not chainable(detail):
        raise ValueError("An audit event's detail holds strings, integers, lists and objects.")
    ip_field = AuditEvent._meta.get_field("ip_address")
    return AuditEvent(
        at=at,
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        actor_role=str(getattr(actor, "role", "") or ""),
        actor_name=_actor_name(actor),
        action=action,
        object_type=object_type,
        object_id="" if object_id in (None, "") else str(object_id),
        patient_id=patient_id,
        patient_ids=sorted({int(pk) for pk in patient_ids}),
        detail=detail,
        outcome=outcome,
        request_id=current_request_id() or "",
        ip_address=ip_field.get_prep_value(current_client_ip()),
    )


def audit_insert_beside_available() -> bool:
    """Whether `audit_record_beside_insert` can run: PostgreSQL, outside any transaction."""
    return (
        connection.vendor == "postgresql"
        and connection.get_autocommit()
        and not connection.in_atomic_block
    )


def audit_record_beside_insert(
    *,
    insert_sql: str,
    insert_params: Sequence[Any],
    actor: Any,
    action: str,
    object_type: str = "",
    object_id: object = "",
    at: datetime,
) -> tuple[tuple[Any, ...], AuditEvent]:
    """Run one INSERT of the caller's (`INSERT ... RETURNING ...`, PostgreSQL's SQL) and append
    the event recording it, as one statement; answers the caller's RETURNING row and the event.

    Only where `audit_insert_beside_available`: the statement is a transaction of its own, so
    both rows commit together or neither does, in one round trip instead of four (BEGIN, two
    INSERTs, COMMIT), and the commit waits for the WAL flush like any change or security event.
    The order is the one `audit_event_append` asks of its callers: the caller's INSERT takes no
    row lock before the chain lock (foreign keys are checked at commit, after it). The event is
    a CHANGE, or a SECURITY event for a sign-in action (`auth.*`), as `audit_record` decides.
    """
    if not audit_insert_beside_available():
        raise RuntimeError("An event is appended beside an INSERT on PostgreSQL, autocommit only.")
    kind = AuditKind.SECURITY if action.startswith("auth.") else AuditKind.CHANGE
    event = _event_build(
        kind=kind,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        patient_id=None,
        patient_ids=(),
        detail=None,
        outcome=AuditOutcome.SUCCESS,
        at=at,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            _postgres_insert_beside_sql(insert_sql), [*insert_params, *_postgres_params(event)]
        )
        row = tuple(cursor.fetchone())
    _saved(event, row[-3:])
    return row[:-3], event


def audit_record(
    *,
    actor: Any,
    action: str,
    object_type: str = "",
    object_id: object = "",
    patient: Any = None,
    outcome: str = AuditOutcome.SUCCESS,
    kind: str | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one change or sign-in event; call it last inside the transaction it records.

    `patient` is the patient row the change concerns, if any. Without `kind`, sign-in actions
    (`auth.*`) and refused attempts are SECURITY events and everything else a CHANGE. Never pass
    health data here: the event names the action and the row, not its contents.
    """
    if kind is None:
        security = action.startswith("auth.") or outcome == AuditOutcome.FAILURE
        kind = AuditKind.SECURITY if security else AuditKind.CHANGE
    patient_pk = getattr(patient, "pk", None)
    return audit_event_append(
        kind=kind,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        patient_id=patient_pk,
        patient_ids=[patient_pk] if patient_pk is not None else [],
        outcome=outcome,
        at=at or timezone.now(),
    )


def audit_security(
    *,
    actor: Any,
    action: str,
    object_type: str = "",
    object_id: object = "",
    patient_ids: Iterable[int] = (),
    detail: Mapping[str, Any] | None = None,
    at: datetime,
) -> AuditEvent:
    """Append a SECURITY event for a refused or suspicious attempt (outcome FAILURE).

    Actions in use: `access.denied` (403/404 on a record that is not the caller's),
    `auth.signup_code_wrong`, `auth.refresh_reuse`, `auth.lockout`. `actor` may be None when
    nobody is signed in; `detail` must never carry a password, token or health data.
    """
    return audit_event_append(
        kind=AuditKind.SECURITY,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        patient_ids=patient_ids,
        detail=detail,
        outcome=AuditOutcome.FAILURE,
        at=at,
    )


def _unusual_access_limits() -> tuple[int, int]:
    return (
        int(getattr(settings, "HMS_UNUSUAL_ACCESS_PATIENTS", 50)),
        int(getattr(settings, "HMS_UNUSUAL_ACCESS_MINUTES", 10)),
    )


def unusual_access_check(*, actor: Any, at: datetime) -> UnusualAccessFlag | None:
    """Raise a flag when `actor` opened more than N distinct patients in the last M minutes.

    "Opened" means a read of one record (an access event with an object id: a patient, an
    admission, an invoice or its PDF, an appointment); lists are not openings. N and M are the
    settings HMS_UNUSUAL_ACCESS_PATIENTS and HMS_UNUSUAL_ACCESS_MINUTES. While a flag raised
    within the last M minutes stands, no second one is raised for the same person.
    """
    if actor is None or not actor.pk:
        return None
    limit, minutes = _unusual_access_limits()
    window_start = at - timedelta(minutes=minutes)
    if UnusualAccessFlag.objects.filter(actor=actor, raised_at__gte=window_start).exists():
        return None
    openings = (
        AuditEvent.objects.filter(
            actor=actor, kind=AuditKind.ACCESS, at__gte=window_start, at__lte=at
        )
        .exclude(object_id="")
        .order_by("id")
        .values_list("id", "patient_ids")
    )
    patients: set[int] = set()
    event_ids: list[int] = []
    for event_id, patient_ids in openings:
        if patient_ids:
            patients.update(patient_ids)
            event_ids.append(event_id)
    if len(patients) <= limit:
        return None
    with transaction.atomic():
        flag = UnusualAccessFlag.objects.create(
            actor=actor,
            actor_role=str(getattr(actor, "role", "") or ""),
            actor_name=_actor_name(actor),
            raised_at=at,
            window_start=window_start,
            patient_count=len(patients),
            event_ids=event_ids,
        )
        # The admins are told by the notifications app, which stands above this one: the
        # setting names its function, as HMS_ROLE_MAP names the role map for hms.common.
        notifier = getattr(settings, "HMS_UNUSUAL_ACCESS_NOTIFIER", "")
        if notifier:
            import_string(notifier)(flag=flag, minutes=minutes, at=at)
    return flag


# The cache's tally of openings: one bucket per person and minute.
_BUCKET_SECONDS = 60


def _opened_key(actor_pk: int, bucket: int, patient_pk: int | None = None) -> str:
    base = f"hms:audit:opened:{actor_pk}:{bucket}"
    return base if patient_pk is None else f"{base}:{patient_pk}"


def unusual_access_note(
    *, actor: Any, patient_ids: Iterable[int], at: datetime
) -> UnusualAccessFlag | None:
    """Count one opening of `patient_ids` by `actor`; read the log only past the limit.

    The cache (Redis in production, shared by every worker and replica) holds, per person and
    minute, how many distinct patients they opened in that minute. Summed over the minutes the
    window touches, that can only overstate the distinct patients opened within the last M
    minutes (a patient opened in two different minutes counts twice), never understate them, so
    while the sum stays at or under N nothing else runs. Past N, `unusual_access_check` counts
    exactly from the log and raises the flag. A patient opened again within the same minute
    costs one cache round trip, a new one four; no database query until the sum passes N.
    """
    if actor is None or not actor.pk:
        return None
    limit, minutes = _unusual_access_limits()
    bucket = int(at.timestamp()) // _BUCKET_SECONDS
    new = sum(
        1
        for patient_pk in set(patient_ids)
        # True only for the first opening of this patient in this minute.
        if cache.add(_opened_key(actor.pk, bucket, patient_pk), 1, timeout=2 * _BUCKET_SECONDS)
    )
    if not new:
        return None
    counter = _opened_key(actor.pk, bucket)
    lifetime = (minutes + 2) * 60
    try:
        cache.incr(counter, new)
    except ValueError:  # the minute's first new patient (or another request's, just now)
        if not cache.add(counter, new, timeout=lifetime):
            cache.incr(counter, new)
    flagged = f"hms:audit:flagged:{actor.pk}"
    first = (int((at - timedelta(minutes=minutes)).timestamp())) // _BUCKET_SECONDS
    keys = [_opened_key(actor.pk, number) for number in range(first, bucket + 1)]
    tally = cache.get_many([*keys, flagged])
    if flagged in tally or sum(int(tally.get(key) or 0) for key in keys) <= limit:
        return None
    flag = unusual_access_check(actor=actor, at=at)
    if flag is not None:
        # The flag stands for M minutes: no second one, so no need to count again until then.
        cache.set(flagged, flag.pk, timeout=minutes * 60)
    return flag
