"""Key figures of an article: the numbers a reader would quote, normalized and ranked.

`bot.quantities` finds every number with its unit; this module judges them: which way
the figure moved, what it measures (a short label), and how much it matters (money,
shares and counts near the top of the story first; years, dates and durations dropped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot import figure_cues as cues
from bot.numbers import scale_of
from bot.quantities import COMPARATIVE, NOUN, Quantity, quantities
from storage.articles import FigureFields

MAX_FIGURES = 5
_ALPHA = re.compile(r"[^\W\d_]+")
_WHAT_FOLLOWS = re.compile(
    r"\s(?:(?:in|of)\s+(?:(?:the|those|all|its|their|new)\s+)*)?([a-z][a-z-]{3,})\b"
)
_COMPOUND_NOUN = re.compile(r"-([A-ZÄÖÜ]\w+)")
_GERMAN_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*\b")
_CLAUSE_BREAK = re.compile(
    r"[;:()]|\s[–—-]\s|,\s(?:while|but|whereas|aber|während|doch|und|and|wobei)\b"
)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding a figure: cues beyond a semicolon belong elsewhere."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    nxt = _CLAUSE_BREAK.search(sentence, end)
    return left, nxt.start() if nxt else len(sentence)


def _direction(q: Quantity) -> str | None:
    """Up or down from the nearest cue in the clause ("jumped 76%", "Umsatzsprung von")."""
    left, right = _clause(q.sentence, q.start, q.end)
    lo, hi = max(left, q.start - 70), min(right, q.end + 30)
    best: tuple[int, str] | None = None
    for regex, name in ((cues.UP_RE, "up"), (cues.DOWN_RE, "down")):
        for m in regex.finditer(q.sentence, lo, hi):
            if m.end() <= q.start:
                dist = q.start - m.end()
            elif m.start() >= q.end:
                dist = m.start() - q.end + 10  # cues after the number bind a little weaker
            else:
                continue
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1] if best else None


def _label(q: Quantity, lang: str) -> str | None:
    """A word or two saying what the figure measures, from the most specific source:
    the counted noun, the comparative of a multiplier, a measure word in the clause, what
    follows the amount, the clause's subject."""
    tail = q.sentence[q.end :]
    noun = NOUN.match(tail) if q.kind == "count" else None
    counted = q.text.split()[-1].strip(".,") if q.kind == "count" else ""
    if q.unit and counted.isalpha() and scale_of(counted, lang) is None:
        return counted  # "464,000 subscribers", "1500 Grenzbeamte"
    if q.kind == "multiplier" and (m := COMPARATIVE.match(tail)):
        return m.group(1)
    if q.kind == "money" and (m := _COMPOUND_NOUN.match(tail)):
        return m.group(1)  # "30-Euro-Gutschein"
    left, right = _clause(q.sentence, q.start, q.end)
    if q.sentence[max(0, q.start - 1) : q.start] == "(" and left == q.start:
        left, _ = _clause(q.sentence, q.start - 1, q.start - 1)  # "Gemüse (plus 9,4 Prozent)"
    lo, hi = max(left, q.start - 90), min(right, q.end + 30)
    best: tuple[int, str] | None = None
    for pos, label in cues.label_candidates(q.sentence[lo:hi], lang):
        pos += lo
        dist = q.start - pos if pos < q.start else pos - q.end + 30
        if (pos < q.start or pos >= q.end) and (best is None or dist < best[0]):
            best = (dist, label)
    if best:
        return best[1]
    if noun and noun.group(1).casefold() not in cues.NOT_LABELS:
        return noun.group(1)
    if lang == "en" and (m := _WHAT_FOLLOWS.match(tail)):
        word = m.group(1)
        if word.casefold() not in cues.NOT_LABELS and not cues.is_verb(word):
            return word  # "$1m payoff", "£82.7m in fines", "4% of those questioned"
    return _subject(q.sentence[left : q.start], lang)


def _subject(before: str, lang: str) -> str | None:
    """What the clause talks about when no measure word names it.

    German puts the subject first ("Heizöl verbilligte sich um ..."), so the first noun of
    the clause wins; English puts it before the verb ("The currency has strengthened 4%").
    """
    if lang == "de":
        # The sentence's first word is capitalized whatever it is ("Außerdem", "Sollte").
        found = [m for m in _GERMAN_NOUN.finditer(before) if m.start() > 0]
        nouns = [m.group(0) for m in found if m.group(0).casefold() not in cues.NOT_LABELS]
        return nouns[0] if nouns else None
    words = [w for w in _ALPHA.findall(before) if w.casefold() not in cues.NOT_LABELS]
    verbs = [i for i, w in enumerate(words) if cues.is_verb(w)]
    if verbs and verbs[0] > 0:
        return words[verbs[0] - 1]
    return None


_KIND_WEIGHT = {"money": 3.0, "percent": 2.8, "multiplier": 2.6, "count": 2.0, "other": 1.2}


def _score(q: Quantity, index: int) -> float:
    """Money, shares and counts near the top of the story matter most."""
    weight = _KIND_WEIGHT.get(q.kind, 0.0)
    if q.kind == "count" and (q.unit is None or q.value < 10):
        weight = 1.2
    position = 1.3 if index < 0 else 1.0 / (1.0 + 0.12 * index)
    bonus = 0.4 * bool(q.label) + 0.3 * bool(q.direction) - 1.2 * q.baseline - 0.6 * q.conversion
    return weight * position + bonus


def _keep(q: Quantity) -> bool:
    """Years, dates and durations are context, not key figures."""
    if q.kind in ("year", "date"):
        return False
    return not (q.kind == "other" and q.unit in cues.DURATION_NOUNS)


def extract(sentences: Sequence[tuple[int, str]], lang: str) -> list[Quantity]:
    """All figures worth showing, best first. ``index`` < 0 marks title and teaser."""
    scored: dict[tuple[float, str | None], tuple[float, Quantity]] = {}
    for index, sentence in sentences:
        for q in quantities(sentence, lang):
            if not _keep(q):
                continue
            if not q.baseline:
                q.direction = q.direction or _direction(q) or q.implied
            q.label = _label(q, lang)
            if q.restates is not None:
                q.direction, q.label = q.restates.direction, q.restates.label
            score = _score(q, index)
            # One count per value: "18 reissues" and "18 hits" are the same figure.
            key = (
                round(q.value, 6),
                "count" if q.kind == "count" and q.unit != "people" else q.unit,
            )
            if key not in scored or scored[key][0] < score:
                scored[key] = (score, q)
    ranked = sorted(scored.values(), key=lambda pair: -pair[0])
    return [q for score, q in ranked if score >= 0.5]


def key_figures(
    sentences: Sequence[tuple[int, str]], lang: str, limit: int = MAX_FIGURES
) -> list[FigureFields]:
    """The top `limit` figures as storage rows, in rank order."""
    return [
        FigureFields(
            text=q.text,
            value=q.value,
            unit=q.unit,
            kind=q.kind,
            direction=q.direction,
            label=q.label,
            sentence=q.sentence.strip(),
        )
        for q in extract(sentences, lang)[:limit]
    ]
