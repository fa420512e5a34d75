"""The two ends of a written range agree: "from June through August", "between March 3 and May 2002".

Each end of a range is its own TIMEX3 (as TimeML annotates it), but the ends are read together: a
year-less end takes its year so that the range runs forward ("from October to March" in January:
October of last year, March of this one), and a year named only at the end holds for the start
("from March to May 2002": March 2002). Two dates are the ends of one range when only a dash,
"to", "through", "until" or "till" stands between them, or "and" after "between". Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["link_ranges"]

_GAP = re.compile(r"\s*(?:[-\u2013\u2014]|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:\bbetween|\bfrom)\s+(?:the\s+)?$", re.IGNORECASE)
_YEAR = re.compile(r"\b[12]\d{3}\b")
_CALENDAR = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?)$")
_LOOKBACK = 20


def _with_year(value: str, year: int) -> str:
    m = _CALENDAR.match(value)
    return f"{year:04d}{m.group(2)}" if m else value


def _pair(text: str, first: tuple[int, int, str], second: tuple[int, int, str]) -> tuple[str, str] | None:
    """Return the two values made to agree, or ``None`` when the dates are no range or agree already."""
    (s1, e1, v1), (s2, e2, v2) = first, second
    gap = text[e1:s2]
    if _GAP.fullmatch(gap) is None:
        return None
    if gap.strip().lower() == "and" and _BETWEEN.search(text[max(0, s1 - _LOOKBACK) : s1]) is None:
        return None
    m1, m2 = _CALENDAR.match(v1), _CALENDAR.match(v2)
    if m1 is None or m2 is None or len(v1) != len(v2):
        return None  # a month and a day, a quarter: leave them be
    named1, named2 = _YEAR.search(text[s1:e1]) is not None, _YEAR.search(text[s2:e2]) is not None
    y1, y2 = int(m1.group(1)), int(m2.group(1))
    if not named1 and named2:  # "from March to May 2002"
        start = _with_year(v1, y2)
        return (start if start <= v2 else _with_year(v1, y2 - 1)), v2
    if not named2 and v2 < v1:  # "from October to March": March after October
        end = _with_year(v2, y1)
        return v1, end if end >= v1 else _with_year(v2, y1 + 1)
    return None


def link_ranges(text: str, dates: Sequence[tuple[int, int, str | None]]) -> list[str | None]:
    """Return the values of ``dates`` (in text order) with the two ends of each range in agreement.

    Args:
        text: The document text.
        dates: ``(start, end, value)`` of each date, in text order.

    Returns:
        The values, changed only where two dates are the ends of one range and did not agree.

    """
    values = [v for _, _, v in dates]
    for i in range(len(dates) - 1):
        (s1, e1, _), (s2, e2, _) = dates[i], dates[i + 1]
        v1, v2 = values[i], values[i + 1]
        if v1 is None or v2 is None:
            continue
        fixed = _pair(text, (s1, e1, v1), (s2, e2, v2))
        if fixed is not None:
            values[i], values[i + 1] = fixed
    return values
