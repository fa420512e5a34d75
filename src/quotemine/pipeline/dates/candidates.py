"""Where the date expressions of a document may be: entity spans, anchored patterns and years.

A :class:`Candidate` comes from one of three sources (:class:`Source`): a ``DATE``/``TIME`` entity of
the parser, a match of the candidate patterns of :mod:`~quotemine.pipeline.dates.patterns` or of a
named-day pattern, or a bare year that counts only inside a ``DATE`` entity ("from 1995 to 1998").
:class:`CandidateFinder` tries the patterns only at token starts whose word can open a date, which
is several times cheaper than scanning the whole text with each pattern.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, TypeAlias

import numpy
import regex  # type: ignore[import-untyped,unused-ignore]  # (dateparser depends on it)
from spacy.tokens import Doc

from quotemine.pipeline.dates.patterns import (
    CANDIDATE_PATTERNS,
    NUMBER_WORDS,
    REL,
    SPAN_THEN_DATE,
    START_WORDS,
)

__all__ = ["Candidate", "CandidateFinder", "Source", "collect_candidates"]

_REL_FIRST = frozenset("last next this coming previous the following that".split())
_WEAK = frozenset(
    "the of in a an that from by its about more than some just only over since before after during "
    "until within nearly almost a an one two three four five six seven eight nine ten eleven twelve twenty "
    "thirty several".split()
)
_UNIT_WORDS = frozenset(
    "day days week weeks weekend month months quarter quarters qtr year years yr decade decades century "
    "period future past present latest most recent same full fortnight hour hours minute minutes".split()
)
_CODE = re.compile(r"(?:fy|h[12])'?\d")  # a token that is a short form and its year: "fy2020", "h12021"
_ENT_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b(?![%]|[,.]\d)")
# the count a recogniser left out before "one-half years" ("two and one-half years"), or the half after
# "a year": one span of time
_HALF_ENT = re.compile(r"(?i:one|a)[\s-]half\b")
_AND_HALF_AFTER = re.compile(r"\s+(?i:and)\s+(?i:one|a)[\s-](?i:half)\b")  # "a year and one-half"
_COUNT_AND = re.compile(rf"(?:\d+|{NUMBER_WORDS}|(?i:a|an|one))\s+(?i:and)\s+$")
# word-class bits of a token's lower-case form, see CandidateFinder._word_info
_F_DIGIT, _F_START, _F_WEAK, _F_APOS, _F_STRONG, _F_NAMED = 1, 2, 4, 8, 16, 32
_FLAG_CACHE_MAX: Final = 200_000
_PAIR_CACHE_MAX: Final = 100_000
# Every number is a new word, and ruling the patterns out at one costs a partial match of each: a
# number is tried with the patterns its first digits leave (a prefix leaves every pattern the whole
# number would, so the matches are the same; a few more are tried), which few keys cover.
_DIGIT_PREFIX: Final = 3
# likewise the word after "the", "in", "a": its first letters ("the summ", "in janu") rule the patterns out
_WORD_PREFIX: Final = 4
_STRONG_AHEAD = 3  # a function word opens a date only with a date word this many tokens ahead
# The ``regex`` twins that rule patterns out by partial matching cost about a tenth of a second to
# compile: worth it over a batch, not for one article. The first documents try every pattern (the
# same matches, a little slower) and the twins are compiled once this many documents were seen.
_WARMUP_DOCS: Final = 3
# a general candidate pattern, the group to report, and its ``regex`` twin (for partial matching;
# ``None`` before the twins are compiled)
_General: TypeAlias = tuple[re.Pattern[str], str | int, Any]
# a token text's word-class bits and the general patterns worth trying at it
_WordInfo: TypeAlias = tuple[int, tuple[_General, ...]]
_Named: TypeAlias = tuple[re.Pattern[str], frozenset[str], bool]  # pattern, first words, opens at digits


class Source(enum.IntEnum):
    """Where a candidate came from; the order breaks ties between equally long candidates."""

    ENTITY = 0
    PATTERN = 1
    YEAR_IN_ENTITY = 2  # a bare year, kept only inside a DATE entity that is a year range


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of the text that may be a date expression, and where it came from."""

    start: int
    end: int
    source: Source

    def sort_key(self) -> tuple[bool, int, int, int]:
        """Longest first (an entity wins a tie), the years inside entities last."""
        return (self.source == Source.YEAR_IN_ENTITY, -(self.end - self.start), self.source, self.start)


class CandidateFinder:
    """Match the candidate and named-day patterns at the token starts where a date can open.

    Args:
        holiday_names: The named days of the lexicon, lower-cased ("christmas eve").
        event_texts: The event texts of the lexicon, lower-cased, in rule order.

    """

    def __init__(self, holiday_names: Iterable[str], event_texts: Iterable[str]) -> None:
        names = sorted(holiday_names, key=len, reverse=True)
        holiday = (
            r"\b(?:"
            + REL
            + r"\s+)?(?i:"
            + "|".join(re.escape(n) for n in names)
            + r")\b(?:,?\s+(?i:in\s+)?[12]\d{3}\b)?"
        )
        self._general = [(p, "d" if "d" in p.groupindex else 0) for p in map(re.compile, CANDIDATE_PATTERNS)]
        first = {n.split()[0].split("'")[0].lower() for n in names}
        self._named: list[_Named] = [(re.compile(holiday), frozenset(first | _REL_FIRST), False)]
        events = list(event_texts)
        if events:
            ev_first = {t.split()[0].split("'")[0] for t in events}
            ev_alt = "|".join(re.escape(t) for t in events)
            self._named.append(
                (re.compile(r"(?<![\w/])(?i:" + ev_alt + r")(?![\w/])"), frozenset(ev_first), True)
            )
        self._start_words = frozenset(START_WORDS)
        self._strong = frozenset((START_WORDS - _WEAK) | _UNIT_WORDS | first)
        self._flag_cache: dict[int, _WordInfo] = {}
        self._pair_cache: dict[str, tuple[_General, ...]] = {}
        # the patterns left at a token, by its text (a number: by its first digits)
        self._prefix_cache: dict[str, tuple[_General, ...]] = {}
        self._docs_seen = 0

    @functools.cached_property
    def _general_partial(self) -> list[regex.Pattern[str]]:
        """Return the candidate patterns in the ``regex`` engine (compiled on first need).

        Its partial matching rules a pattern out at a word.
        """
        return [regex.compile(p) for p in CANDIDATE_PATTERNS]

    def matches(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Return the spans the anchored patterns match at token starts that can open a date.

        A pattern is tried only where its first word can stand: the general patterns at date
        words and digits (a function word such as "the" or "in" only when a date word follows
        within three tokens), the named-day patterns at the first words of their names.
        """
        self._docs_seen += 1
        warm = self._docs_seen > _WARMUP_DOCS
        bits, infos, which, idxs, lens = self._flags(doc, warm)
        if len(self._pair_cache) > _PAIR_CACHE_MAX:
            self._pair_cache.clear()
        if len(self._prefix_cache) > _PAIR_CACHE_MAX:
            self._prefix_cache.clear()
        named = [(pat, _F_NAMED << k) for k, (pat, _, _) in enumerate(self._named)]
        wanted = _F_START | _F_APOS
        for _, bit in named:
            wanted |= bit
        strong = (bits & _F_STRONG) != 0
        ahead = numpy.zeros(len(idxs), dtype=bool)  # a date word within the next three tokens
        for k in range(1, _STRONG_AHEAD + 1):
            ahead[:-k] |= strong[k:]
        # a function word that opens a date only with a date word ahead is no start without one
        idle = ((bits & _F_WEAK) != 0) & ~ahead
        visit = numpy.flatnonzero(numpy.where(idle, bits & (wanted & ~_F_START), bits & wanted))
        out: list[tuple[int, int]] = []
        for i in visit.tolist():
            flag, pats = infos[which[i]]
            pos = idxs[i]
            if flag & _F_START and not idle[i]:
                if flag & _F_WEAK and warm:  # "the", "in", "a": the next word rules most patterns out
                    nxt = idxs[i + 1]
                    cut = _DIGIT_PREFIX if text[nxt : nxt + 1].isdigit() else _WORD_PREFIX
                    pats = self._narrowed(text[pos : nxt + min(lens[i + 1], cut)], pats)
                _match_general(text, pos, pats, out)
            elif flag & _F_APOS:  # "'90s"
                _match_general(text, pos + 1, pats, out)
            for pat, bit in named:
                if flag & bit and (m := pat.match(text, pos)):
                    out.append((m.start(), m.end()))
        return out

    def _narrowed(self, probe: str, pats: tuple[_General, ...]) -> tuple[_General, ...]:
        """Return the patterns that may still match text opening with ``probe`` (two words).

        Only once warm: the patterns of a word carry their ``regex`` twins from then on.
        """
        narrowed = self._pair_cache.get(probe)
        if narrowed is None:
            narrowed = self._pair_cache[probe] = tuple(
                p for p in pats if p[2].match(probe, partial=True) is not None
            )
        return narrowed

    def _flags(
        self, doc: Doc, warm: bool
    ) -> tuple[numpy.ndarray[Any, Any], list[_WordInfo], list[int], list[int], list[int]]:
        """Return per-token word-class bits (``_F_*``), the distinct words' info and offsets.

        The info of a token text (its bits and the general patterns that may match at it) is
        computed once and kept on the instance (keyed by the string's hash), so a document costs
        one array read and one dict lookup per distinct word. Returns the bits per token, the info
        per distinct word, each token's index into that list, and each token's character offset
        and length.
        """
        arr = doc.to_array(["ORTH", "IDX", "LENGTH"])
        uniq, inverse = numpy.unique(arr[:, 0], return_inverse=True)
        cache, strings = self._flag_cache, doc.vocab.strings
        if len(cache) > _FLAG_CACHE_MAX:
            cache.clear()
        infos: list[_WordInfo] = []
        for key in uniq.tolist():
            info = cache.get(key)
            if info is None:
                orth = strings[key]
                info = self._word_info(orth, orth.lower(), warm)  # spaCy's LOWER is str.lower
                if warm:  # an unfiltered info is right but slow: keep only filtered ones
                    cache[key] = info
            infos.append(info)
        bits = numpy.asarray([info[0] for info in infos], dtype="int64")[inverse]
        return bits, infos, inverse.tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()

    def _word_info(self, orth: str, low: str, warm: bool = True) -> _WordInfo:
        """Return the word-class bits of a token and the general patterns that may match at it.

        A general pattern is left out only when it cannot match any text that begins with the
        token (a partial match over the token alone fails), so leaving it out never hides a match;
        before ``warm``, none is left out.
        """
        flag, probe = self._word_bits(orth, low)
        pats: tuple[_General, ...] = ()
        if probe is not None and not warm:
            pats = tuple((pat, g, None) for pat, g in self._general)
        elif probe is not None:
            if probe[:1].isdigit():  # a number: its first digits rule the patterns out (see _DIGIT_PREFIX)
                probe = probe[:_DIGIT_PREFIX]
            known = self._prefix_cache.get(probe)
            if known is None:
                known = self._prefix_cache[probe] = tuple(
                    (pat, g, partial)
                    for (pat, g), partial in zip(self._general, self._general_partial, strict=True)
                    if partial.match(probe, partial=True) is not None
                )
            pats = known
        return flag, pats

    def _word_bits(self, orth: str, low: str) -> tuple[int, str | None]:
        """Return the word-class bits of a token and the text a general pattern would start at."""
        digit = low[:1].isdigit()
        flag = _F_DIGIT if digit else 0
        probe: str | None = None
        bare = low.rstrip(".")
        if digit or low in self._start_words or bare in self._start_words or _CODE.match(low):
            flag |= _F_START | (_F_WEAK if low in _WEAK else 0)
            probe = orth
        elif low[:1] == "'" and low[1:2].isdigit():
            flag |= _F_APOS
            probe = orth[1:]
        if low in self._strong or digit or bare in self._strong:
            flag |= _F_STRONG
        for k, (_, firsts, digits) in enumerate(self._named):
            if low in firsts or (digits and digit):
                flag |= _F_NAMED << k
        return flag, probe


def _match_general(text: str, pos: int, pats: tuple[_General, ...], out: list[tuple[int, int]]) -> None:
    """Append the span (or the reported group) of each general pattern that matches at ``pos``."""
    for pat, g, _ in pats:
        if m := pat.match(text, pos):
            out.append((m.start(g), m.end(g)))


def collect_candidates(
    doc: Doc, text: str, finder: CandidateFinder, entities: list[tuple[int, int, str]]
) -> list[Candidate]:
    """Return every candidate of ``doc``, longest first (an entity wins a tie).

    Args:
        doc: The document.
        text: Its text.
        finder: The pattern matcher.
        entities: ``(start, end, label)`` of the ``DATE`` and ``TIME`` entities.

    Returns:
        The candidates in the order they are tried: a candidate that resolves blocks what it overlaps.

    """
    cands = [c for s, e, _ in entities for c in _entity_parts(text, s, e)]
    cands += [Candidate(s, e, Source.PATTERN) for s, e in finder.matches(doc, text)]
    cands += [
        Candidate(m.start(), m.end(), Source.YEAR_IN_ENTITY)
        for s, e, label in entities
        if label == "DATE"
        for m in _ENT_YEAR.finditer(text, s, e + 2)  # two characters more for the lookahead
        if m.end() <= e
    ]  # a bare year counts only inside a DATE entity (vetting.py), so it is looked for only there
    cands.sort(key=Candidate.sort_key)
    return cands


def _entity_parts(text: str, s: int, e: int) -> list[Candidate]:
    """Return an entity as one candidate, or as two when it is a span of time and then a date.

    "for 10 days last month": "10 days" and "last month", not one date.
    """
    m = SPAN_THEN_DATE.fullmatch(text, s, e)
    if m is None:
        out = [Candidate(s, e, Source.ENTITY)]
        if _HALF_ENT.match(text, s) and (c := _COUNT_AND.search(text, max(0, s - 30), s)):
            out.append(Candidate(c.start(), e, Source.ENTITY))
        elif text[e : e + 5].lower() == " and " and (h := _AND_HALF_AFTER.match(text, e)):
            out.append(Candidate(s, h.end(), Source.ENTITY))
        return out
    return [Candidate(m.start("d"), m.end("d"), Source.ENTITY), Candidate(m.start("date"), e, Source.ENTITY)]
