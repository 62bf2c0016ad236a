"""Block Kit rendering keeps Slack's limits and never lets article text become markup."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from bot.lookup import Hit, SearchResult
from bot.slack.messages import MAX_HOME_BLOCKS, home_view, results_message
from bot.slack.text import BUTTON_TEXT, HEADER_TEXT, MAX_BLOCKS, SECTION_TEXT
from storage.models import Article, KeyFigure, Subscription


def article(i: int, *, title: str = "Title", summary: str = "Summary") -> Article:
    a = Article(
        id=i,
        external_id=f"a{i}",
        canonical_url=f"https://news.example.com/{i}",
        title=title,
        summary=summary,
        source="Newsroom",
        published_at=datetime(2025, 1, 2, tzinfo=UTC),
        tags=[],
    )
    a.figures = [KeyFigure(rank=0, text="+16 %", kind="percent", direction="up", label="revenue")]
    return a


def every_text(blocks: list[dict[str, Any]]) -> list[str]:
    texts = []
    for b in blocks:
        if "text" in b:
            texts.append(b["text"]["text"])
        for e in b.get("elements", []):
            texts.append(e["text"] if isinstance(e["text"], str) else e["text"]["text"])
    return texts


def test_huge_summary_is_cut_with_ellipsis_inside_a_section() -> None:
    result = SearchResult("q", [Hit(article(1, summary="word " * 2000), 99.0)])
    blocks = results_message(result).blocks
    body = blocks[1]["text"]["text"]
    assert len(body) <= SECTION_TEXT and body.endswith("…")


def test_long_title_keeps_the_link_intact() -> None:
    result = SearchResult("q", [Hit(article(1, title="Netflix & KI " * 100), 99.0)])
    body = results_message(result).blocks[1]["text"]["text"]
    assert body.startswith("*<https://news.example.com/1|Netflix &amp; KI") and ">*" in body


def test_many_hits_stay_under_50_blocks_and_say_what_was_left_out() -> None:
    hits = [Hit(article(i), 90.0) for i in range(40)]
    blocks = results_message(SearchResult("q", hits), limit=40).blocks
    assert len(blocks) <= MAX_BLOCKS
    assert "more on the next page" in json.dumps(blocks)
    shown = sum(1 for b in blocks if b["type"] == "divider")
    assert json.loads(blocks[-1]["elements"][0]["value"])["o"] == shown


def test_buttons_fit_their_limits() -> None:
    blocks = results_message(SearchResult("q" * 5000, [Hit(article(1), 90.0)]), limit=1).blocks
    for b in blocks:
        for e in b.get("elements", []):
            if e.get("type") == "button":
                assert len(e["text"]["text"]) <= BUTTON_TEXT and len(e["value"]) <= 2000


def test_injection_in_every_article_field_is_escaped() -> None:
    a = article(1, title="<!channel> hi", summary="<!here> & <@U1>")
    a.source, a.section = "<!everyone>", "<#C1>"
    a.figures[0].label = "<https://evil|x>"
    texts = " ".join(every_text(results_message(SearchResult("<!subteam>", [Hit(a, 1)])).blocks))
    for raw in (
        "<!channel>",
        "<!here>",
        "<@U1>",
        "<!everyone>",
        "<#C1>",
        "<https://evil",
        "<!subteam>",
    ):
        assert raw not in texts


def test_a_short_last_page_has_no_pager() -> None:
    blocks = results_message(SearchResult("q", [Hit(article(1), 90.0)]), limit=5).blocks
    assert all(b.get("block_id") != "pager" for b in blocks)


def test_home_view_respects_its_100_block_limit_and_header_size() -> None:
    recent = [article(i, title="T" * 400) for i in range(80)]
    subs = [
        Subscription(
            channel_id=f"C{i:04d}",
            schedule_kind="daily",
            schedule_expr="08:00",
            timezone="UTC",
            filters="",
        )
        for i in range(5)
    ]
    view = home_view(recent, subs)
    assert len(view["blocks"]) <= MAX_HOME_BLOCKS
    headers = [b for b in view["blocks"] if b["type"] == "header"]
    assert all(len(h["text"]["text"]) <= HEADER_TEXT for h in headers)
    assert "<#C0004>" in json.dumps(view)


def test_no_result_offers_suggestions() -> None:
    message = results_message(SearchResult("netflx", [], suggestions=["netflix"]))
    assert "No article matches *netflx*" in message.blocks[0]["text"]["text"]
    assert "`netflix`" in message.blocks[0]["text"]["text"]
