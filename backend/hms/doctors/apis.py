"""Doctors: admin registration and management, the approval queue, and the public directory."""

from __future__ import annotations

from typing import cast

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from hms.accounts.models import AccountStatus, User
from hms.common.permissions import RoleMapPermission
from hms.common.schema import error_responses, public_error_responses
from hms.doctors import serializers as s
from hms.doctors.models import Doctor
from hms.doctors.selectors import (
    DoctorFilters,
    doctor_directory_list,
    doctor_get,
    doctor_list,
)
from hms.doctors.services import (
    doctor_approve,
    doctor_create,
    doctor_delete,
    doctor_reject,
    doctor_set_password,
    doctor_update,
)

TAGS = ["doctors"]


def _viewer(request: Request) -> User:
    # RoleMapPermission lets only authenticated, approved accounts this far.
    return cast(User, request.user)


class DoctorViewSet(GenericViewSet):  # type: ignore[type-arg]
    """Each method is one operation of ROLE_MAP's `doctors` resource (its name is the action)."""

    policy_resource = "doctors"
    permission_classes = [RoleMapPermission]
    filter_backends: list[type] = []
    # Tells the schema generator the model behind `{id}`; reads go through the selectors.
    queryset = Doctor.objects.none()

    @extend_schema(
        operation_id="doctors_list",
        parameters=[s.DoctorListQuerySerializer],
        responses={200: s.DoctorSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """List doctors (admin). Deleted doctors are left out unless `status=DELETED`."""
        query = s.DoctorListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        doctors = doctor_list(
            viewer=_viewer(request), filters=DoctorFilters(**query.validated_data)
        )
        page = self.paginate_queryset(doctors)
        return self.get_paginated_response(s.DoctorSerializer(page, many=True).data)

    @extend_schema(
        operation_id="doctors_create",
        request=s.DoctorRegistrationSerializer,
        responses={201: s.DoctorSerializer, **error_responses(403)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Register a doctor (admin). The account is approved at once: the doctor can log in."""
        body = s.DoctorRegistrationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        doctor = doctor_create(
            actor=_viewer(request),
            status=AccountStatus.APPROVED,
            at=timezone.now(),
            **body.validated_data,
        )
        return Response(s.DoctorSerializer(doctor).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="doctors_retrieve",
        responses={200: s.DoctorSerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    def retrieve(self, request: Request, pk: int) -> Response:
        """A doctor's profile. The admin opens any doctor; a patient only their assigned doctor.

        Any other id answers 404, exactly like an id that does not exist.
        """
        return Response(s.DoctorSerializer(doctor_get(viewer=_viewer(request), doctor_id=pk)).data)

    @extend_schema(
        operation_id="doctors_update",
        request=s.DoctorUpdateSerializer,
        responses={200: s.DoctorSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def update(self, request: Request, pk: int) -> Response:
        """Edit a doctor's profile (admin). Send only the fields to change.

        The account status, role and password never change here (see `approve`, `reject`,
        `set-password`). A rejected or deleted doctor cannot be edited (409 INVALID_STATE).
        """
        doctor = doctor_get(viewer=_viewer(request), doctor_id=pk)
        body = s.DoctorUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        doctor_update(
            actor=_viewer(request),
            doctor=doctor,
            data=body.validated_data,
            at=timezone.now(),
        )
        return Response(s.DoctorSerializer(doctor_get(viewer=_viewer(request), doctor_id=pk)).data)

    @extend_schema(
        operation_id="doctors_destroy",
        request=None,
        responses={204: None, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def destroy(self, request: Request, pk: int) -> Response:
        """Delete a doctor (admin): the account is deactivated, the history is kept.

        The doctor can no longer log in (their tokens stop working at once) and leaves every
        working list; `GET /doctors/?status=DELETED` still finds them. Patients assigned to
        them become unassigned. Only a pending or approved doctor can be deleted (else 409).
        """
        doctor = doctor_get(viewer=_viewer(request), doctor_id=pk)
        doctor_delete(actor=_viewer(request), doctor=doctor, at=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="doctors_approve",
        request=None,
        responses={200: s.DoctorSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def approve(self, request: Request, pk: int) -> Response:
        """Approve a pending doctor application (admin). Any other status is 409 INVALID_STATE."""
        doctor = doctor_get(viewer=_viewer(request), doctor_id=pk)
        doctor_approve(actor=_viewer(request), doctor=doctor, at=timezone.now())
        return Response(s.DoctorSerializer(doctor_get(viewer=_viewer(request), doctor_id=pk)).data)

    @extend_schema(
        operation_id="doctors_reject",
        request=s.DoctorRejectSerializer,
        responses={200: s.DoctorSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def reject(self, request: Request, pk: int) -> Response:
        """Reject a pending doctor application (admin), with an optional reason.

        Any other status is 409 INVALID_STATE. A rejected doctor cannot log in.
        """
        doctor = doctor_get(viewer=_viewer(request), doctor_id=pk)
        body = s.DoctorRejectSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        doctor_reject(
            actor=_viewer(request),
            doctor=doctor,
            reason=body.validated_data["reason"],
            at=timezone.now(),
        )
        return Response(s.DoctorSerializer(doctor_get(viewer=_viewer(request), doctor_id=pk)).data)

    @extend_schema(
        operation_id="doctors_set_password",
        request=s.DoctorSetPasswordSerializer,
        responses={204: None, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def set_password(self, request: Request, pk: int) -> Response:
        """Set a new password for a doctor's account (admin); the doctor's sessions end.

        A rejected or deleted doctor's password cannot be set (409 INVALID_STATE).
        """
        doctor = doctor_get(viewer=_viewer(request), doctor_id=pk)
        body = s.DoctorSetPasswordSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        doctor_set_password(
            actor=_viewer(request),
            doctor=doctor,
            password=body.validated_data["password"],
            at=timezone.now(),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class DoctorDirectoryViewSet(GenericViewSet):  # type: ignore[type-arg]
    """The public list of approved doctors, for the patient sign-up form."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    filter_backends: list[type] = []

    @extend_schema(
        operation_id="doctors_directory",
        parameters=[s.DoctorDirectoryQuerySerializer],
        responses={200: s.DoctorDirectoryEntrySerializer(many=True), **public_error_responses(400)},
        tags=TAGS,
        auth=[],
    )
    def list(self, request: Request) -> Response:
        """Approved doctors: id, name and department only. Public, ordered by name."""
        query = s.DoctorDirectoryQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        doctors = doctor_directory_list(**query.validated_data)
        page = self.paginate_queryset(doctors)
        return self.get_paginated_response(s.DoctorDirectoryEntrySerializer(page, many=True).data)
