"""The first and last calendar day a TIMEX3 value covers: ``2003-03`` → 2003-03-01 … 2003-03-31.

:func:`value_bounds` reads days, ISO weeks and weekends, months, quarters, halves, seasons
(meteorological: winter ``2002-WI`` runs from December 2002 to the end of February 2003), years,
decades (``199X``, ``199``), centuries (``19``: 1900 to 1999, as TimeML writes the 20th century)
and times with a day (``2003-01-10T17:00``, ``2003-01-10TNI``: that day). Durations, sets,
underspecified values (``XXXX-11-29``) and TimeML's ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``
cover no fixed days: ``None``. Pure functions, no clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping

__all__ = ["value_bounds"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
#: Meteorological seasons: first month and how many months (winter runs into the next year).
_SEASONS: Mapping[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MIN_YEAR, _MAX_YEAR = 1, 9999


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _months(y: int, first: int, count: int) -> tuple[dt.date, dt.date]:
    """Return the first day of month ``first`` of ``y`` and the last day ``count`` months on."""
    n = y * 12 + first - 1 + count - 1
    return dt.date(y, first, 1), _month_end(n // 12, n % 12 + 1)


def _years(first: int, last: int) -> tuple[dt.date, dt.date] | None:
    if not _MIN_YEAR <= first <= last <= _MAX_YEAR:
        return None
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def _calendar_bounds(v: str) -> tuple[dt.date, dt.date] | None:
    """Return the bounds as dates; raise ``ValueError`` for an impossible value ("2003-02-30")."""
    if m := _DAY.match(v):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _WEEK.match(v):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:  # the weekend: Saturday and Sunday
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := _MONTH.match(v):
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, 1), _month_end(y, mo)
    if m := _QUARTER.match(v):
        return _months(int(m[1]), 3 * int(m[2]) - 2, 3)
    if m := _HALF.match(v):
        return _months(int(m[1]), 6 * int(m[2]) - 5, 6)
    if m := _SEASON.match(v):
        return _months(int(m[1]), _SEASONS[m[2]], 3)
    if m := _YEAR.match(v):
        return _years(int(m[1]), int(m[1]))
    if m := _DECADE.match(v):
        return _years(int(m[1]) * 10, int(m[1]) * 10 + 9)
    if m := _CENTURY.match(v):
        return _years(max(_MIN_YEAR, int(m[1]) * 100), int(m[1]) * 100 + 99)
    return None


def value_bounds(value: str | None, modifier: str | None = None) -> tuple[str, str] | None:
    """Return the first and last calendar day (``YYYY-MM-DD``) a TIMEX3 value covers, else ``None``.

    A modifier narrows a period of more than one day to a third of it: "early 2003" is its first
    third (January to the end of April), "mid-" the middle third, "late" the last (TIMEX3's ``mod``
    names no exact days; thirds keep a date-range query from matching the whole year).

    Args:
        value: A TIMEX3 value ("2003-03", "2003-W11", "2003-Q1", "2003-H1", "2002-WI", "199X",
            "19", "2003-01-10T17:00").
        modifier: "early", "mid" or "late", or ``None``.

    Returns:
        ``(first, last)`` as ISO dates, or ``None`` for a duration, a set, an underspecified or a
        reference value (``PRESENT_REF``), or a value that names no real day.

    >>> value_bounds("2003-02")
    ('2003-02-01', '2003-02-28')
    >>> value_bounds("P3Y") is None
    True

    """
    if not value:
        return None
    try:
        found = _calendar_bounds(value)
    except ValueError:  # "2003-02-30", week 54: no such day
        return None
    if found is None:
        return None
    first, last = _narrowed(found, modifier)
    return first.isoformat(), last.isoformat()


_THIRDS: Mapping[str, int] = {"early": 0, "mid": 1, "late": 2}


def _narrowed(bounds: tuple[dt.date, dt.date], modifier: str | None) -> tuple[dt.date, dt.date]:
    """Return the third of ``bounds`` a modifier names (the whole of it for none, or one day)."""
    first, last = bounds
    k = _THIRDS.get(modifier or "")
    days = (last - first).days + 1
    if k is None or days < 3:
        return bounds
    start = first + dt.timedelta(days=days * k // 3)
    end = first + dt.timedelta(days=days * (k + 1) // 3 - 1)
    return start, end
