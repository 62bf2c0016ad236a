"""The fake Slack Web API answers like Slack, and slack-sdk's retry handlers work on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.slack.client import make_web_client
from tests.fakeslack import FakeSlack


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def test_client_uses_configured_base_url(fake_slack: FakeSlack) -> None:
    client = make_web_client(Settings(database_url="sqlite://", slack_api_url=fake_slack.url),
                             token="xoxb-test")  # fmt: skip
    resp = client.chat_postMessage(channel="C1", text="hello")
    assert resp["ok"] and resp["channel"] == "C1"
    call = fake_slack.calls_to("chat.postMessage")[0]
    assert call.args["text"] == "hello"
    assert call.headers["Authorization"] == "Bearer xoxb-test"


def test_rate_limit_is_retried_after_retry_after(fake_slack: FakeSlack) -> None:
    fake_slack.fail("chat.postMessage", 429, times=2, retry_after=0)
    client = make_web_client(Settings(database_url="sqlite://", slack_api_url=fake_slack.url),
                             token="xoxb-test")  # fmt: skip
    resp = client.chat_postMessage(channel="C1", text="digest")
    assert resp["ok"]
    assert len(fake_slack.calls_to("chat.postMessage")) == 3
