"""What a number measures, read from the text right of it: a scale word (`Mrd.`, `bn`),
a currency, a percent sign, a measure (`km/h`, `6GB`, `Meter pro Sekunde`) or the noun it
counts (`464,000 subscribers`, `17 mutmaßliche Schmuggler`)."""

from __future__ import annotations

import re

from bot.intelligence.figures import cues, excluded
from bot.intelligence.figures.numbers import parse_word, scale_of
from bot.intelligence.figures.quantity import COMPARATIVE, NOUN, QUOTES, quote_at
from bot.intelligence.stopwords import FUNCTION_WORDS

_ATTACHED = re.compile(r"(bn|mn|m|k|tn|trn|%|x|-?mal|-?fache?[nmrs]?|-fold|p)(?![\w%])", re.I)
_SCALE_WORD = re.compile(
    r"\s?(Mrd\.?|Mio\.?|Tsd\.?|Milliarden?|Millionen?|Billionen?|Tausend|billions?|millions?"
    r"|trillions?|thousand|bn|mn|tn|dozen|Dutzend)(?![\w])",
    re.I,
)
_SPACED_METRES = re.compile(r"\s(m)(?![\w/²%])")


def _currency_after(text: str, pos: int) -> bool:
    """ "300m Dollar", "5 m Dollar": German "m" before a currency counts millions of it, not
    metres."""
    return bool(_CUR_POST.match(text, pos))


_SPACED_SCALE = re.compile(r"\s(m|bn)(?![\w%])")  # "$458 m" after a currency sign
_COUNTRY_CURRENCY = "|".join(
    w.replace(" ", r"\s+") for w in sorted(cues.COUNTRY_CURRENCIES, key=len, reverse=True)
)
_CUR_POST = re.compile(
    rf"\s?({_COUNTRY_CURRENCY}"
    r"|francs?|US-Dollars?|Dollars?|Euros?|€|\$|Pfund|pounds?(?:\s+sterling)?|Franken|CHF|Yen"
    r"|USD|EUR|GBP|Rubel|roubles|rubles|Yuan|Renminbi|Kronen|rupees|Cents?|pence|rand|lira"
    r"|zloty|shekels|baht|ringgit|rupiah|naira|hryvnia|forint|kronor|kroner|krona|pesos|dinars"
    r"|dirhams|riyals|reais|Lewa|Leva|Kuna|Bitcoins?)"
    r"(?!\w)(?!-(?!Cent)(?-i:[A-ZÄÖÜ]))",  # "18 Euro-Finanzminister": people
    re.I,
)
_PERCENT = re.compile(
    r"\s?(%|Prozentpunkte?n?|Prozent|per\s?cent|pct|percentage\s+points?|Basispunkte?n?"
    r"|basis\s+points?)(?!\w)",
    re.I,
)
_TIMES = re.compile(r"[\s-](times|mal)(?=\s|[.,;]|$)", re.I)  # also "10-times faster"
# "computational speed has leaped 500,000 times": a rise by a large multiple; "rates have
# risen 14 times since 2015" counts occasions.
_MOVED_BEFORE = re.compile(
    r"\b(?:leap(?:ed|t)|jump(?:ed)?|soared|rose|risen|grown|grew|increased|multiplied)\s+"
    r"(?:(?:by\s+)?(?:about|some|nearly|almost|more\s+than|over)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|[1-9]\d{2,})$",
    re.I,
)
_OCCASIONS_AFTER = re.compile(r"\s+(?:since|in\s+the\s+(?:past|last)|this|over\s+the)\b", re.I)


def _moved_multiple(sentence: str, pos: int, after: str) -> bool:
    """ "has leaped 500,000 times" (not "risen 140 times since 2015")."""
    moved = _MOVED_BEFORE.search(sentence, max(0, pos - 40), pos)
    return bool(moved) and not _OCCASIONS_AFTER.match(after)


_BY_TIMES = re.compile(
    r"\b(?:by|um)\s+(?:(?:up\s+to|about|around|some|nearly|almost|more\s+than|over|bis\s+zu"
    r"|etwa|rund)\s+)?[\w.,]+$",
    re.I,
)
_AS_MUCH_AS = re.compile(r"\s+(?:as|so)\s+[^\W\d]+\s+(?:as|wie)\b", re.I)
_COMPOUND_CURRENCY = re.compile(r"-(Euro|Dollar|Franken|Pfund)-(\w+)", re.I)
_HYPHEN_MEASURE = re.compile(r"-([a-z]+)\s+([a-z]+)")
_BANKNOTE = re.compile(r"(?:Bank)?(?:[Ss]chein|[Nn]ote|[Mm]ünze)\w*")
# German compounds and adjectives built on a number: "130-kg-Koloss", "2,00-Meter-Mann",
# "100.000-Einwohner-Stadt", "137-seitige Bericht", "90-prozentiger Wahrscheinlichkeit".
_COMPOUND_HEAD = re.compile(r"-([^\W\d_]+)-(?=[A-ZÄÖÜ])")
_NUMBER_ADJECTIVE = re.compile(r"-(seitig|prozentig|köpfig)(?:e[nmrs]?)?(?!\w)", re.I)
_ADJECTIVE_UNITS = {"seitig": ("Seiten", "count"), "prozentig": ("%", "percent"),
                    "köpfig": ("people", "count")}  # fmt: skip


def _in_compound(tail: str) -> tuple[str, str, int] | None:
    """(unit, kind, length) when the number starts a German compound or adjective."""
    if m := _NUMBER_ADJECTIVE.match(tail):
        adjective_unit, kind = _ADJECTIVE_UNITS[m.group(1).casefold()]
        return adjective_unit, kind, m.end()
    m = _COMPOUND_HEAD.match(tail)
    if m is None:
        return None
    word = m.group(1)
    if word.casefold() == "grad":
        return "°", "name", m.end(1)  # "360-Grad-Kamera", "180-Grad-Wende": an angle
    if word.casefold() == "prozent":
        return "%", "percent", m.end(1)  # "die Fünf-Prozent-Hürde", "das Zwei-Prozent-Ziel"
    if (unit := cues.MEASURE_UNITS.get(word.casefold())) is not None:
        return unit, "other", m.end(1)
    if cues.is_person(word.casefold()):
        return "people", "count", m.end(1)
    return None


Unit = tuple[float, str | None, str, int]  # multiplier, unit, kind, end position


def unit_after(sentence: str, pos: int, pre: str | None, lang: str) -> Unit:
    """Multiplier, unit, kind and end position from the text right of a number core."""
    rest = sentence[pos:]
    currency = cues.CURRENCY_WORDS.get(" ".join(pre.split()).casefold()) if pre else None
    m = _ATTACHED_MEASURE.match(rest) if not currency else None
    if m and m.group(1) == "MP" and lang != "de" and m.start(1) > 0:
        m = None  # "56 MP seats" are members of parliament; "a 5MP sensor" is megapixels
    if m:  # "6GB", "250 km/h"
        symbol = m.group(1)
        unit = _BITS.get(symbol) or cues.MEASURE_UNITS[symbol.casefold()]
        rate, length = _rate(sentence, pos + m.end())
        return 1.0, unit + rate, "other", pos + m.end() + length
    factor, end = 1.0, pos
    if m := _ATTACHED.match(rest):
        if (attached := _attached(sentence, pos, m, currency, lang)) is not None:
            return attached
        factor, end = scale_of(m.group(1).casefold().lstrip("-"), lang) or 1.0, pos + m.end()
    elif (
        lang == "de"
        and not currency
        and (m := _SPACED_METRES.match(rest))
        and not _currency_after(rest, m.end())
    ):
        return 1.0, "m", "other", pos + m.end()  # "rund 300 m": German writes "Mio." for millions
    elif (m := _SCALE_WORD.match(rest)) or (currency and (m := _SPACED_SCALE.match(rest))):
        factor, end = scale_of(m.group(1).rstrip("."), lang) or 1.0, pos + m.end()
    return _words_after(sentence, pos, end, factor, currency, lang)


def _attached(
    sentence: str, pos: int, m: re.Match[str], currency: str | None, lang: str
) -> Unit | None:
    """A suffix glued to the number that is no scale: "5X", "16%", "zehnfach", "100m",
    "70p"."""
    suffix = m.group(1).casefold().lstrip("-")
    if m.group(1) in ("X", "P") or (m.group(1) in ("p", "M") and lang == "de"):
        return 1.0, None, "name", pos + m.end()  # "Nexus 5X", "Nexus 6P": a model
    if suffix == "%":
        return 1.0, "%", "percent", pos + m.end()
    if suffix in ("x",) or suffix.startswith(("mal", "fach", "fold")):
        if suffix.startswith("fach") and excluded.title_holder(sentence, pos + m.end()):
            return 1.0, "titles", "score", pos + m.end()  # "die 31-fache Weltcupsiegerin"
        if suffix == "mal" and not COMPARATIVE.match(sentence, pos + m.end()):
            return 1.0, "mal", "count", pos + m.end()  # "13-mal novelliert": occasions
        return 1.0, "x", "multiplier", pos + m.end()
    german_metres = lang == "de" and not _currency_after(sentence, pos + m.end())
    if suffix == "m" and not currency and (german_metres or _metres(sentence, pos + m.end())):
        rate, length = _rate(sentence, pos + m.end())  # "17m/s", "426m per minute"
        return 1.0, "m" + rate, "other", pos + m.end() + length  # 100m sprint: metres
    if suffix == "p":
        return 0.01, "GBP", "money", pos + m.end()
    return None


# What follows a length, never a count of millions: "17m per second", "the 508m tower",
# "more than 50m taller", "their 382m track".
_LENGTH_AFTER = re.compile(
    r"\s*(?:/s\b|(?:per|a)\s+(?:second|minute|hour)\b|(?:tall|taller|high|higher|long|longer"
    r"|deep|deeper|wide|wider|away|above|below|track|tower|building|skyscraper|wall|bridge"
    r"|dam|pool|stretch|cliff|drop|descent|climb|span|mast|spire)\b)",
    re.I,
)


# Korea's won only after a scale word: "the team of 11 won" is no money.
_WON = re.compile(r"\s(won)\b")


def _metres(sentence: str, pos: int) -> bool:
    """A bare "100m" is metres unless a counted noun follows ("17m people"); in athletics
    copy also before a word that is no noun ("set a best of 16.50m in the triple jump")."""
    if _LENGTH_AFTER.match(sentence, pos) or not (noun := NOUN.match(sentence, pos)):
        return True
    return excluded.athletics(sentence) and noun.group(1).casefold() in _NOT_COUNTED_AFTER


_NOT_COUNTED_AFTER = frozenset({"in", "to", "and", "at", "for", "on", "with", "from", "of"})


def _words_after(
    sentence: str, pos: int, end: int, factor: float, currency: str | None, lang: str
) -> Unit:
    """The unit said in words after the number and its scale: a currency, a percent, a
    multiplier, a measure or what it counts."""
    tail = sentence[end:]
    if m := _CUR_POST.match(tail) or (_WON.match(tail) if factor > 1 else None):
        return _currency_word(m, tail, end, factor, currency, lang)  # "100 trillion won"
    if currency:
        return factor, currency, "money", end
    if m := _PERCENT.match(tail):
        word = m.group(1).casefold().replace(" ", "")
        unit = "%" if word in ("%", "prozent", "percent", "pct") else "pp"
        return factor, unit, "percent", end + m.end()
    m = _TIMES.match(tail)
    if m and (
        COMPARATIVE.match(tail, m.end())
        or _moved_multiple(sentence, pos, tail[m.end() :])
        or tail[m.end() :].startswith(" the ")
        or _AS_MUCH_AS.match(tail, m.end())  # "four times as fast as Qrio"
        or _BY_TIMES.search(sentence, max(0, pos - 30), pos)  # "magnify text by up to 10 times"
    ):
        return factor, "x", "multiplier", end + m.end(1)
    decimal = factor == 1.0 and _DECIMAL_BEFORE.search(sentence, 0, pos)
    if decimal and (m := _TIMES_DECIMAL.match(tail)):
        return factor, "x", "multiplier", end + m.end(1)  # "oversubscribed 16.2 times"
    if _DECIMAL_BEFORE.search(sentence, 0, pos) and _PARTITIVE_ONLY.match(tail):
        return factor, None, "other", end  # "12,55 der Arbeitgeber": a share, no count of them
    return _shaped(tail, end, factor, lang) or _counted_after(tail, end, factor, lang)


def _currency_word(
    m: re.Match[str], tail: str, end: int, factor: float, currency: str | None, lang: str
) -> Unit:
    if lang == "en" and m.group(1) == "Cent":
        return factor, None, "name", end + m.end()  # "50 Cent", the rapper
    word = " ".join(m.group(1).casefold().split())
    word = word if word in cues.CURRENCY_WORDS else word.split()[0]
    if word in cues.CENT_WORDS:
        return factor * 0.01, currency or cues.CENT_WORDS[word], "money", end + m.end()
    if word in ("euro", "euros") and (cents := _CENTS_AFTER.match(tail, m.end())):
        return factor * 0.01, "EUR", "money", end + cents.end()  # "22 euro cents"
    return factor, cues.CURRENCY_WORDS.get(word, word.upper()), "money", end + m.end()


def _shaped(tail: str, end: int, factor: float, lang: str) -> Unit | None:
    """Units in the shape of a compound: "30-Euro-Gutschein", "square kilometres", "a
    30-man squad", "a 25-yard strike", "130-kg-Koloss"."""
    if m := _COMPOUND_CURRENCY.match(tail):
        if _BANKNOTE.fullmatch(m.group(2)):
            return factor, None, "name", end + m.end()  # "500-Euro-Scheine": a denomination
        return factor, cues.CURRENCY_WORDS[m.group(1).casefold()], "money", end + m.end(1)
    if m := _SQUARE.match(tail):  # "1,000 square kilometres"
        return factor, _SQUARE_UNITS[m.group(1)[:3].casefold()], "other", end + m.end()
    if lang == "en" and (m := _CREW.match(tail)):  # "a 30-man squad", "a 5,000-strong crowd"
        return factor, "people", "count", end + m.end()
    if lang == "en" and (hyphened := _hyphen_measure(tail)):  # "a 25-yard strike"
        measure, kind, length = hyphened
        return factor, measure, kind, end + length
    if compound := _in_compound(tail):  # "130-kg-Koloss", "137-seitige Bericht"
        unit, kind, length = compound
        return factor, unit, kind, end + length
    return None


def _counted_after(tail: str, end: int, factor: float, lang: str) -> Unit:
    if _PEOPLE_VERB.match(tail) or (factor > 1 and _AUDIENCE_VERB.match(tail)):
        return factor, "people", "count", end  # "Rund 700 arbeiten für die CEE-Sparte"
    if (
        lang == "de"
        and (m := _PARTICIPLE_PEOPLE.match(tail))
        and cues.is_person(m.group(1).casefold())
    ):
        return factor, "people", "count", end + m.end()  # "795 Millionen an Hunger leidenden
        # Menschen", "rund 130.000 die Hauptstadt passierende Personen"
    if counted := counted_noun(tail, lang):
        unit, kind, length = counted
        if lang == "de" and (scale := _SCALED_MONEY_DE.search(unit)):
            # "200 Bruttowerbemillionen": millions of euros of gross advertising
            return factor * _SCALES_DE[scale.group(1)], "EUR", "money", end + length
        if not (factor > 1 and lang == "de" and _MONEY_NOUN_DE.search(unit)):
            return factor, unit, kind, end + length
        # "rund einer Million Eigenerlösen": an amount of money in the story's currency
    return factor, None, "count" if factor > 1 else "other", end


# A match report's crowd: after "Att:", or before the referee's name and county ("3,803  S
# Mathieson (Cheshire)", BBC match reports; "Wien, Ernst-Happel-Stadion, 48.500 (ausverkauft),
# SR Stavrev", derStandard's).
_ATTENDANCE_BEFORE = re.compile(r"\b(?:Att|Attendance|Zuschauer)\s*:\s*$")
_REFEREE_AFTER = re.compile(
    r"\s+(?:Ref(?:eree)?:\s+)?[A-Z]\.?\s?[A-Z][\w'-]+(?:[\s-][A-Z][\w'-]+)?\s+\([A-Z][^()]{2,30}\)"
    r"|(?:\s+\(ausverkauft\))?,\s+(?:SR|Schiedsrichter)\s+[A-ZÄÖÜ]"
)
_THOUSANDS = re.compile(r"\d{1,3}[,.]\d{3}")


def attendance(sentence: str, start: int, end: int) -> bool:
    """Whether a bare number is the crowd of a match report."""
    if not _THOUSANDS.fullmatch(sentence, start, end):
        return False
    return bool(
        _ATTENDANCE_BEFORE.search(sentence, max(0, start - 14), start)
        or _REFEREE_AFTER.match(sentence, end)
    )


def _hyphen_measure(tail: str) -> tuple[str, str, int] | None:
    """ "a 25-yard strike" measures yards; "the 100-metre final" names an event."""
    m = _HYPHEN_MEASURE.match(tail)
    if m is None or (measure := cues.MEASURE_UNITS.get(m.group(1).casefold())) is None:
        return None
    return measure, "name" if excluded.event_word(m.group(2)) else "other", m.end(1)


# Verbs only people do, right after a bare number: "Rund 700 arbeiten", "856.000 sahen".
_PEOPLE_VERB = re.compile(
    r"\s+(?:arbeiten|arbeiteten|sahen|starben|sterben|stimmten|wählten|protestierten"
    r"|protestieren|demonstrierten|demonstrieren|streiken|streikten|flüchteten|fliehen|flohen"
    r"|lebten|leben|wohnen|besuchten|work|worked|died|voted|attended|watched|protested"
    r"|fled)\b"
)
# People described by a participle phrase between number and noun.
_PARTICIPLE_PEOPLE = re.compile(
    r"(?:\s+(?:an|die|der|den|das|im|in|am|aus|von|mit|unter|auf|vor|nach)\s+[\wäöüß-]+){1,2}"
    r"\s+[a-zäöüß]+(?:end|t)e[nr]?\s+([A-ZÄÖÜ][\wäöüß-]+)"
)
# An audience said with a verb, only after a scale: "24 million saw him" ("Week 3 saw rain").
_AUDIENCE_VERB = re.compile(r"\s+(?:saw(?!\s+(?:their|its|his|her)\b)|tuned\s+in)\b")
_DECIMAL_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}[.,]\d{1,2}$")  # no one does a thing 16.2 times
_TIMES_DECIMAL = re.compile(r"\s(times|mal)\b", re.I)
_CENTS_AFTER = re.compile(r"\s+cents?\b", re.I)
_SQUARE = re.compile(r"\s(?:square|sq)\s+(kilomet\w+|met(?:re|er)s?|miles?|feet|foot)(?!\w)", re.I)
_SQUARE_UNITS = {"kil": "km²", "met": "m²", "mil": "sq mi", "fee": "sq ft", "foo": "sq ft"}
_CREW = re.compile(r"-(?:man|woman|member|strong|person)(?!\w)")
# German compounds of a money word and a scale: "Werbemillionen", "Fördermilliarden".
_SCALED_MONEY_DE = re.compile(r"^[a-zäöüß-]{3,}(millionen|milliarden)$")
_SCALES_DE = {"millionen": 1e6, "milliarden": 1e9}
_MONEY_NOUN_DE = re.compile(
    r"(?:erlös|umsatz|umsätz|einnahme|subvention|förderung|kosten|gewinn|ausgabe|schulden"
    r"|budget|gehalt|gehält|prämie|spende|kredit|investition|gebühr|zuschuss|zuschüss"
    r"|defizit|mittel)(?:e|en|n|s|es|er|ern)?$"
)


def counted_noun(tail: str, lang: str) -> tuple[str, str, int] | None:
    """(unit, kind, length) of what a number counts; a noun in quotes only with its closing
    quote, which the length takes in ("5.000 „Flüchtlingen“", "3000 „illegale Migranten“";
    not "35 „außer Gefecht gesetzten“ syrischen Kämpfern")."""
    counted = _noun_counted(tail, lang)
    if counted is None or not any(c in tail[: counted[2]] for c in QUOTES):
        return counted
    unit, kind, length = counted
    return (unit, kind, length + 1) if quote_at(tail, length) else None


def _noun_counted(tail: str, lang: str) -> tuple[str, str, int] | None:
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
    last = key.rpartition("-")[2]  # "160 WM-Punkten" counts Punkte
    if last in cues.SCORE_NOUNS or last.removesuffix("n") in cues.SCORE_NOUNS:
        return key, "score", m.end()  # "97 Zähler", "mit 402 Zählern" in a ski jumping report
    if key in cues.DURATION_NOUNS:
        return key, "other", m.end()
    if lang == "de" and (span := _YEARS_COMPOUND.search(key)):
        return span.group(0), "other", m.end()  # "in 29 Dienstjahren": a duration
    if last != key and noun.rpartition("-")[2].isupper():
        return None  # "einer Publikums-KG": a company form, no kilogram
    if last in cues.MEASURE_NOUNS and not (last == "mp" and lang != "de"):  # "56 MP seats"
        if lang == "en" and noun[:1].isupper():
            return key, "name", m.end()  # "her role in 21 Grams": a title
        rate, length = _rate(tail, m.end())
        return _measure(cues.MEASURE_UNITS[last], rate), "other", m.end() + length
    if lang == "de" and _KILOMETRES_DE.search(key):
        return "km", "other", m.end()  # "30 Flusskilometer", "120 Autobahnkilometer"
    if (head := key.partition("-")[0]) in cues.MEASURE_NOUNS and head != key:
        return cues.MEASURE_UNITS[head], "other", m.start(1) + len(head)  # "Megapixel-Kamera"
    if key == "stück" and (item := _WORD.match(tail, m.end())) and item.group(1)[:1].isupper():
        return item.group(1).casefold(), "count", item.end()  # "22.105 Stück Granaten"
    if key.endswith("-") and (joined := _ELLIPSIS.match(tail, m.end())):
        m, noun = joined, joined.group(1)  # "zwölf Feuerleit- und Beobachtungssysteme"
    if counted := _counted(noun, lang):
        return counted[0], counted[1], m.end()
    return _after_modifiers(tail, m.start(1), lang)


def _after_modifiers(tail: str, first: int, lang: str) -> tuple[str, str, int] | None:
    """What a number counts past up to two modifiers from ``first``: "17 mutmaßliche
    Schmuggler", "900,000 military and civilian staff", "120 torlosen Minuten"."""
    pos = part.end() if (part := _OF_ITS.match(tail)) else first
    for _ in range(_MODIFIERS + 1):
        word = _WORD.match(tail, pos)
        joined = _AND_MODIFIER.match(tail, pos) if pos > first else None
        if joined and tail[:pos].casefold().endswith(_ADJECTIVE_ENDS):
            word = joined  # "900,000 military and civilian staff"
        if word is None:
            return None
        if pos > first and word.group(1).casefold() in cues.DURATION_NOUNS:
            return word.group(1).casefold(), "other", word.end()  # "120 torlosen Minuten"
        if pos > first and (counted := _counted(word.group(1), lang)):
            device = _DEVICE.search(tail, first, word.start(1))
            if device and word.group(1).casefold() == "players":
                return word.group(1).casefold(), "count", word.end()  # "portable players"
            return counted[0], counted[1], word.end()
        if not _modifier(word.group(1), lang):
            return None
        pos = word.end()
    return None


_MODIFIERS = 2
_DEVICE = re.compile(r"\b(?:portable|music|mp3|dvd|cd|media|video|digital|blu-ray)\s", re.I)
_AND_MODIFIER = re.compile(r"\s+(?:and|or|und|oder)\s+([a-zäöüß][\w-]*)")
_ADJECTIVE_ENDS = ("al", "ary", "ian", "ic", "ive", "ous", "ful", "ish", "ern", "ische",
                   "ischen", "liche", "lichen")  # fmt: skip
# German compounds on years and months count time ("Dienstjahren", "Lebensmonaten"), not
# "Lichtjahre", a distance.
_YEARS_COMPOUND = re.compile(
    r"(?<!licht)(?:jahre|jahren|monate|monaten|(?<!milli)sekunden|minuten)$"
)
_KILOMETRES_DE = re.compile(r"^(?!quadrat|kubik)\w{3,}kilometer[ns]?$")
_ATTACHED_MEASURE = re.compile(
    r"\s?(km/h|km²|m²|[MG][Bb]it/s|Mbps|kbps|(?i:GHz)|(?i:MHz)|kWh|mAh|GB|MB|TB|Mb|mb|km|kg|mg|mph|mm|cm"
    r"|MW|GW|kW|ft|MP)(?![\w/²])"
)
_BITS = {"Mb": "Mbps", "Mbit/s": "Mbps", "MBit/s": "Mbps", "Gbit/s": "Gbps", "GBit/s": "Gbps",
         "mb": "MB"}  # fmt: skip
_BIT_RATES = {
    "Mbit/s": "Mbps",
    "kbit/s": "kbps",
    "Gbit/s": "Gbps",
    "barrels/day": "bpd",
    "miles/h": "mph",  # "35 oder 40 Meilen pro Stunde"
    "Mbit": "Mbps",  # "a one gigabit network", "a 2 megabit line": a speed without "a second"
    "Gbit": "Gbps",
    "kbit": "kbps",
}  # "a 2Mb line": broadband speed, not megabytes
# "Meter pro Sekunde", "barrels of oil per day"
_PER = re.compile(r"(?:\s+of\s+[a-z]+)?\s?(?:/|pro\s|per\s|je\s|an?\s)\s*([^\W\d]+)", re.I)


def _rate(text: str, pos: int) -> tuple[str, int]:
    """("/s", length) for "Meter pro Sekunde"; ("", 0) when no rate follows. A year is the
    time frame of an amount, no rate: "140 Millionen Tonnen pro Jahr" are tonnes, as "170
    Tonnen im Jahr" are (the way all gold sets read them)."""
    m = _PER.match(text, pos)
    if m is None or (per := cues.RATE_PER.get(m.group(1).casefold())) is None:
        return "", 0
    return ("" if per == "year" else "/" + per), m.end() - pos


def angle(unit: str | None, value: float, sentence: str) -> str | None:
    """ "turn 180 degrees": a right or straight angle is no temperature, nor is a slope
    ("ein etwa 35 Grad steiler Hang")."""
    if unit == "°C" and _SLOPE.search(sentence) and not _HEAT.search(sentence):
        return "°"
    if unit == "°C" and value in (90, 180, 270, 360) and not _HEAT.search(sentence):
        return "°"
    return unit


_SLOPE = re.compile(r"\bGrad\s+(?:steil\w*|Neigung|Gefälle)|\bdegrees?\s+(?:slope|incline|angle)")


_HEAT = re.compile(r"celsius|temperat|heat|hitze|warm|kalt|cold|grad\s+c", re.I)


def _measure(unit: str, rate: str) -> str:
    """ "Mbit" + "/s" is shown as Mbps."""
    return _BIT_RATES.get(unit + rate, unit + rate)


_WORD = re.compile(r"\s*([^\W\d][\w-]*)")
_ELLIPSIS = re.compile(r"\s+(?:und|oder|bzw\.)\s+([^\W\d][\w-]*)")
# "30,000 of its people", "14 of its biggest construction projects", "500 der Beschäftigten"
# A number with decimals (``_DECIMAL_BEFORE``) before a partitive counts no persons or things.
_PARTITIVE_ONLY = re.compile(r"\s(?:der|des|of\s+the|of\s+its|of\s+their)\s", re.I)
_OF_ITS = re.compile(
    r"\s(?:of\s+(?:its|their|his|her|our|these|those|the)|der|dieser|jener|more|fewer|extra)"
    r"(?=\s)",
    re.I,
)
_NO_MODIFIERS = frozenset({"many", "few", "several", "viele", "wenige", "mehrere", "einige"})
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_GERMAN_ADJECTIVE = ("e", "en", "er", "es", "em")
_ADVERB_DE = ("al", "ell", "ig", "lich", "isch", "iv", "bar", "los", "sam", "haft")


_VAGUE_AMOUNTS = cues.words_of(
    "zigtausende zehntausende hunderttausende tausende hunderte dutzende thousands hundreds dozens"
)


def _counted(noun: str, lang: str) -> tuple[str, str] | None:
    key = noun.casefold()
    if key in cues.CURRENCY_WORDS or key in cues.CENT_WORDS:
        return None  # "65 Canadian cents" is money, not a count of cents
    if key in _VAGUE_AMOUNTS:
        return None  # "Zwischen 1722 und 1787 kamen Zigtausende": an amount, nothing counted
    if lang == "de" and not noun[:1].isupper():
        return None  # "die 2012 havarierte Costa Concordia": German nouns are capitalized
    if cues.is_person(key):
        return "people", "count"
    if key in cues.THING_NOUNS or _looks_counted(noun, lang) or _ACRONYM_PLURAL.fullmatch(noun):
        return (noun if _ACRONYM_PLURAL.fullmatch(noun) else key), "count"
    return None


def _modifier(word: str, lang: str) -> bool:
    """An adjective or noun modifier between a number and what it counts: lowercase and
    no function word ("mutmaßliche", "coal-fired", "garment"; not "as", "auf", "were")."""
    key = word.casefold()
    if lang != "de" and word.isupper() and 2 <= len(word) <= 4:
        return True  # "80 million new PC users", "300 UK firms"
    if lang != "de" and word.istitle() and word.isalpha() and key not in FUNCTION_WORDS["en"]:
        return True  # "15 Brit awards", "three Oscar nominations"
    if not word.islower() or key in cues.NOT_COUNTED or key in cues.NOT_LABELS:
        return False
    if key in _NO_MODIFIERS:
        return False  # "During 2000 many motorists": a year, then what happened in it
    if parse_word(key, lang) is not None:
        return False  # "440,000 six months earlier": a second number, no modifier
    if key in FUNCTION_WORDS["en"] or key in FUNCTION_WORDS["de"]:
        return False
    if lang == "de":  # an adjective, or an adverb before one ("33 illegal eingereiste")
        return key.endswith(_GERMAN_ADJECTIVE) or (key.endswith(_ADVERB_DE) and key.isalpha())
    return not key.endswith(("ly", "s")) or key.endswith("ous")  # "230 fewer serious injuries"


def _looks_counted(noun: str, lang: str) -> bool:
    if lang == "de":
        return noun[:1].isupper() and noun.casefold() not in cues.NOT_COUNTED
    return (
        len(noun) >= 4 and noun.endswith("s") and not noun.endswith(("ss", "us")) and noun.islower()
        and noun.casefold() not in cues.NOT_COUNTED
    )  # fmt: skip
