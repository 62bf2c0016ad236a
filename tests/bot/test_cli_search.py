"""`newsroom-bot search` for scripts: JSON out, batch mode keeps order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository


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
