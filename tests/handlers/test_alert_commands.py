"""`/news alert …` and `/news alerts` replies, on real databases and through the app."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services import Services
from handlers.alert_commands import ALERT_SUBCOMMANDS
from handlers.subcommands import CommandContext, CommandReply
from tests.slackrig import SlackRig

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def run(services: Services, name: str, args: str = "", channel: str = "C1") -> CommandReply:
    ctx = CommandContext(services=services, team_id="T1", channel_id=channel, user_id="U1",
                         args=args, now=lambda: NOW)  # fmt: skip
    return ALERT_SUBCOMMANDS[name](ctx)


def test_alert_is_announced_listed_muted_and_removed(services: Services) -> None:
    reply = run(services, "alert", "what did we write about Netflix KI lang:de?")
    assert reply.in_channel and reply.text.startswith("<@U1> set up alert #1 in this channel")
    listing = run(services, "alerts").text
    assert "Alerts in this channel (1)" in listing and "Netflix KI" in listing
    muted = run(services, "alert", "mute 1 2h")
    assert muted.in_channel and "until Thu 26 Nov 14:00 UTC" in muted.text
    assert "muted until" in run(services, "alerts").text
    assert "unmuted alert #1" in run(services, "alert", "unmute #1").text
    assert "No active alert #1 in this channel" in run(services, "alert", "remove 1", "C2").text
    assert "removed alert #1" in run(services, "alert", "remove 1").text
    assert "No alerts in this channel" in run(services, "alerts").text


def test_a_query_starting_with_remove_is_a_query(services: Services) -> None:
    reply = run(services, "alert", "remove tariffs")
    assert reply.in_channel and "`remove tariffs`" in reply.text


def test_alert_mistakes_get_a_private_fix(services: Services) -> None:
    assert "Usage" in run(services, "alert").text
    reply = run(services, "alert", "mute 1 2h")
    assert not reply.in_channel and "No active alert #1" in reply.text


def test_news_alert_is_routed_by_the_app(rig: SlackRig) -> None:
    rig.command("alert netflix eternauta", response_url=rig.fake.response_url("a1"))
    reply = rig.fake.wait_for("response_url/a1")[0].args
    assert reply["response_type"] == "in_channel" and "alert #1" in reply["text"]
