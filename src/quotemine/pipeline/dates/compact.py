"""Spans of time written short: offsets that are durations, ranges of counts and compact date ranges.

TimeML annotates the two ends of a range as two TIMEX3s, each with its own value, however tersely
the range is written: "two to six days" is ``P2D`` ("two", the unit borrowed from the second end)
and ``P6D``; "March 3-5" is the 3rd and the 5th of March; "1995-98" is 1995 and 1998. An offset
whose end is not a calendar point is a duration: a bound ("more than four decades ago": ``P40Y``),
units of the day ("just over an hour later": ``PT1H``) or a count left open ("months ago":
``PXM``; "a few years ago" keeps its date). Pure functions over strings, no spaCy.
"""

from __future__ import annotations

import calendar
import re
from typing import Final

from quotemine.lexicons.numbers import CARDINALS
from quotemine.pipeline.dates.durations import duration_value

__all__ = ["compact_end", "compact_start", "offset_duration", "split_count_range"]

_BOUNDS: Final = frozenset(
    {"more than", "over", "just over", "well over", "less than", "under", "just under"}
)
_OFFSET = re.compile(
    r"^(?:(?P<mod>more than|just over|well over|over|less than|just under|under|about|nearly|almost|some|"
    r"just|only|roughly|around)\s+)?(?P<span>.+?)\s+(?:ago|earlier|later)$"
)
_DAY_UNITS: Final = frozenset({"second", "seconds", "minute", "minutes", "hour", "hours"})
_COUNT = r"\d+(?:\.\d+)?|[a-z]+"
_RANGE = re.compile(rf"^(?P<a>{_COUNT})(?P<gap>\s*-\s*|\s+(?:to|or|and)\s+)(?P<b>(?:{_COUNT})\s+[a-z]+)$")
# what follows a day of the month that ends a compact range: "-5", " to 5", "-5, 2021"
_DAY_END = re.compile(
    r"\s*(?:[-\u2013]|to|through|thru|until)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![-/:.,]?\d|\s*%)"
    r"(?:,?\s+(?P<year>[12]\d{3})\b)?",
    re.IGNORECASE,
)
# what follows a year that ends a compact range: "-98", "-1998", "–2003", " to 2018", " through 2030"
_YEAR_END = re.compile(
    r"(?:[-\u2013/]|\s+(?:to|through|thru|until|till)\s+(?=[12]\d{3}))(?P<yy>\d{2}|\d{4})\b(?![-/.,]?\d|\s*%)"
)
# what stands before a day-month that ends a range whose first end is a bare day: "3-", "from 3 to ",
# "between 10 and "; a number that ends a score ("won 3-1") or an amount stays out
_DAY_START = re.compile(
    r"(?<![\d.,:/$£€-])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*|\s+(?:to|until|till|through|and)\s+)$",
    re.IGNORECASE,
)
_DAY_START_LOOKBACK: Final = 14
_DAY_FIRST = re.compile(r"[0-3]?\d(?:st|nd|rd|th)?\s")
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR_VALUE = re.compile(r"^\d{4}$")


def offset_duration(text: str, *, comparative: bool = False) -> str | None:
    """Return the duration an offset names when its end is no calendar point, else ``None``.

    Args:
        text: A normalised expression ("more than four decades ago", "an hour later", "months ago").
        comparative: ``True`` when "than" follows ("a month earlier than usual"): a difference
            between two times, so a duration whatever its count.

    Returns:
        The ISO 8601 duration (``P40Y``, ``PT1H``, ``PXM``), or ``None`` for an offset that names a
        date ("two years ago", "a week later").

    """
    m = _OFFSET.match(text)
    if m is None:
        return None
    span = m["span"]
    value = duration_value(span)
    if value is None:
        return None
    bare = " " not in span  # "months ago": no count at all, not "a few years ago" (a date, 199X)
    if comparative or span.rsplit(" ", 1)[-1] in _DAY_UNITS or m["mod"] in _BOUNDS or bare:
        return value
    return None


def _count(word: str) -> float | None:
    if word in CARDINALS:
        return float(CARDINALS[word])
    return float(word) if word.replace(".", "", 1).isdigit() else None


def split_count_range(text: str) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """Split a range of counts of one unit into its two ends ("two to six days").

    Args:
        text: The expression, lower-case ("two to six days", "10-15 years", "three or four weeks").

    Returns:
        ``((end of the first count, its value), (start of the second end, its value))``: offsets into
        ``text``; the first end borrows the unit of the second ("two" → ``P2D``). ``None`` when the
        text is no such range.

    """
    m = _RANGE.match(text)
    if m is None or (a := _count(m["a"])) is None or (b := _count(m["b"].split()[0])) is None or a >= b:
        return None  # not "twenty-five years"
    second = duration_value(m["b"])
    unit = m["b"].split()[-1]
    first = duration_value(f"{m['a']} {unit}")
    if first is None or second is None or "X" in first + second:
        return None
    return (m.end("a"), first), (m.start("b"), second)


def compact_start(text: str, start: int, value: str) -> tuple[int, int, str] | None:
    """Read the first end of a range written before a day-month ("3-5 October", "from 3 to 17 October").

    Args:
        text: The document text.
        start: Where the second date (a day written before its month, "17 October") starts.
        value: The second date's value (a day ``2024-10-17``).

    Returns:
        ``(start, end, value)`` of the first end (its text is the bare day: "3"), in the month and
        year of the second, or ``None`` when no such range comes before.

    """
    d = _DAY_VALUE.match(value)
    if d is None or not _DAY_FIRST.match(text, start):
        return None
    m = _DAY_START.search(text, max(0, start - _DAY_START_LOOKBACK), start)
    if m is None or not 1 <= int(m["day"]) < int(d.group(3)):
        return None
    return m.start("day"), m.end("day"), f"{d.group(1)}-{d.group(2)}-{int(m['day']):02d}"


def compact_end(text: str, end: int, value: str) -> tuple[int, int, str, str | None] | None:
    """Read the second end of a compact range written after a date ("March 3-5", "1995-98").

    Args:
        text: The document text.
        end: Where the first date ends.
        value: The first date's value (a day ``2021-03-03`` or a year ``1995``).

    Returns:
        ``(start, end, value, year)`` of the second end (its text is the bare number: "5", "98"),
        with ``year`` the year written after the range ("March 3-5, 2021") for both ends, or
        ``None`` when no compact range follows.

    """
    if (d := _DAY_VALUE.match(value)) is not None and text[end - 1 : end].isdigit():
        m = _DAY_END.match(text, end)
        if m is None:
            return None
        y, mon, first = int(d.group(1)), int(d.group(2)), int(d.group(3))
        year = m["year"]
        day = int(m["day"])
        last = calendar.monthrange(int(year) if year else y, mon)[1]
        if not first < day <= last:
            return None
        return m.start("day"), m.end("day"), f"{year or d.group(1)}-{mon:02d}-{day:02d}", year
    if _YEAR_VALUE.match(value) and text[end - 4 : end] == value:
        m = _YEAR_END.match(text, end)
        if m is None:
            return None
        yy = m["yy"]
        second = int(value[:2] + yy) if len(yy) == 2 else int(yy)
        if not int(value) < second <= int(value) + 100:
            return None
        return m.start("yy"), m.end("yy"), f"{second:04d}", None
    return None
