"""Meaning search beside the words: the question's vector against the stored article vectors.

Words cannot bridge languages ("water shortage" never matches "Wassermangel") nor
paraphrases; a multilingual sentence encoder does, and the word index stays the judge of
names, typos and filters. The two rankings are fused by weighted reciprocal rank
(``fuse``), so neither score scale has to be calibrated against the other; the weights
and the measurements behind them are in docs/lookup.md and docs/benchmarks.md.

A process turns meaning search on for a database with ``attach(engine, model)`` (the
services do, from the ``NEWSROOM_EMBEDDING_MODEL`` setting); an article not embedded yet
is still found by its words.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from sqlalchemy import Engine

from bot.lookup.embeddings import encoder_for
from bot.lookup.vectors import vector_index_for

# Reciprocal-rank fusion: score = Σ weight / (K + rank). K = 60 as in Cormack et al.;
# the meaning list weighs as much as the word list (tuned on the dev set only).
RRF_K = 60.0
W_WORDS, W_MEANING = 1.0, 1.0
DEPTH = 100  # how far down each list counts
SIMILAR = "similar meaning"

_models: dict[str, str] = {}
_lock = threading.Lock()


def attach(engine: Engine, model: str) -> None:
    """Search over ``engine`` also by meaning, with ``model`` ("use", "e5"; "off" = no)."""
    with _lock:
        if model == "off":
            _models.pop(_key(engine), None)
        else:
            _models[_key(engine)] = model


def model_for(engine: Engine) -> str | None:
    return _models.get(_key(engine))


def _key(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def nearest(
    engine: Engine, model: str, text: str, allowed: npt.NDArray[np.int64] | None
) -> list[tuple[int, float]]:
    """Article ids closest in meaning to ``text`` (best first), among ``allowed``."""
    index = vector_index_for(engine, model)
    index.refresh(engine)
    if not len(index):
        return []
    query = encoder_for(model).queries([text])[0]
    return index.nearest(query, DEPTH, allowed)


def fuse(words: Sequence[int], meaning: Sequence[int]) -> list[tuple[int, float]]:
    """Weighted reciprocal-rank fusion of two rankings of the same kind of key, best
    first; ties keep the word order."""
    score: dict[int, float] = {}
    for rank, key in enumerate(words[:DEPTH], start=1):
        score[key] = W_WORDS / (RRF_K + rank)
    for rank, key in enumerate(meaning[:DEPTH], start=1):
        score[key] = score.get(key, 0.0) + W_MEANING / (RRF_K + rank)
    order = {key: i for i, key in enumerate([*words, *meaning])}
    return sorted(score.items(), key=lambda kv: (-kv[1], order[kv[0]]))
