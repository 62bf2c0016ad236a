"""`newsroom-bot digest …` for cron users and operators."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings
from bot.digest.schedule import parse_schedule_text
from bot.services import Services
from tests.bot.digest.fixtures import add_article, fake_slack
from tests.fakeslack import FakeSlack

__all__ = ["fake_slack"]


def cli(db: str, *args: str) -> int:
    return main(["--database-url", db, "digest", *args])


def test_subscribe_list_preview_run_due_and_unsubscribe(
    tmp_path: Path, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("SLACK_API_URL", fake_slack.url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("NEWSROOM_POLL_FEEDS", "0")
    assert cli(db, "subscribe", "C1", "daily", "08:00", "Europe/Berlin", "top", "2") == 0
    assert cli(db, "subscribe", "C1", "daily", "08:00", "Mars/Base") == 2
    assert "Unknown timezone `Mars/Base`" in capsys.readouterr().err

    services = Services.from_settings(Settings(database_url=db))
    now = datetime.now(UTC)
    add_article(services, "fresh", now, title="Frische Meldung",
                figure="+16 % Umsatz")  # fmt: skip
    services.close()

    assert cli(db, "list") == 0
    assert "C1  #1 · daily 08:00 Europe/Berlin" in capsys.readouterr().out
    assert cli(db, "preview", "C1") == 0
    out = capsys.readouterr().out
    assert "Frische Meldung" in out and "+16 % Umsatz" in out
    assert fake_slack.calls_to("chat.postMessage") == []  # preview posts nothing

    slot = (
        parse_schedule_text("daily 08:00 Europe/Berlin").next_after(now) + timedelta(seconds=30)
    ).isoformat()
    assert cli(db, "run", "--due", "--now", slot) == 0
    assert "posted: 1" in capsys.readouterr().out
    assert cli(db, "run", "--due", "--now", slot) == 0  # cron fired twice: no second post
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    assert cli(db, "runs", "1") == 0
    assert "posted      attempts=1" in capsys.readouterr().out

    assert cli(db, "unsubscribe", "1") == 0
    assert cli(db, "unsubscribe", "1") == 1


def test_run_due_without_a_bot_token_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    assert cli(f"sqlite:///{tmp_path / 'x.db'}", "run", "--due") == 2
    assert "SLACK_BOT_TOKEN" in capsys.readouterr().err
