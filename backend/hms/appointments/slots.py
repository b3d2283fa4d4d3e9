"""The appointment slot grid: working hours, slot length and time zone, as pure functions.

The hospital configures three settings:

- `HMS_WORKING_HOURS`: one or more comma-separated ranges such as `"MON-SAT 09:00-17:00"` or
  `"MON-FRI 09:00-17:00, SAT 09:00-13:00"`. A range names one day (`SAT`) or a run of days
  (`MON-FRI`, which may wrap: `SAT-MON`), then an opening and a closing wall-clock time. `24:00`
  closes at midnight. A window never crosses midnight; use two ranges for night shifts.
- `HMS_SLOT_MINUTES`: the fixed length of an appointment (default 30).
- `TIME_ZONE`: the hospital's time zone; working hours are wall-clock times there.

Slots start at each window's opening time and every slot length after it; a slot must end by
the closing time. On a daylight-saving day, wall-clock times that do not exist (the hour skipped
in spring) offer no slot, and the hour that repeats in autumn offers its slots twice (they are
different instants). A bad setting raises ImproperlyConfigured with a message naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DAY_NAMES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
_DAY_LABELS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RANGE = re.compile(
    r"^(?P<first>[A-Z]{3})(?:-(?P<last>[A-Z]{3}))?\s+"
    r"(?P<opens>\d{2}:\d{2})\s*-\s*(?P<closes>\d{2}:\d{2})$"
)


@dataclass(frozen=True)
class WorkingWindow:
    """Opening hours on some weekdays, as minutes after local midnight: [opens, closes)."""

    weekdays: frozenset[int]  # 0 = Monday ... 6 = Sunday, as in date.weekday()
    opens: int
    closes: int


@dataclass(frozen=True)
class SlotRules:
    """Everything needed to place and validate appointment slots."""

    windows: tuple[WorkingWindow, ...]
    slot_minutes: int
    tz: ZoneInfo
    text: str  # the working hours as configured, for messages

    @property
    def length(self) -> timedelta:
        return timedelta(minutes=self.slot_minutes)


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime


class SlotRuleViolation(ValueError):
    """A start time that is not a bookable slot; the message says why, for people."""


def _parse_clock(text: str, *, setting_text: str) -> int:
    hours, minutes = (int(part) for part in text.split(":"))
    if minutes >= 60 or hours > 24 or (hours == 24 and minutes != 0):
        raise ImproperlyConfigured(
            f"HMS_WORKING_HOURS: {text!r} is not a time of day (HH:MM, 00:00 to 24:00) "
            f"in {setting_text!r}."
        )
    return hours * 60 + minutes


def _parse_days(first: str, last: str | None, *, setting_text: str) -> frozenset[int]:
    for name in (first, last):
        if name is not None and name not in DAY_NAMES:
            raise ImproperlyConfigured(
                f"HMS_WORKING_HOURS: {name!r} is not a day; use {', '.join(DAY_NAMES)} "
                f"in {setting_text!r}."
            )
    start = DAY_NAMES.index(first)
    end = DAY_NAMES.index(last) if last is not None else start
    span = (end - start) % 7
    return frozenset((start + offset) % 7 for offset in range(span + 1))


def parse_working_hours(text: str, *, slot_minutes: int) -> tuple[WorkingWindow, ...]:
    """Parse HMS_WORKING_HOURS into windows; every window must fit at least one slot.

    Raises ImproperlyConfigured naming the setting and the part that is wrong.
    """
    if not text.strip():
        raise ImproperlyConfigured('HMS_WORKING_HOURS is empty; set it like "MON-SAT 09:00-17:00".')
    windows: list[WorkingWindow] = []
    for part in text.split(","):
        match = _RANGE.match(part.strip().upper())
        if match is None:
            raise ImproperlyConfigured(
                f"HMS_WORKING_HOURS: cannot read {part.strip()!r}; write each range like "
                f'"MON-SAT 09:00-17:00" (several ranges separated by commas).'
            )
        weekdays = _parse_days(match["first"], match["last"], setting_text=text)
        opens = _parse_clock(match["opens"], setting_text=text)
        closes = _parse_clock(match["closes"], setting_text=text)
        if closes - opens < slot_minutes:
            raise ImproperlyConfigured(
                f"HMS_WORKING_HOURS: {part.strip()!r} must open before it closes and be at least "
                f"one slot ({slot_minutes} minutes) long."
            )
        windows.append(WorkingWindow(weekdays=weekdays, opens=opens, closes=closes))
    for index, window in enumerate(windows):
        for other in windows[index + 1 :]:
            if window.weekdays & other.weekdays and (
                window.opens < other.closes and other.opens < window.closes
            ):
                raise ImproperlyConfigured(
                    f"HMS_WORKING_HOURS: ranges overlap on the same day in {text!r}."
                )
    return tuple(windows)


@lru_cache(maxsize=8)
def build_slot_rules(working_hours: str, slot_minutes: int, time_zone: str) -> SlotRules:
    """Validate the three settings and combine them. Raises ImproperlyConfigured."""
    if not 5 <= slot_minutes <= 8 * 60:
        raise ImproperlyConfigured(
            f"HMS_SLOT_MINUTES must be between 5 and 480 minutes, got {slot_minutes}."
        )
    try:
        tz = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ImproperlyConfigured(f"TIME_ZONE {time_zone!r} is not a known time zone.") from error
    return SlotRules(
        windows=parse_working_hours(working_hours, slot_minutes=slot_minutes),
        slot_minutes=slot_minutes,
        tz=tz,
        text=working_hours.strip(),
    )


def slot_rules() -> SlotRules:
    """The slot rules of the current settings (cached per distinct setting values)."""
    return build_slot_rules(
        settings.HMS_WORKING_HOURS, int(settings.HMS_SLOT_MINUTES), settings.TIME_ZONE
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def check_slot_start(starts_at: datetime, *, at: datetime, rules: SlotRules) -> datetime:
    """Check that `starts_at` is a bookable slot start strictly after `at`; return the slot end.

    The start, read as wall-clock time in the hospital's time zone, must fall on a working day,
    inside a window, on the grid (a whole number of slots after the window opens, with no
    seconds) and leave room for a whole slot before closing. Raises SlotRuleViolation whose
    message says which rule failed.
    """
    if starts_at.tzinfo is None:
        raise SlotRuleViolation("The start time needs a time zone offset.")
    if starts_at <= at:
        raise SlotRuleViolation("This time has already passed; choose a slot in the future.")
    local = starts_at.astimezone(rules.tz)
    weekday = local.weekday()
    day_windows = [window for window in rules.windows if weekday in window.weekdays]
    if not day_windows:
        raise SlotRuleViolation(
            f"The hospital takes no appointments on {_DAY_LABELS[weekday]}s "
            f"(working hours: {rules.text})."
        )
    minute = local.hour * 60 + local.minute
    window = next((w for w in day_windows if w.opens <= minute < w.closes), None)
    if window is None:
        hours = ", ".join(f"{_clock(w.opens)}-{_clock(w.closes)}" for w in day_windows)
        raise SlotRuleViolation(
            f"{_clock(minute)} on {_DAY_LABELS[weekday]} is outside working hours ({hours}, "
            f"{rules.tz.key} time)."
        )
    if local.second or local.microsecond or (minute - window.opens) % rules.slot_minutes:
        raise SlotRuleViolation(
            f"Appointments start every {rules.slot_minutes} minutes from "
            f"{_clock(window.opens)}; {local:%H:%M:%S} is not a slot start."
        )
    if minute + rules.slot_minutes > window.closes:
        raise SlotRuleViolation(
            f"A {rules.slot_minutes}-minute appointment at {_clock(minute)} would end after "
            f"closing time ({_clock(window.closes)})."
        )
    return starts_at + rules.length


def _instants(day: date, minute: int, tz: ZoneInfo) -> list[datetime]:
    """The real instants at which the wall clock shows `minute` on `day` (0, 1 or 2 of them)."""
    naive = datetime.combine(day, time()) + timedelta(minutes=minute)
    found: list[datetime] = []
    for fold in (0, 1):
        candidate = naive.replace(tzinfo=tz, fold=fold)
        instant = candidate.astimezone(UTC)
        # A wall-clock time skipped by a daylight-saving jump does not round-trip.
        if instant.astimezone(tz).replace(tzinfo=None) != naive:
            continue
        if instant not in found:
            found.append(instant)
    return found


def day_slots(day: date, *, rules: SlotRules) -> list[Slot]:
    """List every slot of a local calendar day in time order, ignoring bookings and the clock."""
    weekday = day.weekday()
    starts: list[datetime] = []
    for window in rules.windows:
        if weekday not in window.weekdays:
            continue
        for minute in range(
            window.opens, window.closes - rules.slot_minutes + 1, rules.slot_minutes
        ):
            starts.extend(_instants(day, minute, rules.tz))
    return [
        Slot(
            starts_at=start.astimezone(rules.tz),
            ends_at=(start + rules.length).astimezone(rules.tz),
        )
        for start in sorted(starts)
    ]


def local_day_bounds(day: date, *, rules: SlotRules) -> tuple[datetime, datetime]:
    """The instants where a local calendar day begins and the next one begins: [start, end)."""
    start = datetime.combine(day, time(), tzinfo=rules.tz)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=rules.tz)
    return start, end


def local_date(instant: datetime, *, rules: SlotRules) -> date:
    """The hospital's calendar date at an instant."""
    return instant.astimezone(rules.tz).date()
