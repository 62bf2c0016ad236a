"""Read numbers as German and English newsrooms write them: digits with either decimal
convention, scale words (`Mrd.`, `bn`, `Millionen`), number words (`elf`, `zweieinhalb`,
`three`) and fractions (`two-thirds`, `ein Drittel`)."""

from __future__ import annotations

import re

# Digits with optional thousands groups and decimals. A group is exactly three digits:
# "0.0032%" is a small decimal, not 0.003 followed by a stray 2. A plain space separates
# a group only between one or two digits and a word, a currency or a range's dash ("13 000
# Migranten", "rund 10 000 Flüchtlinge", "13 000 €", "12 500–13 000"; in 10kGNAD,
# german-news and BBC every such span is one number): "in 2015 300 people" stays two
# numbers, "0845 8 505 505" and "059 133 60" are phone numbers, "40 787 Dreamliner aircraft"
# are 40 Boeing 787s.
DIGITS = (
    r"\d{1,3}(?:[.,'\u202f\u00a0]\d{3})+(?!\d)(?:[.,]\d+)?"
    r"|(?<!\d )(?<!\d[.,] )(?<!\d)\d{1,2} (?!7\d7\s+[A-Z])\d{3}"
    r"(?=\s+[^\W\d]|\s*[€$£%]|\s*[–-]\s*\d)"
    r"|\d+(?:[.,]\d+)?"
)

_UNITS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_UNITS_DE = {
    "null": 0, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eins": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
    "anderthalb": 1.5, "eineinhalb": 1.5, "einhundert": 100, "eintausend": 1000,
    "halbe": 0.5, "halben": 0.5, "halber": 0.5, "dutzend": 12,
    "dreissig": 30,  # Swiss spelling, and "dreißig" as casefold writes it
}  # fmt: skip
_DE_TENS = "zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig"
_DE_ONES = "ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"

_EN_ONES = "one|two|three|four|five|six|seven|eight|nine"
# "two and a half million cars", "two-and-a-half"; "a million jobs", "a thousand people"
# (only before a scale; "a thousand better songs" is no count; "half a million", "a quarter
# of a million" are shares of one, ``shares``)
WORD_NUMBER_EN = (
    rf"(?:(?:{_EN_ONES}|ten)(?:\s+and\s+a\s+half|-and-a-half)(?=[\s-]+(?:million|billion)s?\b)"
    r"|(?<![Hh]alf\s)(?<!\bof\s)an?(?=\s+(?:thousand(?!\s+(?:better|worse|more|times|ways|reasons|words)\b)"
    r"|million|billion|trillion)\b)"
    rf"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:{_EN_ONES})|"
    + "|".join(sorted(_UNITS_EN, key=len, reverse=True))
    + ")"
)
_AND_A_HALF = re.compile(r"(\w+)(?:\s+and\s+a\s+half|-and-a-half)")
WORD_NUMBER_DE = (
    rf"(?:(?:{_DE_ONES})und(?:{_DE_TENS})|(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)"
    r"einhalb|" + "|".join(sorted(_UNITS_DE, key=len, reverse=True)) + ")"
)

_GROUPED = {sep: re.compile(rf"\d{{1,3}}(\{sep}\d{{3}})+") for sep in ".,"}
_DE_COMPOUND = re.compile(rf"({_DE_ONES})und({_DE_TENS})")

SCALES = {
    "k": 1e3, "thousand": 1e3, "tausend": 1e3, "tsd": 1e3, "tsd.": 1e3,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6, "mio": 1e6, "mio.": 1e6,
    "millionen": 1e6, "bn": 1e9, "billion": 1e9, "billions": 1e9, "mrd": 1e9, "mrd.": 1e9,
    "milliarde": 1e9, "milliarden": 1e9, "tn": 1e12, "trn": 1e12, "trillion": 1e12,
    "billionen": 1e12, "dozen": 12, "dutzend": 12,
}  # fmt: skip
# German "Billion" is 10^12; only the English reading is 10^9. German "4K" is a screen
# resolution, never four thousand.
SCALES_DE = {**{k: v for k, v in SCALES.items() if k != "k"}, "billion": 1e12}

FRACTIONS = {
    "half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "sixth": 1 / 6, "sixths": 1 / 6, "eighth": 0.125,
    "eighths": 0.125, "tenth": 0.1, "tenths": 0.1, "hälfte": 0.5, "drittel": 1 / 3,
    "viertel": 0.25, "fünftel": 0.2, "sechstel": 1 / 6, "achtel": 0.125, "zehntel": 0.1,
}  # fmt: skip


def parse_digits(text: str, lang: str) -> float | None:
    """`1.000,5` (German) and `1,000.5` (English) both mean one thousand and a half.

    A separator followed by exactly three digits with another separator or the end
    after it is a thousands group in both languages; otherwise the language decides
    which mark is the decimal one.
    """
    raw = text.replace("\u202f", "").replace("\u00a0", "").replace("'", "").replace(" ", "")
    decimal = "," if lang != "en" else "."
    group = "." if decimal == "," else ","
    if group in raw and decimal not in raw and not _GROUPED[group].fullmatch(raw):
        # "1.5" in a German text or "1,5" in an English one: the writer used the other
        # convention for a decimal.
        decimal, group = group, decimal
    raw = raw.replace(group, "").replace(decimal, ".")
    try:
        return float(raw)
    except ValueError:
        return None


def parse_word(word: str, lang: str) -> float | None:
    """Value of a number word, or None when the word is not one."""
    w = word.casefold()
    if lang == "en" or w in _UNITS_EN:
        if w in _UNITS_EN:
            return float(_UNITS_EN[w])
        if "-" in w or " " in w:  # "forty-two", "Fifty nine percent"
            tens, _, one = w.replace(" ", "-").partition("-")
            if tens in _UNITS_EN and one in _UNITS_EN:
                return float(_UNITS_EN[tens] + _UNITS_EN[one])
    if w in _UNITS_DE:
        return float(_UNITS_DE[w])
    if w.endswith("einhalb") and (base := _UNITS_DE.get(w[: -len("einhalb")])) is not None:
        return base + 0.5
    if m := _DE_COMPOUND.fullmatch(w):
        return float(_UNITS_DE[m.group(1)] + _UNITS_DE[m.group(2)])
    return None


def parse_number(text: str, lang: str) -> float | None:
    if text[:1].isdigit():
        return parse_digits(text, lang)
    if lang == "en" and text.casefold() in ("a", "an"):
        return 1.0  # "a million jobs": the pattern only takes it before a scale word
    if lang == "en" and (half := _AND_A_HALF.fullmatch(text.casefold())):
        whole = parse_word(half.group(1), lang)
        return None if whole is None else whole + 0.5
    return parse_word(text, lang)


def scale_of(word: str, lang: str) -> float | None:
    table = SCALES_DE if lang == "de" else SCALES
    return table.get(word.casefold())
