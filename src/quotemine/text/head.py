"""The top of an article: headline, byline and dateline. The one owner of each of these facts.

Every function returns character offsets into the text it is given, never models: ``report.py``
turns them into schema objects and ``quotemine_entities`` flags byline names as authors.
"""

from __future__ import annotations

import re
from datetime import date

# A byline: "By", "BY" or "by" at a line start, then a capitalised name of up to four words.
_BYLINE = re.compile(r"^[ \t]*(?:By|BY|by)[ \t]+(?=[A-Z])", re.MULTILINE)
_BYLINE_NAME = re.compile(r"[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}")
_BYLINE_SEPARATOR = re.compile(r"[ \t]*(?:,|&|\band\b)[ \t]*")
_BYLINE_CHARS = 1500
# First words that make "By ..." a time phrase, not a byline ("By Monday morning", "By Sept. 30").
_NOT_A_NAME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_HEAD_CHARS = 600

__all__ = ["byline_names", "headline", "published_from_dateline"]

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


def headline(text: str) -> tuple[int, int] | None:
    r"""Guess the headline: the first short line that reads like a title, before the body starts.

    Site banners ("Site name | Slogan") and bylines are skipped; only the first other line can be
    the title. It is body text, and there is no title, when it ends in a full stop (or ":", ";",
    ","), has more than 20 words, or is a piece of a sentence broken across lines: a quotation
    opened and not closed on it, or a next line that goes on in lower case.

    >>> text = 'Mayor Lin said the dam "will\nhold," aides said.\n\nLin added more.'
    >>> headline(text) is None
    True
    """
    offset = 0
    lines = text[:_HEAD_CHARS].split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        start = offset + line.find(stripped) if stripped else offset
        offset += len(line) + 1
        if not stripped or " | " in stripped or _byline_at(stripped, 0):
            continue
        words = stripped.split()
        if (
            len(words) > 20
            or stripped.endswith((".", ":", ";", ","))
            or _cut_sentence(stripped, lines[i + 1 :])
        ):
            return None
        return start, start + len(stripped)
    return None


def _cut_sentence(line: str, after: list[str]) -> bool:
    """Tell whether ``line`` is a sentence broken across lines rather than a line of its own.

    A straight double quote left open, more opening than closing curly quotes, or a next line
    (no blank line between) that starts in lower case, other than a byline ("by Mira Castell"),
    make it one.
    """
    if line.count('"') % 2 or line.count("\u201c") > line.count("\u201d"):
        return True
    following = after[0].lstrip() if after else ""
    return following[:1].islower() and not _byline_at(following, 0)


def _first_word(name: str) -> str:
    return name.split()[0].rstrip(".").lower()


def _byline_at(text: str, pos: int) -> list[tuple[int, int]]:
    """Return the name spans of a byline line starting at ``pos``, or ``[]`` if it is none."""
    line = _BYLINE.match(text, pos)
    if line is None:
        return []
    first = _BYLINE_NAME.match(text, line.end())
    if first is None or _first_word(first.group()) in _NOT_A_NAME:
        return []
    spans = [first.span()]
    rest: list[tuple[int, int]] = []
    at = first.end()
    while (sep := _BYLINE_SEPARATOR.match(text, at)) is not None:
        name = _BYLINE_NAME.match(text, sep.end())
        if name is None or _first_word(name.group()) in _NOT_A_NAME:
            break
        rest.append(name.span())
        at = name.end()
    line_end = text.find("\n", at)
    if not text[at : len(text) if line_end < 0 else line_end].strip():
        spans += rest  # further names only when the line holds nothing but names
    return spans


def byline_names(text: str) -> list[tuple[int, int]]:
    r"""Return the spans of the byline names near the top of ``text``, or ``[]``.

    A byline is a line near the top (first 1,500 characters) that starts with "By", "BY" or "by"
    and a capitalised name of up to four words ("By Rashid G", "BY JANE DOE"); a first word that
    is a weekday or a month makes it a time phrase ("By Monday morning, ..."), and the next line
    is tried. Further names joined by ",", "and" or "&" count when the line holds nothing else
    ("By Jane Doe and John Roe"); otherwise only the first name does ("By Jane Doe, reporter in
    Khujand"). ``report.py`` lists these as the document's authors and ``quotemine_entities``
    flags the people they name as authors.

    >>> text = "Talks Stall\n\nBy Jane Doe and John Roe\n\nTalks stalled."
    >>> [text[s:e] for s, e in byline_names(text)]
    ['Jane Doe', 'John Roe']
    """
    head = text[:_BYLINE_CHARS]
    for line in _BYLINE.finditer(head):
        spans = _byline_at(head, line.start())
        if spans:
            return spans
    return []
