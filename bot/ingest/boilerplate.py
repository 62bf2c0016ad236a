"""Remove what a scraper drags along with an article: navigation, cookie banners, photo
credits, "read more" links and the teaser of another story glued to the end."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from bot.ingest.canonical import _DE_DATE, parse_datetime
from bot.intelligence.stopwords import FUNCTION_WORDS, REPORTING_WORDS, all_languages

# Lines a page carries around the story. Each pattern is anchored so that a sentence of
# the story that merely starts with "Related", "Copyright" or "Newsletter" is kept.
_JUNK_LINE = re.compile(
    r"""^(
        (wir\ verwenden|diese\ (web)?seite\ verwendet|we\ use|this\ (web)?site\ uses)\ cookies.*
      | (startseite|home|menü|menu|suche|search|navigation|anmelden|login|abonnieren|subscribe)
      | (artikel\ )?(teilen|share)(\ on\ \w+|\ this\ (article|story))?
      | (mehr\ zum\ thema|lesen\ sie\ auch|auch\ interessant|das\ könnte\ sie\ auch\ interessieren
            |read\ more|related(\ (stories|articles|topics))?|more\ on\ this\ story|top\ stories)
            (\s*[:»›|–-].{0,120})?
      | (anzeige|werbung|advertisement|sponsored)
      | (impressum|datenschutz|kontakt|agb)(\s*[|·•]\s*\w+)*
      | (©|\(c\)|copyright\s*(©|\(c\)|\d{4})).{0,120}
      | .{0,60}\b(alle\ rechte\ vorbehalten|all\ rights\ reserved)\.?
    )$""",
    re.I | re.X,
)
# Widget lines: consent buttons and newsletter calls to action. Only short lines that do
# not end like a sentence count, so "The union would not accept all of the proposals."
# stays.
_JUNK_WIDGET = re.compile(
    r"\b(cookie[- ]?(einstellungen|settings|policy|richtlinie)|alle\ akzeptieren|accept\ all"
    r"|zustimmen\ und\ weiter|manage\ consent|datenschutzeinstellungen"
    r"|newsletter\b.{0,60}\b(abonnieren|bestellen|anmelden|subscribe|sign\ up))\b",
    re.I | re.X,
)
WIDGET_MAX_CHARS = 100
_CREDIT = re.compile(r"\s*(\(?\s*(Bild|Foto|Fotos|Image|Photo|Quelle|Source)\s*:\s*[^.]{1,60}\)?)$")
# Words that never make a story's topic (German and English).
_STOP = all_languages(FUNCTION_WORDS) | all_languages(REPORTING_WORDS)
_TOKEN = re.compile(r"[^\W\d_][\w\-]*", re.U)
_NAME = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]+)\s+([A-ZÄÖÜ][a-zäöüß]+)\b")


def is_junk_line(line: str) -> bool:
    line = line.strip()
    if _JUNK_LINE.match(line):
        return True
    short = len(line) <= WIDGET_MAX_CHARS and not line.endswith(".")
    return short and bool(_JUNK_WIDGET.search(line))


def _keywords(text: str) -> set[str]:
    counts = Counter(
        tok.casefold()
        for tok in _TOKEN.findall(text)
        if (len(tok) >= 4 or (tok.isupper() and len(tok) >= 2)) and tok.casefold() not in _STOP
    )
    return {tok for tok, n in counts.most_common(25) if n >= 2}


def _tokens(text: str) -> set[str]:
    return {t.casefold() for t in _TOKEN.findall(text)}


def _names(text: str) -> set[str]:
    return {f"{a} {b}" for a, b in _NAME.findall(text)}


def trailing_offtopic(paragraphs: list[str], context: str = "") -> int:
    """Index where a glued-on other story starts, or ``len(paragraphs)`` if none.

    A trailing block counts as another story when it is at least two paragraphs of prose
    that share none of the article's recurring keywords and name a person or thing (a
    capitalized pair) the article never mentions: a glued-on teaser introduces its own
    subject at length. At most the last 40 % of an article of 5+ paragraphs can be cut;
    team line-ups and one-line author bios are left alone.
    """
    n = len(paragraphs)
    if n < 5:
        return n
    floor = max(3, int(n * 0.6))
    head = context + "\n" + "\n".join(paragraphs[:floor])
    keywords, head_names = _keywords(head), _names(head)
    cut = n
    while cut > floor:
        para = paragraphs[cut - 1]
        if _tokens(para) & keywords or len(para) < 40 or not _is_prose(para):
            break
        cut -= 1
    if n - cut < 2 or not (_names("\n".join(paragraphs[cut:])) - head_names):
        return n
    return cut


def _is_prose(paragraph: str) -> bool:
    """Sentences with mostly lower-case words; line-ups and name lists are not prose."""
    words = _TOKEN.findall(paragraph)
    lower = sum(1 for w in words if w[0].islower())
    return paragraph.rstrip().endswith((".", "!", "?", '"', "“", "”")) and lower >= len(words) * 0.4


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
