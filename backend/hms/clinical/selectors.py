"""Clinical record reads, scoped to the viewer: rows that are not yours answer 404 like missing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import django_filters
from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from hms.accounts.models import Role, User
from hms.admissions.models import Admission
from hms.admissions.policies import visible_admissions
from hms.appointments.models import Appointment
from hms.appointments.policies import DOCTOR_VISIBLE_STATUSES
from hms.billing.models import Invoice
from hms.clinical.icd10 import icd10_looks_like_code, icd10_normalise
from hms.clinical.models import (
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
from hms.clinical.policies import (
    visible_documents,
    visible_timeline_patients,
    visible_vitals,
)
from hms.common.errors import NotFoundError
from hms.common.filters import IntegerFilter, filter_rows
from hms.patients.models import Patient

Document = TypeVar("Document", VisitNote, ProgressNote, DischargeSummary, Prescription)

_ADDENDA = Prefetch("addenda", queryset=Addendum.objects.select_related("author__user"))


class DocumentFilter(django_filters.FilterSet):
    """The query parameters of every clinical document list."""

    patient = IntegerFilter(field_name="patient", min_value=1, help_text="Patient id.")
    status = django_filters.ChoiceFilter(choices=DocumentStatus.choices)


class VisitNoteFilter(DocumentFilter):
    appointment = IntegerFilter(field_name="appointment", min_value=1, help_text="Appointment id.")

    class Meta:
        model = VisitNote
        fields = ["patient", "status", "appointment"]


class StayDocumentFilter(DocumentFilter):
    admission = IntegerFilter(field_name="admission", min_value=1, help_text="Admission id.")


class ProgressNoteFilter(StayDocumentFilter):
    class Meta:
        model = ProgressNote
        fields = ["patient", "status", "admission"]


class DischargeSummaryFilter(StayDocumentFilter):
    class Meta:
        model = DischargeSummary
        fields = ["patient", "status", "admission"]


class PrescriptionFilter(DocumentFilter):
    visit_note = IntegerFilter(field_name="visit_note", min_value=1, help_text="Visit note id.")

    class Meta:
        model = Prescription
        fields = ["patient", "status", "visit_note"]


class VitalsFilter(django_filters.FilterSet):
    patient = IntegerFilter(field_name="patient", min_value=1, help_text="Patient id.")
    admission = IntegerFilter(field_name="admission", min_value=1, help_text="Admission id.")

    class Meta:
        model = Vitals
        fields = ["patient", "admission"]


_FILTERS: dict[type[Any], type[django_filters.FilterSet]] = {
    VisitNote: VisitNoteFilter,
    ProgressNote: ProgressNoteFilter,
    DischargeSummary: DischargeSummaryFilter,
    Prescription: PrescriptionFilter,
}


def _visible(model: type[Any], viewer: User) -> QuerySet[Any]:
    return model.objects.filter(visible_documents(viewer)).select_related(
        "patient__user", "author__user", "author__department"
    )


def _visit_notes(viewer: User) -> QuerySet[VisitNote]:
    return (
        _visible(VisitNote, viewer)
        .select_related("appointment", "vitals")
        .prefetch_related(
            _ADDENDA,
            Prefetch("prescription__lines", queryset=PrescriptionLine.objects.order_by("position")),
        )
    )


def _prescriptions(viewer: User) -> QuerySet[Prescription]:
    # The stored PDF is read only by the download.
    return (
        _visible(Prescription, viewer)
        .defer("pdf")
        .select_related("visit_note__appointment")
        .prefetch_related(Prefetch("lines", queryset=PrescriptionLine.objects.order_by("position")))
    )


def _progress_notes(viewer: User) -> QuerySet[ProgressNote]:
    return _visible(ProgressNote, viewer).select_related("admission").prefetch_related(_ADDENDA)


def _discharge_summaries(viewer: User) -> QuerySet[DischargeSummary]:
    return (
        _visible(DischargeSummary, viewer)
        .defer("pdf")
        .select_related("admission")
        .prefetch_related(_ADDENDA)
    )


_QUERYSETS: dict[type[Any], Callable[[User], QuerySet[Any]]] = {
    VisitNote: _visit_notes,
    Prescription: _prescriptions,
    ProgressNote: _progress_notes,
    DischargeSummary: _discharge_summaries,
}


def _documents(model: type[Document], viewer: User) -> QuerySet[Document]:
    return _QUERYSETS[model](viewer)


def document_list(
    model: type[Document], *, viewer: User, filters: Mapping[str, Any]
) -> QuerySet[Document]:
    """List the documents of one kind `viewer` may see, newest first.

    A doctor: signed documents of the patients they treat and their own drafts; a patient: their
    own signed ones; the admin: all (the API shows the admin metadata only). `filters` are the
    kind's FilterSet parameters. Raises ValidationFailed for a parameter that is not valid.
    """
    queryset = filter_rows(_FILTERS[model], filters, _documents(model, viewer))
    return queryset.order_by("-created_at", "-id")


def document_get(
    model: type[Document], *, viewer: User, id: int, with_pdf: bool = False
) -> Document:
    """Return one document `viewer` may see. Raises NotFoundError otherwise."""
    queryset = _documents(model, viewer)
    if with_pdf:
        queryset = queryset.defer(None)
    document = queryset.filter(pk=id).first()
    if document is None:
        raise NotFoundError()
    return document


def vitals_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Vitals]:
    """List the vital signs `viewer` may see, latest first (doctors and patients only).

    Raises ValidationFailed for a parameter that is not valid.
    """
    queryset = Vitals.objects.filter(visible_vitals(viewer)).select_related("recorded_by__user")
    return filter_rows(VitalsFilter, filters, queryset).order_by("-recorded_at", "-id")


def icd10_search(*, text: str, limit: int = 20) -> list[Icd10Code]:
    """Find ICD-10 codes by code (its start, with or without the dot) or by words.

    A text that starts like a code ("I21", "i214") matches codes beginning with it; otherwise
    every word must appear in the description (any case). At most `limit` rows, by code; a
    text shorter than two characters finds none.
    """
    text = text.strip()
    if len(text) < 2:
        return []
    if icd10_looks_like_code(text):
        prefix = icd10_normalise(text)
        queryset = Icd10Code.objects.filter(code__startswith=prefix)
    else:
        condition = Q()
        for word in text.split()[:8]:
            condition &= Q(description__icontains=word)
        queryset = Icd10Code.objects.filter(condition)
    return list(queryset.order_by("code")[:limit])


@dataclass(frozen=True)
class DischargeReadiness:
    admission: Admission
    discharge_summary: DischargeSummary | None
    summary_required: bool

    @property
    def has_signed_discharge_summary(self) -> bool:
        summary = self.discharge_summary
        return summary is not None and summary.status == DocumentStatus.SIGNED


def discharge_readiness_get(*, viewer: User, admission_id: int) -> DischargeReadiness:
    """Whether a stay's discharge summary exists and is signed, for the discharge screen.

    The admin and the attending doctor may ask (404 otherwise). `summary_required` is the
    hospital's HMS_DISCHARGE_REQUIRES_SUMMARY setting.
    """
    admission = (
        Admission.objects.filter(visible_admissions(viewer), pk=admission_id)
        .select_related("patient")
        .first()
    )
    if admission is None or viewer.role == Role.PATIENT:
        raise NotFoundError()
    summary = DischargeSummary.objects.defer("pdf").filter(admission=admission).first()
    return DischargeReadiness(
        admission=admission,
        discharge_summary=summary,
        summary_required=settings.HMS_DISCHARGE_REQUIRES_SUMMARY,
    )


def signed_discharge_summary_exists(*, admission: Admission) -> bool:
    """Whether the stay's discharge summary is signed."""
    return DischargeSummary.objects.filter(
        admission=admission, status=DocumentStatus.SIGNED
    ).exists()


# --- the patient timeline -------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    kind: str
    id: int
    at: datetime
    title: str
    status: str
    doctor_name: str
    appointment: int | None = None
    admission: int | None = None
    has_pdf: bool = False


_STEP = {
    "VISIT": 0,
    "STAY": 0,
    "VISIT_NOTE": 1,
    "PROGRESS_NOTE": 1,
    "PRESCRIPTION": 2,
    "DISCHARGE_SUMMARY": 3,
    "INVOICE": 4,
}


def timeline_patient_get(*, viewer: User, id: int) -> Patient:
    """Return the patient whose timeline `viewer` may open (their doctor, or themself).

    Raises NotFoundError otherwise.
    """
    patient = (
        Patient.objects.filter(visible_timeline_patients(viewer), pk=id)
        .select_related("user")
        .first()
    )
    if patient is None:
        raise NotFoundError()
    return patient


def _doctor_name(doctor: Any) -> str:
    return str(doctor.user.full_name)


def timeline_list(*, viewer: User, patient: Patient) -> list[TimelineEntry]:
    """Return the patient's record in time order, newest first, as `viewer` may see it.

    Visits (confirmed and attended appointments), stays, visit notes, progress notes,
    discharge summaries and prescriptions the viewer may read, and the patient's invoices for
    the patient alone. One query per kind, whatever the number of entries.
    """
    entries: list[TimelineEntry] = []
    visits = Appointment.objects.filter(
        patient=patient, status__in=DOCTOR_VISIBLE_STATUSES
    ).select_related("doctor__user")
    for visit in visits:
        entries.append(
            TimelineEntry(
                kind="VISIT",
                id=visit.pk,
                at=visit.starts_at,
                title=f"Visit: {visit.reason}"[:200],
                status=visit.status,
                doctor_name=_doctor_name(visit.doctor),
                appointment=visit.pk,
            )
        )
    for stay in Admission.objects.filter(patient=patient).select_related("doctor__user"):
        entries.append(
            TimelineEntry(
                kind="STAY",
                id=stay.pk,
                at=stay.admitted_at,
                title=f"Hospital stay from {stay.admitted_on.isoformat()}"
                + (f" to {stay.discharged_on.isoformat()}" if stay.discharged_on else ""),
                status=stay.status,
                doctor_name=_doctor_name(stay.doctor),
                admission=stay.pk,
            )
        )
    visible = Q(visible_documents(viewer), patient=patient)
    for note in VisitNote.objects.filter(visible).select_related("author__user"):
        entries.append(
            TimelineEntry(
                kind="VISIT_NOTE",
                id=note.pk,
                at=note.signed_at or note.created_at,
                title=f"Visit note: {note.diagnosis}" if note.diagnosis else "Visit note",
                status=note.status,
                doctor_name=_doctor_name(note.author),
                appointment=note.appointment_id,
            )
        )
    for progress in ProgressNote.objects.filter(visible).select_related("author__user"):
        entries.append(
            TimelineEntry(
                kind="PROGRESS_NOTE",
                id=progress.pk,
                at=progress.signed_at or progress.created_at,
                title="Progress note",
                status=progress.status,
                doctor_name=_doctor_name(progress.author),
                admission=progress.admission_id,
            )
        )
    summaries = DischargeSummary.objects.filter(visible).defer("pdf").select_related("author__user")
    for summary in summaries:
        entries.append(
            TimelineEntry(
                kind="DISCHARGE_SUMMARY",
                id=summary.pk,
                at=summary.signed_at or summary.created_at,
                title="Discharge summary",
                status=summary.status,
                doctor_name=_doctor_name(summary.author),
                admission=summary.admission_id,
                has_pdf=summary.status == DocumentStatus.SIGNED,
            )
        )
    prescriptions = (
        Prescription.objects.filter(visible)
        .defer("pdf")
        .select_related("author__user", "visit_note")
    )
    for prescription in prescriptions:
        entries.append(
            TimelineEntry(
                kind="PRESCRIPTION",
                id=prescription.pk,
                at=prescription.signed_at or prescription.created_at,
                title="Prescription",
                status=prescription.status,
                doctor_name=_doctor_name(prescription.author),
                appointment=prescription.visit_note.appointment_id,
                has_pdf=prescription.status == DocumentStatus.SIGNED,
            )
        )
    if viewer.role == Role.PATIENT:
        for invoice in Invoice.objects.filter(patient=patient).defer("pdf"):
            entries.append(
                TimelineEntry(
                    kind="INVOICE",
                    id=invoice.pk,
                    at=invoice.issued_at,
                    title=f"Invoice {invoice.number}: {invoice.currency} {invoice.total:.2f}",
                    status="ISSUED",
                    doctor_name=invoice.doctor_name,
                    admission=invoice.admission_id,
                    has_pdf=True,
                )
            )
    # Newest first; at the same instant the later step of care comes first (a visit's
    # prescription above its note above the visit itself).
    entries.sort(key=lambda entry: (entry.at, _STEP[entry.kind], entry.id), reverse=True)
    return entries
