"""Clinical record life cycle: write drafts, sign them once, add signed addenda.

Each service runs in one transaction, re-reads the row it changes with a row lock and as the
actor may see it (404 otherwise), checks the author and the status, and writes one audit change
event naming the patient, never the text. Signing is final: the database refuses any later
change to a signed document or to what hangs from it (lines, vitals), so a bug here cannot
rewrite history either. Signing a prescription or a discharge summary renders its PDF once.

Lock order: the appointment or admission row first, then the document row (as everywhere in
HMS, parents before children), so a note's creation and its appointment's changes queue.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Model

from hms.accounts.models import User
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.policies import visible_admissions
from hms.appointments.models import Appointment, AppointmentStatus
from hms.appointments.policies import visible_appointments
from hms.audit.services import audit_record
from hms.clinical.errors import (
    AlreadySigned,
    DocumentExists,
    DocumentNotSigned,
    DocumentSigned,
    VisitNotStarted,
)
from hms.clinical.icd10 import icd10_normalise
from hms.clinical.models import (
    VITAL_LABELS,
    VITAL_RANGES,
    Addendum,
    DischargeSummary,
    DocumentStatus,
    Icd10Code,
    Prescription,
    PrescriptionLine,
    ProgressNote,
    VisitNote,
    Vitals,
)
from hms.clinical.pdf import discharge_summary_render_pdf, prescription_render_pdf
from hms.clinical.policies import can_add_addendum, can_edit_document, visible_documents
from hms.common.errors import (
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailed,
)
from hms.doctors.models import Doctor

Document = TypeVar("Document", VisitNote, ProgressNote, DischargeSummary)

VISIT_NOTE_FIELDS = ("chief_complaint", "findings", "diagnosis", "plan")
DISCHARGE_SUMMARY_FIELDS = (
    "diagnosis",
    "course_in_hospital",
    "procedures",
    "medicines_to_continue",
    "advice",
    "follow_up_on",
)
LINE_FIELDS = (
    "medicine",
    "strength",
    "dose",
    "route",
    "frequency",
    "duration_days",
    "instructions",
)

_OBJECT_TYPES: dict[type[Model], str] = {
    VisitNote: "visit_note",
    ProgressNote: "progress_note",
    DischargeSummary: "discharge_summary",
}

# What signing needs filled in: field -> the message when it is blank.
_REQUIRED_TO_SIGN: dict[type[Model], dict[str, str]] = {
    VisitNote: {
        "chief_complaint": "Write the chief complaint before signing.",
        "diagnosis": "Write the diagnosis before signing.",
    },
    ProgressNote: {"text": "Write the note before signing."},
    DischargeSummary: {
        "diagnosis": "Write the diagnosis before signing.",
        "course_in_hospital": "Write the course in hospital before signing.",
    },
}


# --- validation ---------------------------------------------------------------------------------


def icd10_resolve(code: str) -> tuple[str, str]:
    """Return the stored (code, description) for an ICD-10 code, or ("", "") for none.

    The code is normalised first ("i214" is I21.4). Raises ValidationFailed on `icd10_code`
    when it is not in the bundled ICD-10-CM list.
    """
    if not code.strip():
        return "", ""
    row = Icd10Code.objects.filter(pk=icd10_normalise(code)).first()
    if row is None:
        raise ValidationFailed(
            fields={"icd10_code": ["This is not an ICD-10 code in the list; search and pick one."]}
        )
    return row.code, row.description


def vitals_check(values: Mapping[str, Any]) -> dict[str, Any]:
    """Return the measurements of `values` after checking each is plausible.

    Each lies in VITAL_RANGES; blood pressure comes as a pair, the diastolic below the
    systolic; at least one measurement is given. Raises ValidationFailed naming each field.
    """
    measured = {field: values.get(field) for field in VITAL_RANGES}
    errors: dict[str, list[str]] = {}
    for field, (low, high, unit) in VITAL_RANGES.items():
        value = measured[field]
        if value is not None and not low <= value <= high:
            errors[field] = [f"{VITAL_LABELS[field]} must be between {low} and {high} {unit}."]
    systolic, diastolic = measured["systolic_mmhg"], measured["diastolic_mmhg"]
    if (systolic is None) != (diastolic is None):
        missing = "diastolic_mmhg" if diastolic is None else "systolic_mmhg"
        errors.setdefault(missing, ["Give both the systolic and the diastolic pressure."])
    elif systolic is not None and diastolic is not None and diastolic >= systolic and not errors:
        errors["diastolic_mmhg"] = ["The diastolic pressure must be below the systolic."]
    if all(value is None for value in measured.values()):
        errors["non_field_errors"] = ["Record at least one measurement."]
    if errors:
        raise ValidationFailed(fields=errors)
    return measured


# --- shared steps -------------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _lock_document(model: type[Document], *, actor: User, pk: int) -> Document:
    """Re-read and lock a document as `actor` sees it; NotFoundError when they do not."""
    locked = (
        model.objects.select_for_update(of=("self",))
        .select_related("patient__user", "author__user", "author__department")
        .filter(visible_documents(actor), pk=pk)
        .first()
    )
    if locked is None:
        raise NotFoundError()
    return locked


def _check_editable(*, actor: User, document: Model) -> None:
    if not can_edit_document(user=actor, document=document):
        raise PermissionDeniedError("Only the author of this document may change or sign it.")
    if document.status == DocumentStatus.SIGNED:  # type: ignore[attr-defined]
        raise DocumentSigned()


def _check_signable(*, actor: User, document: Model) -> None:
    if not can_edit_document(user=actor, document=document):
        raise PermissionDeniedError("Only the author of this document may sign it.")
    if document.status == DocumentStatus.SIGNED:  # type: ignore[attr-defined]
        raise AlreadySigned()
    errors = {
        field: [message]
        for field, message in _REQUIRED_TO_SIGN[type(document)].items()
        if not str(getattr(document, field) or "").strip()
    }
    if errors:
        raise ValidationFailed("Complete the document before signing it.", fields=errors)


def _record(actor: User, action: str, document: Model, at: datetime) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type=action.split(".", 1)[0],
        object_id=document.pk,
        patient=document.patient,  # type: ignore[attr-defined]
        at=at,
    )


def _lock_appointment(*, actor: User, appointment: Appointment) -> Appointment:
    locked = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("patient", "doctor")
        .filter(visible_appointments(actor), pk=appointment.pk)
        .first()
    )
    if locked is None or locked.doctor.user_id != actor.pk:
        raise NotFoundError()
    return locked


def _lock_admission(*, actor: User, admission: Admission) -> Admission:
    locked = (
        Admission.objects.select_for_update(of=("self",))
        .select_related("patient", "doctor")
        .filter(visible_admissions(actor), pk=admission.pk)
        .first()
    )
    if locked is None or locked.doctor.user_id != actor.pk:
        raise NotFoundError()
    return locked


def _write_vitals(
    *, note: VisitNote, values: Mapping[str, Any] | None, at: datetime, replace: bool
) -> None:
    if replace:
        Vitals.objects.filter(visit_note=note).delete()
    if values is not None:
        Vitals.objects.create(
            patient=note.patient,
            recorded_by=note.author,
            recorded_at=at,
            visit_note=note,
            **values,
        )


def _write_prescription(
    *, note: VisitNote, lines: Sequence[Mapping[str, Any]], at: datetime
) -> None:
    """Make the note's draft prescription hold exactly `lines` (none: no prescription)."""
    prescription = Prescription.objects.filter(visit_note=note).first()
    if prescription is not None:
        PrescriptionLine.objects.filter(prescription=prescription).delete()
        if not lines:
            prescription.delete()
            return
        prescription.updated_at = at
        prescription.save(update_fields=["updated_at"])
    elif lines:
        prescription = Prescription.objects.create(
            patient=note.patient,
            author=note.author,
            visit_note=note,
            created_at=at,
            updated_at=at,
        )
    else:
        return
    PrescriptionLine.objects.bulk_create(
        PrescriptionLine(
            prescription=prescription,
            position=position,
            **{field: line.get(field, "") for field in LINE_FIELDS},
        )
        for position, line in enumerate(lines, start=1)
    )


# --- visit notes --------------------------------------------------------------------------------


def visit_note_create(
    *,
    actor: User,
    appointment: Appointment,
    fields: Mapping[str, Any],
    vitals: Mapping[str, Any] | None,
    lines: Sequence[Mapping[str, Any]],
    at: datetime,
) -> VisitNote:
    """Start the draft visit note of an appointment, with its vitals and prescription lines.

    Only the appointment's doctor writes it, once the visit has started (its start time has
    come, or it is marked attended); one note per appointment. Raises NotFoundError (not your
    appointment), InvalidStateError (cancelled, rejected or pending), VisitNotStarted,
    DocumentExists and ValidationFailed (ICD-10 code, vitals).
    """
    code, description = icd10_resolve(fields.get("icd10_code", ""))
    measured = vitals_check(vitals) if vitals is not None else None
    with transaction.atomic():
        locked = _lock_appointment(actor=actor, appointment=appointment)
        if locked.status not in {AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED}:
            status = AppointmentStatus(locked.status).label.lower()
            raise InvalidStateError(f"This appointment is {status}; it has no visit to note.")
        if locked.status == AppointmentStatus.CONFIRMED and locked.starts_at > at:
            raise VisitNotStarted()
        note = VisitNote(
            patient=locked.patient,
            author=locked.doctor,
            appointment=locked,
            created_at=at,
            updated_at=at,
            icd10_code=code,
            icd10_description=description,
            **{field: fields.get(field, "") for field in VISIT_NOTE_FIELDS},
        )
        try:
            # The savepoint keeps the transaction usable when the one-note rule refuses.
            with transaction.atomic():
                note.save()
        except IntegrityError as error:
            raise DocumentExists("This appointment already has a visit note.") from error
        _write_vitals(note=note, values=measured, at=at, replace=False)
        _write_prescription(note=note, lines=lines, at=at)
        _record(actor, "visit_note.create", note, at)
    return note


def visit_note_update(
    *,
    actor: User,
    visit_note: VisitNote,
    fields: Mapping[str, Any],
    vitals: Mapping[str, Any] | None,
    lines: Sequence[Mapping[str, Any]],
    at: datetime,
) -> VisitNote:
    """Replace the draft's text, vitals and prescription lines; its author only.

    Raises NotFoundError, PermissionDeniedError (not the author), DocumentSigned and
    ValidationFailed.
    """
    code, description = icd10_resolve(fields.get("icd10_code", ""))
    measured = vitals_check(vitals) if vitals is not None else None
    with transaction.atomic():
        note = _lock_document(VisitNote, actor=actor, pk=visit_note.pk)
        _check_editable(actor=actor, document=note)
        for field in VISIT_NOTE_FIELDS:
            setattr(note, field, fields.get(field, ""))
        note.icd10_code, note.icd10_description = code, description
        note.updated_at = at
        note.save()
        _write_vitals(note=note, values=measured, at=at, replace=True)
        _write_prescription(note=note, lines=lines, at=at)
        _record(actor, "visit_note.update", note, at)
    return note


def visit_note_sign(*, actor: User, visit_note: VisitNote, at: datetime) -> VisitNote:
    """Sign a draft visit note and its prescription, for ever; its author only.

    The prescription's PDF is rendered now and stored with its SHA-256. Raises NotFoundError,
    PermissionDeniedError, AlreadySigned and ValidationFailed (complaint or diagnosis blank).
    """
    with transaction.atomic():
        note = _lock_document(VisitNote, actor=actor, pk=visit_note.pk)
        _check_signable(actor=actor, document=note)
        prescription = Prescription.objects.select_for_update().filter(visit_note=note).first()
        if prescription is not None:
            lines = list(PrescriptionLine.objects.filter(prescription=prescription))
            note.appointment = Appointment.objects.get(pk=note.appointment_id)
            pdf = prescription_render_pdf(
                prescription=prescription, visit_note=note, lines=lines, signed_at=at
            )
            prescription.status = DocumentStatus.SIGNED
            prescription.signed_at = at
            prescription.updated_at = at
            prescription.pdf = pdf
            prescription.pdf_sha256 = _sha256(pdf)
            prescription.save(
                update_fields=["status", "signed_at", "updated_at", "pdf", "pdf_sha256"]
            )
        note.status = DocumentStatus.SIGNED
        note.signed_at = at
        note.updated_at = at
        note.save(update_fields=["status", "signed_at", "updated_at"])
        _record(actor, "visit_note.sign", note, at)
        if prescription is not None:
            _record(actor, "prescription.sign", prescription, at)
    return note


# --- a stay: progress notes, vitals, the discharge summary -------------------------------------


def _open_stay(admission: Admission) -> None:
    if admission.status != AdmissionStatus.ADMITTED:
        raise InvalidStateError("This stay has ended; notes and vitals are written during a stay.")


def progress_note_create(
    *, actor: User, admission: Admission, text: str, at: datetime
) -> ProgressNote:
    """Start a draft progress note of an open stay; its attending doctor only.

    Raises NotFoundError (not your patient's stay) and InvalidStateError (discharged).
    """
    with transaction.atomic():
        locked = _lock_admission(actor=actor, admission=admission)
        _open_stay(locked)
        note = ProgressNote.objects.create(
            patient=locked.patient,
            author=locked.doctor,
            admission=locked,
            text=text,
            created_at=at,
            updated_at=at,
        )
        _record(actor, "progress_note.create", note, at)
    return note


def progress_note_update(
    *, actor: User, progress_note: ProgressNote, text: str, at: datetime
) -> ProgressNote:
    """Replace the text of a draft progress note; its author only.

    Raises NotFoundError, PermissionDeniedError and DocumentSigned.
    """
    with transaction.atomic():
        note = _lock_document(ProgressNote, actor=actor, pk=progress_note.pk)
        _check_editable(actor=actor, document=note)
        note.text = text
        note.updated_at = at
        note.save(update_fields=["text", "updated_at"])
        _record(actor, "progress_note.update", note, at)
    return note


def progress_note_sign(*, actor: User, progress_note: ProgressNote, at: datetime) -> ProgressNote:
    """Sign a draft progress note for ever; its author only.

    Raises NotFoundError, PermissionDeniedError, AlreadySigned and ValidationFailed (blank).
    """
    with transaction.atomic():
        note = _lock_document(ProgressNote, actor=actor, pk=progress_note.pk)
        _check_signable(actor=actor, document=note)
        note.status = DocumentStatus.SIGNED
        note.signed_at = at
        note.updated_at = at
        note.save(update_fields=["status", "signed_at", "updated_at"])
        _record(actor, "progress_note.sign", note, at)
    return note


def vitals_record(
    *, actor: User, admission: Admission, values: Mapping[str, Any], at: datetime
) -> Vitals:
    """Record a set of vital signs during an open stay; its attending doctor only.

    Recorded vitals never change (a new measurement is a new set). Raises NotFoundError,
    InvalidStateError (discharged) and ValidationFailed (implausible values).
    """
    measured = vitals_check(values)
    with transaction.atomic():
        locked = _lock_admission(actor=actor, admission=admission)
        _open_stay(locked)
        vitals = Vitals.objects.create(
            patient=locked.patient,
            recorded_by=locked.doctor,
            recorded_at=at,
            admission=locked,
            **measured,
        )
        audit_record(
            actor=actor,
            action="vitals.record",
            object_type="vitals",
            object_id=vitals.pk,
            patient=locked.patient,
            at=at,
        )
    return vitals


def discharge_summary_create(
    *, actor: User, admission: Admission, fields: Mapping[str, Any], at: datetime
) -> DischargeSummary:
    """Start the draft discharge summary of a stay (one per stay); its attending doctor only.

    It may be written during the stay or after the discharge. Raises NotFoundError,
    DocumentExists and ValidationFailed (ICD-10 code).
    """
    code, description = icd10_resolve(fields.get("icd10_code", ""))
    with transaction.atomic():
        locked = _lock_admission(actor=actor, admission=admission)
        if DischargeSummary.objects.filter(admission=locked).exists():
            raise DocumentExists("This stay already has a discharge summary.")
        summary = DischargeSummary(
            patient=locked.patient,
            author=locked.doctor,
            admission=locked,
            created_at=at,
            updated_at=at,
            icd10_code=code,
            icd10_description=description,
            **{field: fields.get(field, "") for field in DISCHARGE_SUMMARY_FIELDS},
        )
        if summary.follow_up_on == "":
            summary.follow_up_on = None
        try:
            with transaction.atomic():
                summary.save()
        except IntegrityError as error:
            raise DocumentExists("This stay already has a discharge summary.") from error
        _record(actor, "discharge_summary.create", summary, at)
    return summary


def discharge_summary_update(
    *, actor: User, discharge_summary: DischargeSummary, fields: Mapping[str, Any], at: datetime
) -> DischargeSummary:
    """Replace the fields of a draft discharge summary; its author only.

    Raises NotFoundError, PermissionDeniedError, DocumentSigned and ValidationFailed.
    """
    code, description = icd10_resolve(fields.get("icd10_code", ""))
    with transaction.atomic():
        summary = _lock_document(DischargeSummary, actor=actor, pk=discharge_summary.pk)
        _check_editable(actor=actor, document=summary)
        for field in DISCHARGE_SUMMARY_FIELDS:
            setattr(summary, field, fields.get(field, None if field == "follow_up_on" else ""))
        summary.icd10_code, summary.icd10_description = code, description
        summary.updated_at = at
        summary.save()
        _record(actor, "discharge_summary.update", summary, at)
    return summary


def discharge_summary_sign(
    *, actor: User, discharge_summary: DischargeSummary, at: datetime
) -> DischargeSummary:
    """Sign a draft discharge summary for ever, rendering its PDF once; its author only.

    Raises NotFoundError, PermissionDeniedError, AlreadySigned and ValidationFailed (diagnosis
    or course in hospital blank).
    """
    with transaction.atomic():
        summary = _lock_document(DischargeSummary, actor=actor, pk=discharge_summary.pk)
        _check_signable(actor=actor, document=summary)
        summary.admission = Admission.objects.get(pk=summary.admission_id)
        pdf = discharge_summary_render_pdf(summary=summary, signed_at=at)
        summary.status = DocumentStatus.SIGNED
        summary.signed_at = at
        summary.updated_at = at
        summary.pdf = pdf
        summary.pdf_sha256 = _sha256(pdf)
        summary.save(update_fields=["status", "signed_at", "updated_at", "pdf", "pdf_sha256"])
        _record(actor, "discharge_summary.sign", summary, at)
    return summary


# --- addenda ------------------------------------------------------------------------------------


def addendum_add(*, actor: User, document: Document, text: str, at: datetime) -> Addendum:
    """Add a signed addendum to a signed document: the only way to correct one.

    Any doctor who treats the patient (and so reads the document) may add one, signed in their
    name at once. Raises NotFoundError, PermissionDeniedError (not a doctor),
    DocumentNotSigned (a draft is edited, not amended) and ValidationFailed (blank text).
    """
    text = text.strip()
    if not text:
        raise ValidationFailed(fields={"text": ["Write the addendum."]})
    model = type(document)
    with transaction.atomic():
        locked = _lock_document(model, actor=actor, pk=document.pk)
        if not can_add_addendum(user=actor):
            raise PermissionDeniedError("Only a doctor who treats the patient adds an addendum.")
        if locked.status != DocumentStatus.SIGNED:
            raise DocumentNotSigned("This document is a draft: edit it instead.")
        author = Doctor.objects.get(user=actor)
        object_type = _OBJECT_TYPES[model]
        addendum = Addendum.objects.create(
            patient=locked.patient,
            author=author,
            text=text,
            signed_at=at,
            **{object_type: locked},
        )
        audit_record(
            actor=actor,
            action=f"{object_type}.addendum",
            object_type=object_type,
            object_id=locked.pk,
            patient=locked.patient,
            at=at,
        )
    return addendum
