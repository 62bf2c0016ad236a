"""A tiny local news site over real HTTP: a feed with an ETag, a linked article page,
and a path that fails, for feed and URL-ingestion tests."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.localserver import serve_in_thread

HTML_PAGE = """<!doctype html><html><head><title>Netflix lässt KI Szenen bauen | Example</title>
<link rel="canonical" href="https://news.example/kultur/netflix-ki?utm_source=rss">
<meta name="author" content="Jana Beispiel">
<meta property="article:published_time" content="2025-07-18T18:21:00+02:00"></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<div class="cookie">Wir verwenden Cookies. Alle akzeptieren</div>
<article><h1>Netflix lässt KI Szenen bauen</h1>
<p>Netflix hat nach Angaben von Co-CEO Ted Sarandos eine Szene der Serie „Eternaut“ mit
generativer KI erstellt, zehnmal schneller als mit klassischen Effekten.</p>
<p>Der Umsatz stieg im Quartal um 16 Prozent auf 11 Milliarden Dollar, teilte der
Streamingdienst am Donnerstag mit.</p></article>
<footer>Impressum | Datenschutz</footer></body></html>"""


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


# The feed an hour later: the Netflix item again, plus one whose page is down.
RSS_UPDATED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example News</title><link>http://example.test/</link>
<description>x</description>
<item><title>Netflix lässt KI Szenen bauen</title><link>{base}/story/netflix</link>
<guid>nf-1</guid><description>Kurz: Netflix nutzt KI.</description></item>
<item><title>Stromausfall in Berlin-Köpenick</title><link>{base}/story/down</link>
<guid>power-1</guid><description>Zehntausende Haushalte sind seit dem Morgen ohne Strom,
teilte der Netzbetreiber mit.</description></item>
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
                elif self.path == "/feed2.xml":
                    self._send(RSS_UPDATED.format(base=site.base), "application/rss+xml")
                elif self.path.startswith("/story/netflix"):
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
        serve_in_thread(self.server)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
