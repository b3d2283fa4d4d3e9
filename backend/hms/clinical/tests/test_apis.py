"""The clinical API: coded refusals that change nothing, ICD-10 search, the timeline, the
discharge rule, what the admin sees and the access events every read writes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.db import connection

from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.appointments.models import AppointmentStatus
from hms.appointments.tests.factories import NOW, AppointmentFactory
from hms.audit.models import AuditEvent, AuditKind
from hms.clinical.services import visit_note_create, visit_note_sign
from hms.clinical.tests.test_permissions import DISCHARGE_BODY, NOTE_BODY, SUMMARY_BODY
from hms.clinical.tests.world import LINE, NOTE, VITALS, refusal, snapshot

pytestmark = pytest.mark.django_db

VN = "/api/v1/clinical/visit-notes"


# --- bad input: a coded 4xx and nothing changed ------------------------------------------------


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"vitals": {**VITALS, "systolic_mmhg": 400}}, {"vitals.systolic_mmhg"}),
        ({"vitals": {"spo2_percent": 40}}, {"vitals.spo2_percent"}),
        ({"vitals": {"temperature_c": "98.6"}}, {"vitals.temperature_c"}),
        ({"vitals": {"systolic_mmhg": 120}}, {"diastolic_mmhg"}),
        ({"vitals": {}}, {"non_field_errors"}),
        ({"prescription_lines": [{**LINE, "dose": ""}]}, {"prescription_lines[0].dose"}),
        (
            {"prescription_lines": [LINE, {"medicine": "Aspirin"}]},
            {
                "prescription_lines[1].strength",
                "prescription_lines[1].dose",
                "prescription_lines[1].route",
                "prescription_lines[1].frequency",
                "prescription_lines[1].duration_days",
            },
        ),
        (
            {"prescription_lines": [{**LINE, "duration_days": 0}]},
            {"prescription_lines[0].duration_days"},
        ),
        ({"icd10_code": "X99.99"}, {"icd10_code"}),
    ],
)
def test_bad_visit_note_input_is_refused_per_field(world, client_for, frozen_now, change, fields):
    before = snapshot()

    response = client_for(world.doctor.user).post(
        f"{VN}/", {**NOTE_BODY, "appointment": world.started.pk, **change}, format="json"
    )

    refusal(response, 400, "VALIDATION_ERROR", fields)
    assert snapshot() == before


def test_the_vitals_message_names_the_range(world, client_for, frozen_now):
    response = client_for(world.doctor.user).post(
        "/api/v1/clinical/vitals/",
        {"admission": world.stay.pk, "systolic_mmhg": 301, "diastolic_mmhg": 80},
        format="json",
    )

    refusal(response, 400, "VALIDATION_ERROR")
    assert response.json()["fields"] == {
        "systolic_mmhg": ["Systolic pressure must be between 50 and 300 mmHg."]
    }


@pytest.mark.parametrize(
    ("request_for", "status", "code"),
    [
        (lambda w: ("post", f"{VN}/{w.signed_note.pk}/sign/", None), 409, "ALREADY_SIGNED"),
        (lambda w: ("put", f"{VN}/{w.signed_note.pk}/", NOTE_BODY), 409, "DOCUMENT_SIGNED"),
        (
            lambda w: ("post", f"{VN}/", {**NOTE_BODY, "appointment": w.future.pk}),
            409,
            "VISIT_NOT_STARTED",
        ),
        (
            lambda w: (
                "post",
                f"{VN}/",
                {**NOTE_BODY, "appointment": w.others_note.appointment_id},
            ),
            404,
            "NOT_FOUND",
        ),
        (
            lambda w: ("post", f"{VN}/", {**NOTE_BODY, "appointment": w.draft_note.appointment_id}),
            409,
            "DOCUMENT_EXISTS",
        ),
        (
            lambda w: ("post", f"{VN}/{w.draft_note.pk}/addenda/", {"text": "x"}),
            409,
            "DOCUMENT_NOT_SIGNED",
        ),
        (
            lambda w: (
                "post",
                "/api/v1/clinical/progress-notes/",
                {"admission": w.others_stay.pk, "text": "x"},
            ),
            404,
            "NOT_FOUND",
        ),
        (
            lambda w: (
                "post",
                "/api/v1/clinical/discharge-summaries/",
                {**SUMMARY_BODY, "admission": w.stay.pk},
            ),
            409,
            "DOCUMENT_EXISTS",
        ),
    ],
)
def test_each_refusal_has_its_code_and_changes_nothing(
    world, client_for, frozen_now, request_for, status, code
):
    method, path, body = request_for(world)
    before = snapshot()

    client = client_for(world.doctor.user)
    response = (
        getattr(client, method)(path, body, format="json")
        if body
        else getattr(client, method)(path)
    )

    refusal(response, status, code)
    assert snapshot() == before


def test_progress_notes_and_vitals_wait_for_an_open_stay(world, client_for, frozen_now):
    Admission.objects.filter(pk=world.stay.pk).update(
        status=AdmissionStatus.DISCHARGED,
        discharged_on=date(2026, 11, 25),
        discharged_at=NOW,
        discharged_by=world.admin,
    )
    before = snapshot()
    client = client_for(world.doctor.user)

    for path, body in [
        ("/api/v1/clinical/progress-notes/", {"admission": world.stay.pk, "text": "x"}),
        ("/api/v1/clinical/vitals/", {"admission": world.stay.pk, "pulse_per_min": 80}),
    ]:
        refusal(client.post(path, body, format="json"), 409, "INVALID_STATE")
    assert snapshot() == before


# --- a doctor's visit, end to end ---------------------------------------------------------------


def test_a_doctor_writes_and_signs_a_visit_note_and_the_patient_reads_it(
    world, client_for, frozen_now
):
    doctor = client_for(world.doctor.user)

    created = doctor.post(
        f"{VN}/",
        {**NOTE_BODY, "appointment": world.started.pk, "icd10_code": "r07.9"},
        format="json",
    )
    assert created.status_code == 201, created.content
    note = created.json()
    assert (note["status"], note["icd10_code"], note["icd10_description"]) == (
        "DRAFT",
        "R07.9",
        "Chest pain, unspecified",
    )
    assert note["vitals"]["systolic_mmhg"] == 142
    assert note["prescription"]["lines"] == [{**LINE}]
    patient = client_for(world.patient.user)
    assert patient.get(f"{VN}/{note['id']}/").status_code == 404  # a draft is the author's

    signed = doctor.post(f"{VN}/{note['id']}/sign/").json()

    assert signed["status"] == "SIGNED"
    assert signed["signed_at"] == "2026-11-26T10:00:00+05:30"
    read = patient.get(f"{VN}/{note['id']}/").json()
    assert read["diagnosis"] == "Stable angina"
    rx_id = read["prescription"]["id"]
    pdf = patient.get(f"/api/v1/clinical/prescriptions/{rx_id}/pdf/")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="prescription-{rx_id}.pdf"'
    import hashlib

    assert hashlib.sha256(pdf.content).hexdigest() == read["prescription"]["pdf_sha256"]
    download = AuditEvent.objects.filter(action="prescription.pdf").get()
    assert (download.kind, download.patient_ids, download.object_id) == (
        AuditKind.ACCESS,
        [world.patient.pk],
        str(rx_id),
    )


def test_the_admin_sees_that_documents_exist_but_never_their_text(world, client_for):
    admin_client = client_for(world.admin)
    note = admin_client.get(f"{VN}/{world.signed_note.pk}/").json()
    summary = admin_client.get(
        f"/api/v1/clinical/discharge-summaries/{world.signed_summary.pk}/"
    ).json()

    metadata = {
        "id",
        "patient",
        "patient_name",
        "author",
        "author_name",
        "author_department",
        "status",
        "created_at",
        "updated_at",
        "signed_at",
    }
    assert set(note) == metadata | {"appointment"}
    assert set(summary) == metadata | {"admission", "pdf_sha256"}
    # ...and prints the take-home documents.
    pdf = admin_client.get(f"/api/v1/clinical/discharge-summaries/{world.signed_summary.pk}/pdf/")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_every_read_is_an_access_event_naming_the_patient(world, client_for):
    client_for(world.doctor.user).get(f"{VN}/")
    client_for(world.patient.user).get(f"{VN}/{world.signed_note.pk}/")

    events = list(
        AuditEvent.objects.filter(kind=AuditKind.ACCESS)
        .order_by("id")
        .values_list("action", "patient_ids", "object_id")
    )
    assert events == [
        ("visit_note.list", [world.patient.pk], ""),
        ("visit_note.retrieve", [world.patient.pk], str(world.signed_note.pk)),
    ]


# --- the timeline -------------------------------------------------------------------------------


def test_the_patient_timeline_in_time_order_with_invoices_for_the_patient_only(world, client_for):
    discharge(world.stay, actor=world.admin, discharged_on=date(2026, 11, 24))
    path = f"/api/v1/clinical/patients/{world.patient.pk}/timeline/"

    mine = client_for(world.patient.user).get(path).json()
    doctors = client_for(world.doctor.user).get(path).json()

    kinds = [entry["kind"] for entry in mine["entries"]]
    assert sorted(kinds) == sorted(
        ["VISIT"] * 4 + ["STAY", "VISIT_NOTE", "PRESCRIPTION", "PROGRESS_NOTE", "INVOICE"]
    )
    times = [datetime.fromisoformat(entry["at"]) for entry in mine["entries"]]
    assert times == sorted(times, reverse=True)
    assert mine["entries"][-1]["kind"] == "VISIT"  # two days ago, the oldest
    doctor_kinds = sorted(entry["kind"] for entry in doctors["entries"])
    # The doctor sees their own drafts too (visit note, progress note, summary), never invoices.
    assert doctor_kinds == sorted(
        ["VISIT"] * 4
        + ["STAY", "VISIT_NOTE", "VISIT_NOTE", "PRESCRIPTION", "PRESCRIPTION"]
        + ["PROGRESS_NOTE", "PROGRESS_NOTE", "DISCHARGE_SUMMARY"]
    )
    event = AuditEvent.objects.filter(action="patient_timeline.timeline").first()
    assert event is not None and event.patient_ids == [world.patient.pk]


# Authentication, the patient, one query per kind of entry, and the access event (one INSERT on
# PostgreSQL, whose trigger chains it; on SQLite the application reads the previous hash first):
# the same at 3 and at 50 visits.
TIMELINE_QUERIES = 10 if connection.vendor == "postgresql" else 11


@pytest.mark.parametrize("visits", [3, 50])
def test_the_timeline_takes_a_constant_number_of_queries(
    client_for, make_doctor, make_patient, django_assert_num_queries, monkeypatch, visits
):
    monkeypatch.setattr("hms.clinical.services.prescription_render_pdf", lambda **kwargs: b"%PDF-1")
    doctor = make_doctor()
    patient = make_patient(assigned_doctor=doctor)
    for index in range(visits):
        appointment = AppointmentFactory(
            doctor=doctor,
            patient=patient,
            starts_at=NOW - timedelta(days=index + 1),
            status=AppointmentStatus.COMPLETED,
        )
        note = visit_note_create(
            actor=doctor.user,
            appointment=appointment,
            fields=NOTE,
            vitals=None,
            lines=[LINE],
            at=NOW,
        )
        visit_note_sign(actor=doctor.user, visit_note=note, at=NOW)
    AdmissionFactory(patient=patient, doctor=doctor)
    client = client_for(patient.user)
    path = f"/api/v1/clinical/patients/{patient.pk}/timeline/"
    client.get(path)  # warm the per-process caches (content types, settings)

    with django_assert_num_queries(TIMELINE_QUERIES) as captured:
        response = client.get(path)

    assert len(response.json()["entries"]) == 3 * visits + 1
    assert len(captured.captured_queries) == TIMELINE_QUERIES


# --- discharge and the summary ------------------------------------------------------------------


def test_the_discharge_screen_reads_whether_a_signed_summary_exists(world, client_for, settings):
    admin_client = client_for(world.admin)
    path = f"/api/v1/clinical/admissions/{world.stay.pk}/discharge-readiness/"

    draft = admin_client.get(path).json()
    client_for(world.doctor.user).post(
        f"/api/v1/clinical/discharge-summaries/{world.draft_summary.pk}/sign/"
    )
    settings.HMS_DISCHARGE_REQUIRES_SUMMARY = True
    signed = admin_client.get(path).json()

    assert draft == {
        "admission": world.stay.pk,
        "patient": world.patient.pk,
        "discharge_summary": world.draft_summary.pk,
        "discharge_summary_status": "DRAFT",
        "has_signed_discharge_summary": False,
        "summary_required": False,
    }
    assert (signed["has_signed_discharge_summary"], signed["summary_required"]) == (True, True)


def test_a_stay_without_summary_reads_none(world, client_for):
    admin_client = client_for(world.admin)
    response = admin_client.get(
        f"/api/v1/clinical/admissions/{world.others_stay.pk}/discharge-readiness/"
    )
    assert response.json()["has_signed_discharge_summary"] is True
    bare = AdmissionFactory()
    answer = admin_client.get(f"/api/v1/clinical/admissions/{bare.pk}/discharge-readiness/").json()
    assert (answer["discharge_summary"], answer["discharge_summary_status"]) == (None, None)


def test_a_required_summary_blocks_the_discharge_until_signed(world, client_for, settings):
    admin_client = client_for(world.admin)
    settings.HMS_DISCHARGE_REQUIRES_SUMMARY = True
    path = f"/api/v1/admissions/{world.stay.pk}/discharge/"
    before = snapshot()

    refused = admin_client.post(path, DISCHARGE_BODY, format="json")

    refusal(refused, 409, "DISCHARGE_SUMMARY_REQUIRED")
    assert snapshot() == before
    client_for(world.doctor.user).post(
        f"/api/v1/clinical/discharge-summaries/{world.draft_summary.pk}/sign/"
    )
    assert admin_client.post(path, DISCHARGE_BODY, format="json").status_code == 201
    assert Admission.objects.get(pk=world.stay.pk).status == AdmissionStatus.DISCHARGED


def test_by_default_a_discharge_without_summary_goes_ahead(world, client_for):
    admin_client = client_for(world.admin)
    response = admin_client.post(
        f"/api/v1/admissions/{world.stay.pk}/discharge/", DISCHARGE_BODY, format="json"
    )
    assert response.status_code == 201
