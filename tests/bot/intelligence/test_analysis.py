"""analyze(): what ingestion stores per article, end to end into a real database."""

from __future__ import annotations

import json
from itertools import islice

import pytest

from bot.cli import main
from bot.ingest.readers import from_mapping, read_location
from bot.ingest.service import Ingestor
from bot.intelligence.analysis import Analysis, analyze
from bot.services import Services
from storage.articles import ArticleRepository, FigureFields
from tests.conftest import SEED, corpus_file, seed_article


def test_analysis_of_the_seed_article() -> None:
    raw = seed_article()
    result = analyze(raw.title, raw.teaser, raw.body, lang_hint=None)
    assert isinstance(result, Analysis)
    assert result.lang == "de"
    assert result.summary and len(result.summary) <= 500
    assert all(isinstance(f, FigureFields) for f in result.figures)
    assert 2 <= len(result.figures) <= 5
    top = result.figures[0]
    assert (top.text, top.unit, top.label) == ("11 Milliarden Dollar", "USD", "Umsatz")
    assert top.sentence.startswith("Netflix vermeldete")


def test_a_teaser_leads_the_summary_and_the_body_adds_the_news() -> None:
    raw = seed_article()
    summary = analyze(raw.title, raw.teaser, raw.body).summary
    assert summary.startswith("Künstliche Intelligenz ist nicht aufzuhalten")
    rest = summary.removeprefix(raw.teaser).strip()
    assert "Eternaut" in rest and "KI" in rest  # the scene itself, not the essay intro
    assert len(summary) <= 420


def test_figures_in_the_title_rank_first() -> None:
    result = analyze(
        "Air China plant Börsengang über 1 Milliarde Dollar",
        "",
        "Die Fluggesellschaft will an der Börse in London Geld einsammeln. "
        "Im vergangenen Jahr flog sie 30 Millionen Passagiere.",
    )
    assert result.figures[0].text == "1 Milliarde Dollar"
    assert result.figures[1].unit == "people"


def test_a_teaser_only_article_gets_a_teaser_summary_and_no_crash_on_empty_input() -> None:
    result = analyze("Brexit", "Die Verhandlungen sind gescheitert. Beide Seiten geben auf.", "")
    assert result.summary.startswith("Die Verhandlungen sind gescheitert.")
    assert analyze("", "", "") == Analysis(lang=None, summary="", figures=[])


def test_other_languages_get_a_summary_but_no_misread_figures() -> None:
    french = (
        "Le gouvernement a annoncé une réforme des retraites pour les salariés. "
        "Le coût est estimé à 3,5 milliards d'euros par an."
    )
    result = analyze("Réforme", "", french)
    assert result.lang == "fr"
    assert result.summary.startswith("Le gouvernement a annoncé")
    assert result.figures == []


def test_wrong_feed_language_is_corrected_and_missing_one_kept_from_hint() -> None:
    german = "Die Regierung hat sich am Montag auf einen Haushalt für das nächste Jahr geeinigt."
    assert analyze("Haushalt", "", german, lang_hint="en").lang == "de"
    assert analyze("Brexit", "", "", lang_hint="en-GB").lang == "en"


def test_ingested_seed_stores_summary_and_ranked_figures(services: Services) -> None:
    report = Ingestor(services).ingest(read_location(str(SEED)))
    assert report.added == 1
    with services.session() as session:
        article = ArticleRepository(session).recent(1)[0]
        assert article.lang == "de" and article.summary
        ranks = [f.rank for f in article.figures]
        assert ranks == sorted(ranks) and article.figures[0].text == "11 Milliarden Dollar"
        assert article.figures[0].value == 11e9


def test_reindex_fills_in_analysis_for_articles_stored_without_it(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    bbc = corpus_file("bbc_news_en.jsonl")
    with bbc.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in islice(fh, 5)]
    items = [from_mapping(row, f"bbc:{i}") for i, row in enumerate(rows)]
    items.extend(read_location(str(SEED)))
    Ingestor(services, analyze=False).ingest(items)
    url = services.settings.database_url
    assert main(["--database-url", url, "reindex", "-q", "--batch-size", "2"]) == 0
    assert "reindexed 6 articles: 6 changed" in capsys.readouterr().out
    with services.session() as session:
        articles = ArticleRepository(session).recent(10)
        assert len(articles) == 6 and all(a.summary and a.figures for a in articles)
        seed = next(a for a in articles if a.lang == "de")
        assert seed.figures[0].text == "11 Milliarden Dollar"
    # A second run finds nothing to change and says so.
    assert main(["--database-url", url, "reindex", "-q"]) == 0
    assert "reindexed 6 articles: 0 changed" in capsys.readouterr().out


def test_reindex_rejects_a_zero_batch_size(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "reindex", "--batch-size", "0"]) == 2
    assert "--batch-size must be at least 1" in capsys.readouterr().err
