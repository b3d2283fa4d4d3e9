"""Operations that span several apps: closing a doctor's or a patient's account, and a
discharge that consults the clinical record.

Each runs in one transaction and calls the services of the apps it spans; none of those apps
imports this module (it sits on top, beside the dashboard).

Lock order, everywhere rows of several apps change together (here, in admitting, in booking):

1. the doctor's profile and account rows,
2. then patient profile and account rows (several patients in id order),
3. then admission rows,
4. then appointment rows.

Every operation takes its locks in this order, so two admins acting at once wait for each
other instead of deadlocking. Admitting and booking lock both accounts (doctor before patient)
and closing an account holds its lock until the commit, so no admission or booking can slip in
between a closing's checks and its commit.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction

from hms.accounts.models import User
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.selectors import open_admission_exists
from hms.appointments.services import appointment_cancel_for_doctor, appointment_cancel_for_patient
from hms.audit.services import audit_record
from hms.billing.models import Invoice
from hms.clinical.errors import DischargeSummaryRequired
from hms.clinical.selectors import signed_discharge_summary_exists
from hms.common.errors import InvalidStateError
from hms.doctors.models import Doctor
from hms.doctors.services import DOCTOR_ACCOUNT
from hms.patients.models import Patient
from hms.patients.services import PATIENT_ACCOUNT
from hms.payments.services import Charges, discharge_with_advances

# The reason written on everything a closed doctor leaves behind (e.g. cancelled appointments).
DOCTOR_DELETED_REASON = "The doctor no longer works at the hospital."
# The reason written on everything a closed patient leaves behind.
PATIENT_DELETED_REASON = "The patient's account was closed by the hospital."


def doctor_close(*, actor: User, doctor: Doctor, at: datetime) -> None:
    """Close a doctor's account: deactivate it and take the doctor off every working list.

    The account becomes DELETED and inactive and its tokens are revoked at once. Nothing is
    removed: admissions, invoices and appointments keep referring to the profile. Patients
    assigned to the doctor become unassigned (one `patient.unassign` audit event each), so the
    admin can give them another doctor. The doctor's future pending and confirmed appointments
    are cancelled with DOCTOR_DELETED_REASON (one `appointment.cancel` audit event each).
    Raises InvalidStateError, changing nothing, unless the doctor is PENDING or APPROVED.
    """
    with transaction.atomic():
        locked = DOCTOR_ACCOUNT.lock(doctor)
        DOCTOR_ACCOUNT.close(actor=actor, profile=locked, at=at)
        patients = list(
            Patient.objects.select_for_update(no_key=True)
            .filter(assigned_doctor=locked)
            .order_by("pk")
        )
        Patient.objects.filter(pk__in=[patient.pk for patient in patients]).update(
            assigned_doctor=None, updated_at=at
        )
        for patient in patients:
            audit_record(
                actor=actor,
                action="patient.unassign",
                object_type="patient",
                object_id=patient.pk,
                patient=patient,
                at=at,
            )
        # Last, still under the doctor's account lock, which every booking also takes: no
        # booking can slip in between the cancellation and the commit.
        appointment_cancel_for_doctor(
            actor=actor, doctor=locked, reason=DOCTOR_DELETED_REASON, at=at
        )


def patient_close(*, actor: User, patient: Patient, at: datetime) -> None:
    """Close a patient's account: deactivate it and take them off every working list.

    The account becomes DELETED and inactive and its tokens are revoked at once. Nothing is
    removed: admissions, invoices and appointments keep referring to the profile, and so does
    the assigned doctor (for the record; the doctor no longer sees the patient). Their future
    pending and confirmed appointments are cancelled with PATIENT_DELETED_REASON. Raises
    InvalidStateError, changing nothing, unless the patient is PENDING or APPROVED and not
    currently admitted (an in-patient is discharged first).
    """
    with transaction.atomic():
        locked = PATIENT_ACCOUNT.lock(patient)
        # Under the patient's lock, which admitting also takes: no admission can start between
        # this check and the commit.
        if Patient.objects.filter(open_admission_exists(), pk=locked.pk).exists():
            raise InvalidStateError(
                "This patient is admitted; discharge them before deleting the account."
            )
        PATIENT_ACCOUNT.close(actor=actor, profile=locked, at=at)
        # Last, still under the patient's account lock, which every booking also takes: no
        # booking can slip in between the cancellation and the commit.
        appointment_cancel_for_patient(
            actor=actor, patient=locked, reason=PATIENT_DELETED_REASON, at=at
        )


def admission_discharge_checked(
    *, actor: User, admission: Admission, charges: Charges, at: datetime
) -> Invoice:
    """Discharge a stay with its advances applied, consulting its clinical record first.

    When the hospital sets HMS_DISCHARGE_REQUIRES_SUMMARY, an open stay without a signed
    discharge summary is refused with DischargeSummaryRequired and nothing changes; otherwise
    the discharge screen only warns. A signed summary is never unsigned, so the check holds
    until the commit. Raises what `discharge_with_advances` raises.
    """
    with transaction.atomic():
        locked = Admission.objects.select_for_update().filter(pk=admission.pk).first()
        if (
            settings.HMS_DISCHARGE_REQUIRES_SUMMARY
            and locked is not None
            and locked.status == AdmissionStatus.ADMITTED
            and not signed_discharge_summary_exists(admission=locked)
        ):
            raise DischargeSummaryRequired()
        return discharge_with_advances(actor=actor, admission=admission, charges=charges, at=at)
