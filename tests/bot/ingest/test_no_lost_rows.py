"""No lost rows: every bad row is reported with its line and every valid row is stored, on
SQLite and PostgreSQL; encodings are detected; a lost database connection is retried or
stops the import loudly, never counted against valid rows."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, text

from bot.cli import main
from bot.config import Settings
from bot.ingest import service
from bot.ingest.readers import RawArticle, Rejected, read_location
from bot.ingest.service import DatabaseUnavailable, Ingestor
from bot.services import Services
from storage.articles import ArticleRepository
from tests.conftest import _postgres_admin_url, _truncate_all


def good(key: str) -> dict[str, str]:
    return {"title": f"Stromausfall {key}", "body": f"Zehntausende Haushalte ohne Strom ({key})."}


HOSTILE_ROWS: list[tuple[dict[str, Any], str | None]] = [  # (row, the reason it is skipped)
    ({"id": "ok-1", **good("ok-1")}, None),
    ({"id": "old", **good("old"), "published_at": "01.01.0001"}, "date out of range '01.01.0001'"),
    (
        {"id": "far", **good("far"), "published_at": "9999-12-31T23:59:59-05:00"},
        "date out of range",
    ),
    ({"id": "list", "title": "Liste", "body": ["a", "b"]}, "`body` is a list, expected text"),
    ({"id": "num", "title": 12345, "body": "Die Zahl als Titel."}, None),
    ({"id": "rel", **good("rel"), "url": "/news/1"}, "`url` is a relative link '/news/1'"),
    ({"id": "js", **good("js"), "url": "javascript:alert(1)"}, "`url` is not an http(s) URL"),
    ({"id": "nul", "title": "Null\x00byte", "body": "Text mit \x00 Nullbyte."}, None),
    ({"id": "x" * 300, **good("long-id")}, "`id` is 300 characters long, at most 200"),
    ({"id": "obj", "title": {"de": "Titel"}, "body": "b"}, "`title` is an object"),
    ({"id": "langs", **good("langs"), "lang": ["de"]}, "`lang` is a list"),
    ({"id": "human", **good("human"), "published_at": "18. Juli 2025"}, None),
    ({"id": "us-date", **good("us-date"), "published_at": "July 18, 2025"}, None),
    ({"id": "ok-2", "title": "Zweiter", "body": "Noch ein gültiger Artikel."}, None),
]


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_every_bad_row_is_reported_by_line_and_every_good_row_stored(
    services: Services, tmp_path: Path
) -> None:
    path = _write_jsonl(tmp_path / "hostile.jsonl", [row for row, _ in HOSTILE_ROWS])
    report = Ingestor(services, analyze=False).ingest(read_location(str(path)))
    expected = {f"hostile.jsonl:{n}": why for n, (_, why) in enumerate(HOSTILE_ROWS, 1) if why}
    assert {r.origin: r.reason for r in report.rejected}.keys() == expected.keys()
    for rejected in report.rejected:
        assert expected[rejected.origin] in rejected.reason
    assert report.added == len(HOSTILE_ROWS) - len(expected)
    with services.session() as s:
        repo = ArticleRepository(s)
        number = repo.by_external_id("num")
        assert number is not None and number.title == "12345"
        nul = repo.by_external_id("nul")
        assert nul is not None and "\x00" not in nul.title + nul.body
        human, us_date = repo.by_external_id("human"), repo.by_external_id("us-date")
        assert human is not None and us_date is not None
        assert human.published_at == us_date.published_at  # Berlin midnight, July 18
        assert human.published_at is not None and human.published_at.day == 17


def test_csv_long_fields_are_kept_and_an_unclosed_quote_costs_only_its_row(
    tmp_path: Path,
) -> None:
    long_body = "Ein sehr langer Text. " * 8000  # 176 KB: over the stdlib's 128 KiB field limit
    path = tmp_path / "export.csv"
    path.write_text(
        "id,title,body\n"
        f'long,Lang,"{long_body}"\n'
        '2,"Unclosed title,body two\n'
        "3,Third,body three\n"
        '4,Fourth,"multi\nline body"\n'
        "5,Fifth,body five\n",
        encoding="utf-8",
    )
    items = list(read_location(str(path)))
    stored = [i for i in items if isinstance(i, RawArticle)]
    assert [i.external_id for i in stored] == ["long", "3", "4", "5"]
    assert len(stored[0].body) > 150_000 and stored[2].body == "multi line body"
    (bad,) = [i for i in items if isinstance(i, Rejected)]
    assert bad.origin == "export.csv:3" and "quote" in bad.reason


def test_a_quote_left_open_to_the_end_of_the_file_is_one_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "open.csv"
    path.write_text('id,title,body\n1,One,body one\n2,Two,"never closed\n3,Three,three\n')
    items = list(read_location(str(path)))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Rejected", "RawArticle"]
    assert isinstance(items[1], Rejected) and items[1].origin == "open.csv:3"
    assert "unclosed quote" in items[1].reason


@pytest.mark.parametrize(
    ("name", "encoding", "bom"),
    [
        ("excel.csv", "cp1252", b""),
        ("utf16.jsonl", "utf-16-le", codecs.BOM_UTF16_LE),
        ("latin1.jsonl", "latin-1", b""),
    ],
)
def test_encodings_are_detected_so_umlauts_survive(
    tmp_path: Path, name: str, encoding: str, bom: bytes
) -> None:
    title, body = "Größere Übernahme", "Die Straße in Köln wird für 3 Mio. Euro saniert."
    if name.endswith(".csv"):
        content = f"id,title,body\n1,{title},{body}\n"
    else:
        content = json.dumps({"id": "1", "title": title, "body": body}, ensure_ascii=False)
    (tmp_path / name).write_bytes(bom + content.encode(encoding))
    (item,) = read_location(str(tmp_path / name))
    assert isinstance(item, RawArticle)
    assert (item.title, item.body) == (title, body)


def test_a_json_array_is_read_item_by_item_up_to_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    row = '{{"id": "{}", "title": "T", "body": "Text."}}'
    path.write_text(f'[\n{row.format("a")},\n"just text",\n{row.format("b")},\n{{"id": x}}\n]')
    items = list(read_location(str(path)))
    assert [getattr(i, "external_id", None) for i in items] == ["a", None, "b", None]
    assert isinstance(items[1], Rejected) and items[1].origin == "array.json:3 [item 1]"
    assert isinstance(items[3], Rejected) and items[3].origin.startswith("array.json:5")
    assert "invalid JSON" in items[3].reason


# -- a lost database connection -------------------------------------------------------


@pytest.fixture
def pg_services(postgres_url: str) -> Iterator[Services]:
    services = Services.from_settings(Settings(database_url=postgres_url), upgrade=False)
    _truncate_all(services.engine)
    yield services
    services.close()


class BackendKiller:
    """Terminates the importer's own PostgreSQL connection (pg_terminate_backend) just
    before its ``after``-th INSERT into articles, ``times`` times; nothing else is touched."""

    def __init__(self, *, after: int, times: int) -> None:
        admin_url = _postgres_admin_url()
        assert admin_url
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.after, self.times, self.inserts, self.kills = after, times, 0, 0

    def __call__(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if not statement.lstrip().upper().startswith("INSERT INTO ARTICLES"):
            return
        self.inserts += 1
        if self.inserts >= self.after and self.kills < self.times:
            self.kills += 1
            pid = conn.connection.dbapi_connection.info.backend_pid
            with self.admin.connect() as admin:
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


def _rows(n: int) -> list[dict[str, Any]]:
    return [{"id": f"r{i}", "title": f"Meldung {i}", "body": f"Text der Meldung {i}."}
            for i in range(n)]  # fmt: skip


@pytest.mark.postgres
def test_a_killed_connection_mid_import_is_retried_and_no_row_is_lost(
    pg_services: Services, tmp_path: Path
) -> None:
    path = _write_jsonl(tmp_path / "rows.jsonl", _rows(450))
    killer = BackendKiller(after=2, times=2)
    event.listen(pg_services.engine, "before_cursor_execute", killer)
    ingestor = Ingestor(pg_services, analyze=False, batch_size=200, retry_delays=(0.05, 0.1))
    report = ingestor.ingest(read_location(str(path)))
    assert killer.kills == 2
    assert (report.added, report.rejected) == (450, [])
    with pg_services.session() as s:
        assert ArticleRepository(s).count() == 450


@pytest.mark.postgres
def test_a_database_that_stays_away_fails_the_import_loudly(
    pg_services: Services, tmp_path: Path
) -> None:
    path = _write_jsonl(tmp_path / "rows.jsonl", _rows(450))
    killer = BackendKiller(after=2, times=1000)
    event.listen(pg_services.engine, "before_cursor_execute", killer)
    ingestor = Ingestor(pg_services, analyze=False, batch_size=200, retry_delays=(0.01, 0.01))
    with pytest.raises(DatabaseUnavailable, match="lost the database connection") as lost:
        ingestor.ingest(read_location(str(path)))
    assert lost.value.report.added == 200 and lost.value.report.rejected == []
    assert "database refused it" not in lost.value.report.summary_line()


@pytest.mark.postgres
def test_ingest_exits_non_zero_with_one_line_when_the_database_is_gone(
    pg_services: Services,
    postgres_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _write_jsonl(tmp_path / "rows.jsonl", _rows(450))
    monkeypatch.setattr(service, "RETRY_DELAYS", (0.01, 0.01))
    killer = BackendKiller(after=2, times=1000)
    event.listen(Engine, "before_cursor_execute", killer)  # the CLI builds its own engine
    try:
        code = main(["--database-url", postgres_url, "ingest", "-q", "--no-analysis", str(path)])
    finally:
        event.remove(Engine, "before_cursor_execute", killer)
    out, err = capsys.readouterr()
    assert code == 3 and out == ""
    (line,) = err.splitlines()
    assert line.startswith("error: lost the database connection")
    assert "stopped after: added 200" in line and "Run the same command again" in line
