"""Resolve the text of one date expression to a TIMEX3-style value.

Private helper of :mod:`quotemine.pipeline.dates`. Pure functions over strings and ``datetime.date``:
no spaCy, no clock. The frequent news forms (weekdays, "Nov. 29", "last month", "two years ago",
"the third quarter", "the 1990s", seasons, holidays) are handled here with compiled patterns;
whatever is left is returned as ``None`` so the caller can try dateparser.

The conventions follow TimeML/TIMEX3 (Pustejovsky et al. 2003) as used by HeidelTime (Strötgen and
Gertz 2010): a bare weekday or month in news is resolved towards the past unless the tense or the
words say otherwise.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

from quotemine.pipeline import _timex_words as w

logger = logging.getLogger(__name__)

_NO_REF = "relative date and no publication date"


@dataclass(frozen=True, slots=True)
class Timex:
    """One resolved expression: TIMEX3 value and the fields of a ``qm_dates`` dict."""

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
        direction: ``-1`` when the clause is in the past tense, ``1`` for the future, ``0`` unknown.
        anchor: The value of the last resolved date before this one in the document, or ``None``.

    """

    ref: dt.date | None
    direction: int = 0
    anchor: str | None = None


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
_SPACES = re.compile(r"\s+")
_QTR = re.compile(r"\bqtrs?\b")
_YR = re.compile(r"\byrs?\b")
_YEAR_END_LEAD = re.compile(r"^(?:around|about|at|by|before|after|until|till)\s+")
_THE_IN_OF = re.compile(r"^(?:the|in|of)\s+")


def granularity_of(value: str) -> str | None:
    """Return the granularity of a TIMEX3 value (``2002-11`` → ``month``)."""
    for pattern, granularity in _GRANULARITIES:
        if pattern.fullmatch(value):
            return granularity
    return None


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
    return t


def _mk(value: str, modifier: str | None = None) -> Timex:
    return Timex(value, granularity_of(value), modifier)


def _anch(value: str) -> Timex:
    return Timex(value, granularity_of(value), anchored=True)


def _day(d: dt.date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _week(d: dt.date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def _quarter(y: int, q: int) -> str:
    y += (q - 1) // 4
    return f"{y:04d}-Q{(q - 1) % 4 + 1}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _choose_year(ref: dt.date, m: int, d: int, direction: int) -> dt.date | None:
    """Pick the year of a month-day: on/before ``ref`` in the past, after it in the future, else nearest."""
    cands = [c for y in (ref.year - 1, ref.year, ref.year + 1) if (c := _safe_date(y, m, d)) is not None]
    if not cands:
        return None
    if direction < 0:
        past = [c for c in cands if c <= ref]
        return max(past) if past else None
    if direction > 0:
        fut = [c for c in cands if c >= ref]
        return min(fut) if fut else None
    return min(cands, key=lambda c: (abs((c - ref).days), c > ref))


def _weekday(ref: dt.date, wd: int, rel: str | None, direction: int) -> dt.date:
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if rel in ("next", "coming", "this coming", "following"):
        return ref + dt.timedelta(days=fwd or 7)
    if rel in ("last", "past", "this past", "previous"):
        return ref - dt.timedelta(days=back or 7)
    if direction > 0:
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back)


def _year_of(value: str | None) -> int | None:
    m = re.match(r"^(\d{4})", value or "")
    return int(m.group(1)) if m else None


def _quarter_of(value: str | None) -> tuple[int, int] | None:
    m = re.match(r"^(\d{4})-Q(\d)$", value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


class TimexResolver:
    """Resolve normalised date texts against a context; build once, call many times.

    Args:
        events: The parsed ``dates_events.json`` lexicon (named days and events).

    """

    def __init__(self, events: Mapping[str, object]) -> None:
        self._fixed: dict[str, tuple[int, int]] = {}
        for name, md in dict(events.get("fixed", {})).items():  # type: ignore[call-overload]
            mm, dd = str(md).split("-")
            self._fixed[name] = (int(mm), int(dd))
        self._nth: dict[str, tuple[int, int, int]] = {
            k: (int(v[0]), int(v[1]), int(v[2]))
            for k, v in dict(events.get("nth_weekday", {})).items()  # type: ignore[call-overload]
        }
        self._easter: dict[str, int] = {
            k: int(v)
            for k, v in dict(events.get("easter", {})).items()  # type: ignore[call-overload]
        }
        self._election = {str(x) for x in list(events.get("us_election", []))}  # type: ignore[call-overload]
        self._calendar: dict[str, tuple[str, str]] = {
            k: (str(v[0]), str(v[1]))
            for k, v in dict(events.get("calendar", {})).items()  # type: ignore[call-overload]
        }
        self._calendar_cache: dict[tuple[str, int], dict[str, dt.date]] = {}
        self._after: dict[str, tuple[str, int]] = {
            k: (str(v[0]), int(v[1]))
            for k, v in dict(events.get("after_holiday", {})).items()  # type: ignore[call-overload]
        }
        names = [*self._fixed, *self._nth, *self._easter, *self._election, *self._after, *self._calendar]
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self._holiday = re.compile(
            r"^(?:(?P<rel>last|next|this|this past|this coming|coming)\s+)?(?P<h>"
            + alt
            + r")(?:,?\s+(?:in\s+)?"
            + w.YEAR
            + r")?$"
        )

    def holiday_names(self) -> list[str]:
        """Return every named day the lexicon knows, lower-cased."""
        return [*self._fixed, *self._nth, *self._easter, *self._election, *self._after, *self._calendar]

    def _holiday_date(self, name: str, year: int) -> dt.date | None:
        if name in self._fixed:
            return _safe_date(year, *self._fixed[name])
        if name in self._nth:
            mon, wd, n = self._nth[name]
            if n > 0:
                first = dt.date(year, mon, 1)
                return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
            nxt = dt.date(year + (mon == 12), mon % 12 + 1, 1) - dt.timedelta(days=1)
            return nxt - dt.timedelta(days=(nxt.weekday() - wd) % 7)
        if name in self._easter:
            return _easter(year) + dt.timedelta(days=self._easter[name])
        if name in self._calendar:
            return self._calendar_date(*self._calendar[name], year)
        if name in self._after:
            base, offset = self._after[name]
            d = self._holiday_date(base, year)
            return d + dt.timedelta(days=offset) if d else None
        if name in self._election:
            first = dt.date(year, 11, 2)
            return first + dt.timedelta(days=(1 - first.weekday()) % 7)
        return None

    def _calendar_date(self, country: str, holiday: str, year: int) -> dt.date | None:
        """Look a lunar or lunisolar holiday up in the ``holidays`` package (first day of that year).

        The country's national public holidays are read first; a name they lack (a regional or
        optional holiday such as Onam or Karva Chauth in India) is looked up in every subdivision
        and holiday category of the country, national ones winning.
        """
        if not 1900 <= year <= 2100:
            return None
        day = self._calendar_table(country, year, wide=False).get(holiday)
        if day is None:
            day = self._calendar_table(country, year, wide=True).get(holiday)
        return day

    def _calendar_table(self, country: str, year: int, *, wide: bool) -> dict[str, dt.date]:
        key = (country + ("*" if wide else ""), year)
        table = self._calendar_cache.get(key)
        if table is not None:
            return table
        table = {}
        try:
            import warnings

            import holidays

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "available only from 2001 to 2035" and the like
                if not wide:
                    calendars = [holidays.country_holidays(country, years=year)]
                else:
                    cls = holidays.country_holidays(country).__class__
                    cats = tuple(getattr(cls, "supported_categories", ()) or ()) or None
                    subdivs = [None, *getattr(cls, "subdivisions", ())]
                    calendars = [holidays.country_holidays(country, subdiv=s, years=year, categories=cats)
                                 for s in subdivs]  # fmt: skip
            for cal in calendars:
                for day, names in sorted(cal.items()):
                    for part in re.split(r"; | / ", str(names)):
                        table.setdefault(part.split(" (")[0], day)
        except Exception as exc:  # package missing or country/year unknown: degrade
            logger.debug("holiday calendar %s %d unavailable: %r", country, year, exc)
        self._calendar_cache[key] = table
        return table

    def resolve(self, text: str, ctx: Context) -> Timex | None:
        """Resolve one expression; ``None`` means "not understood here".

        Args:
            text: The expression as it appears in the document.
            ctx: Reference date, tense direction and anchor.

        Returns:
            A :class:`Timex` (with ``value`` ``None`` for times, durations, sets or a missing reference),
            or ``None`` when the text is not understood.

        """
        t = normalise(text)
        if not t:
            return None
        if t in w.REF_WORDS:
            return Timex(w.REF_WORDS[t], None)
        if w.SETS.search(t):
            return Timex(None, None, type="set")
        if m := w.P_UPCOMING.match(t):  # "the upcoming two weeks": the week two weeks ahead
            if ctx.ref is None:
                return Timex(None, None, note=_NO_REF)
            ahead = self._ago(m["num"] or m["num2"], m["unit"], "from now", ctx)
            return _at_unit(ahead, m["unit"])
        if m := w.P_WD_COUNT.match(t):  # "3 fridays from now": the third Friday after publication
            return self._weekday_count(m, ctx)
        if (m := w.P_IN.match(t)) and ctx.direction > 0:  # "will leave in two years": a date ahead
            return (
                self._ago(m["num"], m["unit"], "from now", ctx)
                if ctx.ref
                else Timex(None, None, note=_NO_REF)
            )
        if m := w.P_YEAR_END.match(_YEAR_END_LEAD.sub("", t)):
            if ctx.ref is None:
                return Timex(None, None, note=_NO_REF)
            back = bool(m["since"]) or ctx.direction < 0 or m["rel"] == "last"
            y = ctx.ref.year + (1 if m["rel"] == "next" else 0) - (1 if back and m["rel"] != "next" else 0)
            return _mk(f"{y:04d}-12-31")
        for _ in range(3):
            t2 = w.LEAD.sub("", t)
            if t2 == t:
                break
            t = t2
        modifier: str | None = None
        m = w.MOD.match(t)
        if m and m.end() < len(t):
            modifier = next(w.MOD_MAP[x] for x in m.group("m").split() if x in w.MOD_MAP)
            t = t[m.end() :]
        t = _THE_IN_OF.sub("", t)
        stripped = w.TOD.sub("", t)
        res = None
        if stripped != t and stripped:
            res = self._absolute(stripped, ctx) or self._relative(stripped, ctx)
        if res is None and w.TIMES.search(t):
            return Timex(None, None, type="time")
        if res is None:
            res = self._absolute(t, ctx) or self._relative(t, ctx)
        if res is None and modifier and t in ("year", "month", "week"):
            res = self._relative("this " + t, ctx)
            if (
                res is not None
                and t == "year"
                and modifier == "late"
                and ctx.direction < 0
                and ctx.ref is not None
                and ctx.ref.month <= 6
            ):  # "peaked by the end of year" in March: last year's end
                res = _mk(str(ctx.ref.year - 1))
        if res is None:
            if w.DURATION.search(t):
                return Timex(None, None, type="duration")
            return None
        if modifier and res is not None and res.value is not None:
            return Timex(res.value, res.granularity, modifier, res.type, res.note, res.anchored)
        return res

    def _absolute(self, t: str, ctx: Context) -> Timex | None:
        if m := w.P_HALF.match(t):
            half = 1 if m["h"] in ("first", "1st") or m["h2"] == "first" else 2
            if m["year"]:
                return _mk(f"{m['year']}-H{half}")
            if ctx.ref is None:
                return Timex(None, None, note=_NO_REF)
            k = {"last": -1, "next": 1}.get(m["rel"] or "", 0)
            return _mk(f"{ctx.ref.year + k:04d}-H{half}")
        if m := w.P_ISO.match(t):
            d = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
            return _mk(_day(d)) if d else None
        if m := w.P_US.match(t):
            y = int(m["year"])
            y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
            d = _safe_date(y, int(m["mon"]), int(m["day"]))
            return _mk(_day(d)) if d else None
        if (m := w.P_MDY.match(t)) or (m := w.P_DMY.match(t)):
            mon, day = w.MONTHS[m["mon"]], int(m["day"]) if m["day"] else w.DAY_WORDS[m["dayw"]]
            if m["year"]:
                d = _safe_date(int(m["year"]), mon, day)
                return _mk(_day(d)) if d else None
            if not 1 <= day <= 31:
                return None
            if ctx.ref is None:
                return Timex(f"XXXX-{mon:02d}-{day:02d}", "day", note="no publication date: year unknown")
            if m["wd"]:  # "Fri, Jul 18": the year whose calendar fits the weekday
                fits = [
                    d
                    for y in range(ctx.ref.year - 3, ctx.ref.year + 4)
                    if (d := _safe_date(y, mon, day)) is not None and d.weekday() == w.WEEKDAYS[m["wd"]]
                ]
                if fits:
                    return _mk(_day(min(fits, key=lambda d: abs((d - ctx.ref).days))))  # type: ignore[operator]
            d = _choose_year(ctx.ref, mon, day, ctx.direction)
            return _mk(_day(d)) if d else None
        if (m := w.P_MY.match(t)) or (m := w.P_YM.match(t)):
            return _mk(_month(int(m["year"]), w.MONTHS[m["mon"]]))
        if (m := w.P_HYPHEN.match(t)) and (m["mon"] or m["mon2"]).rstrip(".") in w.MONTHS:
            d = _safe_date(int(m["year"] or m["year2"]), w.MONTHS[(m["mon"] or m["mon2"]).rstrip(".")],
                           int(m["day"] or m["day2"]))  # fmt: skip
            return _mk(_day(d)) if d else None
        if m := w.P_NTH_WD.match(t):
            return self._nth_weekday(m, ctx)
        if m := w.P_WEEK_NUM.match(t):
            return self._week_number(m, ctx)
        if m := w.P_ISO_MONTH.match(t):
            return _mk(_month(int(m["year"]), int(m["mon"])))
        if m := w.P_YEAR.match(t):
            return _mk(m["year"])
        if (
            (m := w.P_MON_WORDS.match(t))
            and (wy := self._absolute(m["rest"], ctx))
            and wy.granularity == "year"
        ):
            return _mk(_month(int(str(wy.value)), w.MONTHS[m["mon"]]))
        if m := w.P_YEAR_WORDS.match(t):
            if m["c"]:
                y = (19 if m["c"] == "nineteen" else 20) * 100 + w.WORD_DIGITS[m["t"]] * 10
                return _mk(str(y + (w.WORD_DIGITS[m["u"]] if m["u"] else 0)))
            return _mk(str(2000 + (w.WORD_DIGITS[m["u2"]] if m["u2"] else 0)))
        if m := w.P_DECADE.match(t):
            if m["w"]:
                return _mk(f"19{w.DECADE_WORDS[m['w']]}X")
            dgt = m["d"] or m["d2"]
            cen = m["c"] or "19"
            return _mk(f"{cen}{dgt}X")
        if m := w.P_CENTURY.match(t):
            return _mk(f"{int(m['n']) - 1:02d}")
        if m := w.P_QUARTER.match(t):
            q = w.ORDINALS[m["q"] or m["q2"] or m["q3"]]
            ys = m["y1"] or m["y2"] or m["y3"] or m["y4"] or m["y5"]
            if ys:
                return _mk(_quarter(int(ys), q))
            if ctx.ref is None:
                return Timex(None, "quarter", note="no publication date: year unknown")
            return _mk(_quarter(ctx.ref.year, q))
        if m := w.P_SEASON.match(t):
            code, start = w.SEASONS[m["s"]]
            if m["year"]:
                return _mk(f"{m['year']}-{code}")
            if ctx.ref is None:
                return Timex(None, "season", note="no publication date: year unknown")
            y = ctx.ref.year - (1 if code == "WI" and ctx.ref.month <= 2 else 0)
            rel = m["rel"]
            if rel in ("last", "this past", "past") and (y, start + 2) >= (ctx.ref.year, ctx.ref.month):
                y -= 1
            elif rel in ("next", "coming", "this coming") and (y, start) <= (ctx.ref.year, ctx.ref.month):
                y += 1
            return _mk(f"{y:04d}-{code}")
        if m := self._holiday.match(t):
            if m["year"]:
                d = self._holiday_date(m["h"], int(m["year"]))
                return _mk(_day(d)) if d else None
            if ctx.ref is None:
                return Timex(None, "day", note="no publication date: year unknown")
            rel = m["rel"]
            # "last Christmas", "next Easter"; otherwise the nearest one, unless the clause looks ahead
            direction = (
                1 if rel in ("next", "coming", "this coming") else -1 if rel else max(ctx.direction, 0)
            )
            cands = [d for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)
                     if (d := self._holiday_date(m["h"], y)) is not None]  # fmt: skip
            if direction == 0:
                return _mk(_day(min(cands, key=lambda d: (abs((d - ctx.ref).days), d > ctx.ref))))  # type: ignore[operator]
            pick = [d for d in cands if (d <= ctx.ref if direction < 0 else d > ctx.ref)]
            if not pick:
                return None
            return _mk(_day(max(pick) if direction < 0 else min(pick)))
        return None

    def _nth_weekday(self, m: re.Match[str], ctx: Context) -> Timex | None:
        """Resolve "the first Tuesday in November", "last Friday of October 2014"."""
        rest = m["rest"]
        if rest in ("the month", "month"):
            rest = "this month"
        month = self.resolve(rest, ctx)
        if month is None or month.value is None or not re.fullmatch(r"\d{4}-\d{2}", month.value):
            return None
        y, mo = int(month.value[:4]), int(month.value[5:])
        wd = w.WEEKDAYS[m["wd"]]
        days = [d for d in range(1, calendar.monthrange(y, mo)[1] + 1) if dt.date(y, mo, d).weekday() == wd]
        n = -1 if m["ord"] == "last" else w.ORDINALS.get(m["ord"]) or {"fifth": 5, "5th": 5}.get(m["ord"], 0)
        if n == 0 or n > len(days):
            return None
        return _mk(_day(dt.date(y, mo, days[n - 1] if n > 0 else days[-1])))

    def _week_number(self, m: re.Match[str], ctx: Context) -> Timex | None:
        """Resolve "week 10 (of 2027)", "the second week of 2021", "the last week of 2016"."""
        if m["n"]:
            if m["year"]:
                y = int(m["year"])
            elif ctx.ref is None:
                return None
            else:
                y = ctx.ref.year + {"last": -1, "next": 1}.get(m["rel"] or "", 0)
            n = int(m["n"])
            return _mk(f"{y:04d}-W{n:02d}") if 1 <= n <= 53 else None
        y = int(m["year2"])
        if m["ord"] == "last":
            if m["unit"] == "month":
                return _mk(_month(y, 12))
            return _mk(_week(dt.date(y, 12, 28)))
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}.get(m["ord"]) or int(m["ord"][0])
        return _mk(_month(y, n)) if m["unit"] == "month" else _mk(f"{y:04d}-W{n:02d}")

    def _relative(self, t: str, ctx: Context) -> Timex | None:
        ref = ctx.ref
        need_ref = Timex(None, None, note=_NO_REF)
        if t in ("today", "this day", "tonight"):
            return _mk(_day(ref)) if ref else need_ref
        if t in ("year to date", "the year to date"):
            return _mk(str(ref.year)) if ref else need_ref
        if m := w.P_FROM.match(t):
            inner = self.resolve(m["rest"], ctx)
            if inner is None or inner.value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner.value):
                return None
            base = dt.date.fromisoformat(inner.value)
            direction = "ago" if m["dir"] == "before" else "from now"
            return self._ago(m["num"], m["unit"], direction, Context(base, ctx.direction, None), day=True)
        if m := w.P_WD_OF_WEEK.match(t):
            if ref is None:
                return need_ref
            k = {"next": 1, "the following": 1, "last": -1, "the previous": -1}.get(m["rel"], 0)
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * k)
            return _mk(_day(monday + dt.timedelta(days=w.WEEKDAYS[m["wd"]])))
        if t == "new year":
            if ref is None:
                return need_ref
            return _mk(str(ref.year if ref.month <= 6 else ref.year + 1))
        if t in ("yesterday", "the day before yesterday", "day before yesterday"):
            k = 1 if t == "yesterday" else 2
            return _mk(_day(ref - dt.timedelta(days=k))) if ref else need_ref
        if t in ("tomorrow", "the day after tomorrow", "day after tomorrow"):
            k = 1 if t == "tomorrow" else 2
            return _mk(_day(ref + dt.timedelta(days=k))) if ref else need_ref
        if m := w.P_WD.match(t):
            if ref is None:
                return need_ref
            if m["rel"] in ("previous", "following") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.anchor or ""):
                # "the previous Friday": the one before the day the text last named
                base = dt.date.fromisoformat(str(ctx.anchor))
                return _anch(_day(_weekday(base, w.WEEKDAYS[m["wd"]], m["rel"], 0)))
            return _mk(_day(_weekday(ref, w.WEEKDAYS[m["wd"]], m["rel"], ctx.direction)))
        if m := w.P_MON.match(t):
            if m["mon"] == "may" and not m["rel"]:
                return None
            mon = w.MONTHS[m["mon"]]
            if ref is None:
                if m["rel"]:
                    return need_ref
                return Timex(f"XXXX-{mon:02d}", "month", note="no publication date: year unknown")
            rel = m["rel"]
            if rel in ("next", "coming", "this coming"):
                y = ref.year if mon > ref.month else ref.year + 1
            elif rel in ("last", "this past"):
                y = ref.year if mon < ref.month else ref.year - 1
            elif rel == "this":
                y = ref.year
            else:  # the nearest one, whatever the tense; a tie goes to the past
                diff = mon - ref.month
                off = min((diff, diff - 12, diff + 12), key=lambda o: (abs(o), o > 0))
                y, _ = _shift_month(ref.year, ref.month, off)
            return _mk(_month(y, mon))
        if w.P_ANCHOR_YEAR.match(t):
            base_year = _year_of(ctx.anchor) or (ref.year if ref else None)
            if base_year is None:
                return need_ref
            k = (
                1
                if re.search(r"following|next|after", t)
                else -1
                if re.search(r"previous|preceding|prior|before", t)
                else 0
            )
            return _anch(str(base_year + k))
        if m := w.P_REL.match(t):
            return self._rel_unit(m["rel"], m["unit"], ctx) if ref else need_ref
        if m := w.P_AGO.match(t):
            return self._ago(m["num"], m["unit"], m["dir"], ctx) if ref else need_ref
        if w.P_YEARAGO.match(t):
            if ref is None:
                return need_ref
            aq = _quarter_of(ctx.anchor)
            # a year-ago figure compares with a reported quarter: one already begun, not a forecast
            if (
                aq
                and aq[0] >= ref.year - (1 if ref.month <= 3 else 0)
                and aq <= (ref.year, (ref.month + 2) // 3)
            ):
                return _anch(_quarter(aq[0] - 1, aq[1]))
            if t.endswith("quarter") or t.endswith("period"):
                q = (ref.month - 1) // 3
                return _mk(_quarter(ref.year - 1, q) if q else _quarter(ref.year - 2, 4))
            return _mk(str(ref.year - 1))
        if m := re.match(r"^([12]\d{3}) (quarter|period)$", t):
            if aq := _quarter_of(ctx.anchor):
                return _anch(_quarter(int(m.group(1)), aq[1]))
            if m.group(2) == "period" or ref is None:
                return _mk(m.group(1))
            # "the 1988 quarter" with no quarter named before: the one now being reported
            return _mk(_quarter(int(m.group(1)), (ref.month - 1) // 3 or 4))
        if t == "quarter" and ref is not None:
            aq = _quarter_of(ctx.anchor)
            if aq:
                return _anch(_quarter(*aq))
            q = (ref.month - 1) // 3
            return _mk(_quarter(ref.year, q) if q else _quarter(ref.year - 1, 4))
        if t in ("quarter", "period") or t.startswith("period"):
            return None
        if t in ("weekend",):
            if ref is None:
                return need_ref
            d = ref - dt.timedelta(days=(ref.weekday() - 5) % 7) if ctx.direction <= 0 else ref
            return _mk(_week(d) + "-WE")
        return None

    def _rel_unit(self, rel: str, unit: str, ctx: Context) -> Timex | None:
        ref = ctx.ref
        assert ref is not None
        k = {"last": -1, "previous": -1, "this past": -1, "next": 1, "following": 1, "coming": 1,
             "this coming": 1}.get(rel, 0)  # fmt: skip
        if rel in ("same", "that"):
            return None
        if unit == "week":
            return _mk(_week(ref + dt.timedelta(days=7 * k)))
        if unit == "weekend":
            sat = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
            if k < 0 or (k == 0 and ctx.direction < 0 and ref.weekday() < 5):
                sat -= dt.timedelta(days=7)
            elif k > 0 and ref.weekday() >= 5:
                sat += dt.timedelta(days=7)
            return _mk(_week(sat) + "-WE")
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, k)
            return _mk(_month(y, mo))
        if unit == "year":
            return _mk(str(ref.year + k))
        if unit in ("quarter", "period"):
            q = (ref.month - 1) // 3 + 1
            if rel in ("latest", "most recent"):
                k = -1
            if unit == "period" and rel not in (
                "latest",
                "most recent",
                "last",
                "previous",
                "current",
                "this",
            ):
                return None
            return _mk(_quarter(ref.year, q + k) if q + k >= 1 else _quarter(ref.year - 1, q + k + 4))
        if unit == "decade":
            return _mk(f"{ref.year // 10 + k:03d}X")
        if unit == "century":
            return _mk(f"{ref.year // 100 + k:02d}")
        return None

    def _weekday_count(self, m: re.Match[str], ctx: Context) -> Timex | None:
        ref = ctx.ref
        if ref is None:
            return Timex(None, None, note=_NO_REF)
        n = int(m["num"]) if m["num"].isdigit() else w.NUMBERS.get(m["num"], 0)
        if not 0 < n < 60:
            return None
        wd = w.WEEKDAYS[m["wd"]]
        if m["dir"] == "ago":
            return _mk(_day(ref - dt.timedelta(days=((ref.weekday() - wd) % 7 or 7) + 7 * (n - 1))))
        return _mk(_day(ref + dt.timedelta(days=((wd - ref.weekday()) % 7 or 7) + 7 * (n - 1))))

    def _ago(self, num: str, unit: str, direction: str, ctx: Context, *, day: bool = False) -> Timex | None:
        ref = ctx.ref
        assert ref is not None
        n = int(num) if num.isdigit() else w.NUMBERS.get(num, 0)
        if n <= 0 or n > 5000:
            return None
        sign = 1 if direction in ("later", "after", "from now", "hence") else -1
        anchored = direction in ("earlier", "before", "later", "after")
        aq = _quarter_of(ctx.anchor)
        if unit == "year" and aq and (anchored or (direction == "ago" and n == 1)):
            return _anch(_quarter(aq[0] + sign * n, aq[1]))
        base = ref
        vague = num in ("a few", "few", "several", "a couple", "a couple of", "couple of")
        # "three months from now", "in two days": a calendar day, as the clock would count it
        day = day or (direction in ("from now", "hence") and not vague)
        if day:  # "2 weeks from January 15": a calendar day
            months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit, 0)
            if months:
                y, mo = _shift_month(base.year, base.month, sign * n * months)
                d = _safe_date(y, mo, min(base.day, calendar.monthrange(y, mo)[1]))
                return _mk(_day(d)) if d else None
            days = {"day": 1, "week": 7, "fortnight": 14}.get(unit, 0)
            return _mk(_day(base + dt.timedelta(days=sign * n * days))) if days else None
        if anchored and (ay := _year_of(ctx.anchor)) is not None and ctx.anchor:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.anchor):
                base = dt.date.fromisoformat(ctx.anchor)
            elif unit in ("year", "decade", "century"):
                return _anch(str(ay + sign * n * {"year": 1, "decade": 10, "century": 100}[unit]))
        if unit == "day":
            return _mk(_day(base + dt.timedelta(days=sign * n)))
        if unit in ("week", "fortnight"):
            shifted = base + dt.timedelta(days=sign * n * (14 if unit == "fortnight" else 7))
            # "a week ago" is the day seven days back; it falls in the ISO week TimeML would name
            return _mk(_week(shifted) if vague else _day(shifted))
        if unit in ("month", "quarter"):
            y, mo = _shift_month(base.year, base.month, sign * n * (3 if unit == "quarter" else 1))
            return _mk(_month(y, mo))
        if unit == "year":
            if num in ("a few", "few", "several"):
                return _mk(f"{(base.year - 3) // 10:03d}X")
            return _mk(str(base.year + sign * n))
        if unit == "decade":
            return _mk(str(base.year + sign * 10 * n))
        return None


def _at_unit(tx: Timex | None, unit: str) -> Timex | None:
    """Re-express a calendar-day value at the granularity of ``unit`` (week, month, quarter, year)."""
    if tx is None or tx.value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tx.value):
        return tx
    d = dt.date.fromisoformat(tx.value)
    if unit in ("week", "fortnight"):
        return _mk(_week(d))
    if unit == "month":
        return _mk(_month(d.year, d.month))
    if unit == "quarter":
        return _mk(_quarter(d.year, (d.month - 1) // 3 + 1))
    if unit == "year":
        return _mk(str(d.year))
    return tx


def _easter(year: int) -> dt.date:
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
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)
