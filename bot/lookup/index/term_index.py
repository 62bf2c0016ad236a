"""In-memory inverted index over articles: the candidate-retrieval half of lookup.

Why in memory rather than FTS5 / pg_trgm: typo, prefix and compound matching need the
*same* term normalisation on both databases (umlaut folding, light stemming, OSA edit
distance), and one implementation gives the same ranking on SQLite and PostgreSQL by
construction. The database remains the source of truth and a trigger-fed change log
keeps this index in step (``bot.lookup.live``).

The index is three parts with one job each: ``Postings`` (term -> slots and weighted
frequencies, an immutable main segment plus a delta), ``DocTable`` (one slot per article
version: id, length, dates, filter codes; replaced articles are tombstoned until the next
compaction) and ``Vocabulary`` (surface words for prefix, compound and typo readings).
Scoring is ``bot.lookup.scoring.bm25``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from bot.lookup.index.doctable import DocTable
from bot.lookup.index.postings import FloatArray, Postings
from bot.lookup.index.strings import Arrays
from bot.lookup.index.vocabulary import Vocabulary, is_word
from bot.lookup.scoring import bm25, idf
from bot.lookup.textnorm import STOPWORDS, raw_tokens, token_terms
from storage.search_index import IndexRow

# Titles and teasers weigh more than bodies; tags and the section count too.
FIELD_WEIGHTS = {"title": 3.0, "teaser": 2.0, "tags": 2.0, "section": 1.0, "body": 1.0}
MAX_EXPANSIONS = 40
# The word as typed and the words it starts or sits inside: scored as one pseudo-term.
_FAMILY = frozenset({"exact", "prefix", "compound"})
# Confidence of each reading of a query word. A typo reading's confidence falls with its
# edit distance; when the word as typed already reads as a word or a word start,
# correcting it costs one edit more (distance 1 -> 0.7).
EXACT, PREFIX, COMPOUND = 1.0, 0.9, 0.75
TYPO_WEIGHTS = (1.0, 0.85, 0.7, 0.55)


@dataclass(frozen=True)
class Expansion:
    """One index term a query word stands for, and how sure we are of it."""

    term_id: int
    term: str
    weight: float
    kind: str  # exact | prefix | compound | typo


class TermIndex:
    """Postings, per-article table and vocabulary, kept in step by ``upsert``/``remove``."""

    def __init__(self) -> None:
        self.postings = Postings()
        self.docs = DocTable()
        self.vocabulary = Vocabulary()

    # ------------------------------------------------------- what lookup reads

    @property
    def n_slots(self) -> int:
        return self.docs.n_slots

    @property
    def live_count(self) -> int:
        return self.docs.live_count

    # ----------------------------------------------------------------- building

    @classmethod
    def build(cls, rows: Iterable[IndexRow]) -> TermIndex:
        """Index every row in one pass and pack the postings into the main segment."""
        index = cls()
        index.postings.begin_bulk()
        for row in rows:
            index.upsert(row)
        index.postings.end_bulk()
        return index

    def upsert(self, row: IndexRow) -> None:
        """Add an article, replacing the previous version of it if there was one."""
        self.remove(row.id)
        slot = self.docs.new_slot(row)
        weighted: dict[str, float] = {}
        fresh: list[str] = []
        vocabulary, get = self.vocabulary, weighted.get
        tags = " ".join(row.tags or [])
        for field_name, text in (("title", row.title), ("teaser", row.teaser), ("tags", tags),
                                 ("section", row.section or ""), ("body", row.body)):  # fmt: skip
            weight = FIELD_WEIGHTS[field_name]
            for token, count in Counter(raw_tokens(text or "")).items():
                found = token_terms(token)
                for term in found:
                    weighted[term] = get(term, 0.0) + weight * count
                if found and is_word(token) and token not in vocabulary:
                    fresh.append(token)
        self.docs.set_length(slot, float(sum(weighted.values())) or 1.0)
        self.postings.add(slot, weighted)
        for token in fresh:
            self.vocabulary.add(token, self.postings.term_id(token_terms(token)[0]))
        self.vocabulary.add_display_words(f"{row.title} {tags}")

    def remove(self, article_id: int) -> bool:
        """Tombstone an article; its postings stay until the next compaction."""
        return self.docs.remove(article_id)

    def needs_compaction(self) -> bool:
        n_slots = self.docs.n_slots
        dead = n_slots - self.live_count
        return self.postings.delta_docs > max(2000, n_slots // 10) or dead > max(2000, n_slots // 4)

    def compact(self) -> None:
        """Drop tombstoned slots and fold the delta segment into the main segment."""
        self.postings.compact(self.docs.compact())

    def prepare(self) -> None:
        """Freeze the vocabulary's tail now (to warm up)."""
        self.vocabulary.refresh(force=True)

    # ---------------------------------------------------------------- snapshots

    def arrays(self) -> tuple[Arrays, dict[str, Any]]:
        """Everything as named arrays plus a little plain data, for a snapshot.

        Compacts first, so the arrays describe live articles only, numbered 0..n-1.
        """
        self.compact()
        docs, meta = self.docs.arrays()
        arrays: Arrays = {f"docs.{k}": v for k, v in docs.items()}
        arrays.update({f"postings.{k}": v for k, v in self.postings.arrays().items()})
        arrays.update({f"vocabulary.{k}": v for k, v in self.vocabulary.arrays().items()})
        return arrays, {"docs": meta}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> TermIndex:
        """The index over arrays from ``arrays`` (mapped ones stay mapped and shared)."""

        def part(prefix: str) -> dict[str, Any]:
            return {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}

        index = cls()
        index.docs = DocTable.from_arrays(part("docs."), meta["docs"])
        index.postings = Postings.from_arrays(part("postings."))
        index.vocabulary = Vocabulary.from_arrays(part("vocabulary."))
        return index

    # ----------------------------------------------------------------- querying

    def contains(self, slot: int, tid: int) -> bool:
        return self.postings.contains(slot, tid)

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
        avgdl = max(self.docs.live_len / n, 1.0)
        family = [e for e in expansions if e.kind in _FAMILY]
        cap = self._family_scores(family, scores, n, avgdl) if family else None
        doc_parts, tf_parts, factor_parts = [], [], []
        for exp in expansions:
            if exp.kind in _FAMILY:
                continue
            docs, tfs = self.postings.postings(exp.term_id)
            if not len(docs):
                continue
            term_idf = idf(n, self.postings.df[exp.term_id])
            if cap is not None and exp.kind == "typo":
                term_idf = min(term_idf, cap)
            doc_parts.append(docs)
            tf_parts.append(tfs)
            factor_parts.append(np.full(len(docs), exp.weight * term_idf, dtype=np.float32))
        if not doc_parts:
            return scores
        docs = np.concatenate(doc_parts)
        contrib = bm25(np.concatenate(factor_parts), np.concatenate(tf_parts),
                       self.docs.doc_len[docs], avgdl)  # fmt: skip
        np.maximum.at(scores, docs, contrib.astype(np.float32))
        return scores

    def _family_scores(
        self, family: list[Expansion], scores: FloatArray, n: int, avgdl: float
    ) -> float:
        """Write the family pseudo-term's BM25 into ``scores``; return its idf."""
        family_idf = idf(n, max(self.postings.df[e.term_id] for e in family))
        doc_parts, tf_parts, weighted_parts = [], [], []
        for exp in family:
            docs, tfs = self.postings.postings(exp.term_id)
            if len(docs):
                doc_parts.append(docs)
                tf_parts.append(tfs)
                weighted_parts.append(tfs * exp.weight)
        if not doc_parts:
            return family_idf
        docs = np.concatenate(doc_parts)
        tf = np.bincount(docs, weights=np.concatenate(tf_parts), minlength=self.n_slots)
        weighted = np.bincount(docs, weights=np.concatenate(weighted_parts),
                               minlength=self.n_slots)  # fmt: skip
        hit = np.flatnonzero(tf)
        confidence = weighted[hit] / tf[hit]
        scores[hit] = confidence * bm25(family_idf, tf[hit], self.docs.doc_len[hit], avgdl)
        return family_idf

    def expand(self, word: str) -> list[Expansion]:
        """Index terms for one folded query word: exact, prefix, compound part, typo."""
        terms = self.postings.terms
        found: dict[int, Expansion] = {}

        def offer(tid: int | None, weight: float, kind: str) -> None:
            if tid is not None and (tid not in found or found[tid].weight < weight):
                found[tid] = Expansion(tid, terms[tid], weight, kind)

        for term in token_terms(word) or (word,):
            offer(terms.get(term), EXACT, "exact")
        if word.isalpha() and len(word) >= 3 and word not in STOPWORDS:
            containing, near = self.vocabulary.matches(word)
            for tid, at_start in containing:
                if at_start:
                    offer(tid, PREFIX, "prefix")
                elif len(word) >= 5:
                    offer(tid, COMPOUND, "compound")
            # A word that reads as typed (or as a word start) needs one more edit's
            # worth of doubt before we believe it was mistyped.
            extra = 1 if found else 0
            for tid, dist in near:
                offer(tid, TYPO_WEIGHTS[dist + extra], "typo")
        df = self.postings.df
        ranked = sorted(found.values(), key=lambda e: (-e.weight, -df[e.term_id]))
        return ranked[:MAX_EXPANSIONS]
