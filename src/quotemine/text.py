"""Look at raw input before parsing: markup, binary junk, other languages, datelines, chunks.

Everything here keeps character offsets: the cleaned text has the length of the input, so every
offset found in it is an offset into the caller's text.
"""

from __future__ import annotations

import logging
import re
from datetime import date

logger = logging.getLogger(__name__)

__all__ = ["inspect_text", "published_from_dateline", "split_chunks"]

_HTML_HINT = re.compile(
    r"<(?:!doctype|html|head|body|p|div|span|br|a\s|script|style|table|li|h[1-6])\b", re.I
)
_HIDDEN_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<!--.*?-->|<!?/?[A-Za-z][^<>]*>", re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|section|article|header|footer|title)\b",
    re.I,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on was with as by at it from he said his her are were be has have "
    "had not but this an which who they their its or will would been also more after than i we you "
    "she".split()
)
_MIN_WORDS_FOR_LANGUAGE = 25
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATELINE = re.compile(
    rf"\b(?:(?P<mdy>(?P<m1>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d))"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>(?:19|20)\d\d))"
    rf"|(?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)))\b"
)
_MONTH_NUMBER = {name[:3].lower(): i for i, name in enumerate(_MONTHS.split("|")[:12], start=1)}
_DATELINE_CHARS = 400
_DATELINE_LINE = 80
_DATELINE_LEAD = 40
_DATELINE_WORDS = 5


def _blank(match: re.Match[str]) -> str:
    """Replace markup with spaces, keeping line breaks so paragraphs stay paragraphs.

    A block-level tag (``<p>``, ``</h1>``, ``<br>``...) becomes a paragraph break of the same
    length, so a headline and the first paragraph are not read as one sentence.
    """
    blank = re.sub(r"[^\n]", " ", match.group(0))
    if _BLOCK_TAG.match(match.group(0)) and len(blank) >= 2:
        blank = "\n\n" + blank[2:]
    return blank


def inspect_text(text: str) -> tuple[str, list[str], bool]:
    """Return ``(clean text, warnings, analyse?)`` for one input text.

    The clean text has the input's length: HTML markup and control characters are replaced by
    spaces. ``analyse`` is false for text quotemine will not read (empty, binary, not English):
    the caller then gives an empty report carrying the warnings.
    """
    warnings: list[str] = []
    if not text.strip():
        return text, ["text is empty"], False
    clean = text
    controls = len(_CONTROL.findall(text))
    if controls:
        if controls > max(8, len(text) // 20):
            return text, ["text looks binary (many control characters); nothing was extracted"], False
        clean = _CONTROL.sub(" ", clean)
        warnings.append(f"{controls} control character(s) were read as spaces")
    if len(_HTML_HINT.findall(clean[:20_000])) >= 2:
        clean = _TAG.sub(_blank, _HIDDEN_BLOCK.sub(_blank, clean))
        warnings.append("input looks like HTML: markup was read as spaces; pass plain text for best results")
    if not clean.strip():
        return clean, [*warnings, "text is empty"], False
    words = [w.lower() for w in _WORD.findall(clean[:20_000])]
    if len(words) >= _MIN_WORDS_FOR_LANGUAGE:
        latin = sum(1 for w in words if w.isascii())
        function = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
        if latin < len(words) * 0.5 or function < len(words) * 0.08:
            warnings.append("text does not look like English; quotemine reads English news only")
            return clean, warnings, False
    return clean, warnings, True


def published_from_dateline(text: str) -> str | None:
    """Return the date of a dateline or date line near the top of the text, ISO, or ``None``.

    Only a full date (day, month and year) counts, on a short line of its own ("January 10,
    2003", "Published: 10 Jan 2003") or opening a wire dateline ("DUSHANBE, Jan. 10, 2003
    (IWPR) - ..."). A date inside a body sentence is not taken; the clock is never consulted.
    """
    for line in text[:_DATELINE_CHARS].split("\n"):
        match = _DATELINE.search(line)
        if match is None:
            continue
        after = line[match.end() :].lstrip()
        rest = line[: match.start()] + " " + line[match.end() :]
        date_line = len(line.strip()) <= _DATELINE_LINE and len(rest.split()) <= _DATELINE_WORDS
        wire = match.start() <= _DATELINE_LEAD and after[:1] in ("(", "-", "–", "—")
        if not (date_line or wire):
            continue
        try:
            return _date_of(match).isoformat()
        except ValueError:
            continue
    return None


def _date_of(match: re.Match[str]) -> date:
    if match.group("iso"):
        return date(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
    if match.group("mdy"):
        month = _MONTH_NUMBER[match.group("m1")[:3].lower()]
        return date(int(match.group("y1")), month, int(match.group("d1")))
    month = _MONTH_NUMBER[match.group("m2")[:3].lower()]
    return date(int(match.group("y2")), month, int(match.group("d2")))


def split_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, chunk)`` pieces of at most ``limit`` characters.

    Cuts fall on paragraph breaks when there are any, else on line breaks, sentence ends or
    spaces, so that no sentence (and so no quote) is cut where it can be avoided.
    """
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep, limit // 2)
                if cut != -1:
                    end = start + cut + len(sep)
                    break
        chunks.append((start, text[start:end]))
        start = end
    return chunks
