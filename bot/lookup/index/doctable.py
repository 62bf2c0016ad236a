"""Per-article columns of the term index: one slot per indexed article version.

Numpy columns (id, length, dates, language/section/source codes, alive flag) make
filtering a vectorised mask, and a slot number is what postings store. Replaced or
deleted articles are tombstoned (``alive`` false) until the next compaction.

Every part is a frozen base (arrays a snapshot maps, shared by all processes) plus what
this process added since: ``Column`` appends to a small private array, ``Heads`` to a
list, and the article id -> slot map is a sorted id array plus a dict of changes. Only
``alive`` (one byte per slot) is copied per process, because tombstones write to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.lookup.index.strings import Arrays, StringList
from bot.lookup.textnorm import fold
from storage.search_index import IndexRow

COLUMNS = {"article_of": np.int64, "doc_len": np.float32,
           "doc_date": np.float64,  # published, else ingested
           "doc_arrived": np.float64,  # ingested
           "doc_lang": np.int32, "doc_section": np.int32, "doc_source": np.int32}  # fmt: skip
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

    def state(self) -> dict[str, Any]:
        return {"names": self.names, "by_key": self.by_key, "raw": self._raw}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> Codes:
        codes = cls()
        codes.names, codes.by_key, codes._raw = (
            list(state["names"]), dict(state["by_key"]), dict(state["raw"]),
        )  # fmt: skip
        return codes


class Column:
    """A frozen base array and the values appended since; ``full()`` is both, cached."""

    def __init__(self, base: npt.NDArray[Any]) -> None:
        self.base = base
        self._extra = np.zeros(0, dtype=base.dtype)
        self._n_extra = 0
        self._full: npt.NDArray[Any] | None = base

    def append(self, value: float) -> None:
        if self._n_extra >= len(self._extra):
            grown = np.zeros(max(1024, 2 * len(self._extra)), dtype=self._extra.dtype)
            grown[: self._n_extra] = self._extra[: self._n_extra]
            self._extra = grown
        self._extra[self._n_extra] = value
        self._n_extra += 1
        self._full = None

    def set_last(self, value: float) -> None:
        self._extra[self._n_extra - 1] = value
        self._full = None

    def value(self, i: int) -> Any:
        n_base = len(self.base)
        return self.base[i] if i < n_base else self._extra[i - n_base]

    def full(self) -> npt.NDArray[Any]:
        if self._full is None:
            self._full = np.concatenate((self.base, self._extra[: self._n_extra]))
        return self._full


class Heads:
    """Folded title, teaser start and tags per slot: frozen blob, then a list."""

    def __init__(self, base: StringList | None = None) -> None:
        self.base = base or StringList.build([])
        self._n_base = len(self.base)
        self.extra: list[str] = []

    def append(self, head: str) -> None:
        self.extra.append(head)

    def __getitem__(self, slot: int) -> str:
        return self.base[slot] if slot < self._n_base else self.extra[slot - self._n_base]

    def __len__(self) -> int:
        return self._n_base + len(self.extra)


class SlotMap:
    """Article id -> its live slot: sorted base ids (searchsorted), then a dict of changes."""

    def __init__(self, ids: npt.NDArray[np.int64] | None = None,
                 slots: npt.NDArray[np.int32] | None = None) -> None:  # fmt: skip
        self.ids = ids if ids is not None else np.zeros(0, dtype=np.int64)
        self.slots = slots if slots is not None else np.zeros(0, dtype=np.int32)
        self.changed: dict[int, int | None] = {}  # None: removed
        self.count = len(self.ids)

    def get(self, article_id: int) -> int | None:
        if article_id in self.changed:
            return self.changed[article_id]
        i = int(np.searchsorted(self.ids, article_id))
        if i < len(self.ids) and int(self.ids[i]) == article_id:
            return int(self.slots[i])
        return None

    def set(self, article_id: int, slot: int) -> None:
        if self.get(article_id) is None:
            self.count += 1
        self.changed[article_id] = slot

    def pop(self, article_id: int) -> int | None:
        slot = self.get(article_id)
        if slot is not None:
            self.changed[article_id] = None
            self.count -= 1
        return slot

    def __len__(self) -> int:
        return self.count


class DocTable:
    def __init__(self) -> None:
        self.n_slots = 0
        self._columns = {name: Column(np.zeros(0, dtype=dtype)) for name, dtype in COLUMNS.items()}
        self.alive = np.zeros(0, dtype=bool)  # private: tombstones write to it
        self.heads = Heads()
        self.slot_of = SlotMap()
        self.live_len = 0.0
        self.langs, self.sections, self.sources = Codes(), Codes(), Codes()

    # The columns as lookup reads them: base and appended values as one array.
    article_of = property(lambda self: self._columns["article_of"].full())
    doc_len = property(lambda self: self._columns["doc_len"].full())
    doc_date = property(lambda self: self._columns["doc_date"].full())
    doc_arrived = property(lambda self: self._columns["doc_arrived"].full())
    doc_lang = property(lambda self: self._columns["doc_lang"].full())
    doc_section = property(lambda self: self._columns["doc_section"].full())
    doc_source = property(lambda self: self._columns["doc_source"].full())

    @property
    def live_count(self) -> int:
        return len(self.slot_of)

    def new_slot(self, row: IndexRow) -> int:
        slot = self.n_slots
        if slot >= len(self.alive):
            grown = np.zeros(max(1024, slot * 2), dtype=bool)
            grown[:slot] = self.alive[:slot]
            self.alive = grown
        self.n_slots += 1
        self.slot_of.set(row.id, slot)
        when = row.published_at or row.ingested_at
        values = {
            "article_of": row.id,
            "doc_len": 0.0,
            "doc_date": when.timestamp() if when else 0.0,
            "doc_arrived": row.ingested_at.timestamp() if row.ingested_at else 0.0,
            "doc_lang": self.langs.code(row.lang),
            "doc_section": self.sections.code(row.section),
            "doc_source": self.sources.code(row.source),
        }
        for name, value in values.items():
            self._columns[name].append(value)
        self.alive[slot] = True
        tags = " ".join(row.tags or [])
        self.heads.append(fold(f"{row.title} {(row.teaser or '')[:HEAD_TEASER_CHARS]} {tags}"))
        return slot

    def set_length(self, slot: int, length: float) -> None:
        """The length of the slot just added by ``new_slot``."""
        assert slot == self.n_slots - 1
        self._columns["doc_len"].set_last(length)
        self.live_len += length

    def remove(self, article_id: int) -> bool:
        """Tombstone an article's slot; True if it was indexed."""
        slot = self.slot_of.pop(article_id)
        if slot is None:
            return False
        self.alive[slot] = False
        self.live_len -= float(self._columns["doc_len"].value(slot))
        return True

    def compact(self) -> npt.NDArray[np.int32]:
        """Drop tombstoned slots; returns old slot -> new slot (-1 for dropped ones)."""
        keep = np.flatnonzero(self.alive[: self.n_slots])
        remap = np.full(self.n_slots, -1, dtype=np.int32)
        remap[keep] = np.arange(len(keep), dtype=np.int32)
        columns = {name: col.full()[keep] for name, col in self._columns.items()}
        heads = StringList.build(self.heads[i] for i in keep.tolist())
        ids = columns["article_of"]
        order = np.argsort(ids, kind="stable")
        self._freeze(columns, heads, SlotMap(ids[order], order.astype(np.int32)))
        return remap

    def _freeze(self, columns: Mapping[str, npt.NDArray[Any]], heads: StringList,
                slot_of: SlotMap) -> None:  # fmt: skip
        """Make these the base: every slot live, numbered as in ``columns``."""
        self._columns = {name: Column(columns[name]) for name in COLUMNS}
        self.n_slots = len(columns["article_of"])
        self.alive = np.ones(self.n_slots, dtype=bool)
        self.heads = Heads(heads)
        self.slot_of = slot_of

    def filter_mask(self, *, lang: list[int] | None = None, section: list[int] | None = None,
                    source: list[int] | None = None, since: datetime | None = None,
                    until: datetime | None = None,
                    arrived_since: datetime | None = None) -> npt.NDArray[np.bool_]:  # fmt: skip
        """Live articles passing the filters; ``since``/``until`` are on the article date
        (published, else ingested), ``arrived_since`` on the ingestion time."""
        mask = self.alive[: self.n_slots].copy()
        for codes, column in ((lang, "doc_lang"), (section, "doc_section"),
                              (source, "doc_source")):  # fmt: skip
            if codes is not None:
                mask &= np.isin(self._columns[column].full(), codes)
        if since is not None:
            mask &= self.doc_date >= since.timestamp()
        if until is not None:
            mask &= self.doc_date < until.timestamp()
        if arrived_since is not None:
            mask &= self.doc_arrived >= arrived_since.timestamp()
        return mask

    # ---------------------------------------------------------------- snapshots

    def arrays(self) -> tuple[Arrays, dict[str, Any]]:
        """Columns, heads and slot map as arrays, codes as plain data; only valid right
        after a compaction (every slot live, nothing appended)."""
        assert self.n_slots == len(self.heads.base) and self.live_count == self.n_slots
        arrays: Arrays = {name: col.base for name, col in self._columns.items()}
        arrays.update(self.heads.base.arrays("heads"))
        arrays.update({"slot_of.ids": self.slot_of.ids, "slot_of.slots": self.slot_of.slots})
        meta = {"langs": self.langs.state(), "sections": self.sections.state(),
                "sources": self.sources.state(), "live_len": self.live_len}  # fmt: skip
        return arrays, meta

    @classmethod
    def from_arrays(
        cls, arrays: Mapping[str, npt.NDArray[Any]], meta: Mapping[str, Any]
    ) -> DocTable:
        table = cls()
        columns = {name: np.asarray(arrays[name], dtype=dtype) for name, dtype in COLUMNS.items()}
        slot_of = SlotMap(np.asarray(arrays["slot_of.ids"], dtype=np.int64),
                          np.asarray(arrays["slot_of.slots"], dtype=np.int32))  # fmt: skip
        table._freeze(columns, StringList.from_arrays(arrays, "heads"), slot_of)
        table.live_len = float(meta["live_len"])
        table.langs = Codes.from_state(meta["langs"])
        table.sections = Codes.from_state(meta["sections"])
        table.sources = Codes.from_state(meta["sources"])
        return table
