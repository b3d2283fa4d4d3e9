"""The clinical record: visit notes, prescriptions, progress notes, discharge summaries, vitals,
addenda, the ICD-10 list, the patient timeline and a stay's discharge readiness."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers as drf
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from hms.admissions.models import Admission
from hms.appointments.models import Appointment
from hms.audit.recording import records_access, records_refusals
from hms.clinical import serializers as s
from hms.clinical.errors import DocumentNotSigned
from hms.clinical.models import (
    DischargeSummary,
    DocumentStatus,
    Prescription,
    ProgressNote,
    VisitNote,
)
from hms.clinical.selectors import (
    DischargeSummaryFilter,
    PrescriptionFilter,
    ProgressNoteFilter,
    VisitNoteFilter,
    VitalsFilter,
    discharge_readiness_get,
    document_get,
    document_list,
    icd10_search,
    timeline_list,
    timeline_patient_get,
    vitals_list,
)
from hms.clinical.services import (
    addendum_add,
    discharge_summary_create,
    discharge_summary_sign,
    discharge_summary_update,
    progress_note_create,
    progress_note_sign,
    progress_note_update,
    visit_note_create,
    visit_note_sign,
    visit_note_update,
    vitals_record,
)
from hms.common.errors import ValidationFailed
from hms.common.fields import AnyOfSerializers
from hms.common.filters import filterset_parameters
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet

TAGS = ["clinical"]


class _JsonErrorsNegotiation(BaseContentNegotiation):
    """Answer whatever the client accepts: the PDF as application/pdf, errors as JSON."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: Any, format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        return JSONRenderer(), JSONRenderer.media_type


def _flatten(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    """Nested serializer errors as one level: `prescription_lines[1].medicine`, `vitals.pulse`."""
    flat: dict[str, list[str]] = {}
    if isinstance(errors, dict):
        for key, value in errors.items():
            if isinstance(key, int):
                name = f"{prefix}[{key}]"
            else:
                name = f"{prefix}.{key}" if prefix else str(key)
            flat.update(_flatten(value, name))
    elif isinstance(errors, list) and errors and all(isinstance(e, str) for e in errors):
        flat[prefix or "non_field_errors"] = [str(e) for e in errors]
    elif isinstance(errors, list):
        for index, value in enumerate(errors):
            flat.update(_flatten(value, f"{prefix}[{index}]"))
    else:
        flat[prefix or "non_field_errors"] = [str(errors)]
    return flat


def _valid(serializer: drf.Serializer) -> dict[str, Any]:
    if not serializer.is_valid():
        raise ValidationFailed(fields=_flatten(serializer.errors))
    return dict(serializer.validated_data)


def _pdf_response(document: Prescription | DischargeSummary, filename: str) -> HttpResponse:
    if document.status != DocumentStatus.SIGNED or document.pdf is None:
        raise DocumentNotSigned("This document is still a draft; its PDF is made at signing.")
    data = bytes(document.pdf)
    response = HttpResponse(data, content_type="application/pdf")
    response.accessed_patient_ids = [document.patient_id]  # type: ignore[attr-defined]
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(data))
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


_PDF_RESPONSES: dict[Any, OpenApiResponse] = {
    (200, "application/pdf"): OpenApiResponse(
        response=OpenApiTypes.BINARY,
        description="The PDF, byte for byte as rendered at signing (its SHA-256 is `pdf_sha256`).",
    ),
    **error_responses(403, 404, 409),
}


def _shape(viewer_role: str, full: type[drf.Serializer], metadata: type[drf.Serializer]) -> Any:
    return metadata if s.metadata_only(viewer_role) else full


VISIT_NOTE_FOR_VIEWER = AnyOfSerializers(
    "VisitNoteForViewer", [s.VisitNoteSerializer, s.VisitNoteMetadataSerializer]
)
PRESCRIPTION_FOR_VIEWER = AnyOfSerializers(
    "PrescriptionForViewer", [s.PrescriptionSerializer, s.PrescriptionMetadataSerializer]
)
PROGRESS_NOTE_FOR_VIEWER = AnyOfSerializers(
    "ProgressNoteForViewer", [s.ProgressNoteSerializer, s.ProgressNoteMetadataSerializer]
)
DISCHARGE_SUMMARY_FOR_VIEWER = AnyOfSerializers(
    "DischargeSummaryForViewer",
    [s.DischargeSummarySerializer, s.DischargeSummaryMetadataSerializer],
)


def _many(anyof: AnyOfSerializers) -> AnyOfSerializers:
    return AnyOfSerializers(anyof.component_name, anyof.variants, many=True)


class VisitNoteViewSet(ApiViewSet):
    """The role map's `visit_notes` resource."""

    policy_resource = "visit_notes"
    queryset = VisitNote.objects.none()

    def _answer(self, note: VisitNote, code: int = 200) -> Response:
        fresh = document_get(VisitNote, viewer=self.viewer, id=note.pk)
        return Response(s.VisitNoteSerializer(fresh).data, status=code)

    @extend_schema(
        operation_id="visit_notes_list",
        parameters=filterset_parameters(VisitNoteFilter),
        responses={200: _many(VISIT_NOTE_FOR_VIEWER), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="visit_note", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List visit notes, newest first.

        A doctor: the signed notes of the patients they treat, and their own drafts; a patient:
        their own signed notes; the admin: that notes exist (metadata, never the text).
        """
        rows = document_list(VisitNote, viewer=self.viewer, filters=request.query_params)
        shape = _shape(self.viewer.role, s.VisitNoteSerializer, s.VisitNoteMetadataSerializer)
        return self.paginated(rows, shape)

    @extend_schema(
        operation_id="visit_notes_create",
        request=s.VisitNoteCreateSerializer,
        responses={201: s.VisitNoteSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Start the visit note of one of your appointments (doctor), as a draft.

        Allowed once the visit has started (its start time has come, or it is marked attended):
        earlier is 409 VISIT_NOT_STARTED; a second note of the appointment 409 DOCUMENT_EXISTS;
        an appointment that is not yours 404. `vitals` (each value in its plausible range) and
        `prescription_lines` (every field but `instructions` required) are optional;
        `icd10_code`, when given, must be in the ICD-10 list.
        """
        data = _valid(s.VisitNoteCreateSerializer(data=request.data))
        note = visit_note_create(
            actor=self.viewer,
            appointment=Appointment(pk=data.pop("appointment")),
            fields=data,
            vitals=data.pop("vitals"),
            lines=data.pop("prescription_lines"),
            at=timezone.now(),
        )
        return self._answer(note, status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="visit_notes_retrieve",
        responses={200: VISIT_NOTE_FOR_VIEWER, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="visit_note", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open a visit note (the admin: its metadata only)."""
        note = document_get(VisitNote, viewer=self.viewer, id=id)
        shape = _shape(self.viewer.role, s.VisitNoteSerializer, s.VisitNoteMetadataSerializer)
        return Response(shape(note).data)

    @extend_schema(
        operation_id="visit_notes_update",
        request=s.VisitNoteWriteSerializer,
        responses={200: s.VisitNoteSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @records_refusals(resource="visit_note")
    def update(self, request: Request, id: int) -> Response:
        """Replace a draft visit note whole: text, vitals and prescription lines (its author).

        A signed note answers 409 DOCUMENT_SIGNED (add an addendum instead); another doctor's
        note 403.
        """
        data = _valid(s.VisitNoteWriteSerializer(data=request.data))
        note = document_get(VisitNote, viewer=self.viewer, id=id)
        updated = visit_note_update(
            actor=self.viewer,
            visit_note=note,
            fields=data,
            vitals=data.pop("vitals"),
            lines=data.pop("prescription_lines"),
            at=timezone.now(),
        )
        return self._answer(updated)

    @extend_schema(
        operation_id="visit_notes_sign",
        request=None,
        responses={200: s.VisitNoteSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="visit_note")
    def sign(self, request: Request, id: int) -> Response:
        """Sign your draft visit note and its prescription, for ever.

        The chief complaint and the diagnosis must be written (else 400). The prescription's PDF
        is rendered now. Signing again answers 409 ALREADY_SIGNED.
        """
        note = document_get(VisitNote, viewer=self.viewer, id=id)
        return self._answer(visit_note_sign(actor=self.viewer, visit_note=note, at=timezone.now()))

    @extend_schema(
        operation_id="visit_notes_addenda",
        request=s.AddendumCreateSerializer,
        responses={201: s.AddendumSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="visit_note")
    def addenda(self, request: Request, id: int) -> Response:
        """Add a signed addendum to a signed visit note (a doctor who treats the patient).

        A draft answers 409 DOCUMENT_NOT_SIGNED: edit it instead.
        """
        data = _valid(s.AddendumCreateSerializer(data=request.data))
        note = document_get(VisitNote, viewer=self.viewer, id=id)
        addendum = addendum_add(
            actor=self.viewer, document=note, text=data["text"], at=timezone.now()
        )
        return Response(s.AddendumSerializer(addendum).data, status=status.HTTP_201_CREATED)


class PrescriptionViewSet(ApiViewSet):
    """The role map's `prescriptions` resource (prescriptions are written in visit notes)."""

    policy_resource = "prescriptions"
    queryset = Prescription.objects.none()

    @extend_schema(
        operation_id="prescriptions_list",
        parameters=filterset_parameters(PrescriptionFilter),
        responses={200: _many(PRESCRIPTION_FOR_VIEWER), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="prescription", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List prescriptions, newest first (the admin: metadata, to print them)."""
        rows = document_list(Prescription, viewer=self.viewer, filters=request.query_params)
        shape = _shape(self.viewer.role, s.PrescriptionSerializer, s.PrescriptionMetadataSerializer)
        return self.paginated(rows, shape)

    @extend_schema(
        operation_id="prescriptions_retrieve",
        responses={200: PRESCRIPTION_FOR_VIEWER, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="prescription", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open a prescription (the admin: its metadata)."""
        prescription = document_get(Prescription, viewer=self.viewer, id=id)
        shape = _shape(self.viewer.role, s.PrescriptionSerializer, s.PrescriptionMetadataSerializer)
        return Response(shape(prescription).data)

    @extend_schema(operation_id="prescriptions_pdf", responses=_PDF_RESPONSES, tags=TAGS)
    @action(detail=True, methods=["get"], content_negotiation_class=_JsonErrorsNegotiation)
    @records_access(resource="prescription", patients=())
    def pdf(self, request: Request, id: int) -> HttpResponse:
        """Download a signed prescription's PDF (the patient, their doctors, the admin to print).

        A draft answers 409 DOCUMENT_NOT_SIGNED. Each download is an access event.
        """
        prescription = document_get(Prescription, viewer=self.viewer, id=id, with_pdf=True)
        return _pdf_response(prescription, f"prescription-{prescription.pk}.pdf")


class ProgressNoteViewSet(ApiViewSet):
    """The role map's `progress_notes` resource."""

    policy_resource = "progress_notes"
    queryset = ProgressNote.objects.none()

    def _answer(self, note: ProgressNote, code: int = 200) -> Response:
        fresh = document_get(ProgressNote, viewer=self.viewer, id=note.pk)
        return Response(s.ProgressNoteSerializer(fresh).data, status=code)

    @extend_schema(
        operation_id="progress_notes_list",
        parameters=filterset_parameters(ProgressNoteFilter),
        responses={200: _many(PROGRESS_NOTE_FOR_VIEWER), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="progress_note", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List progress notes, newest first (the admin: metadata only)."""
        rows = document_list(ProgressNote, viewer=self.viewer, filters=request.query_params)
        shape = _shape(self.viewer.role, s.ProgressNoteSerializer, s.ProgressNoteMetadataSerializer)
        return self.paginated(rows, shape)

    @extend_schema(
        operation_id="progress_notes_create",
        request=s.ProgressNoteCreateSerializer,
        responses={201: s.ProgressNoteSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Start a progress note of an open stay you attend (doctor), as a draft.

        A discharged stay answers 409 INVALID_STATE; a stay that is not yours 404.
        """
        data = _valid(s.ProgressNoteCreateSerializer(data=request.data))
        note = progress_note_create(
            actor=self.viewer,
            admission=Admission(pk=data["admission"]),
            text=data["text"],
            at=timezone.now(),
        )
        return self._answer(note, status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="progress_notes_retrieve",
        responses={200: PROGRESS_NOTE_FOR_VIEWER, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="progress_note", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open a progress note (the admin: its metadata only)."""
        note = document_get(ProgressNote, viewer=self.viewer, id=id)
        shape = _shape(self.viewer.role, s.ProgressNoteSerializer, s.ProgressNoteMetadataSerializer)
        return Response(shape(note).data)

    @extend_schema(
        operation_id="progress_notes_update",
        request=s.ProgressNoteWriteSerializer,
        responses={200: s.ProgressNoteSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @records_refusals(resource="progress_note")
    def update(self, request: Request, id: int) -> Response:
        """Replace the text of your draft progress note (409 DOCUMENT_SIGNED once signed)."""
        data = _valid(s.ProgressNoteWriteSerializer(data=request.data))
        note = document_get(ProgressNote, viewer=self.viewer, id=id)
        updated = progress_note_update(
            actor=self.viewer, progress_note=note, text=data["text"], at=timezone.now()
        )
        return self._answer(updated)

    @extend_schema(
        operation_id="progress_notes_sign",
        request=None,
        responses={200: s.ProgressNoteSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="progress_note")
    def sign(self, request: Request, id: int) -> Response:
        """Sign your draft progress note for ever (409 ALREADY_SIGNED the second time)."""
        note = document_get(ProgressNote, viewer=self.viewer, id=id)
        signed = progress_note_sign(actor=self.viewer, progress_note=note, at=timezone.now())
        return self._answer(signed)

    @extend_schema(
        operation_id="progress_notes_addenda",
        request=s.AddendumCreateSerializer,
        responses={201: s.AddendumSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="progress_note")
    def addenda(self, request: Request, id: int) -> Response:
        """Add a signed addendum to a signed progress note (a doctor who treats the patient)."""
        data = _valid(s.AddendumCreateSerializer(data=request.data))
        note = document_get(ProgressNote, viewer=self.viewer, id=id)
        addendum = addendum_add(
            actor=self.viewer, document=note, text=data["text"], at=timezone.now()
        )
        return Response(s.AddendumSerializer(addendum).data, status=status.HTTP_201_CREATED)


class DischargeSummaryViewSet(ApiViewSet):
    """The role map's `discharge_summaries` resource."""

    policy_resource = "discharge_summaries"
    queryset = DischargeSummary.objects.none()

    def _answer(self, summary: DischargeSummary, code: int = 200) -> Response:
        fresh = document_get(DischargeSummary, viewer=self.viewer, id=summary.pk)
        return Response(s.DischargeSummarySerializer(fresh).data, status=code)

    def _shape(self) -> Any:
        return _shape(
            self.viewer.role, s.DischargeSummarySerializer, s.DischargeSummaryMetadataSerializer
        )

    @extend_schema(
        operation_id="discharge_summaries_list",
        parameters=filterset_parameters(DischargeSummaryFilter),
        responses={200: _many(DISCHARGE_SUMMARY_FOR_VIEWER), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="discharge_summary", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List discharge summaries, newest first (the admin: metadata, to print them)."""
        rows = document_list(DischargeSummary, viewer=self.viewer, filters=request.query_params)
        return self.paginated(rows, self._shape())

    @extend_schema(
        operation_id="discharge_summaries_create",
        request=s.DischargeSummaryCreateSerializer,
        responses={201: s.DischargeSummarySerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Start the discharge summary of a stay you attend (doctor), as a draft.

        One per stay (409 DOCUMENT_EXISTS); written during the stay or after the discharge.
        """
        data = _valid(s.DischargeSummaryCreateSerializer(data=request.data))
        summary = discharge_summary_create(
            actor=self.viewer,
            admission=Admission(pk=data.pop("admission")),
            fields=data,
            at=timezone.now(),
        )
        return self._answer(summary, status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="discharge_summaries_retrieve",
        responses={200: DISCHARGE_SUMMARY_FOR_VIEWER, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="discharge_summary", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open a discharge summary (the admin: its metadata)."""
        summary = document_get(DischargeSummary, viewer=self.viewer, id=id)
        return Response(self._shape()(summary).data)

    @extend_schema(
        operation_id="discharge_summaries_update",
        request=s.DischargeSummaryWriteSerializer,
        responses={200: s.DischargeSummarySerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @records_refusals(resource="discharge_summary")
    def update(self, request: Request, id: int) -> Response:
        """Replace your draft discharge summary whole (409 DOCUMENT_SIGNED once signed)."""
        data = _valid(s.DischargeSummaryWriteSerializer(data=request.data))
        summary = document_get(DischargeSummary, viewer=self.viewer, id=id)
        updated = discharge_summary_update(
            actor=self.viewer, discharge_summary=summary, fields=data, at=timezone.now()
        )
        return self._answer(updated)

    @extend_schema(
        operation_id="discharge_summaries_sign",
        request=None,
        responses={200: s.DischargeSummarySerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="discharge_summary")
    def sign(self, request: Request, id: int) -> Response:
        """Sign your draft discharge summary for ever; its PDF is rendered now.

        The diagnosis and the course in hospital must be written (else 400); signing again
        answers 409 ALREADY_SIGNED.
        """
        summary = document_get(DischargeSummary, viewer=self.viewer, id=id)
        signed = discharge_summary_sign(
            actor=self.viewer, discharge_summary=summary, at=timezone.now()
        )
        return self._answer(signed)

    @extend_schema(
        operation_id="discharge_summaries_addenda",
        request=s.AddendumCreateSerializer,
        responses={201: s.AddendumSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="discharge_summary")
    def addenda(self, request: Request, id: int) -> Response:
        """Add a signed addendum to a signed discharge summary (a doctor who treats the patient)."""
        data = _valid(s.AddendumCreateSerializer(data=request.data))
        summary = document_get(DischargeSummary, viewer=self.viewer, id=id)
        addendum = addendum_add(
            actor=self.viewer, document=summary, text=data["text"], at=timezone.now()
        )
        return Response(s.AddendumSerializer(addendum).data, status=status.HTTP_201_CREATED)

    @extend_schema(operation_id="discharge_summaries_pdf", responses=_PDF_RESPONSES, tags=TAGS)
    @action(detail=True, methods=["get"], content_negotiation_class=_JsonErrorsNegotiation)
    @records_access(resource="discharge_summary", patients=())
    def pdf(self, request: Request, id: int) -> HttpResponse:
        """Download a signed discharge summary's PDF (the patient, their doctors, the admin).

        A draft answers 409 DOCUMENT_NOT_SIGNED. Each download is an access event.
        """
        summary = document_get(DischargeSummary, viewer=self.viewer, id=id, with_pdf=True)
        return _pdf_response(summary, f"discharge-summary-{summary.pk}.pdf")


class VitalsViewSet(ApiViewSet):
    """The role map's `vitals` resource: vital signs recorded during a stay."""

    policy_resource = "vitals"
    queryset = VisitNote.objects.none()

    @extend_schema(
        operation_id="vitals_list",
        parameters=filterset_parameters(VitalsFilter),
        responses={200: s.VitalsSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="vitals", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List vital signs, latest first: a doctor's patients' (stays and signed visits), a
        patient's own."""
        return self.paginated(
            vitals_list(viewer=self.viewer, filters=request.query_params), s.VitalsSerializer
        )

    @extend_schema(
        operation_id="vitals_create",
        request=s.StayVitalsInputSerializer,
        responses={201: s.VitalsSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Record vital signs during an open stay you attend (doctor).

        Each value must lie in its plausible range (400 naming the field); at least one is
        given; blood pressure comes as a pair. Recorded vitals never change.
        """
        data = _valid(s.StayVitalsInputSerializer(data=request.data))
        vitals = vitals_record(
            actor=self.viewer,
            admission=Admission(pk=data.pop("admission")),
            values=data,
            at=timezone.now(),
        )
        return Response(s.VitalsSerializer(vitals).data, status=status.HTTP_201_CREATED)


class Icd10ViewSet(ApiViewSet):
    """The role map's `icd10` resource: the bundled ICD-10-CM list (no patient data)."""

    policy_resource = "icd10"
    queryset = VisitNote.objects.none()
    pagination_class = None

    @extend_schema(
        operation_id="icd10_list",
        parameters=[
            OpenApiParameter(
                "search",
                str,
                description="A code or its start (`I21`, `i21.4`, `I214`), or words that must "
                "each appear in the description (`myocardial infarction`).",
                required=False,
            )
        ],
        responses={200: s.Icd10CodeSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """Search the ICD-10-CM list: at most 20 codes, by code. Under two characters finds none."""
        text = request.query_params.get("search", "")
        if len(text) > 100:
            raise ValidationFailed(fields={"search": ["Use at most 100 characters."]})
        if "\x00" in text:  # PostgreSQL text cannot hold it; Django's forms refuse it alike
            raise ValidationFailed(fields={"search": ["Null characters are not allowed."]})
        return Response(s.Icd10CodeSerializer(icd10_search(text=text), many=True).data)


class PatientTimelineViewSet(ApiViewSet):
    """The role map's `patient_timeline` resource."""

    policy_resource = "patient_timeline"
    queryset = VisitNote.objects.none()

    @extend_schema(
        operation_id="patient_timeline",
        responses={200: s.PatientTimelineSerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    @action(detail=True, methods=["get"])
    @records_access(resource="patient_timeline", patients="patient")
    def timeline(self, request: Request, id: int) -> Response:
        """A patient's record in time order, newest first.

        Visits, stays, visit notes, progress notes, discharge summaries and prescriptions, as
        the caller may read them; invoices for the patient alone. A doctor opens the timeline
        of a patient they treat, a patient their own (404 otherwise).
        """
        patient = timeline_patient_get(viewer=self.viewer, id=id)
        entries = timeline_list(viewer=self.viewer, patient=patient)
        return Response(s.PatientTimelineSerializer({"patient": patient, "entries": entries}).data)


class DischargeReadinessViewSet(ApiViewSet):
    """The role map's `clinical_admissions` resource: the clinical side of a discharge."""

    policy_resource = "clinical_admissions"
    queryset = VisitNote.objects.none()

    @extend_schema(
        operation_id="discharge_readiness",
        responses={200: s.DischargeReadinessSerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    @action(detail=True, methods=["get"], url_path="discharge-readiness")
    @records_access(resource="admission", patients="patient")
    def discharge_readiness(self, request: Request, id: int) -> Response:
        """Whether the stay has a signed discharge summary (admin, attending doctor).

        `summary_required` tells whether the hospital refuses a discharge without one (409
        DISCHARGE_SUMMARY_REQUIRED) or only warns.
        """
        readiness = discharge_readiness_get(viewer=self.viewer, admission_id=id)
        return Response(s.DischargeReadinessSerializer(readiness).data)
