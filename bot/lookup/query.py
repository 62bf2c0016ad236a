"""Filter syntax inside a search query.

People type filters into the same box as their words (Slack has one text field), so a
query is free text plus any number of ``key:value`` filters, in any order::

    netflix eternauta since:7d lang:de
    section:Wirtschaft source:derstandard Quartalszahlen
    lang:de,en since:2024-05-01 section:"Inland Politik"
    Flüchtlinge since:2015-09-01 until:2015-09-30

Filters (case-insensitive keys and values; umlauts may be typed as ae/oe/ue):

- ``since:`` ``7d``, ``24h``, ``2w``, ``3m`` (months of 30 days), ``1y``, or a date
  ``YYYY-MM-DD`` (UTC midnight). Compares the article's publication time, or its
  ingestion time when the source gave none.
- ``until:`` a date ``YYYY-MM-DD``, that day included. A question's time phrase ("last
  week", "im Juli", "in 2004") becomes a ``since:``/``until:`` pair (``bot.lookup.question``).
- ``lang:`` language code, several separated by commas: ``de``, ``en``, ``de,en``;
  ``deutsch``/``german``/``englisch``/``english`` work too.
- ``section:`` section name or the start of one (``section:wirt`` = Wirtschaft).
- ``source:`` source name or the start of one (``source:bbc``).

Values with spaces go in double quotes. A ``word:`` with an unknown key stays part of the
free text (``Netflix: Der Eternauta`` is a plain query). An invalid value produces an
error message for the user instead of being silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

FILTER_KEYS = ("since", "until", "lang", "section", "source")
_FILTER = re.compile(r'(?<!\S)(since|until|lang|section|source):(?:"([^"]*)"|(\S*))', re.IGNORECASE)
_RELATIVE = re.compile(r"^(\d{1,5})\s*([hdwmy])$")
_UNIT_HOURS = {"h": 1, "d": 24, "w": 24 * 7, "m": 24 * 30, "y": 24 * 365}
_LANG_ALIASES = {
    "german": "de", "deutsch": "de", "ger": "de", "deu": "de",
    "english": "en", "englisch": "en", "eng": "en",
}  # fmt: skip


@dataclass
class ParsedQuery:
    """Free text plus structured filters; ``errors`` are user-facing messages."""

    text: str
    since: datetime | None = None
    until: datetime | None = None  # exclusive: the first moment no longer allowed
    langs: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def has_filters(self) -> bool:
        return bool(self.since or self.until or self.langs or self.sections or self.sources)

    def describe_filters(self) -> list[str]:
        """Filters in the syntax the user typed, for `why` lines and messages."""
        out = []
        if self.langs:
            out.append("lang:" + ",".join(self.langs))
        for section in self.sections:
            out.append(f"section:{section}")
        for source in self.sources:
            out.append(f"source:{source}")
        if self.since:
            out.append(f"since:{self.since.date().isoformat()}")
        if self.until:
            out.append(f"until:{(self.until - timedelta(microseconds=1)).date().isoformat()}")
        return out


def parse_query(raw: str, *, now: datetime | None = None) -> ParsedQuery:
    """Split ``raw`` into free text and filters; never raises on user input."""
    now = now or datetime.now(UTC)
    parsed = ParsedQuery(text="")
    for match in _FILTER.finditer(raw):
        key = match.group(1).lower()
        quoted = match.group(2)
        # A question mark or full stop after a filter ends the sentence, not the value.
        value = quoted.strip() if quoted is not None else match.group(3).rstrip("?!.,;")
        _apply(parsed, key, value, now)
    parsed.text = " ".join(_FILTER.sub(" ", raw).split())
    return parsed


def _apply(parsed: ParsedQuery, key: str, value: str, now: datetime) -> None:
    if not value:
        parsed.errors.append(f"`{key}:` needs a value, e.g. {_EXAMPLES[key]}.")
        return
    if key == "since":
        try:
            since = parse_since(value, now)
        except SinceOutOfRange as exc:
            parsed.errors.append(str(exc))
            return
        if since is None:
            parsed.errors.append(
                f"I can't read `since:{value}`; use e.g. `since:7d`, `since:24h` "
                "or `since:2024-05-01`."
            )
        else:
            parsed.since = since if parsed.since is None else max(parsed.since, since)
    elif key == "until":
        until = parse_until(value)
        if until is None:
            parsed.errors.append(
                f"I can't read `until:{value}`; use a date, e.g. `until:2024-05-31`."
            )
        else:
            parsed.until = until if parsed.until is None else min(parsed.until, until)
    elif key == "lang":
        for code in value.split(","):
            code = code.strip().lower()
            if code:
                parsed.langs.append(_LANG_ALIASES.get(code, code))
    elif key == "section":
        parsed.sections.append(value)
    else:
        parsed.sources.append(value)


_EXAMPLES = {
    "since": "`since:7d`",
    "until": "`until:2024-05-31`",
    "lang": "`lang:de`",
    "section": "`section:Wirtschaft`",
    "source": "`source:bbc`",
}


# The earliest `since:` worth asking for; older values are typos (`since:0001-01-01`) and
# would overflow date arithmetic on the way to the database.
EARLIEST_SINCE = datetime(1800, 1, 1, tzinfo=UTC)


class SinceOutOfRange(ValueError):
    """A readable `since:` outside the range that can match; the message says so."""


def parse_since(value: str, now: datetime) -> datetime | None:
    """``7d``/``24h``/``2w``/``3m``/``1y`` back from ``now``, or an ISO date (UTC); None if
    unreadable. Raises :class:`SinceOutOfRange` before 1800 or after ``now``."""
    shown = value.strip()
    value = shown.lower()
    too_old = SinceOutOfRange(
        f"`since:{shown}` reaches back before {EARLIEST_SINCE.year}, further than any "
        "article; leave it out to search everything, or use e.g. `since:2024-05-01`."
    )
    in_future = SinceOutOfRange(
        f"`since:{shown}` is in the future, so nothing can match; use a past date, "
        "e.g. `since:7d` or `since:2024-05-01`."
    )
    if match := _RELATIVE.match(value):
        amount, unit = int(match.group(1)), match.group(2)
        try:
            since = now - timedelta(hours=amount * _UNIT_HOURS[unit])
        except OverflowError:
            raise too_old from None
    else:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        try:
            since = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except OverflowError:  # only at the ends of the calendar, years 1 and 9999
            raise (in_future if parsed.year > now.year else too_old) from None
    if since < EARLIEST_SINCE:
        raise too_old
    if since > now:
        raise in_future
    return since


def parse_until(value: str) -> datetime | None:
    """The moment after the ISO date ``value`` (that day included), or None."""
    try:
        day = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if day.tzinfo is not None:
        day = day.astimezone(UTC)
    try:
        return day.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=UTC) + timedelta(
            days=1
        )
    except OverflowError:
        return None
