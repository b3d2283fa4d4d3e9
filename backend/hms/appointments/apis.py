"""Appointments: booking, the role-scoped lists, the status actions and free-slot search."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from hms.accounts.models import Role, User
from hms.appointments import serializers as s
from hms.appointments.models import Appointment
from hms.appointments.selectors import appointment_get, appointment_list, slot_list
from hms.appointments.services import (
    appointment_approve,
    appointment_book,
    appointment_cancel,
    appointment_complete,
    appointment_reject,
)
from hms.common.errors import PermissionDeniedError, ValidationFailed
from hms.common.pagination import PageNumberPagination
from hms.common.permissions import RoleMapPermission
from hms.common.schema import error_responses
from hms.patients.models import Patient


class _AppointmentsApi(APIView):
    """Role map resource "appointments"; each HTTP method names its operation."""

    permission_classes = [RoleMapPermission]
    policy_resource = "appointments"
    operations: dict[str, str] = {}

    @property
    def policy_operation(self) -> str | None:
        return self.operations.get(self.request.method or "")

    @property
    def viewer(self) -> User:
        user: User = self.request.user  # type: ignore[assignment]
        return user

    def detail(self, appointment: Appointment) -> Response:
        fresh = appointment_get(viewer=self.viewer, id=appointment.pk)
        return Response(s.AppointmentDetailSerializer(fresh).data)


class AppointmentListCreateApi(_AppointmentsApi):
    operations = {"GET": "list", "POST": "create"}
    pagination_class = PageNumberPagination

    @extend_schema(
        operation_id="appointments_list",
        tags=["appointments"],
                responses={200: s.AppointmentSerializer(many=True), **error_responses(400, 403)},
    )
    def get(self, request: Request) -> Response:
        """List appointments, scoped to you.

        Admin: every appointment, filtered by `status`, `doctor`, `patient`, `date_from`,
        `date_to`. Patient: your own, in every status. Doctor: your CONFIRMED appointments,
        soonest first (attended ones leave the list when you complete them); `history=true`
        lists all of yours. Each row carries the patient's name, mobile, address and symptoms.
        """
        queryset = appointment_list(viewer=self.viewer, filters=request.query_params)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(s.AppointmentSerializer(page, many=True).data)

    @extend_schema(
        operation_id="appointments_create",
        tags=["appointments"],
        request=s.AppointmentBookSerializer,
        responses={201: s.AppointmentDetailSerializer, **error_responses(400, 403, 409)},
    )
    def post(self, request: Request) -> Response:
        """Book an appointment in a free slot.

        A patient books for themself (any `patient` or `status` sent is ignored) and the
        request starts PENDING until an admin approves it. An admin books for any approved
        patient (`patient` required) and it starts CONFIRMED. `starts_at` must be a slot of the
        hospital's working hours in the future, else 400 SLOT_OUTSIDE_HOURS with the reason.
        When the doctor or the patient already has a pending or confirmed appointment then:
        409 SLOT_TAKEN.
        """
        body = s.AppointmentBookSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        viewer = self.viewer
        patient: Patient | None
        if viewer.role == Role.PATIENT:
            patient = Patient.objects.filter(user=viewer).first()
            if patient is None:
                raise PermissionDeniedError()
        else:
            patient = data.get("patient")
            if patient is None:
                raise ValidationFailed(fields={"patient": ["Choose the patient to book for."]})
        appointment = appointment_book(
            actor=viewer,
            patient=patient,
            doctor=data["doctor"],
            starts_at=data["starts_at"],
            reason=data["reason"],
            at=timezone.now(),
        )
        response = self.detail(appointment)
        response.status_code = status.HTTP_201_CREATED
        return response


class AppointmentDetailApi(_AppointmentsApi):
    operations = {"GET": "retrieve"}

    @extend_schema(
        operation_id="appointments_retrieve",
        tags=["appointments"],
        responses={200: s.AppointmentDetailSerializer, **error_responses(403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        """One appointment with its status history. Not yours: 404."""
        return Response(
            s.AppointmentDetailSerializer(
                appointment_get(viewer=self.viewer, id=pk)
            ).data
        )


class AppointmentApproveApi(_AppointmentsApi):
    operations = {"POST": "approve"}

    @extend_schema(
        operation_id="appointments_approve",
        tags=["appointments"],
        request=None,
        responses={200: s.AppointmentDetailSerializer, **error_responses(403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """Approve a pending request (admin): it becomes CONFIRMED.

        409 INVALID_STATE when it is not pending or its time has passed.
        """
        appointment = appointment_get(viewer=self.viewer, id=pk)
        return self.detail(
            appointment_approve(actor=self.viewer, appointment=appointment, at=timezone.now())
        )


class AppointmentRejectApi(_AppointmentsApi):
    operations = {"POST": "reject"}

    @extend_schema(
        operation_id="appointments_reject",
        tags=["appointments"],
        request=s.AppointmentRejectSerializer,
        responses={200: s.AppointmentDetailSerializer, **error_responses(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """Reject a pending request (admin) with a `reason` the patient sees: REJECTED.

        The slot becomes free again. 409 INVALID_STATE when it is not pending.
        """
        body = s.AppointmentRejectSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        appointment = appointment_get(viewer=self.viewer, id=pk)
        return self.detail(
            appointment_reject(
                actor=self.viewer,
                appointment=appointment,
                reason=body.validated_data["reason"],
                at=timezone.now(),
            )
        )


class AppointmentCancelApi(_AppointmentsApi):
    operations = {"POST": "cancel"}

    @extend_schema(
        operation_id="appointments_cancel",
        tags=["appointments"],
        request=s.AppointmentCancelSerializer,
        responses={200: s.AppointmentDetailSerializer, **error_responses(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """Cancel an appointment, with an optional `reason`: CANCELLED, and the slot is free.

        Admin: any pending or confirmed appointment. Patient: your own pending request, or your
        own confirmed appointment before it starts. Otherwise 409 INVALID_STATE.
        """
        body = s.AppointmentCancelSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        appointment = appointment_get(viewer=self.viewer, id=pk)
        return self.detail(
            appointment_cancel(
                actor=self.viewer,
                appointment=appointment,
                reason=body.validated_data["reason"],
                at=timezone.now(),
            )
        )


class AppointmentCompleteApi(_AppointmentsApi):
    operations = {"POST": "complete"}

    @extend_schema(
        operation_id="appointments_complete",
        tags=["appointments"],
        request=None,
        responses={200: s.AppointmentDetailSerializer, **error_responses(403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """Mark your confirmed appointment attended (doctor): COMPLETED.

        Allowed once the appointment's start time has come; it then leaves your list (the record
        is kept). 409 INVALID_STATE when it is not confirmed or has not started yet.
        """
        appointment = appointment_get(viewer=self.viewer, id=pk)
        return self.detail(
            appointment_complete(actor=self.viewer, appointment=appointment, at=timezone.now())
        )


class DoctorSlotListApi(APIView):
    permission_classes = [RoleMapPermission]
    policy_resource = "doctors"
    policy_operation = "slots"

    @extend_schema(
        operation_id="doctors_slots_list",
        tags=["appointments"],
        parameters=[s.SlotListQuerySerializer],
        responses={
            200: OpenApiResponse(
                response=s.SlotSerializer(many=True),
                description="The free slots of that day, in time order.",
            ),
            **error_responses(400, 403, 404),
        },
    )
    def get(self, request: Request, pk: int) -> Response:
        """Free slots of an approved doctor on one calendar day (hospital time zone).

        A slot is free unless the doctor has a pending or confirmed appointment in it; slots
        that have already started are left out. Unknown or unapproved doctor: 404.
        """
        query = s.SlotListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        slots = slot_list(
            viewer=request.user,  # type: ignore[arg-type]
            doctor_id=pk,
            day=query.validated_data["date"],
            at=timezone.now(),
        )
        data: list[dict[str, Any]] = s.SlotSerializer(slots, many=True).data  # type: ignore[assignment]
        return Response(data)
