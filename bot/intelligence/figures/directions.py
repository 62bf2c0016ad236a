"""Which way a figure moved: up or down from the nearest cue word in its clause
("jumped 76%", "Umsatzsprung von 16 Prozent", "gaben um 4,0 Prozent nach"), or none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.intelligence.figures import cues
from bot.intelligence.figures.clauses import blocked, clause, walls
from bot.intelligence.figures.quantity import COMPARATIVE, Quantity

# "80% or higher" is a threshold, "weighed down by debts" a burden: no movement.
_NO_MOVE = re.compile(
    r"\b(?:or|oder|weigh(?:ed|s)?|step(?:ped|s)?|turn(?:ed|s)?|shut|play(?:ed|s)?|broke)\s+$",
    re.I,
)


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
    left, right = clause(q.sentence, q.start, q.end)
    lo, hi = max(left, q.start - 90), min(right, q.end + 30)
    fences = walls(q, others)
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
            if blocked(span, fences) or _NO_MOVE.search(
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
            if move and inside and not blocked((m.end(1), q.start), fences):
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
