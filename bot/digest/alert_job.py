"""The alert pass: new arrivals that match a channel's alert are posted there, once.

Each scheduler pass (every ``NEWSROOM_SCHEDULER_TICK_SECONDS``, 30 s by default), per
active alert:

1. Search with the alert's query over the articles that arrived since its cursor (minus
   ``CURSOR_OVERLAP``, so a batch committed while the last pass ran is not missed) and keep
   the hits that pass the relevance threshold (``bot.digest.relevance``).
2. Claim each hit with a unique (alert, article) row; a hit claimed before is skipped.
3. A near-duplicate of an article the alert showed in the last day is recorded but not
   posted again; near-duplicates within the batch fold into one item ("also in").
4. More than ``NEWSROOM_ALERT_MAX_PER_HOUR`` articles in the last hour: the rest is held
   back (``throttled``), and the channel is told so, at most once an hour.
5. The batch is one ledger row and one message (``bot/slack/posting.py``: exactly once,
   also when Slack's answer is lost); a failed post is retried with the digest backoff.

Muted alerts move their cursor without posting: what arrives while muted stays unposted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.orm import Session

from bot import lookup
from bot.config import Settings
from bot.digest.content import DigestItem, one_per_story
from bot.digest.delivery import DeliveryReport, deliver, due_posts
from bot.digest.relevance import alert_query, is_match, query_words
from bot.digest.scheduler import SchedulerConfig
from bot.services import Services
from storage.alerts import GROUPED, POSTED, QUEUED, THROTTLED, AlertRepository, MatchStatus
from storage.articles import ArticleRepository
from storage.models import Alert, AlertMatch, SlackPost
from storage.posts import PostRepository
from storage.stories import StoryRepository
from storage.versions import PostedMessageRepository

log = logging.getLogger(__name__)

# An import stamps ingested_at before it commits; a batch committed while the last pass
# ran is still found. Claim rows make the overlap harmless.
CURSOR_OVERLAP = timedelta(minutes=2)
SEARCH_LIMIT = 200  # matches one alert can take in one pass
THROTTLE_WINDOW = timedelta(hours=1)
SHOWN_WINDOW = timedelta(days=1)  # near-duplicates of what the alert showed this long ago
NOTICE = "notice"


@dataclass(frozen=True)
class AlertBatch:
    """One alert message: the matches of one pass, and whether to say it is throttled."""

    alert_id: int
    channel_id: str
    query: str
    items: list[DigestItem]
    held_back: int = 0  # matches of the last hour not posted (over the hourly limit)
    max_per_hour: int = 20


class AlertPublisher(Protocol):
    def publish_alert(self, post_id: int, batch: AlertBatch, *, now: datetime,
                      config: SchedulerConfig) -> str: ...  # fmt: skip


@dataclass
class AlertReport(DeliveryReport):
    matched: int = 0
    throttled: int = 0


@dataclass
class AlertJob:
    services: Services
    publisher: AlertPublisher
    config: SchedulerConfig = field(default_factory=SchedulerConfig)
    max_per_hour: int = 20
    name: str = "alerts"

    @classmethod
    def from_settings(cls, services: Services, publisher: AlertPublisher,
                      config: SchedulerConfig) -> AlertJob:  # fmt: skip
        settings: Settings = services.settings
        return cls(services, publisher, config, settings.alert_max_per_hour)

    def run(self, now: datetime) -> AlertReport:
        report = AlertReport()
        for post_id in due_posts(self.services, "alert", now, self.config):
            self._deliver(post_id, now, report)
        with self.services.session() as session:
            alert_ids = [a.id for a in AlertRepository(session).active()]
            newest = ArticleRepository(session).newest_arrival()
        for alert_id in alert_ids:
            try:
                claimed = self._match(alert_id, now, newest, report)
            except Exception:
                log.exception("alert #%s: pass failed; trying again next pass", alert_id)
                continue
            if claimed is not None:
                self._deliver(claimed, now, report)
        return report

    # -- matching --------------------------------------------------------------------

    def _match(
        self, alert_id: int, now: datetime, newest: datetime | None, report: AlertReport
    ) -> int | None:
        """Claim this pass's matches of one alert; the ledger row to post, if any.

        Nothing arrived since the alert's window start (``newest``): no search at all, so
        an idle pass costs one query however many alerts there are.
        """
        with self.services.session() as session:
            repo = AlertRepository(session)
            alert = repo.get(alert_id)
            if alert is None or not alert.active:
                return None
            since = max(alert.cursor_at - CURSOR_OVERLAP, alert.created_at)
            alert.cursor_at = now
            if alert.muted_until is not None:
                if alert.muted_until > now:
                    return None
                since = max(since, alert.muted_until)  # the overlap stays out of the mute
            if newest is None or newest < since:
                return None
            shown = repo.shown_since(alert.id, now - SHOWN_WINDOW)
            used = repo.count_since(alert.id, now - THROTTLE_WINDOW, (QUEUED, POSTED))
            fresh = self._claim_hits(session, alert, since, shown, now)
            report.matched += len(fresh)
            room = max(0, self.max_per_hour - used)
            for match in fresh[room:]:
                match.status = THROTTLED
            report.throttled += max(0, len(fresh) - room)
            notice = len(fresh) > room and _notice_due(alert, now)
            if notice:
                alert.throttle_noticed_at = now
            batch = fresh[:room]
            if not batch and not notice:
                return None
            key = f"alert:{alert.id}:" + (str(batch[0].id) if batch else f"{now:%Y%m%dT%H%M%S}")
            post = PostRepository(session).claim(key + (f":{NOTICE}" if notice else ""),
                                                 "alert", alert.channel_id, now)  # fmt: skip
            if post is None:
                return None
            for match in batch:
                match.post_id = post.id
            return post.id

    def _claim_hits(self, session: Session, alert: Alert, since: datetime, shown: list[int],
                    now: datetime) -> list[AlertMatch]:  # fmt: skip
        query = alert_query(alert.query)
        words = query_words(query)
        result = lookup.search(session, query, limit=SEARCH_LIMIT, since=since, by_meaning=False)
        hits = [hit for hit in result.hits if is_match(hit, words)]
        if not hits:
            return []
        repo = AlertRepository(session)
        groups = StoryRepository(session).groups_of([h.article.id for h in hits] + shown)
        seen = {groups[i] for i in shown}
        fresh = []
        for hit in hits:
            group = groups[hit.article.id]
            status: MatchStatus = GROUPED if group in seen else QUEUED
            match = repo.claim_match(alert.id, hit.article.id, now, status)
            if match is not None and status == QUEUED:
                fresh.append(match)
                seen.add(group)
        return fresh

    # -- posting ---------------------------------------------------------------------

    def _deliver(self, post_id: int, now: datetime, report: AlertReport) -> None:
        with self.services.session() as session:
            post = PostRepository(session).get(post_id)
            assert post is not None
            batch = self._batch(session, post, now)
        ts = deliver(
            self.services, post_id,
            lambda: self.publisher.publish_alert(post_id, batch, now=now, config=self.config),
            self.config, report,
        )  # fmt: skip
        if ts is None:
            return
        with self.services.session() as session:
            AlertRepository(session).mark_posted(post_id)
            ids = [item.article_id for item in batch.items]
            PostedMessageRepository(session).record(batch.channel_id, ts, ids, "alert", now)

    def _batch(self, session: Session, post: SlackPost, now: datetime) -> AlertBatch:
        """Rebuilt from the database, so a retry posts exactly what was claimed."""
        alert_id = int(post.key.split(":")[1])
        repo = AlertRepository(session)
        alert = repo.get(alert_id)
        assert alert is not None
        articles = ArticleRepository(session)
        loaded = [a for m in repo.for_post(post.id) if (a := articles.get(m.article_id))]
        held = 0
        if post.key.endswith(f":{NOTICE}"):
            held = repo.count_since(alert_id, now - THROTTLE_WINDOW, (THROTTLED,))
        return AlertBatch(alert.id, alert.channel_id, alert.query,
                          one_per_story(session, loaded, len(loaded)), held,
                          self.max_per_hour)  # fmt: skip


def _notice_due(alert: Alert, now: datetime) -> bool:
    last = alert.throttle_noticed_at
    return last is None or last <= now - THROTTLE_WINDOW
