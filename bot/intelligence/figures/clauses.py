"""The clause layout of a sentence that labels and directions read: asides, clause
breaks and the other figures a cue or label word cannot cross."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.intelligence.figures.quantity import Quantity

# Two figures one cue speaks for: "jumped 76% to $1.13bn", "um 16 Prozent auf 11 Mrd.",
# "from about 4.5% today to about 25%", "£347m, an 82% jump": a short gap with a word that
# joins levels of one measure. "cut 12,800 jobs following its $16bn takeover" has none.
_LINK_WORD = re.compile(
    r"\b(?:to|from|at|an?|and|or|versus|vs|auf|von|bis|um|und|oder|gegenüber|bzw"
    r"|beziehungsweise|respectively|sowie)\b",
    re.I,
)
_PUNCT_ONLY = re.compile(r"[\s,;()$€£]*")


def linked(sentence: str, start: int, end: int) -> bool:
    gap = sentence[start:end]
    if _PUNCT_ONLY.fullmatch(gap):
        return True
    if _REACHED.search(gap):
        return len(gap.split()) <= 6  # "surged 25% over the holiday season to $23.2bn"
    return len(gap.split()) <= 4 and bool(_LINK_WORD.search(gap))


# The level a move reached, after words on when or where it moved.
_REACHED = re.compile(
    r"^(?![^,;:()]*\b(?:after|as|because|when|while|since|and|und|als|weil|nachdem|sent|gave)\b)"
    r"[^,;:()]*\s(?:to|auf)\s+(?:(?:about|around|nearly|almost|rund|etwa|knapp|gut)\s+"
    r"|(?:a|an)\s+(?:new\s+|record\s+|fresh\s+)?(?:high|low|peak)\s+of\s+)?$"
)


# Asides never end a clause: "$16bn (£8.3bn) takeover", "the consumer price index (CPI)
# would rise", "mortgage approvals - loans approved but not yet made - were £2bn".
ASIDE = re.compile(r"\([^()]{1,40}\)|\s[–—-]\s[^–—()]{1,90}?\s[–—-]\s")
# ", die Neuschneemenge beträgt jedoch einen halben Meter": a German article and noun after a
# comma open a clause of their own (a relative "die" is followed by no noun; "…, die
# Inlandsorders um 2,6 Prozent" shares the verb before it).
_CLAUSE_BREAK = re.compile(
    r"[;:()]|\s[–—-]\s|,\s(?:while|but|whereas|aber|während|doch|und|and|wobei)\b"
    r"|,\s(?=(?:der|die|das)\s+[A-ZÄÖÜ][a-zäöüß]+\s+(?!(?:um|auf|von|bei|mit|im|in|zu)\s)[a-zäöüß])"
)


def clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding a figure: cues beyond a semicolon belong elsewhere.

    A bracketed conversion is no break: "$16bn (£8.3bn) takeover" is about a takeover.
    """
    all_asides, all_breaks = layout(sentence)
    asides = [(a, b) for a, b in all_asides if not a < start < b]
    breaks = [(s, e) for s, e in all_breaks if not any(a <= s < b for a, b in asides)]
    left = max((e for s, e in breaks if e <= start), default=0)
    right = min((s for s, e in breaks if s >= end), default=len(sentence))
    return left, right


Spans = tuple[tuple[int, int], ...]


@lru_cache(maxsize=64)
def layout(sentence: str) -> tuple[Spans, Spans]:
    """Asides and clause breaks of a sentence, found once for all its figures."""
    asides = tuple(m.span() for m in ASIDE.finditer(sentence))
    return asides, tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))


def walls(q: Quantity, others: Sequence[Quantity]) -> list[tuple[int, int]]:
    """Spans of the other figures in the sentence that a cue or label word cannot cross."""
    return [
        (o.start, o.end)
        for o in others
        if (o.end <= q.start and not linked(q.sentence, o.end, q.start))
        or (o.start >= q.end and not linked(q.sentence, q.end, o.start))
    ]


def blocked(span: tuple[int, int], walls: Sequence[tuple[int, int]]) -> bool:
    """True when another figure stands between the two ends of the span."""
    return any(span[0] <= a and b <= span[1] for a, b in walls)
