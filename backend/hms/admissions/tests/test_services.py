from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from hms.accounts.models import AccountStatus
from hms.admissions.errors import AlreadyAdmitted
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.services import (
    admission_create,
    admission_discharge,
    admission_discharge_preview,
)
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.audit.models import AuditEvent
from hms.billing.models import Invoice, InvoiceNumberCounter
from hms.common.errors import InvalidStateError, NotFoundError, ValidationFailed

pytestmark = pytest.mark.django_db

# 20:00 UTC on the 26th is already 01:30 on the 27th in the hospital's zone (Asia/Kolkata).
LATE_EVENING_UTC = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)


def admit(actor, patient, doctor, **overrides):
    values = {
        "actor": actor,
        "patient": patient,
        "doctor": doctor,
        "admitted_on": None,
        "symptoms": "Chest pain",
        "room": "B-12",
        "room_charge_per_day": Decimal("500.00"),
        "at": LATE_EVENING_UTC,
    }
    values.update(overrides)
    return admission_create(**values)


def test_admit_defaults_to_today_in_the_hospital_time_zone_and_assigns_the_doctor(
    admin_user, make_doctor, make_patient
):
    previous = make_doctor()
    doctor = make_doctor()
    patient = make_patient(assigned_doctor=previous)

    admission = admit(admin_user, patient, doctor)

    admission.refresh_from_db()
    patient.refresh_from_db()
    assert (admission.admitted_on, admission.status, admission.admitted_by_id) == (
        date(2026, 11, 27),
        AdmissionStatus.ADMITTED,
        admin_user.pk,
    )
    assert admission.admitted_at == LATE_EVENING_UTC
    assert patient.assigned_doctor_id == doctor.pk
    assert list(AuditEvent.objects.order_by("id").values_list("action", "object_id")) == [
        ("admission.admit", str(admission.pk)),
        ("patient.assign", str(patient.pk)),
    ]


def test_admit_under_the_already_assigned_doctor_writes_no_assignment_event(
    admin_user, make_doctor, make_patient
):
    doctor = make_doctor()
    patient = make_patient(assigned_doctor=doctor)

    admit(admin_user, patient, doctor)

    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["admission.admit"]


def test_admitting_an_admitted_patient_is_refused(admin_user, make_doctor, make_patient):
    doctor = make_doctor()
    patient = make_patient()
    first = admit(admin_user, patient, doctor)

    with pytest.raises(AlreadyAdmitted):
        admit(admin_user, patient, make_doctor())

    assert list(Admission.objects.values_list("pk", flat=True)) == [first.pk]
    patient.refresh_from_db()
    assert patient.assigned_doctor_id == doctor.pk


def test_a_discharged_patient_may_be_admitted_again(admin_user, make_doctor, make_patient):
    patient = make_patient()
    first = AdmissionFactory(patient=patient, admitted_on=date(2026, 11, 1))
    discharge(first, actor=admin_user, discharged_on=date(2026, 11, 3))

    second = admit(admin_user, patient, make_doctor())

    assert second.status == AdmissionStatus.ADMITTED
    assert Admission.objects.filter(patient=patient).count() == 2


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (AccountStatus.PENDING, "This patient's account is awaiting approval"),
        (AccountStatus.REJECTED, "This patient's account was rejected"),
        (AccountStatus.DELETED, "This patient's account was deleted"),
    ],
)
def test_only_approved_patients_are_admitted(
    admin_user, make_doctor, make_patient, status, message
):
    patient = make_patient(status=status)

    with pytest.raises(ValidationFailed) as error:
        admit(admin_user, patient, make_doctor())

    assert list(error.value.fields) == ["patient"]
    assert error.value.fields["patient"][0].startswith(message)
    assert Admission.objects.count() == 0
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize(
    "status", [AccountStatus.PENDING, AccountStatus.REJECTED, AccountStatus.DELETED]
)
def test_only_approved_doctors_attend(admin_user, make_doctor, make_patient, status):
    patient = make_patient()

    with pytest.raises(ValidationFailed) as error:
        admit(admin_user, patient, make_doctor(status=status))

    assert list(error.value.fields) == ["doctor"]
    patient.refresh_from_db()
    assert (Admission.objects.count(), patient.assigned_doctor_id) == (0, None)


def test_a_future_date_is_reported_with_the_account_problems(admin_user, make_doctor, make_patient):
    with pytest.raises(ValidationFailed) as error:
        admit(
            admin_user,
            make_patient(status=AccountStatus.PENDING),
            make_doctor(),
            admitted_on=date(2026, 11, 28),
        )

    assert error.value.fields == {
        "admitted_on": ["The admission date cannot be in the future (today is 2026-11-27)."],
        "patient": [
            "This patient's account is awaiting approval; only approved patients are admitted."
        ],
    }
    assert Admission.objects.count() == 0


def test_the_database_allows_one_open_admission_per_patient(make_patient):
    first = AdmissionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        AdmissionFactory(patient=first.patient)

    assert Admission.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"discharged_on": date(2026, 11, 19)}, "admissions_discharged_on_after_admitted_on"),
        ({"status": AdmissionStatus.DISCHARGED}, "admissions_status_matches_discharge"),
        ({"discharged_on": date(2026, 11, 21)}, "admissions_status_matches_discharge"),
        ({"room_charge_per_day": Decimal("-0.01")}, "admissions_room_charge_per_day_not_negative"),
        # Both constraints refuse an unknown status; which one reports depends on the database.
        ({"status": "LOST"}, "admissions_status_(valid|matches_discharge)"),
    ],
)
def test_the_database_refuses_inconsistent_admissions(changes, constraint):
    admission = AdmissionFactory()

    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Admission.objects.filter(pk=admission.pk).update(**changes)

    admission.refresh_from_db()
    assert (admission.status, admission.discharged_on) == (AdmissionStatus.ADMITTED, None)


# --- discharge --------------------------------------------------------------------------------


def test_discharge_closes_the_admission_and_issues_the_invoice_snapshot(
    admin_user, make_doctor, make_patient
):
    doctor = make_doctor(user__first_name="Anita", user__last_name="Desai")
    patient = make_patient(
        user__first_name="Priya",
        user__last_name="Menon",
        mobile="+919845000050",
        address="10 Lake Rd",
    )
    admission = AdmissionFactory(
        patient=patient, doctor=doctor, admitted_on=date(2024, 1, 1), symptoms="Chest pain"
    )
    at = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)

    invoice = discharge(admission, actor=admin_user, discharged_on=date(2024, 1, 5), at=at)

    admission.refresh_from_db()
    assert (
        admission.status,
        admission.discharged_on,
        admission.discharged_at,
        admission.discharged_by_id,
    ) == (
        AdmissionStatus.DISCHARGED,
        date(2024, 1, 5),
        at,
        admin_user.pk,
    )
    stored = Invoice.objects.get()
    assert stored.pk == invoice.pk
    assert {
        field: getattr(stored, field)
        for field in [
            "number",
            "admission_id",
            "patient_id",
            "patient_name",
            "patient_mobile",
            "patient_address",
            "symptoms",
            "doctor_name",
            "doctor_department",
            "admitted_on",
            "discharged_on",
            "days",
            "room_charge_per_day",
            "room_charge",
            "doctor_fee",
            "medicine_cost",
            "other_charge",
            "total",
            "currency",
            "issued_at",
            "issued_by_id",
        ]
    } == {
        "number": "INV-2026-000001",
        "admission_id": admission.pk,
        "patient_id": patient.pk,
        "patient_name": "Priya Menon",
        "patient_mobile": "+919845000050",
        "patient_address": "10 Lake Rd",
        "symptoms": "Chest pain",
        "doctor_name": "Anita Desai",
        "doctor_department": "Cardiologist",
        "admitted_on": date(2024, 1, 1),
        "discharged_on": date(2024, 1, 5),
        "days": 4,
        "room_charge_per_day": Decimal("500.00"),
        "room_charge": Decimal("2000.00"),
        "doctor_fee": Decimal("1000.00"),
        "medicine_cost": Decimal("250.00"),
        "other_charge": Decimal("100.00"),
        "total": Decimal("3350.00"),
        "currency": "INR",
        "issued_at": at,
        "issued_by_id": admin_user.pk,
    }
    assert bytes(stored.pdf).startswith(b"%PDF-")
    assert list(AuditEvent.objects.order_by("id").values_list("action", "object_id")) == [
        ("admission.discharge", str(admission.pk)),
        ("invoice.issue", str(invoice.pk)),
    ]


def test_later_profile_edits_do_not_change_an_issued_invoice(admin_user, make_patient):
    admission = AdmissionFactory(
        patient=make_patient(user__first_name="Priya", user__last_name="Menon")
    )
    invoice = discharge(admission, actor=admin_user)
    pdf = bytes(invoice.pdf)

    patient = admission.patient
    patient.address = "A new address"
    patient.save()
    patient.user.first_name = "Renamed"
    patient.user.save()

    stored = Invoice.objects.get(pk=invoice.pk)
    assert (stored.patient_name, stored.patient_address, bytes(stored.pdf)) == (
        "Priya Menon",
        invoice.patient_address,
        pdf,
    )


def test_discharging_a_discharged_admission_changes_nothing(admin_user):
    admission = AdmissionFactory()
    invoice = discharge(admission, actor=admin_user)
    events = AuditEvent.objects.count()

    with pytest.raises(InvalidStateError):
        discharge(
            admission,
            actor=admin_user,
            discharged_on=date(2026, 11, 25),
            doctor_fee=Decimal("1.00"),
        )

    assert list(Invoice.objects.values_list("pk", "total")) == [(invoice.pk, Decimal("3350.00"))]
    admission.refresh_from_db()
    assert admission.discharged_on == date(2026, 11, 24)
    assert AuditEvent.objects.count() == events
    assert InvoiceNumberCounter.objects.get().last_value == 1


@pytest.mark.parametrize(
    ("discharged_on", "message"),
    [
        (
            date(2026, 11, 19),
            "The discharge date cannot be before the admission date (2026-11-20).",
        ),
        (date(2026, 11, 28), "The discharge date cannot be in the future (today is 2026-11-27)."),
    ],
)
def test_discharge_dates_are_checked(admin_user, discharged_on, message):
    admission = AdmissionFactory(admitted_on=date(2026, 11, 20))

    with pytest.raises(ValidationFailed) as error:
        discharge(admission, actor=admin_user, discharged_on=discharged_on, at=LATE_EVENING_UTC)

    assert error.value.fields == {"discharged_on": [message]}
    admission.refresh_from_db()
    assert (admission.status, Invoice.objects.count(), InvoiceNumberCounter.objects.count()) == (
        AdmissionStatus.ADMITTED,
        0,
        0,
    )


def test_discharge_defaults_to_today_and_to_the_admission_rate(admin_user):
    admission = AdmissionFactory(
        admitted_on=date(2026, 11, 20), room_charge_per_day=Decimal("750.00")
    )

    invoice = admission_discharge(
        actor=admin_user,
        admission=admission,
        discharged_on=None,
        room_charge_per_day=None,
        doctor_fee=Decimal("0.00"),
        medicine_cost=Decimal("0.00"),
        other_charge=Decimal("0.00"),
        at=LATE_EVENING_UTC,
    )

    assert (invoice.discharged_on, invoice.days, invoice.room_charge, invoice.total) == (
        date(2026, 11, 27),
        7,
        Decimal("5250.00"),
        Decimal("5250.00"),
    )


def test_discharge_without_any_daily_rate_is_refused(admin_user):
    admission = AdmissionFactory(room_charge_per_day=None)

    with pytest.raises(ValidationFailed) as error:
        discharge(admission, actor=admin_user, room_charge_per_day=None)

    assert error.value.fields == {
        "room_charge_per_day": [
            "This field is required: the admission has no default daily room rate."
        ]
    }


def test_charges_beyond_what_an_invoice_holds_are_refused(admin_user):
    admission = AdmissionFactory(admitted_on=date(1900, 1, 1))

    with pytest.raises(ValidationFailed) as error:
        discharge(admission, actor=admin_user, room_charge_per_day=Decimal("99999999.99"))

    assert list(error.value.fields) == ["non_field_errors"]
    assert Invoice.objects.count() == 0


def test_discharge_of_a_missing_admission_is_not_found(admin_user):
    with pytest.raises(NotFoundError):
        discharge(Admission(pk=424242), actor=admin_user)


def test_preview_computes_the_same_bill_and_saves_nothing(admin_user):
    admission = AdmissionFactory(admitted_on=date(2024, 1, 1))

    draft = admission_discharge_preview(
        actor=admin_user,
        admission=admission,
        discharged_on=date(2024, 1, 5),
        room_charge_per_day=Decimal("500.00"),
        doctor_fee=Decimal("1000.00"),
        medicine_cost=Decimal("250.00"),
        other_charge=Decimal("100.00"),
        at=LATE_EVENING_UTC,
    )

    assert (draft.pk, draft.number, draft.days, draft.room_charge, draft.total) == (
        None,
        "",
        4,
        Decimal("2000.00"),
        Decimal("3350.00"),
    )
    admission.refresh_from_db()
    assert admission.status == AdmissionStatus.ADMITTED
    assert (
        Invoice.objects.count(),
        InvoiceNumberCounter.objects.count(),
        AuditEvent.objects.count(),
    ) == (0, 0, 0)


def test_invoice_numbers_count_up_per_hospital_year(admin_user):
    numbers = []
    for at in [
        datetime(2026, 12, 31, 18, 0, tzinfo=UTC),  # 23:30 on the 31st in Kolkata: still 2026
        datetime(2026, 12, 31, 18, 40, tzinfo=UTC),  # 00:10 on 1 January in Kolkata: 2027
        datetime(2027, 1, 5, 6, 0, tzinfo=UTC),
    ]:
        invoice = discharge(AdmissionFactory(), actor=admin_user, at=at)
        numbers.append(invoice.number)

    assert numbers == ["INV-2026-000001", "INV-2027-000001", "INV-2027-000002"]
    assert dict(InvoiceNumberCounter.objects.values_list("year", "last_value")) == {
        2026: 1,
        2027: 2,
    }
