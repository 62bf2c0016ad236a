"""Article intelligence computed at ingestion: language, summary, key figures.

Ingestion calls `analyze` once per article and stores the result; `newsroom-bot reindex`
calls it again for stored articles after these rules improve.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.intelligence.figures.ranking import MAX_FIGURES, key_figures
from bot.intelligence.language import resolve_language
from bot.intelligence.summary import (
    Candidate,
    story_sentences,
    summarize_after_teaser,
    summarize_candidates,
)
from storage.articles import FigureFields

# Figures and summaries only read this far, so a pasted book cannot stall an import
# (200,000 characters analyse in 0.16 s). A long product review runs past 20,000
# characters with its battery and storage figures (gnad-0473, 32,600 characters: 15 of
# its 43 hand-labelled figures lay past the old 20,000 bound); two of the corpora's 3,253
# articles are longer than 20,000, none longer than 40,000.
MAX_TEXT = 40_000
# Number formats, scale words and units are only known for these; other languages get a
# summary and their language code, but no figures rather than misread ones.
FIGURE_LANGUAGES = ("de", "en")


@dataclass
class Analysis:
    lang: str | None
    summary: str
    figures: list[FigureFields] = field(default_factory=list)


def analyze(
    title: str,
    teaser: str,
    body: str,
    lang_hint: str | None = None,
    *,
    max_figures: int = MAX_FIGURES,
) -> Analysis:
    """Language, summary and the top `max_figures` key figures of one article."""
    title, teaser, body = title or "", teaser or "", (body or "")[:MAX_TEXT]
    lang = resolve_language(" ".join((title, teaser, body[:3000])), lang_hint)
    split_lang = lang if lang in ("de", "en") else "en" if lang is None else lang
    sentences = story_sentences(body, split_lang, title) if body.strip() else []
    if teaser.strip():
        summary = summarize_after_teaser(sentences, split_lang, teaser, title=title)
    else:
        summary = summarize_candidates(sentences, split_lang, topic=title)
    figures: list[FigureFields] = []
    if split_lang in FIGURE_LANGUAGES:  # "3,5 milliards" read with German rules is garbage
        figures = _figures(title, teaser, sentences, split_lang, max_figures)
    return Analysis(lang=lang, summary=summary, figures=figures)


def _figures(
    title: str, teaser: str, body: list[Candidate], lang: str, limit: int
) -> list[FigureFields]:
    """Title and teaser count as the top of the story (index -1); the body as it reads."""
    lead: list[tuple[int, str]] = [(-1, s) for s in (title, teaser) if s.strip()]
    return key_figures(lead + [(c.index, c.text) for c in body], lang, limit)
