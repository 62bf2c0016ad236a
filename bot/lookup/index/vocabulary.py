"""The surface words people type, for prefix, compound and typo matching.

Typo and prefix matching run on folded surface words (``gewerkschaften``), not on stems,
and map each back to the term id of its stem. Candidates are found through a bigram
table over a length-sorted frozen list of the words: a word can only contain a query
fragment if it has all of the fragment's bigrams, and can only be within k edits if it
keeps enough of them, so rapidfuzz's OSA distance runs on a short list. Words seen since
the list was frozen sit in a short tail that is scanned directly, so a fresh article
never waits for a rebuild.

The frozen part is arrays only (words as a ``StringTable`` in length order, their term
ids and lengths, the bigram table in compressed-row layout), so a snapshot maps it.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.lookup.index.strings import Arrays, GrowingStrings, StringList, StringTable
from bot.lookup.textnorm import fold_word, max_typos

TAIL_LIMIT = 3000  # words added since the freeze before the frozen list is retaken
# A process that maps a shared snapshot keeps its tail longer: the snapshot writer
# folds new words in for every process at once (see ``bot.lookup.live``).
MAPPED_TAIL_LIMIT = 50_000
_SURFACE_WORD = re.compile(r"[^\W\d_]{4,}")
IntArray = npt.NDArray[np.intp]


class SurfaceWords:
    """Folded title/tag words -> as printed, for "did you mean" suggestions (a mapping)."""

    def __init__(self, keys: StringTable | None = None, values: StringList | None = None) -> None:
        self.keys = GrowingStrings(keys)
        self.values = values or StringList.build([])
        self._new_values: list[str] = []

    def setdefault(self, key: str, value: str) -> None:
        if key not in self.keys:
            self.keys.add(key)
            self._new_values.append(value)

    def __getitem__(self, key: str) -> str:
        i = self.keys.get(key)
        if i is None:
            raise KeyError(key)
        n_base = len(self.values)
        return self.values[i] if i < n_base else self._new_values[i - n_base]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def freeze(self) -> SurfaceWords:
        values = StringList.build([*self.values, *self._new_values])
        return SurfaceWords(self.keys.freeze(), values)


class Vocabulary:
    def __init__(self) -> None:
        # Folded surface words (``gewerkschaften``) and the term id of their stem: the
        # frozen, length-sorted part, then the tail added since (a dict).
        self._frozen = StringTable.build([])
        self._frozen_tid = np.zeros(0, dtype=np.int32)
        self._tail: dict[str, int] = {}
        self.surface = SurfaceWords()
        self._word_len = np.zeros(0, dtype=np.int16)
        self._word_typos = np.zeros(0, dtype=np.intp)
        self._len_starts = np.zeros(1, dtype=np.intp)
        self._grams = StringTable.build([])
        self._gram_offsets = np.zeros(1, dtype=np.int64)
        self._gram_ids = np.zeros(0, dtype=np.int32)
        self.tail_limit = TAIL_LIMIT

    def __contains__(self, word: str) -> bool:
        return word in self._tail or self._frozen.find(word) >= 0

    def __len__(self) -> int:
        return len(self._frozen) + len(self._tail)

    def add(self, word: str, term_id: int) -> None:
        if word not in self:
            self._tail[word] = term_id

    def add_display_words(self, text: str) -> None:
        for word in _SURFACE_WORD.findall(text):
            self.surface.setdefault(fold_word(word), word)

    def matches(self, word: str) -> tuple[list[tuple[int, bool]], list[tuple[int, int]]]:
        """Term ids of words containing ``word`` (True: starting with it) and of words
        within typo reach of it (with their OSA distance), from one bigram count."""
        self.refresh()
        inner = {word[i : i + 2] for i in range(len(word) - 1)}
        counts = self._gram_counts(inner)
        return list(self._containing(word, len(inner), counts)), self._near(
            word, len(inner), counts
        )

    def _gram_ids_of(self, gram: str) -> npt.NDArray[np.int32] | None:
        g = self._grams.find(gram)
        if g < 0:
            return None
        return self._gram_ids[self._gram_offsets[g] : self._gram_offsets[g + 1]]

    def _gram_counts(self, grams: set[str]) -> IntArray:
        """For every frozen word, how many of ``grams`` it contains."""
        lists = [ids for g in grams if (ids := self._gram_ids_of(g)) is not None]
        if not lists:
            return np.zeros(len(self._frozen), dtype=np.intp)
        return np.bincount(np.concatenate(lists), minlength=len(self._frozen))

    def _containing(self, part: str, n_inner: int, counts: IntArray) -> Iterator[tuple[int, bool]]:
        """Longer surface words that contain ``part``; True when they start with it.

        A word can only contain ``part`` if it has all of its bigrams, so only those
        few are checked with ``in``.
        """
        lo = self._length_start(len(part) + 1)
        hits = np.flatnonzero(counts[lo:] >= n_inner) + lo
        for i in hits.tolist():
            pos = self._frozen[i].find(part)
            if pos >= 0:
                yield int(self._frozen_tid[i]), pos == 0
        for word, tid in self._tail.items():
            if len(word) > len(part) and part in word:
                yield tid, word.startswith(part)

    def _near(self, word: str, n_inner: int, counts: IntArray) -> list[tuple[int, int]]:
        """Surface words within the edits their own length allows (OSA distance).

        Bigram filter first: of the query's boundary-padded bigrams an insertion destroys
        at most 1, a deletion or substitution 2, a transposition 3. With the length
        difference fixing the minimum number of insertions/deletions, that bounds how
        many bigrams a true match must still share, leaving rapidfuzz a short list.
        """
        reach = 2 if len(word) >= 6 else 1
        lo = self._length_start(max(4, len(word) - reach))
        hi = self._length_start(len(word) + reach + 1)
        padded = counts[lo:hi].copy()
        pads = {"^" + word[0], word[-1] + "$"}
        for gram in pads:
            ids = self._gram_ids_of(gram)
            if ids is not None:
                ids = ids[(ids >= lo) & (ids < hi)] - lo
                padded[ids] += 1
        diff = self._word_len[lo:hi].astype(np.intp) - len(word)
        gap = np.abs(diff)
        spare = np.minimum(self._word_typos[lo:hi], reach) - gap
        destroyed = np.where(diff >= 0, gap, 2 * gap) + 3 * spare
        ok = (spare >= 0) & (padded >= n_inner + len(pads) - destroyed)
        positions = (np.flatnonzero(ok) + lo).tolist()
        candidates = [self._frozen[i] for i in positions]
        tids = self._frozen_tid[positions].tolist()
        for w, tid in self._tail.items():
            if abs(len(w) - len(word)) <= reach:
                candidates.append(w)
                tids.append(tid)
        out = []
        for surface, dist, at in process.extract(
            word, candidates, scorer=OSA.distance, score_cutoff=reach, limit=None
        ):
            if 0 < dist <= max_typos(surface):
                out.append((int(tids[at]), int(dist)))
        return out

    def _length_start(self, length: int) -> int:
        """Index of the first frozen word with at least ``length`` letters."""
        starts = self._len_starts
        return int(starts[length]) if length < len(starts) else len(self._frozen)

    def refresh(self, *, force: bool = False) -> None:
        """Fold the tail into the frozen list and its bigram table once it has grown long."""
        if not force and len(self._frozen) and len(self._tail) < self.tail_limit:
            return
        if not self._tail and len(self._frozen):
            return
        words = [*self._frozen, *self._tail]
        tids = np.concatenate((self._frozen_tid, np.fromiter(self._tail.values(), np.int32)))
        lengths = np.fromiter((len(w) for w in words), dtype=np.int16, count=len(words))
        order = np.argsort(lengths, kind="stable")
        frozen = StringTable.build(words[i] for i in order.tolist())
        self._set_frozen(frozen, tids[order], lengths[order])
        self._tail = {}

    def _set_frozen(self, frozen: StringTable, tids: npt.NDArray[np.int32],
                    lengths: npt.NDArray[np.int16],
                    grams: tuple[StringTable, Any, Any] | None = None) -> None:  # fmt: skip
        self._frozen, self._frozen_tid, self._word_len = frozen, tids, lengths
        self._word_typos = np.where(self._word_len >= 8, 2, np.where(self._word_len >= 4, 1, 0))
        self._len_starts = np.searchsorted(
            self._word_len, np.arange(int(self._word_len.max(initial=0)) + 2)
        )
        if grams is None:
            grams = _bigram_table(frozen)
        self._grams, self._gram_offsets, self._gram_ids = grams

    # ---------------------------------------------------------------- snapshots

    def arrays(self) -> Arrays:
        """The frozen part (after ``refresh(force=True)``: empty tail) as arrays."""
        self.refresh(force=True)
        surface = self.surface.freeze()
        return {**self._frozen.arrays("words"), "words.tid": self._frozen_tid,
                "words.len": self._word_len, **self._grams.arrays("grams"),
                "grams.row_offsets": self._gram_offsets, "grams.ids": self._gram_ids,
                **surface.keys.base.arrays("surface.keys"),
                **surface.values.arrays("surface.values")}  # fmt: skip

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, npt.NDArray[Any]]) -> Vocabulary:
        vocabulary = cls()
        vocabulary.tail_limit = MAPPED_TAIL_LIMIT
        grams = (StringTable.from_arrays(arrays, "grams"),
                 np.asarray(arrays["grams.row_offsets"], dtype=np.int64),
                 np.asarray(arrays["grams.ids"], dtype=np.int32))  # fmt: skip
        vocabulary._set_frozen(StringTable.from_arrays(arrays, "words"),
                               np.asarray(arrays["words.tid"], dtype=np.int32),
                               np.asarray(arrays["words.len"], dtype=np.int16), grams)  # fmt: skip
        keys = StringTable.from_arrays(arrays, "surface.keys")
        vocabulary.surface = SurfaceWords(keys, StringList.from_arrays(arrays, "surface.values"))
        return vocabulary


def _bigram_table(words: StringList) -> tuple[StringTable, Any, Any]:
    """Bigram -> positions of the words holding it, in compressed-row layout."""
    grams: dict[str, array[int]] = {}
    for i, word in enumerate(words):
        for gram in _bigrams(word):
            grams.setdefault(gram, array("i")).append(i)
    names = list(grams)
    sizes = np.fromiter((len(grams[g]) for g in names), dtype=np.int64, count=len(names))
    offsets = np.zeros(len(names) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    ids = np.frombuffer(b"".join(grams[g].tobytes() for g in names), dtype=np.int32).copy()
    return StringTable.build(names), offsets, ids


def _bigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


@lru_cache(maxsize=400_000)
def is_word(token: str) -> bool:
    """Surface words kept for typo/prefix matching: letters only, three or more."""
    return token.isalpha() and len(token) >= 3
