"""The command line as scripts use it: ingest, show --json, stats, feeds, db upgrade."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import SEED, corpus_file
from tests.newssite import Site


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_show_and_stats(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    bbc = corpus_file("bbc_news_en.jsonl")
    code, out, _ = _run(capsys, "--database-url", db_url, "ingest", "-q", str(bbc), str(SEED))
    assert code == 0 and out.startswith("added 2125, updated 0, skipped 101")
    code, out, _ = _run(capsys, "--database-url", db_url, "show", "bbc-business-001", "--json")
    shown = json.loads(out)
    assert shown["title"] == "Ad sales boost Time Warner profit" and shown["lang"] == "en"
    assert set(shown) >= {"title", "url", "lang", "published_at", "summary", "key_figures"}
    code, out, _ = _run(capsys, "--database-url", db_url, "stats", "--json")
    assert json.loads(out)["by_lang"] == {"en": 2124, "de": 1}


def test_show_unknown_id_fails_clearly(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--database-url", sqlite_url, "show", "nope")
    assert code == 1 and "no article with external id 'nope'" in err


def test_ingest_reports_bad_rows_with_line_numbers(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "import.jsonl"
    path.write_text('{"id": "1", "title": "Eins", "body": "Text."}\nnot json\n')
    code, out, err = _run(capsys, "--database-url", sqlite_url, "ingest", "-q", str(path))
    assert code == 0 and "added 1" in out and "skipped 1" in out
    assert "import.jsonl:2: invalid JSON" in err


def test_feeds_add_list_remove(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://news.example/feed.xml"
    assert _run(capsys, "--database-url", sqlite_url, "feeds", "add", url)[1] == f"added: {url}\n"
    code, out, _ = _run(capsys, "--database-url", sqlite_url, "feeds", "list", "--json")
    assert json.loads(out)[0]["url"] == url
    assert _run(capsys, "--database-url", sqlite_url, "feeds", "remove", url)[0] == 0
    code, _, err = _run(capsys, "--database-url", sqlite_url, "feeds", "add", "ftp://x")
    assert code == 2 and "not an http(s) URL" in err


def test_db_upgrade_reports_revision(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--database-url", sqlite_url, "db", "upgrade")
    assert code == 0 and out.startswith("schema at ")
    code, out, _ = _run(capsys, "--database-url", sqlite_url, "db", "current")
    assert "up to date" in out


def test_demo_answers_the_netflix_question(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--database-url", sqlite_url, "demo")
    assert code == 0 and "Sample articles: added 10" in out
    netflix = out.split("/news netflx eternaut ki")[1].split("/news ")[0]
    assert "Eternauta" in netflix and "KI" in netflix
    assert "11 Milliarden Dollar" in netflix and "16 Prozent" in netflix
    assert "zehnmal" in netflix
    assert "Ad sales boost Time Warner profit" in out


def test_ingest_urls_of_a_page_and_a_feed(
    site: Site,
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The operator's own URLs may be on loopback with --allow-private-urls; the links
    inside the feed may not, so its short item keeps the feed's own text."""
    base = ["--database-url", sqlite_url, "ingest", "-q", "--allow-private-urls"]
    page = f"{site.base}/story/netflix?utm_campaign=x"
    code, out, _ = _run(capsys, *base, page)
    assert code == 0 and out.startswith("added 1")
    code, out, _ = _run(capsys, *base, f"{site.base}/feed.xml")
    assert code == 0 and "added 2, updated 0" in out
    assert "127.0.0.1 is a loopback address" in caplog.text
    assert "storing the feed's own text" in caplog.text
    assert [p for p, _ in site.requests] == ["/story/netflix?utm_campaign=x", "/feed.xml"]
    code, out, _ = _run(capsys, "--database-url", sqlite_url, "stats", "--json")
    assert json.loads(out)["articles"] == 3
    code, _, err = _run(capsys, *base, f"{site.base}/gone")
    assert code == 1 and "could not fetch" in err


def test_ingest_refuses_a_loopback_url_without_the_flag(
    site: Site, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        capsys, "--database-url", sqlite_url, "ingest", "-q", f"{site.base}/story/netflix"
    )
    assert code == 1 and "added 0" in out
    assert "refused: 127.0.0.1 is a loopback address" in err
    assert site.requests == []


@pytest.mark.parametrize("command", [["stats"], ["show", "x"], ["search", "netflix"]])
def test_unreachable_database_is_one_line_naming_host_and_cause(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as s:  # a port where nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://postgres:hunter2@127.0.0.1:{port}/x"
    code, out, err = _run(capsys, "--database-url", url, *command)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(
        f"error: cannot reach the database postgresql://postgres:***@127.0.0.1:{port}/x"
    )
    assert "Connection refused" in err and "hunter2" not in err
