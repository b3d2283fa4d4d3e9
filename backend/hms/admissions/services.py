"""Admission life cycle: admit, preview the discharge bill, discharge (which issues the invoice)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from hms.accounts.models import AccountStatus, User
from hms.admissions.errors import AlreadyAdmitted
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.policies import can_discharge_admission, visible_admissions
from hms.audit.services import audit_record
from hms.billing.calculations import Charges
from hms.billing.models import Invoice
from hms.billing.services import (
    BilledStay,
    invoice_apply_advance,
    invoice_draft,
    invoice_issue,
)
from hms.common.errors import InvalidStateError, NotFoundError, ValidationFailed
from hms.doctors.models import Doctor
from hms.notifications.events import notify_invoice_issued
from hms.patients.models import Patient

_ACCOUNT_REFUSALS: dict[str, str] = {
    AccountStatus.PENDING: "is awaiting approval",
    AccountStatus.REJECTED: "was rejected",
    AccountStatus.DELETED: "was deleted",
}


def _hospital_today(at: datetime) -> date:
    return timezone.localdate(at, timezone.get_default_timezone())


def admission_create(
    *,
    actor: User,
    patient: Patient,
    doctor: Doctor,
    admitted_on: date | None,
    symptoms: str,
    room: str,
    room_charge_per_day: Decimal | None,
    at: datetime,
) -> Admission:
    """Admit an approved patient under an approved doctor, who becomes their assigned doctor.

    `admitted_on` defaults to today in the hospital's time zone and may not be in the future.
    Raises ValidationFailed (patient or doctor not approved, future date) and AlreadyAdmitted
    when the patient has an open admission (the database guarantees it too).
    """
    today = _hospital_today(at)
    admitted_on = admitted_on or today
    errors: dict[str, list[str]] = {}
    if admitted_on > today:
        errors["admitted_on"] = [f"The admission date cannot be in the future (today is {today})."]
    with transaction.atomic():
        # Both accounts are locked, doctor before patient (the lock order of the doctors,
        # patients and appointments services): deleting either account, or a second admission
        # of the same patient, waits here until this one commits.
        doctor = (
            Doctor.objects.select_for_update(of=("self", "user"))
            .select_related("user")
            .get(pk=doctor.pk)
        )
        patient = (
            Patient.objects.select_for_update(of=("self", "user"))
            .select_related("user")
            .get(pk=patient.pk)
        )
        if patient.user.status != AccountStatus.APPROVED:
            reason = _ACCOUNT_REFUSALS.get(patient.user.status, "is not approved")
            errors["patient"] = [
                f"This patient's account {reason}; only approved patients are admitted."
            ]
        if doctor.user.status != AccountStatus.APPROVED:
            reason = _ACCOUNT_REFUSALS.get(doctor.user.status, "is not approved")
            errors["doctor"] = [f"This doctor's account {reason}; choose an approved doctor."]
        if errors:
            raise ValidationFailed(fields=errors)
        if Admission.objects.filter(patient=patient, status=AdmissionStatus.ADMITTED).exists():
            raise AlreadyAdmitted()
        try:
            with transaction.atomic():
                admission = Admission.objects.create(
                    patient=patient,
                    doctor=doctor,
                    admitted_on=admitted_on,
                    symptoms=symptoms,
                    room=room,
                    room_charge_per_day=room_charge_per_day,
                    status=AdmissionStatus.ADMITTED,
                    admitted_by=actor,
                    admitted_at=at,
                )
        except IntegrityError as error:
            # Another admission of this patient won the race; the partial unique index decided.
            raise AlreadyAdmitted() from error
        audit_record(
            actor=actor,
            action="admission.admit",
            object_type="admission",
            object_id=admission.pk,
            patient=patient,
            at=at,
        )
        if patient.assigned_doctor_id != doctor.pk:
            patient.assigned_doctor = doctor
            patient.save(update_fields=["assigned_doctor", "updated_at"])
            audit_record(
                actor=actor,
                action="patient.assign",
                object_type="patient",
                object_id=patient.pk,
                patient=patient,
                at=at,
            )
    return admission


def _admission_for_discharge(*, actor: User, admission: Admission, lock: bool) -> Admission:
    queryset = Admission.objects.filter(visible_admissions(actor)).select_related(
        "patient__user", "doctor__user", "doctor__department"
    )
    if lock:
        # Only the admission row: concurrent discharges of it queue here, one at a time.
        queryset = queryset.select_for_update(of=("self",))
    locked = queryset.filter(pk=admission.pk).first()
    if locked is None:
        raise NotFoundError()
    _check_dischargeable(locked)
    return locked


def _check_dischargeable(admission: Admission) -> None:
    if not can_discharge_admission(admission=admission):
        raise InvalidStateError(
            "This admission is already discharged and its invoice issued; it cannot change."
        )


def _discharge_draft(
    *,
    actor: User,
    admission: Admission,
    discharged_on: date | None,
    room_charge_per_day: Decimal | None,
    doctor_fee: Decimal,
    medicine_cost: Decimal,
    other_charge: Decimal,
    at: datetime,
) -> Invoice:
    today = _hospital_today(at)
    discharged_on = discharged_on or today
    errors: dict[str, list[str]] = {}
    if discharged_on > today:
        errors["discharged_on"] = [
            f"The discharge date cannot be in the future (today is {today})."
        ]
    elif discharged_on < admission.admitted_on:
        errors["discharged_on"] = [
            f"The discharge date cannot be before the admission date ({admission.admitted_on})."
        ]
    rate = room_charge_per_day if room_charge_per_day is not None else admission.room_charge_per_day
    if rate is None:
        errors["room_charge_per_day"] = [
            "This field is required: the admission has no default daily room rate."
        ]
    if errors:
        raise ValidationFailed(fields=errors)
    assert rate is not None
    patient, doctor = admission.patient, admission.doctor
    stay = BilledStay(
        admission_id=admission.pk,
        patient=patient,
        patient_name=patient.user.full_name,
        patient_mobile=patient.mobile,
        patient_address=patient.address,
        symptoms=admission.symptoms,
        doctor_name=doctor.user.full_name,
        doctor_department=doctor.department.name,
        admitted_on=admission.admitted_on,
    )
    return invoice_draft(
        actor=actor,
        stay=stay,
        discharged_on=discharged_on,
        charges=Charges(
            room_charge_per_day=rate,
            doctor_fee=doctor_fee,
            medicine_cost=medicine_cost,
            other_charge=other_charge,
        ),
    )


def admission_discharge_preview(
    *,
    actor: User,
    admission: Admission,
    discharged_on: date | None,
    room_charge_per_day: Decimal | None,
    doctor_fee: Decimal,
    medicine_cost: Decimal,
    other_charge: Decimal,
    at: datetime,
    advance_available: Decimal = Decimal("0"),
) -> Invoice:
    """Compute the invoice a discharge with these values would issue, saving nothing.

    `admission` is one `actor` may see, as `admission_get` returns it (with its patient and
    doctor); it is not read again, since nothing is written. The result is unsaved: no id,
    number, issue time or PDF. Raises InvalidStateError (already discharged) and
    ValidationFailed like `admission_discharge`.
    """
    _check_dischargeable(admission)
    draft = _discharge_draft(
        actor=actor,
        admission=admission,
        discharged_on=discharged_on,
        room_charge_per_day=room_charge_per_day,
        doctor_fee=doctor_fee,
        medicine_cost=medicine_cost,
        other_charge=other_charge,
        at=at,
    )
    invoice_apply_advance(draft=draft, available=advance_available)
    return draft


def admission_discharge(
    *,
    actor: User,
    admission: Admission,
    discharged_on: date | None,
    room_charge_per_day: Decimal | None,
    doctor_fee: Decimal,
    medicine_cost: Decimal,
    other_charge: Decimal,
    at: datetime,
    advance_available: Decimal = Decimal("0"),
) -> Invoice:
    """Discharge an open admission and issue its invoice, in one transaction.

    `discharged_on` defaults to today (hospital time zone); it may be neither in the future nor
    before the admission date. `room_charge_per_day` defaults to the admission's daily rate.
    `advance_available` is what the stay's advance payments hold; the invoice applies up to its
    total of it (`advance_applied`).
    The patient is told that the invoice is ready.
    Raises NotFoundError, InvalidStateError (already discharged: a second or concurrent
    discharge changes nothing) and ValidationFailed (dates, missing rate, amounts).
    """
    with transaction.atomic():
        admission = _admission_for_discharge(actor=actor, admission=admission, lock=True)
        draft = _discharge_draft(
            actor=actor,
            admission=admission,
            discharged_on=discharged_on,
            room_charge_per_day=room_charge_per_day,
            doctor_fee=doctor_fee,
            medicine_cost=medicine_cost,
            other_charge=other_charge,
            at=at,
        )
        invoice_apply_advance(draft=draft, available=advance_available)
        admission.status = AdmissionStatus.DISCHARGED
        admission.discharged_on = draft.discharged_on
        admission.discharged_at = at
        admission.discharged_by = actor
        admission.save(
            update_fields=[
                "status",
                "discharged_on",
                "discharged_at",
                "discharged_by",
                "updated_at",
            ]
        )
        audit_record(
            actor=actor,
            action="admission.discharge",
            object_type="admission",
            object_id=admission.pk,
            patient=admission.patient,
            at=at,
        )
        invoice = invoice_issue(actor=actor, draft=draft, at=at)
        notify_invoice_issued(
            patient=admission.patient.user,
            invoice_id=invoice.pk,
            invoice_number=invoice.number,
            at=at,
        )
    return invoice


def admission_rebill(
    *,
    actor: User,
    admission: Admission,
    replaces: Invoice,
    discharged_on: date | None,
    room_charge_per_day: Decimal | None,
    doctor_fee: Decimal,
    medicine_cost: Decimal,
    other_charge: Decimal,
    at: datetime,
    advance_available: Decimal = Decimal("0"),
) -> Invoice:
    """Issue a corrected invoice for a discharged stay whose invoice `replaces` was voided.

    The caller has checked, under its lock, that `replaces` is the stay's voided current
    invoice. Same dates, charges and errors as `admission_discharge`; the discharge date of the
    stay becomes the corrected one. Raises NotFoundError, InvalidStateError (the stay is still
    open) and ValidationFailed.
    """
    with transaction.atomic():
        locked = (
            Admission.objects.filter(visible_admissions(actor))
            .select_related("patient__user", "doctor__user", "doctor__department")
            .select_for_update(of=("self",))
            .filter(pk=admission.pk)
            .first()
        )
        if locked is None:
            raise NotFoundError()
        if locked.status != AdmissionStatus.DISCHARGED:
            raise InvalidStateError("Only a discharged stay is billed again.")
        draft = _discharge_draft(
            actor=actor,
            admission=locked,
            discharged_on=discharged_on,
            room_charge_per_day=room_charge_per_day,
            doctor_fee=doctor_fee,
            medicine_cost=medicine_cost,
            other_charge=other_charge,
            at=at,
        )
        invoice_apply_advance(draft=draft, available=advance_available)
        if locked.discharged_on != draft.discharged_on:
            locked.discharged_on = draft.discharged_on
            locked.save(update_fields=["discharged_on", "updated_at"])
        audit_record(
            actor=actor,
            action="admission.rebill",
            object_type="admission",
            object_id=locked.pk,
            patient=locked.patient,
            at=at,
        )
        invoice = invoice_issue(actor=actor, draft=draft, at=at, replaces=replaces)
    return invoice
