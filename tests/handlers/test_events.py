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


def test_app_home_shows_recent_articles_digests_and_how_to(rig: SlackRig) -> None:
    with rig.services.session() as session:
        session.add(
            Subscription(
                channel_id="C0NEWSDESK",
                schedule_kind="daily",
                schedule_expr="08:00",
                timezone="Europe/Berlin",
                filters="netflix",
                size=5,
                post_when_empty=False,
                active=True,
                created_at=datetime.now(UTC),
            )
        )
    rig.event(
        {
            "type": "app_home_opened",
            "user": "U1",
            "channel": "D1",
            "tab": "home",
            "event_ts": "1764100500.000100",
        }
    )
    call = rig.fake.wait_for("views.publish")[0].args
    assert call["user_id"] == "U1"
    view = call["view"]
    assert view["type"] == "home"
    text = json.dumps(view, ensure_ascii=False)
    assert "Ad sales boost Time Warner profit" in text
    assert "<#C0NEWSDESK>: daily 08:00 (Europe/Berlin) — netflix" in text
    assert "/news netflix ki" in text
    assert "<!channel>" not in text


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
