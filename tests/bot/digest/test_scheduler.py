"""Exactly-once digest posting with a controllable clock, against the fake Slack Web API."""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import ConfigError, Settings, load_settings
from bot.digest.scheduler import DigestScheduler, SchedulerConfig
from bot.digest.subscriptions import subscribe
from bot.services import Services
from bot.slack.digest_post import run_digest_scheduler
from storage import digests as runs_state
from storage.digests import DigestRunRepository
from storage.models import DigestRun, utcnow
from tests.bot.digest.fixtures import add_article, fake_slack, slack_publisher
from tests.fakeslack import FakeSlack

__all__ = ["fake_slack"]  # the fixture, re-exported for pytest

CREATED = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 08:00 in Berlin (CET)
CONFIG = SchedulerConfig(grace=timedelta(minutes=60), poll_feeds=False)


def scheduler(services: Services, fake: FakeSlack, config: SchedulerConfig = CONFIG,
              worker: str = "w1") -> DigestScheduler:  # fmt: skip
    return DigestScheduler(
        services, slack_publisher(fake, services), config=config, worker_id=worker
    )


def runs(services: Services) -> list[DigestRun]:
    with services.session() as session:
        return list(session.scalars(select(DigestRun).order_by(DigestRun.slot_at)))


def posted_texts(fake: FakeSlack) -> list[str]:
    return [c.args["text"] for c in fake.calls_to("chat.postMessage")]


def test_due_slot_is_posted_once_and_a_restart_does_not_repost(
    services: Services, fake_slack: FakeSlack
) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    add_article(services, "a1", SLOT - timedelta(hours=2), figure="+16 % Umsatz")

    assert scheduler(services, fake_slack).run_pending(SLOT - timedelta(seconds=1)).posted == []
    report = scheduler(services, fake_slack).run_pending(SLOT + timedelta(seconds=20))
    assert len(report.posted) == 1
    restarted = scheduler(services, fake_slack, worker="w1-restarted")
    assert restarted.run_pending(SLOT + timedelta(minutes=5)).posted == []

    call = fake_slack.calls_to("chat.postMessage")
    assert len(call) == 1 and call[0].args["channel"] == "C1"
    assert call[0].args["unfurl_links"] is False
    [run] = runs(services)
    assert (run.subscription_id, run.slot_at, run.status) == (sub.id, SLOT, runs_state.POSTED)
    assert run.message_ts and run.article_count == 1 and run.attempts == 1


def test_daylight_saving_change_keeps_the_local_posting_time(
    services: Services, fake_slack: FakeSlack
) -> None:
    subscribe(services, "C1", "daily 08:00 Europe/Berlin empty:post",
              now=datetime(2026, 3, 27, 12, tzinfo=UTC))  # fmt: skip
    sched = scheduler(services, fake_slack)
    now = datetime(2026, 3, 27, 12, tzinfo=UTC)
    while now < datetime(2026, 3, 31, 12, tzinfo=UTC):  # a pass every 30 minutes
        sched.run_pending(now)
        now += timedelta(minutes=30)
    slots = [run.slot_at for run in runs(services)]
    assert slots == [
        datetime(2026, 3, 28, 7, tzinfo=UTC),  # 08:00 CET
        datetime(2026, 3, 29, 6, tzinfo=UTC),  # 08:00 CEST, the day clocks jump
        datetime(2026, 3, 30, 6, tzinfo=UTC),
        datetime(2026, 3, 31, 6, tzinfo=UTC),
    ]
    assert len(fake_slack.calls_to("chat.postMessage")) == 4
    assert "Sun 29 Mar 2026" in posted_texts(fake_slack)[1]


def test_slot_missed_during_downtime_is_posted_on_start_within_grace(
    services: Services, fake_slack: FakeSlack
) -> None:
    subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    add_article(services, "a1", SLOT - timedelta(hours=1))
    # The bot was down at 08:00 and comes back at 08:40: still within the hour of grace.
    report = scheduler(services, fake_slack).run_pending(SLOT + timedelta(minutes=40))
    assert len(report.posted) == 1
    assert scheduler(services, fake_slack).run_pending(SLOT + timedelta(minutes=41)).posted == []
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


def test_slot_missed_beyond_grace_is_skipped_with_a_log_line_and_not_lost(
    services: Services, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    add_article(services, "early", SLOT - timedelta(hours=1), title="Frühe Meldung")
    caplog.set_level(logging.WARNING, logger="bot.digest.scheduler")
    # Back at 11:00: three hours late, grace is one hour.
    report = scheduler(services, fake_slack).run_pending(SLOT + timedelta(hours=3))
    assert report.posted == [] and len(report.skipped) == 1
    assert fake_slack.calls_to("chat.postMessage") == []
    assert "skipped slot 2026-11-25T07:00:00+00:00" in caplog.text
    [skipped] = runs(services)
    assert skipped.status == runs_state.SKIPPED and "grace" in (skipped.error or "")
    # The next morning's digest still carries the article that arrived before the skipped slot.
    add_article(services, "late", SLOT + timedelta(hours=5), title="Späte Meldung")
    next_slot = SLOT + timedelta(days=1)
    report = scheduler(services, fake_slack).run_pending(next_slot + timedelta(seconds=5))
    assert len(report.posted) == 1
    text = str(fake_slack.calls_to("chat.postMessage")[0].args["blocks"])
    assert "Frühe Meldung" in text and "Späte Meldung" in text


def test_slack_429_after_retries_is_retried_later_then_posted(
    services: Services, fake_slack: FakeSlack
) -> None:
    subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    add_article(services, "a1", SLOT - timedelta(hours=1))
    # slack-sdk retries 429 three times itself; the fourth 429 reaches us.
    fake_slack.fail("chat.postMessage", 429, times=4, retry_after=0)
    report = scheduler(services, fake_slack).run_pending(SLOT)
    assert report.posted == [] and len(report.retry) == 1
    [run] = runs(services)
    assert run.status == runs_state.RETRY and run.attempts == 1
    assert "429" in (run.error or "") and run.next_attempt_at == SLOT + timedelta(minutes=2)

    assert scheduler(services, fake_slack).run_pending(SLOT + timedelta(minutes=1)).retry == []
    report = scheduler(services, fake_slack).run_pending(SLOT + timedelta(minutes=2))
    assert report.posted == [run.id]
    [run] = runs(services)
    assert (run.status, run.attempts, run.error) == (runs_state.POSTED, 2, None)
    assert len(fake_slack.calls_to("chat.postMessage")) == 5  # 4 rate-limited + 1 accepted


def test_a_post_that_keeps_failing_ends_as_failed_with_its_error(
    services: Services, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    add_article(services, "a1", SLOT - timedelta(hours=1))
    fake_slack.fail("chat.postMessage", 200, times=10, error="not_in_channel")
    config = SchedulerConfig(max_attempts=3, retry_base=timedelta(minutes=1), poll_feeds=False)
    sched = scheduler(services, fake_slack, config)
    caplog.set_level(logging.WARNING, logger="bot.digest.scheduler")
    for minutes in (0, 1, 3, 7, 15):
        sched.run_pending(SLOT + timedelta(minutes=minutes))
    [run] = runs(services)
    assert (run.status, run.attempts) == (runs_state.FAILED, 3)
    assert "not_in_channel" in (run.error or "")
    assert "gave up after 3 attempts" in caplog.text
    assert len(fake_slack.calls_to("chat.postMessage")) == 3


def test_nothing_new_stays_quiet_or_says_so_per_subscription(
    services: Services, fake_slack: FakeSlack
) -> None:
    subscribe(services, "CQUIET", "daily 08:00 Europe/Berlin", now=CREATED)
    subscribe(services, "CLOUD", "daily 08:00 Europe/Berlin empty:post", now=CREATED)
    report = scheduler(services, fake_slack).run_pending(SLOT)
    assert len(report.empty) == 1 and len(report.posted) == 1
    [call] = fake_slack.calls_to("chat.postMessage")
    assert call.args["channel"] == "CLOUD" and "no new articles" in call.args["text"]
    assert {run.status for run in runs(services)} == {runs_state.EMPTY, runs_state.POSTED}


class FailSecondPostSlack(FakeSlack):
    """Accepts the first chat.postMessage, fails the second once: a split digest cut short."""

    def _handle(self, req: Any, raw: str) -> None:
        if len(self.calls_to("chat.postMessage")) == 1:
            self.fail("chat.postMessage", 200, error="internal_error")
        super()._handle(req, raw)


def test_a_split_digest_resumes_after_the_last_posted_part(services: Services) -> None:
    fake = FailSecondPostSlack().start()
    try:
        subscribe(services, "C1", "daily 08:00 Europe/Berlin top 40", now=CREATED)
        for i in range(40):
            add_article(services, f"a{i:02d}", SLOT - timedelta(minutes=i + 1))
        sched = scheduler(services, fake)
        assert len(sched.run_pending(SLOT).retry) == 1
        [run] = runs(services)
        assert (run.parts_posted, run.status) == (1, runs_state.RETRY)
        assert len(sched.run_pending(SLOT + timedelta(minutes=2)).posted) == 1
        calls = fake.calls_to("chat.postMessage")
        assert [c.args["text"][-5:] for c in calls] == ["(1/2)", "(2/2)", "(2/2)"]
        assert runs(services)[0].parts_posted == 2
    finally:
        fake.stop()


def test_a_newer_slot_does_not_repost_what_a_half_posted_digest_owes(
    services: Services,
) -> None:
    fake = FailSecondPostSlack().start()
    try:
        subscribe(services, "C1", "hourly top 40", now=CREATED)
        for i in range(40):
            add_article(services, f"a{i:02d}", SLOT - timedelta(minutes=i + 1))
        config = SchedulerConfig(
            poll_feeds=False, retry_base=timedelta(minutes=90), retry_cap=timedelta(hours=2)
        )
        sched = scheduler(services, fake, config)
        sched.run_pending(SLOT)  # part 1 posted, part 2 failed: retry in 90 minutes
        sched.run_pending(SLOT + timedelta(hours=1))  # the next hourly slot comes first
        sched.run_pending(SLOT + timedelta(minutes=91))  # the retry posts part 2
        first, _failed, *rest = fake.calls_to("chat.postMessage")
        posted = json.dumps([c.args.get("blocks") for c in (first, *rest)])
        for i in range(40):
            assert posted.count(f"Artikel a{i:02d}") == 1, f"a{i:02d}"
    finally:
        fake.stop()


def test_a_post_interrupted_by_a_crash_is_recorded_not_reposted(
    services: Services, fake_slack: FakeSlack
) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    with services.session() as session:  # a replica claimed the slot, then died
        DigestRunRepository(session).claim(sub.id, SLOT, "dead-worker", SLOT)
    report = scheduler(services, fake_slack).run_pending(SLOT + timedelta(minutes=30))
    assert len(report.interrupted) == 1 and report.posted == []
    [run] = runs(services)
    assert run.status == runs_state.INTERRUPTED and "dead-worker" in (run.error or "")
    assert fake_slack.calls_to("chat.postMessage") == []


def test_the_background_loop_posts_due_digests(services: Services, fake_slack: FakeSlack) -> None:
    subscribe(services, "C1", "daily 08:00 Europe/Berlin empty:post", now=CREATED)
    config = SchedulerConfig(tick_seconds=0.05, poll_feeds=False)
    sched = DigestScheduler(services, slack_publisher(fake_slack, services), config=config,
                            clock=lambda: SLOT + timedelta(seconds=3))  # fmt: skip
    sched.start()
    try:
        fake_slack.wait_for("chat.postMessage", 1)
    finally:
        sched.stop()
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


def test_two_replicas_post_each_slot_once(db_url: str, fake_slack: FakeSlack) -> None:
    """Two schedulers with their own engines race on one database (PostgreSQL and SQLite):
    first on the slots, whose first posts all fail, then on the retries."""
    replicas = [Services.from_settings(Settings(database_url=db_url)) for _ in range(2)]
    try:
        channels = [f"C{i:02d}" for i in range(12)]
        for channel in channels:
            subscribe(replicas[0], channel, "hourly Europe/Berlin empty:post", now=CREATED)
        fake_slack.fail("chat.postMessage", 200, times=len(channels), error="internal_error")
        workers = [scheduler(svc, fake_slack, worker=f"replica-{i}")
                   for i, svc in enumerate(replicas)]  # fmt: skip
        barrier = threading.Barrier(len(workers))
        errors: list[BaseException] = []

        def run(worker: DigestScheduler) -> None:
            try:
                for minute in (0, 0, 1, 2, 2, 3):  # start together, keep ticking, retry at +2
                    barrier.wait()
                    worker.run_pending(SLOT + timedelta(minutes=minute))
            except BaseException as exc:  # surfaced below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(w,)) for w in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert errors == []
        posted = [c.args["channel"] for c in fake_slack.calls_to("chat.postMessage")]
        assert sorted(posted) == sorted(channels * 2)  # one failed and one good post each
        all_runs = runs(replicas[0])
        assert len(all_runs) == len(channels)
        assert {(r.status, r.attempts, r.slot_at) for r in all_runs} == {
            (runs_state.POSTED, 2, SLOT)
        }
    finally:
        for svc in replicas:
            svc.close()


def test_a_slot_claimed_elsewhere_is_refused_without_breaking_the_session(
    services: Services,
) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    with services.session() as session:
        assert DigestRunRepository(session).claim(sub.id, SLOT, "replica-a", SLOT) is not None
    with services.session() as session:
        runs_repo = DigestRunRepository(session)
        assert runs_repo.claim(sub.id, SLOT, "replica-b", SLOT) is None
        assert runs_repo.latest_slot(sub.id) == SLOT  # the session is still usable
    [run] = runs(services)
    assert run.claimed_by == "replica-a"


def test_the_bot_background_job_posts_then_stops_on_request(
    services: Services, fake_slack: FakeSlack
) -> None:
    """The job `newsroom-bot run`/`serve` start beside the listeners, on the real clock."""
    settings = Settings(database_url=str(services.engine.url.render_as_string(False)),
                        slack_api_url=fake_slack.url, slack_bot_token="xoxb-test",
                        scheduler_tick_seconds=0.05, poll_feeds=False)  # fmt: skip
    services.settings = settings
    subscribe(services, "C1", "hourly empty:post", now=utcnow() - timedelta(hours=2))
    stop = threading.Event()
    job = threading.Thread(target=run_digest_scheduler, args=(services, None, stop))
    job.start()
    try:
        fake_slack.wait_for("chat.postMessage", 1)
    finally:
        stop.set()
        job.join(5)
    assert not job.is_alive()
    assert [r.status for r in runs(services)] == [runs_state.POSTED]


def test_scheduler_settings_come_from_the_environment_with_clear_errors() -> None:
    env = {"NEWSROOM_DIGEST_GRACE_MINUTES": "15", "NEWSROOM_POLL_FEEDS": "0"}
    config = SchedulerConfig.from_settings(load_settings(environ=env))
    assert config.grace == timedelta(minutes=15) and not config.poll_feeds
    assert config.backoff(1) == timedelta(minutes=2) and config.backoff(9) == timedelta(hours=1)
    with pytest.raises(ConfigError, match="NEWSROOM_DIGEST_GRACE_MINUTES"):
        load_settings(environ={"NEWSROOM_DIGEST_GRACE_MINUTES": "an hour"})
