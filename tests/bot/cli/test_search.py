"""`newsroom-bot search` for scripts: JSON out, batch mode keeps order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings
from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Index snapshots go to the test's own directory, never the user's cache."""
    path = tmp_path / "cache"
    monkeypatch.setenv("NEWSROOM_CACHE_DIR", str(path))
    return path


@pytest.fixture
def db(sqlite_services: Services, sqlite_url: str) -> str:
    with sqlite_services.session() as session:
        repo = ArticleRepository(session)
        for ext, title in (("a1", "Gewerkschaft fordert mehr Lohn"), ("a2", "Netflix wächst")):
            repo.upsert(ArticleFields(external_id=ext, title=title, body="", content_hash=ext,
                                      canonical_url=f"https://example.org/{ext}"))  # fmt: skip
    return sqlite_url


def test_single_query_prints_ranked_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", db, "search", "gewerkschft", "--json", "--limit", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["hits"][0]["external_id"] == "a1"
    assert out["hits"][0]["url"] == "https://example.org/a1"
    assert out["hits"][0]["score"] > 0


def test_batch_prints_one_json_line_per_query_in_order(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text("netflx\n\ngewerkschaft\n", encoding="utf-8")
    assert main(["--database-url", db, "search", "--batch", str(batch), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["query"] for line in lines] == ["netflx", "", "gewerkschaft"]
    assert lines[0]["hits"][0]["external_id"] == "a2"
    assert lines[1]["hits"] == [] and lines[1]["message"]
    assert lines[2]["hits"][0]["external_id"] == "a1"


def test_missing_batch_file_is_a_clear_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", db, "search", "--batch", "/nonexistent/q.txt"]) == 2
    assert "cannot read" in capsys.readouterr().err


def _add(url: str, ext: str, title: str) -> None:
    svc = Services.from_settings(Settings(database_url=url))
    with svc.session() as session:
        ArticleRepository(session).upsert(
            ArticleFields(external_id=ext, title=title, body="", content_hash=ext)
        )
    svc.close()


def _search_ids(url: str, query: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--database-url", url, "search", query, "--json"]) == 0
    return [hit["external_id"] for hit in json.loads(capsys.readouterr().out)["hits"]]


def test_next_run_starts_from_the_snapshot_and_sees_changes_since(
    db: str, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _search_ids(db, "gewerkschaft", capsys) == ["a1"]
    (directory,) = cache_dir.glob("search-index-*")
    snapshot = directory / "CURRENT"
    written = snapshot.stat().st_mtime_ns
    _add(db, "a3", "Gewerkschaftstag in Linz")
    assert _search_ids(db, "gewerkschaft", capsys) == ["a1", "a3"]
    assert snapshot.stat().st_mtime_ns == written  # loaded and replayed, not rebuilt


def test_snapshot_is_not_applied_to_a_recreated_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "same.db"
    url = f"sqlite:///{path}"
    _add(url, "old", "Hochwasser an der Donau")
    assert _search_ids(url, "Hochwasser", capsys) == ["old"]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _add(url, "new", "Hochwasser am Inn")
    assert _search_ids(url, "Hochwasser", capsys) == ["new"]


def test_batch_goes_on_past_lines_that_used_to_stop_it(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Invalid UTF-8 ended the batch with a traceback; an out-of-range since: did too."""
    batch = tmp_path / "queries.txt"
    batch.write_bytes(
        b"netflx\nnetfl\xff\xfex\nwas since:9999-12-31T23:59:59-05:00\nx since:99999d\n"
        b"gewerkschaft\n"
    )
    assert main(["--database-url", db, "search", "--batch", str(batch), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5
    assert lines[0]["hits"][0]["external_id"] == "a2"
    assert lines[1]["query"] == "netfl\ufffd\ufffdx"
    assert "in the future" in lines[2]["message"]
    assert "before 1800" in lines[3]["message"]
    assert lines[4]["hits"][0]["external_id"] == "a1"
