"""Feed polling over real HTTP: conditional GET, linked pages, per-feed errors."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from bot.feeds import poll_due
from bot.services import Services
from storage.articles import ArticleRepository
from storage.feeds import FeedRepository
from tests.bot.test_sources import HTML_PAGE

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example News</title><link>http://example.test/</link><description>x</description>
<item><title>Time Warner profit jumps</title><link>{base}/story/tw?utm_source=rss</link>
<guid>tw-1</guid><pubDate>Tue, 18 Jan 2005 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Quarterly profits at US media giant TimeWarner jumped 76% to
$1.13bn (£600m) for the three months to December, from $639m year-earlier. The firm, which
is now one of the biggest investors in Google, benefited from sales of high-speed internet
connections and higher advert sales.</p><p>TimeWarner said fourth quarter sales rose 2% to
$11.1bn from $10.9bn. Its profits were buoyed by one-off gains which offset a profit dip at
Warner Bros, and less users for AOL.</p>]]></content:encoded></item>
<item><title>Netflix lässt KI Szenen bauen</title><link>{base}/story/netflix</link>
<guid>nf-1</guid><description>Kurz: Netflix nutzt KI.</description></item>
</channel></rss>"""


class Site:
    """A tiny news site: a feed with an ETag, a linked article page, and a broken feed."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers.items())))
                if self.path == "/feed.xml":
                    if self.headers.get("If-None-Match") == '"v1"':
                        self.send_response(304)
                        self.end_headers()
                        return
                    self._send(RSS.format(base=site.base), "application/rss+xml", etag='"v1"')
                elif self.path == "/story/netflix":
                    self._send(HTML_PAGE, "text/html; charset=utf-8")
                else:
                    self.send_response(500)
                    self.end_headers()

            def _send(self, body: str, ctype: str, etag: str | None = None) -> None:
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.stop()


def test_poll_ingests_items_then_uses_conditional_get(services: Services, site: Site) -> None:
    with services.session() as s:
        FeedRepository(s).add(f"{site.base}/feed.xml")
    (first,) = poll_due(services)
    assert first.status == "ok" and first.report.added == 2
    with services.session() as s:
        repo = ArticleRepository(s)
        tw = repo.by_external_id("tw-1")
        assert tw is not None and tw.canonical_url == f"{site.base}/story/tw"
        netflix = repo.by_external_id("nf-1")  # short item: text came from the linked page
        assert netflix is not None and "zehnmal schneller" in netflix.body
    (second,) = poll_due(services, force=True)
    assert second.status == "not modified"
    feed_requests = [h for path, h in site.requests if path == "/feed.xml"]
    assert feed_requests[-1].get("If-None-Match") == '"v1"'


def test_broken_feed_is_recorded_and_others_still_poll(services: Services, site: Site) -> None:
    with services.session() as s:
        FeedRepository(s).add(f"{site.base}/broken.xml")
        FeedRepository(s).add(f"{site.base}/feed.xml")
    results = {r.url.rsplit("/", 1)[1]: r for r in poll_due(services)}
    assert results["broken.xml"].status == "error" and "500" in (results["broken.xml"].error or "")
    assert results["feed.xml"].report.added == 2
    with services.session() as s:
        broken = FeedRepository(s).by_url(f"{site.base}/broken.xml")
        assert broken is not None and broken.last_error and broken.last_polled_at
        assert FeedRepository(s).due(broken.last_polled_at) == []
