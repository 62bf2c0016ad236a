"""article_vectors on SQLite and PostgreSQL: the worklist, upserts, streaming, cascades."""

from __future__ import annotations

import hashlib

import numpy as np
from sqlalchemy import delete, func, select

from bot.services import Services
from storage import migrate
from storage import vectors as store
from storage.articles import ArticleFields, ArticleRepository
from storage.models import Article, ArticleVector

MODEL = "test-model"


def add(services: Services, key: str, body: str = "") -> tuple[int, str]:
    body = body or f"Text zu {key}."
    digest = hashlib.sha256(body.encode()).hexdigest()
    with services.session() as session:
        article, _ = ArticleRepository(session).upsert(
            ArticleFields(external_id=key, title=f"Titel {key}", body=body, content_hash=digest)
        )
        session.flush()
        return article.id, digest


def vector(seed: int, dim: int = 4) -> bytes:
    return np.full(dim, seed, dtype="<f4").tobytes()


def save(services: Services, rows: list[tuple[int, str]], seed: int = 1) -> int:
    with services.session() as session:
        records = [store.VectorRow(i, vector(seed + i), h) for i, h in rows]
        return store.save(session, MODEL, records, 4)


def test_worklist_is_articles_without_a_current_vector_oldest_first(services: Services) -> None:
    rows = [add(services, f"a{n}") for n in range(4)]
    ids = [i for i, _ in rows]
    with services.session() as session:
        assert store.missing_ids(session, MODEL, 10) == ids
        assert store.missing_ids(session, MODEL, 2, newest_first=True) == ids[:1:-1]
    assert save(services, rows[:2]) == 2
    with services.session() as session:
        assert store.missing_ids(session, MODEL, 10) == ids[2:]
        assert store.missing_ids(session, "other-model", 10) == ids
        assert store.missing_count(session, MODEL) == 2 and store.count(session, MODEL) == 2
    add(services, "a0", body="Neuer Text nach einer Korrektur.")  # re-import changes it
    with services.session() as session:
        assert store.missing_ids(session, MODEL, 10) == [ids[0], *ids[2:]]


def test_saving_again_replaces_the_vector_instead_of_adding_a_row(services: Services) -> None:
    rows = [add(services, "a"), add(services, "b")]
    save(services, rows, seed=1)
    assert save(services, rows, seed=100) == 2
    with services.session() as session:
        assert session.scalar(select(func.count()).select_from(ArticleVector)) == 2
    with services.engine.connect() as conn:
        ids, matrix = store.load_since(conn, MODEL, 0)
    assert ids.tolist() == [i for i, _ in rows]
    assert matrix[:, 0].tolist() == [100.0 + i for i, _ in rows]


def test_loader_streams_vectors_in_id_order_after_a_given_id(services: Services) -> None:
    rows = [add(services, f"a{n}") for n in range(5)]
    save(services, rows[::-1])
    with services.engine.connect() as conn:
        ids, matrix = store.load_since(conn, MODEL, rows[1][0])
        empty_ids, empty = store.load_since(conn, "other-model", 0)
    assert ids.dtype == np.int64 and matrix.dtype == np.float32 and matrix.shape == (3, 4)
    assert ids.tolist() == [i for i, _ in rows[2:]]
    assert matrix[:, 3].tolist() == [1.0 + i for i, _ in rows[2:]]
    assert len(empty_ids) == 0 and empty.size == 0


def test_a_deleted_article_takes_its_vectors_along(services: Services) -> None:
    rows = [add(services, "a"), add(services, "b")]
    save(services, rows)
    with services.session() as session:
        session.execute(delete(Article).where(Article.id == rows[0][0]))
    with services.session() as session:
        assert store.count(session, MODEL) == 1
        # a vector for an article deleted while it was being encoded is dropped, not an error
        assert store.save(session, MODEL, [store.VectorRow(rows[0][0], vector(1), "h")], 4) == 0


def test_migrations_have_one_head_and_the_database_is_at_it(services: Services) -> None:
    assert migrate.head_revisions(services.engine) == {"0008_vectors"}
    assert migrate.is_up_to_date(services.engine)
