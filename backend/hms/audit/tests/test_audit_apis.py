from __future__ import annotations

import csv
import io
import tracemalloc
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from fhir.resources.R4B.auditevent import AuditEvent as FhirAuditEvent

from hms.audit.chain import GENESIS_HASH
from hms.audit.models import AuditEvent
from hms.audit.services import audit_event_append, audit_security

pytestmark = pytest.mark.django_db

AT = datetime(2026, 3, 2, 4, 30, tzinfo=UTC)  # 10:00 in Asia/Kolkata


@pytest.fixture
def doctor(make_doctor):
    return make_doctor(user__first_name="Meera", user__last_name="Iyer")


@pytest.fixture
def patient(make_patient):
    return make_patient(user__first_name="Ravi", user__last_name="Kumar")


@pytest.fixture
def events(admin_user, doctor, patient):
    """Three events: a doctor's read of the patient, an admin's list, a refused attempt."""
    read = audit_event_append(
        kind="ACCESS",
        actor=doctor.user,
        action="patient.retrieve",
        object_type="patient",
        object_id=patient.pk,
        patient_ids=[patient.pk],
        at=AT,
    )
    listed = audit_event_append(
        kind="ACCESS",
        actor=admin_user,
        action="patient.list",
        object_type="patient",
        patient_ids=[patient.pk, 99],
        detail={"filters": ["search"]},
        at=AT + timedelta(days=1),
    )
    refused = audit_security(
        actor=doctor.user,
        action="access.denied",
        object_type="invoice",
        object_id=5,
        at=AT + timedelta(days=2),
    )
    return read, listed, refused


def _ids(response):
    return [row["id"] for row in response.json()["results"]]


def test_the_admin_lists_every_event_newest_first(admin_client, events, doctor, patient):
    read, listed, refused = events

    response = admin_client.get("/api/v1/audit-events/")

    assert response.status_code == 200
    assert _ids(response) == [refused.pk, listed.pk, read.pk]
    assert response.json()["results"][2] == {
        "id": read.pk,
        "at": "2026-03-02T10:00:00+05:30",
        "kind": "ACCESS",
        "action": "patient.retrieve",
        "outcome": "SUCCESS",
        "actor": doctor.user.pk,
        "actor_name": "Meera Iyer",
        "actor_role": "DOCTOR",
        "object_type": "patient",
        "object_id": str(patient.pk),
        "patient_ids": [patient.pk],
        "filters": [],
        "request_id": "",
        "ip_address": None,
        "hash": read.hash,
    }
    assert response.json()["results"][1]["filters"] == ["search"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "SECURITY"}, ["refused"]),
        ({"kind": "ACCESS"}, ["listed", "read"]),
        ({"action": "patient.retrieve"}, ["read"]),
        ({"date_from": "2026-03-03"}, ["refused", "listed"]),
        ({"date_to": "2026-03-03"}, ["listed", "read"]),
        ({"date_from": "2026-03-03", "date_to": "2026-03-03"}, ["listed"]),
    ],
)
def test_the_viewer_filters_by_kind_action_and_dates(admin_client, events, query, expected):
    by_name = dict(zip(["read", "listed", "refused"], events, strict=True))

    response = admin_client.get("/api/v1/audit-events/", query)

    assert _ids(response) == [by_name[name].pk for name in expected]


def test_the_viewer_filters_by_actor_and_patient(admin_client, events, doctor, patient, admin_user):
    read, listed, refused = events

    by_doctor = admin_client.get("/api/v1/audit-events/", {"actor": doctor.user.pk})
    by_patient = admin_client.get("/api/v1/audit-events/", {"patient": patient.pk})
    by_other = admin_client.get("/api/v1/audit-events/", {"patient": 99})

    assert _ids(by_doctor) == [refused.pk, read.pk]
    assert _ids(by_patient) == [listed.pk, read.pk]
    assert _ids(by_other) == [listed.pk]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"kind": "READ"}, "kind"),
        ({"actor": "abc"}, "actor"),
        ({"patient": "0"}, "patient"),
        ({"date_from": "2026-13-01"}, "date_from"),
        ({"date_from": "2026-03-04", "date_to": "2026-03-03"}, "date_to"),
        # The last day a date can name: the day after it does not exist.
        ({"date_to": "9999-12-31"}, "date_to"),
        ({"date_from": "0001-01-01"}, "date_from"),
        ({"date_from": "1899-12-31"}, "date_from"),
    ],
)
@pytest.mark.parametrize("path", ["/api/v1/audit-events/", "/api/v1/audit-events/export/"])
def test_invalid_filters_answer_400(admin_client, events, query, field, path):
    before = AuditEvent.objects.count()

    response = admin_client.get(path, query)

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert list(response.json()["fields"]) == [field]
    # A refused filter reads nothing, so nothing is accounted as read.
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(
    "path",
    ["/api/v1/audit-events/", "/api/v1/audit-events/export/", "/api/v1/audit-events/{id}/fhir/"],
)
def test_only_the_admin_reads_the_audit_log(api_client, client_for, doctor, patient, events, path):
    path = path.format(id=events[0].pk)
    before = AuditEvent.objects.count()

    assert api_client.get(path).status_code == 401
    assert client_for(doctor.user).get(path).status_code == 403
    assert client_for(patient.user).get(path).status_code == 403
    assert AuditEvent.objects.count() == before


def test_the_csv_export_streams_the_filtered_set(admin_client, events, patient, doctor):
    read, listed, _ = events

    response = admin_client.get("/api/v1/audit-events/export/", {"patient": patient.pk})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-events-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["id", "at", "kind", "action"]
    assert rows[1:] == [
        [
            str(listed.pk),
            "2026-03-03T10:00:00+05:30",
            "ACCESS",
            "patient.list",
            "SUCCESS",
            str(listed.actor_id),
            listed.actor_name,
            "ADMIN",
            "patient",
            "",
            " ".join(str(pk) for pk in sorted([patient.pk, 99])),
            "search",
            "",
            "",
            listed.hash,
        ],
        [
            str(read.pk),
            "2026-03-02T10:00:00+05:30",
            "ACCESS",
            "patient.retrieve",
            "SUCCESS",
            str(doctor.user.pk),
            "Meera Iyer",
            "DOCTOR",
            "patient",
            str(patient.pk),
            str(patient.pk),
            "",
            "",
            "",
            read.hash,
        ],
    ]
    # The export itself is recorded, with its filters' names.
    export = AuditEvent.objects.order_by("-id").first()
    assert (export.kind, export.action, export.detail) == (
        "ACCESS",
        "audit_event.export",
        {"filters": ["patient"]},
    )


def test_a_cell_a_spreadsheet_would_run_is_defused(admin_client, make_doctor):
    doctor = make_doctor(user__first_name="=HYPERLINK(1)", user__last_name="")
    audit_event_append(kind="ACCESS", actor=doctor.user, action="patient.list", at=AT)

    response = admin_client.get("/api/v1/audit-events/export/", {"action": "patient.list"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][6] == "'=HYPERLINK(1)"


def _insert_rows(count, actor):
    """Insert `count` access events in one statement (the chain is not what this test reads)."""
    ids = "('[' || i || ',' || (i + 1) || ']')"
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditevent (at, kind, actor_id, actor_role, actor_name, action,"  # noqa: S608
            " object_type, object_id, patient_ids, detail, outcome, request_id, prev_hash, hash)"
            " WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < %s)"
            f" SELECT %s, 'ACCESS', %s, 'ADMIN', 'Asha Rao', 'patient.list', 'patient', '',"
            f" {ids}{cast}, %s{cast}, 'SUCCESS', '0123456789abcdef0123456789abcdef', %s, %s"
            " FROM seq",
            [count, AT, actor.pk, '{"filters": ["search", "status"]}', GENESIS_HASH, GENESIS_HASH],
        )


def test_exporting_200000_rows_keeps_memory_bounded(admin_client, admin_user):
    _insert_rows(200_000, admin_user)

    response = admin_client.get("/api/v1/audit-events/export/")
    lines = 0
    size = 0
    tracemalloc.start()
    try:
        for chunk in response.streaming_content:
            lines += chunk.count(b"\n")
            size += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert lines == 200_001
    assert size > 30_000_000
    # The whole export is over 30 MB; streaming holds a few chunks of rows at a time.
    assert peak < 8_000_000


def test_an_event_as_fhir_r4_audit_event(admin_client, events, doctor, patient):
    read, listed, refused = events

    body = admin_client.get(f"/api/v1/audit-events/{read.pk}/fhir/").json()

    parsed = FhirAuditEvent.model_validate(body)
    assert parsed.id == str(read.pk)
    assert body["type"]["code"] == "rest"
    assert body["subtype"] == [
        {"system": "http://hl7.org/fhir/restful-interaction", "code": "read"}
    ]
    assert (body["action"], body["outcome"], body["recorded"]) == (
        "R",
        "0",
        "2026-03-02T10:00:00+05:30",
    )
    assert body["agent"] == [
        {
            "requestor": True,
            "who": {
                "identifier": {"system": "urn:hms:user", "value": str(doctor.user.pk)},
                "display": "Meera Iyer",
            },
            "type": {"coding": [{"system": "urn:hms:role", "code": "DOCTOR"}]},
        }
    ]
    assert body["entity"][0]["what"] == {"reference": f"Patient/{patient.pk}"}
    for event in (listed, refused):
        other = admin_client.get(f"/api/v1/audit-events/{event.pk}/fhir/").json()
        FhirAuditEvent.model_validate(other)
    assert admin_client.get(f"/api/v1/audit-events/{refused.pk}/fhir/").json()["outcome"] == "4"


def test_fhir_of_a_missing_event_is_404(admin_client, events):
    response = admin_client.get(f"/api/v1/audit-events/{events[2].pk + 100}/fhir/")

    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
