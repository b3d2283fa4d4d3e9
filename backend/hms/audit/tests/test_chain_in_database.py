"""On PostgreSQL the database chains each row; `audit_verify` recomputes it in Python: alike."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hms.audit.chain import GENESIS_HASH, canonical_json, chain_verify, event_digest
from hms.audit.models import AuditEvent
from hms.audit.services import audit_event_append
from hms.common.request_context import set_request_context
from hms.common.tests.direct_connection import direct_connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

AT = datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=UTC)

# Strings both implementations must escape alike: accents, CJK, an emoji outside the BMP
# (a UTF-16 surrogate pair), quotes, backslashes, control characters, DEL, a line separator.
AWKWARD = [
    "José Ñúñez-Çelik",
    "李雷 (韩梅梅)",
    "Dr 🩺 Ama",
    'quote " and \\ backslash / slash',
    "tab\tnew\nline\rcr\x01\x1f\x7f",
    "\u2028\u00a0\ufeff",
    "",
]
DETAIL = {
    "filters": ["search", "ward", "é"],
    "page": 2,
    "b": -1,
    "aa": {"z": [1, "ü", None, True, False, []], "B": {}, "a": "x"},
    "ключ": "значение",
}


def _sql_canonical(value):
    with connection.cursor() as cursor:
        cursor.execute("SELECT audit_canonical_json(%s::jsonb)", [json.dumps(value)])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("text", AWKWARD)
def test_strings_are_escaped_alike(text):
    assert _sql_canonical(text) == json.dumps(text, ensure_ascii=True)


def test_objects_sort_their_keys_by_code_point_alike():
    expected = json.dumps(DETAIL, sort_keys=True, separators=(",", ":"), ensure_ascii=True)

    assert _sql_canonical(DETAIL) == expected


def test_rows_the_database_chained_verify_in_python(admin_user, make_patient):
    patients = [make_patient() for _ in range(3)]
    events = []
    for number, name in enumerate(AWKWARD):
        admin_user.first_name, admin_user.last_name = name, "Ωmega"
        set_request_context(
            request_id=f"req-{number}", client_ip="2001:DB8:0:0::7" if number % 2 else "10.0.0.9"
        )
        try:
            events.append(
                audit_event_append(
                    kind="ACCESS",
                    actor=admin_user if number % 3 else None,
                    action="patient.list",
                    object_type="patient",
                    object_id=name[:10],
                    patient_id=patients[0].pk if number % 2 else None,
                    patient_ids=[p.pk for p in patients][: number % 4],
                    detail={**DETAIL, "name": name},
                    at=AT,
                )
            )
        finally:
            set_request_context(request_id=None, client_ip=None)

    stored = list(AuditEvent.objects.order_by("id"))
    assert [row.pk for row in stored] == [event.pk for event in events]
    assert stored[0].prev_hash == GENESIS_HASH
    for previous, row, returned in zip([None, *stored], stored, events, strict=False):
        assert row.prev_hash == (previous.hash if previous else GENESIS_HASH)
        assert row.hash == event_digest(prev_hash=row.prev_hash, event=row)
        # The INSERT read back what the trigger set.
        assert (returned.prev_hash, returned.hash) == (row.prev_hash, row.hash)
    assert stored[1].ip_address == "2001:db8::7"
    assert '"actor_name":"\\u674e\\u96f7 (\\u97e9\\u6885\\u6885) \\u03a9mega"' in (
        canonical_json(stored[1])
    )
    assert chain_verify(stored) == (len(AWKWARD), None)


def test_an_append_is_one_statement(admin_user):
    audit_event_append(kind="ACCESS", actor=admin_user, action="patient.list", at=AT)

    with CaptureQueriesContext(connection) as captured:
        event = audit_event_append(
            kind="ACCESS", actor=admin_user, action="patient.retrieve", patient_ids=[4], at=AT
        )

    assert [query["sql"].split()[0] for query in captured.captured_queries] == ["INSERT"]
    assert event.prev_hash == AuditEvent.objects.order_by("id").first().hash


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_values_sent_for_the_chain_are_replaced_and_only_read_committed_appends():
    with direct_connection() as direct:
        insert = (
            "INSERT INTO audit_auditevent (id, at, kind, actor_role, actor_name, action,"
            " object_type, object_id, patient_ids, detail, outcome, request_id, prev_hash, hash)"
            " VALUES (%s, %s, 'SECURITY', '', '', 'auth.login', '', '', '[]', '{}', 'FAILURE',"
            " '', 'forged', 'forged')"
        )
        direct.execute(insert, [50, AT])
        # An id below the last one moves after it: id order stays chain order.
        direct.execute(insert, [3, AT])
        with pytest.raises(psycopg.errors.RaiseException), direct.transaction():
            direct.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            direct.execute(insert, [60, AT])

    rows = list(AuditEvent.objects.order_by("id"))
    assert [row.pk for row in rows] == [50, 51]
    assert rows[0].prev_hash == GENESIS_HASH
    assert chain_verify(rows) == (2, None)
