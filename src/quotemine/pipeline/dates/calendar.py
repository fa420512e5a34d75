"""Named days and events: the ``dates_events.json`` lexicon, read into lookup tables.

:class:`HolidayCalendar` dates the named days ("Christmas", "Thanksgiving 2001", "last Easter",
"Eid al-Fitr"): fixed days, the n-th weekday of a month, days counted from Easter or from another
named day, US election day, and lunar or lunisolar holidays looked up in the ``holidays`` package.
:class:`EventTable` holds the events: a date text that names one fixed day when a word follows it
or a string precedes it ("September 11" before "attacks").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeAlias

from quotemine.lexicons import data_json
from quotemine.pipeline.dates import words as w
from quotemine.pipeline.dates.values import FIRM, YEAR_UNKNOWN, Context, Timex, day, mk, nearest, safe_date

__all__ = ["EVENTS_FILE", "EventRule", "EventTable", "HolidayCalendar", "easter", "load_events"]

logger = logging.getLogger(__name__)

EVENTS_FILE: Final = "dates_events.json"
#: The parsed lexicon: ``fixed``, ``nth_weekday``, ``easter``, ``us_election``, ``after_holiday``,
#: ``calendar`` and ``events`` (see the file's ``_doc``).
Events: TypeAlias = Mapping[str, Any]
_AHEAD = ("next", "coming", "this coming")


def load_events() -> dict[str, Any]:
    """Return a fresh copy of the packaged named-day lexicon (read once per process)."""
    return dict(data_json(EVENTS_FILE))


def easter(year: int) -> dt.date:
    """Return Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day_ = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day_)


def _nth_weekday_of(year: int, mon: int, wd: int, n: int) -> dt.date:
    """Return the ``n``-th weekday ``wd`` of a month (``n`` = -1: the last one)."""
    if n > 0:
        first = dt.date(year, mon, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + (mon == 12), mon % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def _election_day(year: int) -> dt.date:
    """Return the first Tuesday after the first Monday of November."""
    first = dt.date(year, 11, 2)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7)


class HolidayCalendar:
    """Date the named days of the lexicon; build once, ask many times.

    Args:
        events: The parsed ``dates_events.json`` lexicon.

    """

    def __init__(self, events: Events) -> None:
        self._fixed = {name: _month_day(str(md)) for name, md in dict(events.get("fixed", {})).items()}
        self._nth = {
            k: (int(v[0]), int(v[1]), int(v[2])) for k, v in dict(events.get("nth_weekday", {})).items()
        }
        self._easter = {k: int(v) for k, v in dict(events.get("easter", {})).items()}
        self._election = {str(x) for x in list(events.get("us_election", []))}
        self._calendar = {k: (str(v[0]), str(v[1])) for k, v in dict(events.get("calendar", {})).items()}
        self._calendar_cache: dict[tuple[str, int], dict[str, dt.date]] = {}
        self._after = {k: (str(v[0]), int(v[1])) for k, v in dict(events.get("after_holiday", {})).items()}
        alt = "|".join(re.escape(n) for n in sorted(self.names(), key=len, reverse=True))
        #: A normalised named-day expression: "last christmas", "thanksgiving, 2001".
        self.pattern = re.compile(
            r"^(?:(?P<rel>last|next|this|this past|this coming|coming)\s+)?(?P<h>"
            + alt
            + r")(?:,?\s+(?:in\s+)?"
            + w.YEAR
            + r")?$"
        )

    def names(self) -> list[str]:
        """Return every named day the lexicon knows, lower-cased."""
        return [*self._fixed, *self._nth, *self._easter, *self._election, *self._after, *self._calendar]

    def date_of(self, name: str, year: int) -> dt.date | None:
        """Return the date of the named day ``name`` in ``year``, or ``None``."""
        if name in self._fixed:
            return safe_date(year, *self._fixed[name])
        if name in self._nth:
            return _nth_weekday_of(year, *self._nth[name])
        if name in self._easter:
            return easter(year) + dt.timedelta(days=self._easter[name])
        if name in self._calendar:
            return self._calendar_date(*self._calendar[name], year)
        if name in self._after:
            base, offset = self._after[name]
            d = self.date_of(base, year)
            return d + dt.timedelta(days=offset) if d else None
        if name in self._election:
            return _election_day(year)
        return None

    def resolve(self, m: re.Match[str], ctx: Context) -> Timex | None:
        """Resolve a match of :attr:`pattern`: the year named, else the one "last"/"next" or the tense picks.

        "last Christmas", "next Easter"; otherwise the nearest one, unless the clause looks ahead.
        """
        if m["year"]:
            d = self.date_of(m["h"], int(m["year"]))
            return mk(day(d)) if d else None
        ref = ctx.ref
        if ref is None:
            return Timex(None, "day", note=YEAR_UNKNOWN)
        rel = m["rel"]
        # "was played on Boxing Day": an event on the day, in a firm past, is the last one
        back = rel or (ctx.on_day and ctx.direction <= -FIRM)
        direction = 1 if rel in _AHEAD else -1 if back else max(ctx.direction, 0)
        cands = [
            d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := self.date_of(m["h"], y)) is not None
        ]
        if direction == 0:
            return mk(day(nearest(ref, cands)))
        pick = [d for d in cands if (d <= ref if direction < 0 else d > ref)]
        if not pick:
            return None
        return mk(day(max(pick) if direction < 0 else min(pick)))

    def _calendar_date(self, country: str, holiday: str, year: int) -> dt.date | None:
        """Look a lunar or lunisolar holiday up in the ``holidays`` package (first day of that year).

        The country's national public holidays are read first; a name they lack (a regional or
        optional holiday such as Onam or Karva Chauth in India) is looked up in every subdivision
        and holiday category of the country, national ones winning.
        """
        if not 1900 <= year <= 2100:
            return None
        found = self._calendar_table(country, year, wide=False).get(holiday)
        if found is None:
            found = self._calendar_table(country, year, wide=True).get(holiday)
        return found

    def _calendar_table(self, country: str, year: int, *, wide: bool) -> dict[str, dt.date]:
        key = (country + ("*" if wide else ""), year)
        table = self._calendar_cache.get(key)
        if table is None:
            table = self._calendar_cache[key] = _holiday_table(country, year, wide=wide)
        return table


def _holiday_table(country: str, year: int, *, wide: bool) -> dict[str, dt.date]:
    """Return ``{holiday name: first day}`` for a country and year, empty when unavailable."""
    table: dict[str, dt.date] = {}
    try:
        for cal in _country_calendars(country, year, wide=wide):
            for found, names in sorted(cal.items()):
                for part in re.split(r"; | / ", str(names)):
                    table.setdefault(part.split(" (")[0], found)
    except Exception as exc:  # package missing or country/year unknown: degrade
        logger.debug("holiday calendar %s %d unavailable: %r", country, year, exc)
    return table


def _country_calendars(country: str, year: int, *, wide: bool) -> list[Any]:
    """Return the ``holidays`` calendars to read: national only, or every subdivision and category."""
    import warnings

    import holidays

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "available only from 2001 to 2035" and the like
        if not wide:
            return [holidays.country_holidays(country, years=year)]
        cls = holidays.country_holidays(country).__class__
        cats = tuple(getattr(cls, "supported_categories", ()) or ()) or None
        subdivs = [None, *getattr(cls, "subdivisions", ())]
        return [holidays.country_holidays(country, subdiv=s, years=year, categories=cats) for s in subdivs]


def _month_day(md: str) -> tuple[int, int]:
    mm, dd = md.split("-")
    return int(mm), int(dd)


@dataclass(frozen=True, slots=True)
class EventRule:
    """An event: date texts that name one day when a cue word follows or a cue string precedes them.

    Attributes:
        texts: The lower-cased date texts ("september 11").
        after: Words one of which must follow the text (empty with ``before``: always).
        before: Strings one of which must end the text just before it.
        value: The TIMEX3 value of the day.

    """

    texts: frozenset[str]
    after: tuple[str, ...]
    before: tuple[str, ...]
    value: str

    def applies(self, text: str, s: int, e: int) -> bool:
        """Tell whether the cues around ``text[s:e]`` make it name this event."""
        if not self.after and not self.before:
            return True
        follow = text[e : e + 40].lower()
        if any(re.match(r"\W*" + re.escape(a) + r"\b", follow) for a in self.after):
            return True
        lead = text[max(0, s - 10) : s].lower()
        return any(lead.endswith(b) for b in self.before)


class EventTable:
    """The events of the lexicon, indexed by their texts.

    Args:
        events: The parsed ``dates_events.json`` lexicon.

    """

    def __init__(self, events: Events) -> None:
        self.rules = [
            EventRule(
                frozenset(t.lower() for t in e["text"]),
                tuple(a.lower() for a in e.get("after", ())),
                tuple(b.lower() for b in e.get("before", ())),
                str(e["value"]),
            )
            for e in events.get("events", [])
        ]
        self._index: dict[str, list[EventRule]] = {}
        for rule in self.rules:  # the rules naming a text, in rule order
            for name in rule.texts:
                self._index.setdefault(name, []).append(rule)

    def texts(self) -> Iterable[str]:
        """Yield every event text, rule by rule, longest first within a rule."""
        for rule in self.rules:
            yield from sorted(rule.texts, key=len, reverse=True)

    def value(self, low: str, text: str, s: int, e: int) -> str | None:
        """Return the value of the first event ``low`` (the normalised ``text[s:e]``) names, else ``None``."""
        rules: Sequence[EventRule] = self._index.get(low, ())
        for rule in rules:
            if rule.applies(text, s, e):
                return rule.value
        return None
