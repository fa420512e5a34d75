"""Read HTML character references in plain text, keeping offsets into the caller's text.

Scraped or exported article text often keeps references such as ``&nbsp;``, ``&amp;``, ``&pound;``,
``&#8217;`` or ``&mdash;``. Read as written they cut a name in two ("Mara&nbsp;Quell"), hide an
amount ("&pound;40m") and split words ("don&#8217;t"). ``decode_references`` returns the text with
each reference replaced by its character(s) and an ``OffsetMap`` from offsets into that shorter,
decoded text back to offsets into the caller's text; the report's spans are moved back with it
(``quotemine.merge.remap_report``), so every item still carries offsets into the caller's text and
``text[start:end] == item.text`` (an item's text then holds the reference as written).

Only a complete reference is read: ``&`` then a name Python's ``html`` module knows, or ``#`` and a
decimal or ``x`` and a hexadecimal code point, then ``;``. "AT&T", "R&D" and "&c" stay as written.
A text that looks like HTML is not handled here: ``html_mask`` reads its markup and references.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from html import unescape

__all__ = ["OffsetMap", "decode_references"]

_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(slots=True)
class OffsetMap:
    """Move offsets of the decoded text to the caller's text: one entry per reference read.

    Reference ``k`` was ``original[original_starts[k]:original_ends[k]]`` and is
    ``decoded[decoded_starts[k]:decoded_ends[k]]``. An offset inside a reference's value maps to
    the reference's start; the offset right after it maps to the reference's end.
    """

    decoded_starts: list[int] = field(default_factory=list)
    decoded_ends: list[int] = field(default_factory=list)
    original_starts: list[int] = field(default_factory=list)
    original_ends: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        """Return how many references were read."""
        return len(self.decoded_starts)

    def original(self, offset: int) -> int:
        """Return the offset into the caller's text of ``offset`` into the decoded text.

        >>> _, where = decode_references("A&amp;B said")
        >>> where.original(1), where.original(2), where.original(4)
        (1, 6, 8)
        """
        k = bisect.bisect_right(self.decoded_starts, offset) - 1
        if k < 0:
            return offset
        if offset < self.decoded_ends[k]:
            return self.original_starts[k]
        return self.original_ends[k] + offset - self.decoded_ends[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span ``[start, end)`` of the decoded text as a span of the caller's text."""
        return self.original(start), self.original(end)


def decode_references(text: str) -> tuple[str, OffsetMap | None]:
    r"""Return ``text`` with its HTML character references read, and the map back to its offsets.

    ``None`` for the map when the text holds no reference (the text is then returned as it is).

    >>> decode_references("Mara&nbsp;Quell paid &pound;40")[0]
    'Mara\xa0Quell paid £40'
    >>> decode_references("AT&T and R&D")
    ('AT&T and R&D', None)
    """
    if "&" not in text:
        return text, None
    parts: list[str] = []
    where = OffsetMap()
    last = 0
    length = 0  # of the decoded text so far
    for m in _REFERENCE.finditer(text):
        raw = m.group()
        value = unescape(raw)
        if not value or len(value) >= len(raw):  # not a reference html knows, or a control code
            continue
        length += m.start() - last
        parts += (text[last : m.start()], value)
        where.decoded_starts.append(length)
        where.original_starts.append(m.start())
        length += len(value)
        where.decoded_ends.append(length)
        where.original_ends.append(m.end())
        last = m.end()
    if not where:
        return text, None
    parts.append(text[last:])
    return "".join(parts), where
