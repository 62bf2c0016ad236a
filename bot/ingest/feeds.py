"""Feed polling: conditional GET, ingestion of new items, per-feed error bookkeeping.

A broken feed is recorded on its own row and never stops the others: one publisher's
outage must not starve the newsroom of everyone else's stories.
"""

from __future__ import annotations

import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime

import feedparser

from bot.ingest.canonical import canonical_url
from bot.ingest.readers import FETCH_TIMEOUT, USER_AGENT, read_feed
from bot.ingest.service import Ingestor, IngestReport
from bot.services import Services
from storage.articles import ArticleRepository
from storage.feeds import FeedRepository
from storage.models import Feed, utcnow

log = logging.getLogger(__name__)


class FeedError(Exception):
    """The feed could not be fetched or parsed; the message says why."""


@dataclass
class FeedResult:
    url: str
    status: str  # "ok", "not modified", "error"
    report: IngestReport = field(default_factory=IngestReport)
    error: str | None = None


@dataclass
class FetchedFeed:
    body: bytes | None  # None when the server said 304 Not Modified
    etag: str | None
    last_modified: str | None


def validate_feed_url(url: str) -> str:
    url = url.strip()
    if not re.match(r"^https?://[^\s/]+", url):
        raise FeedError(f"not an http(s) URL: {url!r}")
    return url


def fetch_conditional(url: str, etag: str | None, last_modified: str | None) -> FetchedFeed:
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, "
               "application/xml;q=0.9, */*;q=0.5"}  # fmt: skip
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as resp:
            return FetchedFeed(
                resp.read(), resp.headers.get("ETag"), resp.headers.get("Last-Modified")
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return FetchedFeed(None, etag, last_modified)
        raise FeedError(f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FeedError(f"could not connect: {reason}") from exc


def poll_feed(services: Services, feed_id: int, *, now: datetime | None = None) -> FeedResult:
    now = now or utcnow()
    with services.session() as session:
        feed = session.get(Feed, feed_id)
        if feed is None:
            raise FeedError(f"feed {feed_id} no longer exists")
        url, etag, modified = feed.url, feed.etag, feed.last_modified
    try:
        fetched = fetch_conditional(url, etag, modified)
        result = _ingest(services, url, fetched)
    except FeedError as exc:
        result = FeedResult(url, "error", error=str(exc))
        fetched = None
    with services.session() as session:
        feed = session.get(Feed, feed_id)
        if feed is not None:
            _record(feed, result, fetched, now)
    return result


def _claim(services: Services, feed_id: int, now: datetime) -> bool:
    with services.session() as session:
        return FeedRepository(session).claim(feed_id, now)


def _ingest(services: Services, url: str, fetched: FetchedFeed) -> FeedResult:
    if fetched.body is None:
        return FeedResult(url, "not modified")
    parsed = feedparser.parse(fetched.body)
    if parsed.get("bozo") and not parsed.get("entries"):
        raise FeedError(f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
    entries = parsed.get("entries", [])
    links = [u for u in (canonical_url(e.get("link")) for e in entries) if u]
    guids = [e["id"] for e in entries if e.get("id")]
    with services.session() as session:
        known = ArticleRepository(session).stored_keys(links, guids)
    report = Ingestor(services).ingest(read_feed(parsed, url, known=known))
    return FeedResult(url, "ok", report=report)


def _record(feed: Feed, result: FeedResult, fetched: FetchedFeed | None, now: datetime) -> None:
    feed.last_polled_at = now
    if result.status == "error":
        feed.last_error, feed.last_error_at = result.error, now
        return
    feed.last_error = None
    if fetched is not None:
        feed.etag, feed.last_modified = fetched.etag, fetched.last_modified


def poll_due(
    services: Services, *, now: datetime | None = None, force: bool = False
) -> list[FeedResult]:
    """Poll every due feed (all feeds with ``force``); the scheduler calls this."""
    now = now or utcnow()
    with services.session() as session:
        repo = FeedRepository(session)
        feed_ids = [f.id for f in (repo.all() if force else repo.due(now))]
    results = []
    for feed_id in feed_ids:
        if not force and not _claim(services, feed_id, now):
            continue  # another replica is polling it
        try:
            results.append(poll_feed(services, feed_id, now=now))
        except Exception as exc:  # keep polling the other feeds whatever happens
            log.exception("polling feed %s failed", feed_id)
            results.append(FeedResult(str(feed_id), "error", error=str(exc)))
    return results
