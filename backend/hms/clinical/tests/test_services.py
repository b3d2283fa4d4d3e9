"""The document life cycle: drafts by their author, signing once, addenda, and the database's
refusal to change anything signed."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from hms.appointments.models import AppointmentStatus
from hms.appointments.tests.factories import NOW, AppointmentFactory
from hms.audit.models import AuditEvent, AuditKind
from hms.clinical.errors import (
    AlreadySigned,
    DocumentExists,
    DocumentNotSigned,
    DocumentSigned,
    VisitNotStarted,
)
from hms.clinical.models import (
    Addendum,
    DocumentStatus,
    Prescription,
    PrescriptionLine,
    VisitNote,
    Vitals,
)
from hms.clinical.services import (
    addendum_add,
    icd10_resolve,
    progress_note_create,
    visit_note_create,
    visit_note_sign,
    visit_note_update,
    vitals_check,
    vitals_record,
)
from hms.clinical.tests.world import LINE, NOTE, VITALS
from hms.common.errors import (
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailed,
)

pytestmark = pytest.mark.django_db


def _changes(action: str, pk: int) -> list[tuple[str, str, list[int]]]:
    return list(
        AuditEvent.objects.filter(
            kind=AuditKind.CHANGE, action=action, object_id=str(pk)
        ).values_list("action", "object_type", "patient_ids")
    )


# --- the state machine ----------------------------------------------------------------------


def test_a_visit_note_goes_from_draft_to_signed_with_its_prescription(world):
    note = world.draft_note
    assert (note.status, note.signed_at) == (DocumentStatus.DRAFT, None)

    visit_note_sign(actor=world.doctor.user, visit_note=note, at=NOW)

    note.refresh_from_db()
    prescription = Prescription.objects.get(visit_note=note)
    assert (note.status, note.signed_at) == (DocumentStatus.SIGNED, NOW)
    assert (prescription.status, prescription.signed_at) == (DocumentStatus.SIGNED, NOW)
    assert len(prescription.pdf_sha256) == 64
    patient = [world.patient.pk]
    assert _changes("visit_note.sign", note.pk) == [("visit_note.sign", "visit_note", patient)]
    assert _changes("prescription.sign", prescription.pk) == [
        ("prescription.sign", "prescription", patient)
    ]


def test_signing_twice_is_refused_and_changes_nothing(world):
    note = world.signed_note
    before = (note.signed_at, note.prescription.pdf_sha256, AuditEvent.objects.count())

    with pytest.raises(AlreadySigned):
        visit_note_sign(actor=world.doctor.user, visit_note=note, at=NOW)

    note.refresh_from_db()
    stored = Prescription.objects.get(visit_note=note)
    assert (note.signed_at, stored.pdf_sha256, AuditEvent.objects.count()) == before


def test_editing_a_signed_note_is_refused_and_an_addendum_is_the_correction(world):
    note = world.signed_note

    with pytest.raises(DocumentSigned):
        visit_note_update(
            actor=world.doctor.user,
            visit_note=note,
            fields={**NOTE, "diagnosis": "Changed"},
            vitals=None,
            lines=[],
            at=NOW,
        )
    addendum = addendum_add(
        actor=world.doctor.user, document=note, text="  Troponin negative.  ", at=NOW
    )

    note.refresh_from_db()
    assert note.diagnosis == "Stable angina"
    assert Vitals.objects.filter(visit_note=note).count() == 1
    assert PrescriptionLine.objects.filter(prescription__visit_note=note).count() == 1
    assert (addendum.text, addendum.visit_note_id, addendum.signed_at) == (
        "Troponin negative.",
        note.pk,
        NOW,
    )
    assert _changes("visit_note.addendum", note.pk) == [
        ("visit_note.addendum", "visit_note", [world.patient.pk])
    ]


def test_a_draft_is_amended_by_editing_not_by_addenda(world):
    with pytest.raises(DocumentNotSigned):
        addendum_add(actor=world.doctor.user, document=world.draft_note, text="x", at=NOW)
    assert Addendum.objects.count() == 0


def test_the_author_replaces_the_draft_whole(world):
    note = world.draft_note

    visit_note_update(
        actor=world.doctor.user,
        visit_note=note,
        fields={**NOTE, "diagnosis": "Unstable angina", "icd10_code": "i214"},
        vitals={"pulse_per_min": 101},
        lines=[LINE, {**LINE, "medicine": "Atorvastatin", "strength": "40 mg"}],
        at=NOW + timedelta(minutes=5),
    )

    note.refresh_from_db()
    assert (note.diagnosis, note.icd10_code, note.icd10_description) == (
        "Unstable angina",
        "I21.4",
        "Non-ST elevation (NSTEMI) myocardial infarction",
    )
    assert list(
        Vitals.objects.filter(visit_note=note).values_list("pulse_per_min", "systolic_mmhg")
    ) == [(101, None)]
    assert list(
        PrescriptionLine.objects.filter(prescription__visit_note=note).values_list(
            "position", "medicine"
        )
    ) == [(1, "Aspirin"), (2, "Atorvastatin")]

    visit_note_update(
        actor=world.doctor.user, visit_note=note, fields=NOTE, vitals=None, lines=[], at=NOW
    )
    assert not Prescription.objects.filter(visit_note=note).exists()
    assert not Vitals.objects.filter(visit_note=note).exists()


def test_only_the_author_edits_a_draft(world):
    # The other doctor does not see the draft at all; the patient's admin cannot write.
    with pytest.raises(NotFoundError):
        visit_note_update(
            actor=world.other_doctor.user,
            visit_note=world.draft_note,
            fields=NOTE,
            vitals=None,
            lines=[],
            at=NOW,
        )


def test_a_treating_doctor_who_is_not_the_author_reads_but_only_adds_addenda(world):
    # other_doctor now also saw `patient`: they treat them and read doctor's signed notes.
    AppointmentFactory(
        doctor=world.other_doctor, patient=world.patient, starts_at=NOW - timedelta(days=3)
    )

    with pytest.raises(PermissionDeniedError):
        visit_note_update(
            actor=world.other_doctor.user,
            visit_note=world.signed_note,
            fields=NOTE,
            vitals=None,
            lines=[],
            at=NOW,
        )
    with pytest.raises(PermissionDeniedError):
        visit_note_sign(actor=world.other_doctor.user, visit_note=world.signed_note, at=NOW)
    addendum = addendum_add(
        actor=world.other_doctor.user, document=world.signed_progress, text="Seen.", at=NOW
    )

    assert (addendum.author, addendum.progress_note_id) == (
        world.other_doctor,
        world.signed_progress.pk,
    )


def test_a_visit_note_waits_for_the_visit_to_start(world):
    with pytest.raises(VisitNotStarted):
        visit_note_create(
            actor=world.doctor.user,
            appointment=world.future,
            fields=NOTE,
            vitals=None,
            lines=[],
            at=NOW,
        )
    assert not VisitNote.objects.filter(appointment=world.future).exists()


def test_a_cancelled_appointment_has_no_visit_note(world):
    cancelled = AppointmentFactory(
        doctor=world.doctor,
        patient=world.patient,
        starts_at=NOW - timedelta(days=1),
        status=AppointmentStatus.CANCELLED,
    )
    with pytest.raises((InvalidStateError, NotFoundError)):
        visit_note_create(
            actor=world.doctor.user,
            appointment=cancelled,
            fields=NOTE,
            vitals=None,
            lines=[],
            at=NOW,
        )


def test_one_visit_note_per_appointment(world):
    with pytest.raises(DocumentExists):
        visit_note_create(
            actor=world.doctor.user,
            appointment=world.draft_note.appointment,
            fields=NOTE,
            vitals=None,
            lines=[],
            at=NOW,
        )
    assert VisitNote.objects.filter(appointment=world.draft_note.appointment).count() == 1


def test_writing_on_a_patient_you_do_not_treat_is_not_found(world):
    count = VisitNote.objects.count()
    with pytest.raises(NotFoundError):
        visit_note_create(
            actor=world.other_doctor.user,
            appointment=world.started,
            fields=NOTE,
            vitals=None,
            lines=[],
            at=NOW,
        )
    with pytest.raises(NotFoundError):
        progress_note_create(actor=world.other_doctor.user, admission=world.stay, text="x", at=NOW)
    assert VisitNote.objects.count() == count


def test_signing_needs_the_complaint_and_the_diagnosis(world):
    note = visit_note_create(
        actor=world.doctor.user,
        appointment=world.started,
        fields={"chief_complaint": " ", "diagnosis": ""},
        vitals=None,
        lines=[],
        at=NOW,
    )
    with pytest.raises(ValidationFailed) as refused:
        visit_note_sign(actor=world.doctor.user, visit_note=note, at=NOW)
    assert set(refused.value.fields) == {"chief_complaint", "diagnosis"}
    assert VisitNote.objects.get(pk=note.pk).status == DocumentStatus.DRAFT


# --- the database refuses changes to signed rows --------------------------------------------


def _refused(sql: str, params: list) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_database_refuses_raw_updates_of_signed_documents(world):
    note, rx = world.signed_note, world.signed_note.prescription
    _refused("UPDATE clinical_visitnote SET diagnosis = %s WHERE id = %s", ["Edited", note.pk])
    _refused("UPDATE clinical_visitnote SET status = 'DRAFT' WHERE id = %s", [note.pk])
    _refused("UPDATE clinical_prescription SET pdf_sha256 = %s WHERE id = %s", ["0" * 64, rx.pk])
    _refused(
        "UPDATE clinical_prescriptionline SET dose = %s WHERE prescription_id = %s", ["9", rx.pk]
    )
    _refused("UPDATE clinical_vitals SET pulse_per_min = 60 WHERE visit_note_id = %s", [note.pk])
    _refused(
        "UPDATE clinical_progressnote SET text = %s WHERE id = %s",
        ["Edited", world.signed_progress.pk],
    )
    _refused(
        "UPDATE clinical_dischargesummary SET advice = %s WHERE id = %s",
        ["Edited", world.signed_summary.pk],
    )

    note.refresh_from_db()
    assert note.diagnosis == "Stable angina"
    assert list(rx.lines.values_list("dose", flat=True)) == ["1 tablet"]


def test_the_database_refuses_new_children_of_a_signed_document(world):
    rx = world.signed_note.prescription
    with pytest.raises(DatabaseError), transaction.atomic():
        PrescriptionLine.objects.create(prescription=rx, position=2, **LINE)
    # The other doctor's signed note was signed without vitals: none can be added now.
    others = world.others_note
    with pytest.raises(DatabaseError), transaction.atomic():
        Vitals.objects.create(
            patient=others.patient,
            recorded_by=others.author,
            recorded_at=NOW,
            visit_note=others,
            pulse_per_min=70,
        )
    assert rx.lines.count() == 1
    assert not Vitals.objects.filter(visit_note=others).exists()


def test_the_database_refuses_changes_to_addenda_and_stay_vitals(world):
    addendum = addendum_add(
        actor=world.doctor.user, document=world.signed_note, text="Seen.", at=NOW
    )
    vitals = vitals_record(
        actor=world.doctor.user,
        admission=world.stay,
        values={"temperature_c": Decimal("38.2")},
        at=NOW,
    )
    _refused("UPDATE clinical_addendum SET text = %s WHERE id = %s", ["Edited", addendum.pk])
    _refused("UPDATE clinical_vitals SET temperature_c = 37 WHERE id = %s", [vitals.pk])
    assert Addendum.objects.get(pk=addendum.pk).text == "Seen."


def test_the_database_lets_a_draft_change(world):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE clinical_visitnote SET plan = %s WHERE id = %s", ["Rest", world.draft_note.pk]
        )
    assert VisitNote.objects.get(pk=world.draft_note.pk).plan == "Rest"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row DELETE is refused on PostgreSQL")
def test_the_database_refuses_to_delete_signed_rows_on_postgresql(world):
    addendum_add(actor=world.doctor.user, document=world.signed_note, text="Seen.", at=NOW)
    rx = world.signed_note.prescription
    _refused("DELETE FROM clinical_prescriptionline WHERE prescription_id = %s", [rx.pk])
    _refused("DELETE FROM clinical_addendum", [])
    _refused("DELETE FROM clinical_visitnote WHERE id = %s", [world.signed_note.pk])
    assert VisitNote.objects.filter(pk=world.signed_note.pk).exists()


# --- vitals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"systolic_mmhg": 301, "diastolic_mmhg": 80},
            "systolic_mmhg",
            "Systolic pressure must be between 50 and 300 mmHg.",
        ),
        (
            {"systolic_mmhg": 49, "diastolic_mmhg": 30},
            "systolic_mmhg",
            "Systolic pressure must be between 50 and 300 mmHg.",
        ),
        (
            {"systolic_mmhg": 120, "diastolic_mmhg": 19},
            "diastolic_mmhg",
            "Diastolic pressure must be between 20 and 200 mmHg.",
        ),
        (
            {"systolic_mmhg": 120},
            "diastolic_mmhg",
            "Give both the systolic and the diastolic pressure.",
        ),
        (
            {"systolic_mmhg": 90, "diastolic_mmhg": 95},
            "diastolic_mmhg",
            "The diastolic pressure must be below the systolic.",
        ),
        ({"spo2_percent": 49}, "spo2_percent", "SpO₂ must be between 50 and 100 %."),
        ({"spo2_percent": 101}, "spo2_percent", "SpO₂ must be between 50 and 100 %."),
        (
            {"temperature_c": Decimal("45.1")},
            "temperature_c",
            "Temperature must be between 25 and 45 °C.",
        ),
        (
            {"temperature_c": Decimal("24.9")},
            "temperature_c",
            "Temperature must be between 25 and 45 °C.",
        ),
        ({"pulse_per_min": 251}, "pulse_per_min", "Pulse must be between 20 and 250 /min."),
        (
            {"respiratory_rate_per_min": 3},
            "respiratory_rate_per_min",
            "Respiratory rate must be between 4 and 80 /min.",
        ),
        ({"weight_kg": Decimal("500.1")}, "weight_kg", "Weight must be between 0.3 and 500 kg."),
        ({"height_cm": Decimal("19")}, "height_cm", "Height must be between 20 and 280 cm."),
        ({}, "non_field_errors", "Record at least one measurement."),
    ],
)
def test_implausible_vitals_are_refused_with_a_field_error(values, field, message):
    with pytest.raises(ValidationFailed) as refused:
        vitals_check(values)
    assert refused.value.fields == {field: [message]}


@pytest.mark.parametrize(
    "values",
    [
        {"systolic_mmhg": 50, "diastolic_mmhg": 20},
        {"systolic_mmhg": 300, "diastolic_mmhg": 200},
        {"spo2_percent": 50, "temperature_c": Decimal("25.0")},
        {"spo2_percent": 100, "temperature_c": Decimal("45.0")},
    ],
)
def test_the_edges_of_each_range_are_accepted(values):
    measured = vitals_check(values)
    assert {k: v for k, v in measured.items() if v is not None} == values


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("systolic_mmhg", 301),
        ("spo2_percent", 101),
        ("temperature_c", Decimal("46.0")),
        ("pulse_per_min", 10),
    ],
)
def test_the_database_refuses_implausible_vitals_too(world, column, value):
    values = {"systolic_mmhg": 120, "diastolic_mmhg": 80, column: value}
    with pytest.raises(IntegrityError), transaction.atomic():
        Vitals.objects.create(
            patient=world.patient,
            recorded_by=world.doctor,
            recorded_at=NOW,
            admission=world.stay,
            **values,
        )


def test_stay_vitals_need_an_open_stay_you_attend(world):
    with pytest.raises(NotFoundError):
        vitals_record(actor=world.other_doctor.user, admission=world.stay, values=VITALS, at=NOW)
    recorded = vitals_record(actor=world.doctor.user, admission=world.stay, values=VITALS, at=NOW)
    assert (recorded.patient, recorded.recorded_by, recorded.systolic_mmhg) == (
        world.patient,
        world.doctor,
        142,
    )


# --- ICD-10 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [("I21.4", "I21.4"), ("i214", "I21.4"), (" i21.4 ", "I21.4"), ("I10", "I10"), ("", "")],
)
def test_an_icd10_code_is_normalised_and_looked_up(icd10_codes, given, stored):
    code, _ = icd10_resolve(given)
    assert code == stored


@pytest.mark.parametrize("given", ["I21.9X", "Z99.999", "hello", "I2"])
def test_an_unknown_icd10_code_is_refused(icd10_codes, given):
    with pytest.raises(ValidationFailed) as refused:
        icd10_resolve(given)
    assert list(refused.value.fields) == ["icd10_code"]
