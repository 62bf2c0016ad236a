"""Lookup behaviour a reporter notices, on a SQLite file and on PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.ingest.readers import read_jsonl
from bot.ingest.service import Ingestor
from bot.lookup import search
from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository
from tests.conftest import corpus_file

NOW = datetime.now(UTC)

ARTICLES = [
    ArticleFields(
        external_id="gewerkschaft",
        title="Gewerkschaft startet All-in-Rechner",
        teaser="Die Gewerkschaft GPA-djp findet, All-in-Verträge gehören auf die Führungsebene.",
        body="Wien – 18 Prozent der Arbeiter haben einen All-in-Vertrag, sagt Wolfgang Katzian.",
        content_hash="h1",
        lang="de",
        section="Wirtschaft",
        source="derstandard",
        published_at=NOW - timedelta(days=2),
    ),
    ArticleFields(
        external_id="quartal",
        title="Netflix legt Quartalszahlen vor",
        teaser="Der Streamingdienst wächst um 16 Prozent.",
        body="Netflix steigerte den Umsatz im Quartal um 16% auf $11bn. Die Serie Eternauta "
        "entstand mit KI-Effekten.",
        content_hash="h2",
        lang="de",
        section="Wirtschaft",
        source="sueddeutsche",
        tags=["Netflix", "Streaming"],
        published_at=NOW - timedelta(days=1),
    ),
    ArticleFields(
        external_id="fluechtlinge",
        title="Flüchtlinge in Österreich: Grenzen der Hilfe",
        body="Die Regierung in Wien berät über Flüchtlinge an der Grenze.",
        content_hash="h3",
        lang="de",
        section="Inland",
        source="derstandard",
        published_at=NOW - timedelta(days=30),
    ),
    ArticleFields(
        external_id="timewarner",
        title="Ad sales boost Time Warner profit",
        body="Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.",
        content_hash="h4",
        lang="en",
        section="business",
        source="bbc",
        published_at=NOW - timedelta(days=400),
    ),
    ArticleFields(
        external_id="body-only",
        title="Kurz gemeldet",
        body="Auch die Gewerkschaft meldete sich zu Wort, ebenso Netflix und die Regierung.",
        content_hash="h5",
        lang="de",
        section="Panorama",
        source="derstandard",
        published_at=NOW - timedelta(days=3),
    ),
]


@pytest.fixture
def corpus(services: Services) -> Services:
    with services.session() as session:
        repo = ArticleRepository(session)
        for fields in ARTICLES:
            repo.upsert(fields)
    return services


def top_ids(services: Services, query: str, **kwargs: object) -> list[str]:
    with services.session() as session:
        result = search(session, query, **kwargs)  # type: ignore[arg-type]
        return [hit.article.external_id for hit in result.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Gewerkschft", "gewerkschaft"),  # one typo
        ("Quartalszahlne", "quartal"),  # two typos in a long word
        ("Netflx Quartal", "quartal"),
        ("time warnr profits", "timewarner"),
    ],
)
def test_typos_still_find_the_article(corpus: Services, query: str, expected: str) -> None:
    assert top_ids(corpus, query)[0] == expected


@pytest.mark.parametrize("query", ["Fluechtlinge Oesterreich", "Fluchtlinge Osterreich",
                                   "FLÜCHTLINGE, österreich!"])  # fmt: skip
def test_umlauts_case_and_punctuation_are_folded(corpus: Services, query: str) -> None:
    assert top_ids(corpus, query)[0] == "fluechtlinge"


def test_partial_words_and_compound_parts_match(corpus: Services) -> None:
    assert top_ids(corpus, "Gewerksch")[0] == "gewerkschaft"
    assert top_ids(corpus, "Quartal")[0] == "quartal"
    assert top_ids(corpus, "Streaming")[0] == "quartal"  # compound: Streamingdienst + tag


def test_numbers_and_units_match_either_spelling(corpus: Services) -> None:
    assert top_ids(corpus, "16 Prozent")[0] == "quartal"
    assert top_ids(corpus, "16 percent")[0] == "quartal"
    assert top_ids(corpus, "$11bn")[0] == "quartal"


def test_mixed_language_query_and_word_order(corpus: Services) -> None:
    assert top_ids(corpus, "profit Time Warner Quartal")[0] == "timewarner"
    assert top_ids(corpus, "Rechner All-in Gewerkschaft")[0] == "gewerkschaft"


def test_title_match_outranks_body_mention(corpus: Services) -> None:
    ids = top_ids(corpus, "Gewerkschaft")
    assert ids.index("gewerkschaft") < ids.index("body-only")


def test_hits_carry_score_and_reason(corpus: Services) -> None:
    with corpus.session() as session:
        result = search(session, "Gewerkschft")
        hit = result.hits[0]
        assert 0 < hit.score <= 1
        assert any("typo" in why and "headline" in why for why in hit.why)
        assert result.hits[0].score >= result.hits[-1].score


def test_filters_in_the_query_text(corpus: Services) -> None:
    assert "timewarner" not in top_ids(corpus, "profit lang:de")
    assert top_ids(corpus, "profit lang:en") == ["timewarner"]
    assert set(top_ids(corpus, "Gewerkschaft section:wirtschaft")) == {"gewerkschaft"}
    assert set(top_ids(corpus, "Netflix source:sueddeutsche")) == {"quartal"}
    assert "fluechtlinge" not in top_ids(corpus, "Grenze since:7d")
    assert top_ids(corpus, "Grenze since:60d")[0] == "fluechtlinge"


def test_filter_only_query_lists_newest_first(corpus: Services) -> None:
    assert top_ids(corpus, "lang:de section:Wirtschaft", limit=10) == ["quartal", "gewerkschaft"]


def test_since_argument_is_about_arrival_not_publication(corpus: Services) -> None:
    """The digest's window: a story published a month ago but imported now is new."""
    ids = top_ids(corpus, "lang:de", since=NOW - timedelta(days=7), limit=10)
    assert ids == ["quartal", "gewerkschaft", "body-only", "fluechtlinge"]
    assert "fluechtlinge" not in top_ids(corpus, "lang:de since:7d", limit=10)
    with corpus.session() as session:
        later = search(session, "", since=datetime.now(UTC) + timedelta(minutes=5))
    assert later.hits == [] and "arrived since" in (later.message or "")


def test_offset_pages_through_results(corpus: Services) -> None:
    everything = top_ids(corpus, "lang:de", limit=10)
    assert top_ids(corpus, "lang:de", limit=2, offset=1) == everything[1:3]


def test_newer_article_wins_a_tie(services: Services) -> None:
    with services.session() as session:
        repo = ArticleRepository(session)
        for days, ext in ((10, "older"), (1, "newer")):
            repo.upsert(
                ArticleFields(external_id=ext, title="Hochwasser in Kärnten", body="",
                              content_hash=ext, published_at=NOW - timedelta(days=days))
            )  # fmt: skip
    assert top_ids(services, "Hochwasser Kärnten") == ["newer", "older"]


def test_index_follows_inserts_updates_and_deletes(corpus: Services) -> None:
    assert top_ids(corpus, "Eisstockschießen") == []
    with corpus.session() as session:
        ArticleRepository(session).upsert(
            ArticleFields(external_id="neu", title="Eisstockschießen im Burgenland",
                          body="Ein Turnier.", content_hash="n1")
        )  # fmt: skip
    assert top_ids(corpus, "Eisstockschiessen") == ["neu"]
    with corpus.session() as session:
        ArticleRepository(session).upsert(
            ArticleFields(external_id="neu", title="Curling im Burgenland",
                          body="Ein Turnier.", content_hash="n2")
        )  # fmt: skip
    assert top_ids(corpus, "Eisstockschießen") == []
    assert top_ids(corpus, "Curling") == ["neu"]
    with corpus.session() as session:
        assert ArticleRepository(session).delete("neu")
    assert top_ids(corpus, "Curling") == []


def test_rolled_back_import_leaves_no_ghost(corpus: Services) -> None:
    with pytest.raises(RuntimeError), corpus.session() as session:
        ArticleRepository(session).upsert(
            ArticleFields(external_id="ghost", title="Gespenster im Archiv", body="",
                          content_hash="g1")
        )  # fmt: skip
        session.flush()
        raise RuntimeError("import failed")
    assert top_ids(corpus, "Gespenster") == []


@pytest.mark.parametrize("query", ["", "   ", "!!! ???", "§$%&"[:1], "lang:"])
def test_empty_or_junk_query_gets_a_message(corpus: Services, query: str) -> None:
    with corpus.session() as session:
        result = search(session, query)
    assert result.hits == []
    assert result.message


def test_bad_filter_value_is_explained(corpus: Services) -> None:
    with corpus.session() as session:
        since = search(session, "netflix since:gestern")
        section = search(session, "netflix section:Wirtschft")
    assert since.hits == [] and "since:" in (since.message or "")
    assert section.hits == [] and "section:Wirtschaft" in section.suggestions


def test_no_result_comes_with_close_spellings(corpus: Services) -> None:
    with corpus.session() as session:
        result = search(session, "Flüchtxxxnge")
    assert result.hits == []
    assert result.message
    assert any("Flüchtlinge" in s for s in result.suggestions)


def test_out_of_order_commits_are_not_missed(services: Services) -> None:
    """PostgreSQL hands out log sequence numbers at insert time, not commit time."""
    if services.engine.dialect.name != "postgresql":
        pytest.skip("only PostgreSQL runs two writers at once")
    assert top_ids(services, "Zugspitze") == []  # the index exists before the writers
    slow = services.sessions()
    try:
        ArticleRepository(slow).upsert(
            ArticleFields(external_id="slow", title="Zugspitze im Nebel", body="",
                          content_hash="s1")
        )  # fmt: skip
        slow.flush()  # takes the lower sequence number, not committed yet
        with services.session() as fast:
            ArticleRepository(fast).upsert(
                ArticleFields(external_id="fast", title="Zugspitze im Schnee", body="",
                              content_hash="f1")
            )  # fmt: skip
        assert top_ids(services, "Zugspitze") == ["fast"]
        slow.commit()
    finally:
        slow.close()
    assert sorted(top_ids(services, "Zugspitze")) == ["fast", "slow"]


@pytest.mark.parametrize(
    "question",
    [
        "what did we publish on the Netflix AI scene?",
        "Was haben wir über Netflix und KI geschrieben?",
    ],
)
def test_questions_in_either_language_find_the_topic(corpus: Services, question: str) -> None:
    assert top_ids(corpus, question)[0] == "quartal"


def test_a_time_phrase_in_a_question_filters_by_article_date(corpus: Services) -> None:
    # Flüchtlinge 30 days ago, Gewerkschaft 2 days ago; "last week" ends this Monday.
    assert top_ids(corpus, "Gab es etwas über Flüchtlinge oder die Gewerkschaft gestern?") == []
    month = (NOW - timedelta(days=30)).strftime("%B %Y")
    assert top_ids(corpus, f"what did we write on Flüchtlinge in {month}?") == ["fluechtlinge"]
    assert top_ids(corpus, "Flüchtlinge until:2000-01-31") == []


def test_a_year_no_article_is_dated_in_falls_back_to_all_dates(corpus: Services) -> None:
    assert top_ids(corpus, "did we report on Time Warner in 2004?")[0] == "timewarner"


def test_the_answer_says_how_the_question_was_read(corpus: Services) -> None:
    with corpus.session() as session:
        result = search(session, "Hatten wir was zur Gewerkschaft since:7d?")
    assert result.heading.startswith("Gewerkschaft since:")


def test_empty_archive_says_so(services: Services) -> None:
    with services.session() as session:
        result = search(session, "netflix")
    assert result.hits == []
    assert "ingest" in (result.message or "")


# Each query: the article it must find first, and the near-miss that used to beat it.
CUT_AND_NEAR_MISS = {
    "foun offe": "bbc-business-458",  # founder offers, not four / offs
    "acti seeks": "bbc-business-324",  # action, not anti
    "Minis wrong": "bbc-politics-098",  # Ministers (headline), not Mini
    "really election": "bbc-politics-250",  # election as typed, not eviction
}


def test_word_starts_beat_rare_near_misses_in_a_real_archive(services: Services) -> None:
    """On real word statistics (the BBC part of the corpus, 2.2k articles) a cut word
    finds its continuation and a typed word itself, ahead of rarer one-edit neighbours."""
    with corpus_file("bbc_news_en.jsonl").open(encoding="utf-8") as fh:
        report = Ingestor(services, analyze=False).ingest(read_jsonl(fh.read(), "bbc.jsonl"))
    assert report.added > 2000
    firsts = {query: top_ids(services, query, limit=3)[0] for query in CUT_AND_NEAR_MISS}
    assert firsts == CUT_AND_NEAR_MISS
