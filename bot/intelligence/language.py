"""Language of an article from its function words: German and English first, and enough of
French, Spanish, Italian, Dutch and Portuguese to mark an article as neither.

Function words are frequent in every sentence and rare across languages, so counting them
over the first few thousand characters is fast and needs no model download.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "de": """der die das und nicht ist mit für auf wird sich ein eine dem den des von zu im
        auch als bei nach wie noch aus hat sind wurde werden sie er es über nur oder aber
        vor zur zum dass einen einer durch um mehr kann man was will an im beim ins vom""",
    "en": """the and of is with for on has that are to it he she they this from
        have by at be as not but which were been their would said who had its or""",
    "fr": """le la les et des est une dans pour que qui pas sur avec sont au aux du par ce
        il elle nous vous ont été cette mais plus""",
    "es": """el la los las del es una en para que por con no se al su como más pero sus
        fue ha este esta entre también""",
    "it": """il la le gli del della di che è un una per con non sono anche più nel alla
        questo come ma ha stato""",
    "nl": """de het een en van is dat op te zijn met voor niet aan er ook als bij door maar
        wordt heeft om naar deze""",
    "pt": """os as do da dos das em um uma para que com não por se mais como mas foi
        ao sua seu também""",
}
# Words common to several languages ("in", "was", "die") are left out of all but one list.
_WORDS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
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
