"""A small hospital where each person has notifications, and a snapshot of what could change."""

from __future__ import annotations

from dataclasses import dataclass

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import AdminFactory, UserFactory
from hms.appointments.tests.factories import NOW
from hms.notifications.models import Notification, NotificationPreference

CALLERS = ["anonymous", "admin", "doctor", "patient", "pending_doctor", "pending_patient"]


@dataclass
class World:
    admin: User
    doctor: User
    patient: User
    pending_doctor: User
    pending_patient: User
    patients_notification: Notification  # unread, the patient's
    doctors_notification: Notification  # unread, the doctor's

    def user(self, caller: str) -> User | None:
        return None if caller == "anonymous" else getattr(self, caller)


def _notification(user: User, kind: str) -> Notification:
    return Notification.objects.create(
        recipient=user, kind=kind, text="Something happened.", link="/x", created_at=NOW
    )


def build_world() -> World:
    admin = AdminFactory(username="meera")
    doctor = UserFactory(username="dr.asha", role=Role.DOCTOR)
    patient = UserFactory(username="priya", role=Role.PATIENT)
    pending_doctor = UserFactory(username="dr.new", role=Role.DOCTOR, status=AccountStatus.PENDING)
    pending_patient = UserFactory(username="omar", role=Role.PATIENT, status=AccountStatus.PENDING)
    _notification(admin, "APPOINTMENT_REQUESTED")
    return World(
        admin=admin,
        doctor=doctor,
        patient=patient,
        pending_doctor=pending_doctor,
        pending_patient=pending_patient,
        patients_notification=_notification(patient, "APPOINTMENT_APPROVED"),
        doctors_notification=_notification(doctor, "APPOINTMENT_REMINDER"),
    )


def snapshot() -> tuple:
    """Everything a notifications request could change."""
    return (
        sorted(Notification.objects.values_list("pk", "recipient_id", "read_at")),
        sorted(NotificationPreference.objects.values_list("user_id", "kind", "email")),
    )
