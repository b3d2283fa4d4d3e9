"""Appointment reads, each scoped to the viewer: rows that are not yours do not exist."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from hms.accounts.models import AccountStatus, Role, User
from hms.appointments.models import (
    SLOT_HOLDING_STATUSES,
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
)
from hms.appointments.slots import Slot, day_slots, local_date, local_day_bounds, slot_rules
from hms.common.errors import NotFoundError
from hms.doctors.models import Doctor


def _with_people(queryset: QuerySet[Appointment]) -> QuerySet[Appointment]:
    return queryset.select_related("patient__user", "doctor__user", "doctor__department")


def _visible_to(viewer: User) -> QuerySet[Appointment]:
    queryset = _with_people(Appointment.objects.all())
    if viewer.role == Role.ADMIN:
        return queryset
    if viewer.role == Role.DOCTOR:
        return queryset.filter(doctor__user=viewer)
    if viewer.role == Role.PATIENT:
        return queryset.filter(patient__user=viewer)
    return queryset.none()


def appointment_list(*, viewer: User, filters: Mapping[str, Any]) -> QuerySet[Appointment]:
    """List the appointments the viewer may see, filtered and ordered.

    The admin sees all; a patient their own in every status; a doctor only their own CONFIRMED
    ones, soonest first (those whose time has passed stay until the doctor completes them),
    unless `history` is true, which lists all of theirs, newest first. Filters: `status`,
    `doctor`, `patient` (ids), `date_from` / `date_to` (the hospital's calendar dates,
    inclusive), `ordering` (`starts_at` or `-starts_at`; default newest first).
    """
    queryset = _visible_to(viewer)
    doctor_default_view = viewer.role == Role.DOCTOR and not filters.get("history")
    if doctor_default_view:
        queryset = queryset.filter(status=AppointmentStatus.CONFIRMED)
    elif filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("doctor") is not None:
        queryset = queryset.filter(doctor_id=filters["doctor"])
    if filters.get("patient") is not None:
        queryset = queryset.filter(patient_id=filters["patient"])
    rules = slot_rules()
    if filters.get("date_from") is not None:
        queryset = queryset.filter(
            starts_at__gte=local_day_bounds(filters["date_from"], rules=rules)[0]
        )
    if filters.get("date_to") is not None:
        queryset = queryset.filter(
            starts_at__lt=local_day_bounds(filters["date_to"], rules=rules)[1]
        )
    ordering = filters.get("ordering") or ("starts_at" if doctor_default_view else "-starts_at")
    return queryset.order_by(ordering, ordering.replace("starts_at", "id"))


def appointment_get(*, viewer: User, appointment_id: int) -> Appointment:
    """Get one appointment the viewer may see, with its status history.

    Raises NotFoundError for a missing id and for one that is not the viewer's.
    """
    appointment = (
        _visible_to(viewer)
        .prefetch_related(
            Prefetch("events", queryset=AppointmentEvent.objects.select_related("actor"))
        )
        .filter(pk=appointment_id)
        .first()
    )
    if appointment is None:
        raise NotFoundError()
    return appointment


def slot_list(*, viewer: User, doctor_id: int, day: date, at: datetime) -> list[Slot]:
    """List a doctor's free slots on a calendar day of the hospital, in time order.

    A slot is free unless the doctor has a PENDING or CONFIRMED appointment in it (rejected and
    cancelled ones free it again). Slots that have already started are left out. Every viewer
    the role map lets in (admin, patient) sees the same slots. Raises NotFoundError for an
    unknown doctor or one whose account is not approved.
    """
    doctor = Doctor.objects.filter(pk=doctor_id, user__status=AccountStatus.APPROVED).first()
    if doctor is None:
        raise NotFoundError()
    rules = slot_rules()
    day_start, day_end = local_day_bounds(day, rules=rules)
    # Compared in UTC: aware datetimes in a daylight-saving fold do not compare across zones.
    taken = {
        starts_at.astimezone(UTC)
        for starts_at in Appointment.objects.filter(
            doctor=doctor,
            status__in=SLOT_HOLDING_STATUSES,
            starts_at__gte=day_start,
            starts_at__lt=day_end,
        ).values_list("starts_at", flat=True)
    }
    now = at.astimezone(UTC)
    return [
        slot
        for slot in day_slots(day, rules=rules)
        if slot.starts_at.astimezone(UTC) > now and slot.starts_at.astimezone(UTC) not in taken
    ]


def appointment_summary_for_admin(*, at: datetime) -> dict[str, int]:
    """Count appointments for the admin's dashboard.

    `confirmed` and `pending`: every appointment currently in that status (pending ones wait for
    a decision); `today`: confirmed or completed appointments on today's calendar date.
    """
    rules = slot_rules()
    day_start, day_end = local_day_bounds(local_date(at, rules=rules), rules=rules)
    return Appointment.objects.aggregate(
        confirmed=Count("pk", filter=Q(status=AppointmentStatus.CONFIRMED)),
        pending=Count("pk", filter=Q(status=AppointmentStatus.PENDING)),
        today=Count(
            "pk",
            filter=Q(
                status__in=[AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED],
                starts_at__gte=day_start,
                starts_at__lt=day_end,
            ),
        ),
    )


def appointment_summary_for_doctor(*, doctor_user: User, at: datetime) -> dict[str, Any]:
    """Summarise a doctor's appointments for their dashboard.

    `upcoming_confirmed`: confirmed appointments that have not ended yet; `today`: today's
    confirmed appointments in time order, with the patient (completed ones have left the list).
    """
    rules = slot_rules()
    day_start, day_end = local_day_bounds(local_date(at, rules=rules), rules=rules)
    confirmed = Appointment.objects.filter(
        doctor__user=doctor_user, status=AppointmentStatus.CONFIRMED
    )
    return {
        "upcoming_confirmed": confirmed.filter(ends_at__gt=at).count(),
        "today": list(
            confirmed.filter(starts_at__gte=day_start, starts_at__lt=day_end)
            .select_related("patient__user")
            .order_by("starts_at", "id")
        ),
    }


def appointment_summary_for_patient(*, patient_user: User, at: datetime) -> dict[str, Any]:
    """Summarise a patient's appointments for their dashboard.

    `next_appointment`: the soonest confirmed appointment that has not ended (None when there
    is none); `pending`: how many of their requests wait for the hospital's decision.
    """
    mine = _with_people(Appointment.objects.filter(patient__user=patient_user))
    return {
        "next_appointment": mine.filter(status=AppointmentStatus.CONFIRMED, ends_at__gt=at)
        .order_by("starts_at", "id")
        .first(),
        "pending": mine.filter(status=AppointmentStatus.PENDING).count(),
    }
