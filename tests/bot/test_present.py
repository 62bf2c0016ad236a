"""Key figures as the CLI and Slack show them: a "from X to Y" figure carries its start."""

from __future__ import annotations

from bot.present import article_card, figure_line
from bot.slack.messages import figures_text
from storage.models import Article, KeyFigure


def _article(lang: str, *figures: KeyFigure) -> Article:
    return Article(
        external_id=f"a-{lang}",
        title="Antenne Steiermark verliert Marktanteil",
        body="",
        content_hash="h",
        lang=lang,
        figures=list(figures),
    )


MARKET_SHARE = KeyFigure(
    text="24 Prozent",
    value=24.0,
    unit="%",
    kind="percent",
    direction="down",
    label="Marktanteil",
    from_value=31.0,
)
APPROVALS = KeyFigure(
    text="£2bn",
    value=2e9,
    unit="GBP",
    kind="money",
    direction="down",
    label="mortgage approvals",
    from_value=2.6e9,
)


def test_german_figure_shows_where_it_started_in_german() -> None:
    assert figure_line(MARKET_SHARE, "de") == "▼ 24 Prozent (von 31) — Marktanteil"
    costs = KeyFigure(text="757 Millionen Euro", value=757e6, unit="EUR", kind="money",
                      direction="up", label="Kosten", from_value=442e6)  # fmt: skip
    assert figure_line(costs, "de") == "▲ 757 Millionen Euro (von 442 Mio.) — Kosten"


def test_english_figure_shows_its_start_with_the_currency_sign() -> None:
    assert figure_line(APPROVALS, "en") == "▼ £2bn (from £2.6bn) — mortgage approvals"
    rate = KeyFigure(text="1.6%", value=1.6, unit="%", kind="percent", direction="down",
                     label="growth", from_value=2.1)  # fmt: skip
    assert figure_line(rate, "en") == "▼ 1.6% (from 2.1%) — growth"


def test_figure_without_a_start_is_shown_as_before() -> None:
    plain = KeyFigure(text="16 Prozent", value=16.0, unit="%", kind="percent", direction="up",
                      label="Umsatz")  # fmt: skip
    assert figure_line(plain, "de") == "▲ 16 Prozent — Umsatz"


def test_cli_card_and_slack_message_show_the_start_in_the_article_language() -> None:
    card = article_card(_article("de", MARKET_SHARE))
    assert "  • ▼ 24 Prozent (von 31) — Marktanteil" in card.splitlines()
    slack = figures_text(_article("en", APPROVALS))
    assert slack is not None and "£2bn (from £2.6bn)" in slack
