"""A small hospital for permission tests, and a snapshot of everything a request could change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hms.accounts.models import AccountStatus, Role, Session, User
from hms.accounts.tests.factories import AdminFactory, UserFactory
from hms.audit.models import AuditEvent, AuditKind
from hms.doctors.models import Department, Doctor
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.models import Patient
from hms.patients.tests.factories import PatientFactory


@dataclass
class World:
    admin: User
    doctor: Doctor
    other_doctor: Doctor
    pending_doctor: Doctor
    patient: Patient
    other_patient: Patient
    pending_patient: Patient

    def user(self, caller: str) -> User | None:
        """The account behind a caller name of the matrices (None: anonymous)."""
        return {
            "anonymous": None,
            "admin": self.admin,
            "doctor": self.doctor.user,
            "patient": self.patient.user,
            "pending_doctor": self.pending_doctor.user,
            "pending_patient": self.pending_patient.user,
        }[caller]


CALLERS = ["anonymous", "admin", "doctor", "patient", "pending_doctor", "pending_patient"]


def make_doctor(username: str, first: str, last: str, status: str, department: str) -> Doctor:
    user = UserFactory(
        username=username, first_name=first, last_name=last, role=Role.DOCTOR, status=status
    )
    return DoctorFactory(user=user, department=Department.objects.get(code=department))


def make_patient(username: str, first: str, last: str, status: str, **profile: Any) -> Patient:
    user = UserFactory(
        username=username, first_name=first, last_name=last, role=Role.PATIENT, status=status
    )
    return PatientFactory(user=user, **profile)


def build_world() -> World:
    """Two approved doctors who share a first name, each with one patient, and the pending ones."""
    doctor = make_doctor("dr.asha.rao", "Asha", "Rao", AccountStatus.APPROVED, "CARDIOLOGIST")
    other = make_doctor("dr.asha.iyer", "Asha", "Iyer", AccountStatus.APPROVED, "DERMATOLOGISTS")
    pending_doctor = make_doctor(
        "dr.new", "Kiran", "Shah", AccountStatus.PENDING, "ANESTHESIOLOGISTS"
    )
    return World(
        admin=AdminFactory(username="admin.one"),
        doctor=doctor,
        other_doctor=other,
        pending_doctor=pending_doctor,
        patient=make_patient(
            "meera", "Meera", "Nair", AccountStatus.APPROVED, assigned_doctor=doctor
        ),
        other_patient=make_patient(
            "meera.k", "Meera", "Kumar", AccountStatus.APPROVED, assigned_doctor=other
        ),
        pending_patient=make_patient(
            "arun", "Arun", "Das", AccountStatus.PENDING, preferred_doctor=doctor
        ),
    )


def snapshot() -> tuple[Any, ...]:
    """Every column the doctor and patient endpoints could change, plus audit and token rows."""
    return (
        list(
            User.objects.order_by("pk").values_list(
                "pk",
                "username",
                "first_name",
                "last_name",
                "email",
                "role",
                "status",
                "is_active",
                "password",
                "status_reason",
            )
        ),
        list(
            Doctor.objects.order_by("pk").values_list(
                "pk", "user_id", "mobile", "address", "department_id", "updated_at"
            )
        ),
        list(
            Patient.objects.order_by("pk").values_list(
                "pk",
                "user_id",
                "mobile",
                "address",
                "symptoms",
                "date_of_birth",
                "preferred_doctor_id",
                "assigned_doctor_id",
                "updated_at",
            )
        ),
        # Changes only: reads write access events, refusals security events.
        AuditEvent.objects.filter(kind=AuditKind.CHANGE).count(),
        list(Session.objects.order_by("pk").values_list("pk", "ended_at", "end_reason")),
    )
