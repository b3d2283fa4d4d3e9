"""Admissions: admit, list, read, preview the discharge bill, discharge."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.admissions import serializers as s
from hms.admissions.models import Admission
from hms.admissions.selectors import (
    AdmissionFilter,
    admission_get,
    admission_get_for_display,
    admission_list,
)
from hms.admissions.services import (
    admission_create,
    admission_discharge,
    admission_discharge_preview,
)
from hms.audit.recording import records_access, records_refusals
from hms.billing.serializers import InvoicePreviewSerializer, InvoiceSerializer
from hms.common.fields import AnyOfSerializers
from hms.common.filters import filterset_parameters
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet

TAGS = ["admissions"]

_DISCHARGE_BODY = {
    "discharged_on": "2024-01-05",
    "room_charge_per_day": "500.00",
    "doctor_fee": "1000.00",
    "medicine_cost": "250.00",
    "other_charge": "100.00",
}


def _invoice_example(**changes: Any) -> dict[str, Any]:
    return {
        "id": 42,
        "number": "INV-2024-000042",
        "admission": 17,
        "patient": 9,
        "patient_name": "Priya Menon",
        "patient_mobile": "+919845000050",
        "patient_address": "10 Lake Road, Kochi",
        "symptoms": "Chest pain on exertion",
        "doctor_name": "Anita Desai",
        "doctor_department": "Cardiologist",
        "admitted_on": "2024-01-01",
        "discharged_on": "2024-01-05",
        "days": 4,
        "room_charge_per_day": "500.00",
        "room_charge": "2000.00",
        "doctor_fee": "1000.00",
        "medicine_cost": "250.00",
        "other_charge": "100.00",
        "total": "3350.00",
        "advance_applied": "0.00",
        "currency": "INR",
        "issued_at": "2024-01-05T11:20:00+05:30",
        "issued_by": 1,
        "pdf_sha256": "9f2c0e1d6b5a4c3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e",
        "replaces": None,
        **changes,
    }


DISCHARGE_EXAMPLES = [
    OpenApiExample("Discharge charges", value=_DISCHARGE_BODY, request_only=True),
    OpenApiExample(
        "The issued invoice",
        value=_invoice_example(),
        response_only=True,
        status_codes=["201"],
    ),
]

# An admission as each caller receives it: the admin and the patient the whole stay, the
# attending doctor the stay without money or invoice.
ADMISSION_FOR_VIEWER = AnyOfSerializers(
    "AdmissionForViewer", [s.AdmissionSerializer, s.AdmissionForDoctorSerializer]
)
ADMISSION_FOR_VIEWER_LIST = AnyOfSerializers(
    "AdmissionForViewer", [s.AdmissionSerializer, s.AdmissionForDoctorSerializer], many=True
)


class AdmissionViewSet(ApiViewSet):
    """The role map's `admissions` resource: each method's name is its operation."""

    policy_resource = "admissions"
    queryset = Admission.objects.none()

    @extend_schema(
        operation_id="admissions_list",
        parameters=filterset_parameters(AdmissionFilter),
        responses={200: ADMISSION_FOR_VIEWER_LIST, **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="admission", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List admissions, latest first.

        The admin sees all and may filter by status, doctor, patient and admission date range;
        a doctor sees the admissions they attend (current and discharged), without the daily
        room rate and the invoice (`AdmissionForDoctor`); a patient their own.
        """
        return self.paginated(
            admission_list(viewer=self.viewer, filters=request.query_params),
            s.admission_serializer_for(self.viewer.role),
        )

    @extend_schema(
        operation_id="admissions_create",
        request=s.AdmissionCreateSerializer,
        responses={201: s.AdmissionSerializer, **error_responses(400, 403, 409)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Admit a patient (admin).

        Admits an approved patient under an approved doctor, who becomes the patient's assigned
        doctor. `admitted_on` defaults to today in the hospital's time zone and may not be in
        the future. A patient with an open admission gets 409 ALREADY_ADMITTED; a patient or
        doctor who is not approved gets 400 with a message on the field.
        """
        body = s.AdmissionCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        admission = admission_create(
            actor=self.viewer,
            patient=data["patient"],
            doctor=data["doctor"],
            admitted_on=data.get("admitted_on"),
            symptoms=data["symptoms"],
            room=data["room"],
            room_charge_per_day=data["room_charge_per_day"],
            at=timezone.now(),
        )
        return Response(
            s.AdmissionSerializer(
                admission_get_for_display(viewer=self.viewer, id=admission.pk)
            ).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        operation_id="admissions_retrieve",
        responses={200: ADMISSION_FOR_VIEWER, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="admission", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open one admission.

        The admin opens any admission, a patient their own (`Admission`); a doctor one they
        attend, without the daily room rate and the invoice (`AdmissionForDoctor`). Any other
        id answers 404, exactly like an id that does not exist.
        """
        admission = admission_get_for_display(viewer=self.viewer, id=id)
        return Response(s.admission_serializer_for(self.viewer.role)(admission).data)

    @extend_schema(
        operation_id="admissions_discharge_preview",
        request=s.AdmissionDischargeSerializer,
        responses={200: InvoicePreviewSerializer, **error_responses(400, 403, 404, 409)},
        examples=[
            OpenApiExample("Discharge charges", value=_DISCHARGE_BODY, request_only=True),
            OpenApiExample(
                "The unsaved bill",
                value=_invoice_example(
                    id=None, number=None, issued_at=None, issued_by=None, pdf_sha256=None
                ),
                response_only=True,
                status_codes=["200"],
            ),
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"], url_path="discharge/preview")
    @records_access(resource="admission", patients="patient")
    def discharge_preview(self, request: Request, id: int) -> Response:
        """Preview the discharge bill (admin); nothing is saved.

        Same body, validation and numbers as `discharge/`; `id`, `number`, `issued_at`,
        `issued_by` and `pdf_sha256` are null. An admission that is already discharged answers
        409 INVALID_STATE.
        """
        admission = admission_get_for_display(viewer=self.viewer, id=id)
        body = s.AdmissionDischargeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        draft = admission_discharge_preview(
            actor=self.viewer,
            admission=admission,
            discharged_on=data.get("discharged_on"),
            room_charge_per_day=data.get("room_charge_per_day"),
            doctor_fee=data["doctor_fee"],
            medicine_cost=data["medicine_cost"],
            other_charge=data["other_charge"],
            at=timezone.now(),
        )
        return Response(InvoicePreviewSerializer(draft).data)

    @extend_schema(
        operation_id="admissions_discharge",
        request=s.AdmissionDischargeSerializer,
        responses={201: InvoiceSerializer, **error_responses(400, 403, 404, 409)},
        examples=DISCHARGE_EXAMPLES,
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="admission")
    def discharge(self, request: Request, id: int) -> Response:
        """Discharge the patient and issue the invoice (admin), in one transaction.

        `discharged_on` defaults to today (hospital time zone); it may be neither in the future
        nor before the admission date. `room_charge_per_day` defaults to the admission's daily
        rate. Money fields are decimal strings with at most two places. Days = discharge date
        minus admission date, at least 1; total = days x daily rate + doctor fee + medicine
        cost + other charges. An admission that is already discharged answers 409
        INVALID_STATE and nothing changes. Answers 201 with the issued invoice; its PDF is at
        `invoices/{id}/pdf/`.
        """
        admission = admission_get(viewer=self.viewer, id=id)
        body = s.AdmissionDischargeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        invoice = admission_discharge(
            actor=self.viewer,
            admission=admission,
            discharged_on=data.get("discharged_on"),
            room_charge_per_day=data.get("room_charge_per_day"),
            doctor_fee=data["doctor_fee"],
            medicine_cost=data["medicine_cost"],
            other_charge=data["other_charge"],
            at=timezone.now(),
        )
        return Response(InvoiceSerializer(invoice).data, status=status.HTTP_201_CREATED)
