"""Read the rows of a CSV file without losing one silently.

Python's ``csv`` module, as usually called, hides two kinds of damage: bytes that are not UTF-8
become U+FFFD (with ``errors="replace"``), and a quoted field that never closes swallows the rows
after it into one field. Here the file is read strictly:

- a row with bytes that are not UTF-8 is yielded with a ``problem`` that names the field and the
  byte (the other rows go on);
- a row whose quoting is malformed (a quoted field that never closes, or text after a closing
  quote) is yielded with a ``problem``, and reading starts again on the line after that row's first
  line, so the rows it would have swallowed are read on their own.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = ["CsvRow", "csv_rows"]

_ESCAPED = range(0xDC80, 0xDD00)  # surrogateescape's stand-ins for undecodable bytes


@dataclass(slots=True)
class CsvRow:
    """One data row: its 1-based number, the line it starts on, its fields or what is wrong."""

    number: int
    line: int
    fields: dict[str, str] | None = None
    problem: str | None = None


class _Lines:
    """The file's lines, remembering those of the current row so a bad row can be re-read."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.replay: deque[tuple[int, str]] = deque()
        self.taken: list[tuple[int, str]] = []
        self.number = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.replay:
            entry = self.replay.popleft()
        else:
            line = self.handle.readline()
            if not line:
                raise StopIteration
            self.number += 1
            entry = (self.number, line)
        self.taken.append(entry)
        return entry[1]

    def next_line_number(self) -> int:
        return self.replay[0][0] if self.replay else self.number + 1


def _undecodable(fields: dict[str, str]) -> str | None:
    for name, value in fields.items():
        for char in value or "":
            if ord(char) in _ESCAPED:
                byte = ord(char) - 0xDC00
                return f"field {name!r} is not UTF-8 text (byte 0x{byte:02x})"
    return None


def csv_rows(path: Path) -> Iterator[CsvRow]:
    """Yield the data rows of a CSV file with a header row, strictly decoded and parsed.

    Args:
        path: the CSV file (UTF-8, with or without a byte-order mark).

    Yields:
        One ``CsvRow`` per data row: its fields by header name, or the ``problem`` that makes it
        unreadable.

    Raises:
        OSError: the file cannot be read.

    """
    # csv's field limit (128 kB by default) would end the whole file at the first long article;
    # long texts are judged by max_chars instead.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        lines = _Lines(handle)
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader)
        except (StopIteration, csv.Error):
            return
        number = 0
        while True:
            lines.taken = []
            start = lines.next_line_number()
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                number += 1
                bad = lines.taken
                problem = f"row {number} (line {start}) has malformed quoting: {exc}"
                yield CsvRow(number, start, problem=problem)
                lines.replay.extendleft(reversed(bad[1:]))  # read on from the row's second line
                reader = csv.reader(lines, strict=True)
                continue
            if not values:
                continue  # a blank line
            number += 1
            fields = dict(zip(header, values, strict=False))
            undecodable = _undecodable(fields)
            if undecodable is not None:
                yield CsvRow(number, start, problem=f"row {number} (line {start}): {undecodable}")
            else:
                yield CsvRow(number, start, fields=fields)
