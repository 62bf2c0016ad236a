"""Article intelligence computed at ingestion: language, summary, key figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pysbd

from storage.articles import FigureFields

_DE_HINTS = re.compile(r"\b(der|die|das|und|nicht|ist|mit|für|auf|wird|sich|ein|eine)\b", re.I)
_EN_HINTS = re.compile(r"\b(the|and|of|is|with|for|on|will|has|that|was|are)\b", re.I)


@dataclass
class Analysis:
    lang: str | None
    summary: str
    figures: list[FigureFields] = field(default_factory=list)


def detect_language(text: str) -> str | None:
    de, en = len(_DE_HINTS.findall(text)), len(_EN_HINTS.findall(text))
    if de + en < 3:
        return None
    return "de" if de > en else "en"


def analyze(title: str, teaser: str, body: str, lang_hint: str | None = None) -> Analysis:
    lang = lang_hint or detect_language(" ".join((title, teaser, body))[:4000])
    text = body or teaser
    sentences = pysbd.Segmenter(language=lang or "en", clean=False).segment(text[:5000])
    summary = ""
    for sentence in sentences:
        candidate = (summary + " " + sentence.strip()).strip()
        if summary and len(candidate) > 400:
            break
        summary = candidate
    return Analysis(lang=lang, summary=summary)
