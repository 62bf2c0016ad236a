"""Reading import files as text, a piece at a time, whatever their encoding.

Memory stays bounded by the longest row, not the file: a 300 MB JSONL import used to be
read whole, decoded whole and split into a list of lines, and peaked at 1.4 GB; read line
by line it stays near the batch writer's own footprint (docs/benchmarks.md, "Safety and
bounded input"). Every piece comes with the line it started on, so a bad row is
reported where a person can find it.

Encodings: a byte-order mark wins (UTF-8, UTF-16, UTF-32); otherwise the first
``DETECT_BYTES`` must be valid UTF-8, else ``charset_normalizer`` names the encoding
(Windows-1252 exports from Excel, Latin-1), so umlauts arrive as umlauts and not as U+FFFD.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from charset_normalizer import from_bytes

DETECT_BYTES = 64 * 1024
# One row (a JSONL line, a CSV record, a JSON array item) may be this long; a longer one
# is reported and skipped without holding it in memory. Long-form articles are < 1 MB.
MAX_ROW_CHARS = 16 * 1024 * 1024
READ_CHARS = 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip


def detect_encoding(head: bytes) -> str:
    """The encoding of a file that starts with ``head`` (see the module docstring)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(head).best()
    return best.encoding if best is not None else "cp1252"


def open_text(path: Path) -> TextIO:
    """``path`` opened for reading text in its detected encoding."""
    with path.open("rb") as raw:
        head = raw.read(DETECT_BYTES)
    return path.open(encoding=detect_encoding(head), errors="replace", newline="")


def decode(data: bytes, charset: str | None = None) -> str:
    """Bytes fetched from a URL as text: the server's charset if it names a real one."""
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    return data.decode(detect_encoding(data[:DETECT_BYTES]), errors="replace")


def as_stream(text: str | TextIO) -> TextIO:
    return io.StringIO(text, newline="") if isinstance(text, str) else text


@dataclass
class Line:
    number: int  # 1-based line where it starts
    text: str | None  # None: longer than MAX_ROW_CHARS, skipped


def lines(stream: TextIO, *, max_chars: int = MAX_ROW_CHARS) -> Iterator[Line]:
    """Physical lines (``\\n``, ``\\r\\n`` or ``\\r``) without holding an over-long one."""
    number = 0
    while True:
        text = stream.readline(max_chars + 1)
        if not text:
            return
        number += 1
        if len(text) > max_chars and not text.endswith(("\n", "\r")):
            while (more := stream.readline(READ_CHARS)) and not more.endswith(("\n", "\r")):
                pass
            yield Line(number, None)
            continue
        yield Line(number, text.rstrip("\r\n"))


class RecordTooLong(Exception):
    """A CSV record ran past ``MAX_ROW_CHARS`` (typically an unclosed quote)."""


class _RecordSource:
    """Feeds ``csv.reader`` one line at a time and remembers the lines of the current
    record, so a broken record can be reported by its first line and the lines after it
    read again as records of their own."""

    def __init__(self, stream: TextIO) -> None:
        self._lines = lines(stream)
        self._replay: deque[Line] = deque()
        self.record: list[Line] = []
        self._chars = 0

    def start_record(self) -> None:
        self.record, self._chars = [], 0

    def replay_after_first(self) -> None:
        self._replay.extendleft(reversed(self.record[1:]))

    def __iter__(self) -> _RecordSource:
        return self

    def __next__(self) -> str:
        line = self._replay.popleft() if self._replay else next(self._lines)
        self.record.append(line)
        if line.text is None:
            raise RecordTooLong
        self._chars += len(line.text)
        if self._chars > MAX_ROW_CHARS:
            raise RecordTooLong
        return line.text + "\n"


@dataclass
class CsvRow:
    number: int  # line the record starts on
    values: list[str] | None
    error: str | None = None


def csv_rows(stream: TextIO, dialect: type[csv.Dialect] | csv.Dialect) -> Iterator[CsvRow]:
    """CSV records with their first line; a broken record (unclosed quote, over-long
    field) is one ``CsvRow`` with an error, and reading goes on at the line after it."""
    csv.field_size_limit(MAX_ROW_CHARS)  # the stdlib's 128 KiB is less than long reads
    source = _RecordSource(stream)
    reader = csv.reader(source, dialect, strict=True)
    while True:
        source.start_record()
        try:
            values = next(reader)
        except StopIteration:
            return
        except (csv.Error, RecordTooLong) as exc:
            if not source.record:
                return
            yield CsvRow(source.record[0].number, None, _csv_problem(exc, source.record))
            source.replay_after_first()
            reader = csv.reader(source, dialect, strict=True)
            continue
        if source.record:
            yield CsvRow(source.record[0].number, values)


def _csv_problem(exc: Exception, record: list[Line]) -> str:
    if isinstance(exc, RecordTooLong):
        if record[-1].text is None:
            return f"line longer than {MAX_ROW_CHARS // 2**20} MB"
        return (
            f"record runs over {len(record)} lines and {MAX_ROW_CHARS // 2**20} MB "
            "(an unclosed quote?)"
        )
    if "unexpected end of data" in str(exc):
        return "unclosed quote: the record never ends"
    if len(record) > 1:
        return (
            f"unclosed or stray quote: the field opened on this line runs over "
            f"{len(record)} lines ({exc})"
        )
    return f"malformed CSV ({exc})"


@dataclass
class JsonItem:
    number: int  # line the item starts on
    index: int
    value: object
    error: str | None = None


def json_array_items(stream: TextIO) -> Iterator[JsonItem]:
    """The items of a top-level JSON array, decoded one at a time from a sliding buffer.

    A syntax error ends the array (the rest of one JSON document cannot be trusted); it is
    reported with its line. A top-level object is the single item (up to MAX_ROW_CHARS).
    """
    buf = _Buffer(stream)
    buf.skip_space()
    if buf.peek() == "[":
        buf.pos += 1
    elif buf.peek() != "{":
        if buf.peek():
            yield JsonItem(buf.line, 0, None, "invalid JSON (expected an array or an object)")
        return
    index = 0
    while True:
        buf.skip_space(commas=index > 0)
        char = buf.peek()
        if char in ("", "]"):
            return
        number = buf.line
        try:
            value = buf.decode()
        except json.JSONDecodeError as exc:
            yield JsonItem(number, index, None, f"invalid JSON ({exc.msg})")
            return
        yield JsonItem(number, index, value)
        index += 1


class _Buffer:
    """A window on the stream: ``pos`` into ``text``, ``line`` counted up to ``pos``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._decoder = json.JSONDecoder()
        self.text, self.pos, self._counted, self.line, self.eof = "", 0, 0, 1, False

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self._stream.read(READ_CHARS)
        self.eof = not chunk
        self._count()
        self.text, self.pos, self._counted = self.text[self.pos :] + chunk, 0, 0
        return bool(chunk)

    def _count(self) -> None:
        self.line += self.text.count("\n", self._counted, self.pos)
        self._counted = self.pos

    def peek(self) -> str:
        while self.pos >= len(self.text):
            if not self._fill():
                return ""
        return self.text[self.pos]

    def skip_space(self, *, commas: bool = False) -> None:
        while (char := self.peek()) and (char.isspace() or (commas and char == ",")):
            self.pos += 1
        self._count()

    def decode(self) -> object:
        while True:
            try:
                value, end = self._decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError:
                if len(self.text) - self.pos < MAX_ROW_CHARS and self._fill():
                    continue
                raise
            if end == len(self.text) and self._fill():
                continue  # a number at the window's edge may go on in the next chunk
            self.pos = end
            self._count()
            return value
