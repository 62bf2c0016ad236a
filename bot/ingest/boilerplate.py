"""Remove what a scraper drags along with an article: navigation, cookie banners, photo
credits, "read more" links and the teaser of another story glued to the end.

What counts as junk is decided in ``bot.intelligence.junk``; this module applies it to
what a reader hands in, and splits a page copied as plain text into its parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.ingest.canonical import _DE_DATE, parse_datetime
from bot.intelligence.junk import is_junk_line, trailing_offtopic

_CREDIT = re.compile(r"\s*(\(?\s*(Bild|Foto|Fotos|Image|Photo|Quelle|Source)\s*:\s*[^.]{1,60}\)?)$")


def strip_boilerplate(body: str, *, title: str = "", teaser: str = "") -> str:
    paragraphs = [p.strip() for p in re.split(r"\n+", body) if p.strip()]
    paragraphs = [p for p in paragraphs if not is_junk_line(p)]
    if paragraphs and teaser and paragraphs[0].strip() == teaser.strip():
        paragraphs = paragraphs[1:]
    cut = trailing_offtopic(paragraphs, context=f"{title}\n{teaser}")
    return "\n\n".join(paragraphs[:cut])


@dataclass
class ScrapedText:
    title: str
    teaser: str
    body: str
    section: str | None
    published_at: datetime | None


def _is_kicker(line: str) -> bool:
    return len(line.split()) <= 4 and not line.rstrip().endswith((".", "!", "?", ":", '"', "“"))


def parse_scraped_text(text: str) -> ScrapedText:
    """Headline, kicker, teaser and dateline from a page copied as plain text."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not is_junk_line(ln)]
    if not lines:
        return ScrapedText("", "", "", None, None)
    title = _CREDIT.sub("", lines.pop(0)).strip().rstrip(".")
    section = lines.pop(0) if lines and _is_kicker(lines[0]) else None
    published = None
    teaser = ""
    for i, line in enumerate(lines[:4]):
        if len(line) <= 60 and _DE_DATE.search(line):
            published = parse_datetime(line)
            teaser = " ".join(lines[:i])
            lines = lines[i + 1 :]
            break
    body = strip_boilerplate("\n".join(lines), title=title, teaser=teaser)
    return ScrapedText(title, teaser, body, section, published)
