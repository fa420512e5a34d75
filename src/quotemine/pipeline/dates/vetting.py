"""Which candidates are no date: an ordered list of small checks, each with its reason.

A candidate is first trimmed (:func:`trim`) and then run through :data:`VETTING`; the first check
that fires drops it and names why ("an age", "a year that ends a name", "a discourse marker").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, TypeAlias

from spacy.tokens import Doc

from quotemine.lexicons.numbers import CARDINALS
from quotemine.lexicons.words import POSSESSIVE_DETERMINERS
from quotemine.pipeline.dates.candidates import Source
from quotemine.pipeline.dates.patterns import CENTURY_CONJ, NUMBER_WORDS
from quotemine.pipeline.dates.words import MONTHS, PARTS_OF_DAYS

__all__ = ["VETTING", "DocView", "first_objection", "trim"]

_YEAR_RANGE = re.compile(r"(?i)(?:[\W\d]|\b(?:from|to|and|between|through|until|the|of|fiscal|years?)\b)*")
_OF_NAME = re.compile(
    r"\s+of\s+(?!(?:the\s+)?(?:this|last|next|that|same|following|previous)\s+year|[12]\d{3})"
)
_YEAR_ONLY = re.compile(r"[12]\d{3}")
_YEAR_HEADS = frozenset(
    {*MONTHS, "year", "fiscal", "calendar", "spring", "summer", "fall", "autumn", "winter", "season", "class"}
)
_AGE = re.compile(r"(?i)\b(?:years?|months?)[\s-]+old\b|\baged?\b|-year-old")
_MATCH_MINUTE_MAX: Final = 20
_MODIFIER_MAX: Final = 13  # "the afternoon"
_BARE_NUMBER = re.compile(r"^\d{1,3}$|^\d{5,}$")
_DEICTIC: Final = ("Now", "now", "Today", "Currently")
_ABBREVIATION = re.compile(r"\b[A-Za-z]{3,4}\.$|\b[apAP]\.[mM]\.$")


@dataclass(frozen=True, slots=True)
class DocView:
    """What the checks read: the document, its text and its ``DATE`` entity spans."""

    doc: Doc
    text: str
    date_entities: Sequence[tuple[int, int]]


_APOS_YEAR = re.compile(r"['’]\d{2}$")  # "'89": the apostrophe stands for the century
# "last" as a verb before a count ("will last three hours", "expected to last a week"): no part of the span
_VERB_LAST = re.compile(
    rf"[Ll]ast\s+(?=\d|(?:a|an|about|nearly|almost|several|more|less|up to|at least|{NUMBER_WORDS})\s)"
)
_BEFORE_VERB_LAST = re.compile(r"\b(?:will|would|could|can|may|might|must|shall|should|to|not|n't|'ll)\s+$")
Check: TypeAlias = Callable[[DocView, int, int, Source], bool]


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop spaces and edge punctuation (but not the period of "Nov." or "p.m.") from a candidate span."""
    while s < e and (text[s].isspace() or text[s] in "\"'“”‘’([,;:") and not _APOS_YEAR.match(text, s, e):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\"'“”‘’)],;:!?"):
        e -= 1
    if e > s and text[e - 1] == "." and not _ABBREVIATION.search(text[s:e]):
        e -= 1
    if text[s:e].endswith("'s"):
        e -= 2
    if (m := _VERB_LAST.match(text, s, e)) and _BEFORE_VERB_LAST.search(text, max(0, s - 8), s):
        s = m.end()
    return s, e


def _is_age(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot an age: "six years old", "aged 54", "the 6-year-old"."""
    return _AGE.search(view.text[s:e]) is not None


def _is_bare_number(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot a number of one to three or of five or more digits: no year."""
    return _BARE_NUMBER.match(view.text[s:e].strip()) is not None


def _is_named_year(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot a year that ends a name ("Expo 2020", "Eid al-Fitr 1975"), not a date ("in 1975")."""
    if not _YEAR_ONLY.fullmatch(view.text[s:e]):
        return False
    doc = view.doc
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.whitespace_ == "" or prev.is_punct or prev.lower_ in _YEAR_HEADS:
        return False
    return prev.pos_ in ("NOUN", "PROPN") or (prev.is_alpha and not prev.is_stop and prev.pos_ == "")


def _is_not_deictic(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot a discourse marker ("Now, ...") or a name ("VOA Today", "March of Dimes"), not a time."""
    text, doc = view.text, view.doc
    word = text[s:e]
    if word.lower() in MONTHS and _OF_NAME.match(text, e):  # "the March of the Combatant Mothers"
        return True
    if word not in _DEICTIC:
        return False
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    if word == "now":  # "is now the second ...", "are now adding": a contrast with before, not a time
        return prev is not None and prev.lemma_ == "be"
    opens = span.start == 0 or doc[span.start].is_sent_start
    if word != "Today" and text[e : e + 1] == "," and opens:
        return True
    return prev is not None and prev.pos_ == "PROPN" and not doc[span.start].is_sent_start


def _is_ordinal_second(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot "second" as an ordinal ("a second accident", "a second time"), not a unit of time."""
    if not view.text[s:e].lower().endswith("second"):
        return False
    span = view.doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.end >= len(view.doc):
        return False
    nxt = view.doc[span.end]
    return nxt.pos_ in ("NOUN", "PROPN", "ADJ") or (nxt.pos_ == "" and nxt.is_alpha and not nxt.is_stop)


# a rate or a part of the day used as an adjective before a noun ("the annual rate", "a quarterly loss",
# "the morning talk show", "a night shift"): a kind of thing, not a time (TimeML leaves it unmarked);
# "on a daily basis" keeps its rate
_MODIFIER_WORDS: Final = frozenset(
    "annual quarterly monthly weekly daily yearly nightly hourly morning afternoon evening night".split()
)


def _is_noun_modifier(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot a rate or part-of-day word that modifies the noun after it ("quarterly loss")."""
    if e - s > _MODIFIER_MAX or view.text[s:e].lower().removeprefix("the ") not in _MODIFIER_WORDS:
        return False
    span = view.doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.end >= len(view.doc):
        return False
    nxt = view.doc[span.end]
    return nxt.pos_ in ("NOUN", "ADJ") and nxt.lower_ != "basis"


_MATCH_MINUTE = re.compile(r"(?i)(?:the\s+)?\d{1,3}(?:st|nd|rd|th)[\s-]+minute")


def _is_match_minute(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot the minute of a match ("scored in the 89th minute"): the game's clock, not a time of day."""
    return e - s < _MATCH_MINUTE_MAX and _MATCH_MINUTE.fullmatch(view.text, s, e) is not None


# the count of days of an event ("on day three of the trial", "day 12 of the strike", "from day one"):
# a day counted from a start the text may not date, no calendar day
_EVENT_DAY = re.compile(
    r"(?i)\bday\s+(?:\d{1,3}|" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + r")\b"
)
# "back in the day": long ago, no day
_BACK_IN = re.compile(r"(?i)\bback\s+in\s+$")
_BACK_IN_LOOKBACK: Final = 10


def _is_event_day(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot the numbered day of an event ("day three of the Test") or "back in the day"."""
    text = view.text
    if _EVENT_DAY.search(text, s, e) is not None:
        return True
    return (
        text[s:e].lower() == "the day" and _BACK_IN.search(text, max(0, s - _BACK_IN_LOOKBACK), s) is not None
    )


# a unit dated by the event after it ("the day after the vote", "the night before the final", "the
# week he left", "the year of the flood"): no span of time and no date the text gives
_EVENT_UNIT = re.compile(r"(?i)(?:the|that)\s+(?:day|night|morning|evening|week|weekend|month|year)")
_EVENT_AFTER = re.compile(
    r"(?i)\s+(?:(?:after|before|of)\s+(?:"
    + "|".join(("the", "a", "an", *sorted(POSSESSIVE_DETERMINERS)))
    + r")\b|when\b|on\s+which\b|"
    r"(?P<who>he|she|they|we|i|it|you)\s+\w+)"
)


def _is_event_unit(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot a unit dated by the event named after it: "the day after the vote", "the week he left"."""
    text = view.text
    if _EVENT_UNIT.fullmatch(text, s, e) is None or (after := _EVENT_AFTER.match(text, e)) is None:
        return False
    # "the week he left" is a relative clause, "That year he left" a date and the clause it dates
    return after.group("who") is None or text[s : s + 3].lower() == "the"


# "Q3 FY25", "Q1 fiscal 2025": a quarter of a fiscal year, whose months the text does not give
_QUARTER = re.compile(r"(?i)(?:the\s+)?Q[1-4]")
_FISCAL_AFTER = re.compile(r"(?i)\s*(?:FY\s?'?\d|fiscal\b)")


def _is_fiscal_quarter(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot a quarter written before its fiscal year ("Q3 FY25"): no calendar quarter."""
    return _QUARTER.fullmatch(view.text, s, e) is not None and _FISCAL_AFTER.match(view.text, e) is not None


# "the 18th green", "the 3rd floor", "the 9th Battalion": an ordinal that numbers the noun after it
_ORDINAL_DAY = re.compile(r"(?i)(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)")


def _is_numbered_thing(view: DocView, s: int, e: int, _source: Source) -> bool:
    """Spot a bare ordinal ("the 18th") before a noun it numbers: no day of the month."""
    if _ORDINAL_DAY.fullmatch(view.text, s, e) is None:
        return False
    span = view.doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.end >= len(view.doc):
        return False
    nxt = view.doc[span.end]
    return nxt.pos_ in ("NOUN", "PROPN", "ADJ") or (nxt.is_alpha and nxt.is_title and not nxt.is_sent_start)


# a code or a day of the month a pattern found alone ("H1", "the 9th"): a date only after a word that
# governs a time ("fell in H1", "back on the 9th"), not "the H1 of the page", "won the 9th"
_LONE_CODE = re.compile(r"(?:H[12]|Q[1-4])|(?i:the\s+[0-3]?\d(?:st|nd|rd|th))")
_LONE_LEAD = re.compile(
    r"\b(?i:in|for|during|over|of|the|its|their|this|last|next|first|on|by|until|till|from|since|before|after)\s+$"
)
_LONE_LOOKBACK: Final = 8
_CENTURY_AFTER = re.compile(CENTURY_CONJ)  # "the 20th" of "the 20th and 21st centuries"


def _is_lone_code(view: DocView, s: int, e: int, source: Source) -> bool:
    """Spot "H1" or "the 9th" found by a pattern with no word of time before it."""
    if source != Source.PATTERN or _LONE_CODE.fullmatch(view.text, s, e) is None:
        return False
    if _CENTURY_AFTER.match(view.text, e) is not None:
        return False
    lead = view.text[s : s + 3].lower() == "the"
    words = _LONE_LEAD.search(view.text, max(0, s - _LONE_LOOKBACK), s)
    return words is None or (lead and words.group().split()[0].lower() not in _DAY_LEADS)


_DAY_LEADS: Final = frozenset("on by until till from since before after".split())


def _is_counted_parts(view: DocView, s: int, e: int, source: Source) -> bool:
    """Spot "mornings" a pattern found that no verb governs directly ("works mornings" is a habit).

    "two mornings", "the mornings", "long evenings" are counted or described: no set.
    """
    if source != Source.PATTERN or view.text[s:e].lower() not in PARTS_OF_DAYS:
        return False
    span = view.doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.start == 0:
        return True
    prev = view.doc[span.start - 1]
    return prev.pos_ != "VERB" or span.root.head.i != prev.i


_PERCENT: Final = frozenset({"%", "percent", "pct", "pct.", "cent"})  # "per cent": "cent" as a noun
_BARE_UNIT = re.compile(r"(?i)an?\s+(?:day|week|month|year)")


def _is_uncounted_unit(view: DocView, s: int, e: int, source: Source) -> bool:
    """Spot "a day" that a pattern found with no counted noun before it: a rate only after one.

    "150 million shares a day", "grew 6 percent a year" are sets; "took a day" is left to the entity
    recogniser.
    """
    if source != Source.PATTERN or _BARE_UNIT.fullmatch(view.text, s, e) is None:
        return False
    span = view.doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.start == 0:
        return True
    prev = view.doc[span.start - 1]
    return prev.tag_ not in ("NNS", "CD") and prev.lower_ not in _PERCENT


def _is_stray_year(view: DocView, s: int, e: int, source: Source) -> bool:
    """Spot a bare year found outside a ``DATE`` entity that is a year range ("from 1995 to 1998")."""
    if source != Source.YEAR_IN_ENTITY:
        return False
    text = view.text
    return not any(
        es <= s and e <= ee and _YEAR_RANGE.fullmatch(text[es:ee]) for es, ee in view.date_entities
    )


#: The checks, in order, with the reason a candidate is dropped.
VETTING: tuple[tuple[str, Check], ...] = (
    ("an age", _is_age),
    ("a bare number", _is_bare_number),
    ("a year that ends a name", _is_named_year),
    ("a discourse marker or a name", _is_not_deictic),
    ("the ordinal 'second'", _is_ordinal_second),
    ("an ordinal before the noun it numbers", _is_numbered_thing),
    ("a code or a day of the month with no word of time before it", _is_lone_code),
    ("parts of days no verb governs", _is_counted_parts),
    ("a rate or part of the day before a noun", _is_noun_modifier),
    ("the minute of a match", _is_match_minute),
    ("the numbered day of an event", _is_event_day),
    ("a unit dated by an event", _is_event_unit),
    ("a unit with no counted noun before it", _is_uncounted_unit),
    ("a quarter of a fiscal year", _is_fiscal_quarter),
    ("a year outside a date entity", _is_stray_year),
)


def first_objection(view: DocView, s: int, e: int, source: Source) -> str | None:
    """Return the reason the first check that fires gives, or ``None`` when the candidate passes."""
    for reason, check in VETTING:
        if check(view, s, e, source):
            return reason
    return None
