"""Slot math as a newsroom in Berlin sees it, including both daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.digest.schedule import ScheduleError, parse_schedule, parse_schedule_text


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_daily_follows_berlin_wall_clock_in_winter_and_summer() -> None:
    schedule = parse_schedule_text("daily 08:00 Europe/Berlin")
    assert schedule.next_after(utc(2026, 1, 15, 12)) == utc(2026, 1, 16, 7)  # CET, UTC+1
    assert schedule.next_after(utc(2026, 7, 15, 12)) == utc(2026, 7, 16, 6)  # CEST, UTC+2


def test_slots_across_spring_forward_keep_local_time() -> None:
    schedule = parse_schedule_text("daily 08:00 Europe/Berlin")
    slots = list(schedule.slots_between(utc(2026, 3, 27, 12), utc(2026, 3, 31, 12)))
    assert slots == [
        utc(2026, 3, 28, 7), utc(2026, 3, 29, 6), utc(2026, 3, 30, 6), utc(2026, 3, 31, 6)
    ]  # fmt: skip
    assert all(s.astimezone(schedule.zone).hour == 8 for s in slots)


def test_nonexistent_local_time_fires_when_the_clock_jumps() -> None:
    # 29 Mar 2026: Berlin clocks jump from 02:00 CET to 03:00 CEST; 02:30 does not exist.
    schedule = parse_schedule_text("daily 02:30 Europe/Berlin")
    slots = list(schedule.slots_between(utc(2026, 3, 28, 0), utc(2026, 3, 30, 12)))
    assert slots == [utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 0), utc(2026, 3, 30, 0, 30)]
    assert slots[1].astimezone(schedule.zone).strftime("%H:%M %Z") == "03:00 CEST"


def test_ambiguous_local_time_fires_once_at_first_occurrence() -> None:
    # 25 Oct 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice.
    schedule = parse_schedule_text("daily 02:30 Europe/Berlin")
    slots = list(schedule.slots_between(utc(2026, 10, 24, 12), utc(2026, 10, 26, 12)))
    assert slots == [utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]
    assert slots[0].astimezone(schedule.zone).strftime("%H:%M %Z") == "02:30 CEST"


@pytest.mark.parametrize(
    ("start", "end"),
    [(utc(2026, 3, 28, 20), utc(2026, 3, 29, 6)), (utc(2026, 10, 24, 20), utc(2026, 10, 25, 6))],
    ids=["spring", "autumn"],
)
def test_hourly_slots_are_unique_and_increasing_across_dst(start: datetime, end: datetime) -> None:
    schedule = parse_schedule_text("hourly Europe/Berlin")
    slots = list(schedule.slots_between(start, end))
    assert slots == sorted(set(slots))
    local_hours = [s.astimezone(schedule.zone).hour for s in slots]
    assert len(local_hours) == len(set(local_hours))  # no wall-clock hour posted twice


def test_weekdays_skip_the_weekend() -> None:
    schedule = parse_schedule_text("weekdays 07:30 Europe/Berlin")
    friday = utc(2026, 11, 27, 7)  # after Friday's 06:30 UTC slot
    assert schedule.next_after(friday) == utc(2026, 11, 30, 6, 30)  # Monday


def test_cron_matches_the_equivalent_weekday_schedule() -> None:
    cron = parse_schedule_text('cron "0 8 * * 1-5" Europe/Berlin')
    weekdays = parse_schedule_text("weekdays 08:00 Europe/Berlin")
    start, end = utc(2026, 3, 20), utc(2026, 4, 10)
    assert list(cron.slots_between(start, end)) == list(weekdays.slots_between(start, end))


def test_every_two_hours_is_on_even_local_hours() -> None:
    schedule = parse_schedule_text("every 2h Europe/Berlin")
    slots = list(schedule.slots_between(utc(2026, 11, 25, 0), utc(2026, 11, 25, 6)))
    assert [s.astimezone(schedule.zone).hour for s in slots] == [2, 4, 6]


def test_last_slot_at_or_before_includes_the_slot_itself() -> None:
    schedule = parse_schedule_text("daily 08:00 Europe/Berlin")
    assert schedule.last_at_or_before(utc(2026, 11, 25, 7)) == utc(2026, 11, 25, 7)
    assert schedule.last_at_or_before(utc(2026, 11, 25, 6, 59)) == utc(2026, 11, 24, 7)


def test_tz_database_names_without_a_slash_are_timezones_not_keywords() -> None:
    schedule, rest = parse_schedule(["daily", "08:00", "CET", "netflix"])
    assert schedule.timezone == "CET" and rest == ["netflix"]


def test_timezone_defaults_to_utc_and_leftovers_are_returned() -> None:
    schedule, rest = parse_schedule(["daily", "8:05", "lang:de", "top", "3"])
    assert (schedule.kind, schedule.expr, schedule.timezone) == ("daily", "08:05", "UTC")
    assert rest == ["lang:de", "top", "3"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("daily 25:00", "24-hour"),
        ("daily", "needs a time"),
        ("weekly 08:00", "Unknown schedule"),
        ("every 5h", "must divide 24"),
        ('cron "0 8 * *"', "five-field"),
        ('cron "*/5 * * * *"', "every 15 minutes"),
        ("daily 08:00 Europe/Berln", "Did you mean `Europe/Berlin`"),
        ("daily 08:00 Mars/Olympus", "Unknown timezone"),
        ('cron "0 8 * * 1-5', "Unbalanced quotes"),
        ("", "Missing schedule"),
    ],
)
def test_bad_schedules_get_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message.replace("*", r"\*")):
        parse_schedule_text(text)
