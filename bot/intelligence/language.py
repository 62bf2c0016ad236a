"""Language of an article from its function words: German and English first, and enough of
French, Spanish, Italian, Dutch and Portuguese to mark an article as neither.

Function words are frequent in every sentence and rare across languages, so counting them
over the first few thousand characters is fast and needs no model download.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.intelligence.stopwords import LANGUAGE_MARKERS

_WORDS = LANGUAGE_MARKERS
_TOKEN = re.compile(r"[^\W\d_]+")
_SAMPLE = 3000
_MIN_HITS = 3


def language_scores(text: str) -> dict[str, int]:
    """How many function words of each language the start of a text holds."""
    # Single letters ("A.C.A.B.", initials) say nothing about the language.
    tokens = Counter(t.casefold() for t in _TOKEN.findall(text[:_SAMPLE]) if len(t) > 1)
    return {lang: sum(tokens[w] for w in words & tokens.keys()) for lang, words in _WORDS.items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short or too mixed to tell."""
    scores = language_scores(text)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < _MIN_HITS or top < 1.3 * second:
        return None
    return best


def normalize_hint(hint: str | None) -> str | None:
    """`de-DE`, `DE`, `german` -> `de`; anything unreadable -> None."""
    if not hint:
        return None
    value = hint.strip().casefold().replace("_", "-")
    named = {"german": "de", "deutsch": "de", "english": "en", "englisch": "en"}
    if value in named:
        return named[value]
    code = value.split("-")[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def resolve_language(text: str, hint: str | None = None) -> str | None:
    """The detected language wins over a feed's claim; the claim fills in when text is thin."""
    return detect_language(text) or normalize_hint(hint)
