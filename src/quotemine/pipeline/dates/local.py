"""A dated event earlier in the paragraph as the local anchor of a bare weekday.

News resolves a bare weekday against the publication date ("said on Tuesday": the last Tuesday).
When a story goes back to an earlier event it names that day ("The council met on March 3, ...")
and the weekdays that follow close by speak of that week ("... and on Tuesday it voted": the
Tuesday after March 3), as in HeidelTime's narrative mode (Strötgen and Gertz 2010). The local
anchor is the last day named by its month and day; it holds within the same paragraph for at most
two sentences, only when it lies more than a week from the publication date (else the two
readings agree), and any date named relative to the publication ("today", "yesterday", "last
week") ends it: the story is back in the present. Pure functions and a small tracker; no spaCy.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from quotemine.pipeline.dates import words as w

__all__ = ["LocalAnchor", "ReadingAnchor", "bare_weekday", "in_reach", "weekday_near"]

_MAX_SENTENCES: Final = 2
_FAR_DAYS: Final = 7
_NEAR_DAYS: Final = 3
_BARE_WEEKDAY = re.compile(r"^(?:on\s+)?" + w.WD + r"$")
_NAMED_DAY = re.compile(r"\d")
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(w.MONTHS, key=len, reverse=True)) + r")\b")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def bare_weekday(text: str) -> int | None:
    """Return the weekday (Monday 0) of "Tuesday", "on Friday" (no "last"/"next"), else ``None``."""
    m = _BARE_WEEKDAY.match(text.lower().strip(" ,."))
    return w.WEEKDAYS[m["wd"]] if m else None


def weekday_near(anchor: dt.date, wd: int, direction: int) -> dt.date:
    """Return the weekday ``wd`` closest to ``anchor`` (a tie: before it); after it in a future clause."""
    if direction > 0:
        return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
    back = (anchor.weekday() - wd) % 7
    return anchor - dt.timedelta(days=back) if back <= _NEAR_DAYS else anchor + dt.timedelta(days=7 - back)


def in_reach(text: str, sentence_starts: Sequence[int], at: int, start: int) -> bool:
    """Tell whether ``start`` is in the paragraph of an anchor ending at ``at``, two sentences on at most.

    The one reach of every local anchor (a named day, the year a story went back to).
    """
    if "\n" in text[at:start]:  # another paragraph
        return False
    if sentence_starts:
        first = bisect.bisect_right(sentence_starts, at)
        last = bisect.bisect_right(sentence_starts, start)
        return last - first <= _MAX_SENTENCES
    return True


@dataclass(slots=True)
class ReadingAnchor:
    """An anchor followed while a document is read in order: where it was last set, how far it reaches.

    Args:
        text: The document text.
        sentence_starts: Character offsets where sentences start, ascending (empty: no limit).
        ref: The publication date.

    """

    text: str
    sentence_starts: Sequence[int]
    ref: dt.date | None
    _at: int = 0

    def reaches(self, start: int) -> bool:
        """Tell whether a date at ``start`` is within the anchor's reach (see ``in_reach``)."""
        return in_reach(self.text, self.sentence_starts, self._at, start)


@dataclass(slots=True)
class LocalAnchor(ReadingAnchor):
    """Follow the last day named by month and day while a document is read in order."""

    _day: dt.date | None = None

    def see(self, start: int, end: int, value: str | None, *, local: bool = False) -> None:
        """Take in a resolved date: a named day becomes the anchor, a deictic date ends it.

        ``local``: the date was itself read against the anchor (a weekday of that week): it keeps it.
        """
        if local:
            return
        piece = self.text[start:end].lower()
        if (
            value is not None
            and _ISO_DAY.fullmatch(value)
            and _MONTH_WORD.search(piece)
            and _NAMED_DAY.search(piece)
        ):
            self._day, self._at = dt.date.fromisoformat(value), end
        elif not _NAMED_DAY.search(piece):  # "today", "yesterday", "last week": back to the present
            self._day = None

    def day_for(self, start: int) -> dt.date | None:
        """Return the anchor day for a weekday at ``start``, or ``None`` when the publication date rules."""
        day, ref = self._day, self.ref
        if day is None or ref is None or abs((ref - day).days) <= _FAR_DAYS:
            return None
        return day if self.reaches(start) else None
