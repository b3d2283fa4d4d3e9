"""The doctor and patient resources, completed with the deletion that spans apps.

The doctors and patients apps cannot reach admissions or appointments (they sit below them),
so their viewsets stop short of `destroy`; these subclasses add it, and `hms.workflows.urls`
registers them under the same paths.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.admissions import serializers as admission_serializers
from hms.admissions.selectors import admission_get
from hms.audit.recording import records_refusals
from hms.common.schema import error_responses
from hms.doctors import apis as doctors
from hms.doctors.selectors import doctor_get
from hms.patients import apis as patients
from hms.patients.selectors import patient_get
from hms.payments import apis as payments
from hms.payments import serializers as payment_serializers
from hms.payments.selectors import invoice_get_with_state
from hms.workflows.services import admission_discharge_checked, doctor_close, patient_close


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


class AdmissionViewSet(payments.AdmissionViewSet):
    """The `admissions` resource: the admissions app's operations, the money ones (advances,
    a discharge that applies them) and a discharge that consults the clinical record."""

    @extend_schema(**payments.DISCHARGE_SCHEMA)
    @action(detail=True, methods=["post"])
    @records_refusals(resource="admission")
    def discharge(self, request: Request, id: int) -> Response:  # type: ignore[override]
        """Discharge the patient and issue the invoice (admin), in one transaction.

        `discharged_on` defaults to today (hospital time zone); it may be neither in the future
        nor before the admission date. `room_charge_per_day` defaults to the admission's daily
        rate. Money fields are decimal strings with at most two places. Days = discharge date
        minus admission date, at least 1; total = days x daily rate + doctor fee + medicine
        cost + other charges. The stay's advances are applied to the invoice, up to its total
        (`advance_applied`, shown on the PDF). An admission that is already discharged answers
        409 INVALID_STATE and nothing changes. When the hospital requires a signed discharge
        summary (`HMS_DISCHARGE_REQUIRES_SUMMARY`), a stay without one answers 409
        DISCHARGE_SUMMARY_REQUIRED; `clinical/admissions/{id}/discharge-readiness/` tells
        beforehand. Answers 201 with the issued invoice and its payment state; its PDF is at
        `invoices/{id}/pdf/`.
        """
        admission = admission_get(viewer=self.viewer, id=id)
        body = admission_serializers.AdmissionDischargeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        invoice = admission_discharge_checked(
            actor=self.viewer,
            admission=admission,
            charges=payments.discharge_charges(body.validated_data),
            at=timezone.now(),
        )
        return Response(
            payment_serializers.InvoiceWithPaymentSerializer(
                invoice_get_with_state(viewer=self.viewer, id=invoice.pk)
            ).data,
            status=status.HTTP_201_CREATED,
        )
