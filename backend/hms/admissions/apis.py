"""Admissions: admit, list, read, preview the discharge bill, discharge."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from hms.accounts.models import User
from hms.admissions import serializers as s
from hms.admissions.selectors import admission_get, admission_list
from hms.admissions.services import (
    admission_create,
    admission_discharge,
    admission_discharge_preview,
)
from hms.billing.serializers import InvoicePreviewSerializer, InvoiceSerializer
from hms.common.pagination import PageNumberPagination
from hms.common.permissions import RoleMapPermission
from hms.common.schema import error_responses


class _AdmissionsApi(APIView):
    permission_classes = [IsAuthenticated, RoleMapPermission]
    policy_resource = "admissions"


class AdmissionListCreateApi(_AdmissionsApi):
    pagination_class = PageNumberPagination

    @property
    def policy_operation(self) -> str:
        return "create" if self.request.method == "POST" else "list"

    @extend_schema(
        operation_id="admissions_list",
        responses={200: s.AdmissionSerializer(many=True), **error_responses(400, 403)},
        tags=["admissions"],
    )
    def get(self, request: Request) -> Response:
        """List admissions, latest first.

        The admin sees all and may filter by status, doctor, patient and admission date range;
        a doctor sees the admissions they attend (current and discharged); a patient their own.
        """
        user: User = request.user  # type: ignore[assignment]
        queryset = admission_list(viewer=user, filters=request.query_params)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(s.AdmissionSerializer(page, many=True).data)

    @extend_schema(
        operation_id="admissions_create",
        request=s.AdmissionCreateSerializer,
        responses={201: s.AdmissionSerializer, **error_responses(400, 403, 409)},
        tags=["admissions"],
    )
    def post(self, request: Request) -> Response:
        """Admit an approved patient under an approved doctor (admin).

        The doctor becomes the patient's assigned doctor. `admitted_on` defaults to today in
        the hospital's time zone and may not be in the future. A patient with an open
        admission gets 409 ALREADY_ADMITTED; a patient or doctor who is not approved gets 400
        with a message on the field.
        """
        serializer = s.AdmissionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user: User = request.user  # type: ignore[assignment]
        admission = admission_create(
            actor=user,
            patient=data["patient"],
            doctor=data["doctor"],
            admitted_on=data.get("admitted_on"),
            symptoms=data["symptoms"],
            room=data["room"],
            room_charge_per_day=data["room_charge_per_day"],
            at=timezone.now(),
        )
        admission = admission_get(viewer=user, id=admission.pk)
        return Response(s.AdmissionSerializer(admission).data, status=status.HTTP_201_CREATED)


class AdmissionDetailApi(_AdmissionsApi):
    policy_operation = "retrieve"

    @extend_schema(
        operation_id="admissions_retrieve",
        responses={200: s.AdmissionSerializer, **error_responses(403, 404)},
        tags=["admissions"],
    )
    def get(self, request: Request, admission_id: int) -> Response:
        """One admission: the admin any, a doctor one they attend, a patient their own."""
        user: User = request.user  # type: ignore[assignment]
        admission = admission_get(viewer=user, id=admission_id)
        return Response(s.AdmissionSerializer(admission).data)


class AdmissionDischargePreviewApi(_AdmissionsApi):
    policy_operation = "discharge_preview"

    @extend_schema(
        operation_id="admissions_discharge_preview",
        request=s.AdmissionDischargeSerializer,
        responses={200: InvoicePreviewSerializer, **error_responses(400, 403, 404, 409)},
        tags=["admissions"],
    )
    def post(self, request: Request, admission_id: int) -> Response:
        """Preview the invoice a discharge with this body would issue; nothing is saved (admin).

        Same body, validation and numbers as `discharge/`; `id`, `number`, `issued_at`,
        `issued_by` and `pdf_sha256` are null.
        """
        serializer = s.AdmissionDischargeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user: User = request.user  # type: ignore[assignment]
        draft = admission_discharge_preview(
            actor=user,
            admission=admission_get(viewer=user, id=admission_id),
            discharged_on=data.get("discharged_on"),
            room_charge_per_day=data.get("room_charge_per_day"),
            doctor_fee=data["doctor_fee"],
            medicine_cost=data["medicine_cost"],
            other_charge=data["other_charge"],
            at=timezone.now(),
        )
        return Response(InvoicePreviewSerializer(draft).data)


class AdmissionDischargeApi(_AdmissionsApi):
    policy_operation = "discharge"

    @extend_schema(
        operation_id="admissions_discharge",
        request=s.AdmissionDischargeSerializer,
        responses={201: InvoiceSerializer, **error_responses(400, 403, 404, 409)},
        tags=["admissions"],
    )
    def post(self, request: Request, admission_id: int) -> Response:
        """Discharge the patient and issue the invoice, in one transaction (admin).

        `discharged_on` defaults to today (hospital time zone); it may be neither in the future
        nor before the admission date. `room_charge_per_day` defaults to the admission's daily
        rate. Money fields are decimal strings with at most two places. Days = discharge date
        minus admission date, at least 1; total = days x daily rate + doctor fee + medicine
        cost + other charges. An admission that is already discharged answers 409
        INVALID_STATE and nothing changes. Answers 201 with the issued invoice; its PDF is at
        `invoices/{id}/pdf/`.
        """
        serializer = s.AdmissionDischargeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user: User = request.user  # type: ignore[assignment]
        invoice = admission_discharge(
            actor=user,
            admission=admission_get(viewer=user, id=admission_id),
            discharged_on=data.get("discharged_on"),
            room_charge_per_day=data.get("room_charge_per_day"),
            doctor_fee=data["doctor_fee"],
            medicine_cost=data["medicine_cost"],
            other_charge=data["other_charge"],
            at=timezone.now(),
        )
        return Response(InvoiceSerializer(invoice).data, status=status.HTTP_201_CREATED)
