"""Find date expressions and normalise them against the publication date.

``DateResolver`` (factory ``quotemine_dates``) takes its candidates from the parser's ``DATE`` and
``TIME`` entities and from compiled patterns for what the entity recogniser misses (short sentences,
lower-case text, "now", "third-quarter", holidays). Each candidate is resolved to a TIMEX3-style value
(TimeML, Pustejovsky et al. 2003) by the fast rules in :mod:`quotemine.pipeline._timex`; what they
do not understand goes to dateparser's ``DateDataParser``, one per reference date, cached on the
instance. Year-less expressions follow news convention, refined by the tense of the verb the date
modifies (as HeidelTime does): a bare weekday is the most recent one on or before publication unless
"next" or a future clause ("will meet on Tuesday") points ahead; a month-day is on or before
publication in a past-tense clause, after it in a future one, else the nearest; a bare month or named
day without "last"/"next" is the nearest one (measured better on news than "always the past").
Relative expressions ("a year earlier", "the following year") lean on the last date resolved before
them, so "a year earlier" after "the third quarter" is a quarter.

Writes ``doc._.qm_dates`` (list of date dicts, see ``docs/pipeline.md``) and
``doc.spans["qm_dates"]``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
import regex  # type: ignore[import-untyped,unused-ignore]  # (dateparser depends on it)
from spacy.language import Language
from spacy.tokens import Doc, Span

from quotemine.extensions import doc_text
from quotemine.pipeline._timex import (
    Context,
    Timex,
    TimexResolver,
    granularity_of,
    parse_reference,
)
from quotemine.pipeline._timex_words import (
    CANDIDATE_PATTERNS,
    DIGIT_OR_MONTH,
    MONTHS,
    OFFSET_PREFIX,
    REL,
    START_WORDS,
)
from quotemine.text import published_from_dateline

logger = logging.getLogger(__name__)

_EVENTS_FILE = "dates_events.json"
_MAX_CANDIDATE_CHARS = 60
_QUARTER_ANCHOR_CHARS = 1500
_FUTURE_AUX = frozenset(
    {"will", "'ll", "shall", "wo", "ll", "would", "must", "might", "may", "should", "could", "can"}
)
_STATIVE = frozenset(
    {"be", "have", "say", "tell", "know", "think", "believe", "seem", "remain", "mean", "show"}
)
_SAME_PAST = frozenset(
    "hurt cut put set hit cost let shut quit spread split bet cast burst bid rid shed upset read beat".split()
)
_FUTURE_HEADS = frozenset({"expect", "plan", "schedule", "due", "intend", "hope", "aim", "promise"})
_ENT_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b(?![%]|[,.]\d)")
_YEAR_RANGE = re.compile(r"(?i)(?:[\W\d]|\b(?:from|to|and|between|through|until|the|of|fiscal|years?)\b)*")
_OF_NAME = re.compile(
    r"\s+of\s+(?!(?:the\s+)?(?:this|last|next|that|same|following|previous)\s+year|[12]\d{3})"
)
_WEAK = frozenset(
    "the of in a an that from by its about more than some just only over since before after during "
    "until within nearly almost a an one two three four five six seven eight nine ten eleven twelve twenty "
    "thirty several".split()
)
_UNIT_WORDS = frozenset(
    "day days week weeks weekend month months quarter quarters qtr year years yr decade decades century "
    "period future latest most recent same full fortnight".split()
)
_REL_FIRST = frozenset("last next this coming previous the following that".split())
_IN_UNITS = re.compile(r"(?i:in|within)\s")
_YEAR_ONLY = re.compile(r"[12]\d{3}")
_YEAR_HEADS = frozenset(
    {*MONTHS, "year", "fiscal", "calendar", "spring", "summer", "fall", "autumn", "winter", "season", "class"}
)
_AGE = re.compile(r"(?i)\b(?:years?|months?)[\s-]+old\b|\baged?\b|-year-old")
_BARE_NUMBER = re.compile(r"^\d{1,3}$|^\d{5,}$")
# word-class bits of a token's lower-case form, see DateResolver._word_flags
_F_DIGIT, _F_START, _F_WEAK, _F_APOS, _F_STRONG, _F_NAMED = 1, 2, 4, 8, 16, 32
_FLAG_CACHE_MAX = 200_000
_SPACES = re.compile(r"\s+")
_YEAR_IN = re.compile(r"\b([12]\d{3})\b")
_ORDINAL_SUFFIX = re.compile(r"(\d)(?:st|nd|rd|th)\b")
# a token text's word-class bits and the general candidate patterns (with their group) worth trying at it
_General = tuple[re.Pattern[str], str | int, Any]  # pattern, group to report, its ``regex`` twin
_WordInfo = tuple[int, tuple[_General, ...]]
_PAIR_CACHE_MAX = 100_000


def _load_events(path: Path | None = None) -> dict[str, Any]:
    if path is not None:
        data = json.loads(path.read_text(encoding="utf-8"))
    else:
        data = json.loads(
            resources.files("quotemine.data").joinpath(_EVENTS_FILE).read_text(encoding="utf-8")
        )
    return dict(data)


def _direction(span: Span) -> int:
    """Return ``1`` when the clause points forward, ``-1`` for the past tense, ``0`` when unknown.

    Modal auxiliaries ("will", "would", "must", "might"), infinitives ("plans to hold ... Tuesday") and
    the simple present of an event verb ("meet Monday") point forward, as in HeidelTime's tense rules.
    """
    tok = span.root
    if tok.dep_ == "poss":  # "Friday's close": a past event more often than not
        return 0
    hops = 0
    while hops < 4 and tok.pos_ not in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head
        hops += 1
    if tok.pos_ not in ("VERB", "AUX"):
        return 0
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.lemma_ in _FUTURE_HEADS:  # "planned a rally on Saturday", "is scheduled for Tuesday"
        return 1
    if tok.lower_ in _FUTURE_AUX or any(a.lower_ in _FUTURE_AUX for a in auxes):
        return 1
    if any(a.tag_ == "TO" for a in auxes):
        return 1
    if (
        tok.tag_ in ("VBZ", "VBP")
        and not auxes
        and tok.lemma_ not in _STATIVE
        and not (tok.tag_ == "VBP" and tok.lower_ in _SAME_PAST)  # "which fell ... hurt ... on Friday"
    ):
        return 1
    # the past tense counts only for a verb the date modifies ("met on Tuesday", "closed Friday"),
    # not for a "said" reached through a long chain
    if hops <= 2 and (tok.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes)):
        return -1
    return 0


class DateResolver:
    """Find and normalise dates (spaCy component ``quotemine_dates``).

    Writes ``doc._.qm_dates``: one dict per expression with ``start``, ``end`` (character offsets
    into ``doc.text``), ``value`` (TIMEX3-style, e.g. ``2002-11-29``, ``2002-11``, ``199X``,
    ``PRESENT_REF``, or ``None``), ``granularity``, ``modifier`` (``early``/``mid``/``late``),
    ``type`` (``date``, ``duration``, ``time``, ``set``) and ``note`` (why ``value`` is ``None``).
    Also writes the same expressions to ``doc.spans["qm_dates"]``, labelled with their ``type``.
    The reference date is ``doc._.qm_published``; the clock is never read.

    Args:
        nlp: The pipeline the component belongs to.
        name: The component's name in the pipeline.
        include_refs: Also report "now", "currently", "recently", "the future" as ``PRESENT_REF``,
            ``PAST_REF``, ``FUTURE_REF`` (TimeML's values for them).
        include_non_dates: Keep durations, times of day and sets (typed, ``value`` ``None``).
        use_dateparser: Let dateparser try what the rules do not understand.
        infer_published: When ``doc._.qm_published`` is ``None``, take the publication date from a
            dateline ("LISBON, March 14, 2024 - ...") or a date line near the top of the text, and
            write it to ``doc._.qm_published``.

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
        self._events: dict[str, Any] = {}
        self._resolver = TimexResolver({})
        self._parsers: dict[dt.date | None, Any] = {}
        self._dp_cache: dict[tuple[str, dt.date | None], Timex | None] = {}
        self._flag_cache: dict[int, _WordInfo] = {}
        self._pair_cache: dict[str, tuple[_General, ...]] = {}
        self._set_events(_load_events())

    def _set_events(self, events: dict[str, Any]) -> None:
        self._events = events
        self._resolver = TimexResolver(events)
        names = sorted(self._resolver.holiday_names(), key=len, reverse=True)
        holiday = (
            r"\b(?:"
            + REL
            + r"\s+)?(?i:"
            + "|".join(re.escape(n) for n in names)
            + r")\b(?:,?\s+(?i:in\s+)?[12]\d{3}\b)?"
        )
        self._general = [(p, "d" if "d" in p.groupindex else 0) for p in map(re.compile, CANDIDATE_PATTERNS)]
        # the same patterns in the ``regex`` engine, whose partial matching rules a pattern out at a word
        self._general_partial = [regex.compile(p) for p in CANDIDATE_PATTERNS]
        self._named: list[tuple[re.Pattern[str], frozenset[str], bool]] = []
        first = {n.split()[0].split("'")[0].lower() for n in names}
        self._named.append((re.compile(holiday), frozenset(first | _REL_FIRST), False))
        self._event_rules: list[tuple[frozenset[str], tuple[str, ...], tuple[str, ...], str]] = [
            (
                frozenset(t.lower() for t in e["text"]),
                tuple(a.lower() for a in e.get("after", ())),
                tuple(b.lower() for b in e.get("before", ())),
                str(e["value"]),
            )
            for e in events.get("events", [])
        ]
        self._event_index: dict[str, list[tuple[frozenset[str], tuple[str, ...], tuple[str, ...], str]]] = {}
        for rule in self._event_rules:  # the rules naming a text, in rule order
            for text in rule[0]:
                self._event_index.setdefault(text, []).append(rule)
        ev_alt = "|".join(
            re.escape(t) for r in self._event_rules for t in sorted(r[0], key=len, reverse=True)
        )
        if ev_alt:
            ev_first = {t.split()[0].split("'")[0] for r in self._event_rules for t in r[0]}
            self._named.append(
                (re.compile(r"(?<![\w/])(?i:" + ev_alt + r")(?![\w/])"), frozenset(ev_first), True)
            )
        self._start_words = frozenset(START_WORDS)
        self._flag_cache.clear()
        self._pair_cache.clear()
        self._strong = frozenset((START_WORDS - _WEAK) | _UNIT_WORDS | first)

    def _flags(
        self, doc: Doc
    ) -> tuple[numpy.ndarray[Any, Any], list[_WordInfo], list[int], list[int], list[int]]:
        """Return per-token word-class bits (``_F_*``), the distinct words' info and offsets.

        The info of a token text (its bits and the general patterns that may match at it) is
        computed once and kept on the instance (keyed by the string's hash), so a document costs
        one array read and one dict lookup per distinct word. Returns the bits per token, the info
        per distinct word, each token's index into that list, and each token's character offset
        and length.
        """
        arr = doc.to_array(["ORTH", "LOWER", "IDX", "LENGTH"])
        uniq, first, inverse = numpy.unique(arr[:, 0], return_index=True, return_inverse=True)
        cache, strings = self._flag_cache, doc.vocab.strings
        if len(cache) > _FLAG_CACHE_MAX:
            cache.clear()
        infos: list[_WordInfo] = []
        for key, at in zip(uniq.tolist(), first.tolist(), strict=True):
            info = cache.get(key)
            if info is None:
                info = cache[key] = self._word_flags(strings[key], strings[int(arr[at, 1])])
            infos.append(info)
        bits = numpy.asarray([info[0] for info in infos], dtype="int64")[inverse]
        return bits, infos, inverse.tolist(), arr[:, 2].tolist(), arr[:, 3].tolist()

    def _word_flags(self, orth: str, low: str) -> _WordInfo:
        """Return the word-class bits of a token and the general patterns that may match at it.

        A general pattern is left out only when it cannot match any text that begins with the
        token (a partial match over the token alone fails), so leaving it out never hides a match.
        """
        digit = low[:1].isdigit()
        flag = 0
        if digit:
            flag |= _F_DIGIT
        probe: str | None = None
        if digit or low in self._start_words or low.rstrip(".") in self._start_words:
            flag |= _F_START
            probe = orth
            if low in _WEAK:
                flag |= _F_WEAK
        elif low[:1] == "'" and low[1:2].isdigit():
            flag |= _F_APOS
            probe = orth[1:]
        if low in self._strong or digit or low.rstrip(".") in self._strong:
            flag |= _F_STRONG
        for k, (_, firsts, digits) in enumerate(self._named):
            if low in firsts or (digits and digit):
                flag |= _F_NAMED << k
        pats: tuple[_General, ...] = ()
        if probe is not None:
            pats = tuple(
                (pat, g, partial)
                for (pat, g), partial in zip(self._general, self._general_partial, strict=True)
                if partial.match(probe, partial=True) is not None
            )
        return flag, pats

    def _matches(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Return the spans the anchored patterns match at token starts that can open a date.

        A pattern is tried only where its first word can stand: the general patterns at date
        words and digits (a function word such as "the" or "in" only when a date word follows
        within three tokens), the named-day patterns at the first words of their names. This is
        several times cheaper than scanning the whole text with each pattern.
        """
        bits, infos, which, idxs, lens = self._flags(doc)
        pair_cache = self._pair_cache
        if len(pair_cache) > _PAIR_CACHE_MAX:
            pair_cache.clear()
        n = len(idxs)
        named = [(pat, _F_NAMED << k) for k, (pat, _, _) in enumerate(self._named)]
        wanted = _F_START | _F_APOS
        for _, bit in named:
            wanted |= bit
        strong = ((bits & _F_STRONG) != 0).tolist()
        out: list[tuple[int, int]] = []
        for i in numpy.flatnonzero(bits & wanted).tolist():
            flag, pats = infos[which[i]]
            pos = idxs[i]
            if flag & _F_START:
                if not (flag & _F_WEAK) or any(strong[i + 1 : min(n, i + 4)]):
                    if flag & _F_WEAK:  # "the", "in", "a": the next word rules most patterns out
                        probe = text[pos : idxs[i + 1] + lens[i + 1]]
                        narrowed = pair_cache.get(probe)
                        if narrowed is None:
                            narrowed = pair_cache[probe] = tuple(
                                p for p in pats if p[2].match(probe, partial=True) is not None
                            )
                        pats = narrowed
                    for pat, g, _ in pats:
                        if m := pat.match(text, pos):
                            out.append((m.start(g), m.end(g)))
            elif flag & _F_APOS:
                for pat, g, _ in pats:
                    if m := pat.match(text, pos + 1):
                        out.append((m.start(g), m.end(g)))
            for pat, bit in named:
                if flag & bit:
                    if m := pat.match(text, pos):
                        out.append((m.start(), m.end()))
        return out

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` with its dates; never raises on odd input."""
        try:
            self._annotate(doc)
        except Exception as exc:  # a bad document must not stop the pipeline
            logger.debug("date resolution failed on a doc of %d chars: %r", len(doc.text), exc)
            doc._.qm_dates = []
            doc.spans["qm_dates"] = []
            doc._.qm_warnings = (doc._.qm_warnings or []) + [
                f"dates: resolution failed ({type(exc).__name__})"
            ]
        return doc

    def _annotate(self, doc: Doc) -> None:
        self._dp_cache.clear()
        text = doc_text(doc)
        raw = doc._.qm_published
        if raw is None and self.infer_published and (line_date := published_from_dateline(text)):
            raw = doc._.qm_published = line_date
            logger.debug("publication date %s taken from the date line", raw)
        ref = parse_reference(raw)
        if raw is not None and ref is None:
            doc._.qm_warnings = (doc._.qm_warnings or []) + [
                "dates: publication date is not ISO YYYY-MM-DD; relative dates left unresolved"
            ]
        found: list[tuple[int, int, Timex]] = []
        taken: list[tuple[int, int]] = []
        others: list[tuple[int, int]] = []
        anchor: tuple[int, str] | None = None

        def overlaps(s: int, e: int) -> bool:
            return any(s < te and ts < e for ts, te in taken)

        # kind 0: entity, 1: pattern, 2: pattern accepted only inside a DATE entity
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        candidates = [(s, e, 0) for s, e, _ in ents]
        candidates += [(ms, me, 1) for ms, me in self._matches(doc, text)]
        candidates += [(m.start(), m.end(), 2) for m in _ENT_YEAR.finditer(text)]
        # longest first (an entity wins a tie); a candidate must resolve to block what it overlaps
        candidates.sort(key=lambda c: (c[2] == 2, -(c[1] - c[0]), c[2], c[0]))
        pending: list[tuple[int, int, Span | None]] = []
        ent_spans = [(s, e) for s, e, label in ents if label == "DATE"]
        has_dep = doc.has_annotation("DEP")
        for s, e, kind in candidates:
            s, e = _trim(text, s, e)
            if e <= s or e - s > _MAX_CANDIDATE_CHARS or overlaps(s, e):
                continue
            piece = text[s:e]
            if (
                _AGE.search(piece)
                or _BARE_NUMBER.match(piece.strip())
                or self._named_year(doc, text, s, e)
                or self._not_deictic(doc, text, s, e)
            ):
                continue
            if kind == 2 and not any(
                es <= s and e <= ee and _YEAR_RANGE.fullmatch(text[es:ee]) for es, ee in ent_spans
            ):
                continue
            if pre := OFFSET_PREFIX.search(text, max(0, s - 40), s):
                if not overlaps(pre.start(), s):
                    s = pre.start()
            probe = self._resolve(text, s, e, Context(ref))
            if probe is None:
                continue
            if probe.type == "date":
                taken.append((s, e))
            elif any(s < oe and os_ < e for os_, oe in others):
                continue
            else:
                others.append((s, e))
            pending.append((s, e, doc.char_span(s, e, alignment_mode="expand")))
        pending.sort(key=lambda p: p[0])
        for s, e, span in pending:
            direction = _direction(span) if span is not None and has_dep else 0
            if direction == 0 and span is not None and has_dep and _IN_UNITS.match(text, s):
                # "... or in a week?": with no verb in the sentence, "in N days" looks ahead
                prev = doc[span.start - 1] if span.start > 0 else None
                named = prev is not None and prev.pos_ in ("NOUN", "PROPN", "NUM")  # "March in 1 year"
                if not named and not any(t.pos_ in ("VERB", "AUX") for t in span.sent):
                    direction = 1
            anchor_value = None
            if anchor is not None:
                a_pos, a_val = anchor
                if "-Q" not in a_val or s - a_pos <= _QUARTER_ANCHOR_CHARS:
                    anchor_value = a_val
            tx = self._resolve(text, s, e, Context(ref, direction, anchor_value))
            if tx is None:
                continue
            if tx.type != "date" and not self.include_non_dates:
                continue
            if tx.value is not None and tx.value.endswith("_REF") and not self.include_refs:
                continue
            found.append((s, e, tx))
            if tx.value is not None and re.match(r"\d{4}", tx.value) and not tx.anchored:
                anchor = (s, tx.value)
        found.sort(key=lambda f: f[0])
        dated = [(s, e) for s, e, tx in found if tx.type == "date"]
        found = [
            f for f in found if f[2].type == "date" or not any(f[0] < de and ds < f[1] for ds, de in dated)
        ]
        doc._.qm_dates = [
            {"start": s, "end": e, "value": tx.value, "granularity": tx.granularity, "modifier": tx.modifier,
             "type": tx.type, "note": tx.note}
            for s, e, tx in found
        ]  # fmt: skip
        spans = [
            sp
            for s, e, tx in found
            if (sp := doc.char_span(s, e, label=tx.type, alignment_mode="expand")) is not None
        ]
        doc.spans["qm_dates"] = spans

    @staticmethod
    def _not_deictic(doc: Doc, text: str, s: int, e: int) -> bool:
        """Tell discourse markers ("Now, ...") and names ("VOA Today", "March of Dimes") from dates."""
        word = text[s:e]
        if word.lower() in MONTHS and _OF_NAME.match(text, e):  # "the March of the Combatant Mothers"
            return True
        if word not in ("Now", "now", "Today", "Currently"):
            return False
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return False
        if word == "now":  # "is now the second ...", "are now adding": a contrast with before, not a time
            prev_tok = doc[span.start - 1] if span.start > 0 else None
            return prev_tok is not None and prev_tok.lemma_ == "be"
        if word != "Today" and text[e : e + 1] == "," and (span.start == 0 or doc[span.start].is_sent_start):
            return True
        prev = doc[span.start - 1] if span.start > 0 else None
        return prev is not None and prev.pos_ == "PROPN" and not doc[span.start].is_sent_start

    @staticmethod
    def _named_year(doc: Doc, text: str, s: int, e: int) -> bool:
        """Tell a year that ends a name ("Expo 2020", "Eid al-Fitr 1975") from a date ("in 1975")."""
        if not _YEAR_ONLY.fullmatch(text[s:e]):
            return False
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        prev = doc[span.start - 1]
        if prev.whitespace_ == "" or prev.is_punct or prev.lower_ in _YEAR_HEADS:
            return False
        return prev.pos_ in ("NOUN", "PROPN") or (prev.is_alpha and not prev.is_stop and prev.pos_ == "")

    def _resolve(self, text: str, s: int, e: int, ctx: Context) -> Timex | None:
        piece = text[s:e]
        low = _ORDINAL_SUFFIX.sub(r"\1", _SPACES.sub(" ", piece.lower())).removeprefix("the ")
        for names, after, before, value in self._event_index.get(low, ()):
            if low in names:
                follow = text[e : e + 40].lower()
                lead = text[max(0, s - 10) : s].lower()
                if (
                    (not after and not before)
                    or any(re.match(r"\W*" + re.escape(a) + r"\b", follow) for a in after)
                    or any(lead.endswith(b) for b in before)
                ):
                    return Timex(value, granularity_of(value))
        tx = self._resolver.resolve(piece, ctx)
        if tx is None and self.use_dateparser:
            tx = self._dateparser(piece, ctx.ref)
        return tx

    def _dateparser(self, piece: str, ref: dt.date | None) -> Timex | None:
        """Ask dateparser about a leftover expression that names a month or holds a digit."""
        if not (DIGIT_OR_MONTH.search(piece)) or len(piece) > 40:
            return None
        if re.fullmatch(r"[\d\s.,%$-]+", piece) and not re.fullmatch(r"[12]\d{3}", piece):
            return None
        key = (piece, ref)
        if key not in self._dp_cache:
            self._dp_cache[key] = self._ask_dateparser(piece, ref)
        return self._dp_cache[key]

    def _ask_dateparser(self, piece: str, ref: dt.date | None) -> Timex | None:
        year = _YEAR_IN.search(piece)
        if ref is None and not year:  # with no reference only a date naming its year is kept
            return None
        parser = self._parser_for(ref)
        try:
            data = parser.get_date_data(piece)
        except Exception as exc:  # dateparser raises assorted errors on junk
            logger.debug("dateparser failed: %r", exc)
            return None
        when = getattr(data, "date_obj", None)
        period = getattr(data, "period", None)
        if when is None:
            return None
        if ref is None:
            if not year or int(year.group(1)) != when.year:
                return None
        if period == "time":
            return Timex(None, None, type="time")
        value = _value_for_period(when.date(), period)
        return Timex(value, granularity_of(value)) if value else None

    def _parser_for(self, ref: dt.date | None) -> Any:
        parser = self._parsers.get(ref)
        if parser is None:
            from dateparser.date import DateDataParser

            base = dt.datetime.combine(ref or dt.date(2000, 1, 1), dt.time(12, 0))
            settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                        "PREFER_DAY_OF_MONTH": "first", "TIMEZONE": "UTC", "TO_TIMEZONE": "UTC"}  # fmt: skip
            parser = DateDataParser(languages=["en"], settings=settings)
            if len(self._parsers) > 64:
                self._parsers.clear()
            self._parsers[ref] = parser
        return parser

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the named-day lexicon to ``path``."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / _EVENTS_FILE).write_text(
            json.dumps(self._events, indent=1, ensure_ascii=False), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DateResolver:
        """Read the named-day lexicon written by :meth:`to_disk`."""
        f = Path(path) / _EVENTS_FILE
        if f.exists():
            self._set_events(_load_events(f))
        return self


def _value_for_period(day: dt.date, period: str | None) -> str | None:
    fmt: dict[str | None, Callable[[dt.date], str]] = {
        "day": lambda d: d.isoformat(),
        "week": lambda d: f"{d.isocalendar()[0]:04d}-W{d.isocalendar()[1]:02d}",
        "month": lambda d: f"{d.year:04d}-{d.month:02d}",
        "year": lambda d: f"{d.year:04d}",
    }
    f = fmt.get(period)
    return f(day) if f else None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop spaces and edge punctuation (but not the period of "Nov.") from a candidate span."""
    while s < e and (text[s].isspace() or text[s] in "\"'“”‘’([,;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\"'“”‘’)],;:!?"):
        e -= 1
    if e > s and text[e - 1] == "." and not re.search(r"\b[A-Za-z]{3,4}\.$", text[s:e]):
        e -= 1
    if text[s:e].endswith("'s"):
        e -= 2
    return s, e
