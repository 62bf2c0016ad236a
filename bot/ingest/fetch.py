"""The one HTTP client: every URL the bot opens (pages, feeds, feed item links) goes here.

Kept in one module so the rules for what may be fetched, how much and for how long are
written once and hold for every caller.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

USER_AGENT = "NewsroomBot/0.1 (+https://github.com/newsroom-bot)"
FETCH_TIMEOUT = 20
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"


class FetchError(OSError):
    """The URL could not be fetched; the message says why, for the person who asked."""


@dataclass
class Fetched:
    body: bytes | None  # None when the server said 304 Not Modified
    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str) -> bytes:
    """The body of ``url``; raises ``OSError`` (``FetchError`` or a network error)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
        return bytes(response.read())


def fetch_conditional(url: str, etag: str | None, last_modified: str | None) -> Fetched:
    """A feed by conditional GET: ``body`` is None when it did not change."""
    headers = {"User-Agent": USER_AGENT, "Accept": FEED_ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as resp:
            return Fetched(resp.read(), resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(None, etag, last_modified)
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"could not connect: {reason}") from exc
