"""A small hospital with money in every situation, and a snapshot of what could change."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from pypdf import PdfReader

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import AdminFactory, UserFactory
from hms.admissions.models import Admission
from hms.admissions.tests.factories import AdmissionFactory
from hms.audit.models import AuditEvent, AuditKind
from hms.billing.models import Invoice
from hms.doctors.models import Department, Doctor
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.models import Patient
from hms.patients.tests.factories import PatientFactory
from hms.payments.models import (
    CreditNote,
    IdempotencyKey,
    InvoiceAccount,
    Payment,
    PaymentMethod,
    Refund,
)
from hms.payments.services import Charges, discharge_with_advances, invoice_void, payment_record

DISCHARGED_AT = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
CHARGES = Charges(
    discharged_on=date(2026, 11, 24),
    room_charge_per_day=Decimal("500.00"),
    doctor_fee=Decimal("1000.00"),
    medicine_cost=Decimal("250.00"),
    other_charge=Decimal("100.00"),
)  # 4 days x 500 + 1000 + 250 + 100 = 3350.00


@dataclass
class World:
    admin: User
    doctor: Doctor
    patient: Patient
    other_patient: Patient
    pending_doctor: Doctor
    pending_patient: Patient
    invoice: Invoice  # patient's, 3350.00, 1000.00 paid by `payment`
    payment: Payment
    others_invoice: Invoice  # other_patient's, unpaid
    others_void: Invoice  # other_patient's second stay, voided
    open_admission: Admission  # patient's current stay
    others_open_admission: Admission

    def user(self, caller: str) -> User | None:
        return {
            "anonymous": None,
            "admin": self.admin,
            "doctor": self.doctor.user,
            "patient": self.patient.user,
            "pending_doctor": self.pending_doctor.user,
            "pending_patient": self.pending_patient.user,
        }[caller]


CALLERS = ["anonymous", "admin", "doctor", "patient", "pending_doctor", "pending_patient"]


def person(role: str, username: str, first: str, last: str, status: str) -> User:
    return UserFactory(
        username=username, first_name=first, last_name=last, role=role, status=status
    )


def discharged(*, admin: User, patient: Patient, doctor: Doctor) -> Invoice:
    admission = AdmissionFactory(patient=patient, doctor=doctor, admitted_on=date(2026, 11, 20))
    return discharge_with_advances(
        actor=admin, admission=admission, charges=CHARGES, at=DISCHARGED_AT
    )


def build_world() -> World:
    cardiology = Department.objects.get(code="CARDIOLOGIST")
    admin = AdminFactory(username="admin.one", first_name="Hospital", last_name="Cashier")
    doctor = DoctorFactory(
        user=person(Role.DOCTOR, "dr.asha", "Asha", "Rao", AccountStatus.APPROVED),
        department=cardiology,
    )
    patient = PatientFactory(
        user=person(Role.PATIENT, "priya", "Priya", "Menon", AccountStatus.APPROVED),
        mobile="+919845000001",
        address="10 Lake View Road, Kochi",
    )
    other_patient = PatientFactory(
        user=person(Role.PATIENT, "omar", "Omar", "Haddad", AccountStatus.APPROVED)
    )
    invoice = discharged(admin=admin, patient=patient, doctor=doctor)
    payment = payment_record(
        actor=admin,
        invoice=invoice,
        amount=Decimal("1000.00"),
        method=PaymentMethod.CASH,
        reference="",
        at=datetime(2026, 11, 25, 6, 0, tzinfo=UTC),
    )
    others_invoice = discharged(admin=admin, patient=other_patient, doctor=doctor)
    others_void = discharged(admin=admin, patient=other_patient, doctor=doctor)
    invoice_void(
        actor=admin,
        invoice=others_void,
        reason="Wrong room rate",
        at=datetime(2026, 11, 25, 7, 0, tzinfo=UTC),
    )
    return World(
        admin=admin,
        doctor=doctor,
        patient=patient,
        other_patient=other_patient,
        pending_doctor=DoctorFactory(
            user=person(Role.DOCTOR, "dr.new", "Nia", "Shah", AccountStatus.PENDING),
            department=cardiology,
        ),
        pending_patient=PatientFactory(
            user=person(Role.PATIENT, "ravi", "Ravi", "Kumar", AccountStatus.PENDING)
        ),
        invoice=invoice,
        payment=payment,
        others_invoice=others_invoice,
        others_void=others_void,
        open_admission=AdmissionFactory(patient=patient, doctor=doctor),
        others_open_admission=AdmissionFactory(patient=other_patient, doctor=doctor),
    )


def snapshot() -> tuple:
    """Everything a money request could change."""
    return (
        sorted(Payment.objects.values_list("pk", "amount")),
        sorted(Refund.objects.values_list("pk", "amount")),
        sorted(CreditNote.objects.values_list("pk", "invoice_id")),
        sorted(Invoice.objects.values_list("pk", "number")),
        sorted(InvoiceAccount.objects.values_list("invoice_id", "balance", "payment_state")),
        IdempotencyKey.objects.count(),
        AuditEvent.objects.filter(kind=AuditKind.CHANGE).count(),
    )


def pdf_text(data: bytes) -> str:
    """The text of a PDF with all whitespace dropped (line wrapping must not hide a value)."""
    reader = PdfReader(io.BytesIO(bytes(data)))
    return re.sub(r"\s+", "", "\n".join(page.extract_text() for page in reader.pages))
