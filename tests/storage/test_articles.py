"""Article storage on both databases: migrations, upserts, dedup, figures."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import inspect, select

from bot.services import Services
from storage import migrate
from storage.articles import ArticleFields, ArticleRepository, FigureFields
from storage.models import KeyFigure


def _fields(ext: str = "a-1", **kw: object) -> ArticleFields:
    base: dict[str, object] = {
        "external_id": ext,
        "title": "Netflix nutzt KI",
        "body": "Netflix hat eine Szene mit KI erstellt.",
        "content_hash": f"hash-{ext}",
    }
    base.update(kw)
    return ArticleFields(**base)  # type: ignore[arg-type]


def test_migrations_create_schema_and_are_idempotent(services: Services) -> None:
    tables = set(inspect(services.engine).get_table_names())
    assert {"articles", "key_figures", "feeds", "subscriptions", "digest_runs"} <= tables
    migrate.upgrade(services.engine)
    assert migrate.is_up_to_date(services.engine)


def test_upsert_adds_then_updates_in_place(services: Services) -> None:
    with services.session() as s:
        _, outcome = ArticleRepository(s).upsert(_fields())
        assert outcome == "added"
    with services.session() as s:
        _, outcome = ArticleRepository(s).upsert(
            _fields(title="Netflix nutzt KI (aktualisiert)", content_hash="hash-2")
        )
        assert outcome == "updated"
    with services.session() as s:
        repo = ArticleRepository(s)
        assert repo.count() == 1
        assert repo.by_external_id("a-1").title == "Netflix nutzt KI (aktualisiert)"  # type: ignore[union-attr]


def test_same_content_twice_is_unchanged(services: Services) -> None:
    with services.session() as s:
        ArticleRepository(s).upsert(_fields())
    with services.session() as s:
        _, outcome = ArticleRepository(s).upsert(_fields())
    assert outcome == "unchanged"


def test_same_url_under_new_id_merges(services: Services) -> None:
    url = "https://news.example/netflix-ki"
    with services.session() as s:
        ArticleRepository(s).upsert(_fields("feed-1", canonical_url=url))
    with services.session() as s:
        _, outcome = ArticleRepository(s).upsert(
            _fields("file-7", canonical_url=url, content_hash="changed")
        )
        assert outcome == "updated"
        assert ArticleRepository(s).count() == 1


def test_identical_body_under_other_id_is_a_duplicate(services: Services) -> None:
    with services.session() as s:
        results = ArticleRepository(s).upsert_many(
            [_fields("bbc-1", content_hash="same"), _fields("bbc-9", content_hash="same")]
        )
    assert [o for _, o in results] == ["added", "duplicate"]


def test_figures_are_stored_in_rank_order_and_replaced(services: Services) -> None:
    figs = [
        FigureFields(text="16 Prozent", value=16.0, unit="%", kind="percent", direction="up"),
        FigureFields(text="11 Milliarden Dollar", value=11e9, unit="USD", kind="money"),
    ]
    with services.session() as s:
        ArticleRepository(s).upsert(_fields(figures=figs))
    with services.session() as s:
        article = ArticleRepository(s).by_external_id("a-1")
        assert article is not None
        assert [f.text for f in article.figures] == ["16 Prozent", "11 Milliarden Dollar"]
        assert article.figures[1].value == 11e9
        ArticleRepository(s).upsert(_fields(content_hash="new", figures=figs[1:]))
    with services.session() as s:
        assert len(s.scalars(select(KeyFigure)).all()) == 1


def test_delete_removes_article_and_its_figures(services: Services) -> None:
    figs = [FigureFields(text="10×", value=10.0, unit=None, kind="multiplier")]
    with services.session() as s:
        ArticleRepository(s).upsert(_fields(figures=figs))
    with services.session() as s:
        assert ArticleRepository(s).delete("a-1")
    with services.session() as s:
        assert ArticleRepository(s).count() == 0
        assert s.scalars(select(KeyFigure)).all() == []


def test_counts_by_language(services: Services) -> None:
    with services.session() as s:
        repo = ArticleRepository(s)
        repo.upsert_many([_fields("d1", lang="de"), _fields("d2", lang="de"),
                          _fields("e1", lang="en")])  # fmt: skip
    with services.session() as s:
        assert dict(ArticleRepository(s).counts_by("lang")) == {"de": 2, "en": 1}


def test_reimport_with_corrected_metadata_updates(services: Services) -> None:
    with services.session() as s:
        ArticleRepository(s).upsert(_fields(source="welt", authors=["A"]))
    with services.session() as s:
        _, outcome = ArticleRepository(s).upsert(
            _fields(source="Die Welt", authors=["A", "B"], canonical_url="https://welt.example/a")
        )
        assert outcome == "updated"
    with services.session() as s:
        article = ArticleRepository(s).by_external_id("a-1")
        assert article is not None and article.source == "Die Welt"
        assert article.authors == ["A", "B"] and article.canonical_url == "https://welt.example/a"


def test_import_without_analysis_keeps_stored_summary_and_figures(services: Services) -> None:
    figs = [FigureFields(text="16 Prozent", value=16.0, unit="%", kind="percent")]
    with services.session() as s:
        ArticleRepository(s).upsert(_fields(lang="de", summary="Kurz.", figures=figs))
    with services.session() as s:
        _, outcome = ArticleRepository(s).upsert(_fields(lang=None, analyzed=False))
        assert outcome == "unchanged"
        _, outcome = ArticleRepository(s).upsert(
            _fields(title="Neu", lang=None, analyzed=False, content_hash="h2")
        )
        assert outcome == "updated"
    with services.session() as s:
        article = ArticleRepository(s).by_external_id("a-1")
        assert article is not None and article.title == "Neu"
        assert (article.lang, article.summary, len(article.figures)) == ("de", "Kurz.", 1)


def test_overlong_values_fit_their_columns_on_every_database(services: Services) -> None:
    with services.session() as s:
        _, outcome = ArticleRepository(s).upsert(
            _fields(
                section="S" * 300,
                source="Q" * 300,
                lang="x" * 20,
                canonical_url="https://x.example/" + "p" * 2100,
            )
        )
        assert outcome == "added"
    with services.session() as s:
        article = ArticleRepository(s).by_external_id("a-1")
        assert article is not None and article.canonical_url is None
        assert len(article.section or "") == 200 and len(article.lang or "") == 12


def test_a_figure_keeps_where_it_started_and_reindex_notices_a_new_start(
    services: Services,
) -> None:
    share = FigureFields(text="24 Prozent", value=24.0, unit="%", kind="percent",
                         direction="down", label="Marktanteil", from_value=31.0)  # fmt: skip
    with services.session() as s:
        ArticleRepository(s).upsert(_fields(figures=[share]))
    with services.session() as s:
        repo = ArticleRepository(s)
        article = repo.by_external_id("a-1")
        assert article is not None and article.figures[0].from_value == 31.0
        assert not repo.set_analysis(article, lang=article.lang, summary=article.summary,
                                     figures=[share])  # fmt: skip
        moved = replace(share, from_value=30.0)
        assert repo.set_analysis(article, lang=article.lang, summary=article.summary,
                                 figures=[moved])  # fmt: skip
    with services.session() as s:
        article = ArticleRepository(s).by_external_id("a-1")
        assert article is not None and article.figures[0].from_value == 30.0
