"""Demo appointments around today, in every status, on the hospital's slot grid.

Each appointment goes through the real services with a clock set back in time (`at` is a
parameter), so its history reads like a real one: booked, then approved, rejected, cancelled
or completed. Idempotent: an appointment whose demo reason already exists is not booked again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction

from hms.accounts.models import AccountStatus, User
from hms.appointments.models import Appointment, AppointmentStatus
from hms.appointments.services import (
    appointment_approve,
    appointment_book,
    appointment_cancel,
    appointment_complete,
    appointment_reject,
)
from hms.appointments.slots import Slot, day_slots, local_date, slot_rules
from hms.doctors.models import Doctor
from hms.patients.models import Patient

S = AppointmentStatus


@dataclass(frozen=True)
class DemoAppointment:
    patient: str  # username
    doctor: str  # username
    working_day: int  # 0: today, 1: the next working day, -1: the previous one, ...
    slot: int  # index of the slot on that day
    status: str
    booked_by_admin: bool
    reason: str
    status_reason: str = ""


DEMO_APPOINTMENTS = [
    DemoAppointment("priya", "dr.anita", 1, 2, S.PENDING, False, "Follow-up on chest pain"),
    DemoAppointment("arav", "dr.rahul", 1, 4, S.PENDING, False, "Rash has spread to the neck"),
    DemoAppointment("omar", "dr.fatima", 1, 1, S.CONFIRMED, True, "Ankle review after the fall"),
    DemoAppointment("mei", "dr.wei", 2, 3, S.CONFIRMED, False, "Allergy test results"),
    DemoAppointment("omar", "dr.anita", 0, 12, S.CONFIRMED, True, "Blood pressure check"),
    DemoAppointment(
        "john",
        "dr.samuel",
        2,
        5,
        S.REJECTED,
        False,
        "Questions before the operation",
        "Dr. Okafor is in theatre that morning; please choose an afternoon slot.",
    ),
    DemoAppointment(
        "sara",
        "dr.lucia",
        3,
        0,
        S.CANCELLED,
        False,
        "Abdominal pain, second opinion",
        "Travelling that week.",
    ),
    DemoAppointment("sara", "dr.lucia", -1, 2, S.COMPLETED, True, "Abdominal pain"),
    DemoAppointment("priya", "dr.anita", -2, 6, S.COMPLETED, False, "Chest pain on exertion"),
    # Attended yesterday, not yet marked completed: it waits at the top of the doctor's list.
    DemoAppointment("arav", "dr.rahul", -1, 7, S.CONFIRMED, True, "Itchy rash on both arms"),
]


def _working_day(today: date, offset: int) -> list[Slot]:
    """The slots of the offset-th working day from today (0: today, even if it is closed)."""
    rules = slot_rules()
    if offset == 0:
        return day_slots(today, rules=rules)
    step = 1 if offset > 0 else -1
    day, remaining = today, abs(offset)
    while True:
        day += timedelta(days=step)
        slots = day_slots(day, rules=rules)
        if slots:
            remaining -= 1
            if remaining == 0:
                return slots


def _book(
    plan: DemoAppointment, *, admin: User, doctor: Doctor, patient: Patient, at: datetime
) -> None:
    slots = _working_day(local_date(at, rules=slot_rules()), plan.working_day)
    if plan.slot >= len(slots):
        return
    starts_at = slots[plan.slot].starts_at
    # Today's slot may already be over when the demo is loaded in the evening: then skip it.
    if starts_at <= at and plan.status != S.COMPLETED and plan.working_day >= 0:
        return
    # Requested yesterday; past visits were requested a few days before they took place.
    booked_at = at - timedelta(days=1) if starts_at > at else starts_at - timedelta(days=3)
    appointment = appointment_book(
        actor=admin if plan.booked_by_admin else patient.user,
        patient=patient,
        doctor=doctor,
        starts_at=starts_at,
        reason=plan.reason,
        at=booked_at,
    )
    decided_at = booked_at + timedelta(hours=4)
    if plan.status in {S.CONFIRMED, S.COMPLETED} and not plan.booked_by_admin:
        appointment_approve(actor=admin, appointment=appointment, at=decided_at)
    elif plan.status == S.REJECTED:
        appointment_reject(
            actor=admin, appointment=appointment, reason=plan.status_reason, at=decided_at
        )
    elif plan.status == S.CANCELLED:
        appointment_cancel(
            actor=patient.user, appointment=appointment, reason=plan.status_reason, at=decided_at
        )
    if plan.status == S.COMPLETED:
        appointment_complete(
            actor=doctor.user, appointment=appointment, at=starts_at + timedelta(minutes=25)
        )


def seed(*, at: datetime) -> list[str]:
    """Book the demo appointments that do not exist yet; no new logins to print."""
    admin = User.objects.filter(username__iexact="admin").first()
    if admin is None:
        return []
    with transaction.atomic():
        for plan in DEMO_APPOINTMENTS:
            patient = Patient.objects.filter(
                user__username__iexact=plan.patient, user__status=AccountStatus.APPROVED
            ).first()
            doctor = Doctor.objects.filter(
                user__username__iexact=plan.doctor, user__status=AccountStatus.APPROVED
            ).first()
            if patient is None or doctor is None:
                continue
            if Appointment.objects.filter(
                patient=patient, doctor=doctor, reason=plan.reason
            ).exists():
                continue
            _book(plan, admin=admin, doctor=doctor, patient=patient, at=at)
    return []
