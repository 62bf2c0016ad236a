"""Text normalisation shared by the search index and the query side.

Index and query must turn text into terms the *same* way, or a query can never match:
everything here is deterministic and data-free (no models, no downloads).

- ``fold``: lower case, umlauts and ß folded so that ``Müller``, ``Mueller`` and
  ``Muller`` meet in one spelling (``muller``); accents stripped.
- ``tokens``: words and numbers; ``16%`` also yields ``prozent`` and ``$11bn`` also
  yields ``11`` and ``bn``, so figures typed either way meet.
- ``stem``: a light German/English suffix stripper. It is deliberately conservative —
  prefix and fuzzy matching on the query side pick up what it leaves.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain, pairwise

from bot.intelligence.stopwords import FUNCTION_WORDS, QUESTION_WORDS, all_languages

_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
# Letters NFKD does not decompose; a few str.replace calls beat str.translate here.
_SPECIAL_PAIRS = (("ß", "ss"), ("ẞ", "ss"), ("æ", "ae"), ("ø", "o"), ("œ", "oe"), ("ł", "l"))
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*[a-z]*|[a-z][a-z0-9]*|%|€|\$|£")
_ALNUM_SPLIT = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[a-z]+")
_HTML_ENTITY = re.compile(r"&#(\d+);")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")

# Symbols people type for units in either language, mapped to one shared term.
SYMBOL_TERMS = {"%": "prozent", "€": "euro", "$": "dollar", "£": "pfund"}
# Bilingual spellings of the same unit or word; both index and query map to the value.
SYNONYMS = {
    "percent": "prozent",
    "pct": "prozent",
    "eur": "euro",
    "usd": "dollar",
    "pound": "pfund",
    "pounds": "pfund",
    "gbp": "pfund",
    "mio": "million",
    "millionen": "million",
    "millions": "million",
    "mrd": "milliarde",
    "milliarden": "milliarde",
    "billion": "milliarde",
    "billions": "milliarde",
    "bn": "milliarde",
    "ai": "ki",  # artificial intelligence = künstliche Intelligenz
}


def fold(text: str) -> str:
    """Lower-case, umlaut- and accent-free form of ``text`` (``Größe`` -> ``grosse``)."""
    if "&#" in text:
        text = _HTML_ENTITY.sub(_entity, text)
    text = text.lower()
    if not text.isascii():
        for char, repl in _SPECIAL_PAIRS:
            if char in text:
                text = text.replace(char, repl)
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    return text


# Stop words in the folded spelling index and query terms use (``für`` -> ``fur``).
STOPWORDS = frozenset(fold(w) for w in all_languages(FUNCTION_WORDS))
# Words reporters wrap around the topic when they ask the bot; dropped from queries only.
QUERY_STOPWORDS = frozenset(fold(w) for w in all_languages(QUESTION_WORDS))


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """``fold`` for single words, cached: headlines repeat the same names all day."""
    return fold(word)


def _entity(match: re.Match[str]) -> str:
    """BBC texts carry ``&#163;``-style entities; decode them rather than index digits."""
    code = int(match.group(1))
    return chr(code) if code < 0x110000 else " "


def raw_tokens(text: str) -> list[str]:
    """Folded surface tokens in order, before stemming or stop-word removal; a hyphen
    joining a short part adds the joined word after them (``All-in`` -> ``allin``,
    ``E-Mail`` -> ``email``, ``GPA-djp`` -> ``gpadjp``), so "all-in contracts" meets
    "All-in-Verträge" although "all" and "in" are stop words."""
    folded = fold(text)
    if "," in folded:
        folded = _DECIMAL_COMMA.sub(".", folded)
    tokens = _TOKEN.findall(folded)
    if "-" in folded:
        tokens += [joined for word in _HYPHENATED.findall(folded) for joined in _joined(word)]
    return tokens


def _joined(word: str) -> list[str]:
    parts = word.split("-")
    return [a + b for a, b in pairwise(parts) if min(len(a), len(b)) <= 3]


def expand_token(token: str) -> list[str]:
    """The index terms one surface token stands for (usually just itself)."""
    if token in SYMBOL_TERMS:
        return [SYMBOL_TERMS[token]]
    if token in SYNONYMS:
        return [SYNONYMS[token]]
    if token.isalpha() or token.isdigit():
        return [token]
    parts = _ALNUM_SPLIT.findall(token)
    if len(parts) < 2:
        return [token]
    return [token, *(SYNONYMS.get(part, part) for part in parts)]


def terms(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Stemmed index terms of ``text`` in order (duplicates kept, for term frequencies)."""
    lookup = _token_terms_all if keep_stopwords else token_terms
    return list(chain.from_iterable(map(lookup, raw_tokens(text))))


@lru_cache(maxsize=400_000)
def token_terms(token: str) -> tuple[str, ...]:
    """Index terms of one folded surface token; empty for stop words."""
    if token in STOPWORDS:
        return ()
    return _token_terms_all(token)


@lru_cache(maxsize=400_000)
def _token_terms_all(token: str) -> tuple[str, ...]:
    return tuple(stem(term) for term in expand_token(token))


_SUFFIXES = (
    # longest first; each entry is (suffix, minimum stem length left behind)
    ("ies", 3), ("ing", 4), ("ern", 4), ("en", 4), ("er", 4), ("es", 4), ("ed", 4),
    ("em", 4), ("e", 4), ("n", 4), ("s", 3),
)  # fmt: skip


@lru_cache(maxsize=400_000)
def stem(term: str) -> str:
    """Strip up to two inflection suffixes (``Häusern`` -> ``haus``, ``jumped`` -> ``jump``).

    Numbers and words under five letters stay as they are; ``-ss``/``-us`` endings keep
    their ``s`` (``business``, ``status``).
    """
    if len(term) < 5 or not term.isalpha():
        return term
    for _ in range(2):
        stripped = _strip_once(term)
        if stripped == term:
            break
        term = stripped
    return term


def _strip_once(term: str) -> str:
    for suffix, min_stem in _SUFFIXES:
        if not term.endswith(suffix) or len(term) - len(suffix) < min_stem:
            continue
        if suffix == "s" and term[-2] in "su":
            return term
        base = term[: -len(suffix)]
        return base + "y" if suffix == "ies" else base
    return term


def max_typos(term: str) -> int:
    """Edits tolerated in a word: 1 from 4 letters, 2 from 8; none for numbers.

    Applied to the *intended* (dictionary) word, so a long word typed with a letter
    missing still gets its two edits.
    """
    if not term.isalpha():
        return 0
    if len(term) >= 8:
        return 2
    if len(term) >= 4:
        return 1
    return 0
