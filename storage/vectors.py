"""Article vectors (migration 0008_vectors): the embedder's worklist, its writes, and the
fast read the in-memory vector index starts from.

The worklist is a query, not a queue: an article needs a vector when it has none for the
model or its content changed since (``content_hash`` differs). So an embedder killed
half-way continues where it stopped, and two of them (two replicas) write the same row
at worst twice, never two rows: ``save`` is an upsert on (article, model).

``load_since`` streams in article-id order through a server-side cursor (``yield_per``)
and turns each chunk of rows into one numpy block; the caller never holds row objects
for the whole table. Measured: see ``bot/lookup/vectors.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, Select, and_, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import Article, ArticleVector, utcnow

Reader = Session | Connection
_CHUNK = 2000  # rows per fetch and per numpy block while loading (~4 MB at 512 dim)


class VectorRow(NamedTuple):
    """One vector to store: float32 little-endian bytes, and the content it was made of."""

    article_id: int
    vector: bytes
    content_hash: str


class PassageRow(NamedTuple):
    """The columns an embedder reads of an article (``bot.lookup.embeddings`` uses them)."""

    id: int
    title: str
    teaser: str | None
    summary: str | None
    body: str | None
    content_hash: str


def _needs_vector(model: str) -> Select[Any]:
    """Articles without a current vector for ``model``."""
    join = and_(ArticleVector.article_id == Article.id, ArticleVector.model == model)
    stale = or_(
        ArticleVector.article_id.is_(None), ArticleVector.content_hash != Article.content_hash
    )
    return select(Article.id).outerjoin(ArticleVector, join).where(stale)


def missing_ids(
    session: Reader, model: str, limit: int, *, after_id: int = 0, newest_first: bool = False
) -> list[int]:
    """Up to ``limit`` ids of articles needing a vector: oldest first after ``after_id``
    (the resumable worklist), or the newest first (what a running bot embeds next)."""
    stmt = _needs_vector(model)
    if newest_first:
        stmt = stmt.order_by(Article.id.desc())
    else:
        stmt = stmt.where(Article.id > after_id).order_by(Article.id)
    return list(session.scalars(stmt.limit(limit)))


def missing_count(session: Reader, model: str) -> int:
    stmt = select(func.count()).select_from(_needs_vector(model).subquery())
    return int(session.scalar(stmt) or 0)


def passages(session: Reader, article_ids: Sequence[int]) -> list[PassageRow]:
    """The embedder's input for these articles, in id order; deleted ones are absent."""
    stmt = (
        select(Article.id, Article.title, Article.teaser, Article.summary, Article.body,
               Article.content_hash)
        .where(Article.id.in_(list(article_ids)))
        .order_by(Article.id)
    )  # fmt: skip
    return [PassageRow._make(row) for row in session.execute(stmt)]


def save(session: Session, model: str, rows: Iterable[VectorRow], dim: int) -> int:
    """Insert or replace the vectors of these articles for ``model``; rows whose article
    was deleted meanwhile are dropped. Returns how many were written."""
    rows = list(rows)
    if not rows:
        return 0
    existing = set(session.scalars(select(Article.id).where(Article.id.in_([r[0] for r in rows]))))
    now = utcnow()
    values = [
        {"article_id": r.article_id, "model": model, "dim": dim, "vector": r.vector,
         "content_hash": r.content_hash, "created_at": now}
        for r in rows if r.article_id in existing
    ]  # fmt: skip
    if not values:
        return 0
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(ArticleVector)
    keep = ("dim", "vector", "content_hash", "created_at")
    stmt = stmt.on_conflict_do_update(
        index_elements=["model", "article_id"], set_={c: stmt.excluded[c] for c in keep}
    )
    session.execute(stmt, values)
    return len(values)


def count(session: Reader, model: str) -> int:
    stmt = select(func.count()).select_from(ArticleVector).where(ArticleVector.model == model)
    return int(session.scalar(stmt) or 0)


class Loaded(NamedTuple):
    """Vectors read for the index: ids (int64) and their rows of a float32 matrix."""

    ids: npt.NDArray[np.int64]
    matrix: npt.NDArray[np.float32]


def load_since(connection: Connection, model: str, after_article_id: int) -> Loaded:
    """Every vector of ``model`` for article ids above ``after_article_id``, in id order."""
    stmt = (
        select(ArticleVector.article_id, ArticleVector.vector)
        .where(ArticleVector.model == model, ArticleVector.article_id > after_article_id)
        .order_by(ArticleVector.article_id)
    )
    return _stream(connection, stmt)


def load_written_since(connection: Connection, model: str, since: datetime) -> Loaded:
    """Vectors of ``model`` written after ``since`` (new or re-encoded), in id order."""
    stmt = (
        select(ArticleVector.article_id, ArticleVector.vector)
        .where(ArticleVector.model == model, ArticleVector.created_at > since)
        .order_by(ArticleVector.article_id)
    )
    return _stream(connection, stmt)


def _stream(connection: Connection, stmt: Select[int, bytes]) -> Loaded:
    ids: list[npt.NDArray[np.int64]] = []
    blocks: list[npt.NDArray[np.float32]] = []
    result = connection.execution_options(yield_per=_CHUNK).execute(stmt)
    for chunk in result.partitions():
        ids.append(np.fromiter((row[0] for row in chunk), dtype=np.int64, count=len(chunk)))
        data = b"".join(row[1] for row in chunk)
        blocks.append(np.frombuffer(data, dtype="<f4").reshape(len(chunk), -1))
    if not blocks:
        return Loaded(np.zeros(0, np.int64), np.zeros((0, 0), np.float32))
    matrix = blocks[0] if len(blocks) == 1 else np.concatenate(blocks)
    return Loaded(np.concatenate(ids), matrix.astype(np.float32, copy=False))
