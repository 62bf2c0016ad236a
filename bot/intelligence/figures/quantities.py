"""Numbers with what they measure, read from one sentence: `11 Milliarden Dollar`,
`6,3 Prozent`, `zehnmal`, `$1.13bn (£600m)`, `10 bis 15 Prozent`, `from 4.5% to 25%`.

No library reads German news figures, so this is ours. A sentence is scanned for number
cores (digits, and number words when a cheap test says there may be some); the text right
of a core decides unit and kind, the text left of it rules out dates, ages, page numbers
and scores. Ranges, old levels ("from $639m"), restated amounts in brackets and units left
out ("um drei Millionen") are resolved across the numbers of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from bot.intelligence.figures import cues
from bot.intelligence.figures.numbers import (
    DIGITS,
    FRACTIONS,
    WORD_NUMBER_DE,
    WORD_NUMBER_EN,
    parse_number,
    scale_of,
)
from bot.intelligence.stopwords import FUNCTION_WORDS

_MONTHS = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember|January|February|March|May|June|July|October|December|Jan|Feb|Mar|Apr|Jun"
    r"|Jul|Aug|Sept?|Oct|Okt|Nov|Dec|Dez)\.?"
)
# Numbers inside these spans are not figures: dates, times, ages, pages, ordinals, scores.
_BLOCKED = re.compile(
    rf"""\b\d{{1,2}}\.\s?\d{{1,2}}\.(?:\s?\d{{2,4}})?
    | \b\d{{4}}-\d{{2}}-\d{{2}}\b | \b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b
    | \b\d{{1,2}}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:\s+\d{{4}})?
    | \b{_MONTHS}\s+\d{{1,4}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?
    | \b\d{{1,2}}:\d{{1,2}}\b(?:\s?(?:Uhr|h|am|pm))?
    | \b\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:Uhr|am\b|pm\b|a\.m\.|p\.m\.|GMT|BST|MEZ|CET)
    | \b\d{{1,3}}[-\s](?:year|jährig|Jährig|Jahre?\s+alt)\w*
    | \b(?:aged|Alter\s+von)\s+\d{{1,3}} | \(\d{{1,3}}\) | (?<=,\s)\d{{1,2}}(?=,\s)
    | \b(?:S\.|Seite|page|pp?\.|Nr\.|No\.|Artikel|Article|Paragraf|§|Kapitel|chapter|Platz
        |Rang|Punkt|Folge|Episode|Staffel|season|Level|Windows|Version|Tabelle|Abb\.)\s?\d+
    | \b\d+(?:st|nd|rd|th)\b | \b\d{{1,3}}\.(?=\s+[^\W\d])
    | \b\d{{2,4}}(?:er|s|ern)\b | \b\d{{4}}/\d{{2,4}}\b""",
    re.X,
)
_CUR_PRE = r"(?:US-?\$|A\$|C\$|HK\$|\$|£|€|¥|(?:EUR|USD|GBP|CHF)\s)"
_CORE_DIGITS = re.compile(
    rf"(?<![\w$€£¥.,/])(?<![^\W\d]-)(?P<pre>{_CUR_PRE})?\s?(?P<num>{DIGITS})(?![.,]\d)"
)
_CORE_WORDS = re.compile(
    rf"(?<![\w-])(?P<pre>{_CUR_PRE})?(?P<word>{WORD_NUMBER_EN}|{WORD_NUMBER_DE})"
    r"(?P<mult>mal|fache?[nmrs]?|fold)?(?![\w])",
    re.I,
)
# Cheap test before the costly number-word pattern runs (most sentences hold none).
_ALPHA = re.compile(r"[^\W\d_]+")
_NUMBER_WORDS = frozenset(re.findall(r"[a-zäöüß]+", (WORD_NUMBER_EN + WORD_NUMBER_DE).lower()))
_NUMBER_WORD_ENDS = ("zig", "ßig", "einhalb", "mal", "fach", "fache", "fachen", "facher", "fold",
                     "hundert", "tausend")  # fmt: skip
# Cheap substring tests (on the casefolded sentence) before the costly patterns run; a
# case-insensitive alternation costs ~0.05 ms per sentence, a substring test almost nothing.
_FRACTION_HINT = ("third", "quarter", "half", "fifth", "drittel", "viertel", "fünftel", "hälfte",
                  "one in ", "1 in ")  # fmt: skip
_PROPORTION_HINT = ("out of", "in every")
# "drei von vier": a number word or digits right before "von"
_VON_AFTER_NUMBER = re.compile(r"(?:\d|\b(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn"
                               r"|elf|zwölf|zwanzig|hundert))\w*\s+von\s", re.I)  # fmt: skip
_VAGUE_SCALE_HINT = ("tens of", "hundreds of")
_DOUBLE_HINT = ("doubl", "tripl", "trebl", "quadrupl", "verdoppel", "verdreifach", "vervierfach",
                "twice", "doppelt", "halv", "halbier")  # fmt: skip
_HALF = re.compile(
    r"\b(?:(?:more\s+than|nearly|almost|about|around|over|less\s+than|just\s+under|roughly)"
    r"\s+half|half\s+(?=(?:its|their|his|her|the|of)\b)|(?:mehr\s+als|fast|knapp|rund|etwa|gut)"
    r"\s+die\s+Hälfte)",
    re.I,
)
_HALF_YEAR = re.compile(r"^\s*of\s+(?:the\s+)?(?:\d{4}|year|season|century)", re.I)
_HALF_YEAR_BEFORE = re.compile(r"\b(?:first|second|latter|last)\s+h?$", re.I)
_ONE_IN = re.compile(
    r"\b(?:one|1)\s+in\s+(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\b", re.I
)
_HEDGE = re.compile(
    r"\b(?:nearly|almost|about|around|over|roughly|some|more\s+than|less\s+than|just\s+over"
    r"|just\s+under|fast|knapp|rund|etwa|gut|mehr\s+als)\s+$",
    re.I,
)
_NUM = rf"(?:\d{{1,3}}|{WORD_NUMBER_EN}|{WORD_NUMBER_DE})"
# "drei von vier Befragten", "two out of five", "four out of their six games"
_PROPORTION = re.compile(
    rf"(?<![\w.,])(?P<a>{_NUM})\s+(?P<join>out\s+of|in\s+every|von)\s+"
    rf"(?:(?:their|its|his|her|the|ihren|seinen|den)\s+)?(?P<b>{_NUM})(?![\w.,]|\s?%)"
    r"(?!\s+(?:Prozent|per\s?cent|Euro|Dollar|Mio|Mrd|Millionen|Milliarden|million|billion)\b)",
    re.I,
)
# "Tens of thousands of innocent men, women and children died": the low end, 10,000.
_VAGUE_SCALE = re.compile(r"\b(tens|hundreds)\s+of\s+(thousands|millions)(?=\s+of\s)", re.I)
_DOUBLE = re.compile(
    r"\b(?:(?:to|will|would|could|may|might|set\s+to|expected\s+to|than|nearly|almost)\s+"
    r"(double|triple)\b(?!\s+up)|(doubled|doubling|tripled|trebled|quadrupled|verdoppel\w*"
    r"|verdreifach\w*|vervierfach\w*|halved|halving|halve[sd]?|halbier\w*)"
    r"|(twice)(?=\s+(?:as|the|that|its|their)\b)|(?<=\s)([Dd]oppelte[nmrs]?))\b",
    re.I,
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_COUNTABLE = frozenset({"people"}) | cues.THING_NOUNS
_PARTITIVE = re.compile(r"\s+(?:of\s+the|of|der|von)\s+", re.I)


def _may_hold_number_word(sentence: str) -> bool:
    words = set(_ALPHA.findall(sentence.casefold()))
    return bool(words & _NUMBER_WORDS) or any(w.endswith(_NUMBER_WORD_ENDS) for w in words)


_ATTACHED = re.compile(r"(bn|mn|m|k|tn|trn|%|x|-?mal|-?fache?[nmrs]?|-fold|p)(?![\w%])", re.I)
_SCALE_WORD = re.compile(
    r"\s?(Mrd\.?|Mio\.?|Tsd\.?|Milliarden?|Millionen?|Billionen?|Tausend|billions?|millions?"
    r"|trillions?|thousand|bn|mn|tn)(?![\w])",
    re.I,
)
_CUR_POST = re.compile(
    r"\s?(Australian\s+dollars?|Canadian\s+dollars?|Hong\s+Kong\s+dollars?|Swiss\s+francs?"
    r"|francs?|US-Dollars?|Dollars?|Euros?|€|\$|Pfund|pounds?(?:\s+sterling)?|Franken|CHF|Yen"
    r"|USD|EUR|GBP|Rubel|roubles|rubles|Yuan|Renminbi|Kronen|rupees|Cents?|pence|rand|lira"
    r"|zloty|shekels|baht|ringgit|rupiah|naira|hryvnia|forint|kronor|kroner|krona|pesos|dinars"
    r"|dirhams|riyals|reais)(?!\w)",
    re.I,
)
_PERCENT = re.compile(
    r"\s?(%|Prozentpunkte?n?|Prozent|per\s?cent|pct|percentage\s+points?|Basispunkte?n?"
    r"|basis\s+points?)(?!\w)",
    re.I,
)
_TIMES = re.compile(r"\s(times|mal)(?=\s)", re.I)
NOUN = re.compile(
    r"\s+(?:(?:more|new|neue|neuen|weitere|weiteren|zusätzliche|additional|other|andere)\s)?"
    r"([^\W\d][\w-]*)"
)
_COMPOUND_CURRENCY = re.compile(r"-(Euro|Dollar|Franken|Pfund)-", re.I)
_FRACTION = re.compile(
    rf"(?<![\w-])(?P<num>{WORD_NUMBER_EN}|{WORD_NUMBER_DE}|a|an|die|der)[\s-]"
    r"(?P<frac>thirds?|quarters?|fifths?|half|Drittel|Viertel|Fünftel|Hälfte)(?!\w)",
    re.I,
)
_OF = re.compile(r"\s+(?:of|der|des|aller|ihrer|seiner|unserer)\b", re.I)
_RANGE_JOIN = re.compile(r"\s?(?:-|–|bis(?:\s+zu)?|to|and|und|or|oder)\s?$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|zwischen)\s+$", re.I)
# "from 62% at the end of 2003 to more than 68%": a few words may stand between.
_TO = re.compile(
    r"\s+(?:[\w.]+\s+){0,6}?(?:to|auf|bis\s+auf)\s+"
    r"(?:(?:about|around|nearly|almost|over|more\s+than|rund|etwa|knapp|über|mehr\s+als)\s+)?",
    re.I,
)
_FROM = re.compile(
    r"\b(?:from|von)\s+(?:(?:about|around|nearly|almost|some|rund|etwa|knapp)\s+)?$", re.I
)
# "zehnmal schneller", "three times as many"; words ending in -er that are no comparatives
# ("einmal leider", "zweimal wieder") are ruled out by the lookahead.
COMPARATIVE = re.compile(
    r"\s(?:(?:as|so)\s)?(?!(?:leider|wieder|immer|aber|oder|über|unter|hier|sehr|der|er"
    r"|jeder|dieser|ihrer|unser|euer|per|after|over|under|never|ever|either|neither|other"
    r"|whether|together|later|number|quarter|order|member|player|summer|winter|power"
    r"|water|paper|letter|matter|offer|manager|minister|partner|border)\b)"
    r"(\w{3,}er|more|less|mehr|weniger|hoch|much|many|viele?)\b",
    re.I,
)


@dataclass
class Quantity:
    """A number with what it counts, before it is judged as a key figure."""

    start: int
    end: int
    value: float
    unit: str | None
    kind: str
    sentence: str
    scale: float = 1.0  # the scale word's factor, carried to the start of a range
    baseline: bool = False  # "from $639m": the old level, not the news
    conversion: bool = False  # "(£600m)" after "$1.13bn": the same amount again
    restates: Quantity | None = None
    unit_from: Quantity | None = None  # "um drei Millionen" has the unit of the 27 Millionen
    implied: str | None = None  # direction from "from X to Y" when no verb says it
    start_value: float | None = None  # the old level of "from X to Y"
    earlier: bool = False  # "compared with £21.8bn a year ago": context, not the news
    orphan: str | None = None  # "this fall from the current 2.1%": an old level whose new
    # one is in the sentence before; the word says which way ("fall" -> down)
    direction: str | None = None
    label: str | None = None

    @property
    def text(self) -> str:
        return self.sentence[self.start : self.end].strip()


def _unit_after(
    sentence: str, pos: int, pre: str | None, lang: str
) -> tuple[float, str | None, str, int]:
    """Multiplier, unit, kind and end position from the text right of a number core."""
    rest = sentence[pos:]
    currency = cues.CURRENCY_WORDS.get(pre.strip().casefold()) if pre else None
    factor, end = 1.0, pos
    if not currency and (m := _ATTACHED_MEASURE.match(rest)):  # "6GB", "250 km/h"
        symbol = m.group(1)
        unit = _BITS.get(symbol) or cues.MEASURE_UNITS[symbol.casefold()]
        rate, length = _rate(sentence, pos + m.end())
        return 1.0, unit + rate, "other", pos + m.end() + length
    if m := _ATTACHED.match(rest):
        suffix = m.group(1).casefold().lstrip("-")
        if suffix == "%":
            return 1.0, "%", "percent", pos + m.end()
        if suffix in ("x",) or suffix.startswith(("mal", "fach", "fold")):
            return 1.0, "x", "multiplier", pos + m.end()
        if suffix == "m" and not currency and not NOUN.match(rest[m.end() :]):
            return 1.0, "m", "other", pos + m.end()  # 100m sprint: metres
        if suffix == "p":
            return 0.01, "GBP", "money", pos + m.end()
        factor, end = scale_of(suffix, lang) or 1.0, pos + m.end()
    elif m := _SCALE_WORD.match(rest):
        factor, end = scale_of(m.group(1).rstrip("."), lang) or 1.0, pos + m.end()
    tail = sentence[end:]
    if m := _CUR_POST.match(tail):
        word = m.group(1).casefold()
        word = word if word in cues.CURRENCY_WORDS else word.split()[0]
        if word in cues.CENT_WORDS:
            return factor * 0.01, currency or cues.CENT_WORDS[word], "money", end + m.end()
        return factor, cues.CURRENCY_WORDS.get(word, word.upper()), "money", end + m.end()
    if currency:
        return factor, currency, "money", end
    if m := _PERCENT.match(tail):
        word = m.group(1).casefold().replace(" ", "")
        unit = "%" if word in ("%", "prozent", "percent", "pct") else "pp"
        return factor, unit, "percent", end + m.end()
    m = _TIMES.match(tail)
    if m and (COMPARATIVE.match(tail, m.end()) or tail[m.end() :].startswith(" the ")):
        return factor, "x", "multiplier", end + m.end(1)
    if m := _COMPOUND_CURRENCY.match(tail):  # "30-Euro-Gutschein"
        return factor, cues.CURRENCY_WORDS[m.group(1).casefold()], "money", end + m.end(1)
    if counted := counted_noun(tail, lang):
        unit, kind, length = counted
        return factor, unit, kind, end + length
    return factor, None, "count" if factor > 1 else "other", end


def counted_noun(tail: str, lang: str) -> tuple[str, str, int] | None:
    """(unit, kind, length) of what a number counts: `464,000 subscribers`, `17 Spielen`.

    People count as "people"; durations and measures right after the number are kind
    "other"; any other plural noun (English) or noun (German, capitalized) is counted as
    itself. Up to two modifiers may stand between number and noun ("17 mutmaßliche
    Schmuggler", "300 coal-fired plants"), and a partitive ("30,000 of its people").
    """
    m = NOUN.match(tail)
    if m is None:
        return None
    noun = m.group(1)
    key = noun.casefold()
    if key in cues.SCORE_NOUNS:
        return key, "score", m.end()  # "97 Zähler" in a ski jumping report
    if key in cues.DURATION_NOUNS:
        return key, "other", m.end()
    if key in cues.MEASURE_NOUNS:
        rate, length = _rate(tail, m.end())
        return _measure(cues.MEASURE_UNITS[key], rate), "other", m.end() + length
    if counted := _counted(noun, lang):
        return counted[0], counted[1], m.end()
    pos = m.start(1)
    if part := _OF_ITS.match(tail):
        pos = part.end()
    for _ in range(_MODIFIERS + 1):
        word = _WORD.match(tail, pos)
        if word is None:
            return None
        if pos > m.start(1) and (counted := _counted(word.group(1), lang)):
            return counted[0], counted[1], word.end()
        if not _modifier(word.group(1), lang):
            return None
        pos = word.end()
    return None


_MODIFIERS = 2
_ATTACHED_MEASURE = re.compile(
    r"\s?(km/h|km²|m²|Mbit/s|Mbps|kbps|GHz|MHz|kWh|GB|MB|TB|Mb|km|kg|mph|mm|cm|MW|GW)(?![\w/²])"
)
_BITS = {"Mb": "Mbps", "Mbit/s": "Mbps"}
_BIT_RATES = {
    "Mbit/s": "Mbps",
    "kbit/s": "kbps",
    "Gbit/s": "Gbps",
}  # "a 2Mb line": broadband speed, not megabytes
_PER = re.compile(r"\s?(?:/|pro\s|per\s|je\s|an?\s)\s*([^\W\d]+)", re.I)


def _rate(text: str, pos: int) -> tuple[str, int]:
    """("/s", length) for "Meter pro Sekunde"; ("", 0) when no rate follows."""
    m = _PER.match(text, pos)
    if m is None or (per := cues.RATE_PER.get(m.group(1).casefold())) is None:
        return "", 0
    return "/" + per, m.end() - pos


def _measure(unit: str, rate: str) -> str:
    """ "Mbit" + "/s" is shown as Mbps."""
    return _BIT_RATES.get(unit + rate, unit + rate)


_WORD = re.compile(r"\s*([^\W\d][\w-]*)")
# "30,000 of its people", "14 of its biggest construction projects", "500 der Beschäftigten"
_OF_ITS = re.compile(r"\s(?:of\s+(?:its|their|his|her|our|these|those|the)|der)(?=\s)", re.I)
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_GERMAN_ADJECTIVE = ("e", "en", "er", "es", "em")


def _counted(noun: str, lang: str) -> tuple[str, str] | None:
    key = noun.casefold()
    if cues.is_person(key):
        return "people", "count"
    if key in cues.THING_NOUNS or _looks_counted(noun, lang) or _ACRONYM_PLURAL.fullmatch(noun):
        return (noun if _ACRONYM_PLURAL.fullmatch(noun) else key), "count"
    return None


def _modifier(word: str, lang: str) -> bool:
    """An adjective or noun modifier between a number and what it counts: lowercase and
    no function word ("mutmaßliche", "coal-fired", "garment"; not "as", "auf", "were")."""
    key = word.casefold()
    if not word.islower() or key in cues.NOT_COUNTED or key in cues.NOT_LABELS:
        return False
    if key in FUNCTION_WORDS["en"] or key in FUNCTION_WORDS["de"]:
        return False
    if lang == "de":
        return key.endswith(_GERMAN_ADJECTIVE)
    return not key.endswith(("ly", "s"))


def _looks_counted(noun: str, lang: str) -> bool:
    if lang == "de":
        return noun[:1].isupper() and noun.casefold() not in cues.NOT_COUNTED
    return (
        len(noun) >= 4 and noun.endswith("s") and noun.islower()
        and noun.casefold() not in cues.NOT_COUNTED
    )  # fmt: skip


_SCORE = re.compile(r"\b\d{1,3}\s?[-–:]\s?\d{1,3}\b")
_DIGIT = re.compile(r"\d")


def _blocked_spans(sentence: str) -> list[tuple[int, int]]:
    if not _DIGIT.search(sentence):
        return []  # every blocked pattern holds a digit
    spans = [m.span() for m in _BLOCKED.finditer(sentence)]
    if cues.SPORT_RE.search(sentence):
        spans += [m.span() for m in _SCORE.finditer(sentence)]
    return spans


def quantities(sentence: str, lang: str) -> list[Quantity]:
    """Every number with a unit or a counted noun in one sentence, in reading order."""
    blocked = _blocked_spans(sentence)
    found: list[Quantity] = []
    matches = list(_CORE_DIGITS.finditer(sentence))
    if _may_hold_number_word(sentence):
        matches += _CORE_WORDS.finditer(sentence)
    for m in matches:
        if any(a <= m.start("num" if "num" in m.groupdict() else "word") < b for a, b in blocked):
            continue
        q = _quantity(sentence, m, lang)
        if q is not None:
            found.append(q)
    low = sentence.casefold()
    if any(h in low for h in _PROPORTION_HINT) or (
        " von " in low and _VON_AFTER_NUMBER.search(sentence)
    ):
        found = _proportions(sentence, lang, found)
    if any(h in low for h in _FRACTION_HINT):
        found += _fractions(sentence, lang, found)
    if any(h in low for h in _DOUBLE_HINT):
        found += _verb_multipliers(sentence, found)
    if lang == "en" and any(h in low for h in _VAGUE_SCALE_HINT):
        found += _vague_scales(sentence, lang)
    found.sort(key=lambda q: q.start)
    return _mark_conversions(_mark_compared(_merge_ranges(_mark_from_to(_inherit(found)))))


def _mark_conversions(found: list[Quantity]) -> list[Quantity]:
    """`$1.13bn (£600m)`, `1.16bn euros ($1.5bn; £800m)`: bracketed amounts restate the
    one before the bracket."""
    for prev, q in pairwise(found):
        gap = q.sentence[prev.end : q.start].strip()
        opened = _BRACKET_OPEN.fullmatch(gap)  # "£1bn (about $2bn)"
        if q.kind == prev.kind == "money" and (opened or (gap == ";" and prev.conversion)):
            q.conversion, q.restates = True, prev.restates or prev
    return found


_BRACKET_OPEN = re.compile(
    r"\(\s*(?:(?:about|around|roughly|some|approx\.?|approximately|nearly|rund|etwa|ca\.)\s*)?",
    re.I,
)


def _quantity(sentence: str, m: re.Match[str], lang: str) -> Quantity | None:
    groups = m.groupdict()
    is_word = "word" in groups
    core = groups.get("word") or groups["num"]
    value = parse_number(core, lang)
    if value is None:
        return None
    pre = groups["pre"]
    if is_word and m.group("mult"):
        is_times = m.group("mult").casefold() == "mal"
        if value < 2 or (is_times and not COMPARATIVE.match(sentence[m.end() :])):
            return None  # "zweimal gewählt" counts occasions, not a multiplier
        if _title_holder(sentence, m.end()):
            return None  # "die fünffache Grand-Slam-Siegerin" counts titles
        return Quantity(m.start(), m.end(), value, "x", "multiplier", sentence)
    if not pre and not is_word and _race_name(sentence, m.end(), value):
        return None  # "the 5,000m final", "60m hurdles": an event, not 5e9 of anything
    if (
        lang == "de"
        and not pre
        and _CLOCK.fullmatch(core)
        and not _MEASURED.match(sentence, m.end())
    ):
        return None  # "20.15 WORKING", "6.30 BAHN": a German TV listing's times
    if is_word and _RANGE_AHEAD.match(sentence, m.end()):
        # "drei bis vier Millionen", "two or three megapixel": the low end of a range
        return Quantity(m.start("word"), m.end(), value, None, "other", sentence)
    factor, unit, kind, end = _unit_after(sentence, m.end(), pre, lang)
    if kind == "percent" and _IDIOM.search(sentence, max(0, m.start() - 4), end + 12):
        return None  # "zu hundert Prozent" means fully
    if unit in _RECORD_UNITS and cues.SPORT_RE.search(sentence):
        return None  # "aus 17 Spielen nur 14 Punkte": a standing, not an index
    if is_word and factor == 1.0 and (unit is None or value < 2):
        return None  # "two said", "one dollar bought" are no figures; "two million" is
    if is_word and kind == "count" and factor == 1.0 and value < 10:
        return None  # "five insurers": small counts in words are incidental
    if _is_year(core, kind, unit):
        kind, unit, end = "year", None, m.end()  # "in 2004 results", "2010 Weltmeister"
    start = m.start() if pre else m.start("word" if is_word else "num")
    return Quantity(start, end, value * factor, unit, kind, sentence, scale=factor)


_IDIOM = re.compile(
    r"\bzu\s+(?:100|hundert)\s+Prozent|\b(?:100|a\s+hundred|one\s+hundred)\s+(?:per\s?cent|%)"
    r"\s+(?:sure|certain|committed|behind|confident|right|fit|focused|genuine)\b",
    re.I,
)
_NEXT_NOUN = re.compile(r"\s+([A-ZÄÖÜ][\w-]*)")


def _title_holder(sentence: str, pos: int) -> bool:
    m = _NEXT_NOUN.match(sentence, pos)
    if m is None:
        return False
    noun = m.group(1).rpartition("-")[2].casefold()
    return cues.is_person(noun) or noun.endswith(_HOLDERS)


_HOLDERS = ("siegerin", "sieger", "meister", "meisterin", "champion", "gewinner", "gewinnerin",
            "preisträger", "preisträgerin", "mutter", "vater", "olympiasieger")  # fmt: skip
# Counted in a sport sentence these are a record or a standing, no key figure.
_RECORD_UNITS = frozenset(
    {"Punkte", "spiele", "spielen", "games", "matches", "partien", "siege", "niederlagen",
     "wins", "defeats", "spieltage", "runden", "rounds"}
)  # fmt: skip
_RANGE_AHEAD = re.compile(
    rf"\s?(?:-|–|bis|to|or|oder)\s?(?:\d|(?:{WORD_NUMBER_EN}|{WORD_NUMBER_DE})\b)", re.I
)
# German writes decimals with a comma: "20.15" with two digits after a dot is a time.
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_MEASURED = re.compile(r"\s?(?:%|Prozent|Euro|Dollar|Mio|Mrd|Millionen|Milliarden)", re.I)
# Event distances in athletics and swimming, and the words around them.
_EVENT_METRES = frozenset({50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000})
_RACE_UNIT = re.compile(r"(m|km|K)(?![\w/²])\s?([^\W\d][\w-]*)?|-(?:km|Meter|metres?)-(\w+)")
_EVENT = re.compile(
    r"hurdles|sprint|relay|race|marathon|final|heats?|title|freestyle|backstroke|breaststroke"
    r"|butterfly|medley|steeplechase|walk|record|champion\w*|gold|silver|bronze|event"
    r"|lauf|langlauf|rennen|staffel|hürden|finale|einzel|verfolgung|massenstart|sprint",
    re.I,
)
_ATHLETICS = re.compile(
    r"\b(?:athlet\w*|olympi\w*|indoor|outdoor|hurdles|sprint\w*|relay|marathon|championships"
    r"|Leichtathlet\w*|Weltmeister\w*|Langlauf|Biathlon|Schwimm\w*)\b",
    re.I,
)


def _race_name(sentence: str, pos: int, value: float) -> bool:
    m = _RACE_UNIT.match(sentence, pos)
    if m is None:
        return False
    metres = m.group(1) == "m"
    if (metres and value not in _EVENT_METRES) or (not metres and value > 100):
        return False
    event = m.group(2) or m.group(3)
    if event and _EVENT.fullmatch(event):
        return True
    return bool(_ATHLETICS.search(sentence) or cues.SPORT_RE.search(sentence))


def _is_year(core: str, kind: str, unit: str | None) -> bool:
    """A bare four-digit number from 1800 to 2100 is a year unless it counts people,
    known things, money or a share."""
    if not _YEAR.fullmatch(core):
        return False
    return kind in ("other", "count") and (unit is None or unit not in _COUNTABLE)


def _fractions(sentence: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """`two-thirds`, `ein Drittel`, `nearly half`, `one in six` as shares in percent."""
    out = []
    for m in _FRACTION.finditer(sentence):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        num = m.group("num").casefold()
        count = 1.0 if num in ("a", "an", "die", "der") else parse_number(num, lang)
        frac = FRACTIONS.get(m.group("frac").casefold())
        if count is None or frac is None:
            continue
        hyphenated = sentence[m.start("frac") - 1] == "-"
        german_count = lang == "de" and num not in ("die", "der")  # "ein Viertel"
        hedged = _HEDGE.search(sentence, max(0, m.start() - 16), m.start())  # "nearly a third"
        if not (hyphenated or german_count or hedged or _OF.match(sentence, m.end())):
            continue  # "the preceding three quarters" are periods, not a share
        share = round(count * frac * 100, 2)
        out.append(Quantity(m.start(), m.end(), share, "%", "percent", sentence))
    for m in _HALF.finditer(sentence):
        if _HALF_YEAR.search(sentence, m.end(), m.end() + 12) or _HALF_YEAR_BEFORE.search(
            sentence, max(0, m.start() - 8), m.start() + 1
        ):
            continue  # "the first half of 2006" is a period, not a share
        if not any(q.start <= m.start() < q.end for q in found + out):
            out.append(Quantity(m.start(), m.end(), 50.0, "%", "percent", sentence))
    for m in _ONE_IN.finditer(sentence):
        if (n := parse_number(m.group(1), lang)) and n >= 2:
            out.append(Quantity(m.start(), m.end(), round(100 / n, 2), "%", "percent", sentence))
    return out


def _proportions(sentence: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """`drei von vier Befragten` is 75 %: a share, in place of the two counts."""
    for m in _PROPORTION.finditer(sentence):
        a, b = parse_number(m.group("a"), lang), parse_number(m.group("b"), lang)
        if a is None or b is None or not 0 < a < b:
            continue
        german = m.group("join").casefold() == "von"
        if german and (m.group("a")[0].isdigit() or m.group("b")[0].isdigit()) and b > 20:
            continue  # "40 von 250 Unfällen" reads as counts
        found = [q for q in found if q.end <= m.start() or q.start >= m.end()]
        share = round(a / b * 100, 2)
        found.append(Quantity(m.start(), m.end(), share, "%", "percent", sentence))
    return found


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
        if any(q.start <= span[0] < q.end for q in found):
            continue
        value, direction = _MULTIPLIER_WORDS[
            next(k for k in _MULTIPLIER_WORDS if word.startswith(k))
        ]
        if word.startswith(("twice", "doppelt")):
            direction = None  # "twice as many", "die doppelten Weltcuppunkte": a comparison
        out.append(Quantity(*span, value, "x", "multiplier", sentence, direction=direction))
    return out


_MULTIPLIER_WORDS = {
    "doubl": (2.0, "up"), "verdoppel": (2.0, "up"), "twice": (2.0, None), "doppelt": (2.0, None),
    "tripl": (3.0, "up"), "trebl": (3.0, "up"), "verdreifach": (3.0, "up"),
    "quadrupl": (4.0, "up"), "vervierfach": (4.0, "up"),
    "halv": (0.5, "down"), "halbier": (0.5, "down"),
}  # fmt: skip


def _inherit(found: list[Quantity]) -> list[Quantity]:
    """Carry units to numbers that leave them out.

    `27 Millionen Euro, die sich um drei Millionen erhöhen könnte`: the second amount is
    in euros too. `25 der 200 Abgeordneten`, `25 of the 200 MPs`: 25 counts the same.
    `um 12 beziehungsweise 8 Prozent`, `um 0,5 auf 54,1 Punkte`: the first number has the
    unit of the second. `Von 250 gemeldeten Unfällen gingen 40 auf Glätte zurück`: 40
    counts accidents.
    """
    for i, q in enumerate(found):
        if q.unit is not None or q.kind not in ("count", "other"):
            continue
        nxt = next((n for n in found[i + 1 :] if n.kind != "year"), None)
        gap = q.sentence[q.end : nxt.start] if nxt else ""
        if nxt and nxt.unit and _PARTITIVE.fullmatch(gap):
            q.unit, q.kind = nxt.unit, nxt.kind
            continue
        if nxt and nxt.unit and _shares_unit(q, gap):
            if q.scale == 1.0:
                q.value, q.scale = q.value * nxt.scale, nxt.scale
            q.unit, q.kind = nxt.unit, nxt.kind
            continue
        money = [p for p in found[:i] if p.kind == "money"]
        if q.scale > 1 and money:
            q.unit, q.kind, q.unit_from = money[-1].unit, "money", money[-1]
            continue
        group = [p for p in found[:i] if p.kind == "count" and p.unit and _GROUP.search(
            p.sentence[max(0, p.start - 12) : p.start])]  # fmt: skip
        if group and q.scale == 1.0 and q.value < group[0].value:
            q.unit, q.kind = group[0].unit, "count"
    return found


# "12 beziehungsweise 8 Prozent", "12 und 8 Prozent": two figures in one unit
_PAIR = re.compile(r"\s*(?:,|und|and|bzw\.|beziehungsweise|sowie)\s*", re.I)
_CHANGE_TO = re.compile(r"\s+(?:auf|to)\s+", re.I)  # "um 0,5 auf 54,1 Punkte"
_BY = re.compile(r"\b(?:um|by)\s+$", re.I)
_GROUP = re.compile(r"\b(?:von|of|out\s+of|unter|among)\s+(?:the\s+|den\s+)?$", re.I)


def _shares_unit(q: Quantity, gap: str) -> bool:
    if _PAIR.fullmatch(gap):
        return not _RANGE_OPEN.search(q.sentence[max(0, q.start - 10) : q.start])
    return bool(_CHANGE_TO.fullmatch(gap) and _BY.search(q.sentence[max(0, q.start - 5) : q.start]))


_CHANGE_FROM = re.compile(r"\b(up|down|higher|lower)\s+from\s+\S*$", re.I)
_NEW_LEVEL = re.compile(r"\b(?:to|auf)\s+(?:\S+\s+)?$", re.I)


def _mark_from_to(found: list[Quantity]) -> list[Quantity]:
    """`von 5 auf 7 Prozent`, `from 19% to 37%`: one figure, 7 %, that started at 5.

    The old level keeps `baseline` and leaves the ranking; the new one carries it as
    `start_value` with the direction the two imply. `54 million, up from 34 million a year
    ago`, `rose to 200 dinars per canister from 170 dinars` are the same with the old level
    after the new one. `einen Umsatzsprung von 16 Prozent auf 11 Milliarden` is no old
    level (the units differ), nor is "eine Strafe von 105 Millionen Dollar".
    """
    for i, q in enumerate(found):
        if not _FROM.search(q.sentence[max(0, q.start - 14) : q.start]):
            change = _CHANGE_NOUN.search(q.sentence, max(0, q.start - 40), q.start)
            if change and not _newer_level(found[:i], q, said=True):
                q.orphan = "up" if change.group(1).casefold() in _RISES else "down"
            continue
        # "von 442 Millionen Euro im Jahr 2014 im Vorjahr auf 757 Millionen": years between
        nxt = next((n for n in found[i + 1 :] if n.kind != "year"), None)
        if nxt and _TO.fullmatch(q.sentence[q.end : nxt.start]):
            if q.unit not in (None, nxt.unit):
                continue
            if (
                q.unit is None is nxt.unit
                and q.scale == nxt.scale
                and nxt.kind in ("other", "count")
            ):
                nxt.kind = "count"  # "revised the jobs gains from 157,000 to 133,000"
            if q.unit is None and q.scale == 1.0:
                q.value *= nxt.scale  # "from 2 to 3.5 million"
            q.unit, q.kind = nxt.unit, nxt.kind
            _starts(nxt, q, None)
            continue
        before = q.sentence[max(0, q.start - 20) : q.start]
        if not before.rstrip().casefold().endswith("from"):
            continue
        said = _CHANGE_FROM.search(before)
        newer = _newer_level(found[:i], q, said is not None)
        if newer is not None:
            if q.unit is None:
                q.unit, q.kind = newer.unit, newer.kind
            _starts(newer, q, said.group(1).casefold() if said else None)
        elif change := _CHANGE_NOUN.search(q.sentence, max(0, q.start - 40), q.start):
            q.orphan = "up" if change.group(1).casefold() in _RISES else "down"
    return found


_COMPARED = re.compile(
    r"\s*,?\s*(?:compared\s+(?:with|to)|compares\s+(?:with|to)|gegenüber|verglichen\s+mit)"
    r"\s+(?:(?:a|the)\s+previous\s+|last\s+year's\s+|(?:rund|etwa|about|around)\s+)?$",
    re.I,
)


def _mark_compared(found: list[Quantity]) -> list[Quantity]:
    """`£17.9bn, compared with £21.8bn in January last year`, `6GB compared to a previous
    4GB`: the figure moved from the one it is compared with (which stays a figure)."""
    for q, p in pairwise(found):
        same = q.unit and q.unit == p.unit and q.value != p.value and q.implied is None
        if same and _COMPARED.fullmatch(q.sentence[q.end : p.start]):
            q.implied = "up" if q.value > p.value else "down"
            p.earlier = True
    return found


# "While it predicts this fall from the current 2.1% level": the new level came before.
_CHANGE_NOUN = re.compile(
    r"\b(fall|drop|decline|slowdown|cut|rise|increase|jump|gain|climb|Rückgang|Anstieg"
    r"|Plus|Minus)\s+(?:from|von)\s+(?:the\s+|dem\s+|den\s+)?(?:current\s+|bisherigen?\s+"
    r"|previous\s+)?$",
    re.I,
)
_RISES = frozenset({"rise", "increase", "jump", "gain", "climb", "anstieg", "plus"})


def _newer_level(before: list[Quantity], old: Quantity, said: bool) -> Quantity | None:
    """The figure an old level after it belongs to: the last one in its unit ("up from")
    or the last one a "to" introduced ("rose to 200 dinars ... from 170 dinars")."""
    same = [
        p
        for p in before
        if not p.baseline
        and not p.conversion
        and (p.unit == old.unit or (old.unit is None and p.scale == old.scale > 1))
        and p.unit
    ]
    if not same:
        return None
    newer = same[-1]
    if said or _NEW_LEVEL.search(newer.sentence[max(0, newer.start - 30) : newer.start]):
        return newer
    return None


def _starts(new: Quantity, old: Quantity, word: str | None) -> None:
    old.baseline, new.start_value = True, old.value
    if word in ("up", "higher"):
        new.implied = "up"
    elif word in ("down", "lower"):
        new.implied = "down"
    elif new.value != old.value:
        new.implied = "up" if new.value > old.value else "down"


def _merge_ranges(found: list[Quantity]) -> list[Quantity]:
    """`10 bis 15 Prozent`, `$5-10bn`, `between 2 and 3 million`: one figure, the low end."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev
            and not prev.baseline
            and prev.kind != "year"
            and (q.unit or q.scale > 1)
            and (prev.unit in (None, q.unit))
        ):
            gap = q.sentence[prev.end : q.start]
            opened = _RANGE_OPEN.search(q.sentence[max(0, prev.start - 10) : prev.start])
            word = gap.strip()
            if q.value / (q.scale if prev.unit is None else 1.0) < prev.value:
                out.append(q)  # "5-4" runs backwards: a score or a code, not a range
                continue
            joined = _RANGE_JOIN.fullmatch(gap) and (
                word not in ("and", "und", "to", "or", "oder")
                or (word in ("to", "or", "oder") and prev.unit is None)
            )
            if joined or (opened and _RANGE_JOIN.fullmatch(gap)):
                scale = q.scale if prev.unit is None else 1.0
                out[-1] = replace(prev, end=q.end, unit=q.unit, kind=q.kind,
                                  value=prev.value * scale, scale=scale)  # fmt: skip
                continue
        out.append(q)
    return [q for q in out if q.kind != "other" or q.unit]
