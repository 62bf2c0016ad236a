"""Is a re-imported article an update, and what changed? Lines for the threaded note.

Compared is the article's substance: title, teaser and body with whitespace collapsed and
boilerplate lines (``bot.intelligence.junk``: cookie banners, "read more", share buttons,
copyright lines) dropped. Equal substance is no update, whatever else moved: a re-scrape
that only re-wrapped lines or gained a newsletter box keeps the article as it is, without
a version or a note. Key figures are read from the text, so they count only together
with a text change; a figure that changed with it is reported as old → new (an upgraded
extractor re-reading unchanged text is no news).

The changed sentences come from difflib over the sentence lists, the figures are paired by
label (else kind and unit). ``MAX_LINES`` keeps a note to a few lines.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from bot.intelligence.junk import is_junk_line
from bot.intelligence.sentences import split_sentences
from storage.articles import ArticleFields
from storage.models import Article

MAX_LINES = 5
SENTENCE_CHARS = 160
_SPACE = re.compile(r"\s+")


class _Figure(Protocol):
    text: str
    label: str | None
    kind: str
    unit: str | None


def substance(title: str, teaser: str, body: str) -> list[str]:
    """The lines that carry the story: whitespace collapsed, boilerplate lines dropped."""
    lines = [title, teaser, *body.splitlines()]
    kept = (_SPACE.sub(" ", line).strip() for line in lines)
    return [line for line in kept if line and not is_junk_line(line)]


def detect_changes(article: Article, fields: ArticleFields) -> list[str] | None:
    """What a re-import changes in the stored ``article``; None if it is no update."""
    old = substance(article.title, article.teaser, article.body)
    new = substance(fields.title, fields.teaser, fields.body)
    if " ".join(old) == " ".join(new):  # line breaks are whitespace too
        return None
    lines: list[str] = []
    old_title, new_title = _one_line(article.title), _one_line(fields.title)
    if old_title != new_title:
        lines.append(f"Headline: “{_cut(old_title)}” → “{_cut(new_title)}”")
    lines += _sentence_changes(article, fields)
    if fields.analyzed:
        lines += _figure_changes(article.figures, fields.figures)
    if not lines:  # only line breaks moved between sentences
        return None
    if len(lines) > MAX_LINES:
        more = len(lines) - MAX_LINES + 1
        lines = [*lines[: MAX_LINES - 1], f"…and {more} more changes"]
    return lines


def _sentence_changes(article: Article, fields: ArticleFields) -> list[str]:
    """Changed sentences; only paragraphs that differ are split (pysbd is the cost)."""
    lang = fields.lang or article.lang
    old_lines = substance("", article.teaser, article.body)
    new_lines = substance("", fields.teaser, fields.body)
    lines = []
    paragraphs = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in paragraphs.get_opcodes():
        if tag != "equal":
            old = _sentences(old_lines[i1:i2], lang)
            new = _sentences(new_lines[j1:j2], lang)
            lines += _diff(old, new)
    return lines


def _diff(old: list[str], new: list[str]) -> list[str]:
    lines = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            for before, after in zip(old[i1:i2], new[j1:j2], strict=False):
                lines.append(f"“{_cut(before)}” → “{_cut(after)}”")
            lines += [f"Added: “{_cut(s)}”" for s in new[j1 + (i2 - i1) : j2]]
            lines += [f"Removed: “{_cut(s)}”" for s in old[i1 + (j2 - j1) : i2]]
        elif tag == "insert":
            lines += [f"Added: “{_cut(s)}”" for s in new[j1:j2]]
        elif tag == "delete":
            lines += [f"Removed: “{_cut(s)}”" for s in old[i1:i2]]
    return lines


def _sentences(paragraphs: list[str], lang: str | None) -> list[str]:
    text = "\n\n".join(paragraphs)
    return [_one_line(s) for s in split_sentences(text, lang) if s.strip()]


def _figure_changes(old: Iterable[_Figure], new: Sequence[_Figure]) -> list[str]:
    before = {_figure_key(f): f.text for f in old}
    lines = []
    for figure in new:
        key = _figure_key(figure)
        if key in before and before[key] != figure.text:
            name = figure.label or figure.kind
            lines.append(f"{name}: {before[key]} → {figure.text}")
    return lines


def _figure_key(figure: _Figure) -> tuple[str, ...]:
    if figure.label:
        return ("label", figure.label.casefold())
    return ("kind", figure.kind, figure.unit or "")


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _cut(text: str, limit: int = SENTENCE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
