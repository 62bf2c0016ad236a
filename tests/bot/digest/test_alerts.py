"""Alerts against the fake Slack Web API with a controllable clock: arrival -> post."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.digest.alerts import AlertError, add_alert, list_alerts, mute_alert, remove_alert
from bot.services import Services
from storage.alerts import AlertRepository
from tests.bot.digest.fixtures import add_article, fake_slack, pass_scheduler
from tests.fakeslack import FakeSlack

__all__ = ["fake_slack"]

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TICK = timedelta(seconds=30)


def alert_posts(fake: FakeSlack, channel: str = "C1") -> list[dict[str, object]]:
    return [m for m in fake.posted(channel) if "Alert #" in str(m["text"])]


def test_a_matching_arrival_is_posted_within_one_pass_and_only_once(
    services: Services, fake_slack: FakeSlack
) -> None:
    alert = add_alert(services, "C1", "Tarifstreit Lokführer", now=T0)
    sched = pass_scheduler(fake_slack, services)
    sched.run_pending(T0 + TICK)
    arrived = T0 + TICK + timedelta(seconds=5)
    add_article(services, "gdl", arrived, title="Tarifstreit: Lokführer streiken erneut")
    add_article(services, "other", arrived, title="Lokführer-Ausbildung wird verlängert")
    report = sched.run_pending(arrived + TICK)  # the next pass after the arrival
    assert len(report.jobs["alerts"].posted) == 1
    [message] = alert_posts(fake_slack)
    text = json.dumps(message["blocks"], ensure_ascii=False)
    assert f"Alert #{alert.id}" in text and "Lokführer streiken erneut" in text
    assert "Ausbildung" not in text  # one of two words: below the threshold
    for minutes in (1, 5, 30):
        sched.run_pending(arrived + timedelta(minutes=minutes))
    assert len(alert_posts(fake_slack)) == 1


def test_several_matches_of_one_pass_become_one_message(
    services: Services, fake_slack: FakeSlack
) -> None:
    add_alert(services, "C1", "netflix", now=T0)
    for i in range(3):
        add_article(services, f"n{i}", T0 + timedelta(seconds=i + 1), title=f"Netflix Folge {i}")
    pass_scheduler(fake_slack, services).run_pending(T0 + TICK)
    [message] = alert_posts(fake_slack)
    assert "3 new articles" in json.dumps(message["blocks"], ensure_ascii=False)


def test_an_alert_matching_too_much_is_throttled_and_says_so_once_an_hour(
    services: Services, fake_slack: FakeSlack
) -> None:
    alert = add_alert(services, "C1", "Bahn", now=T0)
    sched = pass_scheduler(fake_slack, services, max_per_hour=3)
    for i in range(5):
        add_article(services, f"b{i}", T0 + timedelta(seconds=i + 1), title=f"Bahn Meldung {i}")
    sched.run_pending(T0 + TICK)
    [first] = alert_posts(fake_slack)
    text = json.dumps(first["blocks"], ensure_ascii=False)
    assert "3 new articles" in text
    assert f"Alert #{alert.id} is throttled: 2 more matching articles" in text
    add_article(services, "b5", T0 + timedelta(minutes=5), title="Bahn Meldung 5")
    sched.run_pending(T0 + timedelta(minutes=5, seconds=30))
    assert len(alert_posts(fake_slack)) == 1  # still over the limit, already told
    add_article(services, "b6", T0 + timedelta(minutes=70), title="Bahn Meldung 6")
    sched.run_pending(T0 + timedelta(minutes=70, seconds=30))
    assert len(alert_posts(fake_slack)) == 2
    assert "Bahn Meldung 6" in json.dumps(alert_posts(fake_slack)[1]["blocks"])


def test_a_lost_answer_does_not_post_the_alert_twice(
    services: Services, fake_slack: FakeSlack
) -> None:
    add_alert(services, "C1", "Eternauta", now=T0)
    add_article(services, "e1", T0 + timedelta(seconds=3), title="El Eternauta mit KI")
    fake_slack.lose_answer("chat.postMessage")
    sched = pass_scheduler(fake_slack, services)
    report = sched.run_pending(T0 + TICK)
    assert report.jobs["alerts"].retry
    for seconds in (60, 180, 600):
        sched.run_pending(T0 + timedelta(seconds=seconds))
    assert len(alert_posts(fake_slack)) == 1
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    assert fake_slack.calls_to("conversations.history")


def test_a_muted_alert_stays_quiet_and_what_arrived_meanwhile_is_not_posted_later(
    services: Services, fake_slack: FakeSlack
) -> None:
    alert = add_alert(services, "C1", "Gewerkschaft", now=T0)
    mute_alert(services, alert.id, "2h", channel_id="C1", now=T0)
    add_article(services, "g1", T0 + timedelta(minutes=1), title="Gewerkschaft droht")
    sched = pass_scheduler(fake_slack, services)
    sched.run_pending(T0 + timedelta(minutes=2))
    sched.run_pending(T0 + timedelta(hours=3))
    assert alert_posts(fake_slack) == []
    add_article(services, "g2", T0 + timedelta(hours=3, minutes=1), title="Gewerkschaft einig")
    sched.run_pending(T0 + timedelta(hours=3, minutes=2))
    [message] = alert_posts(fake_slack)
    assert "Gewerkschaft einig" in json.dumps(message["blocks"], ensure_ascii=False)


def test_alert_management_refuses_bad_input_with_the_fix(services: Services) -> None:
    with pytest.raises(AlertError, match="since:"):
        add_alert(services, "C1", "netflix since:gestern")
    with pytest.raises(AlertError, match="nothing to look for"):
        add_alert(services, "C1", "what did we write about?")
    alert = add_alert(services, "C1", "netflix lang:de")
    with pytest.raises(AlertError, match="already has that alert"):
        add_alert(services, "C1", "Netflix  lang:de")
    with pytest.raises(AlertError, match="duration"):
        mute_alert(services, alert.id, "a while")
    with pytest.raises(AlertError, match="No active alert"):
        remove_alert(services, alert.id, channel_id="C2")
    remove_alert(services, alert.id, channel_id="C1")
    assert list_alerts(services, "C1") == []
    with services.session() as session:
        assert AlertRepository(session).get(alert.id) is not None  # kept, with its matches
