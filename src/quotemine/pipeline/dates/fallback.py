"""Ask dateparser about what the rules do not understand; one parser per reference date, cached.

``dateparser.parse`` builds a new parser whenever it is given languages or settings, so
:class:`DateparserFallback` keeps one ``DateDataParser`` per reference date. dateparser is imported
when the first one is built, never when quotemine's factories are imported.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Any, Final

from quotemine.pipeline.dates.patterns import DIGIT_OR_MONTH
from quotemine.pipeline.dates.values import Timex, granularity_of

__all__ = ["DateparserFallback"]

logger = logging.getLogger(__name__)

_MAX_CHARS: Final = 40
_MAX_PARSERS: Final = 64
_YEAR_IN = re.compile(r"\b([12]\d{3})\b")
_FIGURES = re.compile(r"[\d\s.,%$-]+")
_YEAR = re.compile(r"[12]\d{3}")
_NO_REF_BASE: Final = dt.date(2000, 1, 1)
_PERIOD_VALUE: dict[str | None, Callable[[dt.date], str]] = {
    "day": lambda d: d.isoformat(),
    "week": lambda d: f"{d.isocalendar()[0]:04d}-W{d.isocalendar()[1]:02d}",
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "year": lambda d: f"{d.year:04d}",
}


class DateparserFallback:
    """Resolve leftover expressions with dateparser, caching its parsers and (per document) its answers."""

    def __init__(self) -> None:
        self._parsers: dict[dt.date | None, Any] = {}
        self._answers: dict[tuple[str, dt.date | None], Timex | None] = {}

    def new_document(self) -> None:
        """Forget the answers of the previous document."""
        self._answers.clear()

    def resolve(self, piece: str, ref: dt.date | None) -> Timex | None:
        """Ask dateparser about a leftover expression that names a month or holds a digit."""
        if not (DIGIT_OR_MONTH.search(piece)) or len(piece) > _MAX_CHARS:
            return None
        if _FIGURES.fullmatch(piece) and not _YEAR.fullmatch(piece):
            return None
        key = (piece, ref)
        if key not in self._answers:
            self._answers[key] = self._ask(piece, ref)
        return self._answers[key]

    def _ask(self, piece: str, ref: dt.date | None) -> Timex | None:
        year = _YEAR_IN.search(piece)
        if ref is None and not year:  # with no reference only a date naming its year is kept
            return None
        try:
            data = self._parser_for(ref).get_date_data(piece)
        except Exception as exc:  # dateparser raises assorted errors on junk
            logger.debug("dateparser failed: %r", exc)
            return None
        when = getattr(data, "date_obj", None)
        period = getattr(data, "period", None)
        if when is None:
            return None
        if ref is None and (not year or int(year.group(1)) != when.year):
            return None
        if period == "time":
            return Timex(None, None, type="time")
        fmt = _PERIOD_VALUE.get(period)
        value = fmt(when.date()) if fmt else None
        return Timex(value, granularity_of(value)) if value else None

    def _parser_for(self, ref: dt.date | None) -> Any:
        parser = self._parsers.get(ref)
        if parser is None:
            from dateparser.date import DateDataParser

            base = dt.datetime.combine(ref or _NO_REF_BASE, dt.time(12, 0))
            settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                        "PREFER_DAY_OF_MONTH": "first", "TIMEZONE": "UTC", "TO_TIMEZONE": "UTC"}  # fmt: skip
            parser = DateDataParser(languages=["en"], settings=settings)
            if len(self._parsers) > _MAX_PARSERS:
                self._parsers.clear()
            self._parsers[ref] = parser
        return parser
