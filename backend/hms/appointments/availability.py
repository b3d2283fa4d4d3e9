"""Doctors' availability: the weekly template, time off, and which grid slots they leave open.

A doctor's weekly template is a set of windows (weekday, start and end wall-clock times in the
hospital's time zone), each inside the hospital's working hours. A doctor without any window
is bookable in all of the hospital's hours: the template narrows the hospital's grid, it is not
needed to book. Time off is a range of instants [starts_at, ends_at) when the doctor is away;
two time offs of one doctor never overlap (an exclusion constraint on PostgreSQL, the check in
`time_off_add` under the doctor's account lock everywhere).

Free slots of a day: the hospital's grid, within the template, minus time off, minus slots
overlapping a pending, confirmed or held appointment of the doctor (or of the patient asking).

Every change here locks the doctor's account row first, as booking does (the lock order of
hms.workflows): a booking and a change of availability for one doctor never interleave.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from itertools import pairwise

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from hms.accounts.models import User
from hms.appointments.errors import DoctorUnavailable, OutsideWorkingHours, TimeOffOverlap
from hms.appointments.models import (
    SLOT_HOLDING_STATUSES,
    Appointment,
    AvailabilityWindow,
    TimeOff,
)
from hms.appointments.slots import DAY_NAMES, Slot, SlotRules, slot_rules
from hms.audit.services import audit_record
from hms.common.errors import NotFoundError, ValidationFailed
from hms.doctors.models import Doctor
from hms.notifications.events import notify_time_off_conflicts

Range = tuple[datetime, datetime]


@dataclass(frozen=True)
class WindowSpec:
    """One window of a weekly template as sent by a client."""

    weekday: int
    start_time: time
    end_time: time


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def slot_in_template(
    slot: Slot, *, windows: Sequence[AvailabilityWindow], rules: SlotRules
) -> bool:
    """Whether a grid slot lies inside one of the template's windows (any, without a template)."""
    if not windows:
        return True
    local = slot.starts_at.astimezone(rules.tz)
    start = local.hour * 60 + local.minute
    return any(
        window.weekday == local.weekday()
        and _minutes(window.start_time) <= start
        and start + rules.slot_minutes <= _minutes(window.end_time)
        for window in windows
    )


def overlaps(slot_start: datetime, slot_end: datetime, ranges: Iterable[Range]) -> bool:
    """Whether [slot_start, slot_end) overlaps any of the half-open ranges."""
    start, end = slot_start.astimezone(UTC), slot_end.astimezone(UTC)
    return any(
        begin.astimezone(UTC) < end and start < finish.astimezone(UTC) for begin, finish in ranges
    )


def open_slots(
    slots: Iterable[Slot],
    *,
    windows: Sequence[AvailabilityWindow],
    time_off: Sequence[Range],
    busy: Sequence[Range],
    rules: SlotRules,
    at: datetime,
) -> list[Slot]:
    """Keep the slots that start after `at`, lie in the template, and touch no time off or busy
    range."""
    now = at.astimezone(UTC)
    return [
        slot
        for slot in slots
        if slot.starts_at.astimezone(UTC) > now
        and slot_in_template(slot, windows=windows, rules=rules)
        and not overlaps(slot.starts_at, slot.ends_at, time_off)
        and not overlaps(slot.starts_at, slot.ends_at, busy)
    ]


def time_off_ranges(doctor_id: int, start: datetime, end: datetime) -> list[Range]:
    """The doctor's time off overlapping [start, end)."""
    return list(
        TimeOff.objects.filter(doctor_id=doctor_id, starts_at__lt=end, ends_at__gt=start)
        .order_by("starts_at")
        .values_list("starts_at", "ends_at")
    )


def check_doctor_available(*, doctor: Doctor, starts_at: datetime, ends_at: datetime) -> None:
    """Refuse a slot outside the doctor's weekly template or inside their time off.

    Raises DoctorUnavailable saying which rule refused it.
    """
    rules = slot_rules()
    windows = list(AvailabilityWindow.objects.filter(doctor=doctor))
    slot = Slot(starts_at=starts_at, ends_at=ends_at)
    if not slot_in_template(slot, windows=windows, rules=rules):
        message = "The doctor does not see patients at this time; choose a free slot."
        raise DoctorUnavailable(message, fields={"starts_at": [message]})
    if time_off_ranges(doctor.pk, starts_at, ends_at):
        message = "The doctor is away at this time; choose a free slot."
        raise DoctorUnavailable(message, fields={"starts_at": [message]})


def _lock_doctor(doctor: Doctor) -> None:
    User.objects.select_for_update(no_key=True).filter(pk=doctor.user_id).first()


def _check_window(spec: WindowSpec, *, rules: SlotRules) -> str | None:
    start, end = _minutes(spec.start_time), _minutes(spec.end_time)
    if spec.start_time.second or spec.end_time.second or spec.start_time.microsecond:
        return "Give times as whole minutes (HH:MM)."
    if not 0 <= spec.weekday <= 6:
        return "The weekday is 0 (Monday) to 6 (Sunday)."
    if end <= start:
        return "A window must end after it starts."
    inside = any(
        spec.weekday in window.weekdays and window.opens <= start and end <= window.closes
        for window in rules.windows
    )
    if not inside:
        return (
            f"{DAY_NAMES[spec.weekday]} {_clock(start)}-{_clock(end)} is outside the hospital's "
            f"working hours ({rules.text})."
        )
    return None


def availability_set(
    *, actor: User, doctor: Doctor, windows: Sequence[WindowSpec], at: datetime
) -> list[AvailabilityWindow]:
    """Replace a doctor's weekly template with `windows` (an empty list removes it).

    Each window must lie inside the hospital's working hours on its weekday, end after it
    starts, and not overlap another window of the same day. Existing appointments are kept.
    Raises OutsideWorkingHours (a window outside hours) and ValidationFailed (overlapping or
    malformed windows), changing nothing.
    """
    rules = slot_rules()
    errors: dict[str, list[str]] = {}
    for index, spec in enumerate(windows):
        message = _check_window(spec, rules=rules)
        if message:
            errors[f"windows[{index}]"] = [message]
    if errors:
        raise OutsideWorkingHours(next(iter(errors.values()))[0], fields=errors)
    ordered = sorted(windows, key=lambda spec: (spec.weekday, spec.start_time))
    for previous, current in pairwise(ordered):
        if previous.weekday == current.weekday and current.start_time < previous.end_time:
            message = f"Windows overlap on {DAY_NAMES[current.weekday]}."
            raise ValidationFailed(message, fields={"windows": [message]})
    with transaction.atomic():
        _lock_doctor(doctor)
        AvailabilityWindow.objects.filter(doctor=doctor).delete()
        created = AvailabilityWindow.objects.bulk_create(
            AvailabilityWindow(
                doctor=doctor,
                weekday=spec.weekday,
                start_time=spec.start_time,
                end_time=spec.end_time,
            )
            for spec in ordered
        )
        audit_record(
            actor=actor,
            action="doctor.availability_set",
            object_type="doctor",
            object_id=doctor.pk,
            at=at,
        )
    return created


def availability_get(*, doctor: Doctor) -> list[AvailabilityWindow]:
    """The doctor's weekly template, by weekday and start time (empty: all hospital hours)."""
    return list(AvailabilityWindow.objects.filter(doctor=doctor).order_by("weekday", "start_time"))


def affected_appointments(*, time_off: TimeOff) -> QuerySet[Appointment]:
    """The pending, confirmed or held appointments of the doctor inside a time off."""
    return (
        Appointment.objects.filter(
            doctor_id=time_off.doctor_id,
            status__in=SLOT_HOLDING_STATUSES,
            starts_at__lt=time_off.ends_at,
            ends_at__gt=time_off.starts_at,
        )
        .select_related("patient__user", "doctor__user", "doctor__department")
        .order_by("starts_at", "id")
    )


def time_off_add(
    *,
    actor: User,
    doctor: Doctor,
    starts_at: datetime,
    ends_at: datetime,
    reason: str,
    at: datetime,
) -> TimeOff:
    """Record that `doctor` is away during [starts_at, ends_at).

    The doctor's slots in that range stop being offered or bookable at once. Appointments
    already booked there are kept: `affected_appointments` lists them for the admin to move.
    Raises ValidationFailed (the range ends before it starts, or ended already) and
    TimeOffOverlap (the doctor already has time off overlapping it), changing nothing.
    """
    if ends_at <= starts_at:
        message = "Time off must end after it starts."
        raise ValidationFailed(message, fields={"ends_at": [message]})
    if ends_at <= at:
        message = "This time off has already ended."
        raise ValidationFailed(message, fields={"ends_at": [message]})
    with transaction.atomic():
        _lock_doctor(doctor)
        if time_off_ranges(doctor.pk, starts_at, ends_at):
            raise TimeOffOverlap()
        time_off = TimeOff(
            doctor=doctor, starts_at=starts_at, ends_at=ends_at, reason=reason, created_by=actor
        )
        try:
            with transaction.atomic():
                time_off.save()
        except IntegrityError as error:
            # The exclusion constraint (PostgreSQL) refused a concurrent overlapping range.
            raise TimeOffOverlap() from error
        audit_record(
            actor=actor,
            action="doctor.time_off_add",
            object_type="time_off",
            object_id=time_off.pk,
            at=at,
        )
        notify_time_off_conflicts(
            doctor=doctor.user,
            starts_at=starts_at,
            ends_at=ends_at,
            visits=affected_appointments(time_off=time_off).count(),
            actor=actor,
            at=at,
        )
    return time_off


def time_off_remove(*, actor: User, time_off_id: int, at: datetime) -> None:
    """Delete a time off; its slots become bookable again. Raises NotFoundError."""
    with transaction.atomic():
        time_off = TimeOff.objects.select_related("doctor").filter(pk=time_off_id).first()
        if time_off is None:
            raise NotFoundError()
        _lock_doctor(time_off.doctor)
        TimeOff.objects.filter(pk=time_off.pk).delete()
        audit_record(
            actor=actor,
            action="doctor.time_off_remove",
            object_type="time_off",
            object_id=time_off_id,
            at=at,
        )


def time_off_list(*, doctor_ids: Iterable[int] | None, start: date | None) -> QuerySet[TimeOff]:
    """Time off of the given doctors (all when None) that ends on or after `start`."""
    queryset = TimeOff.objects.select_related("doctor__user").order_by("starts_at", "id")
    if doctor_ids is not None:
        queryset = queryset.filter(doctor_id__in=list(doctor_ids))
    if start is not None:
        rules = slot_rules()
        queryset = queryset.filter(Q(ends_at__gt=datetime.combine(start, time(), tzinfo=rules.tz)))
    return queryset
