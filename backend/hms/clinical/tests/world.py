"""A small hospital with clinical documents in every state, and a snapshot of what could change.

`doctor` treats `patient` (assigned, their appointments, their stay); `other_doctor` treats
`other_patient`. Each document below exists in the state its name says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import AdminFactory, UserFactory
from hms.admissions.models import Admission
from hms.admissions.tests.factories import AdmissionFactory
from hms.appointments.models import Appointment, AppointmentStatus
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.audit.models import AuditEvent, AuditKind
from hms.clinical.models import (
    Addendum,
    DischargeSummary,
    Icd10Code,
    Prescription,
    PrescriptionLine,
    ProgressNote,
    VisitNote,
    Vitals,
)
from hms.clinical.services import (
    discharge_summary_create,
    discharge_summary_sign,
    progress_note_create,
    progress_note_sign,
    visit_note_create,
    visit_note_sign,
)
from hms.doctors.models import Department, Doctor
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.models import Patient
from hms.patients.tests.factories import PatientFactory

STARTED = NOW - timedelta(minutes=30)  # Thursday 09:30: a visit that has begun
EARLIER = NOW - timedelta(days=2)  # Tuesday 10:00: a visit attended two days ago

LINE = {
    "medicine": "Aspirin",
    "strength": "75 mg",
    "dose": "1 tablet",
    "route": "ORAL",
    "frequency": "once a day",
    "duration_days": 30,
    "instructions": "After breakfast",
}
VITALS = {"systolic_mmhg": 142, "diastolic_mmhg": 91, "pulse_per_min": 88, "spo2_percent": 97}
NOTE = {
    "chief_complaint": "Chest pain on exertion",
    "findings": "Mild tachycardia",
    "diagnosis": "Stable angina",
    "icd10_code": "",
    "plan": "ECG, lipid profile",
}
SUMMARY = {
    "diagnosis": "NSTEMI",
    "icd10_code": "I21.4",
    "course_in_hospital": "Admitted with chest pain; stented on day 2.",
    "procedures": "PCI to LAD",
    "medicines_to_continue": "Aspirin 75 mg once a day",
    "advice": "No heavy lifting for 6 weeks",
    "follow_up_on": date(2026, 12, 10),
}

# The ICD-10 codes the clinical tests search and write.
CODES = {
    "I10": "Essential (primary) hypertension",
    "I21.4": "Non-ST elevation (NSTEMI) myocardial infarction",
    "E11.9": "Type 2 diabetes mellitus without complications",
    "R07.9": "Chest pain, unspecified",
}


@dataclass
class World:
    admin: User
    doctor: Doctor
    other_doctor: Doctor
    pending_doctor: Doctor
    patient: Patient
    other_patient: Patient
    pending_patient: Patient
    started: Appointment  # patient with doctor, confirmed, began at 09:30 today, no note yet
    future: Appointment  # patient with doctor, confirmed, tomorrow
    draft_note: VisitNote  # doctor's draft on an appointment that began today at 09:00
    signed_note: VisitNote  # doctor's signed note (with a prescription) two days ago
    others_note: VisitNote  # other_doctor's signed note of other_patient
    stay: Admission  # patient's open stay under doctor
    others_stay: Admission  # other_patient's open stay under other_doctor
    draft_progress: ProgressNote
    signed_progress: ProgressNote
    draft_summary: DischargeSummary  # of `stay`
    signed_summary: DischargeSummary  # of other_patient's stay, by other_doctor

    def user(self, caller: str) -> User | None:
        return {
            "anonymous": None,
            "admin": self.admin,
            "doctor": self.doctor.user,
            "other_doctor": self.other_doctor.user,
            "patient": self.patient.user,
            "other_patient": self.other_patient.user,
            "pending_doctor": self.pending_doctor.user,
        }[caller]


CALLERS = [
    "anonymous",
    "admin",
    "doctor",
    "other_doctor",
    "patient",
    "other_patient",
    "pending_doctor",
]


def person(role: str, username: str, first: str, last: str, status: str) -> User:
    return UserFactory(
        username=username, first_name=first, last_name=last, role=role, status=status
    )


def build_world() -> World:
    Icd10Code.objects.bulk_create(
        [Icd10Code(code=c, description=d) for c, d in CODES.items()], ignore_conflicts=True
    )
    cardiology = Department.objects.get(code="CARDIOLOGIST")
    doctor = DoctorFactory(
        user=person(Role.DOCTOR, "dr.asha", "Asha", "Rao", AccountStatus.APPROVED),
        department=cardiology,
    )
    other_doctor = DoctorFactory(
        user=person(Role.DOCTOR, "dr.ben", "Ben", "Okafor", AccountStatus.APPROVED),
        department=Department.objects.get(code="DERMATOLOGISTS"),
    )
    pending_doctor = DoctorFactory(
        user=person(Role.DOCTOR, "dr.new", "Nia", "Shah", AccountStatus.PENDING),
        department=cardiology,
    )
    patient = PatientFactory(
        user=person(Role.PATIENT, "priya", "Priya", "Menon", AccountStatus.APPROVED),
        assigned_doctor=doctor,
    )
    other_patient = PatientFactory(
        user=person(Role.PATIENT, "omar", "Omar", "Haddad", AccountStatus.APPROVED),
        assigned_doctor=other_doctor,
    )
    pending_patient = PatientFactory(
        user=person(Role.PATIENT, "ravi", "Ravi", "Kumar", AccountStatus.PENDING)
    )
    admin = AdminFactory(username="admin.one", first_name="Hospital", last_name="Admin")
    started = AppointmentFactory(doctor=doctor, patient=patient, starts_at=STARTED)
    future = AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(1))
    drafted = AppointmentFactory(doctor=doctor, patient=patient, starts_at=NOW - timedelta(hours=1))
    attended = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=EARLIER, status=AppointmentStatus.COMPLETED
    )
    others = AppointmentFactory(
        doctor=other_doctor, patient=other_patient, starts_at=EARLIER + timedelta(minutes=30)
    )

    draft_note = visit_note_create(
        actor=doctor.user, appointment=drafted, fields=NOTE, vitals=VITALS, lines=[LINE], at=NOW
    )
    signed_note = visit_note_create(
        actor=doctor.user,
        appointment=attended,
        fields={**NOTE, "icd10_code": "I10"},
        vitals=VITALS,
        lines=[LINE],
        at=EARLIER,
    )
    visit_note_sign(actor=doctor.user, visit_note=signed_note, at=EARLIER)
    others_note = visit_note_create(
        actor=other_doctor.user,
        appointment=others,
        fields=NOTE,
        vitals=None,
        lines=[LINE],
        at=EARLIER + timedelta(hours=1),
    )
    visit_note_sign(
        actor=other_doctor.user, visit_note=others_note, at=EARLIER + timedelta(hours=1)
    )

    stay = AdmissionFactory(patient=patient, doctor=doctor, admitted_on=date(2026, 11, 20))
    others_stay = AdmissionFactory(
        patient=other_patient, doctor=other_doctor, admitted_on=date(2026, 11, 20)
    )
    draft_progress = progress_note_create(
        actor=doctor.user, admission=stay, text="Comfortable overnight.", at=EARLIER
    )
    signed_progress = progress_note_create(
        actor=doctor.user, admission=stay, text="Afebrile, walking.", at=EARLIER
    )
    progress_note_sign(actor=doctor.user, progress_note=signed_progress, at=EARLIER)
    draft_summary = discharge_summary_create(
        actor=doctor.user, admission=stay, fields=SUMMARY, at=NOW
    )
    signed_summary = discharge_summary_create(
        actor=other_doctor.user, admission=others_stay, fields=SUMMARY, at=EARLIER
    )
    discharge_summary_sign(actor=other_doctor.user, discharge_summary=signed_summary, at=EARLIER)
    return World(
        admin=admin,
        doctor=doctor,
        other_doctor=other_doctor,
        pending_doctor=pending_doctor,
        patient=patient,
        other_patient=other_patient,
        pending_patient=pending_patient,
        started=started,
        future=future,
        draft_note=draft_note,
        signed_note=VisitNote.objects.get(pk=signed_note.pk),
        others_note=VisitNote.objects.get(pk=others_note.pk),
        stay=stay,
        others_stay=others_stay,
        draft_progress=draft_progress,
        signed_progress=signed_progress,
        draft_summary=draft_summary,
        signed_summary=signed_summary,
    )


def snapshot() -> tuple:
    """Everything a clinical request could change."""
    return (
        sorted(
            VisitNote.objects.values_list(
                "pk", "status", "updated_at", "chief_complaint", "diagnosis", "icd10_code"
            )
        ),
        sorted(Prescription.objects.values_list("pk", "status", "pdf_sha256", "updated_at")),
        sorted(
            PrescriptionLine.objects.values_list("prescription", "position", "medicine", "dose")
        ),
        sorted(ProgressNote.objects.values_list("pk", "status", "text", "updated_at")),
        sorted(DischargeSummary.objects.values_list("pk", "status", "diagnosis", "pdf_sha256")),
        sorted(Vitals.objects.values_list("pk", "systolic_mmhg", "pulse_per_min")),
        sorted(Addendum.objects.values_list("pk", "text")),
        sorted(Admission.objects.values_list("pk", "status")),
        # Changes only: reads write access events, refusals security events.
        AuditEvent.objects.filter(kind=AuditKind.CHANGE).count(),
    )


def refusal(response: Any, status: int, code: str, fields: set[str] | None = None) -> None:
    """Assert a coded refusal: the status, the error code and, when given, the fields named."""
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code
    if fields is not None:
        assert set(body["fields"]) == fields
