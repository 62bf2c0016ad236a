"""The in-memory index on its own: compaction must not change what is found."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.lookup.index import TermIndex
from storage.search_index import IndexRow

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def _row(article_id: int, title: str, body: str = "") -> IndexRow:
    return IndexRow(article_id, title, "", body, [], None, None, "de", WHEN, WHEN)


def _found(index: TermIndex, word: str) -> set[int]:
    scores = index.term_scores(index.expand(word)) * index.docs.alive[: index.n_slots]
    return {int(index.docs.article_of[slot]) for slot in scores.nonzero()[0]}


def test_updates_and_deletes_survive_compaction() -> None:
    index = TermIndex.build([_row(i, f"Meldung {i}", "Wetter") for i in range(1, 6)])
    index.upsert(_row(2, "Lawinengefahr in Tirol"))
    index.upsert(_row(7, "Lawinenwarnung Vorarlberg"))
    assert index.remove(3)
    before = {w: _found(index, w) for w in ("wetter", "lawinen", "tirol", "meldung")}
    index.compact()
    after = {w: _found(index, w) for w in ("wetter", "lawinen", "tirol", "meldung")}
    assert before == after
    assert after["wetter"] == {1, 4, 5}
    assert after["lawinen"] == {2, 7}
    assert index.n_slots == index.live_count == 5


def test_words_of_fresh_articles_are_matched_before_any_rebuild() -> None:
    index = TermIndex.build([_row(1, "Gemeinderat tagt")])
    index.expand("gemeinderat")  # snapshot of the vocabulary taken here
    index.upsert(_row(2, "Murenabgang im Zillertal"))
    assert _found(index, "zillertl") == {2}  # typo, word only in the fresh tail
    assert _found(index, "murenab") == {2}  # prefix
