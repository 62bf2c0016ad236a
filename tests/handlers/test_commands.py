"""`/news` end to end: signed slash commands in, what Slack receives out."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from typing import Any

import pytest

from bot.services import Services
from bot.slack.text import SECTION_TEXT
from storage.articles import ArticleFields, ArticleRepository
from tests.fakeslack import FakeSlack
from tests.hostile import LOCAL, HostileServer
from tests.localserver import serve_in_thread
from tests.slackfixtures import NETFLIX_URL, store
from tests.slackrig import ADMIN, SlackRig


def all_text(blocks: list[dict[str, Any]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def answer(rig: SlackRig, text: str, name: str, **kw: Any) -> dict[str, Any]:
    status, body = rig.command(text, response_url=rig.fake.response_url(name), **kw)
    assert (status, body) == (200, "")
    return rig.fake.wait_for(f"response_url/{name}")[0].args


def test_query_is_acked_empty_then_answered_ephemerally_with_article(rig: SlackRig) -> None:
    reply = answer(rig, "netflix ki", "q1")
    assert reply["response_type"] == "ephemeral"
    blocks = reply["blocks"]
    text = all_text(blocks)
    assert f"<{NETFLIX_URL}|Netflix setzt bei „El Eternauta“ auf KI>" in text
    assert "Newsroom · Kultur · 2025-07-18" in text
    assert "zehnmal schneller" in text
    assert "10x faster — VFX production" in text and "+16 % — revenue to $11bn" in text
    buttons = [e["text"]["text"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert buttons[:2] == ["Share in channel", "More like this"]


def test_next_results_button_when_a_page_is_full(
    services: Services, fake_slack: FakeSlack, articles: list[int]
) -> None:
    rig = SlackRig(services, fake_slack, page_size=1)
    try:
        reply = answer(rig, "netflix", "q2")
    finally:
        rig.stop()
    pager = [b for b in reply["blocks"] if b.get("block_id") == "pager"]
    assert pager and pager[0]["elements"][0]["text"]["text"] == "Next results"
    assert json.loads(pager[0]["elements"][0]["value"]) == {"q": "netflix", "o": 1}


def test_ack_comes_before_the_answer(rig: SlackRig) -> None:
    started = time.monotonic()
    status, _ = rig.command("netflix", response_url=rig.fake.response_url("q3"))
    acked = time.monotonic()
    posted = rig.fake.wait_for("response_url/q3")[0].at
    assert status == 200 and acked - started < 3
    assert posted >= started


def test_help_lists_subcommands(rig: SlackRig) -> None:
    reply = answer(rig, "help", "h1")
    text = all_text(reply["blocks"])
    for word in ("/news QUERY", "subscribe", "digest", "add URL"):
        assert word in text


def test_empty_command_shows_usage(rig: SlackRig) -> None:
    reply = answer(rig, "   ", "u1")
    assert "Tell me what to look for" in reply["text"]


def test_no_result_says_so(rig: SlackRig) -> None:
    reply = answer(rig, "zzqx vvbnm", "n1")
    assert "No article matches *zzqx vvbnm*" in all_text(reply["blocks"])


def test_subscribe_through_news_sets_up_the_channel_digest(rig: SlackRig) -> None:
    reply = answer(rig, "subscribe daily 08:00 Europe/Berlin lang:de", "s1")
    assert reply["response_type"] == "in_channel" and "set up a digest" in reply["text"]
    listing = answer(rig, "subscriptions", "s2")
    assert "Europe/Berlin" in listing["text"] + all_text(listing.get("blocks") or [])
    assert not rig.fake.calls_to("users.info")  # a timezone in the text needs no look-up
    bad = answer(rig, "subscribe daily 25:00", "s3")
    assert bad["response_type"] == "ephemeral" and ":warning:" in bad["text"]


def test_subscribe_without_timezone_uses_the_users_slack_timezone(rig: SlackRig) -> None:
    reply = answer(rig, "subscribe weekdays 07:30 lang:de", "tz1", user_id="UBERLIN")
    assert "07:30 Europe/Berlin" in reply["text"]
    assert rig.fake.calls_to("users.info")[0].args["user"] == "UBERLIN"


def test_subscribe_falls_back_to_utc_when_slack_has_no_timezone(rig: SlackRig) -> None:
    rig.fake.fail("users.info", 200, error="user_not_found")
    reply = answer(rig, "subscribe daily 06:00 lang:en", "tz2")
    assert "daily 06:00 UTC" in reply["text"]


def test_add_is_refused_for_non_admins(rig: SlackRig) -> None:
    reply = answer(rig, "add https://news.example.com/new", "a1", user_id="U2")
    assert "Only newsroom admins" in reply["text"] and "U2" in reply["text"]


PAGE = """<!doctype html><html><head><title>Streaming boom</title>
<link rel="canonical" href="{url}"></head><body><article><h1>Streaming boom in Berlin</h1>
<p>Streaming services in Berlin grew their audience by 25 % in 2025, the city reports.
The number of subscriptions rose to 1.2 million households across the city districts.</p>
<p>Netflix and other providers invested 300 million euros in local productions this year,
more than ever before, according to the Medienboard Berlin-Brandenburg report.</p>
</article></body></html>"""


@pytest.fixture
def article_site() -> Iterator[str]:
    class Page(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            assert isinstance(self.server, HTTPServer)
            url = f"http://127.0.0.1:{self.server.server_port}{self.path}"
            data = PAGE.format(url=url).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    serve_in_thread(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/berlin/streaming-boom"
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback_rig(
    services: Services, fake_slack: FakeSlack, articles: list[int]
) -> Iterator[SlackRig]:
    """The app with `/news add` allowed to reach 127.0.0.1, where the test sites run: only
    for tests about what happens after the fetch (production never sets this)."""
    r = SlackRig(services, fake_slack, fetch_policy=LOCAL)
    yield r
    r.stop()


def test_admin_adds_article_by_url(loopback_rig: SlackRig, article_site: str) -> None:
    reply = answer(loopback_rig, f"add <{article_site}>", "a2", user_id=ADMIN)
    assert "added 1" in reply["text"]
    with loopback_rig.services.session() as session:
        stored = ArticleRepository(session).by_url(article_site)
        assert stored is not None and "Streaming" in stored.title
    assert "Streaming boom" in all_text(reply["blocks"])


def test_add_refuses_loopback_addresses_from_slack(rig: SlackRig, hostile: HostileServer) -> None:
    for n, url in enumerate([hostile.url("/page"), f"http://2130706433:{hostile.port}/page",
                             f"http://[::ffff:127.0.0.1]:{hostile.port}/page"]):  # fmt: skip
        reply = answer(rig, f"add <{url}>", f"ssrf{n}", user_id=ADMIN)
        assert reply["text"].startswith(f"Could not add {url}")
        assert "a loopback address" in reply["text"]
    assert hostile.requests == []  # nothing was fetched


def test_add_refuses_a_pdf_with_a_clear_message(
    loopback_rig: SlackRig, hostile: HostileServer
) -> None:
    reply = answer(loopback_rig, f"add <{hostile.url('/report.pdf')}>", "pdf", user_id=ADMIN)
    assert "Could not add" in reply["text"] and "application/pdf" in reply["text"]
    with loopback_rig.services.session() as session:
        assert ArticleRepository(session).by_url(hostile.url("/report.pdf")) is None


def test_add_reports_unreachable_url(rig: SlackRig) -> None:
    reply = answer(rig, "add http://127.0.0.1:9/nothing-here", "a3", user_id=ADMIN)
    assert reply["text"].startswith("Could not add http://127.0.0.1:9/nothing-here")


def test_bad_signature_is_rejected_with_401(rig: SlackRig) -> None:
    status, _ = rig.command("netflix", signature="v0=" + "0" * 64)
    assert status == 401
    assert not [c for c in rig.fake.calls if c.method.startswith("response_url")]


def test_stale_timestamp_is_rejected_with_401(rig: SlackRig) -> None:
    status, _ = rig.command("netflix", timestamp=int(time.time()) - 10 * 60)
    assert status == 401


def test_article_title_cannot_ping_the_channel(rig: SlackRig) -> None:
    reply = answer(rig, "breaking news", "x1")
    text = "".join(b.get("text", {}).get("text", "") for b in reply["blocks"])
    text += "".join(
        e["text"] for b in reply["blocks"] if b["type"] == "context" for e in b["elements"]
    )
    assert "&lt;!channel&gt; breaking &amp; &lt;@U999&gt; news" in text
    assert "&lt;!here&gt;" in text and "&lt;!everyone&gt;" in text
    for dangerous in ("<!channel>", "<!here>", "<!everyone>", "<@U999>", "<https://evil"):
        assert dangerous not in text
    assert "<!channel>" not in reply["text"]


def test_long_pages_stay_within_50_blocks_and_3000_chars(
    services: Services, fake_slack: FakeSlack
) -> None:
    many = [
        ArticleFields(
            external_id=f"flood-{i}",
            title=f"Netflix flood story {i}",
            body=f"body {i}",
            content_hash=f"flood-{i}",
            canonical_url=f"https://news.example.com/flood/{i}",
            summary="Netflix " + "very long summary " * 400,
        )
        for i in range(30)
    ]
    store(services, *many)
    rig = SlackRig(services, fake_slack, page_size=30)
    try:
        reply = answer(rig, "netflix flood story", "b1")
    finally:
        rig.stop()
    blocks = reply["blocks"]
    assert len(blocks) <= 50
    assert any("more on the next page" in all_text([b]) for b in blocks)
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_TEXT
    assert blocks[-1]["block_id"] == "pager"
    shown = sum(1 for b in blocks if b["type"] == "divider")
    next_value = json.loads(blocks[-1]["elements"][0]["value"])
    assert 0 < shown < 30 and next_value == {"q": "netflix flood story", "o": shown}
