"""TIMEX3 values of times of day: "5 p.m. Friday" → ``2003-01-10T17:00``, "tonight" → ``2003-01-10TNI``.

A time is a calendar day followed by ``T`` and a clock time (``T17:00``, ``T12:00`` for noon,
``T24:00`` for midnight, as TimeML writes it) or a part of the day (``TMO``, ``TAF``, ``TEV``,
``TNI``). The day is the one the expression names ("Friday", "yesterday", "Nov. 29"), else the
publication date for a deictic time ("this morning", "tonight"), else the day last named in the
document when there is one ("the morning" after "on Friday"), else the publication date. Without
a day the value is ``None``. Pure functions: no spaCy, no clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Final

from quotemine.pipeline.dates.durations import PART_OF_DAY
from quotemine.pipeline.dates.values import ISO_DAY, NO_REF, Context, Timex

__all__ = ["time_of_day"]

# the hours 20 to 23 first: "21:40" is no "2" and then digits
_CLOCK = re.compile(
    r"(?<![\d:.])(?P<h>2[0-3]|[01]?\d)(?:(?P<sep>[:.])(?P<m>[0-5]\d))?(?::(?P<s>[0-5]\d))?\s*"
    r"(?P<ap>[ap]\.?\s?m\b\.?|o'clock)?"
)
_NAMED_CLOCK: Final = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_NAMED = re.compile(r"\b(?:12\s+)?(?P<n>noon|midday|midnight)\b")  # "12 noon"
_HOUR_WORDS: Final = {
    w: n + 1 for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split())
}
_WORD_HOUR = re.compile(r"\b(?P<w>" + "|".join(_HOUR_WORDS) + r")\s+o'clock\b")
_POD = re.compile(r"\b(?:morning|afternoon|evening|night|tonight|overnight)\b")
_FILLER = re.compile(
    r"\b(?:at|on|in|the|of|early|late|around|about|shortly|just|before|after|until|by|"
    r"gmt|utc|est|edt|cst|cdt|pst|pdt|et|local time|time)\b|[,@]"
)
_AM_PM = re.compile(r"\b[ap]\.?\s?m\b|o'clock|noon|midday|midnight")
_DEICTIC = re.compile(r"\b(?:this|tonight|today)\b")
_SPACES = re.compile(r"\s+")

#: What reads the day part of a time ("friday", "yesterday"): the resolver's date rules.
DayReader = Callable[[str, Context], "Timex | None"]


def _clock(t: str) -> tuple[str, tuple[int, int]] | None:
    """Return the clock time a text names ("5 p.m." → ``17:00``) and where it stands, else ``None``."""
    if m := _NAMED.search(t):
        return _NAMED_CLOCK[m["n"]], m.span()
    if m := _WORD_HOUR.search(t):  # "eight o'clock": the hour as written (TimeML reads no a.m./p.m. into it)
        return f"{_HOUR_WORDS[m['w']]:02d}:00", m.span()
    for m in _CLOCK.finditer(t):
        if not (m["sep"] == ":" or m["ap"]):
            continue
        h, minute = int(m["h"]), int(m["m"] or 0)
        ap = (m["ap"] or "").replace(".", "").replace(" ", "")
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        elif ap in ("am", "pm") and h > 12:
            return None
        sec = f":{m['s']}" if m["s"] else ""
        return f"{h:02d}:{minute:02d}{sec}", m.span()
    return None


def time_of_day(t: str, ctx: Context, read_day: DayReader) -> Timex:
    """Return a typed time ("5 p.m. friday", "this morning", "last night") with its value when it has a day.

    Args:
        t: The normalised expression.
        ctx: Reference date, tense and anchor (the last date named).
        read_day: Resolves what is left once the clock time or part of day is taken out.

    Returns:
        A ``time`` :class:`Timex`; its value is ``None`` when no day can be given.

    """
    found = _clock(t)
    if found is not None:
        tail, (s, e) = found[0], found[1]
    elif m := _POD.search(t):
        tail, (s, e) = PART_OF_DAY[m.group(0)], m.span()
    else:
        return Timex(None, None, type="time")
    rest = _SPACES.sub(" ", _FILLER.sub(" ", t[:s] + " " + t[e:])).strip()
    if found is not None and (pod := _POD.search(rest)) is not None and (hour := _by_part(tail, pod[0], t)):
        tail = hour  # "2:15 this morning", "9.30 on Friday evening": the part of the day places the hour
        rest = _SPACES.sub(" ", rest[: pod.start()] + rest[pod.end() :]).strip()
    day = _day(rest, t, ctx, read_day)
    if day is not None and not rest and t[s:e] == "overnight":  # the night before the day in focus
        day = (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
    if day is None:
        note = NO_REF if ctx.ref is None else None
        return Timex(None, None, type="time", note=note)
    return Timex(f"{day}T{tail}", None, type="time")


def _by_part(clock: str, part: str, t: str) -> str | None:
    """Return a clock time read in the part of the day written with it, else ``None``.

    "2:15 this morning" is 02:15, "7:40 on Friday evening" 19:40; with "a.m."/"p.m." the text said
    which already. A small hour at night ("2:15 last night") is no hour of that night's date: ``None``.
    """
    h, rest = int(clock[:2]), clock[2:]
    if _AM_PM.search(t):
        return clock
    if part == "morning":
        return clock if h < 12 else None
    if part in ("afternoon", "evening") or (part in ("night", "tonight") and h >= 6):
        return f"{h + 12:02d}{rest}" if 1 <= h < 12 else clock
    return None


def _day(rest: str, t: str, ctx: Context, read_day: DayReader) -> str | None:
    """Return the ISO day a time falls on, or ``None``."""
    ref = ctx.ref
    if rest in ("", "this", "that", "tonight", "today"):
        if ref is None:
            return None
        if _DEICTIC.search(t) or rest == "today":
            return ref.isoformat()
        anchor = ctx.anchor or ""
        return anchor if ISO_DAY.fullmatch(anchor) else ref.isoformat()
    if rest == "last" and ref is not None:  # "last night"
        return (ref - dt.timedelta(days=1)).isoformat()
    found = read_day(rest, ctx)
    if found is None or found.value is None or not ISO_DAY.fullmatch(found.value):
        return None
    return found.value
