"""Feed polling: conditional GET, ingestion of new items, per-feed error bookkeeping.

A broken feed is recorded on its own row and never stops the others: one publisher's
outage must not starve the newsroom of everyone else's stories.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

import feedparser

from bot.ingest.canonical import canonical_url
from bot.ingest.fetch import Fetched, FetchError, fetch_conditional
from bot.ingest.readers import read_feed
from bot.ingest.service import Ingestor, IngestReport
from bot.services import Services
from storage.articles import ArticleRepository
from storage.feeds import FeedRepository
from storage.health import is_unreachable
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


def validate_feed_url(url: str) -> str:
    url = url.strip()
    if not re.match(r"^https?://[^\s/]+", url):
        raise FeedError(f"not an http(s) URL: {url!r}")
    return url


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
    except (FeedError, FetchError) as exc:
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


def _ingest(services: Services, url: str, fetched: Fetched) -> FeedResult:
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


def _record(feed: Feed, result: FeedResult, fetched: Fetched | None, now: datetime) -> None:
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
        except Exception as exc:  # keep polling the other feeds, unless the database is away
            if is_unreachable(exc):
                raise
            log.exception("polling feed %s failed", feed_id)
            results.append(FeedResult(str(feed_id), "error", error=str(exc)))
    return results
