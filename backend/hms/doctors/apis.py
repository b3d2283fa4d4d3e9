"""Doctors: sign-up, admin registration and management, the approval queue, the directory."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.accounts.models import AccountStatus, Role
from hms.accounts.serializers import AccountRejectSerializer, AccountSetPasswordSerializer
from hms.common.fields import AnyOfSerializers
from hms.common.filters import filterset_parameters
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet, PublicApiViewSet
from hms.doctors import serializers as s
from hms.doctors.models import Doctor
from hms.doctors.selectors import (
    DoctorDirectoryFilterSet,
    DoctorFilterSet,
    department_list,
    doctor_directory_list,
    doctor_get,
    doctor_list,
)
from hms.doctors.services import (
    doctor_approve,
    doctor_create,
    doctor_reject,
    doctor_set_password,
    doctor_update,
)

TAGS = ["doctors"]


def _doctor_example(**changes: Any) -> dict[str, Any]:
    return {
        "id": 7,
        "username": "dr.mehta",
        "first_name": "Vikram",
        "last_name": "Mehta",
        "full_name": "Vikram Mehta",
        "email": "vikram.mehta@hospital.example",
        "mobile": "+919876543210",
        "address": "12 MG Road, Pune",
        "department": "DERMATOLOGISTS",
        "department_name": "Dermatologists",
        "status": "PENDING",
        "created_at": "2026-03-02T09:15:00+05:30",
        **changes,
    }


class DoctorViewSet(ApiViewSet):
    """Each method is one operation of the role map's `doctors` resource (its action name).

    Deleting a doctor spans apps; `hms.workflows.apis` adds `destroy` to this viewset.
    """

    policy_resource = "doctors"
    queryset = Doctor.objects.none()

    @extend_schema(
        operation_id="doctors_list",
        parameters=filterset_parameters(DoctorFilterSet),
        responses={200: s.DoctorSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """List doctors (admin).

        Filter by `status`, `department` and a name `search`; deleted doctors are left out
        unless `status=DELETED`. Ordered by name unless `ordering` says otherwise.
        """
        return self.paginated(
            doctor_list(viewer=self.viewer, filters=request.query_params), s.DoctorSerializer
        )

    @extend_schema(
        operation_id="doctors_create",
        request=s.DoctorRegistrationSerializer,
        responses={201: s.DoctorSerializer, **error_responses(403)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Register a doctor (admin).

        The account is approved at once: the doctor can log in with the password given here.
        """
        body = s.DoctorRegistrationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        doctor = doctor_create(
            actor=self.viewer,
            status=AccountStatus.APPROVED,
            at=timezone.now(),
            **body.validated_data,
        )
        return Response(s.DoctorSerializer(doctor).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="doctors_retrieve",
        responses={
            200: AnyOfSerializers("DoctorForViewer", [s.DoctorSerializer, s.DoctorCardSerializer]),
            **error_responses(403, 404),
        },
        tags=TAGS,
    )
    def retrieve(self, request: Request, id: int) -> Response:
        """Open a doctor's profile.

        The admin opens any doctor and gets the whole profile (`Doctor`). A patient opens only
        their assigned doctor and gets how to reach them (`DoctorCard`: name, department,
        mobile and address; no username, e-mail or account status). Any other id answers 404,
        exactly like an id that does not exist.
        """
        doctor = doctor_get(viewer=self.viewer, id=id)
        if self.viewer.role == Role.PATIENT:
            return Response(s.DoctorCardSerializer(doctor).data)
        return Response(s.DoctorSerializer(doctor).data)

    @extend_schema(
        operation_id="doctors_update",
        request=s.DoctorUpdateSerializer,
        responses={200: s.DoctorSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def partial_update(self, request: Request, id: int) -> Response:
        """Edit a doctor's profile (admin).

        Send only the fields to change. The account status, role and password never change
        here (see `approve`, `reject`, `set-password`). A rejected or deleted doctor cannot be
        edited (409 INVALID_STATE).
        """
        doctor = doctor_get(viewer=self.viewer, id=id)
        body = s.DoctorUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        doctor_update(actor=self.viewer, doctor=doctor, data=body.validated_data, at=timezone.now())
        return Response(s.DoctorSerializer(doctor_get(viewer=self.viewer, id=id)).data)

    @extend_schema(
        operation_id="doctors_approve",
        request=None,
        responses={200: s.DoctorSerializer, **error_responses(403, 404, 409)},
        examples=[
            OpenApiExample(
                "The approved doctor",
                value=_doctor_example(status="APPROVED"),
                response_only=True,
                status_codes=["200"],
            )
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, id: int) -> Response:
        """Approve a pending doctor application (admin).

        The doctor can log in from now on. Any status but PENDING is 409 INVALID_STATE.
        """
        doctor = doctor_get(viewer=self.viewer, id=id)
        doctor_approve(actor=self.viewer, doctor=doctor, at=timezone.now())
        return Response(s.DoctorSerializer(doctor_get(viewer=self.viewer, id=id)).data)

    @extend_schema(
        operation_id="doctors_reject",
        request=AccountRejectSerializer,
        responses={200: s.DoctorSerializer, **error_responses(403, 404, 409)},
        examples=[
            OpenApiExample(
                "Reject with a reason",
                value={"reason": "We are not hiring in this department this year."},
                request_only=True,
            ),
            OpenApiExample(
                "The rejected doctor",
                value=_doctor_example(status="REJECTED"),
                response_only=True,
                status_codes=["200"],
            ),
        ],
        tags=TAGS,
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, id: int) -> Response:
        """Reject a pending doctor application (admin), with an optional reason.

        Any status but PENDING is 409 INVALID_STATE. A rejected doctor cannot log in.
        """
        doctor = doctor_get(viewer=self.viewer, id=id)
        body = AccountRejectSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        doctor_reject(
            actor=self.viewer,
            doctor=doctor,
            reason=body.validated_data["reason"],
            at=timezone.now(),
        )
        return Response(s.DoctorSerializer(doctor_get(viewer=self.viewer, id=id)).data)

    @extend_schema(
        operation_id="doctors_set_password",
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
        """Set a new password for a doctor's account (admin); the doctor's sessions end.

        Answers 204 with no body. A rejected or deleted doctor's password cannot be set (409
        INVALID_STATE); a weak password is 400.
        """
        doctor = doctor_get(viewer=self.viewer, id=id)
        body = AccountSetPasswordSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        doctor_set_password(
            actor=self.viewer,
            doctor=doctor,
            password=body.validated_data["password"],
            at=timezone.now(),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class DoctorDirectoryViewSet(PublicApiViewSet):
    """The public list of approved doctors, for the patient sign-up form."""

    queryset = Doctor.objects.none()

    @extend_schema(
        operation_id="doctors_directory",
        parameters=filterset_parameters(DoctorDirectoryFilterSet),
        responses={200: s.DoctorDirectoryEntrySerializer(many=True), **error_responses(400)},
        tags=TAGS,
        auth=[],
    )
    def list(self, request: Request) -> Response:
        """List the approved doctors: id, name and department only.

        Public, ordered by name; filter by `department` and a name `search`.
        """
        return self.paginated(
            doctor_directory_list(filters=request.query_params), s.DoctorDirectoryEntrySerializer
        )


class DepartmentViewSet(PublicApiViewSet):
    """The hospital's departments."""

    pagination_class = None  # a short, fixed list

    @extend_schema(
        operation_id="departments_list",
        responses={200: s.DepartmentSerializer(many=True), **error_responses()},
        tags=["departments"],
    )
    def list(self, request: Request) -> Response:
        """List the hospital's departments (not paginated).

        Public: the doctor sign-up form uses it. `code` is what doctor bodies and filters send.
        """
        return Response(s.DepartmentSerializer(department_list(), many=True).data)


class DoctorSignupViewSet(PublicApiViewSet):
    """Doctors' own applications."""

    throttle_scope = "signup"

    @extend_schema(
        operation_id="auth_signup_doctor",
        request=s.DoctorSignupSerializer,
        responses={201: s.DoctorSerializer, **error_responses(400)},
        tags=["auth"],
    )
    def create(self, request: Request) -> Response:
        """Apply as a doctor.

        The account starts PENDING and can sign in once an admin approves it.
        """
        body = s.DoctorSignupSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        doctor = doctor_create(
            actor=None, status=AccountStatus.PENDING, at=timezone.now(), **body.validated_data
        )
        return Response(s.DoctorSerializer(doctor).data, status=status.HTTP_201_CREATED)
