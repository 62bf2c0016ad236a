"""Digest schedules: parse what people type and compute the slots as UTC instants.

Every schedule kind is reduced to a five-field cron expression evaluated on the local
wall clock of the subscription's timezone (``daily 08:00`` is ``0 8 * * *``), so there
is one slot algorithm, not four. Wall-clock times are turned into UTC instants with an
explicit daylight-saving policy (see ``to_utc``):

* a local time that does not exist (spring forward, 02:30 in Europe/Berlin on the last
  Sunday of March) fires at the instant the clock jumps, i.e. 03:00 local — as Vixie cron
  does — so a ``daily 02:30`` digest is neither lost nor an hour late;
* a local time that happens twice (fall back, 02:30 on the last Sunday of October)
  fires once, at its first occurrence (summer time).

Both rules keep the slot sequence strictly increasing in UTC after de-duplication,
which is what the exactly-once bookkeeping (one row per slot) relies on.
"""

from __future__ import annotations

import itertools
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from croniter import croniter
from rapidfuzz import process

KINDS = ("daily", "weekdays", "interval", "cron")
HOUR_DIVISORS = (1, 2, 3, 4, 6, 8, 12, 24)
MIN_CRON_SPACING = timedelta(minutes=15)
# Local times move by at most the DST shift; three hours covers every zone in tzdata.
_DST_MARGIN = timedelta(hours=3)
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_EVERY_RE = re.compile(r"^(\d{1,2})\s*(?:h|hr|hrs|hour|hours)$")

SCHEDULE_HELP = (
    "Schedules: `daily 08:00`, `weekdays 07:30`, `hourly`, `every 2h`, "
    '`cron "0 8 * * 1-5"` — optionally followed by a timezone such as `Europe/Berlin`.'
)


class ScheduleError(ValueError):
    """The schedule or timezone text is not understood; the message says how to fix it."""


@dataclass(frozen=True)
class Schedule:
    kind: str  # one of KINDS
    expr: str  # "08:00" for daily/weekdays, "2" (hours) for interval, cron text for cron
    timezone: str = "UTC"

    @cached_property
    def zone(self) -> ZoneInfo:
        return load_zone(self.timezone)

    @cached_property
    def cron(self) -> str:
        """The equivalent five-field cron expression on the local wall clock."""
        if self.kind == "cron":
            return self.expr
        if self.kind == "interval":
            hours = int(self.expr)
            return "0 0 * * *" if hours == 24 else f"0 */{hours} * * *"
        hour, minute = (int(part) for part in self.expr.split(":"))
        days = "1-5" if self.kind == "weekdays" else "*"
        return f"{minute} {hour} * * {days}"

    def describe(self) -> str:
        """Human wording for replies and listings, e.g. ``daily 08:00 Europe/Berlin``."""
        if self.kind == "interval":
            text = "hourly" if self.expr == "1" else f"every {self.expr}h"
        elif self.kind == "cron":
            text = f'cron "{self.expr}"'
        else:
            text = f"{self.kind} {self.expr}"
        return f"{text} {self.timezone}"

    def next_after(self, moment: datetime) -> datetime:
        """The first slot strictly after ``moment`` (an aware datetime), in UTC."""
        moment = _as_utc(moment)
        start = _local_naive(moment, self.zone) - _DST_MARGIN
        for slot in self._utc_slots(croniter(self.cron, start), forward=True):
            if slot > moment:
                return slot
        raise AssertionError("unreachable: cron iteration is infinite")

    def last_at_or_before(self, moment: datetime) -> datetime:
        """The latest slot at or before ``moment``, in UTC."""
        moment = _as_utc(moment)
        start = _local_naive(moment, self.zone) + _DST_MARGIN
        for slot in self._utc_slots(croniter(self.cron, start), forward=False):
            if slot <= moment:
                return slot
        raise AssertionError("unreachable: cron iteration is infinite")

    def slots_between(self, after: datetime, until: datetime) -> Iterator[datetime]:
        """Slots in the half-open interval (after, until], ascending, in UTC."""
        slot = self.next_after(after)
        until = _as_utc(until)
        while slot <= until:
            yield slot
            slot = self.next_after(slot)

    def _utc_slots(self, it: croniter, *, forward: bool) -> Iterator[datetime]:
        step = it.get_next if forward else it.get_prev
        while True:
            yield to_utc(step(datetime), self.zone)


def to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """Turn a naive wall-clock time in ``zone`` into a UTC instant, DST policy applied.

    Ambiguous times take ``fold=0`` (the first occurrence). Nonexistent times map to the
    transition instant (when the clock jumps), found by bisection on the UTC offset.
    """
    first = local.replace(tzinfo=zone, fold=0)
    utc = first.astimezone(UTC)
    if utc.astimezone(zone).replace(tzinfo=None) == local:
        return utc
    # In a gap: the transition lies between the two readings of the local time.
    low = local.replace(tzinfo=zone, fold=1).astimezone(UTC)  # post-transition offset
    high = utc  # pre-transition offset
    before = low.astimezone(zone).utcoffset()
    while high - low > timedelta(seconds=1):
        mid = low + (high - low) / 2
        if mid.astimezone(zone).utcoffset() == before:
            low = mid
        else:
            high = mid
    return high.replace(microsecond=0)


def load_zone(name: str) -> ZoneInfo:
    """A ZoneInfo for an IANA name, with a close-spelling hint when it is unknown."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        raise ScheduleError(f"Unknown timezone `{name}`.")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        hint = suggest_zone(name)
        extra = f" Did you mean `{hint}`?" if hint else " Use an IANA name like `Europe/Berlin`."
        raise ScheduleError(f"Unknown timezone `{name}`.{extra}") from None


@lru_cache(maxsize=1)
def _zone_names() -> tuple[str, ...]:
    """The tz database's names; reading them walks the zoneinfo files, so once."""
    return tuple(sorted(available_timezones()))


def suggest_zone(name: str) -> str | None:
    match = process.extractOne(name, _zone_names(), score_cutoff=80)
    return match[0] if match else None


def looks_like_zone(token: str) -> bool:
    """IANA names (``Europe/Berlin``), ``UTC``-like abbreviations and the tz database's
    names without a slash (``CET``, ``EST5EDT``), so `daily 08:00 CET` is not a keyword."""
    return "/" in token or token.upper() in {"UTC", "GMT", "Z"} or token in _zone_names()


def parse_schedule(tokens: list[str], default_tz: str = "UTC") -> tuple[Schedule, list[str]]:
    """Consume a schedule (and an optional timezone) from the front of ``tokens``.

    Without a timezone in the text, ``default_tz`` applies (the user's own, in Slack).
    Returns the schedule and the tokens left over (filters and options).
    """
    if not tokens:
        raise ScheduleError("Missing schedule. " + SCHEDULE_HELP)
    word = tokens[0].lower()
    rest = tokens[1:]
    if word in ("daily", "weekdays"):
        if not rest:
            raise ScheduleError(f"`{word}` needs a time like `08:00`.")
        schedule, rest = Schedule(word, _parse_clock(rest[0])), rest[1:]
    elif word == "hourly":
        schedule = Schedule("interval", "1")
    elif word == "every":
        schedule, rest = _parse_every(rest)
    elif word == "cron":
        schedule, rest = _parse_cron(rest)
    else:
        raise ScheduleError(f"Unknown schedule `{tokens[0]}`. " + SCHEDULE_HELP)
    timezone = default_tz
    if rest and looks_like_zone(rest[0]):
        timezone = "UTC" if rest[0].upper() in {"UTC", "Z"} else rest[0]
        load_zone(timezone)
        rest = rest[1:]
    return Schedule(schedule.kind, schedule.expr, timezone), rest


def parse_schedule_text(text: str) -> Schedule:
    """Parse a complete schedule string; anything left over is an error."""
    schedule, rest = parse_schedule(split_words(text))
    if rest:
        raise ScheduleError(f"Unexpected `{' '.join(rest)}` after the schedule.")
    return schedule


def validate(schedule: Schedule) -> Schedule:
    """Check a schedule loaded from storage or built by hand; raise ScheduleError if bad."""
    if schedule.kind not in KINDS:
        raise ScheduleError(f"Unknown schedule kind `{schedule.kind}`.")
    load_zone(schedule.timezone)
    if schedule.kind == "cron":
        _check_cron(schedule.expr)
    elif schedule.kind == "interval":
        _parse_every([schedule.expr + "h"])
    else:
        _parse_clock(schedule.expr)
    return schedule


def split_words(text: str) -> list[str]:
    """Split on spaces, keeping "double-quoted" groups; apostrophes stay literal.

    Slack's curly quotes count as straight ones, so `Trump's tariffs` and a pasted
    `cron “0 8 * * 1-5”` both work.
    """
    text = text.replace("“", '"').replace("”", '"').replace("„", '"').replace("’", "'")
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.quotes = '"'
    lexer.escape = ""
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError:
        message = 'Unbalanced quotes; quote cron expressions like `"0 8 * * 1-5"`.'
        raise ScheduleError(message) from None


def _parse_clock(text: str) -> str:
    match = _TIME_RE.match(text)
    if not match:
        raise ScheduleError(f"`{text}` is not a time; use 24-hour `HH:MM`, e.g. `08:00`.")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _parse_every(rest: list[str]) -> tuple[Schedule, list[str]]:
    # Accept "every 2h", "every 2 h", "every 2 hours".
    text, used = (rest[0] if rest else ""), 1
    if text.isdigit() and len(rest) > 1 and _EVERY_RE.match("1" + rest[1].lower()):
        text, used = text + rest[1], 2
    match = _EVERY_RE.match(text.lower())
    if not match:
        raise ScheduleError("Use `every Nh`, e.g. `every 2h`.")
    hours = int(match.group(1))
    if hours not in HOUR_DIVISORS:
        allowed = ", ".join(str(h) for h in HOUR_DIVISORS)
        raise ScheduleError(
            f"`every {hours}h` would drift across midnight; N must divide 24 ({allowed})."
        )
    return Schedule("interval", str(hours)), rest[used:]


def _parse_cron(rest: list[str]) -> tuple[Schedule, list[str]]:
    if not rest:
        raise ScheduleError('`cron` needs an expression, e.g. `cron "0 8 * * 1-5"`.')
    if len(rest[0].split()) > 1:  # quoted: one token holds all fields
        expr, rest = rest[0], rest[1:]
    else:  # unquoted: take exactly five tokens
        expr, rest = " ".join(rest[:5]), rest[5:]
    expr = " ".join(expr.split())
    _check_cron(expr)
    return Schedule("cron", expr), rest


def _check_cron(expr: str) -> None:
    if len(expr.split()) != 5 or not croniter.is_valid(expr):
        raise ScheduleError(
            f"`{expr}` is not a five-field cron expression (minute hour day month weekday), "
            'e.g. `"0 8 * * 1-5"`.'
        )
    it = croniter(expr, datetime(2026, 1, 5))
    times = [it.get_next(datetime) for _ in range(12)]
    if any(b - a < MIN_CRON_SPACING for a, b in itertools.pairwise(times)):
        raise ScheduleError("Digests can be at most every 15 minutes.")


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware datetime (UTC)")
    return moment.astimezone(UTC)


def _local_naive(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)
