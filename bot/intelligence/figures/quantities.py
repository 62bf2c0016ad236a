"""Numbers with what they measure, read from one sentence: `11 Milliarden Dollar`,
`6,3 Prozent`, `zehnmal`, `$1.13bn (£600m)`, `10 bis 15 Prozent`, `from 4.5% to 25%`.

No library reads German news figures, so this is ours. A sentence is scanned for number
cores (digits, and number words when a cheap test says there may be some); the text right
of a core decides unit and kind (``units``), the text left of it rules out dates, ages,
page numbers and scores (``excluded``). Shares and multipliers said in words come from
``shares``; ranges, old levels ("from $639m"), restated amounts in brackets and units left
out ("um drei Millionen") are resolved across the numbers of the sentence (``levels``).
"""

from __future__ import annotations

import re

from bot.intelligence.figures import excluded, levels
from bot.intelligence.figures.numbers import DIGITS, WORD_NUMBER_DE, WORD_NUMBER_EN, parse_number
from bot.intelligence.figures.quantity import COMPARATIVE, NOUN, QUOTES, Quantity, quote_at
from bot.intelligence.figures.shares import shares
from bot.intelligence.figures.units import angle, attendance, counted_noun, unit_after

__all__ = [
    "COMPARATIVE",
    "NOUN",
    "QUOTES",
    "Quantity",
    "counted_noun",
    "quantities",
    "quote_at",
]

# A currency written out before the amount only with a scale after it: "a record
# Australian dollar 29.4bn" (not "the dollar 1.5% lower").
_CUR_WORD_PRE = (
    r"(?:(?:Australian|Canadian|New\s+Zealand|Hong\s+Kong|Singapore)\s+dollars?|yen|yuan"
    r"|rupees?|euros?)\s(?=\d[\d.,]*\s?(?:bn|m|mn|billion|million|trillion)\b)"
)
_CUR_PRE = rf"(?:US-?\$|A\$|C\$|HK\$|\$|£|€|¥|(?:EUR|USD|GBP|CHF)\s|{_CUR_WORD_PRE})"
_CORE_DIGITS = re.compile(
    rf"(?<![\w$€£¥.,/])(?<![^\W\d]-)(?P<pre>{_CUR_PRE})?\s?(?P<num>{DIGITS})(?![.,]\d)"
)
# Number words of the article's language only: "die meis- ten Verteidigungstechniken" holds
# no English ten, "Elf Aquitaine" no German eleven.
_CORE_WORDS = {
    lang: re.compile(
        rf"(?<![\w-])(?P<pre>{_CUR_PRE})?(?P<word>{words})"
        r"(?P<mult>mal|fache?[nmrs]?|fold)?(?![\w])",
        re.I,
    )
    for lang, words in (("en", WORD_NUMBER_EN), ("de", WORD_NUMBER_DE))
}
# Cheap test before the costly number-word pattern runs (most sentences hold none).
_ALPHA = re.compile(r"[^\W\d_]+")
_NUMBER_WORDS = frozenset(re.findall(r"[a-zäöü]+", (WORD_NUMBER_EN + WORD_NUMBER_DE).casefold()))
_NUMBER_WORD_ENDS = ("zig", "ssig", "einhalb", "mal", "fach", "fache", "fachen", "facher", "fold",
                     "hundert", "tausend")  # fmt: skip


def _may_hold_number_word(sentence: str) -> bool:
    words = set(_ALPHA.findall(sentence.casefold()))
    return bool(words & _NUMBER_WORDS) or any(w.endswith(_NUMBER_WORD_ENDS) for w in words)


def quantities(sentence: str, lang: str) -> list[Quantity]:
    """Every number with a unit or a counted noun in one sentence, in reading order."""
    blocked = excluded.blocked_spans(sentence)
    found: list[Quantity] = []
    matches = list(_CORE_DIGITS.finditer(sentence))
    if _may_hold_number_word(sentence):
        matches += _CORE_WORDS["de" if lang == "de" else "en"].finditer(sentence)
    for m in matches:
        if any(a <= m.start("num" if "num" in m.groupdict() else "word") < b for a, b in blocked):
            continue
        q = _quantity(sentence, m, lang)
        if q is not None:
            found.append(q)
    return levels.resolve(shares(sentence, lang, _outermost(found)))


def _outermost(found: list[Quantity]) -> list[Quantity]:
    """ "three dozen firms" is one figure, not also the "dozen firms" inside it."""
    return [
        q
        for q in found
        if not any(
            o is not q
            and o.start <= q.start
            and q.end <= o.end
            and o.end - o.start > q.end - q.start
            for o in found
        )
    ]


def _quantity(sentence: str, m: re.Match[str], lang: str) -> Quantity | None:
    groups = m.groupdict()
    is_word = "word" in groups
    core = groups.get("word") or groups["num"]
    value = parse_number(core, lang)
    if value is None or (len(core) > 1 and core.startswith("0") and core[1].isdigit()):
        return None  # "000" of a spaced "10 000", "007": no amount
    pre = groups["pre"]
    if is_word and excluded.vague(sentence, m.start(), core, bool(m.group("mult"))):
        return None  # "mehrere hundert Migranten", "tausendfach geteilt"
    if is_word and m.group("mult"):
        return _said_multiplier(sentence, m, value)
    if not pre and not is_word and excluded.race_name(sentence, m.end(), value):
        return None  # "the 5,000m final", "60m hurdles": an event, not 5e9 of anything
    if (
        lang == "de"
        and not pre
        and excluded.CLOCK.fullmatch(core)
        and not excluded.MEASURED.match(sentence, m.end())
    ):
        return None  # "20.15 WORKING", "6.30 BAHN": a German TV listing's times
    if is_word and _RANGE_AHEAD.match(sentence, m.end()):
        # "drei bis vier Millionen", "two or three megapixel": the low end of a range
        return Quantity(m.start("word"), m.end(), value, None, "other", sentence)
    factor, unit, kind, end = unit_after(sentence, m.end(), pre, lang)
    crowd = unit is None and not is_word and attendance(sentence, m.start("num"), end)
    if crowd:
        unit, kind = "people", "count"  # "Att: 50,430 Ref: S Dunn", "3,803 S Mathieson (Cheshire)"
    if unit == "magnitude" and is_word:
        return None  # "eine Magnitude von 2,3": the article, the figure follows
    if unit is None and not is_word and _quake(sentence, m.start(), end):
        unit, kind = "magnitude", "other"  # "der Stärke 5,8", "8.9 on the Richter scale"
    unit = angle(unit, value * factor, sentence)
    value, end = _with_inches(sentence, end, value, unit)
    if kind == "percent" and excluded.IDIOM.search(sentence, max(0, m.start() - 11), end + 12):
        return None  # "zu hundert Prozent" means fully
    if unit == "bit" and sentence.startswith(" of", end):
        return None  # "on one bit of silicon"
    if excluded.record(sentence, m.end(), unit):
        return None  # "aus 17 Spielen nur 14 Punkte": a standing, not an index
    if is_word and factor == 1.0 and (unit is None or (value < 2 and not _measured(kind, unit))):
        return None  # "two said", "one dollar bought" are no figures; "two million" is
    if is_word and kind == "count" and factor == 1.0 and value < 10:
        return None  # "five insurers": small counts in words are incidental
    if (
        kind in ("count", "other")
        and factor == 1.0
        and not crowd
        and _named(sentence, m, core, lang)
    ):
        return None  # "the Commodore 64 computer", "Android 6.0 Marshmallow"
    if value * factor == 1 and _EVERY.search(sentence, max(0, m.start() - 12), m.start()):
        return None  # "£1 for every one megabyte of data": the base of a price
    if value * factor in _BASES and _PER_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
        return None  # "609 Pensionisten auf 1.000 Erwerbstätige", "per 100,000 people": a base
    if excluded.is_year(core, kind, unit) or _since_year(sentence, m, core, kind):
        kind, unit, end = "year", None, m.end()  # "in 2004 results", "2010 Weltmeister"
    start = m.start() if pre else m.start("word" if is_word else "num")
    start, value = _signed(sentence, start, value, unit)
    way = "down" if unit == "%" and value < 0 else None  # "a growth rate of -0.1%": a fall
    if unit == "%" and _PLUS.search(sentence, max(0, start - 2), start):
        start, way = start - 1, "up"  # "Dow Jones/New York +0,20 Prozent": a rise
    return Quantity(start, end, value * factor, unit, kind, sentence, scale=factor, direction=way)


def _said_multiplier(sentence: str, m: re.Match[str], value: float) -> Quantity | None:
    """ "zehnmal so viele", "fünffach": a multiplier said in one word, unless it counts
    occasions or titles."""
    is_times = m.group("mult").casefold() == "mal"
    if excluded.occasions(sentence, m.end()):
        return None  # "die fünffach nominierte Komödie" counts nominations
    if value < 2 or (is_times and not COMPARATIVE.match(sentence[m.end() :])):
        return None  # "zweimal gewählt" counts occasions, not a multiplier
    if excluded.title_holder(sentence, m.end()):
        return None  # "die fünffache Grand-Slam-Siegerin" counts titles
    if excluded.score_after(sentence, m.end()):
        return None  # "kein dreifacher Punktgewinn": a match result
    return Quantity(m.start(), m.end(), value, "x", "multiplier", sentence)


def _with_inches(sentence: str, end: int, value: float, unit: str | None) -> tuple[float, int]:
    """ "6ft 4in" is 6.33 ft."""
    if unit == "ft" and (inches := _INCHES.match(sentence, end)):
        return value + int(inches.group(1)) / 12, inches.end()
    return value, end


def _signed(sentence: str, start: int, value: float, unit: str | None) -> tuple[int, float]:
    """ "minus 35 Grad Celsius", "-273,15 Grad": a temperature below zero; "a growth rate
    of -0.1%", "DAX -0,25 Prozent": a share below zero when the sign is written on it ("jobs
    - 17%" is a dash)."""
    if unit in ("°C", "°F") and (minus := _MINUS.search(sentence, max(0, start - 7), start)):
        return minus.start(), -value
    if unit == "%" and _SIGN.search(sentence, max(0, start - 2), start):
        return start - 1, -value
    return start, value


_PLUS = re.compile(r"(?:^|[\s(/])\+$")
_MAGNITUDE_BEFORE = re.compile(r"\b(?:Magnitude|Stärke|magnitude)\s+(?:von\s+|of\s+)?$")
_RICHTER_AFTER = re.compile(r"\s+(?:on\s+the\s+Richter(?:\s+scale)?|auf\s+der\s+Richterskala)\b")


def _quake(sentence: str, start: int, end: int) -> bool:
    """An earthquake's magnitude: "eine Magnitude von 2,3", "8.9 on the Richter scale"."""
    return bool(
        _MAGNITUDE_BEFORE.search(sentence, max(0, start - 16), start)
        or _RICHTER_AFTER.match(sentence, end)
    )


_INCHES = re.compile(r"\s?(\d{1,2})\s?(?:in|ins|inches)\b")
_BASES = frozenset({100.0, 1000.0, 10_000.0, 100_000.0, 1_000_000.0})
# A number (and its noun) before: "9,4 Personen pro 1.000", "$2 per 1,000 cubic metres",
# not "bieten je 100 Plätze"
_PER_BEFORE = re.compile(
    rf"(?:\d[\d.,]*|\b(?:{WORD_NUMBER_EN}|{WORD_NUMBER_DE}))\s+(?:[^\W\d]+\s+){{0,2}}"
    r"(?:auf|pro|je|per|for\s+every|in\s+every|out\s+of\s+every)\s+$",
    re.I,
)
_SINCE = re.compile(r"\b(?:seit|since|anno)\s+$", re.I)
_LOWER_NEXT = re.compile(r"\s+[a-zäöüß]+(?:nde|nden|nder|ndes|ene|enen)\b")


def _since_year(sentence: str, m: re.Match[str], core: str, kind: str) -> bool:
    """ "der seit 1570 bestehende Weihnachtsmarkt": a year, however old; not "Seit 1500
    Flüchtlinge in der Stadt leben" (a noun right after it is counted)."""
    old = core.isdigit() and len(core) == 4 and 1000 <= int(core) <= 2100
    since = _SINCE.search(sentence, max(0, m.start() - 8), m.start())
    return old and kind == "count" and bool(since) and bool(_LOWER_NEXT.match(sentence, m.end()))


_EVERY = re.compile(r"\b(?:every|per)\s+$", re.I)
_MINUS = re.compile(r"(?:(?<=\s)|^)(?:minus\s+|-|−)$", re.I)
_SIGN = re.compile(r"(?:(?<=[\s(])(?<!\d\s)|^)[-−]$")  # not "a 10 -15% chance"


def _measured(kind: str, unit: str | None) -> bool:
    """ "nur ein Prozent", "one gigabit a second": one of a percent or a measure is a figure
    ("one point" in a game is not)."""
    return kind == "percent" or (kind == "other" and unit not in (None, "Punkte"))


_VERSION_DE = re.compile(r"\d+\.\d{1,2}")  # German decimals take a comma: "6.0" is a version


def _named(sentence: str, m: re.Match[str], core: str, lang: str) -> bool:
    """Part of a name or a version, not an amount."""
    if m.groupdict().get("word") or m.group("pre"):
        return False
    if lang == "de":
        return bool(_VERSION_DE.fullmatch(core))
    return excluded.after_name(sentence, m.start("num"))


_RANGE_AHEAD = re.compile(
    rf"\s?(?:-|–|bis|to|or|oder)\s?(?:\d|(?:{WORD_NUMBER_EN}|{WORD_NUMBER_DE})\b)", re.I
)
