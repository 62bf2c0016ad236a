"""The surface words people type, for prefix, compound and typo matching.

Typo and prefix matching run on folded surface words (``gewerkschaften``), not on stems,
and map each back to the term id of its stem. Candidates are found through a bigram
table over a length-sorted snapshot of the words: a word can only contain a query
fragment if it has all of the fragment's bigrams, and can only be within k edits if it
keeps enough of them, so rapidfuzz's OSA distance runs on a short list. Words seen since
the last snapshot sit in a short tail that is scanned directly, so a fresh article never
waits for a rebuild.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.lookup.textnorm import fold_word, max_typos

TAIL_LIMIT = 3000  # words added since the snapshot before it is retaken
_SURFACE_WORD = re.compile(r"[^\W\d_]{4,}")


class Vocabulary:
    def __init__(self) -> None:
        # Folded surface words (``gewerkschaften``) -> term id of their stem.
        self.words: dict[str, int] = {}
        # Folded title/tag words -> as printed, for "did you mean" suggestions.
        self.surface: dict[str, str] = {}
        self._snapshot: list[str] = []
        self._snapshot_arr = np.zeros(0, dtype=object)
        self._word_len = np.zeros(0, dtype=np.int16)
        self._word_typos = np.zeros(0, dtype=np.intp)
        self._len_starts = np.zeros(1, dtype=np.intp)
        self._bigrams: dict[str, npt.NDArray[np.int32]] = {}
        self._tail: list[str] = []

    def add(self, word: str, term_id: int) -> None:
        if word not in self.words:
            self.words[word] = term_id
            self._tail.append(word)

    def add_display_words(self, text: str) -> None:
        for word in _SURFACE_WORD.findall(text):
            self.surface.setdefault(fold_word(word), word)

    def matches(self, word: str) -> tuple[list[tuple[str, bool]], list[tuple[str, int]]]:
        """Words containing ``word`` (True: starting with it) and words within typo reach
        of it (with their OSA distance), from one bigram count."""
        self.refresh()
        inner = {word[i : i + 2] for i in range(len(word) - 1)}
        counts = self._gram_counts(inner)
        return list(self._containing(word, len(inner), counts)), self._near(
            word, len(inner), counts
        )

    def _gram_counts(self, grams: set[str]) -> npt.NDArray[np.intp]:
        """For every snapshot word, how many of ``grams`` it contains."""
        lists = [self._bigrams[g] for g in grams if g in self._bigrams]
        if not lists:
            return np.zeros(len(self._snapshot), dtype=np.intp)
        return np.bincount(np.concatenate(lists), minlength=len(self._snapshot))

    def _containing(
        self, part: str, n_inner: int, counts: npt.NDArray[np.intp]
    ) -> Iterator[tuple[str, bool]]:
        """Longer surface words that contain ``part``; True when they start with it.

        A word can only contain ``part`` if it has all of its bigrams, so only those
        few are checked with ``in``.
        """
        lo = self._length_start(len(part) + 1)
        hits = np.flatnonzero(counts[lo:] >= n_inner) + lo
        for word in self._snapshot_arr[hits].tolist():
            pos = word.find(part)
            if pos >= 0:
                yield word, pos == 0
        for word in self._tail:
            if len(word) > len(part) and part in word:
                yield word, word.startswith(part)

    def _near(self, word: str, n_inner: int, counts: npt.NDArray[np.intp]) -> list[tuple[str, int]]:
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
            ids = self._bigrams.get(gram)
            if ids is not None:
                ids = ids[(ids >= lo) & (ids < hi)] - lo
                padded[ids] += 1
        diff = self._word_len[lo:hi].astype(np.intp) - len(word)
        gap = np.abs(diff)
        spare = np.minimum(self._word_typos[lo:hi], reach) - gap
        destroyed = np.where(diff >= 0, gap, 2 * gap) + 3 * spare
        ok = (spare >= 0) & (padded >= n_inner + len(pads) - destroyed)
        candidates = self._snapshot_arr[np.flatnonzero(ok) + lo].tolist()
        candidates.extend(w for w in self._tail if abs(len(w) - len(word)) <= reach)
        out = []
        for surface, dist, _ in process.extract(
            word, candidates, scorer=OSA.distance, score_cutoff=reach, limit=None
        ):
            if 0 < dist <= max_typos(surface):
                out.append((surface, int(dist)))
        return out

    def _length_start(self, length: int) -> int:
        """Index of the first snapshot word with at least ``length`` letters."""
        starts = self._len_starts
        return int(starts[length]) if length < len(starts) else len(self._snapshot)

    def refresh(self, *, force: bool = False) -> None:
        """Retake the snapshot and its bigram lists once the tail has grown long."""
        if not force and self._snapshot and len(self._tail) < TAIL_LIMIT:
            return
        self._snapshot = sorted(self.words, key=len)
        self._snapshot_arr = np.array(self._snapshot, dtype=object)
        self._tail = []
        grams: dict[str, array[int]] = {}
        for i, word in enumerate(self._snapshot):
            for gram in _bigrams(word):
                grams.setdefault(gram, array("i")).append(i)
        self._word_len = np.array([len(w) for w in self._snapshot], dtype=np.int16)
        self._word_typos = np.where(self._word_len >= 8, 2, np.where(self._word_len >= 4, 1, 0))
        self._len_starts = np.searchsorted(
            self._word_len, np.arange(int(self._word_len.max(initial=0)) + 2)
        )
        self._bigrams = {g: np.frombuffer(ids, dtype=np.int32) for g, ids in grams.items()}


def _bigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


@lru_cache(maxsize=400_000)
def is_word(token: str) -> bool:
    """Surface words kept for typo/prefix matching: letters only, three or more."""
    return token.isalpha() and len(token) >= 3
