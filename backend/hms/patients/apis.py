"""Patients: admin registration and management, the approval queue and the assigned doctor.

A doctor opens only their assigned patients, a patient only themself.
"""

from __future__ import annotations

from typing import cast

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from hms.accounts.models import AccountStatus, User
from hms.common.permissions import RoleMapPermission
from hms.common.schema import error_responses
from hms.patients import serializers as s
from hms.patients.models import Patient
from hms.patients.selectors import PatientFilters, patient_get, patient_list
from hms.patients.services import (
    patient_approve,
    patient_create,
    patient_delete,
    patient_reject,
    patient_set_password,
    patient_update,
)

TAGS = ["patients"]


def _viewer(request: Request) -> User:
    # RoleMapPermission lets only authenticated, approved accounts this far.
    return cast(User, request.user)


def _patient_body(request: Request, patient_id: int) -> dict[str, object]:
    return s.PatientSerializer(patient_get(viewer=_viewer(request), patient_id=patient_id)).data


class PatientViewSet(GenericViewSet):  # type: ignore[type-arg]
    """Each method is one operation of ROLE_MAP's `patients` resource (its name is the action)."""

    policy_resource = "patients"
    permission_classes = [RoleMapPermission]
    filter_backends: list[type] = []
    # Tells the schema generator the model behind `{id}`; reads go through the selectors.
    queryset = Patient.objects.none()

    @extend_schema(
        operation_id="patients_list",
        parameters=[s.PatientListQuerySerializer],
        responses={200: s.PatientSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """List patients. The admin sees every patient; a doctor only their assigned patients.

        A doctor's list holds only approved patients assigned to them. Without `status`,
        deleted patients are left out; `status=DELETED` (admin) lists only them.
        """
        query = s.PatientListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        patients = patient_list(
            viewer=_viewer(request), filters=PatientFilters(**query.validated_data)
        )
        page = self.paginate_queryset(patients)
        return self.get_paginated_response(s.PatientSerializer(page, many=True).data)

    @extend_schema(
        operation_id="patients_create",
        request=s.PatientRegistrationSerializer,
        responses={201: s.PatientSerializer, **error_responses(403)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Register a patient (admin). The account is approved at once: the patient can log in.

        `assigned_doctor` is optional and must be an approved doctor.
        """
        body = s.PatientRegistrationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient = patient_create(
            actor=_viewer(request),
            status=AccountStatus.APPROVED,
            preferred_doctor=None,
            at=timezone.now(),
            **body.validated_data,
        )
        return Response(_patient_body(request, patient.pk), status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="patients_retrieve",
        responses={200: s.PatientSerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    def retrieve(self, request: Request, pk: int) -> Response:
        """A patient's profile, as far as the caller may see it.

        The admin opens any patient; a doctor only their approved, assigned patients; a
        patient only themself. Any other id answers 404, exactly like an id that does not
        exist.
        """
        return Response(_patient_body(request, pk))

    @extend_schema(
        operation_id="patients_update",
        request=s.PatientUpdateSerializer,
        responses={200: s.PatientSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def update(self, request: Request, pk: int) -> Response:
        """Edit a patient's profile or assigned doctor (admin). Send only the fields to change.

        `assigned_doctor` takes an approved doctor's id (anything else is 400), or null to
        leave the patient without a doctor. The account status, role, password and admission
        never change here. A rejected or deleted patient cannot be edited (409 INVALID_STATE).
        """
        patient = patient_get(viewer=_viewer(request), patient_id=pk)
        body = s.PatientUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        patient_update(
            actor=_viewer(request), patient=patient, data=body.validated_data, at=timezone.now()
        )
        return Response(_patient_body(request, pk))

    @extend_schema(
        operation_id="patients_destroy",
        request=None,
        responses={204: None, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def destroy(self, request: Request, pk: int) -> Response:
        """Delete a patient (admin): the account is deactivated, the history is kept.

        The patient can no longer log in (their tokens stop working at once) and leaves every
        working list; `GET /patients/?status=DELETED` still finds them. Only a pending or
        approved patient who is not admitted can be deleted (else 409 INVALID_STATE).
        """
        patient = patient_get(viewer=_viewer(request), patient_id=pk)
        patient_delete(actor=_viewer(request), patient=patient, at=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="patients_approve",
        request=None,
        responses={200: s.PatientSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def approve(self, request: Request, pk: int) -> Response:
        """Approve a pending patient sign-up (admin). Any other status is 409 INVALID_STATE.

        When the patient picked a preferred doctor at sign-up, has no assigned doctor yet and
        that doctor is still approved, the preferred doctor becomes the assigned doctor.
        """
        patient = patient_get(viewer=_viewer(request), patient_id=pk)
        patient_approve(actor=_viewer(request), patient=patient, at=timezone.now())
        return Response(_patient_body(request, pk))

    @extend_schema(
        operation_id="patients_reject",
        request=s.PatientRejectSerializer,
        responses={200: s.PatientSerializer, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def reject(self, request: Request, pk: int) -> Response:
        """Reject a pending patient sign-up (admin), with an optional reason.

        Any other status is 409 INVALID_STATE. A rejected patient cannot log in.
        """
        patient = patient_get(viewer=_viewer(request), patient_id=pk)
        body = s.PatientRejectSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient_reject(
            actor=_viewer(request),
            patient=patient,
            reason=body.validated_data["reason"],
            at=timezone.now(),
        )
        return Response(_patient_body(request, pk))

    @extend_schema(
        operation_id="patients_set_password",
        request=s.PatientSetPasswordSerializer,
        responses={204: None, **error_responses(403, 404, 409)},
        tags=TAGS,
    )
    def set_password(self, request: Request, pk: int) -> Response:
        """Set a new password for a patient's account (admin); the patient's sessions end.

        A rejected or deleted patient's password cannot be set (409 INVALID_STATE).
        """
        patient = patient_get(viewer=_viewer(request), patient_id=pk)
        body = s.PatientSetPasswordSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        patient_set_password(
            actor=_viewer(request),
            patient=patient,
            password=body.validated_data["password"],
            at=timezone.now(),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
