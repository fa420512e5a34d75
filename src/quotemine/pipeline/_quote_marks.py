"""Find the stretches of text between quotation marks, paragraph by paragraph.

This is the character-level half of ``quotemine_quotes``: it knows nothing about spaCy. It also
holds the ``Record`` of a found quotation and the offset bookkeeping on records. Marks
handled: straight ``"``, curly ``“ ”``, guillemets ``« »`` (and ``» «``), German ``„ “``, doubled
``''`` / ````''``, and single curly ``‘ ’`` nested inside a double quote (then they stay part of the
outer quote). A paragraph that opens a quote and does not close it continues into the next paragraph
when that paragraph starts with an opening mark (the news convention for long quotes); any other
unclosed mark is dropped for that paragraph only, with a warning.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

_OPENERS = frozenset("“„‟«〝")
_CLOSERS = frozenset("”»〞″")
_PARAGRAPH = re.compile(r"[^\n]+")
_ALNUM = re.compile(r"\w")
# every character the scanner reacts to; anything else is skipped in one regex step
_MARK_CHARS = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\u2033\"'`\u00b4]")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A stretch of text between quotation marks.

    Attributes:
        start: First character inside the opening mark.
        end: Character after the last one inside (the closing mark, or the paragraph end).
        closed: Whether a closing mark was found in the paragraph.
        continues: Whether the quote runs on into the next paragraph.
        continued: Whether this span continues a quote opened in an earlier paragraph.

    """

    start: int
    end: int
    closed: bool
    continues: bool = False
    continued: bool = False


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    """Tell whether the paragraph ``text[start:end]`` begins with an opening mark."""
    stripped = text[start:end].lstrip()
    if not stripped:
        return False
    ch = stripped[0]
    return ch in _OPENERS or ch == '"' or stripped.startswith(("''", "``"))


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the marks of one paragraph.

    Args:
        text: The whole document text.
        start: Paragraph start offset.
        end: Paragraph end offset.

    Returns:
        The closed ``(start, end)`` inner spans, and the inner start of a quote left open at the
        paragraph end (or ``None``).

    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    nested = 0  # curly quotes opened inside a straight one
    i = start
    while i < end:
        hit = _MARK_CHARS.search(text, i, end)
        if hit is None:
            break
        i = hit.start()
        ch = text[i]
        two = text[i : i + 2]
        if open_at is None:
            if ch in _OPENERS:
                open_at, closer = i + 1, {"„": "“”", "«": "»", "〝": "〞″"}.get(ch, "”″")
            elif ch == "»" and "«" in text[i + 1 : end]:
                open_at, closer = i + 1, "«"
            elif ch == "”" and i + 1 < end and _ALNUM.match(text[i + 1]):
                open_at, closer = i + 1, "”"
            elif ch == '"':
                open_at, closer, nested = i + 1, '"”', 0  # a straight opener may close with a curly mark
            elif two in ("''", "``"):
                open_at, closer = i + 2, "''"
                i += 1
        else:
            if closer == '"”' and ch == "“":
                nested += 1  # "... about “Equal Justice” anymore": the curly pair is nested
            elif closer == '"”' and ch == "”" and nested:
                nested -= 1
            elif closer == "''" and two in ("''", "´´"):
                spans.append((open_at, i))
                open_at = None
                i += 1
            elif ch in closer and closer != "''":
                spans.append((open_at, i))
                open_at = None
            elif ch == "“" and closer == "”″" and (i + 1 >= end or not _ALNUM.match(text[i + 1])):
                # a left mark typed where the right one belongs ('wrong.“ Then'): a sloppy closer
                spans.append((open_at, i))
                open_at = None
            elif ch == '"' and closer != '"' and closer != "''":
                # a straight mark inside a curly quote: treat as a sloppy closer
                spans.append((open_at, i))
                open_at = None
        i += 1
    return spans, open_at


def find_marked_spans(text: str) -> tuple[list[MarkedSpan], list[str]]:
    """Find every quoted stretch of ``text``.

    Args:
        text: The document text.

    Returns:
        The spans in text order, and warnings about marks that could not be paired.

    >>> spans, _ = find_marked_spans('He said: "We will win."')
    >>> [(s.start, s.end) for s in spans]
    [(10, 22)]

    """
    out: list[MarkedSpan] = []
    warnings: list[str] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    carried = False
    for k, (p_start, p_end) in enumerate(paragraphs):
        spans, open_at = _scan_paragraph(text, p_start, p_end)
        for s, e in spans:
            out.append(MarkedSpan(s, e, closed=True, continued=carried and s <= p_start + 2))
            carried = False
        carried = False
        if open_at is None:
            continue
        nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        continues = nxt is not None and _opens_paragraph(text, nxt[0], nxt[1])
        lead = text[p_start : open_at - 1].rstrip()
        starts_paragraph = open_at - p_start <= 2
        # an opener after a clause or sentence end whose quote runs on into a paragraph that opens
        # with a mark: the news convention for a quote over paragraphs ('... said. "Our ... now.')
        if starts_paragraph or (continues and lead.endswith((":", ",", "—", ".", "!", "?", ";"))):
            end = p_end
            while end > open_at and text[end - 1].isspace():
                end -= 1
            out.append(MarkedSpan(open_at, end, closed=False, continues=continues))
            carried = continues
        else:
            warnings.append(f"unbalanced quotation mark at offset {open_at - 1}; ignored in its paragraph")
            logger.debug("unbalanced quotation mark at %d", open_at - 1)
    return out, warnings


@dataclass
class Record:
    """One quotation found in a document, in character offsets (``quotemine_quotes`` fills it).

    Attributes:
        start: First character of the content.
        end: Character after the content.
        kind: ``direct``, ``indirect`` or ``mixed``.
        cue: Character span of the cue, or ``None``.
        cue_i: Token index of the cue, or ``None``.
        speaker: The speaker dict (see ``docs/pipeline.md``), or ``None``.
        addressee: Character span of the addressee, or ``None``.
        group: Shared id of the pieces of one statement, or ``None``.
        para: Paragraph number of ``start``.

    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    cue_i: int | None
    speaker: dict[str, Any] | None
    addressee: tuple[int, int] | None = None
    group: str | None = None
    para: int = 0


def overlaps(records: Sequence[Record], rec: Record) -> bool:
    """Tell whether ``rec`` overlaps one of ``records`` (sorted by start, mostly disjoint)."""
    k = bisect.bisect_right(records, rec.start, key=lambda r: r.start)
    return any(r.start < rec.end and rec.start < r.end for r in records[max(0, k - 4) : k + 2])


def previous(by_end: Sequence[Record], start: int) -> Record | None:
    """Return the record that ends last at or before ``start + 1`` (``by_end`` sorted by end, start)."""
    k = bisect.bisect_right(by_end, start + 1, key=lambda r: r.end)
    return by_end[k - 1] if k else None


def group_by_cue(records: list[Record]) -> None:
    """Give the records that share a cue one group id, then number the groups ``g1``, ``g2``, ..."""
    by_cue: dict[int, list[Record]] = {}
    for rec in records:
        if rec.cue_i is not None:
            by_cue.setdefault(rec.cue_i, []).append(rec)
    for cue_i, recs in by_cue.items():
        if len(recs) > 1:
            gid = next((r.group for r in recs if r.group), f"g{cue_i}")
            for r in recs:
                r.group = gid
    names: dict[str, str] = {}
    for rec in records:
        if rec.group is not None:
            rec.group = names.setdefault(rec.group, f"g{len(names) + 1}")


def consume(marked: Sequence[MarkedSpan], used: list[bool], rec: Record) -> None:
    """Mark the quoted stretches inside ``rec`` as used (``marked`` is sorted by start)."""
    k = bisect.bisect_left(marked, rec.start - 1, key=lambda m: m.start)
    while k < len(marked) and marked[k].start < rec.end:
        if marked[k].end <= rec.end + 1:
            used[k] = True
        k += 1
