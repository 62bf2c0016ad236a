"""Feed polling: conditional GET, ingestion of new items, per-feed error bookkeeping.

A broken feed is recorded on its own row and never stops the others: one publisher's
outage must not starve the newsroom of everyone else's stories.

Polling runs in its own worker (:func:`run_feed_poller`, started beside the digest
scheduler by ``newsroom-bot run``/``serve``; ``digest run --due`` polls in a thread beside
its pass), never inside the digest pass: a feed that answers one byte a second holds only
this worker, for at most its fetch deadline, and the digests go out on time.

Who decides what may be fetched: the feed URL itself was added by the operator
(``feeds add`` is command-line only), so it follows ``NEWSROOM_ALLOW_PRIVATE_URLS`` like
the operator's own ``ingest``; the links inside a feed are the publisher's content and
are always fetched under the strict policy (public addresses only, http(s) only).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import feedparser

from bot.ingest.canonical import canonical_url
from bot.ingest.fetch import Fetched, FetchError, FetchPolicy, fetch_conditional
from bot.ingest.readers import FEED_PAGES_BUDGET_SECONDS, item_link, read_feed
from bot.ingest.service import DatabaseUnavailable, Ingestor, IngestReport
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


@dataclass(frozen=True)
class FeedPolicies:
    """The feed URL's policy (the operator's) and the item links' (always strict)."""

    feed: FetchPolicy
    links: FetchPolicy

    @classmethod
    def from_services(cls, services: Services) -> FeedPolicies:
        feed = FetchPolicy.from_settings(services.settings)
        return cls(feed=feed, links=feed.untrusted())


def poll_feed(
    services: Services,
    feed_id: int,
    *,
    now: datetime | None = None,
    policies: FeedPolicies | None = None,
) -> FeedResult:
    now = now or utcnow()
    policies = policies or FeedPolicies.from_services(services)
    with services.session() as session:
        feed = session.get(Feed, feed_id)
        if feed is None:
            raise FeedError(f"feed {feed_id} no longer exists")
        url, etag, modified = feed.url, feed.etag, feed.last_modified
    fetched: Fetched | None = None
    try:
        fetched = fetch_conditional(url, etag, modified, policy=policies.feed)
        result = _ingest(services, url, fetched, policies.links)
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


def _ingest(services: Services, url: str, fetched: Fetched, links: FetchPolicy) -> FeedResult:
    if fetched.body is None:
        return FeedResult(url, "not modified")
    base = fetched.url or url
    parsed = feedparser.parse(fetched.body)
    if parsed.get("bozo") and not parsed.get("entries"):
        raise FeedError(f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
    entries = parsed.get("entries", [])
    keys = [u for u in (canonical_url(item_link(e, base)) for e in entries) if u]
    guids = [e["id"] for e in entries if e.get("id")]
    with services.session() as session:
        known = ArticleRepository(session).stored_keys(keys, guids)
    items = read_feed(
        parsed, url, known=known, base_url=base, link_policy=links,
        pages_until=time.monotonic() + FEED_PAGES_BUDGET_SECONDS,
    )  # fmt: skip
    report = Ingestor(services).ingest(items)
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
    services: Services,
    *,
    now: datetime | None = None,
    force: bool = False,
    policies: FeedPolicies | None = None,
    stop: threading.Event | None = None,
) -> list[FeedResult]:
    """Poll every due feed (all feeds with ``force``), one after another, until ``stop``."""
    now = now or utcnow()
    policies = policies or FeedPolicies.from_services(services)
    with services.session() as session:
        repo = FeedRepository(session)
        feed_ids = [f.id for f in (repo.all() if force else repo.due(now))]
    results = []
    for feed_id in feed_ids:
        if stop is not None and stop.is_set():
            break
        if not force and not _claim(services, feed_id, now):
            continue  # another replica is polling it
        try:
            results.append(poll_feed(services, feed_id, now=now, policies=policies))
        except DatabaseUnavailable:
            raise  # the other feeds cannot be stored either
        except Exception as exc:  # keep polling the other feeds, unless the database is away
            if is_unreachable(exc):
                raise
            log.exception("polling feed %s failed", feed_id)
            results.append(FeedResult(str(feed_id), "error", error=str(exc)))
    return results


def run_feed_poller(services: Services, client: object, stop: threading.Event) -> None:
    """Background job of `newsroom-bot run`/`serve` (handlers/serve.py BACKGROUND_JOBS),
    beside the digest scheduler: polls due feeds every scheduler tick until ``stop``.

    ``client`` (the Slack client every background job gets) is not used."""
    if not services.settings.poll_feeds:
        log.info("feed polling is off (NEWSROOM_POLL_FEEDS=0)")
        return
    tick = services.settings.scheduler_tick_seconds
    while not stop.is_set():
        try:
            poll_due(services, stop=stop)
        except Exception as exc:  # the loop must outlive a bad round (e.g. a database restart)
            if services.database_unreachable(exc) is None:  # an outage is logged once a minute
                log.exception("feed polling failed; trying again next tick")
        else:
            services.database_answered()
        stop.wait(tick)


@contextmanager
def polling_beside(services: Services, *, enabled: bool = True) -> Iterator[list[FeedResult]]:
    """Poll due feeds in a thread while the caller does its own work (``digest run
    --due``); the results list is filled by the time the block exits."""
    results: list[FeedResult] = []
    if not enabled:
        yield results
        return

    def poll() -> None:
        try:
            results.extend(poll_due(services))
        except Exception as exc:
            log.warning("feed polling failed: %s", exc)

    thread = threading.Thread(target=poll, name="feed-poll", daemon=True)
    thread.start()
    try:
        yield results
    finally:
        thread.join()
