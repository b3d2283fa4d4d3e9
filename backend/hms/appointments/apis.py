"""Appointments: booking, the role-scoped lists, the status actions and free-slot search."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.accounts.models import Role
from hms.appointments import serializers as s
from hms.appointments.models import Appointment
from hms.appointments.selectors import (
    AppointmentFilter,
    appointment_get,
    appointment_list,
    slot_list,
)
from hms.appointments.services import (
    appointment_approve,
    appointment_book,
    appointment_cancel,
    appointment_complete,
    appointment_reject,
)
from hms.audit.recording import records_access, records_refusals
from hms.common.errors import PermissionDeniedError, ValidationFailed
from hms.common.filters import filterset_parameters
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet
from hms.doctors.models import Doctor
from hms.patients.models import Patient

TAGS = ["appointments"]


def _event(from_status: str | None, to_status: str, at: str, **changes: Any) -> dict[str, Any]:
    return {
        "from_status": from_status,
        "to_status": to_status,
        "at": at,
        "actor_role": "ADMIN",
        "actor_name": "Meera Iyer",
        "reason": "",
        **changes,
    }


_BOOKED = _event(
    None, "PENDING", "2026-11-20T18:05:00+05:30", actor_role="PATIENT", actor_name="Priya Menon"
)


def _appointment_example(status: str, *history: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {
        "id": 31,
        "patient": 9,
        "patient_details": {
            "id": 9,
            "full_name": "Priya Menon",
            "mobile": "+919845000050",
            "address": "10 Lake Road, Kochi",
            "symptoms": "Recurring headaches",
        },
        "doctor": 4,
        "doctor_name": "Anita Desai",
        "doctor_department": "Neurologist",
        "starts_at": "2026-11-27T09:30:00+05:30",
        "ends_at": "2026-11-27T10:00:00+05:30",
        "reason": "Headaches for two weeks",
        "status": status,
        "status_reason": "",
        "status_changed_at": history[-1]["at"] if history else _BOOKED["at"],
        "created_at": _BOOKED["at"],
        "history": [_BOOKED, *history],
        **changes,
    }


def _response_example(name: str, value: dict[str, Any]) -> OpenApiExample:
    return OpenApiExample(name, value=value, response_only=True, status_codes=["200"])


class AppointmentViewSet(ApiViewSet):
    """The role map's `appointments` resource: each method's name is its operation."""

    policy_resource = "appointments"
    queryset = Appointment.objects.none()

    def _detail(self, appointment: Appointment, *, status_code: int = 200) -> Response:
        fresh = appointment_get(viewer=self.viewer, id=appointment.pk)
        return Response(s.AppointmentDetailSerializer(fresh).data, status=status_code)

    @extend_schema(
        operation_id="appointments_list",
        parameters=filterset_parameters(AppointmentFilter),
        responses={200: s.AppointmentSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="appointment", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List appointments, scoped to you.

        Admin: every appointment, filtered by `status`, `doctor`, `patient`, `date_from`,
        `date_to`. Patient: your own, in every status. Doctor: your CONFIRMED appointments,
        soonest first (attended ones leave the list when you complete them); `history=true`
        adds your past visits (COMPLETED) and confirmed appointments that were later cancelled.
        Requests still pending, rejected ones and ones cancelled before confirmation are never a
        doctor's (their ids answer 404). Each row carries the patient's name, mobile, address
        and symptoms.
        """
        return self.paginated(
            appointment_list(viewer=self.viewer, filters=request.query_params),
            s.AppointmentSerializer,
        )

    @extend_schema(
        operation_id="appointments_create",
        request=s.AppointmentBookSerializer,
        responses={201: s.AppointmentDetailSerializer, **error_responses(400, 403, 409)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
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
        return self._detail(appointment, status_code=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="appointments_retrieve",
        responses={200: s.AppointmentDetailSerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="appointment", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open one appointment with its status history.

        An appointment that is not yours answers 404, exactly like an id that does not exist.
        """
        return Response(
            s.AppointmentDetailSerializer(appointment_get(viewer=self.viewer, id=id)).data
        )

    @extend_schema(
        operation_id="appointments_approve",
        request=None,
        responses={200: s.AppointmentDetailSerializer, **error_responses(403, 404, 409)},
        examples=[
            _response_example(
                "The confirmed appointment",
                _appointment_example(
                    "CONFIRMED", _event("PENDING", "CONFIRMED", "2026-11-21T10:15:00+05:30")
                ),
            )
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="appointment")
    def approve(self, request: Request, id: int) -> Response:
        """Approve a pending request (admin): it becomes CONFIRMED.

        No body. 409 INVALID_STATE when it is not pending or its time has passed.
        """
        appointment = appointment_get(viewer=self.viewer, id=id)
        return self._detail(
            appointment_approve(actor=self.viewer, appointment=appointment, at=timezone.now())
        )

    @extend_schema(
        operation_id="appointments_reject",
        request=s.AppointmentRejectSerializer,
        responses={200: s.AppointmentDetailSerializer, **error_responses(400, 403, 404, 409)},
        examples=[
            OpenApiExample(
                "A reason the patient sees",
                value={"reason": "Dr Desai is on leave that week; please book another day."},
                request_only=True,
            ),
            _response_example(
                "The rejected request",
                _appointment_example(
                    "REJECTED",
                    _event(
                        "PENDING",
                        "REJECTED",
                        "2026-11-21T10:15:00+05:30",
                        reason="Dr Desai is on leave that week; please book another day.",
                    ),
                    status_reason="Dr Desai is on leave that week; please book another day.",
                ),
            ),
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="appointment")
    def reject(self, request: Request, id: int) -> Response:
        """Reject a pending request (admin) with a reason the patient sees: REJECTED.

        The slot becomes free again. 409 INVALID_STATE when it is not pending.
        """
        appointment = appointment_get(viewer=self.viewer, id=id)
        body = s.AppointmentRejectSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._detail(
            appointment_reject(
                actor=self.viewer,
                appointment=appointment,
                reason=body.validated_data["reason"],
                at=timezone.now(),
            )
        )

    @extend_schema(
        operation_id="appointments_cancel",
        request=s.AppointmentCancelSerializer,
        responses={200: s.AppointmentDetailSerializer, **error_responses(400, 403, 404, 409)},
        examples=[
            OpenApiExample(
                "With an optional reason",
                value={"reason": "I have recovered."},
                request_only=True,
            ),
            _response_example(
                "The cancelled appointment",
                _appointment_example(
                    "CANCELLED",
                    _event(
                        "PENDING",
                        "CANCELLED",
                        "2026-11-22T08:00:00+05:30",
                        actor_role="PATIENT",
                        actor_name="Priya Menon",
                        reason="I have recovered.",
                    ),
                    status_reason="I have recovered.",
                ),
            ),
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="appointment")
    def cancel(self, request: Request, id: int) -> Response:
        """Cancel an appointment, with an optional reason: CANCELLED, and the slot is free.

        Admin: any pending or confirmed appointment. Patient: your own pending request, or your
        own confirmed appointment before it starts. Otherwise 409 INVALID_STATE.
        """
        appointment = appointment_get(viewer=self.viewer, id=id)
        body = s.AppointmentCancelSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._detail(
            appointment_cancel(
                actor=self.viewer,
                appointment=appointment,
                reason=body.validated_data["reason"],
                at=timezone.now(),
            )
        )

    @extend_schema(
        operation_id="appointments_complete",
        request=None,
        responses={200: s.AppointmentDetailSerializer, **error_responses(403, 404, 409)},
        examples=[
            _response_example(
                "The attended appointment",
                _appointment_example(
                    "COMPLETED",
                    _event("PENDING", "CONFIRMED", "2026-11-21T10:15:00+05:30"),
                    _event(
                        "CONFIRMED",
                        "COMPLETED",
                        "2026-11-27T09:55:00+05:30",
                        actor_role="DOCTOR",
                        actor_name="Anita Desai",
                    ),
                ),
            )
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="appointment")
    def complete(self, request: Request, id: int) -> Response:
        """Mark your confirmed appointment attended (doctor): COMPLETED.

        No body. Allowed once the appointment's start time has come; it then leaves your list
        (the record is kept). 409 INVALID_STATE when it is not confirmed or has not started.
        """
        appointment = appointment_get(viewer=self.viewer, id=id)
        return self._detail(
            appointment_complete(actor=self.viewer, appointment=appointment, at=timezone.now())
        )


class DoctorSlotViewSet(ApiViewSet):
    """A doctor's free slots: the role map's `doctors.slots` operation."""

    policy_resource = "doctors"
    queryset = Doctor.objects.none()

    @extend_schema(
        operation_id="doctors_slots_list",
        parameters=[s.SlotListQuerySerializer],
        responses={
            200: OpenApiResponse(
                response=s.SlotSerializer(many=True),
                description="The free slots of that day, in time order.",
            ),
            **error_responses(400, 403, 404),
        },
        tags=TAGS,
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def slots(self, request: Request, id: int) -> Response:
        """List a doctor's free slots on one day.

        The free slots of an approved doctor on one calendar day (hospital time zone), in time
        order. A slot is free unless the doctor has a pending or confirmed appointment in it;
        slots that have already started are left out. Unknown or unapproved doctor: 404.
        """
        query = s.SlotListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        slots = slot_list(
            viewer=self.viewer, doctor_id=id, day=query.validated_data["date"], at=timezone.now()
        )
        return Response(s.SlotSerializer(slots, many=True).data)
