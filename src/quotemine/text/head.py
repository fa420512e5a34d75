"""The top of an article: headline, byline and dateline. The one owner of each of these facts.

Every function returns character offsets into the text it is given, never models: ``report.py``
turns them into schema objects and ``quotemine_entities`` flags byline names as authors.
"""

from __future__ import annotations

import re
from datetime import date

_BYLINE = re.compile(r"^[ \t]*By[ \t]+(?P<names>[A-Z][^\n]{1,80}?)[ \t]*$", re.MULTILINE)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
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
    """Guess the headline: the first short line that reads like a title, before the body starts.

    Site banners ("Site name | Slogan") and bylines are skipped; a line ending in a full stop
    is body text, not a title.
    """
    offset = 0
    for line in text[:_HEAD_CHARS].split("\n"):
        stripped = line.strip()
        start = offset + line.find(stripped) if stripped else offset
        offset += len(line) + 1
        if not stripped or " | " in stripped or _BYLINE.match(stripped):
            continue
        words = stripped.split()
        if len(words) > 20 or stripped.endswith((".", ":", ";", ",")):
            return None
        return start, start + len(stripped)
    return None


def byline_names(text: str) -> list[tuple[int, int]]:
    """Return the byline names ("By Rashid G", "By Jane Doe and John Roe") near the top."""
    match = _BYLINE.search(text[: _HEAD_CHARS * 2])
    if match is None:
        return []
    names_start = match.start("names")
    spans: list[tuple[int, int]] = []
    pos = 0
    names = match.group("names")
    for part in _NAME_SPLIT.split(names):
        if not part:
            continue
        at = names.find(part, pos)
        pos = at + len(part)
        if 1 <= len(part.split()) <= 5 and part[0].isupper():
            spans.append((names_start + at, names_start + at + len(part)))
    return spans
