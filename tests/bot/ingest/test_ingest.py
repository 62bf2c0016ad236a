"""Ingestion on both databases: real corpus rows, re-imports, bad rows, interruptions."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

import pytest

from bot.ingest.readers import Item, read_jsonl, read_location
from bot.ingest.service import Ingestor
from bot.services import Services
from storage.articles import ArticleRepository
from tests.conftest import SEED, corpus_file


def _corpus_sample(name: str, n: int) -> str:
    with corpus_file(name).open(encoding="utf-8") as fh:
        return "".join(itertools.islice(fh, n))


def test_corpus_rows_are_stored_with_their_ids(services: Services) -> None:
    text = _corpus_sample("gnad_de.jsonl", 60) + _corpus_sample("bbc_news_en.jsonl", 60)
    report = Ingestor(services).ingest(read_jsonl(text, "sample.jsonl"))
    assert report.added == 120 and not report.rejected
    with services.session() as s:
        article = ArticleRepository(s).by_external_id("bbc-business-001")
        assert article is not None and article.lang == "en" and article.summary
        untitled = ArticleRepository(s).by_external_id("gnad-0038")
        # the teaser's first sentence stands in for the missing title ("Mrd." is no end)
        assert untitled is not None
        assert (
            untitled.title == "Staatsschulden bei 72 Mrd. Dollar, Wirtschaft schrumpft seit Jahren."
        )
        assert not untitled.summary.startswith("Staatsschulden")  # not said twice


def test_reimport_updates_instead_of_duplicating(services: Services) -> None:
    text = _corpus_sample("german_news_meta_de.jsonl", 40)
    first = Ingestor(services).ingest(read_jsonl(text, "gn.jsonl"))
    again = Ingestor(services).ingest(read_jsonl(text, "gn.jsonl"))
    assert first.added == 40
    assert (again.added, again.updated, again.unchanged) == (0, 0, 40)
    changed = json.loads(text.splitlines()[0])
    changed["title"] += " (korrigiert)"
    changed["id"] = "other-id"  # same URL, new id: still the same article
    changed["url"] += "?utm_source=twitter&utm_medium=social"
    report = Ingestor(services).ingest(read_jsonl(json.dumps(changed), "fix.jsonl"))
    assert report.updated == 1
    with services.session() as s:
        assert ArticleRepository(s).count() == 40


def test_bad_rows_are_reported_and_good_rows_kept(services: Services) -> None:
    lines = _corpus_sample("bbc_news_en.jsonl", 5).splitlines()
    lines.insert(2, '{"id": "broken", "title": ')
    lines.insert(4, '{"id": "empty"}')
    report = Ingestor(services).ingest(read_jsonl("\n".join(lines), "mixed.jsonl"))
    assert report.added == 5
    assert sorted(r.origin for r in report.rejected) == ["mixed.jsonl:3", "mixed.jsonl:5"]
    assert "skipped 2" in report.summary_line()


def test_interrupted_import_leaves_only_whole_articles(services: Services) -> None:
    rows = list(read_jsonl(_corpus_sample("bbc_news_en.jsonl", 30), "bbc.jsonl"))

    def interrupted() -> Iterator[Item]:
        yield from rows[:25]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Ingestor(services, batch_size=10).ingest(interrupted())
    with services.session() as s:
        repo = ArticleRepository(s)
        assert repo.count() == 20  # two committed batches; the third never half-lands
        for article in repo.iter_all():
            assert article.body and article.summary


def test_seed_article_is_stored_without_the_other_story(sqlite_services: Services) -> None:
    report = Ingestor(sqlite_services).ingest(read_location(str(SEED)))
    assert report.added == 1
    with sqlite_services.session() as s:
        (article,) = ArticleRepository(s).iter_all()
        assert "Paltrow" not in article.body and "Paltrow" not in article.summary
        assert article.lang == "de"
        assert "Netflix" in article.body
