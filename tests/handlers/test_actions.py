"""Buttons under results, clicked through signed ``block_actions`` payloads."""

from __future__ import annotations

import json

import pytest

from bot.services import Services
from tests.fakeslack import FakeSlack
from tests.slackfixtures import NETFLIX_URL, netflix_article, store
from tests.slackrig import SlackRig


def test_share_posts_the_article_in_channel(rig: SlackRig, articles: list[int]) -> None:
    url = rig.fake.response_url("share1")
    status, _ = rig.click("news_share", json.dumps({"id": articles[0]}), response_url=url)
    assert status == 200
    reply = rig.fake.wait_for("response_url/share1")[0].args
    assert reply["response_type"] == "in_channel"
    text = json.dumps(reply["blocks"], ensure_ascii=False)
    assert NETFLIX_URL in text and "Shared by <@U1>" in text
    assert "news_share" not in text  # the shared copy has no buttons


def test_more_like_this_leaves_the_article_itself_out(rig: SlackRig, articles: list[int]) -> None:
    sibling = netflix_article()
    sibling.external_id, sibling.content_hash = "nr-netflix-2", "h-netflix-2"
    sibling.canonical_url = "https://news.example.com/kultur/netflix-ki-2"
    sibling.title = "Netflix und KI: die zweite Staffel"
    store(rig.services, sibling)
    rig.click(
        "news_more_like_this",
        json.dumps({"id": articles[0], "q": "netflix"}),
        response_url=rig.fake.response_url("more1"),
    )
    reply = rig.fake.wait_for("response_url/more1")[0].args
    assert reply["response_type"] == "ephemeral"
    text = json.dumps(reply["blocks"], ensure_ascii=False)
    assert "netflix-ki-2" in text
    assert f"{NETFLIX_URL}|" not in text


def test_next_results_continues_at_the_offset(rig: SlackRig) -> None:
    sibling = netflix_article()
    sibling.external_id, sibling.content_hash = "nr-netflix-3", "h-netflix-3"
    sibling.canonical_url = "https://news.example.com/kultur/netflix-ki-3"
    sibling.title = "Netflix setzt bei „El Eternauta“ auf KI (Update)"
    store(rig.services, sibling)
    rig.click(
        "news_next_results",
        json.dumps({"q": "netflix", "o": 1}),
        response_url=rig.fake.response_url("next1"),
    )
    reply = rig.fake.wait_for("response_url/next1")[0].args
    text = json.dumps(reply["blocks"], ensure_ascii=False)
    assert "Results 2–" in text
    assert f"{NETFLIX_URL}|" not in text  # the best hit was on page one
    assert "netflix-ki-3" in text


def test_share_of_a_deleted_article_is_answered_only_to_the_clicker(rig: SlackRig) -> None:
    rig.click("news_share", json.dumps({"id": 987654}), response_url=rig.fake.response_url("g1"))
    reply = rig.fake.wait_for("response_url/g1")[0].args
    assert "no longer stored" in reply["text"]
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False


@pytest.mark.parametrize(
    ("action_id", "value"),
    [
        ("news_share", "not json"),
        ("news_share", '{"id": "987"}'),
        ("news_share", '{"id": true}'),
        ("news_share", "[1, 2]"),
        ("news_share", ""),
        ("news_more_like_this", '{"id": -3}'),
        ("news_next_results", '{"q": "netflix", "o": "x"}'),
        ("news_next_results", '{"o": 5}'),
    ],
)
def test_malformed_button_value_is_answered_only_to_the_clicker(
    rig: SlackRig, action_id: str, value: str
) -> None:
    rig.click(action_id, value, response_url=rig.fake.response_url("bad"))
    reply = rig.fake.wait_for("response_url/bad")[0].args
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
    assert "button no longer works" in reply["text"]


def test_more_like_this_without_siblings_says_so(services: Services, fake_slack: FakeSlack) -> None:
    [only] = store(services, netflix_article())
    rig = SlackRig(services, fake_slack)
    try:
        rig.click(
            "news_more_like_this",
            json.dumps({"id": only}),
            response_url=fake_slack.response_url("more2"),
        )
        reply = fake_slack.wait_for("response_url/more2")[0].args
    finally:
        rig.stop()
    assert reply["text"] == "Nothing similar to Netflix setzt bei „El Eternauta“ auf KI yet."
