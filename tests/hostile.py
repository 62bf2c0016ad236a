"""A hostile web server on 127.0.0.1 for the fetch rules (docs/safety.md): slow bodies,
huge bodies, gzip bombs, binaries, redirect tricks and feeds with dangerous item links.

Every loop the server runs is bounded in time and size and ends when the client leaves,
so no test can hang on it. The server is on loopback, which the fetch guard refuses:
tests about size, deadlines or content types pass ``LOCAL`` (``allow_private``) to reach
it; tests about addresses use the default policy and show that 127.0.0.1 is refused.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bot.ingest.fetch import FetchPolicy
from tests.localserver import serve_in_thread
from tests.newssite import HTML_PAGE

# Reaches the 127.0.0.1 servers of the tests; short deadline, 1 MB cap, so the hostile
# cases end in a fraction of a second.
LOCAL = FetchPolicy(allow_private=True, deadline_seconds=1.5, max_bytes=1024 * 1024)

SLOW_BYTE_SECONDS = 1.0  # one byte a second, as a slow-loris server sends
SLOW_MAX_SECONDS = 20.0  # the server gives up by itself after this
HUGE_BYTES = 50 * 1024 * 1024
BOMB_BYTES = 20 * 1024 * 1024

FILE_LINK_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Evil</title><link>http://evil.test/</link>
<description>x</description>
<item><title>Secrets</title><link>file://localhost/etc/passwd</link><guid>e-1</guid>
<description>Der Netzbetreiber meldete einen Stromausfall in Köpenick.</description></item>
<item><title>Script</title><link>javascript:alert(1)</link><guid>e-2</guid>
<description>Die Stadt plant neue Radwege entlang der Spree.</description></item>
<item><title>Relative</title><link>/story/relative</link><guid>e-3</guid>
<description>Der Senat beschließt den Haushalt für das kommende Jahr.</description></item>
</channel></rss>"""

# An Atom entry with <content> and no <summary>: feedparser copies the content into
# ``summary``; the body must still be the content.
ATOM_CONTENT_ONLY = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id><updated>2025-07-18T18:30:02Z</updated>
<entry><title>Netflix lässt KI Szenen bauen</title>
<link href="/kultur/netflix-ki"/><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
<updated>2025-07-18T18:30:02Z</updated>
<content type="html">&lt;p&gt;Netflix hat nach Angaben von Co-CEO Ted Sarandos eine Szene der
Serie „Eternaut“ mit generativer KI erstellt, zehnmal schneller als mit klassischen
Effekten.&lt;/p&gt;</content></entry>
</feed>"""


class HostileServer:
    """``url(path)`` for each trick; ``requests`` lists the paths asked for."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        serve_in_thread(self.server)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(owner: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            owner.requests.append(self.path)
            parts = urlsplit(self.path)
            route = _ROUTES.get(parts.path)
            if route is None:
                self._send(404, "text/plain", b"not found")
                return
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                route(self, parse_qs(parts.query))  # the client may give up, as it should

        def _send(self, status: int, ctype: str, body: bytes, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


Route = Any  # (handler, query) -> None


def _page(h: Any, q: dict[str, list[str]]) -> None:
    h._send(200, "text/html; charset=utf-8", HTML_PAGE.encode())


def _typed(ctype: str, body: bytes) -> Route:
    return lambda h, q: h._send(200, ctype, body)


def _redirect(h: Any, q: dict[str, list[str]]) -> None:
    h.send_response(302)
    h.send_header("Location", q["to"][0])
    h.send_header("Content-Length", "0")
    h.end_headers()


def _loop(h: Any, q: dict[str, list[str]]) -> None:
    n = int(q.get("n", ["0"])[0])
    h.send_response(302)
    h.send_header("Location", f"/loop?n={n + 1}")
    h.send_header("Content-Length", "0")
    h.end_headers()


def _slow_body(h: Any, q: dict[str, list[str]]) -> None:
    """Headers at once, then one byte every SLOW_BYTE_SECONDS (a slow-loris body)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    h.wfile.write(b"<html><body><p>")
    h.wfile.flush()
    end = time.monotonic() + SLOW_MAX_SECONDS
    while time.monotonic() < end:
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(SLOW_BYTE_SECONDS)


def _slow_headers(h: Any, q: dict[str, list[str]]) -> None:
    """Accepts the connection, then says nothing for a long time."""
    time.sleep(min(SLOW_MAX_SECONDS, float(q.get("s", ["5"])[0])))
    h._send(200, "text/html", b"<html></html>")


def _huge(h: Any, q: dict[str, list[str]]) -> None:
    """HUGE_BYTES of HTML without a Content-Length, 64 KB at a time."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    chunk = b"<p>" + b"x" * (64 * 1024 - 3)
    for _ in range(HUGE_BYTES // len(chunk)):
        h.wfile.write(chunk)


def _huge_declared(h: Any, q: dict[str, list[str]]) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(HUGE_BYTES))
    h.end_headers()
    h.wfile.write(b"<html>")


@functools.cache
def _bomb() -> bytes:
    return gzip.compress(b"<html><body>" + b" " * BOMB_BYTES, compresslevel=1)


def _gzip_bomb(h: Any, q: dict[str, list[str]]) -> None:
    """20 MB of HTML in about 90 KB of gzip."""
    h._send(200, "text/html", _bomb(), Content_Encoding="gzip")


_ROUTES: dict[str, Route] = {
    "/page": _page,
    "/redirect": _redirect,
    "/loop": _loop,
    "/slow-body": _slow_body,
    "/slow-headers": _slow_headers,
    "/huge": _huge,
    "/huge-declared": _huge_declared,
    "/gzip-bomb": _gzip_bomb,
    "/report.pdf": _typed("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
    "/photo": _typed("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    "/download": _typed("application/octet-stream", b"%PDF-1.4\n" + b"\x00" * 64),
    "/untyped-pdf": _typed("", b"%PDF-1.4\n" + b"\x00" * 64),
    "/data.json": _typed("application/json", b'[{"title": "Eins", "body": "Text eins."}]'),
    "/file-links.xml": _typed("application/rss+xml", FILE_LINK_FEED.encode()),
    "/atom.xml": _typed("application/atom+xml", ATOM_CONTENT_ONLY.encode()),
}
