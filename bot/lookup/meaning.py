"""Meaning search beside the words: the question's vector against the stored article vectors.

Words cannot bridge languages ("water shortage" never meets "Wassermangel") nor
paraphrases; a multilingual sentence encoder does, and the word index stays the judge of
names, typos and filters. ``fuse`` adds the two evidences per article:

    score = trust * word score + W_MEANING * (1 - trust) * z(cosine)

``z`` is the cosine standardised over the articles the filters allow (so each model's own
scale does not matter; with ``use+e5`` the two z are averaged), and ``trust`` rises from
0 to 1 as the best word hit's score goes from GATE_LOW to GATE_HIGH: a German question
about an English article matches German articles on a word or two (best word score
0.55-0.65), noise there, while a name or a whole phrase (0.75 and up) is right almost
every time, and then meaning only breaks ties.

Measured on the 165 dev questions (docs/benchmarks.md): words alone 0.667 top-1; plain
reciprocal-rank fusion 0.588 (a weak meaning list overruled exact names); a fixed linear
mix 0.745; this gate 0.818 with USE, 0.842 with use+e5 (cross-lingual 0.694 / 0.758);
the typo'd keyword set stays at 0.95 (words alone 0.955). The plateau around the
constants is flat (0.81-0.84 for gates 0.55-0.65 to 0.8-1.0, W_MEANING 0.04-0.08).

A process turns meaning search on for an engine with ``attach(engine, model)`` (the
services do, from the ``NEWSROOM_EMBEDDING_MODEL`` setting); an article not embedded yet
is still found by its words.
"""

from __future__ import annotations

import functools
import logging
import threading
import weakref
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Engine

from bot.config import ConfigError
from bot.lookup import snapshot
from bot.lookup.embeddings import encoder_for, models_of, storage_name
from bot.lookup.index import TermIndex
from bot.lookup.vectors import WRITE_OVERLAP, vector_index_for
from storage import vectors as store
from storage.models import utcnow

# Word confidence rises linearly from nothing at GATE_LOW to full at GATE_HIGH (the
# rerank score of the best word hit, see bot.lookup.service._rerank).
GATE_LOW, GATE_HIGH = 0.6, 0.9
W_MEANING = 0.06  # per standard deviation of cosine above the mean
DEPTH = 100  # nearest articles by meaning that join the word shortlist
SIMILAR = "similar meaning"
_NOTHING = (np.zeros(0, np.int64), np.zeros(0, np.float32))  # no article by meaning
log = logging.getLogger(__name__)

# Per engine object, not per URL: two services over one database may differ (the
# evaluation runs words-only and fused side by side).
_models: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def attach(engine: Engine, model: str) -> None:
    """Search over ``engine`` also by meaning, with ``model`` ("use", "e5"; "off" = no)."""
    with _lock:
        if model == "off":
            _models.pop(engine, None)
        else:
            _models[engine] = model


def model_for(engine: Engine) -> str | None:
    return _models.get(engine)


def similarity(
    engine: Engine, model: str, text: str, allowed: npt.NDArray[np.int64] | None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Allowed article ids (None: all) that have a vector, and their standardised cosine
    with ``text``; with several models (``use+e5``) the mean of each model's."""
    parts = [_standardised(engine, name, text, allowed) for name in models_of(model)]
    parts = [part for part in parts if len(part[0])]
    if len(parts) < 2:
        return parts[0] if parts else _NOTHING
    if all(np.array_equal(parts[0][0], ids) for ids, _ in parts[1:]):  # the usual case
        return parts[0][0], np.mean([z for _, z in parts], axis=0).astype(np.float32)
    ids, where = np.unique(np.concatenate([ids for ids, _ in parts]), return_inverse=True)
    total = np.bincount(where, weights=np.concatenate([z for _, z in parts]))
    count = np.bincount(where)
    return ids, (total / count).astype(np.float32)


def _standardised(
    engine: Engine, model: str, text: str, allowed: npt.NDArray[np.int64] | None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    index = vector_index_for(engine, model)
    index.refresh(engine)
    if not len(index) or (allowed is not None and not len(allowed)):
        return _NOTHING
    try:
        encoder = encoder_for(model)
    except ConfigError as exc:  # a broken install: answer by words, say so once
        _warn_once(f"meaning search is off for now: {exc}")
        return _NOTHING
    query = encoder.queries([text])[0]
    ids, cosines = index.scores(query) if allowed is None else index.cosines(query, allowed)
    if len(cosines) < 2:
        return ids, np.zeros(len(ids), np.float32)
    spread = float(cosines.std()) or 1.0
    return ids, ((cosines - float(cosines.mean())) / spread).astype(np.float32)


@functools.cache
def _warn_once(message: str) -> None:
    log.warning(message)


def confidence(best_word_score: float) -> float:
    """How far the word ranking is trusted, from its best hit's score (0 to 1)."""
    return min(1.0, max(0.0, (best_word_score - GATE_LOW) / (GATE_HIGH - GATE_LOW)))


def fuse(
    words: Sequence[tuple[int, float]], meaning: Mapping[int, float]
) -> list[tuple[int, float]]:
    """Word hits (key, score; best first) and every allowed key's standardised cosine,
    as one ranking, best first: the word shortlist plus the ``DEPTH`` nearest by meaning.
    Ties keep the word order."""
    trust = confidence(words[0][1]) if words else 0.0
    nearest = sorted(meaning, key=lambda key: -meaning[key])[:DEPTH]
    keys = list(dict.fromkeys([key for key, _ in words] + nearest))
    word_score = dict(words)
    weight = W_MEANING * (1.0 - trust)
    scored = [(key, trust * word_score.get(key, 0.0) + weight * meaning.get(key, 0.0))
              for key in keys]  # fmt: skip
    return sorted(scored, key=lambda pair: -pair[1])


class SnapshotVectors:
    """The vectors as a part of the index snapshot (``bot.lookup.snapshot``): written with
    each generation, mapped read-only by every process of the machine, so answer workers
    share one copy instead of holding one each (at 100k articles with use+e5: 358 MB per
    worker). Rows written after the snapshot are read by ``VectorIndex.refresh``."""

    def dump(self, engine: Engine, index: TermIndex) -> snapshot.Part | None:
        model = model_for(engine)
        if model is None:
            return None
        mark = utcnow() - WRITE_OVERLAP
        arrays: dict[str, npt.NDArray[Any]] = {}
        names = []
        with engine.connect() as conn:
            for i, name in enumerate(models_of(model)):
                names.append(storage_name(name))
                arrays[f"ids{i}"], arrays[f"matrix{i}"] = store.load_since(conn, names[-1], 0)
        return snapshot.Part(arrays, {"models": names, "written_after": mark.isoformat()})

    def load(self, engine: Engine, index: TermIndex, part: snapshot.Part | None) -> None:
        model = model_for(engine)
        if part is None or model is None:
            return  # an older snapshot or no meaning search: the index loads by itself
        wanted = {storage_name(name) for name in models_of(model)}
        written_after = datetime.fromisoformat(part.meta["written_after"])
        for i, name in enumerate(part.meta.get("models", [])):
            if name in wanted:
                vector_index_for(engine, name).adopt(
                    part.arrays[f"ids{i}"], part.arrays[f"matrix{i}"], written_after
                )


snapshot.register_part("vectors", SnapshotVectors())
