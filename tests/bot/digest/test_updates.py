"""Story updates: a re-import that changes an article gets one threaded note per message
that showed it; cosmetic re-imports get none. Real ingestion, fake Slack Web API."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.cli import main
from bot.digest.alerts import add_alert
from bot.ingest.readers import RawArticle
from bot.ingest.service import Ingestor
from bot.services import Services
from storage.models import utcnow
from storage.versions import VersionRepository
from tests.bot.digest.fixtures import fake_slack, pass_scheduler
from tests.fakeslack import FakeSlack

__all__ = ["fake_slack"]

LEAD = "Im Tarifstreit bei der Bahn ruft die Gewerkschaft der Lokführer zum Streik auf."
OFFER = "Die Bahn bietet 4,8 Prozent mehr Lohn über zwei Jahre."
REST = "Fahrgäste müssen sich ab Mittwoch auf Ausfälle einstellen. Der Fernverkehr ist betroffen."


def story(body: str, title: str = "Lokführer streiken erneut") -> RawArticle:
    return RawArticle(title=title, body=body, url="https://news.example/bahn-streik",
                      external_id="bahn-streik", lang="de", source="tagesschau")  # fmt: skip


def ingest(services: Services, body: str) -> str:
    return Ingestor(services).ingest([story(body)]).summary_line()


def test_a_changed_reimport_gets_one_threaded_note_per_message_that_showed_it(
    services: Services, fake_slack: FakeSlack, capsys: pytest.CaptureFixture[str]
) -> None:
    add_alert(services, "C1", "Lokführer Streik", now=utcnow() - timedelta(minutes=1))
    ingest(services, f"{LEAD}\n\n{OFFER} {REST}")
    sched = pass_scheduler(fake_slack, services)
    sched.run_pending(utcnow())
    [alert] = fake_slack.posted("C1")
    assert "Lokführer streiken erneut" in json.dumps(alert["blocks"], ensure_ascii=False)

    corrected = "Die Bahn bietet 5,2 Prozent mehr Lohn über zwei Jahre."
    assert ingest(services, f"{LEAD}\n\n{corrected} {REST}").startswith("added 0, updated 1")
    fake_slack.lose_answer("chat.postMessage")  # the note's answer is lost once
    sched.run_pending(utcnow())
    sched.run_pending(utcnow() + timedelta(minutes=3))
    sched.run_pending(utcnow() + timedelta(minutes=10))
    [original, note] = fake_slack.posted("C1")
    assert original == alert
    assert note["thread_ts"] == alert["ts"]  # a reply in the thread, not a new post
    text = json.dumps(note["blocks"], ensure_ascii=False)
    assert "Updated* (version 2)" in text and "4,8 Prozent" in text and "5,2 Prozent" in text
    assert fake_slack.calls_to("conversations.replies")  # the lost answer was looked for

    with services.session() as session:
        assert len(VersionRepository(session).for_article(1)) == 1
    assert main(["--database-url", str(services.engine.url), "show", "bahn-streik",
                 "--versions"]) == 0  # fmt: skip
    shown = capsys.readouterr().out
    assert "v1  until" in shown and "4,8 Prozent" in shown and "v2  current" in shown


def test_whitespace_or_boilerplate_changes_are_no_update(
    services: Services, fake_slack: FakeSlack
) -> None:
    add_alert(services, "C1", "Lokführer Streik", now=utcnow() - timedelta(minutes=1))
    ingest(services, f"{LEAD}\n\n{OFFER} {REST}")
    sched = pass_scheduler(fake_slack, services)
    sched.run_pending(utcnow())
    rewrapped = f"{LEAD}\n{OFFER}\n\n  {REST}\n\nLesen Sie auch: Streiks im Überblick"
    assert ingest(services, rewrapped).startswith("added 0, updated 1")
    sched.run_pending(utcnow() + timedelta(minutes=1))
    assert len(fake_slack.posted("C1")) == 1
    with services.session() as session:
        assert VersionRepository(session).for_article(1) == []
