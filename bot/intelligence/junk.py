"""What is not the story: lines a page carries around it, and another story glued on.

Used when an article is read (``bot.ingest.boilerplate`` strips it before storing) and
when a summary picks sentences (a scraper's leftovers never make a summary).
"""

from __future__ import annotations

import re
from collections import Counter

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
