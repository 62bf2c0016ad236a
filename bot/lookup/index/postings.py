"""Postings: for every index term, the slots holding it and its field-weighted frequency.

Lucene-style: an immutable main segment in compressed-row layout (``offsets`` into
``post_docs``/``post_tf``, about 8 bytes per posting, sorted by term then slot) plus a
small delta segment of append-only arrays for articles indexed since the last pack. A
bulk build collects all postings first and packs once. The term dictionary is a
``GrowingStrings`` and document frequencies an array plus a dict of changes, so the main
segment is nothing but arrays (a snapshot maps them, see ``bot.lookup.snapshot``).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from bot.lookup.index.strings import Arrays, GrowingStrings, StringTable

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


class DocFrequencies:
    """Per term id: an array frozen with the main segment plus counts added since."""

    def __init__(self, base: IntArray | None = None) -> None:
        self.base = base if base is not None else np.zeros(0, dtype=np.int32)
        self._n_base = len(self.base)
        self.extra: dict[int, int] = {}

    def __getitem__(self, tid: int) -> int:
        base = int(self.base[tid]) if tid < self._n_base else 0
        return base + self.extra.get(tid, 0)

    def bump(self, tids: list[int]) -> None:
        extra = self.extra
        for tid in tids:
            extra[tid] = extra.get(tid, 0) + 1


class Postings:
    def __init__(self) -> None:
        self.terms = GrowingStrings()  # index term <-> term id
        self.df = DocFrequencies()
        self.offsets: npt.NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        self.post_docs: IntArray = np.zeros(0, dtype=np.int32)
        self.post_tf: FloatArray = np.zeros(0, dtype=np.float32)
        self.delta: dict[int, tuple[array[int], array[float]]] = {}
        self.delta_docs = 0
        self._bulk: tuple[array[int], array[int], array[float]] | None = None

    def term_id(self, term: str) -> int:
        """The id of ``term``, added to the term dictionary if new."""
        return self.terms.add(term)

    def begin_bulk(self) -> None:
        self._bulk = (array("i"), array("i"), array("f"))

    def end_bulk(self) -> None:
        assert self._bulk is not None
        tids, docs, tfs = self._bulk
        self._bulk = None
        self.pack(
            np.frombuffer(tids, dtype=np.int32),
            np.frombuffer(docs, dtype=np.int32),
            np.frombuffer(tfs, dtype=np.float32),
        )

    def add(self, slot: int, weighted: dict[str, float]) -> None:
        """Post one article's terms (term -> weighted frequency) under ``slot``."""
        tids = [self.terms.add(term) for term in weighted]
        if self._bulk is not None:  # document frequencies are counted when packing
            self._bulk[0].extend(tids)
            self._bulk[1].extend([slot] * len(tids))
            self._bulk[2].extend(weighted.values())
            return
        self.df.bump(tids)
        self.delta_docs += 1
        for tid, tf in zip(tids, weighted.values(), strict=True):
            entry = self.delta.get(tid)
            if entry is None:
                entry = self.delta[tid] = (array("i"), array("f"))
            entry[0].append(slot)
            entry[1].append(tf)

    def pack(self, tids: IntArray, docs: IntArray, tfs: FloatArray) -> None:
        """Make these postings the main segment (and empty the delta)."""
        n_terms = len(self.terms)
        order = np.argsort(tids, kind="stable")
        counts = np.bincount(tids, minlength=n_terms) if len(tids) else np.zeros(n_terms)
        self.offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self.post_docs = np.ascontiguousarray(docs[order], dtype=np.int32)
        self.post_tf = np.ascontiguousarray(tfs[order], dtype=np.float32)
        self.terms = GrowingStrings(self.terms.freeze())
        self.df = DocFrequencies(counts.astype(np.int32))
        self.delta = {}
        self.delta_docs = 0

    def compact(self, remap: IntArray) -> None:
        """Renumber slots (``remap``: old -> new, -1 dropped) and fold in the delta."""
        tid_parts = [np.repeat(np.arange(len(self.offsets) - 1, dtype=np.int32),
                               np.diff(self.offsets))]  # fmt: skip
        doc_parts: list[IntArray] = [np.asarray(self.post_docs)]
        tf_parts: list[FloatArray] = [np.asarray(self.post_tf)]
        for tid, (delta_docs, delta_tfs) in self.delta.items():
            tid_parts.append(np.full(len(delta_docs), tid, dtype=np.int32))
            doc_parts.append(np.frombuffer(delta_docs, dtype=np.int32))
            tf_parts.append(np.frombuffer(delta_tfs, dtype=np.float32))
        all_tids = np.concatenate(tid_parts)
        all_tfs = np.concatenate(tf_parts)
        new_docs = remap[np.concatenate(doc_parts)]
        live = new_docs >= 0
        tids, docs, tfs = all_tids[live], new_docs[live], all_tfs[live]
        order = np.lexsort((docs, tids))
        self.pack(tids[order], docs[order], tfs[order])

    def postings(self, tid: int) -> tuple[IntArray, FloatArray]:
        """Slots and weighted frequencies of one term, main segment then delta."""
        parts_d, parts_t = [], []
        if tid < len(self.offsets) - 1:
            lo, hi = self.offsets[tid], self.offsets[tid + 1]
            parts_d.append(self.post_docs[lo:hi])
            parts_t.append(self.post_tf[lo:hi])
        if tid in self.delta:
            docs, tfs = self.delta[tid]
            parts_d.append(np.frombuffer(docs, dtype=np.int32))
            parts_t.append(np.frombuffer(tfs, dtype=np.float32))
        if not parts_d:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        if len(parts_d) == 1:
            return parts_d[0], parts_t[0]
        return np.concatenate(parts_d), np.concatenate(parts_t)

    def contains(self, slot: int, tid: int) -> bool:
        """Whether ``slot`` holds ``tid``; both segments are sorted by slot."""
        docs, _ = self.postings(tid)
        i = int(np.searchsorted(docs, slot))
        return i < len(docs) and int(docs[i]) == slot

    # ---------------------------------------------------------------- snapshots

    def arrays(self) -> Arrays:
        """The main segment as arrays; only valid with an empty delta (after ``pack``)."""
        assert not self.delta and not self.terms.added, "compact before taking arrays"
        return {**self.terms.base.arrays("terms"), "df": self.df.base, "offsets": self.offsets,
                "docs": self.post_docs, "tf": self.post_tf}  # fmt: skip

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, npt.NDArray[np.generic]]) -> Postings:
        postings = cls()
        postings.terms = GrowingStrings(StringTable.from_arrays(arrays, "terms"))
        postings.df = DocFrequencies(np.asarray(arrays["df"], dtype=np.int32))
        postings.offsets = np.asarray(arrays["offsets"], dtype=np.int64)
        postings.post_docs = np.asarray(arrays["docs"], dtype=np.int32)
        postings.post_tf = np.asarray(arrays["tf"], dtype=np.float32)
        return postings
