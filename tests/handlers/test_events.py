"""Events API end to end: mentions answered in thread, unfurls, App Home, retries."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from storage.models import Subscription
from tests.slackfixtures import NETFLIX_URL
from tests.slackrig import SlackRig, mention


def test_mention_is_answered_in_the_thread_of_the_message(rig: SlackRig) -> None:
    status, _ = rig.event(
        mention("<@UBOT> what did we write about netflix ki?", ts="1764100000.000100")
    )
    assert status == 200
    post = rig.fake.wait_for("chat.postMessage")[0].args
    assert post["channel"] == "C1" and post["thread_ts"] == "1764100000.000100"
    blocks = json.dumps(post["blocks"], ensure_ascii=False)
    assert NETFLIX_URL in blocks and "Results 1–1 for *netflix ki*" in blocks
    assert "Share in channel" not in blocks  # the answer is already public


def test_german_mention_inside_a_thread_stays_in_that_thread(rig: SlackRig) -> None:
    event = mention(
        "<@UBOT> Was haben wir über Netflix und KI geschrieben?",
        ts="1764100100.000300",
        thread_ts="1764100000.000100",
    )
    rig.event(event)
    post = rig.fake.wait_for("chat.postMessage")[0].args
    assert post["thread_ts"] == "1764100000.000100"
    assert "for *Netflix und KI*" in json.dumps(post["blocks"], ensure_ascii=False)


def test_retried_event_gets_no_second_answer(rig: SlackRig) -> None:
    event = mention("<@UBOT> netflix", ts="1764100200.000100")
    assert rig.event(event, event_id="EvRETRY1")[0] == 200
    rig.wait_idle()
    assert rig.event(event, event_id="EvRETRY1", retry_num=1)[0] == 200
    assert rig.event(event, event_id="EvRETRY1", retry_num=2)[0] == 200
    rig.wait_idle()
    assert len(rig.fake.calls_to("chat.postMessage")) == 1


def test_link_to_stored_article_is_unfurled_with_figures(rig: SlackRig) -> None:
    event = {
        "type": "link_shared",
        "channel": "C1",
        "is_bot_user_member": True,
        "user": "U1",
        "message_ts": "1764100300.000100",
        "unfurl_id": "C1.1764100300.000100.abc",
        "source": "conversations_history",
        "event_ts": "1764100300.000200",
        "links": [
            {"domain": "news.example.com", "url": NETFLIX_URL + "?utm_source=slack"},
            {"domain": "news.example.com", "url": "https://news.example.com/unknown"},
        ],
    }
    rig.event(event)
    call = rig.fake.wait_for("chat.unfurl")[0].args
    assert call["channel"] == "C1" and call["ts"] == "1764100300.000100"
    unfurls = call["unfurls"]
    assert list(unfurls) == [NETFLIX_URL + "?utm_source=slack"]
    text = json.dumps(unfurls, ensure_ascii=False)
    assert "10x faster" in text and "zehnmal schneller" in text


def test_unknown_links_are_left_to_slack(rig: SlackRig) -> None:
    event = {
        "type": "link_shared",
        "channel": "C1",
        "user": "U1",
        "message_ts": "1764100400.000100",
        "event_ts": "1764100400.000100",
        "links": [{"domain": "news.example.com", "url": "https://news.example.com/x"}],
    }
    rig.event(event)
    rig.wait_idle()
    assert rig.fake.calls_to("chat.unfurl") == []


def add_subscription(rig: SlackRig, channel_id: str, filters: str, created_by: str = "U9") -> None:
    with rig.services.session() as session:
        session.add(
            Subscription(
                channel_id=channel_id,
                created_by=created_by,
                schedule_kind="daily",
                schedule_expr="08:00",
                timezone="Europe/Berlin",
                filters=filters,
                size=5,
                post_when_empty=False,
                active=True,
                created_at=datetime.now(UTC),
            )
        )


def open_home(rig: SlackRig, user: str) -> str:
    seen = len(rig.fake.calls_to("views.publish"))
    rig.event({"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home",
               "event_ts": "1764100500.000100"})  # fmt: skip
    call = rig.fake.wait_for("views.publish", seen + 1)[seen].args
    assert call["user_id"] == user and call["view"]["type"] == "home"
    return json.dumps(call["view"], ensure_ascii=False)


def test_app_home_shows_recent_articles_digests_and_how_to(rig: SlackRig) -> None:
    add_subscription(rig, "C0NEWSDESK", "netflix")
    rig.fake.members["U1"] = [{"id": "C0NEWSDESK", "is_private": False}]
    text = open_home(rig, "U1")
    assert "Ad sales boost Time Warner profit" in text
    assert "<#C0NEWSDESK>: daily 08:00 (Europe/Berlin) — netflix" in text
    assert "/news netflix ki" in text
    assert "<!channel>" not in text
    (asked,) = rig.fake.calls_to("users.conversations")
    assert asked.args["user"] == "U1" and asked.args["types"] == "public_channel,private_channel"


def test_app_home_hides_digests_of_channels_the_user_is_not_in(rig: SlackRig) -> None:
    add_subscription(rig, "C0NEWSDESK", "desk news")
    add_subscription(rig, "G0SECRET", "merger talks")  # private; the bot was invited
    add_subscription(rig, "C0SPORTS", "fussball")  # public, but U1 never joined
    add_subscription(rig, "D0U1DM", "my own", created_by="U1")  # set up by U1 in a DM
    rig.fake.bot_channels.add("G0SECRET")
    rig.fake.members["U1"] = [{"id": "C0NEWSDESK", "is_private": False}]
    rig.fake.members["U2"] = [{"id": "G0SECRET", "is_private": True}]
    outsider = open_home(rig, "U1")
    assert "desk news" in outsider and "my own" in outsider
    assert "G0SECRET" not in outsider and "merger talks" not in outsider
    assert "fussball" not in outsider
    insider = open_home(rig, "U2")
    assert "<#G0SECRET>" in insider and "merger talks" in insider
    assert "desk news" not in insider and "my own" not in insider


def test_app_home_reads_every_page_of_the_users_channels(rig: SlackRig) -> None:
    add_subscription(rig, "C0LAST", "on the second page")
    channels = [{"id": f"C0{n:04d}", "is_private": False} for n in range(250)]
    rig.fake.members["U1"] = [*channels, {"id": "C0LAST", "is_private": False}]
    assert "on the second page" in open_home(rig, "U1")
    pages = rig.fake.calls_to("users.conversations")
    assert len(pages) == 2 and pages[1].args["cursor"] == "200"


def test_app_home_shows_only_own_digests_when_slack_hides_the_channels(rig: SlackRig) -> None:
    add_subscription(rig, "C0NEWSDESK", "desk news")
    add_subscription(rig, "C0MINE", "my own", created_by="U1")
    rig.fake.fail("users.conversations", 200, error="missing_scope")
    text = open_home(rig, "U1")
    assert "my own" in text and "desk news" not in text
    assert "Slack did not tell us your channels" in text


def test_messages_tab_does_not_publish_home(rig: SlackRig) -> None:
    rig.event(
        {
            "type": "app_home_opened",
            "user": "U1",
            "channel": "D1",
            "tab": "messages",
            "event_ts": "1764100600.000100",
        }
    )
    rig.wait_idle()
    assert rig.fake.calls_to("views.publish") == []


def test_retry_landing_on_another_replica_is_not_answered_again(rig: SlackRig) -> None:
    other = SlackRig(rig.services, rig.fake)  # a second replica on the same database
    try:
        event = mention("<@UBOT> netflix", ts="1764100700.000100")
        assert rig.event(event, event_id="EvREPLICA1")[0] == 200
        assert other.event(event, event_id="EvREPLICA1", retry_num=1)[0] == 200
        rig.wait_idle()
        other.wait_idle()
    finally:
        other.stop()
    assert len(rig.fake.calls_to("chat.postMessage")) == 1


def test_link_in_the_composer_is_unfurled_by_unfurl_id(rig: SlackRig) -> None:
    event = {
        "type": "link_shared",
        "channel": "COMPOSER",
        "user": "U1",
        "message_ts": "U1-909b5454-75f8-4ac4-b325-1b40e230bbd8",
        "unfurl_id": "U1-909b5454-75f8-4ac4-b325-1b40e230bbd8",
        "source": "composer",
        "event_ts": "1764100800.000100",
        "links": [{"domain": "news.example.com", "url": NETFLIX_URL}],
    }
    rig.event(event)
    call = rig.fake.wait_for("chat.unfurl")[0].args
    assert call["unfurl_id"] == event["unfurl_id"] and call["source"] == "composer"
    assert "channel" not in call and NETFLIX_URL in call["unfurls"]
