"""The slot grid: parsing the settings, validating a start, listing a day's slots."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from hms.appointments.slots import (
    SlotRuleViolation,
    WorkingWindow,
    build_slot_rules,
    check_slot_start,
    day_slots,
    local_date,
    local_day_bounds,
    parse_working_hours,
    slot_rules,
)

IST = ZoneInfo("Asia/Kolkata")
LONDON = ZoneInfo("Europe/London")
DEFAULT = build_slot_rules("MON-SAT 09:00-17:00", 30, "Asia/Kolkata")
# Thursday 26 November 2026, 10:00 in Bengaluru.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=IST)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def violation(starts_at: datetime, rules=DEFAULT, at: datetime = NOW) -> str:
    with pytest.raises(SlotRuleViolation) as raised:
        check_slot_start(starts_at, at=at, rules=rules)
    return str(raised.value)


# --- parsing -------------------------------------------------------------------------------


def test_default_working_hours_are_monday_to_saturday_nine_to_five():
    assert DEFAULT.windows == (
        WorkingWindow(weekdays=frozenset({0, 1, 2, 3, 4, 5}), opens=540, closes=1020),
    )
    assert DEFAULT.slot_minutes == 30
    assert DEFAULT.tz.key == "Asia/Kolkata"


def test_a_comma_list_of_ranges_single_days_and_wrapping_ranges_parse():
    windows = parse_working_hours(
        "mon-fri 09:00-13:00, MON-FRI 14:00-17:00, SAT 10:00-12:00,SUN-MON 20:00-24:00",
        slot_minutes=30,
    )

    assert windows == (
        WorkingWindow(weekdays=frozenset({0, 1, 2, 3, 4}), opens=540, closes=780),
        WorkingWindow(weekdays=frozenset({0, 1, 2, 3, 4}), opens=840, closes=1020),
        WorkingWindow(weekdays=frozenset({5}), opens=600, closes=720),
        WorkingWindow(weekdays=frozenset({6, 0}), opens=1200, closes=1440),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", 'HMS_WORKING_HOURS is empty; set it like "MON-SAT 09:00-17:00".'),
        (
            "MON-SAT 9-17",
            "HMS_WORKING_HOURS: cannot read 'MON-SAT 9-17'; write each range like "
            '"MON-SAT 09:00-17:00" (several ranges separated by commas).',
        ),
        (
            "FUN-SAT 09:00-17:00",
            "HMS_WORKING_HOURS: 'FUN' is not a day; use MON, TUE, WED, THU, FRI, SAT, SUN "
            "in 'FUN-SAT 09:00-17:00'.",
        ),
        (
            "MON-SAT 09:60-17:00",
            "HMS_WORKING_HOURS: '09:60' is not a time of day (HH:MM, 00:00 to 24:00) "
            "in 'MON-SAT 09:60-17:00'.",
        ),
        (
            "MON-SAT 17:00-09:00",
            "HMS_WORKING_HOURS: 'MON-SAT 17:00-09:00' must open before it closes and be at "
            "least one slot (30 minutes) long.",
        ),
        (
            "MON-SAT 09:00-09:20",
            "HMS_WORKING_HOURS: 'MON-SAT 09:00-09:20' must open before it closes and be at "
            "least one slot (30 minutes) long.",
        ),
        (
            "MON-FRI 09:00-13:00, FRI 12:00-17:00",
            "HMS_WORKING_HOURS: ranges overlap on the same day in "
            "'MON-FRI 09:00-13:00, FRI 12:00-17:00'.",
        ),
    ],
)
def test_bad_working_hours_are_refused_with_a_clear_message(text, message):
    with pytest.raises(ImproperlyConfigured) as raised:
        build_slot_rules(text, 30, "Asia/Kolkata")
    assert str(raised.value) == message


@pytest.mark.parametrize("minutes", [0, 4, 481])
def test_slot_minutes_out_of_range_are_refused(minutes):
    with pytest.raises(ImproperlyConfigured) as raised:
        build_slot_rules("MON-SAT 09:00-17:00", minutes, "Asia/Kolkata")
    assert str(raised.value) == (
        f"HMS_SLOT_MINUTES must be between 5 and 480 minutes, got {minutes}."
    )


def test_an_unknown_time_zone_is_refused():
    with pytest.raises(ImproperlyConfigured) as raised:
        build_slot_rules("MON-SAT 09:00-17:00", 30, "Mars/Olympus_Mons")
    assert str(raised.value) == "TIME_ZONE 'Mars/Olympus_Mons' is not a known time zone."


def test_slot_rules_read_the_current_settings():
    with override_settings(
        HMS_WORKING_HOURS="SAT 10:00-12:00", HMS_SLOT_MINUTES=20, TIME_ZONE="Europe/London"
    ):
        rules = slot_rules()
    assert (rules.windows, rules.slot_minutes, rules.tz.key) == (
        (WorkingWindow(weekdays=frozenset({5}), opens=600, closes=720),),
        20,
        "Europe/London",
    )


def test_slot_rules_refuse_a_bad_setting_on_first_use():
    with (
        override_settings(HMS_WORKING_HOURS="weekdays 9 to 5"),
        pytest.raises(ImproperlyConfigured, match="HMS_WORKING_HOURS: cannot read"),
    ):
        slot_rules()


def test_the_app_refuses_to_start_with_bad_slot_settings():
    config = apps.get_app_config("appointments")
    with (
        override_settings(HMS_SLOT_MINUTES=0),
        pytest.raises(ImproperlyConfigured, match="HMS_SLOT_MINUTES must be between"),
    ):
        config.ready()
    config.ready()  # the real settings are fine


# --- checking one start time ------------------------------------------------------------------


def test_a_grid_start_inside_hours_in_the_future_is_a_slot():
    starts_at = datetime(2026, 11, 27, 9, 0, tzinfo=IST)

    assert check_slot_start(starts_at, at=NOW, rules=DEFAULT) == datetime(
        2026, 11, 27, 9, 30, tzinfo=IST
    )
    assert check_slot_start(starts_at.replace(hour=16, minute=30), at=NOW, rules=DEFAULT) == (
        datetime(2026, 11, 27, 17, 0, tzinfo=IST)
    )


def test_the_past_and_the_present_are_refused():
    message = "This time has already passed; choose a slot in the future."
    assert violation(datetime(2026, 11, 26, 9, 30, tzinfo=IST)) == message
    assert violation(NOW) == message  # strictly in the future
    assert check_slot_start(NOW + timedelta(minutes=30), at=NOW, rules=DEFAULT) == NOW + timedelta(
        hours=1
    )


def test_a_day_without_working_hours_is_refused():
    assert violation(datetime(2026, 11, 29, 10, 0, tzinfo=IST)) == (
        "The hospital takes no appointments on Sundays (working hours: MON-SAT 09:00-17:00)."
    )


@pytest.mark.parametrize(
    ("local", "message"),
    [
        ((8, 30), "08:30 on Friday is outside working hours (09:00-17:00, Asia/Kolkata time)."),
        ((17, 0), "17:00 on Friday is outside working hours (09:00-17:00, Asia/Kolkata time)."),
        ((0, 0), "00:00 on Friday is outside working hours (09:00-17:00, Asia/Kolkata time)."),
    ],
)
def test_times_outside_the_windows_are_refused(local, message):
    assert violation(datetime(2026, 11, 27, *local, tzinfo=IST)) == message


@pytest.mark.parametrize(
    ("local", "shown"),
    [((9, 10, 0), "09:10:00"), ((9, 0, 30), "09:00:30"), ((16, 59, 0), "16:59:00")],
)
def test_off_grid_times_are_refused(local, shown):
    assert violation(datetime(2026, 11, 27, *local, tzinfo=IST)) == (
        f"Appointments start every 30 minutes from 09:00; {shown} is not a slot start."
    )
    assert "slot start" in violation(
        datetime(2026, 11, 27, 9, 0, 0, 1, tzinfo=IST)
    )  # microseconds too


def test_a_slot_that_would_run_past_closing_is_refused():
    rules = build_slot_rules("MON-SAT 09:00-17:00", 45, "Asia/Kolkata")

    assert check_slot_start(datetime(2026, 11, 27, 15, 45, tzinfo=IST), at=NOW, rules=rules) == (
        datetime(2026, 11, 27, 16, 30, tzinfo=IST)
    )
    assert violation(datetime(2026, 11, 27, 16, 30, tzinfo=IST), rules=rules) == (
        "A 45-minute appointment at 16:30 would end after closing time (17:00)."
    )


def test_a_naive_start_is_refused():
    assert violation(datetime(2026, 11, 27, 9, 0)) == "The start time needs a time zone offset."


def test_the_grid_restarts_at_each_window_of_a_split_day():
    rules = build_slot_rules("MON-FRI 09:00-13:00, MON-FRI 14:15-17:00", 30, "Asia/Kolkata")

    assert check_slot_start(datetime(2026, 11, 27, 14, 15, tzinfo=IST), at=NOW, rules=rules)
    assert violation(datetime(2026, 11, 27, 13, 30, tzinfo=IST), rules=rules) == (
        "13:30 on Friday is outside working hours (09:00-13:00, 14:15-17:00, Asia/Kolkata time)."
    )
    assert violation(datetime(2026, 11, 27, 14, 0, tzinfo=IST), rules=rules) == (
        "14:00 on Friday is outside working hours (09:00-13:00, 14:15-17:00, Asia/Kolkata time)."
    )
    assert [
        slot.starts_at.strftime("%H:%M") for slot in day_slots(date(2026, 11, 27), rules=rules)
    ][7:10] == ["12:30", "14:15", "14:45"]


# --- time zones: midnight edges -------------------------------------------------------------


def test_a_start_is_judged_by_the_hospitals_wall_clock_not_by_utc():
    # Saturday 23:30 UTC is already Sunday 05:00 in Bengaluru.
    assert violation(utc(2026, 11, 28, 23, 30)) == (
        "The hospital takes no appointments on Sundays (working hours: MON-SAT 09:00-17:00)."
    )
    # Monday 03:30 UTC is Monday 09:00 in Bengaluru: the first slot.
    assert check_slot_start(utc(2026, 11, 30, 3, 30), at=NOW, rules=DEFAULT) == utc(
        2026, 11, 30, 4, 0
    )
    # Sunday 22:00 in New York is Monday 08:30 in Bengaluru: before opening.
    new_york = ZoneInfo("America/New_York")
    assert violation(datetime(2026, 11, 29, 22, 0, tzinfo=new_york)) == (
        "08:30 on Monday is outside working hours (09:00-17:00, Asia/Kolkata time)."
    )


def test_slots_up_to_midnight_and_from_midnight():
    rules = build_slot_rules("MON-SAT 00:00-24:00", 30, "Asia/Kolkata")

    # The last slot of Saturday ends at midnight, when Sunday (closed) begins.
    assert check_slot_start(datetime(2026, 11, 28, 23, 30, tzinfo=IST), at=NOW, rules=rules) == (
        datetime(2026, 11, 29, 0, 0, tzinfo=IST)
    )
    assert "on Sundays" in violation(datetime(2026, 11, 29, 0, 0, tzinfo=IST), rules=rules)
    assert check_slot_start(datetime(2026, 11, 30, 0, 0, tzinfo=IST), at=NOW, rules=rules)

    saturday = day_slots(date(2026, 11, 28), rules=rules)
    assert len(saturday) == 48
    assert (saturday[0].starts_at, saturday[-1].ends_at) == (
        utc(2026, 11, 27, 18, 30),
        utc(2026, 11, 28, 18, 30),
    )
    assert day_slots(date(2026, 11, 29), rules=rules) == []


def test_local_day_bounds_and_dates_follow_the_hospital_time_zone():
    assert local_day_bounds(date(2026, 11, 28), rules=DEFAULT) == (
        utc(2026, 11, 27, 18, 30),
        utc(2026, 11, 28, 18, 30),
    )
    assert local_date(utc(2026, 11, 27, 18, 29), rules=DEFAULT) == date(2026, 11, 27)
    assert local_date(utc(2026, 11, 27, 18, 30), rules=DEFAULT) == date(2026, 11, 28)


# --- time zones: daylight saving (Europe/London: 29 March and 25 October 2026) ---------------

LONDON_DAYTIME = build_slot_rules("MON-SAT 09:00-17:00", 30, "Europe/London")
LONDON_ALL_DAY = build_slot_rules("MON-SUN 00:00-24:00", 30, "Europe/London")
BEFORE_SPRING = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)


def test_opening_time_stays_nine_on_the_wall_clock_across_the_change():
    # Saturday before the change: 09:00 GMT is 09:00 UTC.
    assert check_slot_start(utc(2026, 3, 28, 9, 0), at=BEFORE_SPRING, rules=LONDON_DAYTIME)
    assert violation(utc(2026, 3, 28, 8, 0), rules=LONDON_DAYTIME, at=BEFORE_SPRING) == (
        "08:00 on Saturday is outside working hours (09:00-17:00, Europe/London time)."
    )
    # Monday after the change: 09:00 BST is 08:00 UTC.
    assert check_slot_start(utc(2026, 3, 30, 8, 0), at=BEFORE_SPRING, rules=LONDON_DAYTIME) == (
        utc(2026, 3, 30, 8, 30)
    )
    assert violation(utc(2026, 3, 30, 16, 30), rules=LONDON_DAYTIME, at=BEFORE_SPRING) == (
        "17:30 on Monday is outside working hours (09:00-17:00, Europe/London time)."
    )
    monday = day_slots(date(2026, 3, 30), rules=LONDON_DAYTIME)
    assert (len(monday), monday[0].starts_at, monday[-1].ends_at) == (
        16,
        utc(2026, 3, 30, 8, 0),
        utc(2026, 3, 30, 16, 0),
    )


def test_the_skipped_spring_hour_offers_no_slots():
    day = day_slots(date(2026, 3, 29), rules=LONDON_ALL_DAY)

    assert len(day) == 46  # a 23-hour day
    assert [slot.starts_at.isoformat() for slot in day[1:4]] == [
        "2026-03-29T00:30:00+00:00",
        "2026-03-29T02:00:00+01:00",
        "2026-03-29T02:30:00+01:00",
    ]
    # Back to back: every slot ends exactly when the next one starts.
    assert all(a.ends_at == b.starts_at for a, b in itertools.pairwise(day))
    # 01:00 UTC reads 02:00 BST on the wall clock: a slot.
    assert check_slot_start(utc(2026, 3, 29, 1, 0), at=BEFORE_SPRING, rules=LONDON_ALL_DAY)


def test_the_repeated_autumn_hour_offers_its_slots_twice():
    day = day_slots(date(2026, 10, 25), rules=LONDON_ALL_DAY)

    assert len(day) == 50  # a 25-hour day
    assert [slot.starts_at.isoformat() for slot in day[2:6]] == [
        "2026-10-25T01:00:00+01:00",
        "2026-10-25T01:30:00+01:00",
        "2026-10-25T01:00:00+00:00",
        "2026-10-25T01:30:00+00:00",
    ]
    assert all(a.ends_at == b.starts_at for a, b in itertools.pairwise(day))
    at = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
    # Both 01:00s are bookable: 00:00 UTC (BST) and 01:00 UTC (GMT).
    assert check_slot_start(utc(2026, 10, 25, 0, 0), at=at, rules=LONDON_ALL_DAY)
    assert check_slot_start(utc(2026, 10, 25, 1, 0), at=at, rules=LONDON_ALL_DAY)
