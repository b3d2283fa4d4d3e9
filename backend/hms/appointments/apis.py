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
from hms.appointments.availability import (
    WindowSpec,
    affected_appointments,
    availability_get,
    availability_set,
    time_off_add,
    time_off_list,
    time_off_remove,
)
from hms.appointments.models import Appointment, TimeOff, WaitlistEntry
from hms.appointments.selectors import (
    AppointmentFilter,
    appointment_calendar,
    appointment_get,
    appointment_get_for_display,
    appointment_list,
    slot_list,
    waitlist_get,
    waitlist_list,
)
from hms.appointments.services import (
    appointment_approve,
    appointment_book,
    appointment_cancel,
    appointment_complete,
    appointment_reject,
    appointment_reschedule,
)
from hms.appointments.slots import local_date, slot_rules
from hms.appointments.waitlist import waitlist_accept, waitlist_join, waitlist_leave
from hms.audit.recording import records_access, records_refusals
from hms.common.errors import NotFoundError, PermissionDeniedError, ValidationFailed
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
        "rescheduled_from": None,
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
        fresh = appointment_get_for_display(viewer=self.viewer, id=appointment.pk)
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
            s.AppointmentDetailSerializer(
                appointment_get_for_display(viewer=self.viewer, id=id)
            ).data
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

    @extend_schema(
        operation_id="appointments_reschedule",
        request=s.AppointmentRescheduleSerializer,
        responses={201: s.AppointmentDetailSerializer, **error_responses(400, 403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="appointment")
    def reschedule(self, request: Request, id: int) -> Response:
        """Move an appointment to another slot of the same doctor, in one step.

        Answers 201 with the new appointment (`rescheduled_from` names the old one, which is
        CANCELLED with the reason "rescheduled"). Admin: any pending or confirmed appointment;
        the new one is CONFIRMED. Patient: your own pending request or future confirmed
        appointment; the new one is a request (PENDING). 409 INVALID_STATE for any other status
        (finished, cancelled...); the booking errors of `POST /appointments/` for the new slot,
        in which case nothing changes.
        """
        appointment = appointment_get(viewer=self.viewer, id=id)
        body = s.AppointmentRescheduleSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        replacement = appointment_reschedule(
            actor=self.viewer,
            appointment=appointment,
            starts_at=body.validated_data["starts_at"],
            at=timezone.now(),
        )
        return self._detail(replacement, status_code=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="appointments_calendar",
        parameters=[s.CalendarQuerySerializer],
        responses={200: s.CalendarSerializer, **error_responses(400, 403, 404)},
        tags=TAGS,
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    @records_access(resource="appointment", patients="doctors[].appointments[].patient")
    def calendar(self, request: Request) -> Response:
        """The calendar: one doctor for up to 7 days, or every doctor for one day.

        `from` and `to` are calendar dates (inclusive, hospital time zone). Without `doctor`
        the range must be one day (400 otherwise); a doctor sees only their own calendar.
        Per doctor: availability ranges, time off, free slots and the appointments on the plan
        (pending, confirmed, held, completed, no-show; a doctor sees confirmed and past ones).
        """
        query = s.CalendarQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        calendar = appointment_calendar(
            viewer=self.viewer,
            date_from=data["from"],
            date_to=data["to"],
            doctor_id=data.get("doctor"),
            at=timezone.now(),
        )
        return Response(s.CalendarSerializer(calendar).data)


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
            viewer=self.viewer,
            doctor_id=id,
            day=query.validated_data["date"],
            at=timezone.now(),
            patient_id=query.validated_data.get("patient"),
        )
        return Response(s.SlotSerializer(slots, many=True).data)

    def _doctor(self, id: int) -> Doctor:
        """The doctor whose availability the viewer may see: the admin any, a doctor their own."""
        doctors = Doctor.objects.all()
        if self.viewer.role != Role.ADMIN:
            doctors = doctors.filter(user=self.viewer)
        doctor = doctors.filter(pk=id).first()
        if doctor is None:
            raise NotFoundError()
        return doctor

    def _availability(self, doctor: Doctor) -> Response:
        return Response(
            s.DoctorAvailabilitySerializer(
                {
                    "doctor": doctor.pk,
                    "working_hours": slot_rules().text,
                    "windows": availability_get(doctor=doctor),
                }
            ).data
        )

    @extend_schema(
        operation_id="doctors_availability_retrieve",
        responses={200: s.DoctorAvailabilitySerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def availability(self, request: Request, id: int) -> Response:
        """Read a doctor's weekly template (admin: any doctor; doctor: your own).

        No windows: the doctor is bookable in all of the hospital's working hours.
        """
        return self._availability(self._doctor(id))

    @extend_schema(
        operation_id="doctors_availability_update",
        request=s.AvailabilitySerializer,
        responses={200: s.DoctorAvailabilitySerializer, **error_responses(400, 403, 404)},
        examples=[
            OpenApiExample(
                "Mornings on weekdays, a long Wednesday",
                value={
                    "windows": [
                        {"weekday": 0, "start_time": "09:00", "end_time": "13:00"},
                        {"weekday": 2, "start_time": "09:00", "end_time": "17:00"},
                        {"weekday": 4, "start_time": "09:00", "end_time": "13:00"},
                    ]
                },
                request_only=True,
            )
        ],
        tags=TAGS,
    )
    @availability.mapping.put
    def availability_set(self, request: Request, id: int) -> Response:
        """Replace a doctor's weekly template (admin).

        Each window lies inside the hospital's working hours on its weekday (else 400
        OUTSIDE_WORKING_HOURS) and windows of one day do not overlap (400). An empty list
        removes the template. Existing appointments are kept.
        """
        doctor = self._doctor(id)
        body = s.AvailabilitySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        availability_set(
            actor=self.viewer,
            doctor=doctor,
            windows=[WindowSpec(**window) for window in body.validated_data["windows"]],
            at=timezone.now(),
        )
        return self._availability(doctor)


class TimeOffViewSet(ApiViewSet):
    """Doctors' time off: the role map's `time_off` resource."""

    policy_resource = "time_off"
    queryset = TimeOff.objects.none()

    @extend_schema(
        operation_id="time_off_list",
        parameters=[s.TimeOffListQuerySerializer],
        responses={200: s.TimeOffSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """List time off that has not ended, soonest first (admin: all or `doctor`; doctor: own)."""
        query = s.TimeOffListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        doctor_ids: list[int] | None = None
        if self.viewer.role == Role.DOCTOR:
            doctor_ids = list(Doctor.objects.filter(user=self.viewer).values_list("pk", flat=True))
        elif "doctor" in query.validated_data:
            doctor_ids = [query.validated_data["doctor"]]
        rows = time_off_list(
            doctor_ids=doctor_ids, start=local_date(timezone.now(), rules=slot_rules())
        )
        return self.paginated(rows, s.TimeOffSerializer)

    @extend_schema(
        operation_id="time_off_create",
        request=s.TimeOffCreateSerializer,
        responses={201: s.TimeOffCreatedSerializer, **error_responses(400, 403, 409)},
        tags=TAGS,
    )
    @records_access(resource="time_off", patients="affected_appointments[].patient")
    def create(self, request: Request) -> Response:
        """Record a doctor's time off (admin): their slots in it stop being offered at once.

        Answers the time off with `affected_appointments`: the pending, confirmed or held
        appointments inside it, which stay booked for the admin to move (reschedule or cancel).
        409 TIME_OFF_OVERLAP when the doctor already has time off overlapping it.
        """
        body = s.TimeOffCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        time_off = time_off_add(
            actor=self.viewer,
            doctor=data["doctor"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            reason=data["reason"],
            at=timezone.now(),
        )
        time_off.affected_appointments = list(affected_appointments(time_off=time_off))  # type: ignore[attr-defined]
        return Response(s.TimeOffCreatedSerializer(time_off).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="time_off_destroy",
        responses={204: None, **error_responses(403, 404)},
        tags=TAGS,
    )
    def destroy(self, request: Request, id: int) -> Response:
        """Remove a time off (admin); its slots become bookable again."""
        time_off_remove(actor=self.viewer, time_off_id=id, at=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)


class WaitlistViewSet(ApiViewSet):
    """Doctors' waitlists: the role map's `waitlist` resource."""

    policy_resource = "waitlist"
    queryset = WaitlistEntry.objects.none()

    def _detail(self, entry: WaitlistEntry, *, status_code: int = 200) -> Response:
        fresh = waitlist_get(viewer=self.viewer, id=entry.pk)
        return Response(s.WaitlistEntrySerializer(fresh).data, status=status_code)

    @extend_schema(
        operation_id="waitlist_list",
        parameters=[s.WaitlistListQuerySerializer],
        responses={200: s.WaitlistEntrySerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="waitlist_entry", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List waitlist entries in line order (admin: every one, or one doctor's; patient: own).

        `active` (default true) keeps the entries still in line (WAITING or OFFERED).
        """
        query = s.WaitlistListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = waitlist_list(
            viewer=self.viewer,
            doctor_id=query.validated_data.get("doctor"),
            active=query.validated_data["active"],
        )
        return self.paginated(rows, s.WaitlistEntrySerializer)

    @extend_schema(
        operation_id="waitlist_create",
        request=s.WaitlistJoinSerializer,
        responses={201: s.WaitlistEntrySerializer, **error_responses(400, 403, 409)},
        tags=TAGS,
    )
    @records_access(resource="waitlist_entry", patients="patient")
    def create(self, request: Request) -> Response:
        """Join a doctor's waitlist for a range of days (patient: yourself; admin: `patient`).

        When one of that doctor's slots on those days frees up, the first person in line is
        offered it and it is held for them (`offer`, until `offer.expires_at`). 409
        ALREADY_WAITING when the patient is already in this doctor's line.
        """
        body = s.WaitlistJoinSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        entry = waitlist_join(
            actor=self.viewer,
            patient=self._patient(data.get("patient")),
            doctor=data["doctor"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            reason=data["reason"],
            at=timezone.now(),
        )
        return self._detail(entry, status_code=status.HTTP_201_CREATED)

    def _patient(self, chosen: Patient | None) -> Patient:
        if self.viewer.role == Role.PATIENT:
            own = Patient.objects.filter(user=self.viewer).first()
            if own is None:
                raise PermissionDeniedError()
            return own
        if chosen is None:
            raise ValidationFailed(fields={"patient": ["Choose the patient."]})
        return chosen

    @extend_schema(
        operation_id="waitlist_retrieve",
        responses={200: s.WaitlistEntrySerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="waitlist_entry", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open one waitlist entry (another patient's answers 404)."""
        return Response(s.WaitlistEntrySerializer(waitlist_get(viewer=self.viewer, id=id)).data)

    @extend_schema(
        operation_id="waitlist_leave",
        request=None,
        responses={200: s.WaitlistEntrySerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="waitlist_entry")
    def leave(self, request: Request, id: int) -> Response:
        """Leave the waitlist (LEFT); a slot held for you passes to the next in line.

        No body. 409 INVALID_STATE when the entry is no longer in line.
        """
        entry = waitlist_get(viewer=self.viewer, id=id)
        return self._detail(waitlist_leave(actor=self.viewer, entry=entry, at=timezone.now()))

    @extend_schema(
        operation_id="waitlist_accept",
        request=None,
        responses={200: s.AppointmentDetailSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="waitlist_entry")
    def accept(self, request: Request, id: int) -> Response:
        """Accept the offered slot: it becomes your appointment (admin: CONFIRMED; patient: a
        request, PENDING, for the hospital to approve).

        No body. 409 OFFER_EXPIRED when the hold has run out, INVALID_STATE when nothing is
        offered. Answers the appointment.
        """
        entry = waitlist_get(viewer=self.viewer, id=id)
        appointment = waitlist_accept(actor=self.viewer, entry=entry, at=timezone.now())
        fresh = appointment_get_for_display(viewer=self.viewer, id=appointment.pk)
        return Response(s.AppointmentDetailSerializer(fresh).data)
