"""Per-article columns of the term index: one slot per indexed article version.

Numpy columns (id, length, dates, language/section/source codes, alive flag) make
filtering a vectorised mask, and a slot number is what postings store. Replaced or
deleted articles are tombstoned (``alive`` false) until the next compaction.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import numpy.typing as npt

from bot.lookup.textnorm import fold
from storage.search_index import IndexRow

COLUMNS = ("article_of", "doc_len", "doc_date", "doc_arrived", "doc_lang", "doc_section",
           "doc_source", "alive")  # fmt: skip
HEAD_TEASER_CHARS = 300


class Codes:
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


class DocTable:
    def __init__(self) -> None:
        self.n_slots = 0
        self.article_of = np.zeros(0, dtype=np.int64)
        self.doc_len = np.zeros(0, dtype=np.float32)
        self.doc_date = np.zeros(0, dtype=np.float64)  # published, else ingested
        self.doc_arrived = np.zeros(0, dtype=np.float64)  # ingested
        self.doc_lang = np.zeros(0, dtype=np.int32)
        self.doc_section = np.zeros(0, dtype=np.int32)
        self.doc_source = np.zeros(0, dtype=np.int32)
        self.alive = np.zeros(0, dtype=bool)
        # Folded title, teaser start and tags: the short text rerank and explanations read.
        self.heads: list[str] = []
        self.slot_of: dict[int, int] = {}
        self.live_len = 0.0
        self.langs, self.sections, self.sources = Codes(), Codes(), Codes()

    @property
    def live_count(self) -> int:
        return len(self.slot_of)

    def new_slot(self, row: IndexRow) -> int:
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
        self.heads.append(fold(f"{row.title} {(row.teaser or '')[:HEAD_TEASER_CHARS]} {tags}"))
        return slot

    def set_length(self, slot: int, length: float) -> None:
        self.doc_len[slot] = length
        self.live_len += length

    def remove(self, article_id: int) -> bool:
        """Tombstone an article's slot; True if it was indexed."""
        slot = self.slot_of.pop(article_id, None)
        if slot is None:
            return False
        self.alive[slot] = False
        self.live_len -= float(self.doc_len[slot])
        return True

    def compact(self) -> npt.NDArray[np.int32]:
        """Drop tombstoned slots; returns old slot -> new slot (-1 for dropped ones)."""
        keep = np.flatnonzero(self.alive[: self.n_slots])
        remap = np.full(self.n_slots, -1, dtype=np.int32)
        remap[keep] = np.arange(len(keep), dtype=np.int32)
        for name in COLUMNS:
            setattr(self, name, getattr(self, name)[keep].copy())
        self.heads = [self.heads[i] for i in keep]
        self.n_slots = len(keep)
        self.slot_of = {int(a): i for i, a in enumerate(self.article_of[: self.n_slots])}
        return remap

    def _grow(self, size: int) -> None:
        for name in COLUMNS:
            old = getattr(self, name)
            new = np.zeros(size, dtype=old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

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
