"""Plain-text and JSON views of articles, for the CLI and scripts (Slack has its own)."""

from __future__ import annotations

import textwrap
from typing import Any

from storage.models import Article, KeyFigure


def figure_to_dict(fig: KeyFigure) -> dict[str, Any]:
    return {
        "text": fig.text,
        "value": fig.value,
        "unit": fig.unit,
        "kind": fig.kind,
        "direction": fig.direction,
        "label": fig.label,
        "from_value": fig.from_value,
        "sentence": fig.sentence,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "external_id": article.external_id,
        "title": article.title,
        "url": article.canonical_url,
        "lang": article.lang,
        "section": article.section,
        "source": article.source,
        "tags": list(article.tags or []),
        "authors": list(article.authors or []),
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "summary": article.summary,
        "key_figures": [figure_to_dict(f) for f in article.figures],
    }


def figure_line(fig: KeyFigure, lang: str | None = None) -> str:
    """`▲ 35 Prozent (von 20) — Marktanteil`, `▼ £2bn (from £2.6bn) — mortgage`."""
    arrow = {"up": "▲ ", "down": "▼ "}.get(fig.direction or "", "")
    start = f" ({_start(fig, lang)})" if fig.from_value is not None else ""
    label = f" — {fig.label}" if fig.label else ""
    return f"{arrow}{fig.text}{start}{label}"


_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}
_SCALES = ((1e12, "tn", " Bio."), (1e9, "bn", " Mrd."), (1e6, "m", " Mio."))


def _start(fig: KeyFigure, lang: str | None) -> str:
    """The old level in the figure's own terms, as short as the language writes it: the
    unit is the figure's, so German leaves it out ("von 20", "von 442 Mio.") and English
    keeps only its sign ("from 20%", "from £2.6bn")."""
    value = fig.from_value or 0.0
    scaled, suffix = value, ""
    for scale, en, de in _SCALES:
        if abs(value) >= scale:
            scaled, suffix = value / scale, de if lang == "de" else en
            break
    number = _number(scaled, lang) + suffix
    if lang == "de":
        return f"von {number}"
    if fig.unit in _SYMBOLS and fig.kind == "money":
        number = _SYMBOLS[fig.unit] + number
    elif fig.unit == "%":
        number += "%"
    return f"from {number}"


def _number(value: float, lang: str | None) -> str:
    """1.6 / 157,000 in English, 1,6 / 157.000 in German; no trailing zeros."""
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    if lang == "de":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def article_card(article: Article, *, max_figures: int = 5, width: int = 88) -> str:
    """The same content a Slack answer carries: title, source/date, summary, figures, link."""
    meta = " · ".join(
        part
        for part in (
            article.source,
            article.section,
            article.published_at.date().isoformat() if article.published_at else None,
            article.lang,
        )
        if part
    )
    lines = [article.title or "(untitled)"]
    if meta:
        lines.append(meta)
    if article.summary:
        lines.append(textwrap.fill(article.summary, width=width))
    figures = article.figures[:max_figures]
    if figures:
        lines.append("Key figures:")
        lines.extend(f"  • {figure_line(f, article.lang)}" for f in figures)
    lines.append(f"Link: {article.canonical_url or '(no URL stored)'}")
    return "\n".join(lines)
