"""Readers: every format yields articles, and bad rows come back with where they were."""

from __future__ import annotations

import json
from pathlib import Path

from bot.ingest.readers import RawArticle, Rejected, detect_format, read_location
from tests.conftest import SEED
from tests.newssite import HTML_PAGE


def _items(path: Path) -> list[RawArticle | Rejected]:
    return list(read_location(str(path)))


def test_jsonl_keeps_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [{"id": "x-1", "title": "Eins", "body": "Text eins."}, "{broken", {"id": "x-3"}]
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows))
    items = _items(path)
    assert isinstance(items[0], RawArticle) and items[0].external_id == "x-1"
    assert isinstance(items[1], Rejected) and items[1].origin == "a.jsonl:2"
    assert "invalid JSON" in items[1].reason
    assert isinstance(items[2], Rejected) and items[2].origin == "a.jsonl:3"


def test_json_array_and_csv_with_header(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"headline": "Zwei", "text": "Text."}]))
    (tmp_path / "a.csv").write_text(
        'title,body,date,tags\nDrei,Text drei.,2025-07-18,"KI, Netflix"\n'
        "Vier,Text vier.,not-a-date,\n"
    )
    (json_item,) = _items(tmp_path / "a.json")
    assert isinstance(json_item, RawArticle) and json_item.title == "Zwei"
    good, bad = _items(tmp_path / "a.csv")
    assert isinstance(good, RawArticle) and good.tags == ["KI", "Netflix"]
    assert good.published_at is not None and good.published_at.year == 2025
    assert isinstance(bad, Rejected) and bad.origin == "a.csv:3" and "date" in bad.reason


def test_html_page_gives_text_metadata_and_canonical_url(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (item,) = _items(path)
    assert isinstance(item, RawArticle)
    assert item.title.startswith("Netflix lässt KI Szenen bauen")
    assert "zehnmal schneller" in item.body and "16 Prozent" in item.body
    assert "Cookies" not in item.body and "Startseite" not in item.body
    assert item.url == "https://news.example/kultur/netflix-ki?utm_source=rss"
    assert item.authors == ["Jana Beispiel"]
    assert item.published_at is not None and item.published_at.date().isoformat() == "2025-07-18"


def test_seed_text_drops_glued_on_other_story() -> None:
    (item,) = list(read_location(str(SEED)))
    assert isinstance(item, RawArticle)
    assert "Paltrow" not in item.body and "Affleck" not in item.body
    assert item.body.rstrip().endswith("11 Milliarden Dollar.")
    assert "Eternaut" in item.title
    assert item.section == "Filme und Serien"
    assert item.teaser.startswith("Künstliche Intelligenz ist nicht aufzuhalten")
    assert (
        item.published_at is not None
        and item.published_at.isoformat() == "2025-07-18T16:21:00+00:00"
    )


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    (item,) = list(read_location(str(tmp_path / "nope.jsonl")))
    assert isinstance(item, Rejected) and item.reason == "no such file"


def test_format_detection_by_extension_and_content() -> None:
    assert detect_format("x.ndjson", b"") == "jsonl"
    assert detect_format("feed", b"<?xml version='1.0'?><rss>") == "feed"
    assert detect_format("page", b"<!DOCTYPE html><html>") == "html"
    assert detect_format("notes", b"Just text") == "text"
