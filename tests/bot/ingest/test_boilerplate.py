"""Boilerplate removal cuts scraper junk and glued-on stories, never real article text."""

from __future__ import annotations

import json

from bot.ingest.boilerplate import strip_boilerplate
from bot.intelligence.junk import is_junk_line
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


def test_story_sentences_that_start_like_widgets_are_kept() -> None:
    body = (
        "The union said it would not accept all of the proposals on the table.\n"
        "Related costs rose by 5% in the third quarter, the company said.\n"
        "Copyright reform passed the Bundestag on Friday after a long debate.\n"
        "Newsletter subscriptions at the publisher rose to 1.2 million readers.\n"
        "Talks resume next week."
    )
    assert strip_boilerplate(body) == body.replace("\n", "\n\n")


def test_widget_lines_are_dropped_from_a_body() -> None:
    body = (
        "Echter Satz über Netflix.\nAlle akzeptieren\nJetzt Newsletter abonnieren!\n© 2025 Verlag"
    )
    assert strip_boilerplate(body) == "Echter Satz über Netflix."


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
