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
    NO_REF,
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

__all__ = ["SHORT_RULES", "day_month_figures", "two_digit_year"]

_EITHER_ORDER = "day and month may be either way round"
_HALVES = 2

_Y = r"(?:(?P<year>[12]\d{3})|'(?P<yy>\d{2}))"
#: "h1 2022", "1h 2022", "2022 h2", "3q 2019", "2019 4q", "h1 '22"
P_CODE = re.compile(
    r"^(?:(?P<k>h|q)(?P<n>[1-4])|(?P<n2>[1-4])(?P<k2>h|q))\s*" + _Y + r"$"
    r"|^(?P<year2>[12]\d{3})\s*(?:(?P<k3>h|q)(?P<n3>[1-4])|(?P<n4>[1-4])(?P<k4>h|q))$"
)
#: "1h25", "3q24": the code glued to a two-digit year
P_CODE_GLUED = re.compile(r"^(?P<n>[1-4])(?P<k>h|q)(?P<yy>\d{2})$")
#: "h1" alone: a half of the year the clause's tense points to
P_HALF_CODE = re.compile(r"^h(?P<n>[12])$")
#: "fy2020", "fy 2020", "fy20", "fy'20"
P_FY = re.compile(r"^fy\s*'?(?P<yy>\d{2})$")
#: "'89", "the '89 season" is not read; "jan. '19", "summer of '98"
P_APOS_YEAR = re.compile(r"^'(?P<yy>\d{2})$")
P_MON_APOS = re.compile(r"^" + w.MON + r",?\s+(?:of\s+)?'(?P<yy>\d{2})$")
P_SEASON_APOS = re.compile(r"^(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?'(?P<yy>\d{2})$")
#: "25.12.2019" (day first), "2019/12/25", "2019.12.25" (year first)
P_DOTTED = re.compile(r"^(?P<a>[0-3]?\d)\.(?P<b>[0-3]?\d)\.(?P<year>[12]\d{3})$")
P_YMD = re.compile(r"^(?P<year>[12]\d{3})[/.](?P<mon>[01]?\d)[/.](?P<day>[0-3]?\d)$")


# a preposition of time before a day and month in figures ("on 4/21", "until 27/11"): not "won 4/21"
_FIGURES_LEAD = re.compile(r"\b(?i:on|until|till|since|before|after)\s+$")
_FIGURES_LOOKBACK = 7
_MONTH_DAY = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})")
_MONTHS_IN_YEAR = 12
# figures whose order the numbers give away: "27/11" (day first), "11/27" (month first)
_DAY_FIRST = re.compile(r"(?<![\d/])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?!\d|\.\d)")
_MONTH_FIRST = re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?!\d|\.\d)")


def day_month_figures(text: str, s: int, piece: str) -> str | None:
    """Return a day and month in figures ("5/12") as the resolver should read it, month first, else ``None``.

    Only after a preposition of time is it a date. "27/11" can only be day first; "5/12" is read in the
    order the document's other figures show ("27/11" elsewhere: a day-first text), month first when they
    show none, and not at all when they show both.
    """
    m = _MONTH_DAY.fullmatch(piece)
    if m is None or _FIGURES_LEAD.search(text, max(0, s - _FIGURES_LOOKBACK), s) is None:
        return None
    a, b = int(m["a"]), int(m["b"])
    if a > _MONTHS_IN_YEAR or b > _MONTHS_IN_YEAR or a == b:
        return piece
    day_first, month_first = _DAY_FIRST.search(text) is not None, _MONTH_FIRST.search(text) is not None
    if day_first and month_first:
        return None
    return f"{b}/{a}" if day_first else piece


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


def _code_glued(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "1H25" (``2025-H1``), "3Q24" (``2024-Q3``)."""
    n, y = int(m["n"]), two_digit_year(m["yy"])
    if m["k"] == "h":
        return mk(f"{y:04d}-H{n}") if n <= _HALVES else None
    return mk(quarter(y, n))


def _half_code(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "H1" alone: this year's half, last year's when a past clause names a half not yet begun."""
    if ctx.ref is None:
        return Timex(None, "half", note=NO_REF)
    n = int(m["n"])
    y = ctx.ref.year - (1 if ctx.direction < 0 and n > (ctx.ref.month - 1) // 6 + 1 else 0)
    return mk(f"{y:04d}-H{n}")


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
    (P_CODE_GLUED.match, _code_glued),
    (P_HALF_CODE.match, _half_code),
    (P_FY.match, _fy),
    (P_APOS_YEAR.match, _apos_year),
    (P_MON_APOS.match, _mon_apos),
    (P_SEASON_APOS.match, _season_apos),
    (P_DOTTED.match, _dotted),
    (P_YMD.match, _ymd),
)
