"""The trigger-fed change log that keeps the lookup index in step with the articles."""

from __future__ import annotations

from datetime import timedelta

from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository
from storage.models import utcnow
from storage.search_index import SearchIndexStore


def _fields(ext: str, title: str) -> ArticleFields:
    return ArticleFields(external_id=ext, title=title, body="Text.", content_hash=title)


def test_insert_update_delete_are_logged_by_the_database(services: Services) -> None:
    with services.session() as session:
        repo = ArticleRepository(session)
        first, _ = repo.upsert(_fields("a", "Erster Titel"))
        second, _ = repo.upsert(_fields("b", "Zweiter Titel"))
        ids = first.id, second.id
    with services.session() as session:
        ArticleRepository(session).upsert(_fields("a", "Geänderter Titel"))
        ArticleRepository(session).delete("b")
    with services.engine.connect() as conn:
        store = SearchIndexStore(conn)
        changes = store.changes_after(0)
        assert [article_id for _, article_id in changes] == [ids[0], ids[1], ids[0], ids[1]]
        assert [row.title for row in store.rows(list(ids))] == ["Geänderter Titel"]
        assert store.changes_after(changes[-1][0]) == []
        assert store.changes_after(changes[-1][0], also=[changes[0][0]]) == [changes[0]]


def test_rows_stream_in_id_order_across_batches(services: Services) -> None:
    with services.session() as session:
        repo = ArticleRepository(session)
        for i in range(7):
            repo.upsert(_fields(f"x{i}", f"Titel {i}"))
    with services.engine.connect() as conn:
        rows = list(SearchIndexStore(conn).iter_rows(batch_size=3))
    assert [r.title for r in rows] == [f"Titel {i}" for i in range(7)]
    assert all(r.ingested_at.tzinfo is not None for r in rows)


def test_prune_drops_old_log_rows_but_keeps_the_newest(services: Services) -> None:
    with services.session() as session:
        ArticleRepository(session).upsert(_fields("p", "Prune"))
        ArticleRepository(session).upsert(_fields("q", "Prune too"))
    with services.engine.connect() as conn:
        store = SearchIndexStore(conn)
        newest = store.log_bounds().high
        assert store.prune(utcnow() - timedelta(days=1)) == 0
        assert store.prune(utcnow() + timedelta(minutes=1)) == 1
        conn.commit()
        assert store.log_bounds().high == newest  # how a late reader learns it fell behind
