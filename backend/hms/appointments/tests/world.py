"""A small hospital with appointments in every situation, and a snapshot of what could change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import AdminFactory, UserFactory
from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.appointments.tests.factories import NOW, AppointmentFactory, slot
from hms.audit.models import AuditEvent, AuditKind
from hms.doctors.models import Department, Doctor
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.models import Patient
from hms.patients.tests.factories import PatientFactory

STARTED = NOW - timedelta(minutes=30)  # Thursday 09:30: a slot that has begun


@dataclass
class World:
    admin: User
    doctor: Doctor
    other_doctor: Doctor
    pending_doctor: Doctor
    patient: Patient
    other_patient: Patient
    pending_patient: Patient
    pending: Appointment  # patient with doctor, tomorrow 09:00
    confirmed: Appointment  # patient with doctor, tomorrow 09:30
    started: Appointment  # patient with doctor, confirmed, began at 09:30 today
    others_pending: Appointment  # other_patient with other_doctor, tomorrow 10:00
    others_started: Appointment  # other_patient with other_doctor, confirmed, began today

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


def build_world() -> World:
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
        mobile="+919845000001",
        address="10 Lake View Road, Kochi",
        symptoms="Chest pain on exertion",
    )
    other_patient = PatientFactory(
        user=person(Role.PATIENT, "omar", "Omar", "Haddad", AccountStatus.APPROVED),
        mobile="+919845000002",
        address="11 Lake View Road, Kochi",
        symptoms="Itchy rash",
    )
    pending_patient = PatientFactory(
        user=person(Role.PATIENT, "ravi", "Ravi", "Kumar", AccountStatus.PENDING)
    )
    return World(
        admin=AdminFactory(username="admin.one", first_name="Hospital", last_name="Admin"),
        doctor=doctor,
        other_doctor=other_doctor,
        pending_doctor=pending_doctor,
        patient=patient,
        other_patient=other_patient,
        pending_patient=pending_patient,
        pending=AppointmentFactory(
            doctor=doctor, patient=patient, starts_at=slot(0), status=AppointmentStatus.PENDING
        ),
        confirmed=AppointmentFactory(doctor=doctor, patient=patient, starts_at=slot(1)),
        started=AppointmentFactory(doctor=doctor, patient=patient, starts_at=STARTED),
        others_pending=AppointmentFactory(
            doctor=other_doctor,
            patient=other_patient,
            starts_at=slot(2),
            status=AppointmentStatus.PENDING,
        ),
        others_started=AppointmentFactory(
            doctor=other_doctor, patient=other_patient, starts_at=STARTED
        ),
    )


def snapshot() -> tuple:
    """Everything an appointment request could change."""
    return (
        sorted(Appointment.objects.values_list("pk", "status", "status_reason", "starts_at")),
        AppointmentEvent.objects.count(),
        # Changes only: reads write access events, refusals security events.
        AuditEvent.objects.filter(kind=AuditKind.CHANGE).count(),
    )
