"""Boilerplate removal cuts scraper junk and glued-on stories, never real article text."""

from __future__ import annotations

import json

from bot.boilerplate import is_junk_line, strip_boilerplate
from tests.conftest import corpus_file


def test_cookie_nav_and_read_more_lines_are_junk() -> None:
    junk = (
        "Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu bieten.",
        "Alle akzeptieren",
        "Startseite",
        "Lesen Sie auch: Die besten Serien 2025",
        "Artikel teilen",
        "Read more: Netflix earnings",
        "© 2025 Example Verlag",
    )
    for line in junk:
        assert is_junk_line(line), line
    assert not is_junk_line("Der Umsatz stieg um 16 Prozent auf 11 Milliarden Dollar.")


def test_real_articles_keep_every_paragraph() -> None:
    """Across the whole BBC set, the off-topic cut must not fire on genuine endings."""
    cut = 0
    with corpus_file("bbc_news_en.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        cleaned = strip_boilerplate(row["body"], title=row["title"])
        if len(cleaned) < len(" ".join(row["body"].split())) * 0.9:
            cut += 1
    assert cut / len(rows) < 0.01, f"{cut} of {len(rows)} BBC articles lost text"
