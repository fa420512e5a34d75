"""Resolve the text of one date expression to a TIMEX3-style value.

Pure functions over strings and ``datetime.date``: no spaCy, no clock. The frequent news forms
(weekdays, "Nov. 29", "last month", "two years ago", "the third quarter", "the 1990s", seasons,
holidays) are read by the rule tables of :mod:`~quotemine.pipeline.dates.relative` and
:mod:`~quotemine.pipeline.dates.absolute`; whatever is left is returned as ``None`` so the caller
can try dateparser.

The conventions follow TimeML/TIMEX3 (Pustejovsky et al. 2003) as used by HeidelTime (Strötgen and
Gertz 2010): a bare weekday or month in news is resolved towards the past unless the tense or the
words say otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Final

from quotemine.pipeline.dates import words as w
from quotemine.pipeline.dates.absolute import ABSOLUTE_RULES
from quotemine.pipeline.dates.calendar import HolidayCalendar
from quotemine.pipeline.dates.compact import offset_duration
from quotemine.pipeline.dates.durations import duration_value, set_value
from quotemine.pipeline.dates.relative import LEADING_RULES, RELATIVE_RULES
from quotemine.pipeline.dates.times import time_of_day
from quotemine.pipeline.dates.values import SKIP, Context, Timex, first_rule, granularity_of, mk

__all__ = ["Context", "Timex", "TimexResolver", "granularity_of", "normalise", "parse_reference"]

_SPACES = re.compile(r"\s+")
_QTR = re.compile(r"\bqtrs?\b")
_YR = re.compile(r"\byrs?\b")
_THE_IN_OF = re.compile(r"^(?:the|in|of)\s+")
_LEAD_PASSES = 3
# the date a span of time lies in: "(the first nine months) of the year", "of fiscal 1989"
_OF_DATE = re.compile(
    r"\s+of\s+(?:(?:the|this|last|next|that)\s+(?:fiscal\s+)?(?:year|quarter|month|decade|century)|"
    r"(?:fiscal\s+)?[12]\d{3})$"
)


#: How many resolved expressions a resolver keeps (then the memo starts again).
_MEMO_MAX: Final = 20_000

_HALF = re.compile(r"\b(?:a\s+)?half[\s-](?:an?\s+)?(?P<unit>century|decade|year|hour)\b")
_HALVES: Final = {"century": "50 years", "decade": "5 years", "year": "6 months", "hour": "30 minutes"}


def parse_reference(raw: object) -> dt.date | None:
    """Read ``YYYY-MM-DD`` or a full ISO datetime string; anything else gives ``None``."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str) or len(raw) < 10:
        return None
    try:
        return dt.date.fromisoformat(raw.strip()[:10])
    except ValueError:
        return None


def normalise(text: str) -> str:
    """Lower-case, unify quotes and dashes, squeeze spaces and drop edge punctuation."""
    t = (
        text.lower()
        .replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u2013", "-")
        .replace("\u2014", "-")
    )
    t = _SPACES.sub(" ", t).strip(' ,.;:!?()[]"')
    if "qtr" in t:
        t = _QTR.sub("quarter", t)
    if "yr" in t:
        t = _YR.sub("year", t)
    if "quarter of a" in t:  # "a quarter of a century": a quarter-century
        t = t.replace("quarter of a century", "quarter century")
    if "half" in t:  # "half a century ago" counts like "50 years ago"
        t = _HALF.sub(lambda m: _HALVES[m["unit"]], t)
    return t


def _strip_lead(t: str) -> str:
    """Drop up to three lead words ("in", "since the", "as early as")."""
    for _ in range(_LEAD_PASSES):
        t2 = w.LEAD.sub("", t)
        if t2 == t:
            break
        t = t2
    return t


def _split_modifier(t: str) -> tuple[str, str | None]:
    """Split "early", "mid", "the end of" off the expression: ``("1990", "early")``."""
    modifier: str | None = None
    m = w.MOD.match(t)
    if m and m.end() < len(t):
        modifier = next(w.MOD_MAP[x] for x in m.group("m").split() if x in w.MOD_MAP)
        t = t[m.end() :]
    return _THE_IN_OF.sub("", t), modifier


class TimexResolver:
    """Resolve normalised date texts against a context; build once, call many times.

    Args:
        events: The parsed ``dates_events.json`` lexicon (named days and events).

    """

    def __init__(self, events: Mapping[str, Any]) -> None:
        self.calendar = HolidayCalendar(events)
        # the rules are pure functions of the text and the context, so a pair read once (the same
        # candidate screened, then read in its clause; "Tuesday" again in the next story) is not
        # read again
        self._memo: dict[tuple[str, Context], Timex | None] = {}

    def holiday_names(self) -> list[str]:
        """Return every named day the lexicon knows, lower-cased."""
        return self.calendar.names()

    def resolve(self, text: str, ctx: Context) -> Timex | None:
        """Resolve one expression; ``None`` means "not understood here".

        Args:
            text: The expression as it appears in the document.
            ctx: Reference date, tense direction and anchor.

        Returns:
            A :class:`Timex` (with ``value`` ``None`` for times, durations, sets or a missing reference),
            or ``None`` when the text is not understood.

        """
        key = (text, ctx)
        memo = self._memo
        if key in memo:
            return memo[key]
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        out = memo[key] = self._resolve(text, ctx)
        return out

    def _resolve(self, text: str, ctx: Context) -> Timex | None:
        t = normalise(text)
        if not t:
            return None
        if (span := offset_duration(t)) is not None:  # "more than four decades ago", "an hour later"
            return Timex(span, None, type="duration")
        lead = first_rule(LEADING_RULES, self, t, ctx)
        if lead is not SKIP:
            return lead
        t, modifier = _split_modifier(_strip_lead(t))
        if modifier and t == "hours":  # "the early hours (of Sunday)": a part of the night, no span
            return None
        if w.SETS.search(t):  # "almost every day"
            return Timex(set_value(t), None, type="set")
        res = self._read(t, modifier, ctx)
        if res is None:
            value = duration_value(_OF_DATE.sub("", t))  # "the first nine months of the year": P9M
            return Timex(value, None, type="duration") if value or w.DURATION.search(t) else None
        if modifier and res.value is not None:
            return replace(res, modifier=modifier)
        return res

    def absolute(self, text: str, ctx: Context) -> Timex | None:
        """Resolve a normalised expression that names its date ("nov 29", "the 1990s", "christmas")."""
        out = first_rule(ABSOLUTE_RULES, self, text, ctx)
        if out is not SKIP:
            return out
        m = self.calendar.pattern.match(text)
        return self.calendar.resolve(m, ctx) if m else None

    def relative(self, text: str, ctx: Context) -> Timex | None:
        """Resolve a normalised expression relative to the reference or the anchor ("last month")."""
        out = first_rule(RELATIVE_RULES, self, text, ctx)
        return None if out is SKIP else out

    def _date(self, t: str, ctx: Context) -> Timex | None:
        return self.absolute(t, ctx) or self.relative(t, ctx)

    def _read(self, t: str, modifier: str | None, ctx: Context) -> Timex | None:
        """Resolve the expression without its lead words and modifier; a time of day is typed."""
        stripped = w.TOD.sub("", t)
        if stripped != t and stripped and (res := self._date(stripped, ctx)) is not None:
            return res  # "Tuesday morning": the day
        if w.TIMES.search(t):
            return time_of_day(t, ctx, self._date)
        if (res := self._date(t, ctx)) is not None:
            return res
        if modifier and t in ("year", "month", "week", "decade", "century"):
            return self._modified_unit(t, modifier, ctx)
        return None

    def _modified_unit(self, t: str, modifier: str, ctx: Context) -> Timex | None:
        """Read "early in the year", "the end of the month" as this one (a past end in spring: last year)."""
        res = self.relative("this " + t, ctx)
        ref = ctx.ref
        if (
            res is not None
            and t == "year"
            and modifier == "late"
            and ctx.direction < 0
            and ref
            and ref.month <= 6
        ):
            return mk(str(ref.year - 1))  # "peaked by the end of year" in March: last year's end
        return res
