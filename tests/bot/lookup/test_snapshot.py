"""Index snapshots shared by the processes of one machine (each Services here stands for
a process: the index registry is per engine)."""

from __future__ import annotations

import mmap
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, insert

from bot import lookup
from bot.config import Settings
from bot.lookup import embedder, live, snapshot
from bot.lookup.index import TermIndex
from bot.lookup.vectors import vector_index_for
from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository
from storage.models import SearchMeta
from storage.search_index import SearchIndexStore


@pytest.fixture
def processes(db_url: str, tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    """A snapshot writer (the `serve` main process) and a reader (an answer worker)."""
    writer = Services.from_settings(Settings(database_url=db_url))
    reader = Services.from_settings(Settings(database_url=db_url))
    with writer.engine.begin() as conn:  # the PostgreSQL fixture truncates migration 0002's row
        if SearchIndexStore(conn).instance_id() is None:
            conn.execute(insert(SearchMeta).values(key="instance", value=uuid.uuid4().hex))
    live.enable_snapshots(writer.engine, tmp_path / "cache", writer=True)
    live.enable_snapshots(reader.engine, tmp_path / "cache", writer=False)
    yield writer, reader
    writer.close()
    reader.close()


def _add(services: Services, ext: str, title: str) -> None:
    with services.session() as session:
        ArticleRepository(session).upsert(
            ArticleFields(external_id=ext, title=title, body="", content_hash=ext)
        )


def _titles(services: Services, query: str) -> list[str]:
    with services.session() as session:
        return [hit.article.title for hit in lookup.search(session, query).hits]


def _mapped(array: object) -> bool:
    while array is not None and not isinstance(array, mmap.mmap):
        array = getattr(array, "base", None)
    return array is not None


def _generations(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("search-index-*/gen-*"))


def test_worker_maps_the_snapshot_and_replays_only_what_changed_since(
    processes: tuple[Services, Services], tmp_path: Path
) -> None:
    writer, reader = processes
    _add(writer, "a1", "Lawinengefahr in Tirol")
    _add(writer, "a2", "Murenabgang im Zillertal")
    lookup.warm_up(writer.engine)  # built once, in a child process, and mapped back
    (generation,) = _generations(tmp_path)
    _add(writer, "a3", "Lawinenwarnung Vorarlberg")

    assert _titles(reader, "lawinen") == ["Lawinenwarnung Vorarlberg", "Lawinengefahr in Tirol"]
    index = live.live_index_for(reader.engine)
    assert index.generation == generation.name
    assert _mapped(index.index.postings.post_docs)  # shared pages, not a private copy
    assert _generations(tmp_path) == [generation]  # the reader never writes one


def test_worker_switches_to_the_newer_snapshot_the_writer_wrote(
    processes: tuple[Services, Services], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, reader = processes
    _add(writer, "a1", "Hochwasser an der Donau")
    lookup.warm_up(writer.engine)
    lookup.warm_up(reader.engine)
    monkeypatch.setattr(live, "SNAPSHOT_AFTER_CHANGES", 2)
    _add(writer, "a2", "Hochwasser am Inn")
    _add(writer, "a3", "Hochwasser an der Salzach")
    assert len(_titles(writer, "hochwasser")) == 3  # replays both, then has one written
    thread = live.live_index_for(writer.engine).writer_thread
    assert thread is not None
    thread.join()
    newest = _generations(tmp_path)[-1].name
    assert len(_generations(tmp_path)) == 2  # the previous one stays for processes opening it

    live.live_index_for(reader.engine)._last_bounds = 0  # as if seconds had passed
    assert len(_titles(reader, "hochwasser")) == 3
    assert live.live_index_for(reader.engine).generation == newest


class _RowNumbers:
    """A component with one value per slot, as an embedding matrix would have."""

    def __init__(self) -> None:
        self.loaded: list[tuple[int, dict[str, object]]] = []

    def dump(self, engine: Engine, index: TermIndex) -> snapshot.Part | None:
        return snapshot.Part({"doubled": index.docs.article_of * 2}, {"version": 1})

    def load(self, engine: Engine, index: TermIndex, part: snapshot.Part | None) -> None:
        assert part is not None
        assert np.array_equal(part.arrays["doubled"], index.docs.article_of * 2)
        self.loaded.append((len(part.arrays["doubled"]), part.meta))


def test_a_component_registers_its_arrays_in_the_snapshot(
    processes: tuple[Services, Services], monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, reader = processes
    component = _RowNumbers()
    monkeypatch.setitem(snapshot._PROVIDERS, "row-numbers", component)
    _add(writer, "a1", "Gemeinderat tagt")
    live.live_index_for(writer.engine).writes_snapshots = True
    with writer.engine.connect() as conn:  # in-process build, so the registration counts
        store = SearchIndexStore(conn)
        index = live.live_index_for(writer.engine)
        index.build_from_table(store, store.log_bounds())
        index._save_snapshot(store, writer.engine, wait=False)
    lookup.warm_up(reader.engine)
    assert component.loaded[-1] == (1, {"version": 1})


def test_workers_map_the_article_vectors_from_the_snapshot_and_read_only_newer_ones(
    db_url: str, tmp_path: Path
) -> None:
    writer, reader = (Services.from_settings(Settings(database_url=db_url, embedding_model="use"))
                      for _ in range(2))  # fmt: skip
    with writer.engine.begin() as conn:
        if SearchIndexStore(conn).instance_id() is None:
            conn.execute(insert(SearchMeta).values(key="instance", value=uuid.uuid4().hex))
    live.enable_snapshots(writer.engine, tmp_path / "cache", writer=True)
    live.enable_snapshots(reader.engine, tmp_path / "cache", writer=False)
    try:
        _add(writer, "a1", "Lawinengefahr in Tirol")
        _add(writer, "a2", "Netflix setzt bei El Eternauta auf KI")
        embedder.embed_pending(writer.engine, "use")
        lookup.warm_up(writer.engine)  # the child writes the vectors into the generation
        _add(writer, "a3", "Murenabgang im Zillertal")
        embedder.embed_pending(writer.engine, "use")

        with reader.session() as session:
            hits = lookup.search(session, "which series used artificial intelligence").hits
            assert hits[0].article.external_id == "a2"
        vectors = vector_index_for(reader.engine, "use")
        vectors._last_check = 0.0  # as if seconds had passed: the count is checked too
        vectors.refresh(reader.engine)
        assert vectors._base is not None and _mapped(vectors._base.matrix)  # shared pages
        assert len(vectors._base.ids) == 2 and len(vectors) == 3  # a3 read from the table
    finally:
        writer.close()
        reader.close()
