"""Refine the candidates: keep the longest, drop weights, join ranges, read qualifiers, hedges and rates.

Each step is a function from candidates to candidates, run in this order by
:class:`~quotemine.pipeline.money.component.MoneyParser`: :func:`select`, :func:`is_weight` (dropped),
:func:`join_ranges`, :meth:`Refiner.finish` (qualifier, hedge, time rate or unit price), :func:`select`
again (a unit taken in by a price, "$5 a pound", is no second amount), :meth:`Refiner.inherit` (bare
figures that take a compared mention's currency).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Final

from spacy.tokens import Doc, Span

from quotemine.pipeline.money import amounts as am
from quotemine.pipeline.money.currency import CurrencyLexicon
from quotemine.pipeline.money.patterns import (
    BARE,
    BARE_GATE,
    RANGE_GAP,
    RANGE_LEFT,
    RANGE_RIGHT,
    MoneyPatterns,
)
from quotemine.pipeline.money.scan import MoneyCandidate

__all__ = ["Refiner", "select", "sentence"]

_QUALIFIER_LOOKBACK: Final = 30
_RANGE_LOOKBACK: Final = 40
_OF_AFTER = re.compile(r"\s+of\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)?")
_SPACES = re.compile(r"\s+")
_HYPHENS = re.compile(r"[\s-]+")  # "-a-year" is "a year"
_SCALE_AFTER = re.compile(r"(?i)\s?(" + am.SCALE_WORDS + r")")
_PENCE = re.compile(r"(?i)\d\s?p\b|\b(?:pence|penny|pennies)\b")
_UNIT_ADVERBS = ("each", "apiece")
#: The dollars a bare "$" may be, when the text names the country after the figure.
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD"})
_NOT_BARE_AFTER = ("NOUN", "PROPN", "ADJ", "NUM", "SYM")  # "580 million people"


def select(cands: Sequence[MoneyCandidate]) -> list[MoneyCandidate]:
    """Keep the longest non-overlapping candidates, earlier first on ties."""
    chosen: list[MoneyCandidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def sentence(span: Span) -> Span:
    """Return the sentence of ``span`` (the whole document when it has no sentence boundaries)."""
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        return span.sent
    return doc[:]


class Refiner:
    """The refining steps that read the lexicon or the patterns.

    Args:
        lex: The currency lookups (weight and money cues).
        patterns: The patterns (qualifiers, rates, comparison cues).

    """

    def __init__(self, lex: CurrencyLexicon, patterns: MoneyPatterns) -> None:
        self.lex = lex
        self.p = patterns

    # ------------------------------------------------------------------ weights
    def is_weight(self, doc: Doc, text: str, c: MoneyCandidate, ents: tuple[Span, ...]) -> bool:
        """Tell "200 pounds of cocaine" or "weighed 300 pounds" from a sum in pounds."""
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or _PENCE.search(text, c.start, c.end):
            return False  # "20 pounds and 43 pence"
        of = _OF_AFTER.match(text, c.end)
        if of is not None:  # "40 million pounds of fish", not "5 million pounds of public money"
            of_words = _of_phrase(doc, text, of).lower().replace("’", "'").split()
            return not any(w in self.lex.money_after_of for w in of_words)
        sent = sentence(span)
        words = {t.lower_ for t in sent} | {t.lemma_ for t in sent}
        if words & self.lex.weight_cues or "weigh" in words:
            return not c.scaled
        if words & self.lex.money_cues:
            return False
        if words & self.lex.body_weight_cues:  # "the boxer, at 147 pounds": a body, not a purse
            return not c.scaled
        # "a million pounds" with no weight word about is a sum, whatever the NER calls it
        return not c.scaled and any(
            e.label_ == "QUANTITY" and e.start < span.end and span.start < e.end for e in ents
        )

    # ------------------------------------------------------------------- ranges
    def join_ranges(self, text: str, cands: Sequence[MoneyCandidate]) -> list[MoneyCandidate]:
        """Join "$5 to $6" into one range, then extend single mentions over a bare other end."""
        out: list[MoneyCandidate] = []
        for c in cands:
            joined = self._joined(text, out[-1], c) if out else None
            if joined is not None:
                out[-1] = joined
                continue
            if out and self._two_levels(text, out[-1], c):
                out[-1] = _level_scale(out[-1], c)
            out.append(c)
        return [self._extended(text, c, out[i - 1].end if i else 0) for i, c in enumerate(out)]

    def _joined(self, text: str, prev: MoneyCandidate, c: MoneyCandidate) -> MoneyCandidate | None:
        """Return "$5 to $6" (or "between $5 and $6") as one range, else ``None``."""
        gap_m = RANGE_GAP.match(text[prev.end : c.start])
        if prev.amount_max is not None or gap_m is None:
            return None
        gap = gap_m.group("gap").lower()
        qual = self.p.qualifier.search(text, max(0, prev.start - _QUALIFIER_LOOKBACK), prev.start)
        q = qual.group(1).lower() if qual else None
        if gap == "and" and q != "between":  # "between $5-$6" is a range too
            return None
        if gap == "to" and (self._change_then_level(text, prev, c) or self._two_levels(text, prev, c)):
            return None
        if (prev.currency == c.currency or prev.currency is None) and prev.amount < c.amount:
            low = _shared_scale(prev, c)
            return replace(prev, end=c.end, amount=low, amount_max=c.amount, currency=c.currency)
        return None

    def _change_then_level(self, text: str, prev: MoneyCandidate, c: MoneyCandidate) -> bool:
        """Tell "rose 10 cents to $4" (a change, then the new level) from a range "$3 to $4 million".

        After a change verb the two are a change and a level; after a bare "by" only when the level is
        more than twice the change ("fell by $2 to $9", not "cut by $3 million to $4 million").
        """
        change = self.p.change.search(text, max(0, prev.start - _QUALIFIER_LOOKBACK), prev.start)
        if change is None:
            return False
        return change.group(0).split()[0].lower() != "by" or c.amount > 2 * prev.amount

    def _two_levels(self, text: str, prev: MoneyCandidate, c: MoneyCandidate) -> bool:
        """Tell "rose from $5 to $7" (the level before a change and the level after) from a range.

        "worth from $5 to $7" is one range; after a verb of change ("rose", "went", "cut") the two
        figures are two amounts, each a level.
        """
        gap = RANGE_GAP.match(text[prev.end : c.start])
        if gap is None or gap.group("gap").lower() != "to" or prev.amount_max is not None:
            return False
        lo = max(0, prev.start - _QUALIFIER_LOOKBACK)
        return self.p.change_from.search(text, lo, prev.start) is not None

    @staticmethod
    def _extended(text: str, c: MoneyCandidate, floor: int) -> MoneyCandidate:
        """Extend a mention over a bare upper end ("$5-6 million") or lower end ("3 to 4 euros").

        The lower end never reaches back into the mention before (``floor``): "by $2 to $9".
        """
        if c.amount_max is not None:
            return c
        right = RANGE_RIGHT.match(text, c.end)
        if right is not None and c.source in ("symbol", "code"):
            return _with_upper_end(c, right)
        left = RANGE_LEFT.search(text, max(floor, c.start - _RANGE_LOOKBACK), c.start)
        if left is not None and c.source in ("name", "code", "symbol"):
            return _with_lower_end(c, left)
        return c

    # ------------------------------------------------------ qualifiers and rates
    def dollar_country(self, text: str, c: MoneyCandidate) -> MoneyCandidate:
        """Give a bare "$" figure the dollar the text names after it ("$2 million in Canadian dollars").

        Only a country's dollar ("Canadian", "Australian", "NZ", "Hong Kong", "Singapore", "US"),
        named right after the figure as "in <country> dollars" or "(<country>)"; the span is unchanged.
        """
        if c.source != "symbol" or not text.startswith("$", c.start) or c.currency != "USD":
            return c
        named = self.p.dollar_country.match(text, c.end)
        if named is None:
            return c
        code = self.lex.subunit_qualifiers.get(
            _SPACES.sub(" ", (named.group("country") or named.group("paren")).lower())
        )
        return replace(c, currency=code) if code in _DOLLARS else c

    def finish(self, text: str, c: MoneyCandidate) -> MoneyCandidate:
        """Take in the qualifier before the mention ("more than"), a hedge after it ("-odd") and its rate.

        A rate is a time period (``period``: "a year", "-a-year", "per month", "annually") or the unit
        of a per-unit price (``per``: "pound" in "$5 a pound", "share", "kg", "each").
        """
        qual = self.p.qualifier.search(text, max(0, c.start - _QUALIFIER_LOOKBACK), c.start)
        if qual is not None and qual.group(1).lower() != "from":
            c = replace(
                c,
                start=qual.start(1),
                qualifier=self.p.qualifiers.get(_SPACES.sub(" ", qual.group(1).lower())),
            )
        hedge = self.p.hedge.match(text, c.end)
        if hedge is not None:
            qualifier = c.qualifier or self.lex.hedges_after.get(_SPACES.sub(" ", hedge.group(0).lower()))
            c = replace(c, end=hedge.end(), qualifier=qualifier)
            scale = None if c.scaled else _SCALE_AFTER.match(text, c.end)
            if scale is not None:  # "$20-odd million"
                factor = am.parse_number("1 " + scale.group(1)) or Decimal(1)
                c = replace(c, end=scale.end(), amount=c.amount * factor, scaled=True, unit_scale=factor)
        period = self.p.period.match(text, c.end)
        if period is not None:
            rate, per = self._rate(period)
            c = replace(c, end=period.end(), period=rate, per=per)
        return c

    def _rate(self, period: re.Match[str]) -> tuple[str | None, str | None]:
        """Return ``(period, None)`` for a time rate or ``(None, unit)`` for a per-unit price."""
        slash, adverb = period.group("slash"), period.group("adv")
        unit = period.group("unit") or period.group("unit2")
        if slash:
            return ("per " + slash, None) if slash.lower() in self.lex.time_units else (None, slash)
        if unit and _SPACES.sub(" ", unit.lower()) not in self.lex.time_units:
            return None, _SPACES.sub(" ", unit)
        if adverb and adverb.lower() in _UNIT_ADVERBS:
            return None, adverb
        return _HYPHENS.sub(" ", period.group("word") or adverb), None

    # -------------------------------------------------------------- inheriting
    def inherit(
        self,
        doc: Doc,
        text: str,
        cands: list[MoneyCandidate],
        windows: Sequence[tuple[int, int]],
        ents: tuple[Span, ...],
    ) -> list[MoneyCandidate]:
        """Add the bare figures ("580 million") that take the currency of a compared mention.

        A bare figure counts when the text compares it with a money mention of its sentence
        ("compared to a total of 580 million") or when the NER calls it ``MONEY`` (then a mention
        earlier in the paragraph may give the currency).
        """
        if not any(c.currency for c in cands):
            return cands
        taken = [(c.start, c.end) for c in cands]
        extra: list[MoneyCandidate] = []
        money_ents = [e for e in ents if e.label_ == "MONEY"]
        for m in _bare_figures(text, windows):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            found = self._inherited(doc, text, m, cands, money_ents)
            if found is not None:
                extra.append(self.finish(text, found))
                taken.append((m.start(), m.end()))
        return cands + extra

    def _inherited(
        self, doc: Doc, text: str, m: re.Match[str], cands: list[MoneyCandidate], money_ents: list[Span]
    ) -> MoneyCandidate | None:
        """Return a bare figure with the currency of the nearest compared mention, else ``None``."""
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            return None
        is_money_ent = any(e.start <= span.start and span.end <= e.end for e in money_ents)
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.pos_ in _NOT_BARE_AFTER:
            return None
        sent = sentence(span)
        if not is_money_ent and not self.p.cue.search(text, sent.start_char, m.start()):
            return None
        ref = _compared_mentions(text, m.start(), cands, sent, is_money_ent)
        if not ref:
            return None
        near = min(ref, key=lambda c: abs(c.start - m.start()))
        value = am.parse_number(m.group("num") + " " + m.group("scale"))
        if value is None:
            return None
        return MoneyCandidate(m.start(), m.end(), value, near.currency, "inherited")


def _compared_mentions(
    text: str, at: int, cands: list[MoneyCandidate], sent: Span, is_money_ent: bool
) -> list[MoneyCandidate]:
    """Return the mentions with a currency in the sentence (for a ``MONEY`` entity: else the paragraph)."""
    ref = [c for c in cands if c.currency and sent.start_char <= c.start < sent.end_char]
    if not ref and is_money_ent:  # the NER says money: the paragraph may give the currency
        para = text.rfind("\n", 0, at) + 1
        ref = [c for c in cands if c.currency and para <= c.start < at]
    return ref


def _of_phrase(doc: Doc, text: str, of: re.Match[str]) -> str:
    """Return the words after "pounds of" up to the first noun: "pounds of beef cost more" is of beef.

    The phrase ends at its head noun (what comes after the noun is another part of the clause); with
    no part-of-speech tags, all the words ``_OF_AFTER`` took.
    """
    phrase = of.group(1) or ""
    tokens = doc.char_span(of.start(1), of.end(1), alignment_mode="expand") if phrase else None
    if tokens is None:
        return phrase
    for token in tokens:
        if token.pos_ in ("NOUN", "PROPN"):
            return text[of.start(1) : token.idx + len(token.text)]
    return phrase


def _may_take_scale(low: MoneyCandidate, high: MoneyCandidate) -> bool:
    """Tell whether ``low``, a whole-unit figure with no scale of its own, may take ``high``'s scale."""
    return (
        not low.scaled
        and low.unit_scale == 1
        and high.unit_scale > 1
        and low.source in ("symbol", "code", "name")
    )


def _shared_scale(low: MoneyCandidate, high: MoneyCandidate) -> Decimal:
    """Return the lower end's amount, with the upper end's scale when only the upper end has one.

    "between $5 and $7 million" is five to seven million: the scale is written once, after the
    second figure. Only when the lower figure is the smaller once both are scaled ("$500 to $2
    million" is five hundred dollars to two million) and it is a whole-unit figure (not "50 cents").
    """
    if not _may_take_scale(low, high):
        return low.amount
    scaled = low.amount * high.unit_scale
    return scaled if scaled < high.amount else low.amount


def _level_scale(first: MoneyCandidate, second: MoneyCandidate) -> MoneyCandidate:
    """Return the first of two levels ("rose from $5 to $7 million") with the second's scale, if it is elided.

    The scale rule of ranges (``_shared_scale``), for a change that may go either way: the first
    figure takes the second's scale when it has none of its own and, scaled, is at most ten times
    the second ("fell from $9 to $7 million" is nine million; "grew from $500 to $7 million" keeps
    five hundred dollars, as "$500 to $2 million" does in a range).
    """
    if not _may_take_scale(first, second) or first.currency not in (None, second.currency):
        return first
    scaled = first.amount * second.unit_scale
    if scaled > 10 * second.amount:
        return first
    return replace(first, amount=scaled, scaled=True, unit_scale=second.unit_scale)


def _bare_figures(text: str, windows: Sequence[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for lo, hi in windows:
        if BARE_GATE.search(text, lo, hi) is not None:  # every bare figure ends with a scale word
            yield from BARE.finditer(text, lo, hi)


def _with_upper_end(c: MoneyCandidate, right: re.Match[str]) -> MoneyCandidate:
    """Return "$5" + "-6 million" as 5 to 6 million (the scale of the upper end applies to both)."""
    top = am.parse_number(right.group("num") + (right.group("scale") or ""))
    if top is None:
        return c
    amount = c.amount
    if right.group("scale") and not c.scaled:
        amount = amount * (top / Decimal(right.group("num").replace(",", "")))
    if amount < top:
        return replace(c, end=right.end(), amount=amount, amount_max=top)
    return c


def _with_lower_end(c: MoneyCandidate, left: re.Match[str]) -> MoneyCandidate:
    """Return "between 3 and" + "4 million euros" as 3 to 4 million ("and" only after "between")."""
    between = left.group(0).lower().startswith("between")
    if left.group("gap").lower() == "and" and not between:  # "between 5-6 million euros" is a range
        return c
    low = am.parse_number(left.group("num") + (left.group("scale") or ""))
    if low is not None and not left.group("scale"):
        low *= c.unit_scale
    if low is not None and low < c.amount:
        return replace(c, start=left.start(), amount=low, amount_max=c.amount)
    return c
