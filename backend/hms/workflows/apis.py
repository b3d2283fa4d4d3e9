"""The doctor and patient resources, completed with the deletion that spans apps.

The doctors and patients apps cannot reach admissions or appointments (they sit below them),
so their viewsets stop short of `destroy`; these subclasses add it, and `hms.workflows.urls`
registers them under the same paths.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from hms.common.schema import error_responses
from hms.doctors import apis as doctors
from hms.doctors.selectors import doctor_get
from hms.patients import apis as patients
from hms.patients.selectors import patient_get
from hms.workflows.services import doctor_close, patient_close


class DoctorViewSet(doctors.DoctorViewSet):
    """The `doctors` resource: the doctors app's operations and `destroy`."""

    @extend_schema(
        operation_id="doctors_destroy",
        request=None,
        responses={204: None, **error_responses(403, 404, 409)},
        tags=doctors.TAGS,
    )
    def destroy(self, request: Request, id: int) -> Response:
        """Delete a doctor (admin): the account is deactivated, the history is kept.

        The doctor can no longer log in (their tokens stop working at once) and leaves every
        working list; `GET /doctors/?status=DELETED` still finds them. Patients assigned to
        them become unassigned and their future appointments are cancelled. Only a pending or
        approved doctor can be deleted (else 409 INVALID_STATE).
        """
        doctor = doctor_get(viewer=self.viewer, id=id)
        doctor_close(actor=self.viewer, doctor=doctor, at=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)


class PatientViewSet(patients.PatientViewSet):
    """The `patients` resource: the patients app's operations and `destroy`."""

    @extend_schema(
        operation_id="patients_destroy",
        request=None,
        responses={204: None, **error_responses(403, 404, 409)},
        tags=patients.TAGS,
    )
    def destroy(self, request: Request, id: int) -> Response:
        """Delete a patient (admin): the account is deactivated, the history is kept.

        The patient can no longer log in (their tokens stop working at once) and leaves every
        working list; `GET /patients/?status=DELETED` still finds them. Their future
        appointments are cancelled. Only a pending or approved patient who is not admitted can
        be deleted (else 409 INVALID_STATE).
        """
        patient = patient_get(viewer=self.viewer, id=id)
        patient_close(actor=self.viewer, patient=patient, at=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)
