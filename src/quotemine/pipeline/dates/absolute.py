"""Expressions that name their date: "Nov. 29", "2002-11-29", "the third quarter", "the 1990s".

:data:`ABSOLUTE_RULES` is an ordered table of (pattern, rule); the first rule that matches and
applies wins. A missing year is taken from the publication date, towards the tense of the clause
(:func:`choose_year`); without a publication date the value keeps ``XXXX`` or is ``None`` with a note.
Named days are resolved by :class:`~quotemine.pipeline.dates.calendar.HolidayCalendar` after these.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from quotemine.pipeline.dates import words as w
from quotemine.pipeline.dates.placed import PLACED_RULES, month_of
from quotemine.pipeline.dates.shortforms import SHORT_RULES
from quotemine.pipeline.dates.values import (
    FIRM,
    NO_REF,
    SKIP,
    YEAR_UNKNOWN,
    Context,
    Outcome,
    Resolver,
    Rule,
    Timex,
    day,
    day_or_none,
    mk,
    month,
    quarter,
    safe_date,
    week,
)

__all__ = ["ABSOLUTE_RULES", "choose_year"]

_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_REL_YEAR = {"last": -1, "next": 1}
_AHEAD = ("next", "coming", "this coming")
_BACK = ("last", "this past", "past")


def choose_year(ref: dt.date, m: int, d: int, direction: int) -> dt.date | None:
    """Pick the year of a month-day: on/before ``ref`` in the past, after it in the future, else nearest."""
    cands = [c for y in (ref.year - 1, ref.year, ref.year + 1) if (c := safe_date(y, m, d)) is not None]
    if not cands:
        return None
    if direction < 0:
        past = [c for c in cands if c <= ref]
        return max(past) if past else None
    if direction > 0:
        fut = [c for c in cands if c >= ref]
        return min(fut) if fut else None
    return min(cands, key=lambda c: (abs((c - ref).days), c > ref))


def _half(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the first half of 2003", "the last two quarters of this year"."""
    half = 1 if m["h"] in ("first", "1st") or m["h2"] == "first" else 2
    if m["year"]:
        return mk(f"{m['year']}-H{half}")
    if ctx.ref is None:
        return Timex(None, None, note=NO_REF)
    k = _REL_YEAR.get(m["rel"] or "", 0)
    return mk(f"{ctx.ref.year + k:04d}-H{half}")


def _iso(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "2002-11-29"."""
    return day_or_none(safe_date(int(m["year"]), int(m["mon"]), int(m["day"])))


def _us(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "11/29/02": month first, but day first when the first number is over 12 ("31/10/1974").

    A two-digit year after 30 is in the 1900s. "on 4/21" takes its year as a month-day does.
    """
    mon, dom = (int(m["mon"]), int(m["day"])) if m["mon"] else (int(m["mm"]), int(m["dd"]))
    if m["year"] is None:
        if ctx.ref is None or not 1 <= mon <= 12:
            return None
        return day_or_none(choose_year(ctx.ref, mon, dom, ctx.direction))
    y = int(m["year"])
    y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
    return day_or_none(safe_date(y, mon, dom))


def _month_day(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "Nov. 29", "29 November 2002", "Fri, Jul 18": a missing year follows the tense."""
    mon, dom = w.MONTHS[m["mon"]], int(m["day"]) if m["day"] else w.DAY_WORDS[m["dayw"]]
    if m["year"]:
        return day_or_none(safe_date(int(m["year"]), mon, dom))
    if not 1 <= dom <= 31:
        return None
    ref = ctx.ref
    if ref is None:
        return Timex(f"XXXX-{mon:02d}-{dom:02d}", "day", note=YEAR_UNKNOWN)
    if m["wd"]:  # "Fri, Jul 18": the year whose calendar fits the weekday
        fits = [
            d
            for y in range(ref.year - 3, ref.year + 4)
            if (d := safe_date(y, mon, dom)) is not None and d.weekday() == w.WEEKDAYS[m["wd"]]
        ]
        if fits:
            return mk(day(min(fits, key=lambda d: abs((d - ref).days))))
    return day_or_none(choose_year(ref, mon, dom, ctx.direction))


def _month_year(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "November 2002", "2002 November"."""
    return mk(month(int(m["year"]), w.MONTHS[m["mon"]]))


def _hyphenated(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "29-nov-2002", "nov-29-2002"; skipped when the middle word is no month."""
    mon = (m["mon"] or m["mon2"]).rstrip(".")
    if mon not in w.MONTHS:
        return SKIP
    return day_or_none(safe_date(int(m["year"] or m["year2"]), w.MONTHS[mon], int(m["day"] or m["day2"])))


def _nth_weekday(r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the first Tuesday in November", "last Friday of October 2014"."""
    ym = month_of(r, m["rest"], ctx)
    if ym is None:
        return None
    y, mo = ym
    wd = w.WEEKDAYS[m["wd"]]
    days = [d for d in range(1, calendar.monthrange(y, mo)[1] + 1) if dt.date(y, mo, d).weekday() == wd]
    n = -1 if m["ord"] == "last" else w.ORDINALS.get(m["ord"]) or {"fifth": 5, "5th": 5}.get(m["ord"], 0)
    if n == 0 or n > len(days):
        return None
    return mk(day(dt.date(y, mo, days[n - 1] if n > 0 else days[-1])))


def _week_number(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "week 10 (of 2027)", "the second week of 2021", "the last week of 2016"."""
    if m["n"]:
        if m["year"]:
            y = int(m["year"])
        elif ctx.ref is None:
            return None
        else:
            y = ctx.ref.year + _REL_YEAR.get(m["rel"] or "", 0)
        n = int(m["n"])
        return mk(f"{y:04d}-W{n:02d}") if 1 <= n <= 53 else None
    y = int(m["year2"])
    if m["ord"] == "last":
        if m["unit"] == "month":
            return mk(month(y, 12))
        return mk(week(dt.date(y, 12, 28)))
    n = _ORDINAL_WORDS.get(m["ord"]) or int(m["ord"][0])
    return mk(month(y, n)) if m["unit"] == "month" else mk(f"{y:04d}-W{n:02d}")


def _iso_month(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "2002-11"."""
    return mk(month(int(m["year"]), int(m["mon"])))


def _year(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "2003", "fiscal 2003", "the year 2003"."""
    return mk(m["year"])


def _month_year_words(r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "march nineteen ninety-six"; skipped when the words are no year."""
    spelled = r.absolute(m["rest"], ctx)
    if not spelled or spelled.granularity != "year":
        return SKIP
    return mk(month(int(str(spelled.value)), w.MONTHS[m["mon"]]))


def _year_words(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "nineteen ninety-six", "two thousand and two"."""
    if m["c"]:
        y = (19 if m["c"] == "nineteen" else 20) * 100 + w.WORD_DIGITS[m["t"]] * 10
        return mk(str(y + (w.WORD_DIGITS[m["u"]] if m["u"] else 0)))
    return mk(str(2000 + (w.WORD_DIGITS[m["u2"]] if m["u2"] else 0)))


def _decade(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "the 1990s", "'90s", "the eighties" (of the 1900s); "the 1800s" as a century (``18``)."""
    if m["w"]:
        return mk(f"19{w.DECADE_WORDS[m['w']]}X")
    if m["c"] and m["d"] == "0" and int(m["c"]) < 20:  # "the 1800s" is the century, not its first decade
        return mk(m["c"])
    return mk(f"{m['c'] or '19'}{m['d'] or m['d2']}X")


def _century(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "the 20th century", "the twenty-first century" (TimeML: ``19``, ``20``)."""
    n = int(m["n"]) if m["n"] else w.DAY_WORDS[m["w"]]
    return mk(f"{n - 1:02d}") if n >= 1 else None


def _quarter(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the third quarter (of 1999)", "Q3 2002": without a year, the publication year's."""
    q = w.ORDINALS[m["q"] or m["q2"] or m["q3"]]
    ys = m["y1"] or m["y2"] or m["y3"] or m["y4"] or m["y5"]
    if ys:
        return mk(quarter(int(ys), q))
    if ctx.ref is None:
        return Timex(None, "quarter", note=YEAR_UNKNOWN)
    if ctx.direction < 0 and q > (ctx.ref.month - 1) // 3 + 1:
        # "profit rose in the fourth quarter" in February: a quarter still to come this year cannot
        # be past, so it is last year's
        return mk(quarter(ctx.ref.year - 1, q))
    return mk(quarter(ctx.ref.year, q))


def _season(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "last summer", "winter 2002": "last" is the latest one that has ended, "next" the coming one.

    A bare season follows a firm tense (:func:`~quotemine.pipeline.dates.tense.firm`): one not yet
    begun is last year's after a simple past, one already over is next year's after "will".
    """
    code, start = w.SEASONS[m["s"]]
    if m["year"]:
        return mk(f"{m['year']}-{code}")
    ref = ctx.ref
    if ref is None:
        return Timex(None, "season", note=YEAR_UNKNOWN)
    y = ref.year - (1 if code == "WI" and ref.month <= 2 else 0)
    rel = m["rel"]
    if rel in _BACK and (y, start + 2) >= (ref.year, ref.month):
        y -= 1
    elif rel in _AHEAD and (y, start) <= (ref.year, ref.month):
        y += 1
    elif not rel and ctx.direction <= -FIRM and (y, start) > (ref.year, ref.month):
        y -= 1  # "closed in the spring" (in January): the spring that has been
    elif not rel and ctx.direction >= FIRM and (y, start + 2) < (ref.year, ref.month):
        y += 1  # "will reopen in the spring" (in September): the coming one
    return mk(f"{y:04d}-{code}")


class _Either:
    """Match with one pattern, else with another (for two spellings one rule reads)."""

    def __init__(self, first: re.Pattern[str], second: re.Pattern[str]) -> None:
        self._patterns = (first, second)

    def match(self, text: str) -> re.Match[str] | None:
        """Return the first pattern's match, else the second's."""
        return self._patterns[0].match(text) or self._patterns[1].match(text)


#: The absolute rules, in the order they are tried.
ABSOLUTE_RULES: tuple[Rule, ...] = (
    *PLACED_RULES,
    *SHORT_RULES,
    (w.P_HALF.match, _half),
    (w.P_ISO.match, _iso),
    (w.P_US.match, _us),
    (_Either(w.P_MDY, w.P_DMY).match, _month_day),
    (_Either(w.P_MY, w.P_YM).match, _month_year),
    (w.P_HYPHEN.match, _hyphenated),
    (w.P_NTH_WD.match, _nth_weekday),
    (w.P_WEEK_NUM.match, _week_number),
    (w.P_ISO_MONTH.match, _iso_month),
    (w.P_YEAR.match, _year),
    (w.P_MON_WORDS.match, _month_year_words),
    (w.P_YEAR_WORDS.match, _year_words),
    (w.P_DECADE.match, _decade),
    (w.P_CENTURY.match, _century),
    (w.P_QUARTER.match, _quarter),
    (w.P_SEASON.match, _season),
)
