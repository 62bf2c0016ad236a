"""The scheduler inside the running bot: due digests, their retries, and due feeds.

A small loop over the database rather than APScheduler (see docs/digest.md): every
tick it asks the database what is due, claims it with a unique row, posts, and writes
the outcome. Nothing lives only in memory, so any number of replicas (or a cron job
running ``newsroom-bot digest run --due``) can share the work and a restart resumes
exactly where the database says.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.config import Settings
from bot.digest.content import Digest, build_digest
from bot.digest.subscriptions import schedule_of
from bot.services import Services
from storage.digests import SKIPPED, DigestRunRepository, SubscriptionRepository
from storage.health import is_unreachable
from storage.models import utcnow

log = logging.getLogger(__name__)
_MISSED_COUNT_CAP = 1000


class PublishError(Exception):
    """A digest did not (fully) reach the channel; the run is retried later."""


class Publisher(Protocol):
    """Posts a digest; implemented for Slack in bot/slack/digest_post.py."""

    def publish(self, digest: Digest, *, skip_parts: int, on_part: Callable[[str], None]) -> None:
        """Post the messages after the first ``skip_parts``; call ``on_part(ts)`` after each."""


@dataclass(frozen=True)
class SchedulerConfig:
    grace: timedelta = timedelta(minutes=60)  # how late a missed slot may still be posted
    tick_seconds: float = 30.0
    max_attempts: int = 6
    retry_base: timedelta = timedelta(minutes=2)  # doubled per attempt, capped at retry_cap
    retry_cap: timedelta = timedelta(hours=1)
    stale_after: timedelta = timedelta(minutes=15)  # a post in flight longer died with its worker
    poll_feeds: bool = True  # read by the callers that start the feed poller beside us

    @classmethod
    def from_settings(cls, settings: Settings) -> SchedulerConfig:
        return cls(
            grace=timedelta(minutes=settings.digest_grace_minutes),
            tick_seconds=settings.scheduler_tick_seconds,
            max_attempts=settings.digest_max_attempts,
            retry_base=timedelta(minutes=settings.digest_retry_minutes),
            poll_feeds=settings.poll_feeds,
        )

    def backoff(self, attempts: int) -> timedelta:
        return min(self.retry_cap, self.retry_base * (2 ** max(attempts - 1, 0)))


@dataclass
class PassReport:
    """What one pass did, by run id; printed by ``digest run --due`` and logged."""

    posted: list[int] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    superseded: list[int] = field(default_factory=list)
    interrupted: list[int] = field(default_factory=list)
    feeds: Any = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if isinstance(self.feeds, list | tuple):
            data["feeds"] = {"polled": len(self.feeds)}
        elif self.feeds is not None:
            data["feeds"] = repr(self.feeds)
        return data

    @property
    def ok(self) -> bool:
        return not (self.retry or self.failed)


class DigestScheduler:
    def __init__(
        self, services: Services, publisher: Publisher, *, config: SchedulerConfig | None = None,
        clock: Callable[[], datetime] = utcnow, worker_id: str | None = None,
    ) -> None:  # fmt: skip
        self.services = services
        self.publisher = publisher
        self.config = config or SchedulerConfig()
        self.clock = clock
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the loop ---------------------------------------------------------------------

    def start(self) -> None:
        """Run passes in a daemon thread: one at once (missed slots), then every tick."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self.run_forever, name="digest-scheduler", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def run_forever(self, stop: threading.Event | None = None) -> None:
        """Blocking loop until ``stop`` (or ``self.stop()``); for a caller-owned thread."""
        stop = stop or self._stop
        while not (stop.is_set() or self._stop.is_set()):
            try:
                self.run_pending()
            except Exception as exc:  # the loop must outlive a bad pass (e.g. database restart)
                if self.services.database_unreachable(exc) is None:  # logged once a minute
                    log.exception("scheduler pass failed; trying again next tick")
            else:
                self.services.database_answered()
            stop.wait(self.config.tick_seconds)

    # -- one pass ---------------------------------------------------------------------

    def run_pending(self, now: datetime | None = None) -> PassReport:
        """Do everything due at ``now``: stale runs, new slots, then retries. Feeds are
        polled by their own worker (``bot.ingest.feeds.run_feed_poller``), never here."""
        now = now or self.clock()
        report = PassReport()
        with self.services.session() as session:
            stale = DigestRunRepository(session).interrupt_stale(now - self.config.stale_after)
            for run in stale:
                log.error("digest run %s (subscription %s, slot %s): %s",
                          run.id, run.subscription_id, run.slot_at, run.error)  # fmt: skip
                report.interrupted.append(run.id)
        with self.services.session() as session:
            sub_ids = [sub.id for sub in SubscriptionRepository(session).active()]
        for sub_id in sub_ids:
            try:
                self._run_subscription(sub_id, now, report)
            except Exception as exc:
                if is_unreachable(exc):
                    raise
                log.exception("digest subscription %s: pass failed", sub_id)
        with self.services.session() as session:
            retry_ids = [run.id for run in DigestRunRepository(session).due_retries(now)]
        for run_id in retry_ids:
            self._retry(run_id, now, report)
        return report

    def _run_subscription(self, sub_id: int, now: datetime, report: PassReport) -> None:
        """Claim the newest due slot; older missed ones fold into it (same window)."""
        with self.services.session() as session:
            sub = SubscriptionRepository(session).get(sub_id)
            if sub is None or not sub.active:
                return
            runs = DigestRunRepository(session)
            schedule = schedule_of(sub)
            cursor = max(filter(None, (runs.latest_slot(sub.id), sub.created_at)))
            slot = schedule.last_at_or_before(now)
            if slot <= cursor:
                return
            older = _count_slots(schedule.slots_between(cursor, slot - timedelta(microseconds=1)))
            late = now - slot
            if late > self.config.grace:
                reason = f"missed by {late}, grace {self.config.grace}"
                skipped = runs.claim(sub.id, slot, self.worker_id, now, SKIPPED, reason)
                if skipped is not None:
                    log.warning("digest #%s: skipped slot %s (%s); %s older missed slot(s) too",
                                sub.id, slot.isoformat(), reason, _plural_count(older))  # fmt: skip
                    report.skipped.append(skipped.id)
                return
            run = runs.claim(sub.id, slot, self.worker_id, now)
            if run is None:
                return  # another worker owns this slot
            run_id = run.id
        if older:
            log.warning("digest #%s: %s missed slot(s) before %s are covered by this digest",
                        sub_id, _plural_count(older), slot.isoformat())  # fmt: skip
        self._deliver(run_id, now, report)

    def _retry(self, run_id: int, now: datetime, report: PassReport) -> None:
        with self.services.session() as session:
            runs = DigestRunRepository(session)
            if not runs.claim_retry(run_id, self.worker_id, now):
                return
        with self.services.session() as session:
            runs = DigestRunRepository(session)
            run = runs.get(run_id)
            if run is not None and run.parts_posted == 0 and runs.has_newer_run(run):
                runs.mark_superseded(run, "a newer digest of this subscription covers it")
                report.superseded.append(run_id)
                return
        self._deliver(run_id, now, report)

    def _deliver(self, run_id: int, now: datetime, report: PassReport) -> None:
        """Post a claimed run and record the outcome; never leaves it in flight."""
        try:
            with self.services.session() as session:
                run = DigestRunRepository(session).get(run_id)
                assert run is not None
                sub = run.subscription
                digest = build_digest(session, sub, run.slot_at)
                skip_parts, post_when_empty = run.parts_posted, sub.post_when_empty
            if digest.is_empty and not post_when_empty:
                self._finish(run_id, report, posted=False, count=0)
                return
            self.publisher.publish(
                digest, skip_parts=skip_parts, on_part=lambda ts: self._record_part(run_id, ts)
            )
        except Exception as exc:
            self._fail(run_id, exc, now, report)
            return
        self._finish(run_id, report, posted=True, count=len(digest.items))

    def _record_part(self, run_id: int, message_ts: str) -> None:
        with self.services.session() as session:
            runs = DigestRunRepository(session)
            run = runs.get(run_id)
            assert run is not None
            runs.record_part(run, message_ts)

    def _finish(self, run_id: int, report: PassReport, *, posted: bool, count: int) -> None:
        with self.services.session() as session:
            runs = DigestRunRepository(session)
            run = runs.get(run_id)
            assert run is not None
            if posted:
                runs.mark_posted(run, self.clock(), count)
                report.posted.append(run_id)
            else:
                runs.mark_empty(run, self.clock())
                report.empty.append(run_id)

    def _fail(self, run_id: int, exc: Exception, now: datetime, report: PassReport) -> None:
        error = f"{type(exc).__name__}: {exc}"
        with self.services.session() as session:
            runs = DigestRunRepository(session)
            run = runs.get(run_id)
            assert run is not None
            if run.attempts >= self.config.max_attempts:
                runs.mark_failed(run, error)
                log.error("digest run %s gave up after %d attempts: %s",
                          run_id, run.attempts, error)  # fmt: skip
                report.failed.append(run_id)
                return
            next_at = now + self.config.backoff(run.attempts)
            runs.mark_retry(run, error, next_at)
        level = logging.WARNING if isinstance(exc, PublishError) else logging.ERROR
        log.log(level, "digest run %s failed (%s); retry at %s", run_id, error, next_at,
                exc_info=not isinstance(exc, PublishError))  # fmt: skip
        report.retry.append(run_id)


def _count_slots(slots: Any) -> int:
    count = 0
    for _ in slots:
        count += 1
        if count >= _MISSED_COUNT_CAP:
            break
    return count


def _plural_count(count: int) -> str:
    return f"{count}+" if count >= _MISSED_COUNT_CAP else str(count)
