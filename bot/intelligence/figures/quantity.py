"""A number with what it measures, as the scanners of one sentence hand it on, and the
two word patterns every step reads after a number: the noun it counts and a comparative."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Quotation marks a counted noun may stand in, opening or closing, in the styles German,
# Swiss and English copy use („…“, »…«, «…», ‚…‘, "…", “…”).
QUOTES = '„“”»«‚‘’"'

NOUN = re.compile(
    r"\s+(?:(?:more|new|neue|neuen|weitere|weiteren|zusätzliche|additional|other|andere)\s)?"
    rf"[{QUOTES}]?([^\W\d][\w-]*)"  # also a noun in quotes: 5.000 „Flüchtlingen“
)


def quote_at(text: str, pos: int) -> bool:
    """A quotation mark stands at ``pos``."""
    return 0 <= pos < len(text) and text[pos] in QUOTES


COMPARATIVE = re.compile(
    r"\s(?:(?:as|so)\s)?(?!(?:leider|wieder|immer|aber|oder|über|unter|hier|sehr|der|er"
    r"|jeder|dieser|ihrer|unser|euer|per|after|over|under|never|ever|either|neither|other"
    r"|whether|together|later|number|quarter|order|member|player|summer|winter|power"
    r"|water|paper|letter|matter|offer|manager|minister|partner|border|ander(?:e[nmrs]?)?"
    r"|winner|runner|leader|holder|owner|founder|driver|rider|striker|keeper|speaker"
    r"|weitere[nmrs]?|mehrere[nmrs]?|unsere[nmrs]?|späte(?:r|re[nmrs]?))\b)"
    r"(\w{3,}er|more|less|mehr|weniger|hoch|much|many|viele?)(?:e[nmrs]?)?\b",
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
    unit_from: Quantity | None = None  # "um drei Millionen" has the unit of the 27 Millionen,
    # "144 x 75,2 x 8,9 mm" the unit of the last side
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
