"""A year named earlier in the paragraph as the year of a bare month, season or month-day.

News reads a bare month against the publication date ("approved in February": the last February).
When a story goes back years and names the year ("The strike began in January 2019."), the bare
months that follow close by are of that time ("By March, the pits were empty": March 2019), as in
HeidelTime's narrative mode (Strötgen and Gertz 2010). The story moves forward: a month before
the anchor's month is of the following year ("in December 1942 ... home by spring": spring 1943).

The anchor is the last date written with its year, at least two years before publication (a
recent year leaves the reading to the publication date), and not in a clause that only gives
background ("the firm, founded in 1990, ..."). It holds within the paragraph for at most two
sentences; a date named relative to the publication ("today", "last week", "on Monday") ends it,
a clause with "will" keeps the publication date's reading, and so does a month that dates a saying
("the chief executive said in March that ..."): when the source spoke. No clock.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Final

from spacy.tokens import Span

from quotemine.lexicons.words import PERSON_SPEECH_VERBS
from quotemine.pipeline.dates import words as w
from quotemine.pipeline.dates.local import ReadingAnchor
from quotemine.pipeline.dates.values import Timex

__all__ = ["NarrativeYear"]

_MIN_YEARS_BACK: Final = 2
_MAX_HOPS: Final = 6
_BACKGROUND_DEPS: Final = frozenset({"acl", "relcl", "appos"})
_YEAR_IN_TEXT = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_DIGIT = re.compile(r"\d")
_MON = "(?:" + "|".join(sorted(w.MONTHS, key=len, reverse=True)) + r")\.?"
_SEASON_MONTH: Final = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# a month, a season or a month-day with no year and no "last"/"next"/"this" of its own
_PLACED = re.compile(
    r"^(?:(?:in|by|on|until|till|from|through|during)\s+)?(?:the\s+)?"
    r"(?:(?:early|mid|late|end of|beginning of|start of|middle of)[\s-]+(?:the\s+)?)?"
    rf"(?:(?P<mon>{_MON})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MON})"
    r"|(?P<season>spring|summer|autumn|fall|winter))$"
)
_MONTH_VALUE = re.compile(r"^\d{4}-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI)$")
_WILL = re.compile(r"\b(?:will|'ll|shall)\b", re.IGNORECASE)


@dataclass(slots=True)
class NarrativeYear(ReadingAnchor):
    """Follow the last year a story went back to while a document is read in order."""

    _year: int | None = None
    _month: int | None = None

    def see(
        self, start: int, end: int, value: str | None, span: Span | None, *, placed: bool = False
    ) -> None:
        """Take in a resolved date: one written with an old year becomes the anchor; a deictic one ends it.

        ``placed``: the date was itself read against the anchor: it keeps it.
        """
        if placed:
            return
        piece = self.text[start:end]
        m = _YEAR_IN_TEXT.search(piece)
        if m is not None and value is not None and value.startswith(m.group(1)):
            year = int(m.group(1))
            if self.ref is not None and year <= self.ref.year - _MIN_YEARS_BACK and not _background(span):
                month = value[5:7]
                self._year, self._month, self._at = year, int(month) if month.isdigit() else None, end
                return
            self._year = None
        elif not _DIGIT.search(piece):  # "today", "Monday", "last week": back to the present
            self._year = None

    def place(self, start: int, end: int, tx: Timex, span: Span | None = None) -> Timex:
        """Return ``tx`` moved to the anchor's time when it is a bare month, season or month-day near it.

        ``span`` (the date's tokens, when parsed): a month that dates a saying ("said in March") is
        when the story's source spoke, read against publication.
        """
        year = self._year
        if year is None or tx.type != "date" or tx.value is None or not _MONTH_VALUE.match(tx.value):
            return tx
        if _dates_a_saying(span):
            return tx
        m = _PLACED.match(self.text[start:end].lower().strip(" ,."))
        if m is None or _WILL.search(self._sentence(start)):
            return tx
        if not self.reaches(start):
            return tx
        season = m["season"]
        mon = _SEASON_MONTH[season] if season else w.MONTHS[(m["mon"] or m["mon2"]).rstrip(".")]
        if self._month is not None and mon < self._month:
            year += 1  # the story moves forward: "December 1942 ... by spring" is spring 1943
        value = f"{year}{tx.value[4:]}"
        if len(value) == len("2003-01-10"):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return tx
        return replace(tx, value=value, anchored=True)

    def _sentence(self, start: int) -> str:
        """Return the text of the sentence around ``start`` (the whole text without sentences)."""
        starts = self.sentence_starts
        if not starts:
            return self.text
        i = bisect.bisect_right(starts, start)
        begin = starts[i - 1] if i else 0
        stop = starts[i] if i < len(starts) else len(self.text)
        return self.text[begin:stop]


def _dates_a_saying(span: Span | None) -> bool:
    """Tell a date that modifies a verb of speech: "said in March", "announced on June 3"."""
    if span is None:
        return False
    head = span.root.head
    if span.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head is not span.root and head.pos_ == "VERB" and head.lemma_ in PERSON_SPEECH_VERBS


def _background(span: Span | None) -> bool:
    """Tell a date in a clause that only gives background: "the firm, founded in 1990, ..."."""
    if span is None:
        return False
    tok = span.root
    for _ in range(_MAX_HOPS):
        if tok.dep_ in _BACKGROUND_DEPS:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False
