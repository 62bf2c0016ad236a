"""Article repository: every query the domain needs against articles and key figures."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.models import Article, KeyFigure, utcnow

UpsertOutcome = Literal["added", "updated", "unchanged"]


@dataclass
class FigureFields:
    text: str
    value: float | None
    unit: str | None
    kind: str
    direction: str | None = None
    label: str | None = None
    sentence: str = ""


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


_COPIED = (
    "title", "teaser", "body", "lang", "section", "source", "tags", "authors",
    "published_at", "content_hash", "summary",
)  # fmt: skip


class ArticleRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, article_id: int) -> Article | None:
        return self.session.get(Article, article_id)

    def by_external_id(self, external_id: str) -> Article | None:
        return self.session.scalar(select(Article).where(Article.external_id == external_id))

    def by_url(self, canonical_url: str) -> Article | None:
        return self.session.scalar(select(Article).where(Article.canonical_url == canonical_url))

    def find_existing(self, fields: ArticleFields) -> Article | None:
        """Same article by canonical URL, then by external id, then by identical content.

        Content matches only count when there is a body: german-news rows share titles
        like "Presseschau" but are different articles.
        """
        if fields.canonical_url and (hit := self.by_url(fields.canonical_url)):
            return hit
        if hit := self.by_external_id(fields.external_id):
            return hit
        if fields.body.strip():
            return self.session.scalar(
                select(Article).where(Article.content_hash == fields.content_hash).limit(1)
            )
        return None

    def upsert(self, fields: ArticleFields) -> tuple[Article, UpsertOutcome]:
        existing = self.find_existing(fields)
        if existing is None:
            article = Article(external_id=fields.external_id, canonical_url=fields.canonical_url)
            self._copy(article, fields)
            self.session.add(article)
            self.session.flush()
            return article, "added"
        if existing.content_hash == fields.content_hash and _same_meta(existing, fields):
            return existing, "unchanged"
        if fields.canonical_url and not existing.canonical_url:
            existing.canonical_url = fields.canonical_url
        self._copy(existing, fields)
        existing.updated_at = utcnow()
        self.session.flush()
        return existing, "updated"

    def _copy(self, article: Article, fields: ArticleFields) -> None:
        for name in _COPIED:
            setattr(article, name, getattr(fields, name))
        self.replace_figures(article, fields.figures)

    def replace_figures(self, article: Article, figures: Sequence[FigureFields]) -> None:
        article.figures = [
            KeyFigure(
                rank=i,
                text=f.text[:300],
                value=f.value,
                unit=f.unit,
                kind=f.kind,
                direction=f.direction,
                label=(f.label or None) and f.label[:200],
                sentence=f.sentence,
            )
            for i, f in enumerate(figures)
        ]

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
        old = [(f.text, f.value, f.unit, f.kind, f.direction, f.label) for f in article.figures]
        new = [
            (
                f.text[:300],
                f.value,
                f.unit,
                f.kind,
                f.direction,
                (f.label or None) and f.label[:200],
            )
            for f in figures
        ]
        changed = article.lang != lang or article.summary != summary or old != new
        if changed:
            article.lang, article.summary = lang, summary
            self.replace_figures(article, figures)
            self.session.flush()
        return changed


def _same_meta(article: Article, fields: ArticleFields) -> bool:
    return (
        article.title == fields.title
        and article.teaser == fields.teaser
        and article.published_at == fields.published_at
        and list(article.tags or []) == fields.tags
        and article.section == fields.section
    )
