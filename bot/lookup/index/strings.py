"""Strings as flat arrays, so an index snapshot can be mapped instead of unpickled.

A Python ``dict[str, int]`` of a million words costs about 100 MB in every process that
holds it and seconds to rebuild; the same words as one UTF-8 blob, an offsets array and
an open-addressing hash table (``StringTable``) cost a fifth of that, load with ``mmap``
in no time and are shared by every process that maps the file. Lookups stay O(1):
crc32 of the word, then a probe or two comparing bytes.

A frozen table is never changed in place. ``GrowingStrings`` puts a small dict of words
added since the table was frozen on top of it; ``freeze`` folds them in.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterable, Iterator, Mapping

import numpy as np
import numpy.typing as npt

Arrays = dict[str, npt.NDArray[np.generic]]
_EMPTY_SLOT = -1


class StringList:
    """Strings by position: one UTF-8 blob and ``offsets`` (n + 1 of them)."""

    def __init__(self, blob: npt.NDArray[np.uint8], offsets: npt.NDArray[np.int64]) -> None:
        self.blob, self.offsets = blob, offsets
        self._bytes = blob.data if len(blob) else memoryview(b"")
        self._offs = offsets.data.cast("B").cast("q") if len(offsets) else memoryview(b"")

    @classmethod
    def build(cls, strings: Iterable[str]) -> StringList:
        encoded = [s.encode() for s in strings]
        lengths = np.fromiter((len(b) for b in encoded), dtype=np.int64, count=len(encoded))
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        blob = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
        return cls(blob, offsets)

    def __len__(self) -> int:
        return max(len(self.offsets) - 1, 0)

    def raw(self, i: int) -> memoryview:
        return self._bytes[self._offs[i] : self._offs[i + 1]]

    def __getitem__(self, i: int) -> str:
        return str(self._bytes[self._offs[i] : self._offs[i + 1]], "utf-8")

    def __iter__(self) -> Iterator[str]:
        text = bytes(self._bytes)
        offs = self.offsets.tolist()
        for a, b in itertools.pairwise(offs):
            yield text[a:b].decode()

    def take(self, positions: Iterable[int]) -> list[str]:
        return [self[i] for i in positions]

    def arrays(self, prefix: str) -> Arrays:
        return {f"{prefix}.blob": self.blob, f"{prefix}.offsets": self.offsets}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, npt.NDArray[np.generic]], prefix: str) -> StringList:
        blob = np.asarray(arrays[f"{prefix}.blob"], dtype=np.uint8)
        return cls(blob, np.asarray(arrays[f"{prefix}.offsets"], dtype=np.int64))


class StringTable(StringList):
    """A ``StringList`` that also finds a string's position (``find``), in O(1)."""

    def __init__(
        self,
        blob: npt.NDArray[np.uint8],
        offsets: npt.NDArray[np.int64],
        slots: npt.NDArray[np.int32],
    ) -> None:
        super().__init__(blob, offsets)
        self.slots = slots
        self._slots = slots.data.cast("B").cast("i") if len(slots) else memoryview(b"")
        self._mask = len(slots) - 1

    @classmethod
    def build(cls, strings: Iterable[str]) -> StringTable:
        listed = StringList.build(strings)
        return cls(listed.blob, listed.offsets, _hash_slots(listed))

    def find(self, text: str) -> int:
        """The position of ``text``, or -1."""
        if self._mask < 0:
            return -1
        key = text.encode()
        slot = zlib.crc32(key) & self._mask
        slots, offs, data = self._slots, self._offs, self._bytes
        while True:
            i = slots[slot]
            if i == _EMPTY_SLOT:
                return -1
            if data[offs[i] : offs[i + 1]] == key:
                return int(i)
            slot = (slot + 1) & self._mask

    def arrays(self, prefix: str) -> Arrays:
        return {**super().arrays(prefix), f"{prefix}.slots": self.slots}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, npt.NDArray[np.generic]], prefix: str) -> StringTable:
        listed = StringList.from_arrays(arrays, prefix)
        slots = np.asarray(arrays[f"{prefix}.slots"], dtype=np.int32)
        return cls(listed.blob, listed.offsets, slots)


def _hash_slots(listed: StringList) -> npt.NDArray[np.int32]:
    """Linear-probing table at load factor <= 0.5, filled vectorised (first claim wins)."""
    n = len(listed)
    size = 1 << max(3, int(2 * n).bit_length())
    slots = np.full(size, _EMPTY_SLOT, dtype=np.int32)
    if not n:
        return slots
    hashes = np.fromiter((zlib.crc32(listed.raw(i)) for i in range(n)), dtype=np.uint32, count=n)
    pos = (hashes & np.uint32(size - 1)).astype(np.int64)
    waiting = np.arange(n, dtype=np.int64)
    while len(waiting):
        at = pos[waiting]
        free = slots[at] == _EMPTY_SLOT
        claimants, claimed_at = waiting[free], at[free]
        won_at, first = np.unique(claimed_at, return_index=True)  # lowest position wins
        slots[won_at] = claimants[first]
        placed = np.zeros(n, dtype=bool)
        placed[claimants[first]] = True
        waiting = waiting[~placed[waiting]]
        pos[waiting] = (pos[waiting] + 1) & (size - 1)
    return slots


class GrowingStrings:
    """A frozen ``StringTable`` plus the strings added since, numbered after it."""

    def __init__(self, base: StringTable | None = None) -> None:
        self.base = base or StringTable.build([])
        self._n_base = len(self.base)
        self._new: dict[str, int] = {}
        self._new_list: list[str] = []

    def get(self, text: str) -> int | None:
        found = self.base.find(text)
        if found >= 0:
            return found
        return self._new.get(text)

    def add(self, text: str) -> int:
        """The id of ``text``, added if new."""
        found = self.get(text)
        if found is None:
            found = self._new[text] = self._n_base + len(self._new_list)
            self._new_list.append(text)
        return found

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.get(text) is not None

    def __getitem__(self, i: int) -> str:
        return self.base[i] if i < self._n_base else self._new_list[i - self._n_base]

    def __len__(self) -> int:
        return self._n_base + len(self._new_list)

    def __iter__(self) -> Iterator[str]:
        yield from self.base
        yield from self._new_list

    @property
    def added(self) -> list[str]:
        """Strings added since the base was frozen, in order."""
        return self._new_list

    def freeze(self) -> StringTable:
        """One table holding the base and the added strings, numbered as now."""
        if not self._new_list:
            return self.base
        return StringTable.build(self)
