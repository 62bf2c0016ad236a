"""`newsroom-bot alert add|list|mute|remove` mirror `/news alert` in Slack."""

from __future__ import annotations

import json

import pytest

from bot.cli import main


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--database-url", url, "alert", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_alert_add_list_mute_remove(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, sqlite_url, "add", "C0123", "netflix", "ki", "lang:de")
    assert code == 0 and out == "alert #1 · `netflix ki lang:de` in C0123\n"
    code, out, _ = run(capsys, sqlite_url, "list", "--json")
    assert json.loads(out)[0]["query"] == "netflix ki lang:de"
    code, out, _ = run(capsys, sqlite_url, "mute", "1", "2h")
    assert code == 0 and "muted until" in out
    code, out, _ = run(capsys, sqlite_url, "mute", "1", "soon")
    assert code == 2
    assert run(capsys, sqlite_url, "remove", "1")[1] == "removed alert #1 in C0123\n"
    assert run(capsys, sqlite_url, "list")[1] == "no alerts\n"


def test_alert_with_a_bad_filter_says_how_to_fix_it(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, sqlite_url, "add", "C1", "netflix", "since:yesterday")
    assert code == 2 and "since:7d" in err
