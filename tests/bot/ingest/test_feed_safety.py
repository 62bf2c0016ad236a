"""Feeds cannot hurt us: item links are resolved and must be http(s) on public addresses,
Atom content is kept, and a slow feed holds only its own worker, never the digests."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.digest.scheduler import DigestScheduler, SchedulerConfig
from bot.digest.subscriptions import subscribe
from bot.ingest.feeds import poll_due, polling_beside, run_feed_poller
from bot.ingest.readers import RawArticle, read_url
from bot.services import Services
from storage.feeds import FeedRepository
from tests.bot.digest.fixtures import add_article, fake_slack, slack_publisher
from tests.fakeslack import FakeSlack
from tests.hostile import LOCAL, HostileServer

__all__ = ["fake_slack"]  # the fixture, re-exported for pytest


def test_file_and_script_links_are_ignored_and_relative_ones_resolved(
    hostile: HostileServer, caplog: pytest.LogCaptureFixture
) -> None:
    items = list(read_url(hostile.url("/file-links.xml"), policy=LOCAL))
    assert all(isinstance(i, RawArticle) for i in items)
    by_title = {i.title: i for i in items if isinstance(i, RawArticle)}
    secrets = by_title["Secrets"]
    assert secrets.url is None and "Stromausfall" in secrets.body and "root:" not in secrets.body
    assert by_title["Script"].url is None
    assert by_title["Relative"].url == hostile.url("/story/relative")
    assert "ignoring item link 'file://localhost/etc/passwd'" in caplog.text
    assert "ignoring item link 'javascript:alert(1)'" in caplog.text
    # The resolved link points at 127.0.0.1: item links never get the operator's
    # allowance, so it was refused rather than fetched.
    assert hostile.requests == ["/file-links.xml"]
    assert "127.0.0.1 is a loopback address" in caplog.text


def test_atom_content_is_the_body(hostile: HostileServer) -> None:
    """feedparser copies <content> into the summary of an entry without one; that copy
    once became the teaser, and boilerplate removal then dropped the body as a repeat."""
    (item,) = read_url(hostile.url("/atom.xml"), policy=LOCAL)
    assert isinstance(item, RawArticle)
    assert item.body.startswith("Netflix hat nach Angaben von Co-CEO Ted Sarandos")
    assert "zehnmal schneller" in item.body and item.teaser == ""
    assert item.url == hostile.url("/kultur/netflix-ki")


def test_a_feed_on_loopback_is_refused_and_recorded(
    services: Services, hostile: HostileServer
) -> None:
    with services.session() as s:
        FeedRepository(s).add(hostile.url("/atom.xml"))
    (result,) = poll_due(services)
    assert result.status == "error" and "127.0.0.1 is a loopback address" in (result.error or "")
    with services.session() as s:
        feed = FeedRepository(s).by_url(hostile.url("/atom.xml"))
        assert feed is not None and "loopback" in (feed.last_error or "")
    assert hostile.requests == []


def _slow_feed_services(services: Services, hostile: HostileServer) -> Services:
    """The operator allowed private addresses (their feed is on 127.0.0.1), deadline 1 s."""
    settings = replace(services.settings, allow_private_urls=True, fetch_deadline_seconds=1.0)
    with services.session() as s:
        FeedRepository(s).add(hostile.url("/slow-body"))
    return Services(settings=settings, engine=services.engine, sessions=services.sessions)


def test_a_slow_feed_does_not_delay_the_digest_pass(
    services: Services, hostile: HostileServer, fake_slack: FakeSlack
) -> None:
    slot = datetime.now(UTC).replace(second=0, microsecond=0)
    subscribe(services, "C1", f"daily {slot:%H:%M} UTC", now=slot - timedelta(days=1))
    add_article(services, "a1", slot - timedelta(hours=1))
    slow = _slow_feed_services(services, hostile)
    digests = DigestScheduler(slow, slack_publisher(fake_slack), config=SchedulerConfig())
    with polling_beside(slow) as feeds:  # as `digest run --due` does
        start = time.monotonic()
        report = digests.run_pending(slot + timedelta(seconds=5))
        pass_seconds = time.monotonic() - start
        still_polling = not feeds
    assert len(report.posted) == 1 and still_polling
    assert pass_seconds < slow.settings.fetch_deadline_seconds
    (feed,) = feeds
    assert feed.status == "error" and "gave up" in (feed.error or "")


def test_the_feed_poller_runs_beside_the_scheduler_and_stops_when_told(
    services: Services, hostile: HostileServer
) -> None:
    slow = _slow_feed_services(services, hostile)
    stop = threading.Event()
    worker = threading.Thread(target=run_feed_poller, args=(slow, None, stop))
    worker.start()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "/slow-body" not in hostile.requests:
        time.sleep(0.05)
    stop.set()
    worker.join(timeout=slow.settings.fetch_deadline_seconds + 2)
    assert not worker.is_alive()
    with services.session() as s:
        feed = FeedRepository(s).by_url(hostile.url("/slow-body"))
        assert feed is not None and "gave up" in (feed.last_error or "")
