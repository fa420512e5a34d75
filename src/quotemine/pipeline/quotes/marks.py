"""Find the stretches of text between quotation marks, paragraph by paragraph.

This is the character-level half of ``quotemine_quotes``: it knows nothing about spaCy. Marks
handled: straight ``"``, curly ``“ ”``, guillemets ``« »`` (and ``» «``), German ``„ “``, doubled
``''`` / ````''``, single curly ``‘ ’`` nested inside a double quote (then they stay part of the
outer quote), and single marks ``' '`` / ``‘ ’`` that pair up outside double ones
(``single_marks``). A paragraph that opens a quote and does not close it continues into the next
paragraph when that paragraph starts with an opening mark (the news convention for long quotes),
or closes at the first mark of the next paragraph when that one opens with no mark and the quote
ends there before its attribution (``_bridge``); any other unclosed mark is dropped for that
paragraph only, with a warning.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from quotemine.lexicons.words import PARAGRAPH

__all__ = ["MarkedSpan", "find_marked_spans", "single_marks"]

logger = logging.getLogger(__name__)

_OPENERS = frozenset("“„‟«〝")
#: The closing marks of an opening mark (a curly opener by default).
_CLOSER_OF = {"„": "“”", "«": "»", "〝": "〞″"}
_ALNUM = re.compile(r"\w")
# every character the scanner reacts to; anything else is skipped in one regex step
_MARK_CHARS = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\u2033\"'`\u00b4]")
#: How a paragraph's lead may end when its unclosed quote runs on into the next paragraph.
_RUN_ON_LEADS = (":", ",", "—", ".", "!", "?", ";")


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


@dataclass
class _Scanner:
    """Pair the marks of one paragraph, left to right (one quote open at a time)."""

    text: str
    end: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    open_at: int | None = None
    closer: str = ""
    nested: int = 0  # curly quotes opened inside a straight one

    def run(self, start: int) -> None:
        """Scan ``text[start:end]``, filling ``spans`` and leaving ``open_at`` set if unclosed."""
        i = start
        while i < self.end:
            hit = _MARK_CHARS.search(self.text, i, self.end)
            if hit is None:
                break
            i = hit.start()
            skip = self._open(i) if self.open_at is None else self._close(i)
            i += 1 + skip

    def _start(self, inner: int, closer: str) -> None:
        self.open_at, self.closer = inner, closer

    def _finish(self, i: int) -> None:
        assert self.open_at is not None
        self.spans.append((self.open_at, i))
        self.open_at = None

    def _alnum_after(self, i: int) -> bool:
        return i + 1 < self.end and bool(_ALNUM.match(self.text[i + 1]))

    def _open(self, i: int) -> int:
        """Open a quote at the mark ``text[i]`` if it can open one; return extra characters read."""
        text, ch = self.text, self.text[i]
        if ch in _OPENERS:
            self._start(i + 1, _CLOSER_OF.get(ch, "”″"))
        elif ch == "»" and "«" in text[i + 1 : self.end]:
            self._start(i + 1, "«")
        elif ch == "”" and self._alnum_after(i):
            self._start(i + 1, "”")
        elif ch == '"':
            self._start(i + 1, '"”')  # a straight opener may close with a curly mark
            self.nested = 0
        elif text[i : i + 2] in ("''", "``"):
            self._start(i + 2, "''")
            return 1
        return 0

    def _close(self, i: int) -> int:
        """Close (or nest in) the open quote at the mark ``text[i]``; return extra characters read."""
        ch, closer = self.text[i], self.closer
        if closer == '"”' and ch == "“":
            self.nested += 1  # "... about “Equal Justice” anymore": the curly pair is nested
        elif closer == '"”' and ch == "”" and self.nested:
            self.nested -= 1
        elif closer == "''" and self.text[i : i + 2] in ("''", "´´"):
            self._finish(i)
            return 1
        elif (
            (ch in closer and closer != "''")
            # a left mark typed where the right one belongs ('wrong.“ Then'): a sloppy closer
            or (ch == "“" and closer == "”″" and not self._alnum_after(i))
            # a straight mark inside a curly quote: a sloppy closer too
            or (ch == '"' and closer not in ('"', "''"))
        ):
            self._finish(i)
        return 0


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
    scanner = _Scanner(text, end)
    scanner.run(start)
    return scanner.spans, scanner.open_at


def _unclosed(
    text: str, paragraph: tuple[int, int], following: tuple[int, int] | None, open_at: int
) -> MarkedSpan | None:
    """Return the span of a quote left open at the paragraph end, or ``None`` to drop its mark.

    A quote that opens the paragraph runs to its end; so does one opened after a clause or sentence
    end whose quote goes on into a paragraph that opens with a mark, the news convention for a quote
    over paragraphs ('... said. "Our ... now.').
    """
    p_start, p_end = paragraph
    continues = following is not None and _opens_paragraph(text, *following)
    lead = text[p_start : open_at - 1].rstrip()
    starts_paragraph = open_at - p_start <= 2
    if not (starts_paragraph or (continues and lead.endswith(_RUN_ON_LEADS))):
        return None
    end = p_end
    while end > open_at and text[end - 1].isspace():
        end -= 1
    return MarkedSpan(open_at, end, closed=False, continues=continues)


def _strip_inner(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(start, end)`` without the spaces just inside the marks ('" We will win. "').

    Masked HTML reads a reference mark (``&quot;``) as the mark followed by spaces: the quote
    starts at its first word, not inside the reference.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]
    out, warnings = _find(text, paragraphs)
    if _SINGLE_OPENER.search(text) is None:
        return out, warnings
    read = single_marks(text, out)
    return (out, warnings) if read == text else _find(read, paragraphs)


#: A single mark that may open a quotation: at a paragraph or clause start, before a letter (not
#: before a digit: "the '90s" is an elided century). The mark comes first in the pattern and the
#: look-behind after it, so the regex engine scans for the mark alone.
_SINGLE_OPENER = re.compile(r"['‘](?<![^\s(\[—–:]['‘])(?=[^\W\d_])")
#: A single mark that may close one: after a non-space, before a space, punctuation or the end.
_SINGLE_CLOSER = re.compile(r"['’](?<=\S['’])(?=$|[\s.,;:!?)\]—–-])", re.MULTILINE)
#: After a closing candidate: a plural possessive runs on into a lower-case word ("the Smiths' house").
_POSSESSIVE_TAIL = re.compile(r"[ \t]+[a-z]")


def _single_closer(text: str, start: int, end: int) -> re.Match[str] | None:
    """Return the first single mark in ``text[start:end]`` that can close a quotation.

    A mark after "s" and before a lower-case word is a plural possessive ("the lads' wages"), not
    the end of the quotation: a quotation closed there would need a comma or a full stop first.
    """
    pos = start
    while (closer := _SINGLE_CLOSER.search(text, pos, end)) is not None:
        b = closer.start()
        if not (text[b - 1] in "sS" and _POSSESSIVE_TAIL.match(text, b + 1, end)):
            return closer
        pos = closer.end()
    return None


def single_marks(text: str, marked: list[MarkedSpan]) -> str:
    """Return ``text`` with the single quotation marks that pair up read as double ones.

    British, Irish, Australian and Indian papers often quote with single marks: "'We are sorry,'
    she said." Outside the stretches already quoted with double marks, a single mark at a clause
    start before a word opens a quotation and the next single mark after a word, before a space or
    punctuation, in the same paragraph, closes it; apostrophes inside words ("don't") do neither.
    Each mark is replaced by one character, so offsets are those of ``text``.
    """
    taken = [(m.start - 1, m.end + 1) for m in marked]
    free = [o.start() for o in _SINGLE_OPENER.finditer(text) if not any(s <= o.start() < e for s, e in taken)]
    if not free:
        return text  # no single mark outside double quotes ('She said "no \'way\'"')
    chars = list(text)
    paragraphs = list(PARAGRAPH.finditer(text))
    for k, p in enumerate(paragraphs):
        if not any(p.start() <= a < p.end() for a in free):
            continue
        pos = p.start()
        while (opener := _SINGLE_OPENER.search(text, pos, p.end())) is not None:
            a = opener.start()
            closer = _single_closer(text, opener.end(), p.end())
            if closer is None:
                # a quotation that runs on into a paragraph opening with a single mark
                nxt = paragraphs[k + 1].group().lstrip()[:1] if k + 1 < len(paragraphs) else ""
                if nxt in _SINGLE_OPENERS and not any(s <= a < e for s, e in taken):
                    chars[a] = _DOUBLE_OPEN
                break
            pos, b = closer.end(), closer.start()
            if sum(ch.isalpha() for ch in text[a + 1 : b]) < _MIN_SINGLE_LETTERS:
                continue  # "rock 'n' roll"
            if not any(s <= a < e or s <= b < e for s, e in taken):
                chars[a], chars[b] = _DOUBLE_OPEN, _DOUBLE_CLOSE
    return "".join(chars)


#: Fewest letters between two single marks read as a quotation.
_MIN_SINGLE_LETTERS = 2
_SINGLE_OPENERS = ("'", "\u2018")
_DOUBLE_OPEN, _DOUBLE_CLOSE = "\u201c", "\u201d"


#: What may stand right before the closing mark of a quote bridged over a paragraph break: a quote
#: closed by a comma, a question or an exclamation hands over to its attribution ('...," said Roe.').
_BRIDGE_ENDS = (",", "?", "!", "—", "–")
#: What follows that closing mark: a space and a word on the same line.
_BRIDGE_TAIL = re.compile(r"[ \t]+\w")


def _bridge(text: str, paragraph: tuple[int, int], nxt: tuple[int, int], open_at: int) -> _Scanner | None:
    """Pair a quote left open at a paragraph end with the first closing mark of the next paragraph.

    A quote opens a paragraph ('"The pier is old.'), and the next one goes on with no mark ('We
    will mend it by May," said Roe.'): the writer dropped the second paragraph's opening mark.
    Read so only when the quote opens its paragraph (or follows a clause
    or sentence end), the next paragraph opens with no mark, its first mark closes the quote, the
    closed quote ends with a comma, "?" or "!" and its attribution follows on the same line, and
    the next paragraph's marks pair up once that mark is read as a closer. Returns the scanner of
    the next paragraph with the bridged span first, or ``None``.
    """
    p_start, _ = paragraph
    lead = text[p_start : open_at - 1].rstrip()
    if not (open_at - p_start <= 2 or lead.endswith(_RUN_ON_LEADS)) or _opens_paragraph(text, *nxt):
        return None
    opener = text[open_at - 1]
    if text[open_at - 2 : open_at] in ("''", "``"):
        closer = "''"
    else:
        closer = {'"': '"”', "»": "«", "”": "”"}.get(opener) or _CLOSER_OF.get(opener, "”″")
    scanner = _Scanner(text, nxt[1], open_at=open_at, closer=closer)
    scanner.run(nxt[0])
    if scanner.open_at is not None or not scanner.spans:
        return None
    close = scanner.spans[0][1]
    if close < nxt[0] or not text[open_at:close].rstrip().endswith(_BRIDGE_ENDS):
        return None
    return scanner if _BRIDGE_TAIL.match(text, close + 1, nxt[1]) else None


def _find(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[MarkedSpan], list[str]]:
    """Find the quoted stretches of ``text``, paragraph by paragraph (see ``find_marked_spans``)."""
    out: list[MarkedSpan] = []
    warnings: list[str] = []
    carried = False
    bridged: list[tuple[int, int]] | None = None
    for k, (p_start, p_end) in enumerate(paragraphs):
        if bridged is not None:
            spans, open_at, bridged = bridged, None, None
        else:
            spans, open_at = _scan_paragraph(text, p_start, p_end)
        for s, e in spans:
            continued = carried and s <= p_start + 2
            s, e = _strip_inner(text, s, e)
            out.append(MarkedSpan(s, e, closed=True, continued=continued))
            carried = False
        carried = False
        if open_at is None:
            continue
        following = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        scanner = None if following is None else _bridge(text, (p_start, p_end), following, open_at)
        if scanner is not None:
            bridged = scanner.spans
            continue
        span = _unclosed(text, (p_start, p_end), following, open_at)
        if span is not None:
            out.append(span)
            carried = span.continues
        else:
            warnings.append(f"unbalanced quotation mark at offset {open_at - 1}; ignored in its paragraph")
            logger.debug("unbalanced quotation mark at %d", open_at - 1)
    return out, warnings
