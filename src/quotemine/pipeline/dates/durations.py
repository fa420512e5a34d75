"""ISO 8601 values of durations and sets: "three years" → ``P3Y``, "every Tuesday" → ``XXXX-WXX-2``.

TIMEX3 (Pustejovsky et al. 2003) gives a duration the ISO 8601 form ``P<n><unit>`` (``PT<n>H`` for
the units of a day), with ``X`` for a count the text leaves open ("some months" → ``PXM``,
"recent years" → ``PXY``), and TimeML's ``Q`` (quarter) and ``WE`` (weekend) units; a span in two
units is one value ("two years and four months" → ``P2Y4M``). A set (a recurring time) is the
period it recurs with ("daily" → ``P1D``, "every two weeks" → ``P2W``, "per annum" → ``P1Y``) or
the underspecified date it names each time ("every Tuesday" → ``XXXX-WXX-2``, "every March" →
``XXXX-03``, "every morning" → ``XXXX-XX-XXTMO``, "on Friday nights" → ``XXXX-WXX-5TNI``). Pure
functions over normalised text (lower case, squeezed spaces, see
:func:`~quotemine.pipeline.dates.timex.normalise`): no spaCy, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Final

from quotemine.lexicons.numbers import CARDINALS
from quotemine.pipeline.dates import words as w

__all__ = ["PART_OF_DAY", "duration_value", "join_durations", "set_value"]

#: TimeML's parts of the day.
PART_OF_DAY: Mapping[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "nightly": "NI",
}  # fmt: skip

# unit word → (ISO designator, how many of it, whether it is a unit of the day: PT...)
_UNITS: Mapping[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "sec": ("S", 1, True), "minute": ("M", 1, True), "min": ("M", 1, True),
    "hour": ("H", 1, True), "hr": ("H", 1, True), "day": ("D", 1, False), "night": ("D", 1, False),
    "week": ("W", 1, False), "fortnight": ("W", 2, False), "weekend": ("WE", 1, False),
    "month": ("M", 1, False), "quarter": ("Q", 1, False), "year": ("Y", 1, False), "yr": ("Y", 1, False),
    "annum": ("Y", 1, False),
    "decade": ("Y", 10, False), "century": ("Y", 100, False), "centurie": ("Y", 100, False),
    "millennium": ("Y", 1000, False), "millennia": ("Y", 1000, False),
}  # fmt: skip
# what a fraction of a unit is counted in: (smaller designator, how many of it in one unit)
_SMALLER: Mapping[str, tuple[str, int, bool]] = {
    "Y": ("M", 12, False), "D": ("H", 24, True), "H": ("M", 60, True), "M": ("S", 60, True),
    "W": ("D", 7, False),
}  # fmt: skip
_VAGUE: Final = frozenset("few several many some couple numerous recent coming past last next".split())
# words that leave the count open even before a singular unit ("some year"); "the past decade" is one
_OPEN_COUNT: Final = frozenset("few several many some couple numerous".split())
_MANY: Final = frozenset({"dozens", "hundreds", "thousands", "scores"})
_SCALES: Mapping[str, int] = {"hundred": 100, "thousand": 1000, "dozen": 12}
_ONE: Final = frozenset(
    {"a", "an", "one", "the", "that", "this", "its", "their", "whole", "entire", "full", "all"}
)
_TAIL_OK: Final = frozenset({"long", "old", "straight", "running", "or so", "in a row"})
_SKIP_BEFORE: Final = frozenset({"full", "single", "straight", "fiscal", "calendar", "consecutive",
                                  "additional", "more", "extra", "further", "long", "short",
                                  "business", "trading", "working"})  # fmt: skip
_LEADS: Final = (
    _VAGUE
    | _ONE
    | frozenset(
        "previous following final first initial over under about around nearly almost roughly some up to "
        "at least most less more than for within just only half quarter another those these or and".split()
    )
)
_OF_BEFORE: Final = _MANY | frozenset({"couple", "dozen", "half"})
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_SPLIT = re.compile(r"[\s-]+")
_HALF: Final = Fraction(1, 2)
_QUARTER: Final = Fraction(1, 4)


def _unit(word: str) -> str | None:
    """Return the unit a word names ("years" → "year"), else ``None``."""
    for form in (word, word.removesuffix("s"), word.removesuffix("es")):
        if form in _UNITS:
            return form
    return None


def _number(tokens: Sequence[str]) -> Fraction | None:
    """Read a count from the words before a unit ("two", "2 1/2", "twenty five", "a hundred")."""
    if not tokens:
        return None
    last = tokens[-1]
    if (m := _FRACTION.match(last)) and int(m.group(2)):
        frac = Fraction(int(m.group(1)), int(m.group(2)))
        whole = _number(tokens[:-1])
        return (whole or 0) + frac
    if _DIGITS.match(last):
        try:
            return Fraction(last.replace(",", ""))
        except ValueError:
            return None
    return _words_number(tokens)


def _words_number(tokens: Sequence[str]) -> Fraction | None:
    """Read trailing number words: "twenty five", "a hundred", "a dozen", "a", "half a"."""
    total, i = 0, len(tokens)
    scale = 1
    if tokens[-1] in _SCALES:
        scale, i = _SCALES[tokens[-1]], i - 1
        if i == 0 or tokens[i - 1] in ("a", "one"):
            return Fraction(scale)
    start = i
    while i > 0 and tokens[i - 1] in CARDINALS:
        i -= 1
    if i < start:
        words = tokens[i:start]
        total = sum(CARDINALS[t] for t in words)
        return Fraction(total * scale)
    if tokens[-1] in ("a", "an", "one"):
        return Fraction(1, 2) if len(tokens) > 1 and tokens[-2] == "half" else Fraction(1)
    return None


def _format(n: Fraction, code: str, day_unit: bool) -> str:
    """Return ``P<n><code>`` (``PT`` for units of the day); a fraction in the next smaller unit."""
    whole = n.numerator // n.denominator
    parts: list[tuple[int, str, bool]] = [(whole, code, day_unit)] if whole else []
    if n.denominator != 1:
        smaller = _SMALLER.get(code) if day_unit or code != "M" else None  # a month's part is no minutes
        rest = (n - whole) * smaller[1] if smaller else Fraction(0)
        if smaller is None or rest.denominator != 1:
            return f"P{'T' if day_unit else ''}{float(n):g}{code}"
        parts.append((rest.numerator, smaller[0], smaller[2]))
    date = "".join(f"{k}{c}" for k, c, in_day in parts if not in_day)
    time = "".join(f"{k}{c}" for k, c, in_day in parts if in_day)
    return "P" + date + (f"T{time}" if time else "")


_CLOSED_LONG = re.compile(r"\b(hour|day|week|month|year)long\b")
_COUNT_OPENS = re.compile(r"(?:\d|a\s|an\s|one\s|" + "|".join(CARDINALS) + r")")
_HALF_BEFORE_UNIT = re.compile(r"\s+and\s+a\s+half[\s-]+(?P<u>[a-z]+)$")
# a span named by its length: "a period of six months", "a span of five years" (the length is the value)
_SPAN_OF = re.compile(r"^(?:a|an|the|that)\s+(?:span|period|stretch|space)\s+of\s+")
_ONE_HALF = re.compile(r"\band\s+one[\s-]half\b")  # "two and one-half years": "two and a half years"


def _plain(text: str) -> str:
    """Drop what a length is named with ("a period of (six months)"), read "and one-half" as "and a half"."""
    if " of " in text:
        text = _SPAN_OF.sub("", text)
    if "one" in text:
        text = _ONE_HALF.sub("and a half", text)
    return text


def duration_value(text: str) -> str | None:
    """Return the ISO 8601 value of a duration ("the past two weeks" → ``P2W``), else ``None``.

    Args:
        text: A normalised expression ("18 months", "a decade", "some months", "2 1/2 years",
            "two-year", "half an hour", "a quarter-century").

    Returns:
        ``P<n><unit>`` (``X`` for a vague count), or ``None`` when the text names no span of time.

    """
    text = _plain(text)
    if " and " in text and "and a half" not in text:  # "three hours and 20 minutes": PT3H20M
        first, _, second = text.partition(" and ")
        a, b = duration_value(first), duration_value(second)
        if a and b and _COUNT_OPENS.match(second) and (joined := join_durations(a, b)):
            return joined
    text = _CLOSED_LONG.sub(r"\1 long", text)  # "weeklong", "yearlong"
    text = _HALF_BEFORE_UNIT.sub(r" \g<u> and a half", text)  # "two and a half years": two years and a half
    tokens = [tok for tok in _SPLIT.split(text.replace(" and a half", " +half")) if tok]
    idx = next((i for i in range(len(tokens) - 1, -1, -1) if _unit(tokens[i])), None)
    if idx is None:
        return None
    tail = " ".join(tokens[idx + 1 :])
    half = tail.startswith("+half")
    tail = tail.removeprefix("+half").strip()
    if tail and tail not in _TAIL_OK:
        return None
    word = tokens[idx]
    unit = _unit(word)
    assert unit is not None
    code, mult, day_unit = _UNITS[unit]
    head = [t for t in tokens[:idx] if t not in _SKIP_BEFORE]
    if not all(_may_lead(head, i) for i in range(len(head))):
        return None  # "12 of next month", "the end of the year": no span of time
    count = _count(head, unit, plural=word != unit)
    if count is None:
        return f"P{'T' if day_unit else ''}X{code}"
    if half:
        count += _HALF
    if code == "WE" and count.denominator != 1:
        return None
    return _format(count * mult, code, day_unit)


_ISO_PART = re.compile(r"(\d+)([A-Z])")
_DATE_ORDER: Final = "YMWD"
_TIME_ORDER: Final = "HMS"


def _parts(value: str) -> list[tuple[bool, int, int]] | None:
    """Return a whole-number ISO duration's parts as ``(in the day, rank, count)``, else ``None``."""
    date, _, time = value.removeprefix("P").partition("T")
    out: list[tuple[bool, int, int]] = []
    for in_day, chunk, order in ((False, date, _DATE_ORDER), (True, time, _TIME_ORDER)):
        found = _ISO_PART.findall(chunk)
        if "".join(n + c for n, c in found) != chunk:
            return None  # "PXY", "P1.5M", "P1WE"
        out += [(in_day, order.index(c), int(n)) for n, c in found]
    return out


def join_durations(first: str, second: str) -> str | None:
    """Join two durations written one after the other ("two years and four months" → ``P2Y4M``).

    Args:
        first: The value of the larger part (``P2Y``).
        second: The value of the smaller part (``P4M``).

    Returns:
        The joined value, or ``None`` unless each is whole and every unit of the second is smaller
        than those of the first ("four months and two years" stays two durations).

    """
    a, b = _parts(first), _parts(second)
    if not a or not b or max(p[:2] for p in a) >= min(p[:2] for p in b):
        return None
    date = "".join(f"{n}{_DATE_ORDER[r]}" for in_day, r, n in a + b if not in_day)
    time = "".join(f"{n}{_TIME_ORDER[r]}" for in_day, r, n in a + b if in_day)
    return "P" + date + (f"T{time}" if time else "")


def _may_lead(head: Sequence[str], i: int) -> bool:
    """Tell whether a word may stand before the unit of a duration ("the past two", "a few", "up to 180")."""
    tok = head[i]
    if tok == "of":
        return i > 0 and head[i - 1] in _OF_BEFORE
    return (
        tok in _LEADS
        or tok in CARDINALS
        or tok in _SCALES
        or tok in _MANY
        or bool(_DIGITS.match(tok) or _FRACTION.match(tok))
    )


def _count(head: Sequence[str], unit: str, *, plural: bool) -> Fraction | None:
    """Return the count the words before the unit give, or ``None`` for a vague one ("some", "recent")."""
    if head and head[-1] == "half" and len(head) <= 2 and unit in ("hour", "day", "minute"):
        return _HALF  # "a half-hour", "half-day"
    if head and head[-1] in ("quarter", "half") and unit in ("century", "centurie", "decade", "year"):
        frac = _QUARTER if head[-1] == "quarter" else _HALF  # "a quarter-century", "half a century"
        return frac
    if head and head[-1] == "of":  # "a couple of weeks", "hundreds of years"
        head = head[:-1]
    if head and head[-1] == "couple":
        return Fraction(2)
    n = _number(head)
    if n is not None and n > 0:
        return n
    if plural or any(t in _OPEN_COUNT or t in _MANY for t in head):
        return None  # "years", "some months", "the past several days"
    return Fraction(1)  # "the year", "a day", "the fiscal year"


_EVERY = re.compile(r"^(?:almost\s+|nearly\s+)?(?:every|each|per)\s+(?P<rest>.+)$")
_ADVERBS: Mapping[str, str] = {
    "daily": "P1D", "nightly": "XXXX-XX-XXTNI", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
    "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P1Q", "annually": "P1Y", "annual": "P1Y",
    "yearly": "P1Y", "biannually": "P6M", "semiannually": "P6M", "semi-annually": "P6M", "hourly": "PT1H",
}  # fmt: skip
_OTHER = re.compile(r"^other\s+")
# a weekday and a part of it, once ("saturday morning") or as a habit ("friday nights")
_DAY_PART = re.compile(r"(?P<d>[a-z]+?)s?\s+(?P<p>morning|afternoon|evening|night)s?")
_HABIT = re.compile(r"^[a-z]+s$|^[a-z]+\s+(?:mornings|afternoons|evenings|nights)$")
# "twice a year", "three times a week", "two days a week": TimeML gives the period (``P1Y``); how often
# is its freq
_FREQUENCY = re.compile(
    r"^(?:once|twice|thrice|\S+ (?:times|" + w.COUNTED_DAYS + r"))\s+"
    r"(?:a|an|per|each|every)\s+(?P<unit>[a-z]+)$"
)


def set_value(text: str) -> str | None:
    """Return the TIMEX3 value of a set ("every Tuesday" → ``XXXX-WXX-2``, "daily" → ``P1D``), else ``None``.

    Args:
        text: A normalised expression ("each month", "every two years", "every other week",
            "every summer", "every morning", "annually").

    Returns:
        The period of the recurrence (``P1M``), the date named each time (``XXXX-03``), or ``None``.

    """
    if text in _ADVERBS:
        return _ADVERBS[text]
    if (f := _FREQUENCY.match(text)) is not None:
        return duration_value("one " + f["unit"])
    if text in w.PARTS_OF_DAYS:  # "works mornings": every morning
        return set_value("every " + text.removesuffix("s"))
    m = _EVERY.match(text)
    if m is None and (
        text == "weekends" or (_HABIT.match(text) and text.split()[0].removesuffix("s") in w.WEEKDAYS)
    ):  # "on Tuesdays", "weekends", "on Friday nights": every one
        return set_value("every " + text)
    if m is None:
        return None
    rest = m["rest"].removesuffix("s") if m["rest"].endswith("days") else m["rest"]
    if (wd := w.WEEKDAYS.get(rest.rstrip("s"))) is not None:
        return f"XXXX-WXX-{wd + 1}"
    if (part := _DAY_PART.fullmatch(rest)) is not None and (wd := w.WEEKDAYS.get(part["d"])) is not None:
        return f"XXXX-WXX-{wd + 1}T{PART_OF_DAY[part['p']]}"  # "every Saturday morning"
    if (mon := w.MONTHS.get(rest)) is not None and len(rest) > 3:
        return f"XXXX-{mon:02d}"
    if rest.rstrip("s") in w.SEASONS:
        return f"XXXX-{w.SEASONS[rest.rstrip('s')][0]}"
    if (pod := PART_OF_DAY.get(rest.rstrip("s"))) is not None:
        return f"XXXX-XX-XXT{pod}"
    if rest in ("weekend", "weekends"):
        return "XXXX-WXX-WE"
    other = _OTHER.match(rest)
    if other and (wd := w.WEEKDAYS.get(rest[other.end() :].rstrip("s"))) is not None:
        return f"XXXX-WXX-{wd + 1}"  # "every other Thursday": the weekday it falls on
    value = duration_value(rest[other.end() :] if other else rest)
    if value is None or (other and "X" in value):
        return None  # "every few months": PXM
    if other:  # "every other week": every second one
        return re.sub(r"\d+", lambda n: str(2 * int(n.group(0))), value, count=1)
    return value
