"""Find date expressions and normalise them against the publication date (``quotemine_dates``).

``DateResolver`` takes its candidates from the parser's ``DATE`` and ``TIME`` entities and from
compiled patterns for what the entity recogniser misses (short sentences, lower-case text, "now",
"third-quarter", holidays), see :mod:`~quotemine.pipeline.dates.candidates`. Each candidate that
survives :mod:`~quotemine.pipeline.dates.vetting` is resolved to a TIMEX3-style value (TimeML,
Pustejovsky et al. 2003) by the rules of :mod:`~quotemine.pipeline.dates.timex`; what they do not
understand goes to dateparser (:mod:`~quotemine.pipeline.dates.fallback`). Year-less expressions
follow news convention, refined by the tense of the verb the date modifies
(:mod:`~quotemine.pipeline.dates.tense`, as HeidelTime does): a bare weekday is the most recent one
on or before publication unless "next" or a future clause ("will meet on Tuesday") points ahead; a
month-day is on or before publication in a past-tense clause, after it in a future one, else the
nearest; a bare month or season follows a firm tense ("approved it in February", "will reopen in the
spring"), else it is the nearest one (measured better on news than "always the past"); "since"
points back, a present arrangement ("are meeting on Friday", "the final is on Sunday") ahead. A text
that is nothing but a short expression ("dec 25th") names the coming occurrence. A day named
just before in the paragraph anchors the bare weekdays that follow it
(:mod:`~quotemine.pipeline.dates.local`), a year the story went back to anchors the bare months
that follow it (:mod:`~quotemine.pipeline.dates.narrative`), and the two ends of a written range agree
(:mod:`~quotemine.pipeline.dates.ranges`). Relative expressions ("a year earlier", "the following
year") lean on the last date resolved before them, so "a year earlier" after "the third quarter" is
a quarter. Durations, times of day and sets carry their TIMEX3 values ("P3Y", "2003-01-10T17:00",
"XXXX-WXX-2"; :mod:`~quotemine.pipeline.dates.durations`, :mod:`~quotemine.pipeline.dates.times`).

Writes ``doc._.qm_dates`` (``DateRecord``s, through :mod:`quotemine.pipeline.records`) and
``doc.spans["qm_dates"]``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

import numpy
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from quotemine.extensions import doc_text
from quotemine.pipeline.dates import tense
from quotemine.pipeline.dates.calendar import EVENTS_FILE, EventTable, load_events
from quotemine.pipeline.dates.candidates import Candidate, CandidateFinder, collect_candidates
from quotemine.pipeline.dates.compact import compact_end, compact_start, offset_duration, split_count_range
from quotemine.pipeline.dates.coordinated import shared_sets
from quotemine.pipeline.dates.durations import duration_value, join_durations
from quotemine.pipeline.dates.fallback import DateparserFallback
from quotemine.pipeline.dates.local import LocalAnchor, bare_weekday, weekday_near
from quotemine.pipeline.dates.narrative import NarrativeYear
from quotemine.pipeline.dates.patterns import (
    CENTURY_CONJ,
    DAY_AFTER_CLOCK,
    LATER_IN,
    MONTH_ALT,
    OFFSET_PREFIX,
)
from quotemine.pipeline.dates.ranges import link_ranges
from quotemine.pipeline.dates.shortforms import day_month_figures
from quotemine.pipeline.dates.timex import (
    Context,
    Timex,
    TimexResolver,
    granularity_of,
    normalise,
    parse_reference,
)
from quotemine.pipeline.dates.values import ISO_DAY
from quotemine.pipeline.dates.vetting import DocView, first_objection, trim
from quotemine.pipeline.handlers import ErrorHandler
from quotemine.pipeline.records import DateRecord, add_warning, get_published, set_dates, set_published
from quotemine.text import head

__all__ = ["DateResolver", "degrade"]

logger = logging.getLogger(__name__)

SPANS_KEY: Final = "qm_dates"
_MAX_CANDIDATE_CHARS: Final = 60
_QUARTER_ANCHOR_CHARS: Final = 1500
_OFFSET_LOOKBACK: Final = 40
_IN_UNITS = re.compile(r"(?i:in|within)\s")
_YEAR_START = re.compile(r"\d{4}")
_SPACES = re.compile(r"\s+")
_CENTURY_CONJ = re.compile(CENTURY_CONJ)
_OFFSET_END = re.compile(r"\b(?:ago|earlier|later)$", re.IGNORECASE)  # "over an hour later" holds its span
_RATE = re.compile(r"(?i:a|an|per)\s+(?i:hour|day|week|month|quarter|year)")
_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?i:percent|cents?|million|billion|thousand|hours|days|nights|weeks|months|times|barrels))\s+$"
)
_RATE_LOOKBACK: Final = 20
_COUNTED_LOOKBACK: Final = 4
_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.IGNORECASE)
_THE_QUARTER = re.compile(r"(?i:the\s+(?:fiscal\s+)?quarter)")
_AND_ONLY = re.compile(r",?\s+and\s+")
_LATER_IN = re.compile(LATER_IN)
_THAN = re.compile(r"\s+than\b", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"(\d)(?:st|nd|rd|th)\b")
_MAY = re.compile(r"\bMay\b")
# what puts a bare "May" where a month stands: a preposition of time, "early"/"mid-", or a month before
# it in a range ("April to May"); "Theresa May", "prices May rise" keep no month
_MAY_LEAD = re.compile(
    r"(?:\b(?i:in|since|until|till|by|from|through|throughout|during|before|after|of|between|early|late|"
    r"mid|end|start)\s+|\b(?i:mid)-|\b(?i:" + MONTH_ALT + r"|march)\.?\s+(?:to|and|or|through|until)\s+)$"
)
_MAY_LOOKBACK: Final = 24
_DAY_AFTER_CLOCK = re.compile(DAY_AFTER_CLOCK)
_CLOCK_ONLY = re.compile(
    r"(?i:(?:(?:shortly|just|soon|well|sometime)\s+)?(?:(?:at|after|before|until|till|by|from|about|around|"
    r"approximately|roughly)\s+){0,2}\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?)"
    r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|ET|(?i:local\s+time)))?"
)
_MONTH_DAY_FIGURES = re.compile(r"\d{1,2}/\d{1,2}")
_ON = re.compile(r"\b[Oo]n\s+$")
_ON_LOOKBACK: Final = 4
_NAMED_DAY = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+)+Day")
_SINCE = re.compile(r"\b(?i:since|ever\s+since)\s+$")
_IOB_INSIDE: Final = 1  # spaCy's ENT_IOB codes
_IOB_BEGIN: Final = 3
_BAD_REFERENCE: Final = "dates: publication date is not ISO YYYY-MM-DD; relative dates left unresolved"


def degrade(proc_name: str, proc: Any, docs: list[Doc], e: Exception) -> None:
    """Leave each document with no dates and a warning: ``DateResolver``'s default error handler.

    Args:
        proc_name: The component's name in the pipeline.
        proc: The component.
        docs: The documents it failed on.
        e: The exception.

    """
    for doc in docs:
        logger.debug("date resolution failed on a doc of %d chars: %r", len(doc_text(doc)), e)
        set_dates(doc, [])
        doc.spans[SPANS_KEY] = []
        add_warning(doc, f"dates: resolution failed ({type(e).__name__})")


@dataclass(frozen=True, slots=True)
class _Pending:
    """A candidate that resolved on its own; it is resolved again with the tense and the anchor."""

    start: int
    end: int
    span: Span | None


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    timex: Timex


class DateResolver(Pipe):
    """Find and normalise dates (spaCy component ``quotemine_dates``).

    Writes ``doc._.qm_dates``: one ``DateRecord`` per expression with ``start``, ``end`` (character
    offsets into ``doc.text``), ``value`` (TIMEX3-style, e.g. ``2002-11-29``, ``2002-11``, ``199X``,
    ``PRESENT_REF``, or ``None``), ``granularity``, ``modifier`` (``early``/``mid``/``late``),
    ``type`` (``date``, ``duration``, ``time``, ``set``) and ``note`` (why ``value`` is ``None``).
    Also writes the same expressions to ``doc.spans["qm_dates"]``, labelled with their ``type``.
    The reference date is ``doc._.qm_published``; the clock is never read. A document the stage
    fails on is handed to the error handler (spaCy's ``set_error_handler``); the default one
    (``degrade``) leaves it with no dates and a warning.

    Args:
        nlp: The pipeline the component belongs to.
        name: The component's name in the pipeline.
        include_refs: Also report "now", "currently", "recently", "the future" as ``PRESENT_REF``,
            ``PAST_REF``, ``FUTURE_REF`` (TimeML's values for them).
        include_non_dates: Keep durations, times of day and sets (typed, with their TIMEX3 values:
            ``P3Y``, ``2003-01-10T17:00``, ``P1D``).
        use_dateparser: Let dateparser try what the rules do not understand.
        infer_published: When ``doc._.qm_published`` is ``None``, take the publication date from a
            dateline ("LISBON, March 14, 2024 - ...") or a date line near the top of the text
            (``quotemine.text.head.published_from_dateline``), and write it to
            ``doc._.qm_published``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Prices rose last month.")
    >>> doc._.qm_published = "2003-01-10"
    >>> DateResolver(nlp, "quotemine_dates")(doc)._.qm_dates[0]["value"]
    '2002-12'

    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        include_refs: bool = True,
        include_non_dates: bool = True,
        use_dateparser: bool = True,
        infer_published: bool = True,
    ) -> None:
        self.name = name
        self.include_refs = include_refs
        self.include_non_dates = include_non_dates
        self.use_dateparser = use_dateparser
        self.infer_published = infer_published
        self.error_handler: ErrorHandler = degrade
        self._fallback = DateparserFallback()
        self._set_events(load_events())

    def _set_events(self, events: Mapping[str, Any]) -> None:
        self._events = dict(events)
        self._resolver = TimexResolver(self._events)
        self._event_table = EventTable(self._events)
        self._finder = CandidateFinder(self._resolver.holiday_names(), self._event_table.texts())

    # ------------------------------------------------------------------ running
    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` with its dates; a failure goes to the error handler (by default: no dates)."""
        try:
            self._annotate(doc)
        except Exception as exc:  # spaCy's convention: the pipe's error handler decides
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def _annotate(self, doc: Doc) -> None:
        self._fallback.new_document()
        text = doc_text(doc)
        ref = self._reference(doc, text)
        ents = _time_entities(doc)
        view = DocView(doc, text, [(s, e) for s, e, label in ents if label == "DATE"])
        pending = self._screen(view, collect_candidates(doc, text, self._finder, ents), ref)
        found = _drop_shadowed(self._resolve_in_context(view, pending, ref))
        shared = shared_sets(text, [(f.start, f.end, f.timex.type, f.timex.value) for f in found])
        for i, value in shared.items():  # "every Tuesday and Thursday": two sets
            found[i] = _Found(found[i].start, found[i].end, Timex(value, None, type="set"))
        self._write(doc, found)

    def _reference(self, doc: Doc, text: str) -> dt.date | None:
        """Return the publication date: the caller's, else (``infer_published``) the dateline's."""
        raw = get_published(doc)
        if raw is None and self.infer_published and (line_date := head.published_from_dateline(text)):
            set_published(doc, line_date)
            raw = line_date
            logger.debug("publication date %s taken from the date line", raw)
        ref = parse_reference(raw)
        if raw is not None and ref is None:
            add_warning(doc, _BAD_REFERENCE)
        return ref

    def _screen(self, view: DocView, cands: Iterable[Candidate], ref: dt.date | None) -> list[_Pending]:
        """Keep the candidates that pass the vetting and resolve on their own, longest first.

        A date, or a set or time with a value ("every Tuesday", "5 p.m. Friday"), blocks every later
        candidate it overlaps; a duration, or a time or set without a value, blocks only the other
        non-dates.
        """
        taken: list[tuple[int, int]] = []
        others: list[tuple[int, int]] = []
        pending: list[_Pending] = []
        text = view.text
        for cand in cands:
            s, e = trim(text, cand.start, cand.end)
            if e <= s or e - s > _MAX_CANDIDATE_CHARS or _overlaps(taken, s, e):
                continue
            if (reason := first_objection(view, s, e, cand.source)) is not None:
                logger.debug("date candidate at %d-%d dropped: %s", s, e, reason)
                continue
            s0, s = s, _with_offset_prefix(text, s, taken)  # "two weeks before" + "Christmas"
            probe = self._resolve(text, s, e, Context(ref), view.doc)
            if s != s0 and (
                probe is None or probe.type != "date"
            ):  # "(five years) from 2025": the date alone
                s, probe = s0, self._resolve(text, s0, e, Context(ref), view.doc)
            if probe is None:
                continue
            # "every Tuesday", "5 p.m. Friday" hold their weekday, "more than four decades ago" its offset
            holds = probe.type != "duration" or (
                _OFFSET_END.search(text, s, e) is not None and not _LATER_IN.match(text, e)
            )
            if probe.type == "date" or (holds and probe.value is not None):
                taken.append((s, e))
            elif _overlaps(others, s, e):
                continue
            else:
                others.append((s, e))
            pending.append(_Pending(s, e, view.doc.char_span(s, e, alignment_mode="expand")))
        pending.sort(key=lambda p: p.start)
        return pending

    def _resolve_in_context(
        self, view: DocView, pending: list[_Pending], ref: dt.date | None
    ) -> list[_Found]:
        """Resolve each candidate in text order with its clause's tense and the last date named."""
        has_dep = view.doc.has_annotation("DEP")
        anchor: tuple[int, str] | None = None
        starts = _sentence_starts(view.doc) if has_dep else []
        local = LocalAnchor(view.text, starts, ref)
        story = NarrativeYear(view.text, starts, ref)
        found: list[_Found] = []
        bare = has_dep and tense.bare_expression(view.doc)
        for p in pending:
            if bare and not _IN_UNITS.match(view.text, p.start):  # "in 1 year" keeps its own reading
                direction = tense.AHEAD * tense.FIRM
            else:
                direction = _direction(view.text, p, has_dep)
            tx = self._resolve(
                view.text, p.start, p.end, Context(ref, direction, _anchor_value(anchor, p.start)), view.doc
            )
            if tx is None or not self._wanted(tx):
                continue
            near = _near_local_anchor(view.text, p, tx, local, direction)
            local.see(p.start, p.end, tx.value if tx.type == "date" else None, local=near is not tx)
            placed = story.place(p.start, p.end, near, p.span)
            story.see(
                p.start, p.end, tx.value if tx.type == "date" else None, p.span, placed=placed is not near
            )
            tx = placed
            found.append(_Found(p.start, p.end, tx))
            if tx.type == "date" and tx.value is not None and _YEAR_START.match(tx.value) and not tx.anchored:
                anchor = (p.start, tx.value)
        return _agree_ranges(view.text, _join_durations(view.text, _split_ranges(view.text, found)))

    def _wanted(self, tx: Timex) -> bool:
        """Tell whether the options keep this kind of value (non-dates, TimeML's ``*_REF``)."""
        if tx.type != "date" and not self.include_non_dates:
            return False
        return self.include_refs or tx.value is None or not tx.value.endswith("_REF")

    def _resolve(self, text: str, s: int, e: int, ctx: Context, doc: Doc | None = None) -> Timex | None:
        """Resolve ``text[s:e]``: an event of the lexicon, else the rules, else dateparser.

        ``doc`` (when given) lets "a year" after a counted noun read as a rate ("80,000 visitors a year").
        """
        piece = text[s:e]
        if _CENTURY_CONJ.match(text, e):  # "the 20th" of "the 20th and 21st centuries"
            piece += " century"
        low = _ORDINAL_SUFFIX.sub(r"\1", _SPACES.sub(" ", piece.lower())).removeprefix("the ")
        value = self._event_table.value(low, text, s, e)
        if value is not None:
            return Timex(value, granularity_of(value))
        if _MONTH_DAY_FIGURES.fullmatch(piece):  # only after "on", "until" ("on 4/21"), not "won 4/21"
            if (figures := day_month_figures(text, s, piece)) is None:
                return None
            piece = figures
        if _RATE.fullmatch(piece) and (
            _RATE_BEFORE.search(text, max(0, s - _RATE_LOOKBACK), s) or _counted_before(doc, s)
        ):
            value = duration_value("one " + piece.split()[-1].lower())  # "$40,000 a year": P1Y
            return Timex(value, None, type="set")
        if _ENDED.match(text, e) and _THE_QUARTER.fullmatch(piece):  # "the quarter ending in May": its span
            return Timex("P1Q", None, type="duration")
        if _THAN.match(text, e) and (span := offset_duration(normalise(piece), comparative=True)):
            return Timex(span, None, type="duration")  # "a month earlier than usual": a difference
        if (may := _MAY.search(piece)) is not None and _MAY_LEAD.search(
            text, max(0, s + may.start() - _MAY_LOOKBACK), s + may.start()
        ):
            ctx = replace(ctx, month_may=True)
        if _ON.search(text, max(0, s - _ON_LOOKBACK), s):
            ctx = replace(ctx, on_day=True)
        tx = self._resolver.resolve(piece, ctx)
        if tx is None and self.use_dateparser:
            tx = self._fallback.resolve(piece, ctx.ref)
        if tx is not None and tx.type == "duration" and tx.value is None and _NAMED_DAY.fullmatch(piece):
            return None  # "Republic Day", a named day the lexicon lacks: no span of time
        if tx is not None and tx.type == "time" and tx.value and _CLOCK_ONLY.fullmatch(piece):
            return self._clock_on_day(text, e, tx, ctx)
        return tx

    def _clock_on_day(self, text: str, e: int, tx: Timex, ctx: Context) -> Timex:
        """Give a bare clock time the day written right after it: "at 11.40pm on 14 September"."""
        m = _DAY_AFTER_CLOCK.match(text, e)
        if m is None or tx.value is None:
            return tx
        day = self._resolver.resolve(m["day"], ctx)
        if day is None or day.value is None or not ISO_DAY.fullmatch(day.value):
            return tx
        return replace(tx, value=day.value + tx.value[tx.value.index("T") :])

    @staticmethod
    def _write(doc: Doc, found: list[_Found]) -> None:
        records = [
            DateRecord(start=f.start, end=f.end, value=f.timex.value, granularity=f.timex.granularity,
                       modifier=f.timex.modifier, type=f.timex.type, note=f.timex.note)
            for f in found
        ]  # fmt: skip
        set_dates(doc, records)
        doc.spans[SPANS_KEY] = [
            sp
            for f in found
            if (sp := doc.char_span(f.start, f.end, label=f.timex.type, alignment_mode="expand")) is not None
        ]

    # -------------------------------------------------------------- serialising
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the named-day lexicon (``dates_events.json``) to the directory ``path``.

        Args:
            path: A directory (created if missing).
            exclude: Unused; kept for spaCy's serialisation API.

        """
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / EVENTS_FILE).write_text(json.dumps(self._events, indent=1, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DateResolver:
        """Read the named-day lexicon written by :meth:`to_disk` (a directory without one is left alone).

        Args:
            path: A directory written by :meth:`to_disk`.
            exclude: Unused; kept for spaCy's serialisation API.

        Returns:
            The component itself.

        """
        f = Path(path) / EVENTS_FILE
        if f.exists():
            self._set_events(json.loads(f.read_text(encoding="utf-8")))
        return self


def _sentence_starts(doc: Doc) -> list[int]:
    """Return the character offsets where the sentences of ``doc`` start (``doc.sents``, one array read)."""
    if "sents" in doc.user_hooks or len(doc) == 0:
        return [sent.start_char for sent in doc.sents]
    arr = doc.to_array(["SENT_START", "IDX"])
    at = numpy.flatnonzero(arr[1:, 0] == 1) + 1
    return [int(arr[0, 1]), *arr[at, 1].tolist()]


def _time_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """Return ``(start, end, label)`` of the ``DATE`` and ``TIME`` entities, as ``doc.ents`` gives them.

    Read from the token arrays: only the entities of those two labels are made.
    """
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    labels = (strings["DATE"], strings["TIME"])
    arr = doc.to_array(["ENT_IOB", "ENT_TYPE", "IDX", "LENGTH"])
    iob = arr[:, 0]
    begins = numpy.flatnonzero(
        (iob == _IOB_BEGIN) & ((arr[:, 1] == labels[0]) | (arr[:, 1] == labels[1]))
    ).tolist()
    if not begins:
        return []
    inside = (iob == _IOB_INSIDE).tolist()
    n = len(inside)
    out: list[tuple[int, int, str]] = []
    for b in begins:
        e = b + 1
        while e < n and inside[e]:
            e += 1
        out.append((int(arr[b, 2]), int(arr[e - 1, 2] + arr[e - 1, 3]), strings[int(arr[b, 1])]))
    return out


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < te and ts < e for ts, te in spans)


def _with_offset_prefix(text: str, s: int, taken: list[tuple[int, int]]) -> int:
    """Extend a candidate back over an offset ("two weeks before") that no date has taken."""
    pre = OFFSET_PREFIX.search(text, max(0, s - _OFFSET_LOOKBACK), s)
    if pre is not None and not _overlaps(taken, pre.start(), s):
        return pre.start()
    return s


def _counted_before(doc: Doc | None, s: int) -> bool:
    """Tell whether a counted noun phrase ends right before ``s``: "two million passengers (a year)".

    The words before are walked back over nouns, adjectives, "of" and numbers ("5,000 tonnes of coal");
    a plural noun or a number among them makes the unit a rate, a verb ("takes a day") does not.
    """
    if doc is None or s == 0:
        return False
    span = doc.char_span(s, s + 1, alignment_mode="expand")
    if span is None:
        return False
    for tok in reversed(doc[max(0, span.start - _COUNTED_LOOKBACK) : span.start]):
        if tok.tag_ in ("NNS", "CD"):
            return True
        if tok.pos_ not in ("NOUN", "ADJ", "NUM") and tok.lower_ != "of":
            return False
    return False


def _direction(text: str, p: _Pending, has_dep: bool) -> int:
    """Return the tense direction of the clause of a candidate (``0`` without a parse), doubled when firm."""
    if p.span is None or not has_dep:
        return tense.UNKNOWN
    if _SINCE.search(text, max(0, p.start - _OFFSET_LOOKBACK), p.start):
        return tense.BACK * tense.FIRM  # "since January", "ever since Tuesday": a time already past
    direction = tense.direction(p.span)
    if direction == tense.UNKNOWN and _IN_UNITS.match(text, p.start) and tense.in_units_looks_ahead(p.span):
        return tense.AHEAD  # "... or in a week?": with no verb in the sentence, "in N days" looks ahead
    return direction * tense.FIRM if tense.firm(p.span, direction) else direction


def _agree_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """Make the two ends of each written range agree ("from October to March")."""
    dated = [i for i, f in enumerate(found) if f.timex.type == "date"]
    values = link_ranges(text, [(found[i].start, found[i].end, found[i].timex.value) for i in dated])
    out = list(found)
    for i, value in zip(dated, values, strict=True):
        if value != found[i].timex.value:
            out[i] = _Found(found[i].start, found[i].end, replace(found[i].timex, value=value))
    return out


def _split_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """Give each end of a written range its own item: "two to six days", "March 3-5", "1995-98"."""
    out: list[_Found] = []
    spans = [(f.start, f.end) for f in found]
    for f in found:
        tx = f.timex
        if tx.type == "duration" and (parts := split_count_range(text[f.start : f.end].lower())):
            (a_end, a_value), (b_start, b_value) = parts
            out.append(_Found(f.start, f.start + a_end, replace(tx, value=a_value)))
            out.append(_Found(f.start + b_start, f.end, replace(tx, value=b_value)))
            continue
        first_end = compact_start(text, f.start, tx.value) if tx.type == "date" and tx.value else None
        if first_end is not None and not _overlaps(spans, first_end[0], first_end[1]):
            s1, e1, value1 = first_end  # "3-5 October": the 3rd of October, then the 5th
            out.append(_Found(s1, e1, Timex(value1, "day")))
        second = compact_end(text, f.end, tx.value) if tx.type == "date" and tx.value else None
        if second is None or tx.value is None or _overlaps(spans, second[0], second[1]):
            out.append(f)
            continue
        s2, e2, value, year = second
        first = replace(tx, value=year + tx.value[4:]) if year else tx
        out.append(_Found(f.start, f.end, first))
        out.append(_Found(s2, e2, Timex(value, granularity_of(value))))
    return out


def _join_durations(text: str, found: list[_Found]) -> list[_Found]:
    """Make one duration of two written as one ("two years and four months": ``P2Y4M``)."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and f.timex.type == prev.timex.type == "duration"
            and prev.timex.value
            and f.timex.value
            and _AND_ONLY.fullmatch(text, prev.end, f.start)
            and (joined := join_durations(prev.timex.value, f.timex.value))
        ):
            out[-1] = _Found(prev.start, f.end, replace(prev.timex, value=joined))
        else:
            out.append(f)
    return out


def _near_local_anchor(text: str, p: _Pending, tx: Timex, local: LocalAnchor, direction: int) -> Timex:
    """Resolve a bare weekday near a day named just before it ("on March 3 ... on Tuesday")."""
    if tx.type != "date" or (wd := bare_weekday(text[p.start : p.end])) is None:
        return tx
    day = local.day_for(p.start)
    if day is None or (direction <= 0 and local.ref is not None and day > local.ref):
        return tx  # a day still to come anchors only a future clause, not "said on Thursday"
    return Timex(weekday_near(day, wd, direction).isoformat(), "day", anchored=True)


def _anchor_value(anchor: tuple[int, str] | None, start: int) -> str | None:
    """Return the last date named before ``start``; a quarter counts only within 1,500 characters."""
    if anchor is None:
        return None
    a_pos, a_val = anchor
    return a_val if "-Q" not in a_val or start - a_pos <= _QUARTER_ANCHOR_CHARS else None


def _drop_shadowed(found: list[_Found]) -> list[_Found]:
    """Drop the non-dates that overlap a date or, with no value, one with a value; sort by offset.

    "5 to 6pm" with no value gives way to "6pm" with one.
    """
    found = sorted(found, key=lambda f: f.start)
    dated = [(f.start, f.end) for f in found if f.timex.type == "date"]
    valued = [(f.start, f.end) for f in found if f.timex.type != "date" and f.timex.value is not None]
    return [
        f
        for f in found
        if f.timex.type == "date"
        or not (
            _overlaps(dated, f.start, f.end) or (f.timex.value is None and _overlaps(valued, f.start, f.end))
        )
    ]
