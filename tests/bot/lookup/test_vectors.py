"""Meaning search's moving parts on SQLite and PostgreSQL: the embedder (resumable,
idempotent, a scheduler pass step) and the in-memory vector index staying in step."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt
import pytest
from sqlalchemy import delete, func, select, update

from bot.config import Settings
from bot.lookup import embedder
from bot.lookup.embeddings import Encoder, encoder_for
from bot.lookup.vectors import VectorIndex, vector_index_for
from bot.services import Services
from bot.slack.digest_post import make_scheduler
from storage import vectors as store
from storage.articles import ArticleFields, ArticleRepository
from storage.models import Article, ArticleVector, utcnow

ARTICLES = {
    "rail": ("Bahnstreik legt den Fernverkehr lahm", "Die Gewerkschaft ruft zum Streik auf."),
    "netflix": ("Netflix uses AI for El Eternauta", "Generative AI made the visual effects."),
    "budget": ("Parliament passes the budget", "Lawmakers approved spending for next year."),
}


def add(services: Services, key: str, title: str = "", teaser: str = "") -> int:
    title, teaser = (title, teaser) if title else ARTICLES[key]
    digest = hashlib.sha256(f"{title}|{teaser}".encode()).hexdigest()
    with services.session() as session:
        article, _ = ArticleRepository(session).upsert(
            ArticleFields(external_id=key, title=title, teaser=teaser, body=teaser,
                          content_hash=digest)
        )  # fmt: skip
        session.flush()
        return article.id


def stored_rows(services: Services) -> int:
    with services.session() as session:
        return int(session.scalar(select(func.count()).select_from(ArticleVector)) or 0)


class StopsAfter:
    """The real encoder, interrupted (as by Ctrl-C or a kill) after ``calls`` batches."""

    def __init__(self, encoder: Encoder, calls: int) -> None:
        self.name, self.dim, self._encoder, self._left = encoder.name, encoder.dim, encoder, calls

    def queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return self._encoder.queries(texts)

    def passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if self._left == 0:
            raise KeyboardInterrupt
        self._left -= 1
        return self._encoder.passages(texts)


def test_an_interrupted_embed_continues_where_it_stopped_without_duplicates(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ARTICLES:
        add(services, key)
    real = encoder_for("use")
    monkeypatch.setattr(embedder, "encoder_for", lambda model: StopsAfter(real, calls=1))
    with pytest.raises(KeyboardInterrupt):
        embedder.embed_pending(services.engine, "use", batch=2)
    assert stored_rows(services) == 2  # the finished batch was kept
    monkeypatch.undo()
    assert embedder.embed_pending(services.engine, "use", batch=2) == 1
    assert embedder.embed_pending(services.engine, "use", batch=2) == 0
    assert stored_rows(services) == 3


def test_a_scheduler_pass_embeds_a_newly_ingested_article(services: Services) -> None:
    services.settings = Settings(
        database_url=services.settings.database_url, embed_per_pass=2, embedding_model="use"
    )
    scheduler = make_scheduler(services)
    for key in ARTICLES:
        add(services, key)
    assert scheduler.run_pending().jobs["embeddings"].embedded == 2  # bounded, newest first
    with services.session() as session:
        assert store.missing_ids(session, "use-multilingual-v3/p2", 10) == [1]
    latest = add(services, "late", "Streik bei der Bahn geht weiter", "Auch morgen.")
    report = scheduler.run_pending(datetime.now())
    assert report.jobs["embeddings"].embedded == 2 and stored_rows(services) == 4
    with services.engine.connect() as conn:
        assert latest in store.load_since(conn, "use-multilingual-v3/p2", 0).ids.tolist()


def test_a_german_question_finds_the_english_article_by_meaning(services: Services) -> None:
    ids = {key: add(services, key) for key in ARTICLES}
    embedder.embed_pending(services.engine, "use")
    index = vector_index_for(services.engine, "use")
    index.refresh(services.engine)
    question = encoder_for("use").queries(["Welche Serie hat Effekte mit künstlicher Intelligenz?"])
    assert index.nearest(question[0], 1)[0][0] == ids["netflix"]


def unit(*values: float) -> npt.NDArray[np.float32]:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def put(services: Services, article_id: int, v: npt.NDArray[np.float32]) -> None:
    with services.session() as session:
        digest = session.scalar(select(Article.content_hash).where(Article.id == article_id))
        row = store.VectorRow(article_id, v.astype("<f4").tobytes(), digest or "")
        store.save(session, "e5-small-q4/p2", [row], len(v))


def test_index_refresh_picks_up_new_and_rewritten_rows_and_allowed_restricts(
    services: Services,
) -> None:
    a, b, c = (add(services, key) for key in ARTICLES)
    put(services, a, unit(1, 0, 0))
    put(services, b, unit(0, 1, 0))
    index = VectorIndex("e5")
    index.refresh(services.engine)
    assert len(index) == 2 and index.nearest(unit(1, 0.1, 0), 5)[0][0] == a
    put(services, c, unit(1, 0.2, 0))
    index.refresh(services.engine)  # new article ids: at the next refresh
    assert [i for i, _ in index.nearest(unit(1, 0, 0), 5)] == [a, c, b]
    assert [i for i, _ in index.nearest(unit(1, 0, 0), 5, allowed=[b, c, 999])] == [c, b]
    assert index.nearest(unit(1, 0, 0), 1, allowed=np.array([], np.int64)) == []
    put(services, a, unit(0, 0, 1))  # re-encoded after its text changed
    index._last_check = 0.0  # as if CHECK_EVERY_S had passed
    index.refresh(services.engine)
    ids, scores = index.scores(unit(0, 0, 1))
    assert dict(zip(ids.tolist(), scores.tolist(), strict=True))[a] == pytest.approx(1.0)
    with services.session() as session:
        session.execute(delete(Article).where(Article.id == b))
    index._last_check = 0.0
    index.refresh(services.engine)
    assert len(index) == 2 and b not in index.scores(unit(1, 0, 0))[0].tolist()


def test_allowed_gives_the_same_answer_for_a_few_ids_as_for_most() -> None:
    index = VectorIndex("e5")
    rng = np.random.default_rng(13)
    matrix = rng.normal(size=(40, 8)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    index._put(store.Loaded(np.arange(100, 140, dtype=np.int64), matrix))  # as refresh would
    query = matrix[7]
    few = [107, 120, 131]  # looked up by id
    most = [i for i in range(100, 140) if i != 101]  # one product and a mask
    assert index.nearest(query, 2, allowed=few)[0][0] == 107
    best_few = index.nearest(query, 3, allowed=few)
    best_most = [hit for hit in index.nearest(query, 40, allowed=most) if hit[0] in few]
    assert best_few == best_most


def test_vectors_adopted_from_a_snapshot_give_way_to_rows_written_since(
    services: Services,
) -> None:
    a, b, c = (add(services, key) for key in ARTICLES)
    mapped = np.stack([unit(1, 0, 0), unit(0, 1, 0)])
    put(services, a, mapped[0])
    put(services, b, mapped[1])
    with services.session() as session:  # written an hour before the snapshot
        session.execute(update(ArticleVector).values(created_at=utcnow() - timedelta(hours=1)))
    mapped.flags.writeable = False  # as np.load(mmap_mode="r") hands it over
    index = VectorIndex("e5")
    index.adopt(np.array([a, b], np.int64), mapped, utcnow() - timedelta(minutes=1))
    put(services, b, unit(0, 0, 1))  # re-encoded after the snapshot was written
    put(services, c, unit(1, 0.2, 0))  # new since the snapshot
    index.refresh(services.engine)
    ids, scores = index.scores(unit(0, 0, 1))
    assert sorted(ids.tolist()) == [a, b, c] and len(index) == 3  # b once, its new row
    assert dict(zip(ids.tolist(), scores.tolist(), strict=True))[b] == pytest.approx(1.0)
    assert [i for i, _ in index.nearest(unit(1, 0, 0), 2, allowed=[a, c])] == [a, c]
    assert index._base is not None and index._base.matrix is mapped  # never copied
    assert index._base.live.tolist() == [True, False]  # a still answered from the mapping
