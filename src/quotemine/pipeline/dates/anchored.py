"""Units counted from the date last named ("the next day"), and two units on ("the week after next").

"The next day", "the day before", "the same week", "the following month" count from the anchor;
"the week after next" and "the month before last" from the publication date.

TimeML resolves "the following day" and "the day before" against the time the story last talked
about (the anchor), not the publication date: "the talks opened on March 3 and closed the next day"
is March 4. With no date named before, the publication date is the anchor. "The week after next" is
deictic: two weeks from the publication date. Pure functions over strings and dates.
"""

from __future__ import annotations

import datetime as dt
import re

from quotemine.pipeline.dates.values import (
    SKIP,
    Context,
    Outcome,
    Resolver,
    Rule,
    anch,
    mk,
    month,
    need_ref,
    shift_month,
    week,
)

__all__ = ["ANCHORED_RULES"]

_ANCHORED = re.compile(
    r"^(?:the\s+)?(?:(?P<rel>following|next|previous|preceding|prior|same|that)\s+day|"
    r"(?P<rel2>following|previous|preceding|prior|same|that)\s+(?P<unit>week|month)|"
    r"day\s+(?P<dir>before|after))$"
)
_TWO_ON = re.compile(r"^(?:the\s+)?(?P<unit>week|weekend|month|year)\s+(?P<dir>after next|before last)$")
_STEP = {"following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1}
_ANCHOR_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ANCHOR_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_ANCHOR_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def _base(ctx: Context, unit: str) -> dt.date | None:
    """Return a day in the anchor that the unit can count from, else the publication date."""
    a = ctx.anchor or ""
    if m := _ANCHOR_DAY.match(a):
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if unit == "week" and (m := _ANCHOR_WEEK.match(a)):
        return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    if unit == "month" and (m := _ANCHOR_MONTH.match(a)) and 1 <= int(m.group(2)) <= 12:
        return dt.date(int(m.group(1)), int(m.group(2)), 1)
    return ctx.ref


def _names_a(anchor: str, unit: str) -> bool:
    """Tell whether the anchor is at least as fine as ``unit``: "that month" needs a month named."""
    if unit == "day":
        return _ANCHOR_DAY.match(anchor) is not None
    if unit == "week":
        return _ANCHOR_DAY.match(anchor) is not None or _ANCHOR_WEEK.match(anchor) is not None
    return (m := _ANCHOR_MONTH.match(anchor)) is not None and 1 <= int(m.group(2)) <= 12


def _anchored(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the next day", "the day before", "the same week", "the following month", "that day"."""
    unit = m["unit"] or "day"
    if "same" in (m["rel"], m["rel2"]) and ctx.anchor is None:
        return SKIP  # "the same week" as what? nothing named before
    if "that" in (m["rel"], m["rel2"]) and not _names_a(ctx.anchor or "", unit):
        return SKIP  # "that day" after "in 1945": which day is not said
    base = _base(ctx, unit)
    if base is None:
        return need_ref()
    k = _STEP.get(m["rel"] or m["rel2"] or m["dir"], 0)
    if unit == "day":
        return anch((base + dt.timedelta(days=k)).isoformat())
    if unit == "week":
        return anch(week(base + dt.timedelta(days=7 * k)))
    return anch(month(*shift_month(base.year, base.month, k)))


def _two_on(_r: Resolver, m: re.Match[str], ctx: Context) -> Outcome:
    """Read "the week after next", "the month before last": two units from the publication date."""
    ref = ctx.ref
    if ref is None:
        return need_ref()
    k = 2 if m["dir"] == "after next" else -2
    unit = m["unit"]
    if unit in ("week", "weekend"):
        d = ref + dt.timedelta(days=7 * k)
        if unit == "weekend":
            d += dt.timedelta(days=5 - d.weekday())
            return mk(week(d) + "-WE")
        return mk(week(d))
    if unit == "month":
        return mk(month(*shift_month(ref.year, ref.month, k)))
    return mk(str(ref.year + k))


#: The anchored rules, tried before the deictic ones ("the following week" counts from the anchor).
ANCHORED_RULES: tuple[Rule, ...] = ((_ANCHORED.match, _anchored), (_TWO_ON.match, _two_on))
