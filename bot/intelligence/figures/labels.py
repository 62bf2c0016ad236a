"""What a figure measures and which way it moved, read from its sentence.

``direction`` takes the nearest up/down cue in the figure's clause; ``label`` a word or
two from the most specific source the sentence offers: the counted noun, the comparative
of a multiplier, a measure word nearby, what follows the amount, the clause's subject.
Another figure in the sentence is a wall neither cues nor label words cross.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from bot.intelligence.figures import cues, phrases, subjects
from bot.intelligence.figures.numbers import scale_of
from bot.intelligence.figures.quantities import COMPARATIVE, NOUN, Quantity

_ALPHA = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WHAT_FOLLOWS = re.compile(
    r"\s(?:(?:in|of)\s+)?(?:(?:the|those|these|all|its|their|new)\s+)*([a-z][a-z-]{3,})\b"
)
# "$1.354 to the euro", "$1.20 against the euro": an exchange rate.
_AGAINST = re.compile(
    r"\s+(?:against|versus|to|per|gegenüber)\s+(?:the\s+|dem\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(euro|dollar|yen|pound|sterling|franc|yuan|Euro|Dollar|Yen|Pfund|Franken)\b"
)
_CURRENCY_NAME = {"USD": "dollar", "EUR": "euro", "GBP": "pound", "JPY": "yen", "CHF": "franc"}
_PARTITIVE = re.compile(
    r"\s+(?:der|von|of\s+the|of)\s+(?:\d[\d.,]*\s+)?([A-ZÄÖÜa-zäöüß][\wäöüß-]{3,})"
)
_COMMA = re.compile(r",\s")
# "80% or higher" is a threshold, "weighed down by debts" a burden: no movement.
_NO_MOVE = re.compile(
    r"\b(?:or|oder|weigh(?:ed|s)?|step(?:ped|s)?|turn(?:ed|s)?|shut|play(?:ed|s)?|broke)\s+$",
    re.I,
)
# A measure word followed by a preposition or genitive heads its phrase: "Earnings at
# Barclays Capital investment bank", "Die Preise der Ausgabengruppe Verkehr".
_HEAD_OF_PHRASE = re.compile(r"\w*\s+(?:at|of|for|from|der|des|für|bei|im|aus)\s", re.I)
_COMPOUND_NOUN = re.compile(r"-([A-ZÄÖÜ]\w+)")
# Two figures one cue speaks for: "jumped 76% to $1.13bn", "um 16 Prozent auf 11 Mrd.",
# "from about 4.5% today to about 25%", "£347m, an 82% jump": a short gap with a word that
# joins levels of one measure. "cut 12,800 jobs following its $16bn takeover" has none.
_LINK_WORD = re.compile(
    r"\b(?:to|from|at|an?|and|or|versus|vs|auf|von|bis|um|und|oder|gegenüber|bzw"
    r"|beziehungsweise|respectively|sowie)\b",
    re.I,
)
_PUNCT_ONLY = re.compile(r"[\s,;()$€£]*")


def _linked(sentence: str, start: int, end: int) -> bool:
    gap = sentence[start:end]
    if _PUNCT_ONLY.fullmatch(gap):
        return True
    return len(gap.split()) <= 4 and bool(_LINK_WORD.search(gap))


# Asides never end a clause: "$16bn (£8.3bn) takeover", "the consumer price index (CPI)
# would rise", "mortgage approvals - loans approved but not yet made - were £2bn".
_ASIDE = re.compile(r"\([^()]{1,40}\)|\s[–—-]\s[^–—()]{1,90}?\s[–—-]\s")
_CLAUSE_BREAK = re.compile(
    r"[;:()]|\s[–—-]\s|,\s(?:while|but|whereas|aber|während|doch|und|and|wobei)\b"
)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding a figure: cues beyond a semicolon belong elsewhere.

    A bracketed conversion is no break: "$16bn (£8.3bn) takeover" is about a takeover.
    """
    all_asides, all_breaks = _layout(sentence)
    asides = [(a, b) for a, b in all_asides if not a < start < b]
    breaks = [(s, e) for s, e in all_breaks if not any(a <= s < b for a, b in asides)]
    left = max((e for s, e in breaks if e <= start), default=0)
    right = min((s for s, e in breaks if s >= end), default=len(sentence))
    return left, right


Spans = tuple[tuple[int, int], ...]


@lru_cache(maxsize=64)
def _layout(sentence: str) -> tuple[Spans, Spans]:
    """Asides and clause breaks of a sentence, found once for all its figures."""
    asides = tuple(m.span() for m in _ASIDE.finditer(sentence))
    return asides, tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))


def direction(q: Quantity, lang: str, others: Sequence[Quantity] = ()) -> str | None:
    """Up or down from the nearest cue in the clause ("jumped 76%", "Umsatzsprung von").

    A cue never reaches past another figure: in "cut 12,800 jobs following its $16bn
    takeover" the cut belongs to the jobs, not to the takeover price. It does reach past
    one the same cue speaks for ("jumped 76% to $1.13bn") or that is the cue ("double").
    """
    if q.kind == "multiplier" and COMPARATIVE.match(q.sentence, q.end):
        return None  # "seven times more likely", "zehnmal schneller": a comparison
    if lang != "de" and q.kind == "count" and (m := _MORE_OF.search(q.text)):
        return "up" if m.group(1).casefold() == "more" else "down"  # "5,000 more copies"
    left, right = _clause(q.sentence, q.start, q.end)
    lo, hi = max(left, q.start - 90), min(right, q.end + 30)
    walls = _walls(q, others)
    best: tuple[int, str] | None = None
    cue_lang = "de" if lang == "de" else "en"
    for regex, name in ((cues.UP_RE[cue_lang], "up"), (cues.DOWN_RE[cue_lang], "down")):
        for m in regex.finditer(q.sentence, lo, hi):
            if m.end() <= q.start:
                dist = q.start - m.end()
                span = (m.end(), q.start)
            elif m.start() >= q.end:
                dist = m.start() - q.end + 10  # cues after the number bind a little weaker
                span = (q.end, m.start())
            else:
                continue
            if _blocked(span, walls) or _NO_MOVE.search(
                q.sentence, max(0, m.start() - 12), m.start()
            ):
                continue
            if m.group(0).casefold() in ("up", "down") and (
                _phrasal(q.sentence, m.start())
                or not cues.particle_moves(q.sentence, m.start(), m.end())
            ):
                continue  # "up to £820,000", "racks up only 0.0051%", "make up 16%"
            than = _comparative(m.group(0)) and cues.THAN.match(q.sentence, m.end())
            if than and not than.group("earlier"):
                continue  # "höher als der Wert des Gutscheins": a comparison, no movement
            if best is None or dist < best[0]:
                best = (dist, name)
    if lang == "de":
        for m in cues.SEPARABLE_DE.finditer(q.sentence, lo, right):
            move = cues.separable_move(m.group(1), m.group(2))
            dist = q.start - m.end(1)
            inside = m.end(1) <= q.start < m.start(2)
            if move and inside and not _blocked((m.end(1), q.start), walls):
                best = best if best is not None and best[0] <= dist else (dist, move)
    return best[1] if best else None


_MORE_OF = re.compile(r"\s(more|fewer)\s", re.I)


def _comparative(word: str) -> bool:
    w = word.casefold()
    return w.endswith("er") or w in ("more", "less", "fewer", "mehr", "weniger")


_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")


def _phrasal(sentence: str, pos: int) -> bool:
    word = _LAST_WORD.search(sentence, max(0, pos - 20), pos)
    return word is not None and cues.is_phrasal(word.group(1))


def _walls(q: Quantity, others: Sequence[Quantity]) -> list[tuple[int, int]]:
    """Spans of the other figures in the sentence that a cue or label word cannot cross."""
    return [
        (o.start, o.end)
        for o in others
        if (o.end <= q.start and not _linked(q.sentence, o.end, q.start))
        or (o.start >= q.end and not _linked(q.sentence, q.end, o.start))
    ]


def _blocked(span: tuple[int, int], walls: Sequence[tuple[int, int]]) -> bool:
    """True when another figure stands between the two ends of the span."""
    return any(span[0] <= a and b <= span[1] for a, b in walls)


def _label_clause(q: Quantity) -> tuple[int, int]:
    left, right = _clause(q.sentence, q.start, q.end)
    if q.sentence[max(0, q.start - 1) : q.start] == "(" and left == q.start:
        left, _ = _clause(q.sentence, q.start - 1, q.start - 1)  # "Gemüse (plus 9,4 Prozent)"
    return left, right


def clause_subject(
    q: Quantity, lang: str, others: Sequence[Quantity] = (), previous: str = ""
) -> str | None:
    """The weakest label: whatever the clause is about ("Das Unternehmen muss ...").

    In English the clause starts after another figure before this one: in "the disabled
    will make up 16% and the elderly nearly a third" the third is the elderly's. A pronoun
    ("It has lost 7%", "Sie legten um 0,1 Prozent zu") stands for what the sentence before
    was about (``previous``).
    """
    left, _ = _label_clause(q)
    if lang != "de":
        left = max([left] + [o.end for o in others if left <= o.end <= q.start])
    text = _ASIDE.sub(" ", q.sentence[left : q.start])  # "Liquidity - a measure … - was"
    # "The unemployment rate is improving, too: It is set to slip below 13%": the clause
    # before comes first, then the sentence before.
    before = (q.sentence[:left], previous) if left > 0 else (previous,)
    return subjects.subject(text, lang, sentence_start=left == 0, previous=before)


def named_label(q: Quantity, lang: str, others: Sequence[Quantity] = ()) -> str | None:
    """The label when the sentence names what the figure measures, else None."""
    tail = q.sentence[q.end :]
    noun = NOUN.match(tail) if q.kind == "count" else None
    counted = q.text.split()[-1].strip(".,") if q.kind == "count" else ""
    generic = ""  # "400 people were injured": "injured" says more than "people"
    if q.unit and counted.replace("-", "").isalpha() and scale_of(counted, lang) is None:
        if counted.casefold() not in phrases.GENERIC_PEOPLE:
            return counted  # "464,000 subscribers", "1500 Grenzbeamte"
        generic = counted
    compared = COMPARATIVE.match(tail) if q.kind == "multiplier" else None
    if compared and (what := _compared(q.sentence, q.end + compared.end(1), compared.group(1))):
        return what  # "zehnmal schneller"; "1.9 times more likely" says how, not what
    if m := _COMPOUND_NOUN.match(tail):
        return m.group(1)  # "30-Euro-Gutschein", "130-kg-Koloss", "20,7 Megapixel-Kamera"
    if q.kind == "money" and (m := _AGAINST.match(tail)):
        return f"{_CURRENCY_NAME.get(q.unit or '', q.unit)}/{m.group(1).casefold()}"
    partitive = _PARTITIVE.match(tail) if q.kind == "count" else None
    if partitive and partitive.group(1).casefold() not in cues.NOT_LABELS:
        return partitive.group(1)  # "25 der 200 Abgeordneten", "25 of the 200 MPs"
    left, right = _label_clause(q)
    lo, hi = max(left, q.start - 90), min(right, q.end + 30)
    apposition = q.sentence[: q.start].rstrip().endswith(",")  # "Posten, 346.000 Euro, sind"
    if not apposition and (comma := _COMMA.search(q.sentence, q.end, hi)):
        hi = comma.start()  # "um 2,0 Prozent, Wohnungsmieten um 3,6": the next one's word
    best: tuple[int, str] | None = None
    walls = _walls(q, others)
    for pos, dist, label in _candidates(q, lang, lo, hi):
        span = (pos, q.start) if pos < q.start else (q.end, pos)
        if _blocked(span, walls) or any(a <= pos < b for a, b in walls):
            continue  # the word belongs to another figure ("12,800 jobs ... its $16bn")
        if (pos < q.start or pos >= q.end) and (best is None or dist < best[0]):
            best = (dist, label)
    if best:
        return best[1]
    if generic:
        return generic
    if noun and noun.group(1).casefold() not in cues.NOT_LABELS:
        return noun.group(1)
    if lang == "en" and (m := _WHAT_FOLLOWS.match(tail)):
        word = m.group(1)
        if word.casefold() not in cues.NOT_LABELS | phrases.WHEN and not cues.is_verb(word):
            return word  # "$1m payoff", "£82.7m in fines", "4% of those questioned"
    return None


def _candidates(q: Quantity, lang: str, lo: int, hi: int) -> Iterator[phrases.Candidate]:
    """Measure words of the clause and the phrase labels, each with its distance; none
    from an aside the figure is not in ("approvals - loans approved but not yet made -")."""
    asides = [(a, b) for a, b in _layout(q.sentence)[0] if not a <= q.start < b]
    for pos, label in cues.label_candidates(q.sentence[lo:hi], lang):
        pos += lo
        if any(a <= pos < b for a, b in asides):
            continue
        dist = q.start - pos if pos < q.start else pos - q.end + 30
        if pos < q.start and _HEAD_OF_PHRASE.match(q.sentence, pos + len(label)):
            dist -= 40  # "Earnings at Barclays Capital investment bank rose 25%": earnings
        yield pos, dist, label
    yield from phrases.candidates(q, lang)


# "zwölfmal so viele Planeten", "10 times more powerful", "42 Mal so hoch wie der Grenzwert"
_COMPARED_WITH = re.compile(r"\s+(?:\w+\s+){0,2}?(?:wie|as|than)\s+(?:der|die|das|the)\s+([\w-]+)")
_NEXT_WORD = re.compile(r"\s+([^\W\d][\w-]*)")
_ADJECTIVE_ENDS = ("ly", "ful", "ive", "able", "ible", "ous", "ant", "ent", "ig", "lich", "isch")


def _compared(sentence: str, pos: int, comparative: str) -> str | None:
    """What a multiplier compares: the word after "more"/"so viele", or what it is "as high
    as"; the comparative itself ("schneller") when it is the measure. None when "more" is
    followed by an adjective ("1.9 times more likely"): the clause's subject says more."""
    if comparative.casefold() in (
        "more",
        "less",
        "mehr",
        "weniger",
        "many",
        "much",
        "viele",
        "viel",
    ):
        m = _NEXT_WORD.match(sentence, pos)
        if m and m.group(1).casefold().endswith(_ADJECTIVE_ENDS):
            return None
        if m and m.group(1).casefold() not in cues.NOT_LABELS:
            return m.group(1)
    elif m := _COMPARED_WITH.match(sentence, pos):
        return m.group(1)
    return comparative
