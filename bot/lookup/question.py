"""Read a question the way a colleague would: its frame dropped, its time phrase a filter.

Reporters ask "did we report on Time Warner's quarterly profit?" or "Hatten wir was zur
Gewerkschaft und den All-in-Verträgen?". Counted as search words, the frame (did, report,
hatten, was) outweighed the one decisive name. The frame is dropped only where a frame
stands — at the start ("what did we publish on …", "gab es einen Artikel über …", "hey,
show me …") and at the end ("… geschrieben?", "… please") — so "Find My iPhone" and
"Mueller report" keep every word. A time phrase ("last week", "gestern", "im Juli", "in
2004") becomes a date range on the article date instead of two more words to match.

Every path reads questions here: the slash command and the mention through
``bot.lookup.service.search``, alerts through ``search_words``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.intelligence.stopwords import (
    FRAME_END_WORDS,
    FRAME_WORDS,
    FUNCTION_WORDS,
    REQUEST_OBJECTS,
    REQUEST_VERBS,
    all_languages,
)

_FRAME = all_languages(FRAME_WORDS) | all_languages(FUNCTION_WORDS)
_FRAME_END = all_languages(FRAME_END_WORDS) | all_languages(FUNCTION_WORDS)
_REQUEST_VERBS = all_languages(REQUEST_VERBS)
_REQUEST_OBJECTS = all_languages(REQUEST_OBJECTS)
# A filter such as `lang:de` or `since:7d` is one word and passes through untouched.
_WORD = re.compile(r"[\w$€£%+.'’-]+:[^\s?!,]+|[\w$€£%+.'’-]+", re.UNICODE)
_EDGE_PUNCT = ".-'’"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3, "mai": 5,
    "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20\d\d)"
# "last week", "vergangene Woche", "letzten Monat", "this year", "heuer"
_RELATIVE = re.compile(
    r"\b(?P<which>last|past|this|letzte[nrs]?|vergangene[nrs]?|vorige[nrs]?|diese[nrs]?)\s+"
    r"(?P<unit>week|month|year|woche|monat|jahr)\b",
    re.IGNORECASE,
)
_DAYS = re.compile(
    r"\b(?:in\s+the\s+)?(?:last|past)\s+(?P<n>\d{1,3})\s+(?P<unit>days?|weeks?|months?)\b|"
    r"\bin\s+den\s+(?:letzten|vergangenen)\s+(?P<n_de>\d{1,3})\s+"
    r"(?P<unit_de>tagen|wochen|monaten)\b",
    re.IGNORECASE,
)
_DAY_WORDS = {"today": 0, "heute": 0, "yesterday": 1, "gestern": 1, "vorgestern": 2,
              "heuer": -1}  # fmt: skip
_DAY = re.compile(rf"\b(?P<word>{'|'.join(_DAY_WORDS)})\b", re.IGNORECASE)
_IN_MONTH = re.compile(
    rf"\b(?:in|im|from|aus\s+dem|vom)\s+(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?\b"
    rf"|\b(?P<month2>{_MONTH})\s+(?P<year2>{_YEAR})\b",
    re.IGNORECASE,
)
_IN_YEAR = re.compile(
    rf"\b(?:in|im|from|aus|during|(?:im|aus\s+dem)\s+jahr)\s+(?P<year>{_YEAR})\b", re.IGNORECASE
)
_LAST_YEAR = re.compile(rf"(?<![\w$€£.,-])(?P<year>{_YEAR})\s*[?!.]*\s*$")
_SINCE_YEAR = re.compile(rf"\b(?:since|seit)\s+(?P<year>{_YEAR})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    """What a question asks: topic words as typed, and the dates it allows."""

    text: str
    since: datetime | None = None
    until: datetime | None = None
    time_phrase: str | None = None


def read_question(question: str, *, now: datetime | None = None) -> Question:
    """The topic words of ``question`` and the date range its time phrase names."""
    now = now or datetime.now(UTC)
    since, until, phrase, rest = _time_range(question, now)
    words = topic_words(rest)
    if phrase and not words:  # "what did we publish yesterday?": the date is the question
        return Question("", since, until, phrase)
    if not words:
        return Question(" ".join(topic_words(question) or _words(question)))
    return Question(" ".join(words), since, until, phrase)


def search_words(question: str) -> str:
    """The question minus its frame (filters and time phrases kept as typed); an alert
    stores this, so "last week" keeps meaning the week before each pass."""
    return " ".join(topic_words(question) or _words(question))


def topic_words(text: str) -> list[str]:
    """Words between the frame at the start and the frame at the end, in typed order."""
    words = _words(text)
    start = 0
    while start < len(words):
        word = words[start].casefold()
        if word in _FRAME and not _is_filter(word):
            start += 1
        elif (
            word in _REQUEST_VERBS
            and start + 1 < len(words)
            and (words[start + 1].casefold() in _REQUEST_OBJECTS)
        ):
            start += 2
        else:
            break
    end = len(words)
    while end > start and words[end - 1].casefold() in _FRAME_END:
        end -= 1
    return words[start:end]


def _words(text: str) -> list[str]:
    words = [w.strip(_EDGE_PUNCT) for w in _WORD.findall(text)]
    return [w for w in words if w and w.casefold() not in {"'s", "s"}]


def _is_filter(word: str) -> bool:
    return ":" in word


def _time_range(
    text: str, now: datetime
) -> tuple[datetime | None, datetime | None, str | None, str]:
    """(since, until, phrase, text without the phrase) for the first time phrase found."""
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    for pattern in (_DAYS, _RELATIVE, _DAY, _IN_MONTH, _SINCE_YEAR, _IN_YEAR, _LAST_YEAR):
        match = pattern.search(text)
        if match is None:
            continue
        dates = _dates(match, today)
        if dates is None:
            continue
        since, until = dates
        rest = (text[: match.start()] + " " + text[match.end() :]).strip()
        return since, until, match.group(0).strip(" ?!."), rest
    return None, None, None, text


def _dates(match: re.Match[str], today: datetime) -> tuple[datetime, datetime | None] | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    if "n" in groups or "n_de" in groups:
        n = int(groups.get("n") or groups["n_de"])
        unit = (groups.get("unit") or groups["unit_de"]).lower()
        days = n * (30 if unit.startswith(("month", "monat")) else 7 if "w" in unit else 1)
        return today - timedelta(days=days), None
    if "which" in groups:
        return _relative(groups["which"].lower(), groups["unit"].lower(), today)
    if "word" in groups:
        back = _DAY_WORDS[groups["word"].lower()]
        if back < 0:  # heuer: this year
            return today.replace(month=1, day=1), None
        start = today - timedelta(days=back)
        return start, (start + timedelta(days=1) if back else None)
    if "month" in groups or "month2" in groups:
        month = MONTHS[(groups.get("month") or groups["month2"]).lower()]
        year_text = groups.get("year") or groups.get("year2")
        year = int(year_text) if year_text else _latest_year_of(month, today)
        start = datetime(year, month, 1, tzinfo=UTC)
        end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
        return start, end
    year = int(groups["year"])
    if year > today.year:
        return None
    start = datetime(year, 1, 1, tzinfo=UTC)
    if match.re is _SINCE_YEAR:
        return start, None
    return start, datetime(year + 1, 1, 1, tzinfo=UTC)


def _relative(which: str, unit: str, today: datetime) -> tuple[datetime, datetime | None]:
    """ "this week" is the week so far; "last week" the one before (Monday to Monday)."""
    this = which.startswith(("this", "dies"))
    if unit in ("week", "woche"):
        start = today - timedelta(days=today.weekday())
        return (start, None) if this else (start - timedelta(days=7), start)
    if unit in ("month", "monat"):
        start = today.replace(day=1)
        previous = (start - timedelta(days=1)).replace(day=1)
        return (start, None) if this else (previous, start)
    start = today.replace(month=1, day=1)
    return (start, None) if this else (start.replace(year=start.year - 1), start)


def _latest_year_of(month: int, today: datetime) -> int:
    """ "im Juli" in March means last July."""
    return today.year if month <= today.month else today.year - 1
