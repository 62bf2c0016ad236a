"""Ingestion on every core stores exactly what one process stores, in the same order."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.ingest import parallel
from bot.ingest.readers import read_jsonl
from bot.ingest.service import Ingestor
from bot.services import Services
from storage.models import Article
from tests.conftest import corpus_file


def _sample() -> str:
    rows: list[str] = []
    for name in ("gnad_de.jsonl", "bbc_news_en.jsonl"):
        with corpus_file(name).open(encoding="utf-8") as fh:
            rows.extend(itertools.islice(fh, 12))
    rows.insert(5, "{not json\n")  # a bad row, reported with its line
    return "".join(rows)


def _stored(services: Services) -> list[tuple[str, str | None, str, list[float | None]]]:
    with services.session() as session:
        articles = session.scalars(select(Article).order_by(Article.id)).unique().all()
        return [(a.external_id, a.lang, a.summary, [f.value for f in a.figures])
                for a in articles]  # fmt: skip


def test_import_with_two_jobs_stores_what_one_process_stores(
    sqlite_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "SERIAL_FIRST", 3)  # the rest goes through the pool
    monkeypatch.setattr(parallel, "CHUNK", 4)
    serial_db = Services.from_settings(Settings(database_url=f"sqlite:///{tmp_path}/one.db"))
    one = Ingestor(serial_db).ingest(read_jsonl(_sample(), "sample.jsonl"))
    assert isinstance(parallel.make_ingestor(sqlite_services, jobs=2), parallel.ParallelIngestor)
    ingestor = parallel.ParallelIngestor(
        sqlite_services, jobs=2, batch_size=5, analyse_while_starting=False
    )
    both = ingestor.ingest(read_jsonl(_sample(), "sample.jsonl"))

    assert (
        both.summary_line()
        == one.summary_line()
        == "added 24, updated 0, skipped 1 (1 invalid JSON)"
    )
    assert [r.origin for r in both.rejected] == ["sample.jsonl:6"]
    assert _stored(sqlite_services) == _stored(serial_db)
    serial_db.close()


def test_one_job_or_no_analysis_runs_in_this_process(
    sqlite_services: Services,
) -> None:
    assert type(parallel.make_ingestor(sqlite_services, analyze=False, jobs=4)) is Ingestor
    assert type(parallel.make_ingestor(sqlite_services, jobs=1)) is Ingestor
