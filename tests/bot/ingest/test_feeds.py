"""Feed polling over real HTTP: conditional GET, linked pages, per-feed errors."""

from __future__ import annotations

import threading

from bot.ingest.feeds import FeedPolicies, FeedResult, poll_due
from bot.services import Services
from storage.articles import ArticleRepository
from storage.feeds import FeedRepository
from tests.hostile import LOCAL
from tests.newssite import Site

# The news site runs on 127.0.0.1: these tests are about polling, not addresses, so the feed
# and its item links may be fetched from loopback (test_feed_safety.py shows the refusals).
ON_LOOPBACK = FeedPolicies(feed=LOCAL, links=LOCAL)


def test_poll_ingests_items_then_uses_conditional_get(services: Services, site: Site) -> None:
    with services.session() as s:
        FeedRepository(s).add(f"{site.base}/feed.xml")
    (first,) = poll_due(services, policies=ON_LOOPBACK)
    assert first.status == "ok" and first.report.added == 2
    with services.session() as s:
        repo = ArticleRepository(s)
        tw = repo.by_external_id("tw-1")
        assert tw is not None and tw.canonical_url == f"{site.base}/story/tw"
        netflix = repo.by_external_id("nf-1")  # short item: text came from the linked page
        assert netflix is not None and "zehnmal schneller" in netflix.body
    (second,) = poll_due(services, force=True, policies=ON_LOOPBACK)
    assert second.status == "not modified"
    feed_requests = [h for path, h in site.requests if path == "/feed.xml"]
    assert feed_requests[-1].get("If-None-Match") == '"v1"'


def test_broken_feed_is_recorded_and_others_still_poll(services: Services, site: Site) -> None:
    with services.session() as s:
        FeedRepository(s).add(f"{site.base}/broken.xml")
        FeedRepository(s).add(f"{site.base}/feed.xml")
    results = {r.url.rsplit("/", 1)[1]: r for r in poll_due(services, policies=ON_LOOPBACK)}
    assert results["broken.xml"].status == "error" and "500" in (results["broken.xml"].error or "")
    assert results["feed.xml"].report.added == 2
    with services.session() as s:
        broken = FeedRepository(s).by_url(f"{site.base}/broken.xml")
        assert broken is not None and broken.last_error and broken.last_polled_at
        assert FeedRepository(s).due(broken.last_polled_at) == []


def test_two_replicas_polling_at_once_fetch_each_feed_once(services: Services, site: Site) -> None:
    with services.session() as s:
        FeedRepository(s).add(f"{site.base}/feed.xml")
    results: list[list[FeedResult]] = []
    threads = [
        threading.Thread(target=lambda: results.append(poll_due(services, policies=ON_LOOPBACK)))
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(len(r) for r in results) == [0, 1]
    assert [path for path, _ in site.requests].count("/feed.xml") == 1


def test_known_items_are_not_refetched_and_a_dead_page_keeps_the_feed_text(
    services: Services, site: Site
) -> None:
    with services.session() as s:
        FeedRepository(s).add(f"{site.base}/feed.xml")
    poll_due(services, policies=ON_LOOPBACK)
    with services.session() as s:
        FeedRepository(s).add(f"{site.base}/feed2.xml")
    (result,) = poll_due(services, policies=ON_LOOPBACK)  # only the new feed is due
    assert result.report.added == 1
    assert [r.reason for r in result.report.rejected] == ["already stored"]
    assert [p for p, _ in site.requests].count("/story/netflix") == 1
    with services.session() as s:
        power = ArticleRepository(s).by_external_id("power-1")
        assert power is not None and power.title == "Stromausfall in Berlin-Köpenick"
        assert "ohne Strom" in power.body
