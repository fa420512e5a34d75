"""Expressions read against the publication date or the last date named: "last month", "two years ago".

Two ordered tables of (pattern, rule), each tried first-match-wins:

* :data:`LEADING_RULES` read the whole expression before its lead words ("in", "since", "the")
  are stripped: TimeML's reference words ("now" → ``PRESENT_REF``), sets ("every week"),
  "the upcoming two weeks", "3 fridays from now", "in two years" in a future clause, "year-end".
* :data:`RELATIVE_RULES` read what is left: "yesterday", "Tuesday", "last March", "the following
  year", "last quarter", "a year earlier", "the year-ago quarter", "the weekend".

A bare weekday is the most recent one unless "next" or the tense points ahead; a bare month is the
nearest one. "A year earlier" after "the third quarter" is a quarter (the anchor); without a
publication date the value is ``None`` with a note.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from quotemine.pipeline.dates import words as w
from quotemine.pipeline.dates.anchored import ANCHORED_RULES
from quotemine.pipeline.dates.durations import duration_value, set_value
from quotemine.pipeline.dates.values import (
    FIRM,
    ISO_DAY,
    SKIP,
    YEAR_UNKNOWN,
    Context,
    Outcome,
    Resolver,
    Rule,
    Timex,
    anch,
    at_unit,
    day,
    literal,
    mk,
    month,
    need_ref,
    quarter,
    quarter_of,
    safe_date,
    shift_month,
    week,
    year_of,
)

__all__ = ["LEADING_RULES", "RELATIVE_RULES", "ago", "weekday_from"]

_AHEAD_WORDS = ("later", "after", "from now", "hence")
_ANCHORED_WORDS = ("earlier", "before", "later", "after")
_VAGUE = ("a few", "few", "several", "a couple", "a couple of", "couple of")
_FEW = ("a few", "few", "several")
_MONTHS_IN = {"month": 1, "quarter": 3, "year": 12, "decade": 120}
_DAYS_IN = {"day": 1, "week": 7, "fortnight": 14}
_YEARS_IN = {"year": 1, "decade": 10, "century": 100}
_REL_STEP = {"last": -1, "previous": -1, "this past": -1, "next": 1, "following": 1, "coming": 1,
             "this coming": 1}  # fmt: skip
_LATEST = ("latest", "most recent")
_PERIOD_RELS = ("latest", "most recent", "last", "previous", "current", "this")
_WEEK_STEP = {"next": 1, "the following": 1, "last": -1, "the previous": -1}
_YEAR_END_LEAD = re.compile(r"^(?:around|about|at|by|before|after|until|till)\s+")
_YEAR_QUARTER = re.compile(r"^([12]\d{3}) (quarter|period)$")
_AFTER = re.compile(r"following|next|after")
_BEFORE = re.compile(r"previous|preceding|prior|before")


def _count(num: str) -> int:
    return int(num) if num.isdigit() else w.NUMBERS.get(num, 0)


def ago(num: str, unit: str, direction: str, ctx: Context, *, calendar_day: bool = False) -> Timex | None:
    """Resolve "<num> <unit> <direction>": "two years ago", "a year earlier", "three months from now".

    Args:
        num: The count as written ("2", "two", "a few").
        unit: The unit, singular ("year").
        direction: "ago", "earlier", "before", "later", "after", "from now" or "hence".
        ctx: The reference date (required) and the anchor.
        calendar_day: Count to a calendar day ("2 weeks from January 15").

    Returns:
        The value, or ``None`` for a count out of range or a unit that gives no date.

    """
    ref = ctx.ref
    assert ref is not None
    n = _count(num)
    if not 0 < n <= 5000:
        return None
    sign = 1 if direction in _AHEAD_WORDS else -1
    anchored = direction in _ANCHORED_WORDS
    if unit == "year" and (anchored or (direction == "ago" and n == 1)) and (aq := quarter_of(ctx.anchor)):
        return anch(quarter(aq[0] + sign * n, aq[1]))  # "a year earlier" after "the third quarter"
    # "three months from now", "in two days": a calendar day, as the clock would count it
    if calendar_day or (direction in ("from now", "hence") and num not in _VAGUE):
        return _calendar_day(ref, unit, sign * n)
    base = _anchored_base(ctx.anchor, unit, sign * n) if anchored else None
    if isinstance(base, Timex):
        return base
    return _shifted(base or ref, unit, sign, n, num)


def _anchored_base(anchor: str | None, unit: str, k: int) -> dt.date | Timex | None:
    """Return what "earlier"/"later" counts from: the day last named, or the value for a year unit."""
    if not anchor or (ay := year_of(anchor)) is None:
        return None
    if ISO_DAY.fullmatch(anchor):
        return dt.date.fromisoformat(anchor)
    if unit in _YEARS_IN:
        return anch(str(ay + k * _YEARS_IN[unit]))
    return None


def _calendar_day(base: dt.date, unit: str, k: int) -> Timex | None:
    """Return the calendar day ``k`` units after ``base`` (a month end clips to the shorter month)."""
    months = _MONTHS_IN.get(unit, 0)
    if months:
        y, mo = shift_month(base.year, base.month, k * months)
        d = safe_date(y, mo, min(base.day, calendar.monthrange(y, mo)[1]))
        return mk(day(d)) if d else None
    days = _DAYS_IN.get(unit, 0)
    return mk(day(base + dt.timedelta(days=k * days))) if days else None


def _shifted(base: dt.date, unit: str, sign: int, n: int, num: str) -> Timex | None:
    """Return ``base`` moved ``sign * n`` units, at the granularity of the unit."""
    if unit == "day":
        return mk(day(base + dt.timedelta(days=sign * n)))
    if unit in ("week", "fortnight"):
        shifted = base + dt.timedelta(days=sign * n * (14 if unit == "fortnight" else 7))
        # "a week ago" is the day seven days back; it falls in the ISO week TimeML would name
        return mk(week(shifted) if num in _VAGUE else day(shifted))
    if unit in ("month", "quarter"):
        y, mo = shift_month(base.year, base.month, sign * n * (3 if unit == "quarter" else 1))
        return mk(month(y, mo))
    if unit == "year":
        if num in _FEW:
            return mk(f"{(base.year - 3) // 10:03d}X")
        return mk(str(base.year + sign * n))
    if unit == "decade":
        return mk(str(base.year + sign * 10 * n))
    return None


def weekday_from(ref: dt.date, wd: int, rel: str | None, direction: int) -> dt.date:
    """Return the weekday ``wd`` that "last"/"next" or the tense points to from ``ref``."""
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if rel in ("next", "coming", "this coming", "following"):
        return ref + dt.timedelta(days=fwd or 7)
    if rel in ("last", "past", "this past", "previous"):
        return ref - dt.timedelta(days=back or 7)
    if direction > 0:
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back)


# --------------------------------------------------------------------------- leading rules
def _ref_word(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "now", "recently", "the future" as TimeML's ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``."""
    return Timex(w.REF_WORDS[m.group(0)], None)


def _set(_r: Resolver, m: re.Match[str], _ctx: Context) -> Outcome:
    """Read "every week", "annually", "every Tuesday" as a set (``P1W``, ``P1Y``, ``XXXX-WXX-2``)."""
    return Timex(set_value(m.string), None, type="set")


def _upcoming(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the upcoming two weeks" as the week two weeks ahead."""
    if ctx.ref is None:
        return need_ref()
    return at_unit(ago(m["num"] or m["num2"], m["unit"], "from now", ctx), m["unit"])


def _weekday_count(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "3 fridays from now" as the third Friday after publication."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    n = _count(m["num"])
    if not 0 < n < 60:
        return None
    wd = w.WEEKDAYS[m["wd"]]
    if m["dir"] == "ago":
        return mk(day(ref - dt.timedelta(days=((ref.weekday() - wd) % 7 or 7) + 7 * (n - 1))))
    return mk(day(ref + dt.timedelta(days=((wd - ref.weekday()) % 7 or 7) + 7 * (n - 1))))


def _in_units(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "will leave in two years" as a date ahead; skipped unless the clause looks ahead.

    "within two years" is a span (a duration), not the day two years on.
    """
    if ctx.direction <= 0 or m.string.startswith("within"):
        return SKIP
    return ago(m["num"], m["unit"], "from now", ctx) if ctx.ref else need_ref()


def _year_end(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "year-end", "since the end of last year": the last day of the year meant."""
    if ctx.ref is None:
        return need_ref()
    back = bool(m["since"]) or ctx.direction < 0 or m["rel"] == "last"
    y = ctx.ref.year + (1 if m["rel"] == "next" else 0) - (1 if back and m["rel"] != "next" else 0)
    return mk(f"{y:04d}-12-31")


def _match_year_end(text: str) -> re.Match[str] | None:
    return w.P_YEAR_END.match(_YEAR_END_LEAD.sub("", text))


#: Rules for the whole normalised expression, tried before its lead words are stripped.
LEADING_RULES: tuple[Rule, ...] = (
    (literal(*w.REF_WORDS), _ref_word),
    (w.SETS.search, _set),
    (w.P_UPCOMING.match, _upcoming),
    (w.P_WD_COUNT.match, _weekday_count),
    (w.P_IN.match, _in_units),
    (_match_year_end, _year_end),
)


# -------------------------------------------------------------------------- relative rules
def _today(_r: Resolver, _m: re.Match[str], ctx: Context) -> Outcome:
    """Read "today", "tonight"."""
    return mk(day(ctx.ref)) if ctx.ref else need_ref()


def _year_to_date(_r: Resolver, _m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the year to date" as the publication year."""
    return mk(str(ctx.ref.year)) if ctx.ref else need_ref()


def _from_date(r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "3 weeks from June 2", "three days before Christmas": a calendar day.

    "A week from Monday" counts from the coming Monday: "from" a weekday looks ahead, whatever the
    tense.
    """
    ahead = m["dir"] == "from" and m["rest"].rstrip(".") in w.WEEKDAYS
    inner_ctx = Context(ctx.ref, max(ctx.direction, 1), ctx.anchor) if ahead else ctx
    inner = r.resolve(m["rest"], inner_ctx)
    if inner is None or inner.value is None:
        return None
    if not ISO_DAY.fullmatch(inner.value):  # "(run for) five years from 2025": a span of time from a start
        value = duration_value(f"{m['num']} {m['unit']}")
        return Timex(value, None, type="duration") if value else None
    base = dt.date.fromisoformat(inner.value)
    direction = "ago" if m["dir"] == "before" else "from now"
    return ago(m["num"], m["unit"], direction, Context(base, ctx.direction, None), calendar_day=True)


def _day_from(r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the day after Christmas": the day after (or before) the day named, else no date."""
    inner = r.resolve(m["rest"], ctx)
    if inner is None or inner.value is None or not ISO_DAY.fullmatch(inner.value):
        return None
    step = 1 if m["dir"] == "after" else -1
    return mk(day(dt.date.fromisoformat(inner.value) + dt.timedelta(days=step)))


def _weekday_of_week(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "Tuesday of next week"."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    rel = m["rel"] or m["rel2"]
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * _WEEK_STEP.get(rel, 0))
    return mk(day(monday + dt.timedelta(days=w.WEEKDAYS[m["wd"] or m["wd2"]])))


def _weekday_week(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read British "Friday week", "a week on Friday": the coming Friday, then a week (a fortnight) on.

    "The coming Friday" is the next one after the reference day, as in "a week from Friday"; said on a
    Friday, "Friday week" is a week from that day.
    """
    ref = ctx.ref
    if ref is None:
        return need_ref()
    wd = w.WEEKDAYS[m["wd"] or m["wd2"]]
    unit = m["unit"] or m["unit2"]
    weeks = 2 if unit == "fortnight" or m["num"] == "two" else 1
    coming = ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
    return mk(day(coming + dt.timedelta(days=7 * weeks)))


def _new_year(_r: Resolver, _m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the new year": this year in its first half, else the next one."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    return mk(str(ref.year if ref.month <= 6 else ref.year + 1))


def _days_back(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "yesterday", "the day before yesterday"."""
    k = 1 if m.group(0) == "yesterday" else 2
    return mk(day(ctx.ref - dt.timedelta(days=k))) if ctx.ref else need_ref()


def _days_ahead(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "tomorrow", "the day after tomorrow"."""
    k = 1 if m.group(0) == "tomorrow" else 2
    return mk(day(ctx.ref + dt.timedelta(days=k))) if ctx.ref else need_ref()


def _weekday(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "Tuesday", "last Friday"; "the previous Friday" counts from the day last named."""
    if ctx.ref is None:
        return need_ref()
    wd = w.WEEKDAYS[m["wd"]]
    if m["rel"] in ("previous", "following") and ISO_DAY.fullmatch(ctx.anchor or ""):
        base = dt.date.fromisoformat(str(ctx.anchor))
        return anch(day(weekday_from(base, wd, m["rel"], 0)))
    return mk(day(weekday_from(ctx.ref, wd, m["rel"], ctx.direction)))


def _month_name(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "March", "last March": "last"/"next" as said, else the tense's way, else the nearest one."""
    rel = m["rel"]
    if m["mon"] == "may" and not rel and not ctx.month_may:
        return None
    mon = w.MONTHS[m["mon"]]
    ref = ctx.ref
    if ref is None:
        return need_ref() if rel else Timex(f"XXXX-{mon:02d}", "month", note=YEAR_UNKNOWN)
    if rel in ("next", "coming", "this coming"):
        y = ref.year if mon > ref.month else ref.year + 1
    elif rel in ("last", "this past"):
        y = ref.year if mon < ref.month else ref.year - 1
    elif rel == "this":
        y = ref.year
    elif ctx.direction <= -FIRM:  # "approved it in February": the latest February on or before publication
        y = ref.year if mon <= ref.month else ref.year - 1
    elif ctx.direction >= FIRM:  # "will vote in February": the next one (this month counts)
        y = ref.year if mon >= ref.month else ref.year + 1
    else:  # no firm tense to go by: the nearest one; a tie goes to the past
        diff = mon - ref.month
        off = min((diff, diff - 12, diff + 12), key=lambda o: (abs(o), o > 0))
        y, _ = shift_month(ref.year, ref.month, off)
    return mk(month(y, mon))


def _anchor_year(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the following year", "that year" from the year last named (else the publication year)."""
    base_year = year_of(ctx.anchor) or (ctx.ref.year if ctx.ref else None)
    if base_year is None:
        return need_ref()
    t = m.string
    k = 1 if _AFTER.search(t) else -1 if _BEFORE.search(t) else 0
    return anch(str(base_year + k))


def _rel_unit(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "last week", "this year", "the latest quarter", "next weekend"."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    rel, unit = m["rel"], m["unit"]
    k = _REL_STEP.get(rel, 0)
    if rel in ("same", "that"):
        return None
    if unit == "week":
        return mk(week(ref + dt.timedelta(days=7 * k)))
    if unit == "weekend":
        return _weekend(ref, k, ctx.direction)
    if unit == "month":
        return mk(month(*shift_month(ref.year, ref.month, k)))
    if unit == "year":
        return mk(str(ref.year + k))
    if unit in ("quarter", "period"):
        return _rel_quarter(ref, rel, unit, k)
    if unit == "decade":
        return mk(f"{ref.year // 10 + k:03d}X")
    return mk(f"{ref.year // 100 + k:02d}")  # century


def _weekend(ref: dt.date, k: int, direction: int) -> Timex:
    sat = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
    if k < 0 or (k == 0 and direction < 0 and ref.weekday() < 5):
        sat -= dt.timedelta(days=7)
    elif k > 0 and ref.weekday() >= 5:
        sat += dt.timedelta(days=7)
    return mk(week(sat) + "-WE")


def _rel_quarter(ref: dt.date, rel: str, unit: str, k: int) -> Timex | None:
    """Read "last quarter", "the latest period" (a period only with a word that names one)."""
    q = (ref.month - 1) // 3 + 1
    if rel in _LATEST:
        k = -1
    if unit == "period" and rel not in _PERIOD_RELS:
        return None
    return mk(quarter(ref.year, q + k) if q + k >= 1 else quarter(ref.year - 1, q + k + 4))


def _ago(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "two years ago", "a month earlier", "three days later"."""
    return ago(m["num"], m["unit"], m["dir"], ctx) if ctx.ref else need_ref()


def _year_ago(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the year-ago quarter": the reported quarter a year back, else last year."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    aq = quarter_of(ctx.anchor)
    # a year-ago figure compares with a reported quarter: one already begun, not a forecast
    if aq and aq[0] >= ref.year - (1 if ref.month <= 3 else 0) and aq <= (ref.year, (ref.month + 2) // 3):
        return anch(quarter(aq[0] - 1, aq[1]))
    t = m.string
    if t.endswith("quarter") or t.endswith("period"):
        q = (ref.month - 1) // 3
        return mk(quarter(ref.year - 1, q) if q else quarter(ref.year - 2, 4))
    return mk(str(ref.year - 1))


def _year_quarter(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the 1988 quarter": the quarter last named, in that year, else the one being reported."""
    if aq := quarter_of(ctx.anchor):
        return anch(quarter(int(m.group(1)), aq[1]))
    if m.group(2) == "period" or ctx.ref is None:
        return mk(m.group(1))
    return mk(quarter(int(m.group(1)), (ctx.ref.month - 1) // 3 or 4))


def _the_quarter(_r: Resolver, _m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the quarter": the one last named, else the last one ended; skipped with no reference."""
    ref = ctx.ref
    if ref is None:
        return SKIP
    if aq := quarter_of(ctx.anchor):
        return anch(quarter(*aq))
    q = (ref.month - 1) // 3
    return mk(quarter(ref.year, q) if q else quarter(ref.year - 1, 4))


def _day_of_rel_month(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the 12th of last month", "the 5th of next month": that day of the month named."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    y, mon = shift_month(ref.year, ref.month, _REL_STEP.get(m["rel"], 0))
    d = safe_date(y, mon, int(m["day"]) if m["day"] else w.DAY_WORDS[m["dayw"]])
    return mk(day(d)) if d else None


def _the_weekend(_r: Resolver, _m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the weekend": the last one, or the coming one in a future clause."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    d = ref - dt.timedelta(days=(ref.weekday() - 5) % 7) if ctx.direction <= 0 else ref
    return mk(week(d) + "-WE")


#: The relative rules, in the order they are tried (after the absolute ones).
RELATIVE_RULES: tuple[Rule, ...] = (
    (literal("today", "this day", "tonight"), _today),
    (literal("year to date", "the year to date"), _year_to_date),
    (w.P_FROM.match, _from_date),
    (w.P_DAY_FROM.match, _day_from),
    (w.P_WD_OF_WEEK.match, _weekday_of_week),
    (w.P_WD_WEEK.match, _weekday_week),
    (w.P_DAY_OF_REL_MONTH.match, _day_of_rel_month),
    (literal("new year"), _new_year),
    (literal("yesterday", "the day before yesterday", "day before yesterday"), _days_back),
    (literal("tomorrow", "the day after tomorrow", "day after tomorrow"), _days_ahead),
    *ANCHORED_RULES,
    (w.P_WD.match, _weekday),
    (w.P_MON.match, _month_name),
    (w.P_ANCHOR_YEAR.match, _anchor_year),
    (w.P_REL.match, _rel_unit),
    (w.P_AGO.match, _ago),
    (w.P_YEARAGO.match, _year_ago),
    (_YEAR_QUARTER.match, _year_quarter),
    (literal("quarter"), _the_quarter),
    (literal("weekend"), _the_weekend),
)
