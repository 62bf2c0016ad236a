"""In-memory inverted index over articles: the candidate-retrieval half of lookup.

Why in memory rather than FTS5 / pg_trgm: typo, prefix and compound matching need the
*same* term normalisation on both databases (umlaut folding, light stemming, OSA edit
distance), and one implementation gives the same ranking on SQLite and PostgreSQL by
construction. The postings are numpy arrays in a compressed-row layout (about 10 bytes
per posting), so 100k articles stay well under a gigabyte; the database remains the
source of truth and a trigger-fed change log keeps this index in step (``bot.lookup.live``).

Layout, Lucene-style: an immutable main segment (CSR arrays) plus a small delta segment
for articles changed since the last build; deleted or replaced articles are tombstoned
and dropped for good at the next compaction.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.lookup.textnorm import STOPWORDS, fold, fold_word, max_typos, raw_tokens, token_terms
from storage.search_index import IndexRow

# Titles and teasers weigh more than bodies; tags and the section count too.
FIELD_WEIGHTS = {"title": 3.0, "teaser": 2.0, "tags": 2.0, "section": 1.0, "body": 1.0}
K1, B = 1.2, 0.75
MAX_EXPANSIONS = 40
# The word as typed and the words it starts or sits inside: scored as one pseudo-term.
_FAMILY = frozenset({"exact", "prefix", "compound"})
# Confidence of a typo reading by edit distance. When the word as typed already reads
# as a word or a word start, correcting it costs one edit more (distance 1 -> 0.7).
TYPO_WEIGHTS = (1.0, 0.85, 0.7, 0.55)
_DOC_ARRAYS = ("article_of", "doc_len", "doc_date", "doc_arrived", "doc_lang", "doc_section",
               "doc_source", "alive")  # fmt: skip
_SURFACE_WORD = re.compile(r"[^\W\d_]{4,}")

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Expansion:
    """One index term a query word stands for, and how sure we are of it."""

    term_id: int
    term: str
    weight: float
    kind: str  # exact | prefix | compound | typo


class _Codes:
    """Small integer codes for a metadata column (lang, section, source)."""

    def __init__(self) -> None:
        self.by_key: dict[str, int] = {}
        self.names: list[str] = []
        self._raw: dict[str, int] = {}

    def code(self, value: str | None) -> int:
        if not value:
            return -1
        known = self._raw.get(value)
        if known is not None:
            return known
        key = fold(value).strip()
        if key not in self.by_key:
            self.by_key[key] = len(self.names)
            self.names.append(value)
        self._raw[value] = self.by_key[key]
        return self.by_key[key]

    def matching(self, wanted: str) -> list[int]:
        """Codes whose folded name equals ``wanted``, else those it is a prefix of."""
        key = fold(wanted).strip()
        if key in self.by_key:
            return [self.by_key[key]]
        return [c for k, c in self.by_key.items() if k.startswith(key)]


class TermIndex:
    """Postings, per-article metadata and the vocabulary helpers for query expansion."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.term_list: list[str] = []
        self.df: list[int] = []
        self.offsets: npt.NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        self.post_docs: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        self.post_tf: FloatArray = np.zeros(0, dtype=np.float32)
        self.delta: dict[int, tuple[array[int], array[float]]] = {}
        self.delta_docs = 0
        self.n_slots = 0
        self.article_of = np.zeros(0, dtype=np.int64)
        self.doc_len = np.zeros(0, dtype=np.float32)
        self.doc_date = np.zeros(0, dtype=np.float64)  # published, else ingested
        self.doc_arrived = np.zeros(0, dtype=np.float64)  # ingested
        self.doc_lang = np.zeros(0, dtype=np.int32)
        self.doc_section = np.zeros(0, dtype=np.int32)
        self.doc_source = np.zeros(0, dtype=np.int32)
        self.alive = np.zeros(0, dtype=bool)
        self.heads: list[str] = []
        self.slot_of: dict[int, int] = {}
        self.live_len = 0.0
        self.langs, self.sections, self.sources = _Codes(), _Codes(), _Codes()
        self.surface: dict[str, str] = {}
        # Folded surface words (``gewerkschaften``) -> term id of their stem: typo and
        # prefix matching run on what people type, not on stems.
        self.words: dict[str, int] = {}
        self._snapshot: list[str] = []
        self._snapshot_arr = np.zeros(0, dtype=object)
        self._word_len = np.zeros(0, dtype=np.int16)
        self._word_typos = np.zeros(0, dtype=np.intp)
        self._len_starts = np.zeros(1, dtype=np.intp)
        self._bigrams: dict[str, npt.NDArray[np.int32]] = {}
        self._tail: list[str] = []
        self._bulk: tuple[array[int], array[int], array[float]] | None = None

    # ----------------------------------------------------------------- building

    @classmethod
    def build(cls, rows: Iterable[IndexRow]) -> TermIndex:
        """Index every row in one pass and pack the postings into the main segment."""
        index = cls()
        index._bulk = (array("i"), array("i"), array("f"))
        for row in rows:
            index.upsert(row)
        tids, docs, tfs = index._bulk
        index._bulk = None
        index._pack(
            np.frombuffer(tids, dtype=np.int32),
            np.frombuffer(docs, dtype=np.int32),
            np.frombuffer(tfs, dtype=np.float32),
        )
        return index

    def _pack(self, tids: npt.NDArray[np.int32], docs: npt.NDArray[np.int32],
              tfs: FloatArray) -> None:  # fmt: skip
        order = np.argsort(tids, kind="stable")
        counts = (
            np.bincount(tids, minlength=len(self.term_list))
            if len(tids)
            else np.zeros(len(self.term_list), dtype=np.int64)
        )
        self.offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self.post_docs = np.ascontiguousarray(docs[order], dtype=np.int32)
        self.post_tf = np.ascontiguousarray(tfs[order], dtype=np.float32)
        self.df = [int(c) for c in counts]
        self.delta = {}
        self.delta_docs = 0

    def upsert(self, row: IndexRow) -> None:
        """Add an article, replacing the previous version of it if there was one."""
        self.remove(row.id)
        slot = self._new_slot(row)
        weighted: dict[str, float] = {}
        fresh: list[str] = []
        words, get = self.words, weighted.get
        tags = " ".join(row.tags or [])
        for field_name, text in (("title", row.title), ("teaser", row.teaser), ("tags", tags),
                                 ("section", row.section or ""), ("body", row.body)):  # fmt: skip
            weight = FIELD_WEIGHTS[field_name]
            for token, count in Counter(raw_tokens(text or "")).items():
                found = token_terms(token)
                for term in found:
                    weighted[term] = get(term, 0.0) + weight * count
                if token not in words and found and _is_word(token):
                    fresh.append(token)
        length = float(sum(weighted.values())) or 1.0
        self.doc_len[slot] = length
        self.live_len += length
        self._add_postings(slot, weighted)
        for token in fresh:
            if token not in words:
                words[token] = self.vocab[token_terms(token)[0]]
                self._tail.append(token)
        if self._bulk is None:
            self.delta_docs += 1
        for word in _SURFACE_WORD.findall(f"{row.title} {tags}"):
            self.surface.setdefault(fold_word(word), word)

    def _new_slot(self, row: IndexRow) -> int:
        slot = self.n_slots
        if slot >= len(self.alive):
            self._grow(max(1024, slot * 2))
        self.n_slots += 1
        self.slot_of[row.id] = slot
        self.article_of[slot] = row.id
        when = row.published_at or row.ingested_at
        self.doc_date[slot] = when.timestamp() if when else 0.0
        self.doc_arrived[slot] = row.ingested_at.timestamp() if row.ingested_at else 0.0
        self.doc_lang[slot] = self.langs.code(row.lang)
        self.doc_section[slot] = self.sections.code(row.section)
        self.doc_source[slot] = self.sources.code(row.source)
        self.alive[slot] = True
        tags = " ".join(row.tags or [])
        self.heads.append(fold(f"{row.title} {(row.teaser or '')[:300]} {tags}"))
        return slot

    def _grow(self, size: int) -> None:
        for name in _DOC_ARRAYS:
            old = getattr(self, name)
            new = np.zeros(size, dtype=old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def _add_postings(self, slot: int, weighted: dict[str, float]) -> None:
        vocab, df = self.vocab, self.df
        tids = []
        for term in weighted:
            tid = vocab.get(term)
            if tid is None:
                tid = vocab[term] = len(self.term_list)
                self.term_list.append(term)
                df.append(0)
            df[tid] += 1
            tids.append(tid)
        if self._bulk is not None:
            self._bulk[0].extend(tids)
            self._bulk[1].extend([slot] * len(tids))
            self._bulk[2].extend(weighted.values())
            return
        for tid, tf in zip(tids, weighted.values(), strict=True):
            entry = self.delta.get(tid)
            if entry is None:
                entry = self.delta[tid] = (array("i"), array("f"))
            entry[0].append(slot)
            entry[1].append(tf)

    def remove(self, article_id: int) -> bool:
        """Tombstone an article; its postings stay until the next compaction."""
        slot = self.slot_of.pop(article_id, None)
        if slot is None:
            return False
        self.alive[slot] = False
        self.live_len -= float(self.doc_len[slot])
        return True

    @property
    def live_count(self) -> int:
        return len(self.slot_of)

    def needs_compaction(self) -> bool:
        dead = self.n_slots - self.live_count
        return self.delta_docs > max(2000, self.n_slots // 10) or dead > max(
            2000, self.n_slots // 4
        )

    def compact(self) -> None:
        """Drop tombstoned slots and fold the delta segment into the main segment."""
        keep = np.flatnonzero(self.alive[: self.n_slots])
        remap = np.full(self.n_slots, -1, dtype=np.int32)
        remap[keep] = np.arange(len(keep), dtype=np.int32)
        tid_parts: list[npt.NDArray[np.int32]] = []
        doc_parts: list[npt.NDArray[np.int32]] = []
        tf_parts: list[FloatArray] = []
        main_tids = np.repeat(
            np.arange(len(self.offsets) - 1, dtype=np.int32), np.diff(self.offsets)
        )
        tid_parts.append(main_tids)
        doc_parts.append(self.post_docs)
        tf_parts.append(self.post_tf)
        for tid, (delta_docs, delta_tfs) in self.delta.items():
            tid_parts.append(np.full(len(delta_docs), tid, dtype=np.int32))
            doc_parts.append(np.frombuffer(delta_docs, dtype=np.int32))
            tf_parts.append(np.frombuffer(delta_tfs, dtype=np.float32))
        all_tids = np.concatenate(tid_parts)
        all_tfs = np.concatenate(tf_parts)
        new_docs = remap[np.concatenate(doc_parts)]
        live = new_docs >= 0
        for name in _DOC_ARRAYS:
            setattr(self, name, getattr(self, name)[keep].copy())
        self.heads = [self.heads[i] for i in keep]
        self.n_slots = len(keep)
        self.slot_of = {int(a): i for i, a in enumerate(self.article_of[: self.n_slots])}
        tids, docs, tfs = all_tids[live], new_docs[live], all_tfs[live]
        order = np.lexsort((docs, tids))
        self._pack(tids[order], docs[order], tfs[order])

    # ----------------------------------------------------------------- querying

    def postings(self, tid: int) -> tuple[npt.NDArray[np.int32], FloatArray]:
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

    def term_scores(self, expansions: list[Expansion]) -> FloatArray:
        """BM25 per article for one query word.

        The word's *family* — the word as typed (its stem), the words it starts and the
        compounds it sits in — is one pseudo-term, as FTS5 scores ``migra*`` and Lucene
        a SynonymQuery: term frequencies summed, one document frequency (that of the
        family's most common form), the confidence of each form (exact 1.0, prefix 0.9,
        compound 0.75) averaged by how often it occurs. A rare continuation therefore
        does not beat the plain word for being rare, and an article using several forms
        (``Migranten``, ``Migrationspolitik``) counts them all.

        Typo readings are scored term by term, best one counts; when the word has a
        family their idf is capped at the family's: a guessed correction never tells
        more about what the reporter meant than the word they typed (``rake`` must not
        prefer the rare ``lake`` to ``Rakete``). Vectorised: a Python loop per
        expansion cost more than the arithmetic.
        """
        scores = np.zeros(self.n_slots, dtype=np.float32)
        n = max(self.live_count, 1)
        avgdl = max(self.live_len / n, 1.0)
        family = [e for e in expansions if e.kind in _FAMILY]
        cap = self._family_scores(family, scores, n, avgdl) if family else None
        doc_parts, tf_parts, factor_parts = [], [], []
        for exp in expansions:
            if exp.kind in _FAMILY:
                continue
            docs, tfs = self.postings(exp.term_id)
            if not len(docs):
                continue
            idf = _idf(n, self.df[exp.term_id])
            if cap is not None and exp.kind == "typo":
                idf = min(idf, cap)
            doc_parts.append(docs)
            tf_parts.append(tfs)
            factor_parts.append(np.full(len(docs), exp.weight * idf, dtype=np.float32))
        if not doc_parts:
            return scores
        docs = np.concatenate(doc_parts)
        tfs = np.concatenate(tf_parts)
        norm = K1 * (1.0 - B + B * self.doc_len[docs] / avgdl)
        contrib = np.concatenate(factor_parts) * tfs * (K1 + 1.0) / (tfs + norm)
        np.maximum.at(scores, docs, contrib.astype(np.float32))
        return scores

    def _family_scores(
        self, family: list[Expansion], scores: FloatArray, n: int, avgdl: float
    ) -> float:
        """Write the family pseudo-term's BM25 into ``scores``; return its idf."""
        idf = _idf(n, max(self.df[e.term_id] for e in family))
        doc_parts, tf_parts, weighted_parts = [], [], []
        for exp in family:
            docs, tfs = self.postings(exp.term_id)
            if len(docs):
                doc_parts.append(docs)
                tf_parts.append(tfs)
                weighted_parts.append(tfs * exp.weight)
        if not doc_parts:
            return idf
        docs = np.concatenate(doc_parts)
        tf = np.bincount(docs, weights=np.concatenate(tf_parts), minlength=self.n_slots)
        weighted = np.bincount(docs, weights=np.concatenate(weighted_parts),
                               minlength=self.n_slots)  # fmt: skip
        hit = np.flatnonzero(tf)
        tf_hit = tf[hit]
        norm = K1 * (1.0 - B + B * self.doc_len[hit] / avgdl)
        confidence = weighted[hit] / tf_hit
        scores[hit] = confidence * idf * tf_hit * (K1 + 1.0) / (tf_hit + norm)
        return idf

    def contains(self, slot: int, tid: int) -> bool:
        """Whether the article in ``slot`` has ``tid``; postings are sorted by slot."""
        docs, _ = self.postings(tid)
        i = int(np.searchsorted(docs, slot))
        return i < len(docs) and int(docs[i]) == slot

    def expand(self, word: str) -> list[Expansion]:
        """Index terms for one folded query word: exact, prefix, compound part, typo."""
        found: dict[int, Expansion] = {}

        def offer(tid: int | None, weight: float, kind: str) -> None:
            if tid is not None and (tid not in found or found[tid].weight < weight):
                found[tid] = Expansion(tid, self.term_list[tid], weight, kind)

        for term in token_terms(word) or (word,):
            offer(self.vocab.get(term), 1.0, "exact")
        if word.isalpha() and len(word) >= 3 and word not in STOPWORDS:
            self._refresh_vocab_helpers()
            inner = {word[i : i + 2] for i in range(len(word) - 1)}
            counts = self._gram_counts(inner)
            for surface, at_start in self._containing(word, len(inner), counts):
                if at_start:
                    offer(self.words[surface], 0.9, "prefix")
                elif len(word) >= 5:
                    offer(self.words[surface], 0.75, "compound")
            # A word that reads as typed (or as a word start) needs one more edit's
            # worth of doubt before we believe it was mistyped.
            extra = 1 if found else 0
            for surface, dist in self._near(word, len(inner), counts):
                offer(self.words[surface], TYPO_WEIGHTS[dist + extra], "typo")
        ranked = sorted(found.values(), key=lambda e: (-e.weight, -self.df[e.term_id]))
        return ranked[:MAX_EXPANSIONS]

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

    def prepare(self) -> None:
        """Take the vocabulary snapshot now (before pickling, or to warm up)."""
        self._refresh_vocab_helpers(force=True)

    def _length_start(self, length: int) -> int:
        """Index of the first snapshot word with at least ``length`` letters."""
        starts = self._len_starts
        return int(starts[length]) if length < len(starts) else len(self._snapshot)

    def _refresh_vocab_helpers(self, *, force: bool = False) -> None:
        """Snapshot the surface words and their bigram lists for substring/typo search.

        Words seen since the last snapshot sit in a short tail that is scanned directly,
        so a fresh article never waits for a rebuild; the snapshot is redone once the
        tail grows past a few thousand words.
        """
        if not force and self._snapshot and len(self._tail) < 3000:
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

    def filter_mask(self, *, lang: list[int] | None = None, section: list[int] | None = None,
                    source: list[int] | None = None, since: datetime | None = None,
                    arrived_since: datetime | None = None) -> npt.NDArray[np.bool_]:  # fmt: skip
        """Live articles passing the filters; ``since`` is on the article date
        (published, else ingested), ``arrived_since`` on the ingestion time."""
        mask = self.alive[: self.n_slots].copy()
        for codes, column in ((lang, self.doc_lang), (section, self.doc_section),
                              (source, self.doc_source)):  # fmt: skip
            if codes is not None:
                mask &= np.isin(column[: self.n_slots], codes)
        if since is not None:
            mask &= self.doc_date[: self.n_slots] >= since.timestamp()
        if arrived_since is not None:
            mask &= self.doc_arrived[: self.n_slots] >= arrived_since.timestamp()
        return mask


def _idf(n: int, df: int) -> float:
    return float(np.log(1.0 + (n - df + 0.5) / (df + 0.5)))


def _bigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


@lru_cache(maxsize=400_000)
def _is_word(token: str) -> bool:
    """Surface words kept for typo/prefix matching: letters only, three or more."""
    return token.isalpha() and len(token) >= 3
