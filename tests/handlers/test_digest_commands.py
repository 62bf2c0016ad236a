"""`/news subscribe|unsubscribe|subscriptions|digest` replies, on real databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.digest.subscriptions import list_subscriptions
from bot.services import Services
from bot.slack.text import MAX_BLOCKS
from handlers.digest_commands import DIGEST_SUBCOMMANDS
from handlers.subcommands import CommandContext, CommandReply
from tests.bot.digest.fixtures import add_article

# Mid-day: a "daily 08:00" window then holds every article of the test, whenever it runs.
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def run(services: Services, name: str, args: str = "", channel: str = "C1") -> CommandReply:
    ctx = CommandContext(services=services, team_id="T1", channel_id=channel, user_id="U1",
                         args=args, now=lambda: NOW)  # fmt: skip
    return DIGEST_SUBCOMMANDS[name](ctx)


def test_subscribe_announces_the_digest_in_the_channel(services: Services) -> None:
    reply = run(services, "subscribe", "daily 08:00 Europe/Berlin lang:de top 3")
    assert reply.in_channel
    assert reply.text.startswith("<@U1> set up a digest for this channel: #")
    assert "daily 08:00 Europe/Berlin" in reply.text and "top 3" in reply.text
    [sub] = list_subscriptions(services, "C1")
    assert (sub.team_id, sub.created_by, sub.size) == ("T1", "U1", 3)


def test_bad_subscribe_gets_a_private_fix_it_reply_and_saves_nothing(services: Services) -> None:
    reply = run(services, "subscribe", "daily 8 Europe/Berlin")
    assert not reply.in_channel and "`8` is not a time" in reply.text
    reply = run(services, "subscribe", "daily 08:00 Europe/Berln")
    assert "Did you mean `Europe/Berlin`" in reply.text
    assert "Usage" in run(services, "subscribe", "").text
    assert list_subscriptions(services, "C1") == []


def test_subscriptions_lists_only_this_channel(services: Services) -> None:
    run(services, "subscribe", "daily 08:00 Europe/Berlin")
    run(services, "subscribe", "hourly", channel="C2")
    reply = run(services, "subscriptions")
    assert not reply.in_channel
    assert "Digests in this channel (1)" in reply.text and "hourly" not in reply.text
    assert "No digests in this channel yet" in run(services, "subscriptions", channel="C3").text


def test_unsubscribe_by_id_or_the_only_one(services: Services) -> None:
    run(services, "subscribe", "daily 08:00")
    run(services, "subscribe", "hourly")
    first, second = list_subscriptions(services, "C1")
    assert "several digests" in run(services, "unsubscribe").text
    assert "Usage" in run(services, "unsubscribe", "all").text
    reply = run(services, "unsubscribe", f"#{first.id}")
    assert reply.in_channel and f"stopped digest #{first.id}" in reply.text
    assert f"stopped digest #{second.id}" in run(services, "unsubscribe").text
    assert list_subscriptions(services, "C1") == []


def test_digest_preview_is_private_and_fits_one_message(services: Services) -> None:
    now = NOW
    for spec in ("daily 08:00 top 40", "hourly top 40", "every 2h top 40 lang:de"):
        run(services, "subscribe", spec)
    for i in range(45):
        add_article(services, f"a{i:02d}", now - timedelta(minutes=i + 1))
    reply = run(services, "digest")
    assert not reply.in_channel and reply.blocks
    assert len(reply.blocks) <= MAX_BLOCKS
    assert "Preview of digest" in str(reply.blocks[0])
    assert "more in the posted digest" in str(reply.blocks[-1])
    assert "No digests in this channel" in run(services, "digest", channel="C9").text
