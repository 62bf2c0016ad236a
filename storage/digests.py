"""Repositories for digest subscriptions and runs.

Exactly-once posting rests on one rule: a run row for (subscription, slot) is inserted
and committed *before* anything is posted. The unique constraint ``uq_digest_slot``
decides which worker (thread, process, replica) owns a slot; everyone else gets
``None`` from ``claim`` and moves on. Retries are re-claimed with a conditional UPDATE,
which PostgreSQL and SQLite both apply to at most one worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Article, DigestRun, Subscription

# Run states. Terminal: posted, empty, skipped, failed, interrupted, superseded.
POSTING = "posting"  # claimed by a worker that is posting right now
POSTED = "posted"
EMPTY = "empty"  # nothing new and the subscription stays quiet; the window is consumed
RETRY = "retry"  # a post failed; due again at next_attempt_at
FAILED = "failed"  # gave up after the configured number of attempts
SKIPPED = "skipped"  # slot missed while no bot was running, outside the grace period
INTERRUPTED = "interrupted"  # the posting worker died; not re-posted to avoid duplicates
SUPERSEDED = "superseded"  # a retry overtaken by a newer slot, which covers its articles
DELIVERED = (POSTED, EMPTY)


@dataclass(frozen=True)
class SubscriptionFields:
    channel_id: str
    schedule_kind: str
    schedule_expr: str
    timezone: str
    filters: str = ""
    size: int = 5
    post_when_empty: bool = False
    team_id: str | None = None
    created_by: str | None = None


@dataclass(frozen=True)
class ArticleFilter:
    """Structured part of a subscription's filters; keywords are ranked by the lookup."""

    lang: str | None = None
    section: str | None = None
    source: str | None = None


class SubscriptionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, fields: SubscriptionFields, created_at: datetime) -> Subscription:
        sub = Subscription(
            team_id=fields.team_id,
            channel_id=fields.channel_id,
            created_by=fields.created_by,
            schedule_kind=fields.schedule_kind,
            schedule_expr=fields.schedule_expr,
            timezone=fields.timezone,
            filters=fields.filters,
            size=fields.size,
            post_when_empty=fields.post_when_empty,
            active=True,
            created_at=created_at,
        )
        self.session.add(sub)
        self.session.flush()
        return sub

    def get(self, subscription_id: int) -> Subscription | None:
        return self.session.get(Subscription, subscription_id)

    def active(self) -> Sequence[Subscription]:
        query = select(Subscription).where(Subscription.active.is_(True))
        return self.session.scalars(query.order_by(Subscription.id)).all()

    def for_channel(self, channel_id: str) -> Sequence[Subscription]:
        query = select(Subscription).where(
            Subscription.channel_id == channel_id, Subscription.active.is_(True)
        )
        return self.session.scalars(query.order_by(Subscription.id)).all()

    def deactivate(self, subscription: Subscription) -> None:
        """Keep the row (and its run history) but stop scheduling it and its retries."""
        subscription.active = False
        self.session.execute(
            update(DigestRun)
            .where(DigestRun.subscription_id == subscription.id, DigestRun.status == RETRY)
            .values(status=SUPERSEDED, next_attempt_at=None, error="unsubscribed")
        )
        self.session.flush()


class DigestRunRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, run_id: int) -> DigestRun | None:
        return self.session.get(DigestRun, run_id)

    def claim(
        self, subscription_id: int, slot_at: datetime, worker: str, now: datetime,
        status: str = POSTING, error: str | None = None,
    ) -> DigestRun | None:  # fmt: skip
        """Insert the run row for a slot; ``None`` if another worker already has it.

        The caller commits right away, before posting, so a crash or a second replica
        can never lead to a second post of the same slot.
        """
        run = DigestRun(
            subscription_id=subscription_id,
            slot_at=slot_at,
            status=status,
            attempts=1 if status == POSTING else 0,
            claimed_by=worker,
            claimed_at=now,
            article_count=0,
            parts_posted=0,
            error=error,
        )
        try:
            with self.session.begin_nested():
                self.session.add(run)
                self.session.flush()
        except IntegrityError:
            return None
        return run

    def claim_retry(self, run_id: int, worker: str, now: datetime) -> bool:
        """Take a due retry; the WHERE clause lets exactly one concurrent worker win."""
        result = self.session.execute(
            update(DigestRun)
            .where(
                DigestRun.id == run_id,
                DigestRun.status == RETRY,
                DigestRun.next_attempt_at <= now,
            )
            .values(
                status=POSTING,
                claimed_by=worker,
                claimed_at=now,
                attempts=DigestRun.attempts + 1,
            )
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    def due_retries(self, now: datetime) -> Sequence[DigestRun]:
        query = (
            select(DigestRun)
            .join(Subscription)
            .where(
                DigestRun.status == RETRY,
                DigestRun.next_attempt_at <= now,
                Subscription.active.is_(True),
            )
            .order_by(DigestRun.slot_at, DigestRun.id)
        )
        return self.session.scalars(query).all()

    def latest_slot(self, subscription_id: int) -> datetime | None:
        """The newest slot this subscription has a run for, whatever its outcome."""
        query = select(func.max(DigestRun.slot_at)).where(
            DigestRun.subscription_id == subscription_id
        )
        return self.session.scalar(query)

    def first_slot(self, subscription_id: int) -> datetime | None:
        query = select(func.min(DigestRun.slot_at)).where(
            DigestRun.subscription_id == subscription_id
        )
        return self.session.scalar(query)

    def has_newer_run(self, run: DigestRun) -> bool:
        query = select(DigestRun.id).where(
            DigestRun.subscription_id == run.subscription_id, DigestRun.slot_at > run.slot_at
        )
        return self.session.scalar(query.limit(1)) is not None

    def last_delivered_before(self, subscription_id: int, slot_at: datetime) -> datetime | None:
        """Slot of the previous digest that reached the channel (or found nothing new).

        A run that posted some of its messages counts too: its own retry owes the rest
        of its articles, so a newer digest must not post them a second time.
        """
        query = select(func.max(DigestRun.slot_at)).where(
            DigestRun.subscription_id == subscription_id,
            DigestRun.slot_at < slot_at,
            or_(DigestRun.status.in_(DELIVERED), DigestRun.parts_posted > 0),
        )
        return self.session.scalar(query)

    def for_subscription(self, subscription_id: int, limit: int = 20) -> Sequence[DigestRun]:
        query = (
            select(DigestRun)
            .where(DigestRun.subscription_id == subscription_id)
            .order_by(DigestRun.slot_at.desc())
            .limit(limit)
        )
        return self.session.scalars(query).all()

    def record_part(self, run: DigestRun, message_ts: str) -> None:
        """One message of a (possibly split) digest is out; a retry resumes after it."""
        run.parts_posted += 1
        if run.message_ts is None:
            run.message_ts = message_ts
        self.session.flush()

    def mark_posted(self, run: DigestRun, now: datetime, article_count: int) -> None:
        run.status = POSTED
        run.posted_at = now
        run.article_count = article_count
        run.next_attempt_at = None
        run.error = None
        self.session.flush()

    def mark_empty(self, run: DigestRun, now: datetime) -> None:
        run.status = EMPTY
        run.posted_at = now
        run.article_count = 0
        run.next_attempt_at = None
        self.session.flush()

    def mark_retry(self, run: DigestRun, error: str, next_attempt_at: datetime) -> None:
        run.status = RETRY
        run.error = error[:2000]
        run.next_attempt_at = next_attempt_at
        self.session.flush()

    def mark_failed(self, run: DigestRun, error: str) -> None:
        run.status = FAILED
        run.error = error[:2000]
        run.next_attempt_at = None
        self.session.flush()

    def mark_superseded(self, run: DigestRun, reason: str) -> None:
        run.status = SUPERSEDED
        run.error = reason
        run.next_attempt_at = None
        self.session.flush()

    def interrupt_stale(self, claimed_before: datetime) -> Sequence[DigestRun]:
        """Close runs whose worker died mid-post, so they are visible, not silently stuck.

        They are not re-posted: Slack may already have the message, and a duplicate
        digest is the failure newsrooms notice most. The next digest's window starts
        at the last *delivered* run, so its articles are not lost.
        """
        stale = self.session.scalars(
            select(DigestRun).where(
                DigestRun.status == POSTING, DigestRun.claimed_at < claimed_before
            )
        ).all()
        for run in stale:
            run.status = INTERRUPTED
            run.error = f"worker {run.claimed_by} stopped while posting; not re-posted"
        self.session.flush()
        return stale

    def candidates(
        self, flt: ArticleFilter, after: datetime | None, until: datetime, limit: int
    ) -> list[Article]:
        """Articles that arrived in (after, until] and match the structured filters.

        Newest first; ``ingested_at`` (arrival in our database) defines "new", so a
        back-dated article imported today still makes today's digest.
        """
        order = (
            func.coalesce(Article.published_at, Article.ingested_at).desc(),
            Article.id.desc(),
        )
        query = _in_window(select(Article), flt, after, until)
        return list(self.session.scalars(query.order_by(*order).limit(limit)))

    def candidate_ids(
        self, flt: ArticleFilter, after: datetime | None, until: datetime
    ) -> set[int]:
        """Ids only: the keyword path intersects them with the lookup's ranking."""
        return set(self.session.scalars(_in_window(select(Article.id), flt, after, until)))

    def count_candidates(self, flt: ArticleFilter, after: datetime | None, until: datetime) -> int:
        query = _in_window(select(func.count(Article.id)), flt, after, until)
        return int(self.session.scalar(query) or 0)


def _in_window(
    query: Select[Any], flt: ArticleFilter, after: datetime | None, until: datetime
) -> Select[Any]:
    query = query.where(Article.ingested_at <= until)
    if after is not None:
        query = query.where(Article.ingested_at > after)
    if flt.lang:
        query = query.where(func.lower(Article.lang) == flt.lang.lower())
    if flt.section:
        query = query.where(func.lower(Article.section) == flt.section.lower())
    if flt.source:  # substring: `source:bbc` matches "BBC News (2004-2005)"
        pattern = "%" + _escape_like(flt.source.lower()) + "%"
        query = query.where(func.lower(Article.source).like(pattern, escape="\\"))
    return query


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
