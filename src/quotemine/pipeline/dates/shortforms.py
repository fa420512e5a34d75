"""Short written forms of dates: "H1 2022", "3Q 2019", "FY2020", "'89", "Jan. '19", "25.12.2019".

Business and non-US copy writes halves and quarters as codes, years with an apostrophe and days with
dots or with the year first. Each form here is read only where it is unambiguous: a half or quarter
code needs its year, a dotted day is day first (the European order) unless its second number cannot
be a month. A two-digit year after 30 is in the 1900s, as for "11/29/02". Pure functions.
"""

from __future__ import annotations

import re

from quotemine.pipeline.dates import words as w
from quotemine.pipeline.dates.values import (
    Context,
    Outcome,
    Resolver,
    Rule,
    Timex,
    day_or_none,
    mk,
    month,
    quarter,
    safe_date,
)

__all__ = ["SHORT_RULES", "two_digit_year"]

_EITHER_ORDER = "day and month may be either way round"

_Y = r"(?:(?P<year>[12]\d{3})|'(?P<yy>\d{2}))"
#: "h1 2022", "1h 2022", "2022 h2", "3q 2019", "2019 4q", "h1 '22"
P_CODE = re.compile(
    r"^(?:(?P<k>h|q)(?P<n>[1-4])|(?P<n2>[1-4])(?P<k2>h|q))\s*" + _Y + r"$"
    r"|^(?P<year2>[12]\d{3})\s*(?:(?P<k3>h|q)(?P<n3>[1-4])|(?P<n4>[1-4])(?P<k4>h|q))$"
)
#: "fy2020", "fy 2020", "fy20", "fy'20"
P_FY = re.compile(r"^fy\s*'?(?P<yy>\d{2})$")
#: "'89", "the '89 season" is not read; "jan. '19", "summer of '98"
P_APOS_YEAR = re.compile(r"^'(?P<yy>\d{2})$")
P_MON_APOS = re.compile(r"^" + w.MON + r",?\s+(?:of\s+)?'(?P<yy>\d{2})$")
P_SEASON_APOS = re.compile(r"^(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?'(?P<yy>\d{2})$")
#: "25.12.2019" (day first), "2019/12/25", "2019.12.25" (year first)
P_DOTTED = re.compile(r"^(?P<a>[0-3]?\d)\.(?P<b>[0-3]?\d)\.(?P<year>[12]\d{3})$")
P_YMD = re.compile(r"^(?P<year>[12]\d{3})[/.](?P<mon>[01]?\d)[/.](?P<day>[0-3]?\d)$")


def two_digit_year(yy: str) -> int:
    """Return the year of "'89" or "'19": after 30 in the 1900s, else in the 2000s."""
    n = int(yy)
    return 1900 + n if n > 30 else 2000 + n


def _code(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "H1 2022" (``2022-H1``), "3Q 2019" (``2019-Q3``)."""
    kind = m["k"] or m["k2"] or m["k3"] or m["k4"]
    n = int(m["n"] or m["n2"] or m["n3"] or m["n4"])
    y = int(m["year"] or m["year2"]) if (m["year"] or m["year2"]) else two_digit_year(m["yy"])
    if kind == "h":
        return mk(f"{y:04d}-H{n}") if n <= 2 else None
    return mk(quarter(y, n))


def _fy(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "FY20" as the year its fiscal year is named after."""
    return mk(str(two_digit_year(m["yy"])))


def _apos_year(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "'89"."""
    return mk(str(two_digit_year(m["yy"])))


def _mon_apos(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "Jan. '19" as a month and year, not a day."""
    return mk(month(two_digit_year(m["yy"]), w.MONTHS[m["mon"]]))


def _season_apos(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "summer of '98"."""
    return mk(f"{two_digit_year(m['yy']):04d}-{w.SEASONS[m['s']][0]}")


def _dotted(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "25.12.2019" day first, "12.25.2019" month first; "05.12.2019" is either: no value."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
    if a <= 12 and b <= 12 and a != b:
        return Timex(None, None, note=_EITHER_ORDER)
    return day_or_none(safe_date(y, a, b) if b > 12 else safe_date(y, b, a))


def _ymd(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "2019/12/25"."""
    return day_or_none(safe_date(int(m["year"]), int(m["mon"]), int(m["day"])))


#: The rules of this module, tried with the absolute rules.
SHORT_RULES: tuple[Rule, ...] = (
    (P_CODE.match, _code),
    (P_FY.match, _fy),
    (P_APOS_YEAR.match, _apos_year),
    (P_MON_APOS.match, _mon_apos),
    (P_SEASON_APOS.match, _season_apos),
    (P_DOTTED.match, _dotted),
    (P_YMD.match, _ymd),
)
