"""A post whose answer from Slack is lost reaches the channel once: against FakeSlack."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from bot.digest.scheduler import DigestScheduler, SchedulerConfig
from bot.digest.subscriptions import subscribe
from bot.services import Services
from bot.slack.blocks import Message, section
from bot.slack.client import make_web_client
from bot.slack.posting import EVENT_TYPE, CheckFailed, Outbound, OutcomeUnknown
from storage import posts as post_state
from storage.digests import DigestRunRepository
from storage.posts import PostRepository
from tests.bot.digest.fixtures import add_article, fake_slack, slack_poster, slack_publisher
from tests.fakeslack import FakeSlack

__all__ = ["fake_slack"]

CREATED = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
CONFIG = SchedulerConfig(poll_feeds=False)


def digest_with_one_article(services: Services) -> None:
    subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    add_article(services, "a1", SLOT - timedelta(hours=1), title="Tarifeinigung")


def test_sdk_connection_retry_would_post_a_lost_answer_twice(fake_slack: FakeSlack) -> None:
    """Why posts do not use slack-sdk's ConnectionErrorRetryHandler (issue 14)."""
    client = make_web_client(Settings(database_url="sqlite://", slack_api_url=fake_slack.url),
                             token="xoxb-test")  # fmt: skip
    fake_slack.lose_answer("chat.postMessage")
    client.chat_postMessage(channel="C1", text="digest")
    assert len(fake_slack.posted("C1")) == 2


def test_a_digest_whose_answer_was_lost_is_found_in_the_channel_not_reposted(
    services: Services, fake_slack: FakeSlack
) -> None:
    digest_with_one_article(services)
    fake_slack.lose_answer("chat.postMessage")  # Slack posts it, the answer never comes
    sched = DigestScheduler(services, slack_publisher(fake_slack, services), config=CONFIG)
    assert len(sched.run_pending(SLOT).retry) == 1
    assert len(fake_slack.calls_to("chat.postMessage")) == 1  # no blind re-send at once

    report = sched.run_pending(SLOT + timedelta(minutes=2))
    assert len(report.posted) == 1
    assert len(fake_slack.posted("C1")) == 1
    [check] = fake_slack.calls_to("conversations.history")
    assert check.args["channel"] == "C1" and check.args["include_all_metadata"] in (True, "1")
    with services.session() as session:
        [run] = DigestRunRepository(session).for_subscription(1)
        assert run.message_ts == fake_slack.posted("C1")[0]["ts"]


def test_an_answer_held_past_the_client_timeout_is_not_posted_twice(
    services: Services, fake_slack: FakeSlack
) -> None:
    digest_with_one_article(services)
    fake_slack.lose_answer("chat.postMessage", mode="stall", stall=0.5)
    publisher = slack_publisher(fake_slack, services, timeout=0.2)
    sched = DigestScheduler(services, publisher, config=CONFIG)
    sched.run_pending(SLOT)
    sched.run_pending(SLOT + timedelta(minutes=2))
    sched.run_pending(SLOT + timedelta(minutes=10))
    assert len(fake_slack.posted("C1")) == 1
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


def test_a_post_slack_did_not_keep_is_sent_again_after_the_check(
    services: Services, fake_slack: FakeSlack
) -> None:
    digest_with_one_article(services)
    fake_slack.fail("chat.postMessage", 500, error="internal_error")  # outcome unknown
    sched = DigestScheduler(services, slack_publisher(fake_slack, services), config=CONFIG)
    sched.run_pending(SLOT)
    assert sched.run_pending(SLOT + timedelta(minutes=2)).posted
    assert len(fake_slack.calls_to("conversations.history")) == 1
    assert len(fake_slack.posted("C1")) == 1
    assert fake_slack.posted("C1")[0]["metadata"]["event_type"] == EVENT_TYPE


def test_a_channel_that_cannot_be_checked_gets_no_blind_repost(
    services: Services, fake_slack: FakeSlack
) -> None:
    poster = slack_poster(fake_slack, services)
    with services.session() as session:
        post = PostRepository(session).claim("alert:1:1", "alert", "C1", SLOT)
        assert post is not None
        post_id = post.id
    outbound = Outbound("C1", Message("hello", [section("hello")]))
    fake_slack.lose_answer("chat.postMessage")
    with pytest.raises(OutcomeUnknown):
        poster.deliver(post_id, outbound, now=SLOT)
    fake_slack.fail("conversations.history", 200, error="not_in_channel")
    with pytest.raises(CheckFailed, match=r"not_in_channel.*not re-sent"):
        poster.deliver(post_id, outbound, now=SLOT + timedelta(minutes=1))
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    with services.session() as session:
        post = PostRepository(session).get(post_id)
        assert post is not None and post.status == post_state.UNKNOWN
    # Once the bot may read the channel, it finds the message and marks it posted.
    assert poster.deliver(post_id, outbound, now=SLOT + timedelta(minutes=2))
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
