"""Every answer job that fails tells the person who asked, with an error id from the log.

Bugs are injected by making the search raise (the answer workers run in this process);
database outages are real (tests/outage.py) on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from typing import Any, NoReturn

import pytest

from bot.digest.scheduler import DigestScheduler, SchedulerConfig
from bot.slack.digest_post import make_publisher
from tests.outage import database_outage
from tests.slackrig import SlackRig, mention

ERROR_ID = re.compile(r"error id `?([0-9a-f]{8})`?", re.IGNORECASE)


def boom(*args: Any, **kwargs: Any) -> NoReturn:
    raise RuntimeError("index exploded")


@pytest.fixture
def broken_search(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.lookup.search", boom)


def error_id_in(payload: dict[str, Any]) -> str:
    match = ERROR_ID.search(json.dumps(payload, ensure_ascii=False))
    assert match, f"no error id in {payload}"
    return match.group(1)


def logged_with_traceback(caplog: pytest.LogCaptureFixture, error_id: str) -> bool:
    return any(error_id in r.getMessage() and r.exc_info for r in caplog.records)


@pytest.mark.usefixtures("broken_search")
def test_failed_command_tells_the_user_privately_with_the_logged_error_id(
    rig: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    rig.command("netflix", response_url=rig.fake.response_url("fail1"))
    reply = rig.fake.wait_for("response_url/fail1")[0].args
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
    assert "went wrong on our side" in reply["text"]
    assert logged_with_traceback(caplog, error_id_in(reply))


@pytest.mark.usefixtures("broken_search")
def test_failed_button_tells_only_the_clicker(
    rig: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    value = json.dumps({"q": "netflix", "o": 5})
    rig.click("news_next_results", value, response_url=rig.fake.response_url("fail2"))
    reply = rig.fake.wait_for("response_url/fail2")[0].args
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
    assert logged_with_traceback(caplog, error_id_in(reply))


@pytest.mark.usefixtures("broken_search")
def test_failed_mention_is_answered_in_its_thread(
    rig: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    rig.event(mention("<@UBOT> netflix ki", ts="1764100900.000100"))
    post = rig.fake.wait_for("chat.postMessage")[0].args
    assert post["channel"] == "C1" and post["thread_ts"] == "1764100900.000100"
    assert "went wrong on our side" in post["text"]
    assert logged_with_traceback(caplog, error_id_in(post))


def test_failed_app_home_shows_an_error_view(
    rig: SlackRig, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.articles.ArticleRepository.recent", boom)
    rig.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home",
               "event_ts": "1764101000.000100"})  # fmt: skip
    call = rig.fake.wait_for("views.publish")[0].args
    assert call["user_id"] == "U1" and call["view"]["type"] == "home"
    assert "went wrong on our side" in json.dumps(call["view"])
    assert logged_with_traceback(caplog, error_id_in(call["view"]))


def test_failed_unfurl_is_logged_and_leaves_slacks_own_preview(
    rig: SlackRig, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.articles.ArticleRepository.by_url", boom)
    link = {"domain": "news.example.com", "url": "https://news.example.com/a"}
    rig.event({"type": "link_shared", "channel": "C1", "user": "U1", "links": [link],
               "message_ts": "1764101100.000100", "event_ts": "1764101100.000100"})  # fmt: skip
    rig.wait_idle()
    failures = [r for r in caplog.records if "link preview" in r.getMessage() and r.exc_info]
    assert len(failures) == 1 and ERROR_ID.search(failures[0].getMessage())
    said = [c.method for c in rig.fake.calls if c.method != "auth.test"]
    assert said == []  # no unfurl, and no message to a person who asked the bot nothing


@pytest.mark.usefixtures("broken_search")
def test_error_reaches_the_user_by_chat_post_ephemeral_when_response_url_fails(
    rig: SlackRig,
) -> None:
    rig.fake.fail("response_url/gone", 404, times=5, error="expired_url")
    rig.command(
        "netflix", channel_id="C7", user_id="U7", response_url=rig.fake.response_url("gone")
    )
    post = rig.fake.wait_for("chat.postEphemeral")[0].args
    assert post["channel"] == "C7" and post["user"] == "U7"
    assert "went wrong on our side" in post["text"]


# -- the database goes away -------------------------------------------------------------


@pytest.fixture
def scheduler(rig: SlackRig) -> Iterator[DigestScheduler]:
    """Started by the test once the database is gone: a tick that connected while the
    file was being moved aside would let SQLite create an empty database in its place."""
    publisher = make_publisher(rig.services)
    running = DigestScheduler(rig.services, publisher, config=SchedulerConfig(tick_seconds=0.05))
    yield running
    running.stop()


def test_database_outage_is_logged_once_and_everyone_who_asks_is_told(
    rig: SlackRig, scheduler: DigestScheduler, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    with database_outage(rig.services.engine):
        scheduler.start()
        for n in range(5):
            rig.command("netflix", response_url=rig.fake.response_url(f"away{n}"))
        rig.event(mention("<@UBOT> netflix", ts="1764101200.000100"))
        rig.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home",
                   "event_ts": "1764101200.000200"})  # fmt: skip
        health = [rig.get("/healthz")[0] for _ in range(3)]
        rig.wait_idle()
        time.sleep(0.5)  # ten scheduler ticks against the missing database
    told = [rig.fake.wait_for(f"response_url/away{n}")[0].args for n in range(5)]
    thread = rig.fake.wait_for("chat.postMessage")[0].args
    home = rig.fake.wait_for("views.publish")[0].args["view"]
    ids = {error_id_in(reply) for reply in [*told, thread, home]}
    assert len(ids) == 1  # one outage, one id
    assert all("cannot be reached right now" in reply["text"] for reply in told)
    assert health == [503, 503, 503]
    down = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(down) == 1 and ids == {error_id_in({"log": down[0].getMessage()})}
    assert "cannot reach the database" in down[0].getMessage()
    assert not any(r.exc_info for r in caplog.records)  # not one traceback

    rig.command("netflix", response_url=rig.fake.response_url("back"))
    assert "Netflix" in json.dumps(rig.fake.wait_for("response_url/back")[0].args)
    rig.wait_idle()
    back = [r for r in caplog.records if "reachable again" in r.getMessage()]
    assert len(back) == 1 and len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1
