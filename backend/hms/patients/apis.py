"""Patients: sign-up, admin registration and management, the approval queue and the doctor.

A doctor opens only their assigned patients, a patient only themself.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.accounts.models import AccountStatus
from hms.accounts.serializers import AccountRejectSerializer, AccountSetPasswordSerializer
from hms.audit.models import AuditEvent
from hms.audit.recording import records_access
from hms.audit.selectors import access_log_for_patient
from hms.audit.serializers import AccessLogEntrySerializer
from hms.common.errors import NotFoundError
from hms.common.filters import filterset_parameters
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet, PublicApiViewSet
from hms.patients import serializers as s
from hms.patients.models import Patient
from hms.patients.selectors import (
    PatientFilterSet,
    patient_get,
    patient_get_for_display,
    patient_list,
)
from hms.patients.services import (
    patient_approve,
    patient_create,
    patient_reject,
    patient_set_password,
    patient_update,
)

TAGS = ["patients"]


def _patient_example(**changes: Any) -> dict[str, Any]:
    return {
        "id": 12,
        "username": "priya",
        "first_name": "Priya",
        "last_name": "Menon",
        "full_name": "Priya Menon",
        "email": "",
        "mobile": "+919845000050",
        "address": "10 Lake View Road, Kochi",
        "symptoms": "Chest pain on exertion",
        "date_of_birth": "1978-03-14",
        "preferred_doctor": 7,
        "assigned_doctor": None,
        "assigned_doctor_name": None,
        "status": "PENDING",
        "is_admitted": False,
        "created_at": "2026-03-02T09:15:00+05:30",
        **changes,
    }


class PatientViewSet(ApiViewSet):
    """Each method is one operation of the role map's `patients` resource (its action name).

    Deleting a patient spans apps; `hms.workflows.apis` adds `destroy` to this viewset.
    """

    policy_resource = "patients"
    queryset = Patient.objects.none()

    def _body(self, id: int) -> Any:
        return s.PatientSerializer(patient_get_for_display(viewer=self.viewer, id=id)).data

    @extend_schema(
        operation_id="patients_list",
        parameters=filterset_parameters(PatientFilterSet),
        responses={200: s.PatientSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="patient", patients="results[].id")
    def list(self, request: Request) -> Response:
        """List patients. The admin sees every patient; a doctor only their assigned patients.

        A doctor's list holds only approved patients assigned to them. Without `status`,
        deleted patients are left out; `status=DELETED` (admin) lists only them.
        """
        return self.paginated(
            patient_list(viewer=self.viewer, filters=request.query_params), s.PatientSerializer
        )

    @extend_schema(
        operation_id="patients_create",
        request=s.PatientRegistrationSerializer,
        responses={201: s.PatientSerializer, **error_responses(403)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Register a patient (admin).

        The account is approved at once: the patient can log in. `assigned_doctor` is optional
        and must be an approved doctor.
        """
        body = s.PatientRegistrationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient = patient_create(
            actor=self.viewer,
            status=AccountStatus.APPROVED,
            preferred_doctor=None,
            at=timezone.now(),
            **body.validated_data,
        )
        return Response(self._body(patient.pk), status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="patients_retrieve",
        responses={200: s.PatientSerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="patient", patients="id")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open a patient's profile, as far as the caller may see it.

        The admin opens any patient; a doctor only their approved, assigned patients; a
        patient only themself. Any other id answers 404, exactly like an id that does not
        exist.
        """
        return Response(self._body(id))

    @extend_schema(
        operation_id="patients_update",
        request=s.PatientUpdateSerializer,
        responses={200: s.PatientSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def partial_update(self, request: Request, id: int) -> Response:
        """Edit a patient's profile or assigned doctor (admin).

        Send only the fields to change. `assigned_doctor` takes an approved doctor's id
        (anything else is 400), or null to leave the patient without a doctor. The account
        status, role, password and admission never change here. A rejected or deleted patient
        cannot be edited (409 INVALID_STATE).
        """
        patient = patient_get(viewer=self.viewer, id=id)
        body = s.PatientUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        patient_update(
            actor=self.viewer, patient=patient, data=body.validated_data, at=timezone.now()
        )
        return Response(self._body(id))

    @extend_schema(
        operation_id="patients_approve",
        request=None,
        responses={200: s.PatientSerializer, **error_responses(403, 404, 409)},
        examples=[
            OpenApiExample(
                "The approved patient, given the doctor they picked",
                value=_patient_example(
                    status="APPROVED", assigned_doctor=7, assigned_doctor_name="Vikram Mehta"
                ),
                response_only=True,
                status_codes=["200"],
            )
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, id: int) -> Response:
        """Approve a pending patient sign-up (admin).

        Any status but PENDING is 409 INVALID_STATE. When the patient picked a preferred
        doctor at sign-up, has no assigned doctor yet and that doctor is still approved, the
        preferred doctor becomes the assigned doctor.
        """
        patient = patient_get(viewer=self.viewer, id=id)
        patient_approve(actor=self.viewer, patient=patient, at=timezone.now())
        return Response(self._body(id))

    @extend_schema(
        operation_id="patients_reject",
        request=AccountRejectSerializer,
        responses={200: s.PatientSerializer, **error_responses(403, 404, 409)},
        examples=[
            OpenApiExample(
                "Reject with a reason",
                value={"reason": "Please register at the clinic nearest to you."},
                request_only=True,
            ),
            OpenApiExample(
                "The rejected patient",
                value=_patient_example(status="REJECTED"),
                response_only=True,
                status_codes=["200"],
            ),
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, id: int) -> Response:
        """Reject a pending patient sign-up (admin), with an optional reason.

        Any status but PENDING is 409 INVALID_STATE. A rejected patient cannot log in.
        """
        patient = patient_get(viewer=self.viewer, id=id)
        body = AccountRejectSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient_reject(
            actor=self.viewer,
            patient=patient,
            reason=body.validated_data["reason"],
            at=timezone.now(),
        )
        return Response(self._body(id))

    @extend_schema(
        operation_id="patients_set_password",
        request=AccountSetPasswordSerializer,
        responses={204: None, **error_responses(403, 404, 409)},
        examples=[
            OpenApiExample(
                "A new password",
                value={"password": "correct-horse-battery-staple"},
                request_only=True,
            )
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"], url_path="set-password")
    def set_password(self, request: Request, id: int) -> Response:
        """Set a new password for a patient's account (admin); the patient's sessions end.

        Answers 204 with no body. A rejected or deleted patient's password cannot be set (409
        INVALID_STATE); a weak password is 400.
        """
        patient = patient_get(viewer=self.viewer, id=id)
        body = AccountSetPasswordSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient_set_password(
            actor=self.viewer,
            patient=patient,
            password=body.validated_data["password"],
            at=timezone.now(),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class PatientSignupViewSet(PublicApiViewSet):
    """Patients' own sign-ups."""

    throttle_scope = "signup"

    @extend_schema(
        operation_id="auth_signup_patient",
        request=s.PatientSignupSerializer,
        responses={201: s.PatientSerializer, **error_responses(400)},
        tags=["auth"],
    )
    def create(self, request: Request) -> Response:
        """Sign up as a patient.

        The account starts PENDING and can sign in once an admin approves it. A
        `preferred_doctor` from `GET /api/v1/doctors/directory/` is assigned on approval when
        that doctor is still approved.
        """
        body = s.PatientSignupSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient = patient_create(
            actor=None,
            status=AccountStatus.PENDING,
            assigned_doctor=None,
            at=timezone.now(),
            **body.validated_data,
        )
        return Response(s.PatientSerializer(patient).data, status=status.HTTP_201_CREATED)


class PatientAccessLogViewSet(ApiViewSet):
    """The role map's `patient_access_log` resource: a patient's own access log."""

    policy_resource = "patient_access_log"
    queryset = AuditEvent.objects.none()

    @extend_schema(
        operation_id="patients_me_access_log_list",
        responses={200: AccessLogEntrySerializer(many=True), **error_responses(403)},
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """Who opened or changed my record: name and role, when, what; newest first.

        For the signed-in patient only. Every read of the patient's personal, clinical or
        billing data by someone else (lists naming them included) and every change to their
        record is listed; their own reads are not.
        """
        viewer = self.viewer
        patient_id = Patient.objects.filter(user=viewer).values_list("pk", flat=True).first()
        if patient_id is None:
            raise NotFoundError()
        rows = access_log_for_patient(patient_id=patient_id, patient_user_id=viewer.pk)
        return self.paginated(rows, AccessLogEntrySerializer)
