"""Days and weeks named by their place, and dates whose week or year a relative word names.

"The second week of July", "the last day of the month", "the first day of next year" name a day or a
week by its place in a month or a year. "Tuesday next week", "March last year", "June 3 next year"
name a day or a month and, after it, the week or the year it falls in. "The 12th" alone is that day
of the month the story is in, and "Friday after next" the Friday after the coming one. Pure functions
over strings and dates; :mod:`quotemine.pipeline.dates.absolute` tries these rules first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from quotemine.pipeline.dates import words as w
from quotemine.pipeline.dates.values import (
    FIRM,
    SKIP,
    Context,
    Outcome,
    Resolver,
    Rule,
    day,
    mk,
    month,
    need_ref,
    safe_date,
    week,
)

__all__ = ["PLACED_RULES", "month_of"]

_ORD = (
    r"(?:(?P<back>second|third|fourth|fifth|2nd|3rd|4th|5th)[\s-]+(?=last|final))?"
    r"(?P<ord>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)"
)
_PLACE: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2,
                          "3rd": 3, "4th": 4, "5th": 5, "last": -1, "final": -1}  # fmt: skip
_STEP: dict[str, int] = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}
_SATURDAY = 5
_DECEMBER = 12
_WD_DAY_MONTHS = 6  # how far from publication "Tues 3rd" may fall
_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")
_REL = r"(?P<rel>this|current|next|coming|last|previous)"

#: "the second week of July", "the final week of March", "the first day of next year"
P_PLACE_IN = re.compile(r"^(?:the\s+)?" + _ORD + r"\s+(?P<unit>weekend|week|day)\s+(?:of|in)\s+(?P<rest>.+)$")
#: "Tuesday next week", "Friday this week" (the weekday first, no "of")
P_WD_REL_WEEK = re.compile(r"^" + w.WD + r",?\s+" + _REL + r"\s+week$")
#: "March last year", "June 3 of next year", "the 5th of May last year"
P_DATE_REL_YEAR = re.compile(
    r"^(?:(?:the\s+)?" + w.DAY + r"\s+of\s+" + w.MON + r"|" + w.MON.replace("<mon>", "<mon2>") + r"(?:\s+"
    r""
    + w.DAY.replace("<day>", "<day2>").replace("<dayw>", "<dayw2>")
    + r")?)\s+(?:of\s+)?"
    + _REL
    + r"\s+year$"
)
#: "the 12th": a day of the month in the story ("the 21st this month": relative.py)
P_ORD_DAY = re.compile(r"^(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)$")
#: "Tues 3rd", "Thursday the 6th": a weekday and its day of the month, no month
P_WD_ORD_DAY = re.compile(r"^" + w.WD + r",?\s+(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)$")
#: "April after next"
P_MON_AFTER_NEXT = re.compile(r"^" + w.MON + r"\s+after\s+next$")
#: "Friday after next"
P_WD_AFTER_NEXT = re.compile(r"^" + w.WD + r"\s+after\s+next$")


def month_of(r: Resolver, rest: str, ctx: Context) -> tuple[int, int] | None:
    """Return the (year, month) that ``rest`` names: "the month", "next month", "may", "july 2019"."""
    ref = ctx.ref
    if rest in ("the month", "month", "this month", "the current month"):
        return (ref.year, ref.month) if ref else None
    if (mon := w.MONTHS.get(rest)) is not None:  # a bare month, "May" too: the "of" rules out the verb
        if ref is None:
            return None
        if ctx.direction < 0:
            return (ref.year if mon <= ref.month else ref.year - 1), mon
        if ctx.direction > 0:
            return (ref.year if mon >= ref.month else ref.year + 1), mon
        years = (ref.year - 1, ref.year, ref.year + 1)
        return min(((y, mon) for y in years), key=lambda ym: abs((ym[0] - ref.year) * 12 + mon - ref.month))
    found = r.resolve(rest, ctx)
    if found is None or found.value is None or not _YEAR_MONTH.fullmatch(found.value):
        return None
    return int(found.value[:4]), int(found.value[5:])


def _year_of(r: Resolver, rest: str, ctx: Context) -> int | None:
    """Return the year that ``rest`` names: "the year", "next year", "2019"."""
    if rest in ("the year", "this year") and ctx.ref:
        return ctx.ref.year
    found = r.resolve(rest, ctx)
    if found is None or found.value is None or not _YEAR.fullmatch(found.value):
        return None
    return int(found.value)


def _place_in(r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the second week of July" (counted from the week holding the 1st), "the last day of May"."""
    n = _PLACE[m["ord"]]
    if m["back"]:  # "the third last week": two before the last one
        n = -_PLACE[m["back"]]
    rest = m["rest"]
    ym = month_of(r, rest, ctx)
    if ym is not None:
        y, mon = ym
        first, last = dt.date(y, mon, 1), dt.date(y, mon, calendar.monthrange(y, mon)[1])
    elif (y2 := _year_of(r, rest, ctx)) is not None:
        if m["unit"] == "week" and n > 0:  # "the fourth week of 2026": the week-number rule
            return SKIP
        first, last = dt.date(y2, 1, 1), dt.date(y2, 12, 31)
    else:
        return SKIP
    if m["unit"] == "weekend":
        return _weekend_in(first, last, n)
    is_week = m["unit"] == "week"
    step = dt.timedelta(days=7 if is_week else 1)
    # the last week is the last one with most of its days in the month
    pick = first + (n - 1) * step if n > 0 else last - dt.timedelta(days=3 if is_week else 0) + (n + 1) * step
    if pick < first - dt.timedelta(days=3 if is_week else 0):
        return None
    if pick > last:
        return None
    return mk(week(pick) if is_week else day(pick))


def _weekend_in(first: dt.date, last: dt.date, n: int) -> Outcome:
    """Return the weekend of the ``n``-th Saturday of a month (``-1``: the last one)."""
    saturdays = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    saturdays = [d for d in saturdays if d.weekday() == _SATURDAY]
    if not -len(saturdays) <= (n - 1 if n > 0 else n) < len(saturdays):
        return None
    return mk(week(saturdays[n - 1 if n > 0 else n]) + "-WE")


def _wd_rel_week(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "Tuesday next week": that weekday in the week named."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * _STEP[m["rel"]])
    return mk(day(monday + dt.timedelta(days=w.WEEKDAYS[m["wd"]])))


def _date_rel_year(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "March last year", "June 3 next year": that month or day in the year named."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    y = ref.year + _STEP[m["rel"]]
    mon = w.MONTHS[m["mon"] or m["mon2"]]
    d_num, d_word = m["day"] or m["day2"], m["dayw"] or m["dayw2"]
    if d_num is None and d_word is None:
        return mk(month(y, mon))
    found = safe_date(y, mon, int(d_num) if d_num else w.DAY_WORDS[d_word])
    return mk(day(found)) if found else None


def _ord_day(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the 12th": that day of this month, of the last one when a past clause says a later day."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    n = int(m["day"])
    y, mon = ref.year, ref.month
    if ctx.direction < 0 and n > ref.day:
        y, mon = (y, mon - 1) if mon > 1 else (y - 1, 12)
    elif ctx.direction >= FIRM and n < ref.day:  # "will reopen on the 9th" (on the 20th): next month's
        y, mon = (y, mon + 1) if mon < _DECEMBER else (y + 1, 1)
    found = safe_date(y, mon, n)
    return mk(day(found)) if found else None


def _wd_ord_day(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "Tues 3rd": the day of that number, within half a year, that falls on that weekday.

    A past clause takes the latest such day up to publication, a future one the first from it on,
    else the nearest; no such day in the months around (a misprint): no date.
    """
    ref = ctx.ref
    if ref is None:
        return need_ref()
    n, wd = int(m["day"]), w.WEEKDAYS[m["wd"]]
    fits = []
    for k in range(-_WD_DAY_MONTHS, _WD_DAY_MONTHS + 1):
        y, mon = divmod(ref.year * 12 + ref.month - 1 + k, 12)
        found = safe_date(y, mon + 1, n)
        if found is not None and found.weekday() == wd:
            fits.append(found)
    if ctx.direction < 0:
        fits = [d for d in fits if d <= ref]
    elif ctx.direction > 0:
        fits = [d for d in fits if d >= ref]
    if not fits:
        return None
    return mk(day(min(fits, key=lambda d: abs((d - ref).days))))


def _wd_after_next(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "Friday after next": a week after the coming Friday."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    ahead = (w.WEEKDAYS[m["wd"]] - ref.weekday()) % 7 or 7
    return mk(day(ref + dt.timedelta(days=ahead + 7)))


def _mon_after_next(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "April after next": a year after the coming April (the one after this month)."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    mon = w.MONTHS[m["mon"]]
    return mk(month(ref.year + (1 if mon > ref.month else 2), mon))


#: The rules of this module, tried before the other absolute rules.
PLACED_RULES: tuple[Rule, ...] = (
    (P_PLACE_IN.match, _place_in),
    (P_WD_REL_WEEK.match, _wd_rel_week),
    (P_WD_ORD_DAY.match, _wd_ord_day),
    (P_DATE_REL_YEAR.match, _date_rel_year),
    (P_ORD_DAY.match, _ord_day),
    (P_WD_AFTER_NEXT.match, _wd_after_next),
    (P_MON_AFTER_NEXT.match, _mon_after_next),
)
