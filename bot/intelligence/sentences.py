"""Sentence splitting that survives German news (`z. B.`, `Mrd.`, `17. Juli`, `1. FC Köln`).

pysbd gets these right but costs ~8 ms per kB of text, which made ingestion crawl. Most
sentence ends are unambiguous (a lowercase word, then `.`, then a capital), so only the
stretch of text around a period a rule cannot judge (after a German number, an initial or
a known abbreviation) goes to pysbd. Fix-ups then split what pysbd keeps together (`usw. Das`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd


def _words(text: str) -> list[str]:
    """Word lists stay readable as wrapped text."""
    return text.split()


# Words that end with a period without ending the sentence (casefolded, without the dot).
ABBREVIATIONS = frozenset(
    _words("""z b u a d h o ä s v dr prof nr mio mrd tsd bzw usw etc ca vgl ggf inkl evtl st mr mrs
    ms jr sr co inc ltd corp chr jh jhd ff abs art str tel no vs approx gen sen rep gov lt
    col capt sgt rev fig jan feb mar apr jun jul aug sep sept oct okt nov dec dez mo di mi
    do fr sa so hr fr frau hl dipl ing mag bzgl zb usa gmbh ag e v j bspw sog allg insb
    zit vorm nachm anm hrsg dt engl franz lat geb gest verh min max mind""")
)
_STARTERS = (
    r"Der|Die|Das|Er|Sie|Es|Wir|Ich|Dies|Doch|Aber|Auch|Damit|Dann|Dabei|Zudem|Im|In|Am"
    r"|Nach|Bei|Mit|Für|Laut|The|It|He|She|They|We|But|In|On"
)
# Abbreviations pysbd keeps attached to the next sentence when they end one.
_SENTENCE_FINAL_ABBR = re.compile(
    r"\b(?:usw|etc)\.\s+(?=[„\"“]?[A-ZÄÖÜ])"
    rf"|\b(?:Mio|Mrd|Tsd)\.\s+(?=(?:{_STARTERS})\b)"
    r"|\bS\.\s\d{1,4}\.\s+(?=[A-ZÄÖÜ])"
)
# A candidate end: terminal punctuation, optional closing quote/bracket, space, and an
# opening quote or a capital or digit.
_CANDIDATE = re.compile(r"([.!?…]+)([\"“”»«'’)\]]*)\s+(?=(?:[„\"“«»'‚(]|[–-]\s)?[A-ZÄÖÜ0-9])")
_YEAR_OR_AMOUNT = re.compile(r"\d{4}|\d+[.,]\d+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")  # "year-earlier.For the full-year"


PYSBD_WINDOW = 1500


@lru_cache(maxsize=8)
def _segmenter(lang: str) -> pysbd.Segmenter:
    """pysbd compiles its rules per instance: build one per language, once."""
    try:
        return pysbd.Segmenter(language=lang, clean=False)
    except ValueError:  # a language pysbd does not know
        return pysbd.Segmenter(language="en", clean=False)


def _ambiguous(word: str, punct: str, lang: str) -> bool:
    """True when a period after this word may not end the sentence."""
    if punct != ".":
        return False
    core = word.strip("\"“”„»«'’()[]").rstrip(".")
    if not core:
        return True
    if core[-1].isdigit():
        # Only German writes ordinals and dates with a period ("17. Juli"); a year or an
        # amount with separators ends a sentence there as well.
        return lang == "de" and not _YEAR_OR_AMOUNT.fullmatch(core)
    if len(core) == 1 or "." in core:  # initials, "z.B", "U.S"
        return True
    return core.casefold() in ABBREVIATIONS


def _chunks(paragraph: str, lang: str) -> list[tuple[str, bool]]:
    """Cut at unambiguous ends; each chunk says whether pysbd must still look at it."""
    chunks: list[tuple[str, bool]] = []
    start, unsure = 0, False
    for m in _CANDIDATE.finditer(paragraph):
        word = paragraph[paragraph.rfind(" ", 0, m.start()) + 1 : m.start()]
        if _ambiguous(word, m.group(1)[-1], lang):
            unsure = True
            continue
        chunks.append((paragraph[start : m.end()].strip(), unsure))
        start, unsure = m.end(), False
    chunks.append((paragraph[start:].strip(), unsure))
    return [(text, flag) for text, flag in chunks if text]


def _fix_ups(sentences: list[str]) -> list[str]:
    out: list[str] = []
    for sentence in sentences:
        start = 0
        for m in _SENTENCE_FINAL_ABBR.finditer(sentence):
            out.append(sentence[start : m.end()].strip())
            start = m.end()
        if rest := sentence[start:].strip():
            out.append(rest)
    return out


def split_paragraph(paragraph: str, lang: str | None) -> list[str]:
    paragraph = _GLUED.sub(" ", paragraph.strip())
    if not paragraph:
        return []
    lang = lang or "en"
    out: list[str] = []
    for chunk, unsure in _chunks(paragraph, lang):
        if unsure:
            for window in _windows(chunk):
                out.extend(_segment(window, lang))
        else:
            out.append(chunk)
    return _fix_ups(out)


def _segment(text: str, lang: str) -> list[str]:
    """pysbd's split, but never inside a word: it cuts "K.-o.-Phase" after "K." and "o.";
    a piece that does not follow white space is glued back to the one before."""
    out: list[str] = []
    pos = 0
    for piece in _segmenter(lang).segment(text):
        start = text.find(piece, pos)
        glued = out and start > 0 and not text[start - 1].isspace()
        pos = start + len(piece) if start >= 0 else pos
        if not piece.strip():
            continue
        if glued:
            out[-1] += piece.rstrip()
        else:
            out.append(piece.strip())
    return out


def _windows(chunk: str, size: int = PYSBD_WINDOW) -> list[str]:
    """pysbd's time grows faster than the text: a long run of ordinals or initials
    (a schedule, a list of names) took seconds. Longer stretches are cut at a possible
    sentence end near every `size` characters; a wrong cut there costs one split."""
    if len(chunk) <= size:
        return [chunk]
    out, start = [], 0
    while len(chunk) - start > size:
        cut = max((m.end() for m in _CANDIDATE.finditer(chunk, start, start + size)), default=0)
        if cut <= start:
            break
        out.append(chunk[start:cut])
        start = cut
    out.append(chunk[start:])
    return out


def split_sentences(text: str, lang: str | None) -> list[str]:
    """Sentences of a text in order; paragraph breaks always end a sentence."""
    out: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        out.extend(split_paragraph(paragraph, lang))
    return out


def split_paragraphs(text: str, lang: str | None) -> list[list[str]]:
    """Sentences grouped by paragraph, for callers that weigh paragraph position."""
    paragraphs = (p for p in _PARAGRAPH_BREAK.split(text) if p.strip())
    return [s for s in (split_paragraph(p, lang) for p in paragraphs) if s]


def first_sentence(text: str, lang: str | None, limit: int) -> str:
    """The opening sentence, cut at a word boundary with "…" past ``limit`` characters:
    a stand-in headline for untitled articles and the one-liner of a digest item."""
    sentences = split_sentences(text, lang)
    first = sentences[0] if sentences else ""
    if len(first) <= limit:
        return first
    return first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–") + "…"
