"""Article repository: every query the domain needs against articles and key figures."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlalchemy import String, delete, func, select
from sqlalchemy.orm import Session

from storage.models import Article, Base, KeyFigure, utcnow

UpsertOutcome = Literal["added", "updated", "unchanged", "duplicate"]


@dataclass
class FigureFields:
    text: str
    value: float | None
    unit: str | None
    kind: str
    direction: str | None = None
    label: str | None = None
    sentence: str = ""
    from_value: float | None = None  # the old level of "from 20 % to 35 %"


@dataclass
class ArticleFields:
    """Everything ingestion knows about one article, before it touches the database."""

    external_id: str
    title: str
    body: str
    content_hash: str
    teaser: str = ""
    canonical_url: str | None = None
    lang: str | None = None
    section: str | None = None
    source: str | None = None
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    summary: str = ""
    figures: list[FigureFields] = field(default_factory=list)
    # False for `ingest --no-analysis`: keep the stored summary, figures and language
    # instead of blanking them.
    analyzed: bool = True


_META = (
    "title", "teaser", "body", "section", "source", "tags", "authors", "published_at",
    "content_hash",
)  # fmt: skip
_ANALYSIS = ("lang", "summary")


class ArticleRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, article_id: int) -> Article | None:
        return self.session.get(Article, article_id)

    def by_external_id(self, external_id: str) -> Article | None:
        return self.session.scalar(select(Article).where(Article.external_id == external_id))

    def by_url(self, canonical_url: str) -> Article | None:
        return self.session.scalar(select(Article).where(Article.canonical_url == canonical_url))

    def upsert(self, fields: ArticleFields) -> tuple[Article, UpsertOutcome]:
        return self.upsert_many([fields])[0]

    def upsert_many(self, batch: Sequence[ArticleFields]) -> list[tuple[Article, UpsertOutcome]]:
        """Insert or update a batch with three lookups in all instead of three per article."""
        batch = [_fit(fields) for fields in batch]
        existing = _Existing.load(self.session, batch)
        results: list[tuple[Article, UpsertOutcome]] = []
        for fields in batch:
            article, matched_by = existing.find(fields)
            if article is None:
                article = Article(
                    external_id=fields.external_id, canonical_url=fields.canonical_url
                )
                self._copy(article, fields)
                self.session.add(article)
                existing.remember(article)
                results.append((article, "added"))
            elif matched_by == "content" and article.external_id != fields.external_id:
                results.append((article, "duplicate"))
            elif _unchanged(article, fields):
                results.append((article, "unchanged"))
            else:
                self._copy(article, fields)
                existing.remember(article)
                article.updated_at = utcnow()
                results.append((article, "updated"))
        self.session.flush()
        return results

    def _copy(self, article: Article, fields: ArticleFields) -> None:
        for name in _META:
            setattr(article, name, getattr(fields, name))
        if fields.canonical_url:
            article.canonical_url = fields.canonical_url
        if fields.analyzed:
            article.lang, article.summary = fields.lang, fields.summary
            self.replace_figures(article, fields.figures)
        elif article.lang is None:
            article.lang = fields.lang

    def replace_figures(self, article: Article, figures: Sequence[FigureFields]) -> None:
        article.figures = [
            KeyFigure(rank=i, sentence=f.sentence, **_figure_values(f))
            for i, f in enumerate(figures)
        ]

    def stored_keys(self, urls: Iterable[str], external_ids: Iterable[str]) -> set[str]:
        """Which of these canonical URLs and external ids are stored already."""
        found: set[str] = set()
        for column, keys in (
            (Article.canonical_url, set(urls)),
            (Article.external_id, set(external_ids)),
        ):
            if keys:
                found.update(
                    k for k in self.session.scalars(select(column).where(column.in_(keys))) if k
                )
        return found

    def delete(self, external_id: str) -> bool:
        result = self.session.execute(delete(Article).where(Article.external_id == external_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def recent(self, limit: int = 10, since: datetime | None = None) -> list[Article]:
        stmt = select(Article).order_by(
            Article.published_at.desc().nulls_last(), Article.ingested_at.desc()
        )
        if since is not None:
            stmt = stmt.where(Article.ingested_at >= since)
        return list(self.session.scalars(stmt.limit(limit)))

    def count(self) -> int:
        return self.session.scalar(select(func.count(Article.id))) or 0

    def counts_by(self, column: str) -> list[tuple[str | None, int]]:
        col = {"lang": Article.lang, "source": Article.source, "section": Article.section}[column]
        rows = self.session.execute(
            select(col, func.count(Article.id))
            .group_by(col)
            .order_by(func.count(Article.id).desc())
        )
        return [(key, n) for key, n in rows]

    def iter_all(self, batch_size: int = 500) -> Iterator[Article]:
        """Stream articles in id order without loading the whole table (reindex, exports)."""
        stmt = select(Article).order_by(Article.id).execution_options(yield_per=batch_size)
        yield from self.session.scalars(stmt)

    def batch_after(self, after_id: int, limit: int = 200) -> list[Article]:
        """The next `limit` articles by id after `after_id`, figures loaded.

        Keyset paging keeps each batch its own short transaction (reindex of a large
        table) and never skips or repeats a row when earlier batches were rewritten.
        """
        from sqlalchemy.orm import selectinload  # local: keeps this addition self-contained

        stmt = (
            select(Article)
            .where(Article.id > after_id)
            .order_by(Article.id)
            .limit(limit)
            .options(selectinload(Article.figures))
        )
        return list(self.session.scalars(stmt))

    def set_analysis(
        self,
        article: Article,
        *,
        lang: str | None,
        summary: str,
        figures: Sequence[FigureFields],
    ) -> bool:
        """Store recomputed language, summary and figures; True if anything changed.

        The article's text and `updated_at` stay as they are: only derived data moves.
        """
        old = [{k: getattr(f, k) for k in _FIGURE_KEYS} for f in article.figures]
        new = [_figure_values(f) for f in figures]
        changed = article.lang != lang or article.summary != summary or old != new
        if changed:
            article.lang, article.summary = lang, summary
            self.replace_figures(article, figures)
            self.session.flush()
        return changed


def _unchanged(article: Article, fields: ArticleFields) -> bool:
    """Nothing a re-import would change: every stored field, the URL and the analysis."""
    names = _META + (_ANALYSIS if fields.analyzed else ())
    return all(getattr(article, n) == getattr(fields, n) for n in names) and (
        not fields.canonical_url or article.canonical_url == fields.canonical_url
    )


def _fit(fields: ArticleFields) -> ArticleFields:
    """Cut values to the column sizes, so PostgreSQL keeps the rows SQLite would keep.

    A URL longer than its column is dropped rather than cut: a cut URL leads nowhere.
    """
    for name in ("external_id", "section", "source", "lang"):
        value, limit = getattr(fields, name), _column_length(name)
        if value is not None and len(value) > limit:
            setattr(fields, name, value[:limit])
    if fields.canonical_url and len(fields.canonical_url) > _column_length("canonical_url"):
        fields.canonical_url = None
    return fields


def _column_length(name: str, model: type[Base] = Article) -> int:
    column_type = model.__table__.c[name].type
    assert isinstance(column_type, String) and column_type.length
    return column_type.length


_FIGURE_KEYS = ("text", "value", "unit", "kind", "direction", "label", "from_value")


def _figure_values(fig: FigureFields) -> dict[str, object]:
    """A figure as stored: text and label cut to their columns, an empty label as None."""
    return {
        "text": fig.text[: _column_length("text", KeyFigure)],
        "value": fig.value,
        "unit": fig.unit,
        "kind": fig.kind,
        "direction": fig.direction,
        "label": fig.label[: _column_length("label", KeyFigure)] if fig.label else None,
        "from_value": fig.from_value,
    }


class _Existing:
    """Articles a batch may collide with, keyed the three ways an article is recognized.

    Matching order: canonical URL, then external id, then identical content. Content
    only counts when there is a body: german-news rows share titles like "Presseschau"
    but are different articles.
    """

    def __init__(self) -> None:
        self.by_url: dict[str, Article] = {}
        self.by_id: dict[str, Article] = {}
        self.by_hash: dict[str, Article] = {}

    @classmethod
    def load(cls, session: Session, batch: Sequence[ArticleFields]) -> _Existing:
        index = cls()
        urls = {f.canonical_url for f in batch if f.canonical_url}
        ids = {f.external_id for f in batch}
        hashes = {f.content_hash for f in batch if f.body.strip()}
        for column, keys in (
            (Article.canonical_url, urls),
            (Article.external_id, ids),
            (Article.content_hash, hashes),
        ):
            if keys:
                for article in session.scalars(select(Article).where(column.in_(keys))):
                    index.remember(article)
        return index

    def remember(self, article: Article) -> None:
        if article.canonical_url:
            self.by_url[article.canonical_url] = article
        self.by_id[article.external_id] = article
        if article.body.strip():
            self.by_hash.setdefault(article.content_hash, article)

    def find(self, fields: ArticleFields) -> tuple[Article | None, str | None]:
        if fields.canonical_url and (hit := self.by_url.get(fields.canonical_url)):
            return hit, "url"
        if hit := self.by_id.get(fields.external_id):
            return hit, "id"
        if fields.body.strip() and (hit := self.by_hash.get(fields.content_hash)):
            return hit, "content"
        return None, None
