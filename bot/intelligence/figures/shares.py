"""Shares and multipliers said with words: fractions (`two-thirds`, `ein Drittel`, `nearly
half`, `one in six`), proportions (`drei von vier Befragten`), multipliers (`doubled`,
`more than double`, `halbiert`) and vague scales (`tens of thousands of`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from bot.intelligence.figures import excluded
from bot.intelligence.figures.numbers import (
    FRACTIONS,
    WORD_NUMBER_DE,
    WORD_NUMBER_EN,
    parse_number,
)
from bot.intelligence.figures.quantity import Quantity
from bot.intelligence.figures.units import counted_noun, unit_after

_FRACTION_HINT = ("third", "quarter", "half", "fifth", "sixth", "eighth", "tenth", "drittel",
                  "viertel", "fünftel", "sechstel", "achtel", "zehntel", "hälfte", "one in ",
                  "1 in ", "jede")  # fmt: skip
_PROPORTION_HINT = ("out of", "in every")
# "drei von vier": a number word or digits right before "von"
_VON_AFTER_NUMBER = re.compile(r"(?:\d|\b(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn"
                               r"|elf|zwölf|zwanzig|hundert))\w*\s+von\s", re.I)  # fmt: skip
_VAGUE_SCALE_HINT = ("tens of", "hundreds of")
_DOUBLE_HINT = ("doubl", "tripl", "trebl", "quadrupl", "verdoppel", "verdreifach", "vervierfach",
                "verfünffach", "verzehnfach", "twice", "doppelt", "halv", "halbier")  # fmt: skip
_HALF = re.compile(
    r"\b(?:(?:more\s+than|nearly|almost|about|around|over|less\s+than|just\s+under|roughly)"
    r"\s+half|half\s+(?=(?:its|their|his|her|the|of)\b)(?!\w+\s+age\b)|(?<=\bby\s)half\b(?![\s-]+(?:an?|time)\b)"
    r"|(?:mehr\s+als|fast|knapp|rund|etwa|gut)"
    r"\s+die\s+Hälfte)(?!\s+an?\s)",
    re.I,
)
# A headline drops the article: "Hälfte der Deutschen glaubt an Verschwörung" (not "die
# zweite Hälfte der Saison", a period).
_BARE_HALF_DE = re.compile(
    r"(?<![\w-])(?<!erste\s)(?<!ersten\s)(?<!zweite\s)(?<!zweiten\s)(?<!letzte\s)"
    r"(?<!letzten\s)Hälfte(?=\s+(?:der|aller)\s+[A-ZÄÖÜ])"
)
# "more than half a million people": 500,000, no share
_HALF_A = re.compile(r"\bhalf\s+an?\s+(million|billion)\b", re.I)
_OF_A_SCALE = re.compile(r"\s+of\s+an?\s+(million|billion)\b", re.I)
_HALF_YEAR = re.compile(r"^\s*of\s+(?:the\s+)?(?:\d{4}|year|season|century)", re.I)
_HALF_YEAR_BEFORE = re.compile(r"\b(?:first|second|latter|last)\s+h?$", re.I)
# "one in six", not "his third number one in three weeks"
_ONE_IN = re.compile(
    r"(?<!number\s)\b(?:one|1)\s+in\s+(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"(?!\s+(?:weeks?|days?|months?|years?|hours?|minutes?|seasons?|games|matches|races)\b)",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:nearly|almost|about|around|over|roughly|some|more\s+than|less\s+than|just\s+over"
    r"|just\s+under|fast|knapp|rund|etwa|gut|mehr\s+als|by|um)\s+$",
    re.I,
)
_NUM = rf"(?:\d{{1,3}}|{WORD_NUMBER_EN}|{WORD_NUMBER_DE})"
# "drei von vier Befragten", "two out of five", "four out of their six games"
_PROPORTION = re.compile(
    rf"(?<![\w.,])(?P<a>{_NUM})\s+(?:times\s+(?=out))?(?P<join>out\s+of(?:\s+every)?|in\s+every|von)\s+"
    rf"(?:(?:their|its|his|her|the|ihren|seinen|den)\s+)?(?P<b>{_NUM})(?![\w.,]|\s?%)"
    r"(?!\s+(?:Prozent|per\s?cent|Euro|Dollar|Mio|Mrd|Millionen|Milliarden|million|billion)\b)",
    re.I,
)
# "Tens of thousands of innocent men, women and children died": the low end, 10,000.
_VAGUE_SCALE = re.compile(r"\b(tens|hundreds)\s+of\s+(thousands|millions)(?=\s+of\s)", re.I)
_DOUBLE = re.compile(
    r"\b(?:(?:to|will|would|could|may|might|set\s+to|expected\s+to|than|nearly|almost)\s+"
    r"(double|triple|quadruple)\b(?!\s+(?:up|gold|silver|bronze|medals?|titles?|crowns?|winners?"
    r"|champions?)\b)|(double|triple|treble|quadruple)(?=\s+(?:the|its|their)\s)"
    r"|(doubled|doubling|tripled|trebled|quadrupled|verdoppel\w*"
    r"|verdreifach\w*|vervierfach\w*|verfünffach\w*|verzehnfach\w*|halved|halving|halve[d]?|(?<!both\s)(?<!two\s)(?<!the\s)halves"
    r"|halbier\w*)"
    r"|(twice)(?=\s+(?:as|the|that|its|their)\b)|(?<=\s)([Dd]oppelte[nmrs]?|doppelt(?=\s+so\b)))"
    r"\b",
    re.I,
)
_FRACTION = re.compile(
    rf"(?<![\w-])(?P<num>{WORD_NUMBER_EN}|{WORD_NUMBER_DE}|a|an|die|der)[\s-]"
    r"(?P<frac>thirds?|quarters?|fifths?|sixths?|eighths?|tenths?|half|Drittel|Viertel|Fünftel"
    r"|Sechstel|Achtel|Zehntel|Hälfte)(?!\w)",
    re.I,
)
_OF_A_POINT = re.compile(r"\s+of\s+a\s+(?:percentage\s+)?point\b", re.I)
_MORE = re.compile(r"\s+(more|less|fewer)\s+than\b", re.I)
_NTH = {"zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5, "sechste": 6, "siebte": 7,
        "achte": 8, "neunte": 9, "zehnte": 10, "zwanzigste": 20, "hundertste": 100}  # fmt: skip
# "jedem dritten", "Mehr als jeder Zweite"
_EVERY_NTH = re.compile(r"\b[Jj]ede[rsnm]?\s+((?i:" + "|".join(_NTH) + r"))n?\b")
_STAKE = re.compile(r"\s+(?:stake|share|holding)\b", re.I)
_OF = re.compile(r"\s+(?:of|der|des|aller|ihrer|seiner|unserer)\b", re.I)


def _fractions(sentence: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """`two-thirds`, `ein Drittel`, `nearly half`, `one in six` as shares in percent."""
    out = []
    for m in _FRACTION.finditer(sentence):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        num = m.group("num").casefold()
        count = 1.0 if num in ("a", "an", "die", "der") else parse_number(num, lang)
        frac = FRACTIONS.get(m.group("frac").casefold())
        if count is None or frac is None or excluded.occasions(sentence, m.end()):
            continue  # "eine Zehntel-Sekunde" is a time
        hyphenated = sentence[m.start("frac") - 1] == "-"
        german_count = lang == "de" and num not in ("die", "der")  # "ein Viertel"
        hedged = _HEDGE.search(sentence, max(0, m.start() - 16), m.start())  # "nearly a third"
        if point := _OF_A_POINT.match(sentence, m.end()):  # "a quarter of a percentage point"
            out.append(Quantity(m.start(), point.end(), count * frac, "pp", "percent", sentence))
            continue
        if scaled := _OF_A_SCALE.match(sentence, m.end()):  # "a quarter of a million jobs"
            out.append(_scaled(sentence, m.start(), scaled, count * frac, lang))
            continue
        stake = _STAKE.match(sentence, m.end())  # "a quarter stake"
        more = _MORE.match(sentence, m.end())  # "a third more than last year"
        of = _OF.match(sentence, m.end())
        if not (hyphenated or german_count or hedged or stake or more or of):
            continue  # "the preceding three quarters" are periods, not a share
        share = round(count * frac * 100, 2)
        way = None if more is None else "up" if more.group(1).casefold() == "more" else "down"
        out.append(Quantity(m.start(), m.end(), share, "%", "percent", sentence, direction=way))
    halves: Iterator[re.Match[str]] = _HALF.finditer(sentence)
    if lang == "de":
        halves = chain(halves, _BARE_HALF_DE.finditer(sentence))
    for m in halves:
        if _HALF_YEAR.search(sentence, m.end(), m.end() + 12) or _HALF_YEAR_BEFORE.search(
            sentence, max(0, m.start() - 8), m.start() + 1
        ):
            continue  # "the first half of 2006" is a period, not a share
        if not any(q.start <= m.start() < q.end for q in found + out):
            out.append(Quantity(m.start(), m.end(), 50.0, "%", "percent", sentence))
    for m in _HALF_A.finditer(sentence):
        out.append(_scaled(sentence, m.start(), m, 0.5, lang))
    return out


def _scaled(sentence: str, start: int, m: re.Match[str], part: float, lang: str) -> Quantity:
    """ "half a million people", "a quarter of a million jobs": a part of a scale word, with
    what follows it as the unit."""
    scale = 1e6 if m.group(1).casefold() == "million" else 1e9
    _, unit, kind, end = unit_after(sentence, m.end(), None, lang)
    kind = "count" if kind == "other" else kind
    return Quantity(start, end, scale * part, unit, kind, sentence, scale=scale)


def _one_in_n(sentence: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """ "one in six", "Jeder zehnte Transport": a share of one in so many, in place of the
    count "One in 10 adult Americans" would otherwise give."""
    for m in _ONE_IN.finditer(sentence):
        if (n := parse_number(m.group(1), lang)) and n >= 2:
            share = Quantity(m.start(), m.end(), round(100 / n, 2), "%", "percent", sentence)
            found = _in_place_of(found, share)
    for m in _EVERY_NTH.finditer(sentence):
        nth = _NTH[m.group(1).casefold()]  # the group leaves out the dative "n"
        share = Quantity(m.start(), m.end(), round(100 / nth, 2), "%", "percent", sentence)
        found = [*found, share]
    return found


def _proportions(sentence: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """`drei von vier Befragten` is 75 %: a share, in place of the two counts."""
    for m in _PROPORTION.finditer(sentence):
        a, b = parse_number(m.group("a"), lang), parse_number(m.group("b"), lang)
        if a is None or b is None or not 0 < a < b:
            continue
        if excluded.record_noun(sentence, m.end()):
            continue  # "sechs von acht Cup-Duellen verloren": a record
        german = m.group("join").casefold() == "von"
        if german and (m.group("a")[0].isdigit() or m.group("b")[0].isdigit()) and b > 20:
            continue  # "40 von 250 Unfällen" reads as counts
        if german and not _of_people(sentence, m.end()):
            continue  # "eine von vier Institutionen": two small counts, no survey share
        share = Quantity(m.start(), m.end(), round(a / b * 100, 2), "%", "percent", sentence)
        found = _in_place_of(found, share)
    return found


def _of_people(sentence: str, pos: int) -> bool:
    """ "drei von vier Befragten", "zwei von drei Österreichern": a share of people."""
    counted = counted_noun(sentence[pos:], "de")
    return counted is not None and counted[0] == "people"


def _in_place_of(found: list[Quantity], said: Quantity) -> list[Quantity]:
    """``found`` with ``said`` in place of the numbers inside its words: "drei von vier" is
    one share, not two counts."""
    return [q for q in found if q.end <= said.start or q.start >= said.end] + [said]


def _vague_scales(sentence: str, lang: str) -> list[Quantity]:
    out = []
    for m in _VAGUE_SCALE.finditer(sentence):
        value = (10.0 if m.group(1).casefold() == "tens" else 100.0) * (
            1e3 if m.group(2).casefold() == "thousands" else 1e6
        )
        of = len(" of ") - 1  # the tail starts at the space before the noun phrase
        counted = counted_noun(sentence[m.end() + of :], lang)
        if counted:
            unit, kind, length = counted
            end = m.end() + of + length  # "Tens of thousands of innocent men"
            out.append(Quantity(m.start(), end, value, unit, kind, sentence, scale=value))
    return out


def _verb_multipliers(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`doubled`, `more than double`, `verdreifacht`, `twice as many`, `die doppelte Menge`,
    `halbiert`: a multiplier said with a word, not a number."""
    out = []
    for m in _DOUBLE.finditer(sentence):
        group = m.lastindex or 0
        word = m.group(group).casefold()
        span = m.span(group)
        if any(q.start <= span[0] < q.end for q in found) or _LEAD.match(sentence, span[1]):
            continue  # "Giggs doubled their lead": a score
        if _TERM.match(sentence, span[1]):
            continue  # "auf doppelte Buchführung umstellen": a term, no multiple
        value, direction = _MULTIPLIER_WORDS[
            next(k for k in _MULTIPLIER_WORDS if word.startswith(k))
        ]
        compared = (
            group == 1
            and _THAN.search(sentence, max(0, span[0] - 6), span[0])
            and _COMPARED_THING.match(sentence, span[1])
        )
        earlier = group == 2 and _EARLIER_AFTER.search(sentence, span[1], span[1] + 50)
        if (word.startswith(("twice", "doppelt")) or group == 2 or compared) and not earlier:
            direction = None  # "twice as many", "triple the price", "more than double that"
            # ("triple the value 10 years earlier" is a rise)
        out.append(Quantity(*span, value, "x", "multiplier", sentence, direction=direction))
    return out


_THAN = re.compile(r"\bthan\s+$", re.I)
_EARLIER_AFTER = re.compile(
    r"\b(?:\w+\s+)?(?:years?|months?|decades?)\s+(?:earlier|ago|before)\b|\ba\s+year\s+(?:earlier|ago)\b"
    r"|\bin\s+(?:19|20)\d\d\b",
    re.I,
)
_LEAD = re.compile(
    r"\s+(?:(?:the|their|his|its|\w+'s|die|seine|ihre)\s+)?(?:lead|advantage|Führung)\b",
    re.I,
)
_TERM = re.compile(
    r"\s+(?:Buchführung|Staatsbürgerschaft|Moral|Boden|Spiel|Verneinung|Punkte|points)\b"
)
_COMPARED_THING = re.compile(r"\s+(?:that|those|the|its|their|what)\b", re.I)
_MULTIPLIER_WORDS = {
    "doubl": (2.0, "up"), "verdoppel": (2.0, "up"), "twice": (2.0, None), "doppelt": (2.0, None),
    "tripl": (3.0, "up"), "trebl": (3.0, "up"), "verdreifach": (3.0, "up"),
    "quadrupl": (4.0, "up"), "vervierfach": (4.0, "up"), "verfünffach": (5.0, "up"),
    "verzehnfach": (10.0, "up"),
    "halv": (0.5, "down"), "halbier": (0.5, "down"),
}  # fmt: skip


# "rise by a factor of 10", "um den Faktor zehn"
_FACTOR = re.compile(rf"\b(?:by\s+a\s+factor\s+of|um\s+(?:den\s+)?Faktor)\s+(?P<n>{_NUM})\b", re.I)


def _factors(sentence: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """ "by a factor of 10" is a multiplier of 10, not a count of ten."""
    for m in _FACTOR.finditer(sentence):
        if (value := parse_number(m.group("n"), lang)) is None or value < 2:
            continue
        found = _in_place_of(
            found, Quantity(m.start(), m.end(), value, "x", "multiplier", sentence)
        )
    return found


def shares(sentence: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """The figures of a sentence with its word shares and multipliers added; cheap
    substring tests decide which of the costly patterns run."""
    low = sentence.casefold()
    if any(h in low for h in _PROPORTION_HINT) or (
        " von " in low and _VON_AFTER_NUMBER.search(sentence)
    ):
        found = _proportions(sentence, lang, found)
    if any(h in low for h in _FRACTION_HINT):
        found = _one_in_n(sentence, lang, found + _fractions(sentence, lang, found))
    if "factor" in low or "faktor" in low:
        found = _factors(sentence, lang, found)
    if any(h in low for h in _DOUBLE_HINT):
        found += _verb_multipliers(sentence, found)
    if lang == "en" and any(h in low for h in _VAGUE_SCALE_HINT):
        found += _vague_scales(sentence, lang)
    return found
