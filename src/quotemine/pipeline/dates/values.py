"""TIMEX3 values and the rule table that produces them: the vocabulary of the date resolvers.

A resolved expression is a :class:`Timex` (TimeML's TIMEX3 value, Pustejovsky et al. 2003). The
resolvers in :mod:`~quotemine.pipeline.dates.absolute` and :mod:`~quotemine.pipeline.dates.relative`
are ordered tables of :data:`Rule`: a matcher over the normalised text and a small function that
reads the match. :func:`first_rule` runs a table; a rule that matches but does not apply returns
:data:`SKIP` and the next rule is tried. Pure functions over strings and ``datetime.date``: no
spaCy, no clock.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal, Protocol, TypeAlias

__all__ = [
    "FIRM",
    "NO_REF",
    "SKIP",
    "Context",
    "Outcome",
    "Resolver",
    "Rule",
    "Timex",
    "first_rule",
    "granularity_of",
]

NO_REF: Final = "relative date and no publication date"
YEAR_UNKNOWN: Final = "no publication date: year unknown"
#: A tense direction times ``FIRM`` is a firm one (a simple past, "will"): it moves bare months and seasons.
FIRM: Final = 2


@dataclass(frozen=True, slots=True)
class Timex:
    """One resolved expression: its TIMEX3 value and the other fields of a ``DateRecord``."""

    value: str | None
    granularity: str | None
    modifier: str | None = None
    type: str = "date"
    note: str | None = None
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolution may lean on besides the text.

    Attributes:
        ref: The publication date, or ``None``.
        direction: ``-1`` when the clause is in the past tense, ``1`` for the future, ``0`` unknown;
            doubled (``FIRM``) for a simple past or a "will".
        anchor: The value of the last resolved date before this one in the document, or ``None``.
        month_may: The text puts a bare "May" where a month stands ("in May", "early May", "since
            May"), so it is the month and not the modal verb or a surname.
        on_day: "on" stands before the expression ("was played on Boxing Day"): an event on that day.

    """

    ref: dt.date | None
    direction: int = 0
    anchor: str | None = None
    month_may: bool = False
    on_day: bool = False


class _Skip(enum.Enum):
    SKIP = "skip"


#: What a rule returns when its pattern matched but the rule does not apply: try the next one.
SKIP: Final = _Skip.SKIP
#: A rule's verdict: a value, ``None`` ("understood, but no date"), or :data:`SKIP`.
Outcome: TypeAlias = Timex | Literal[_Skip.SKIP] | None


class Resolver(Protocol):
    """What a rule may ask of the resolver that runs it (for nested expressions)."""

    def resolve(self, text: str, ctx: Context) -> Timex | None:
        """Resolve a whole expression (normalising it first)."""

    def absolute(self, text: str, ctx: Context) -> Timex | None:
        """Resolve a normalised expression with the absolute rules only."""


Matcher: TypeAlias = Callable[[str], "re.Match[str] | None"]
Handler: TypeAlias = Callable[[Resolver, "re.Match[str]", Context], Outcome]
#: One rule: where it applies (a matcher over the normalised text) and what it makes of the match.
Rule: TypeAlias = tuple[Matcher, Handler]


# The rules of a table that match a text, with their matches: a matcher reads the text alone, so
# what matches is kept per (table, text) and only the handlers (which read the context) run again.
# A table is kept alive beside its id, so an id is never reused for another table.
_MATCHED: dict[tuple[int, str], tuple[tuple[Handler, re.Match[str]], ...]] = {}
_TABLES: dict[int, Sequence[Rule]] = {}
_MATCHED_MAX: Final = 50_000


def _matching(rules: Sequence[Rule], text: str) -> tuple[tuple[Handler, re.Match[str]], ...]:
    """Return the handlers of the rules whose matchers match ``text``, with the matches, in order."""
    if not isinstance(rules, tuple):  # a table that may change is read afresh
        return tuple((h, m) for matcher, h in rules if (m := matcher(text)) is not None)
    key = (id(rules), text)
    hit = _MATCHED.get(key)
    if hit is None:
        if len(_MATCHED) > _MATCHED_MAX:
            _MATCHED.clear()
        _TABLES.setdefault(id(rules), rules)
        hit = _MATCHED[key] = tuple((h, m) for matcher, h in rules if (m := matcher(text)) is not None)
    return hit


def first_rule(rules: Sequence[Rule], resolver: Resolver, text: str, ctx: Context) -> Outcome:
    """Return the verdict of the first rule that matches ``text`` and applies, else :data:`SKIP`."""
    for handler, m in _matching(rules, text):
        outcome = handler(resolver, m, ctx)
        if outcome is not SKIP:
            return outcome
    return SKIP


def literal(*texts: str) -> Matcher:
    """Return a matcher for exactly one of ``texts`` (a normalised expression, whole)."""
    return re.compile("^(?:" + "|".join(re.escape(t) for t in texts) + ")$").match


_GRANULARITIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), granularity)
    for pattern, granularity in (
        (r"[\dX]{4}-[\dX]{2}-\d{2}", "day"),
        (r"\d{4}-W\d{2}(?:-WE)?", "week"),
        (r"[\dX]{4}-\d{2}", "month"),
        (r"[\dX]{4}-(?:SP|SU|FA|WI)", "season"),
        (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H[12]", "half"),
        (r"\d{4}", "year"),
        (r"\d{3}X?", "decade"),
        (r"\d{2}(?:XX)?", "century"),
    )
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def granularity_of(value: str) -> str | None:
    """Return the granularity of a TIMEX3 value (``2002-11`` → ``month``)."""
    for pattern, granularity in _GRANULARITIES:
        if pattern.fullmatch(value):
            return granularity
    return None


def mk(value: str, modifier: str | None = None) -> Timex:
    """Return a date value with its granularity."""
    return Timex(value, granularity_of(value), modifier)


def anch(value: str) -> Timex:
    """Return a date value that was computed from the anchor (the last date named before it)."""
    return Timex(value, granularity_of(value), anchored=True)


def need_ref() -> Timex:
    """Return the value of a relative expression when there is no publication date."""
    return Timex(None, None, note=NO_REF)


def day(d: dt.date) -> str:
    """Return the TIMEX3 value of a calendar day."""
    return d.isoformat()


def day_or_none(d: dt.date | None) -> Timex | None:
    """Return a day value, or ``None`` for a date that does not exist."""
    return mk(day(d)) if d else None


def month(y: int, m: int) -> str:
    """Return the TIMEX3 value of a month."""
    return f"{y:04d}-{m:02d}"


def week(d: dt.date) -> str:
    """Return the TIMEX3 value of the ISO week holding ``d``."""
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def quarter(y: int, q: int) -> str:
    """Return the TIMEX3 value of quarter ``q`` of year ``y`` (``q`` past 4 rolls over)."""
    y += (q - 1) // 4
    return f"{y:04d}-Q{(q - 1) % 4 + 1}"


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """Return the year and month ``k`` months after ``y``-``m``."""
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    """Return the date, or ``None`` when it does not exist (February 30)."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def nearest(ref: dt.date, days: Sequence[dt.date]) -> dt.date:
    """Return the day closest to ``ref``; a tie goes to the past."""
    return min(days, key=lambda d: (abs((d - ref).days), d > ref))


def year_of(value: str | None) -> int | None:
    """Return the year a TIMEX3 value starts with, if any."""
    m = re.match(r"^(\d{4})", value or "")
    return int(m.group(1)) if m else None


def quarter_of(value: str | None) -> tuple[int, int] | None:
    """Return ``(year, quarter)`` of a quarter value, else ``None``."""
    m = re.match(r"^(\d{4})-Q(\d)$", value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def at_unit(tx: Timex | None, unit: str) -> Timex | None:
    """Re-express a calendar-day value at the granularity of ``unit`` (week, month, quarter, year)."""
    if tx is None or tx.value is None or not ISO_DAY.fullmatch(tx.value):
        return tx
    d = dt.date.fromisoformat(tx.value)
    if unit in ("week", "fortnight"):
        return mk(week(d))
    if unit == "month":
        return mk(month(d.year, d.month))
    if unit == "quarter":
        return mk(quarter(d.year, (d.month - 1) // 3 + 1))
    if unit == "year":
        return mk(str(d.year))
    return tx
