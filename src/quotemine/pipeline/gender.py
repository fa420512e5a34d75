"""What the text says of each person's gender: titles, pronouns, and a first name as the last resort.

``person_genders(doc)`` reads the people and quotes the stages left on an annotated ``Doc`` (through
``quotemine.pipeline.records``) and returns, per person id, a gender and the kind of evidence, for
``report.py`` to fill ``Person.gender`` and ``Person.gender_evidence``. It writes nothing on the
``Doc``. The words come from ``quotemine.lexicons.gender``, their one owner. Evidence, in order:

1. ``title``: a gendered title or honorific attached to the person: the word right before one of
   their mentions ("Mrs. Ada Quill", "Congresswoman Quill") or a word of a mention before its last,
   or the head word of one of their role spans ("a spokeswoman for the council").
2. ``pronoun``: a pronoun that refers to the person: a speaker pronoun ("she said") that
   ``quotemine_attribution`` resolved to them, or a subject or possessive pronoun ("She", "Her")
   that comes first in the sentence right after a sentence whose only person is this one, in the
   same paragraph, with no other person, personal noun ("her lawyer") or object pronoun before it.
3. ``first_name``: the person's first name in the first-name lexicon, only when the text says
   nothing: a guess, and marked as such.

Titles and pronouns that disagree give no gender at all (not even a first-name guess): the text,
or quotemine's reading of it, contradicts itself. A name of one word gives no first-name guess (it
is most often a surname).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN  # type: ignore[import-not-found]
from spacy.tokens import Doc, Token

from quotemine.extensions import doc_text, doc_tokens
from quotemine.lexicons import data_json, data_lines
from quotemine.lexicons.gender import Gender, first_name_gender, pronoun_gender, title_gender
from quotemine.lexicons.names import load_lexicons
from quotemine.lexicons.words import GENDERED_PRONOUNS, POSSESSIVE_S, paragraph_starts
from quotemine.pipeline.records import PersonRecord, QuoteRecord, get_people, get_quotes

__all__ = ["GenderEvidence", "GenderFinding", "decide_gender", "person_genders"]

logger = logging.getLogger(__name__)

GenderEvidence = Literal["pronoun", "title", "first_name"]

_SUBJECT_OR_POSSESSIVE: Final = frozenset(get_string_id(d) for d in ("nsubj", "nsubjpass", "poss"))
_OBJECT: Final = frozenset(get_string_id(d) for d in ("dobj", "pobj", "dative", "iobj", "obj"))
_MODIFIER: Final = frozenset(get_string_id(d) for d in ("compound", "poss"))
# the rules read the token table by string id (a word's id never changes), not Token objects
_PRONOUN_IDS: Final = frozenset(get_string_id(word) for word in GENDERED_PRONOUNS)
_PRONOUN_ARRAY: Final = numpy.array(sorted(_PRONOUN_IDS), dtype="uint64")
_UNPARSED_PRONOUN_IDS: Final = frozenset(get_string_id(word) for word in ("he", "she", "his"))
_POSSESSIVE_IDS: Final = frozenset(get_string_id(word) for word in POSSESSIVE_S)
_PERSON: Final = get_string_id("PERSON")
_NOT_PEOPLE: Final = frozenset(get_string_id(label) for label in ("ORG", "GPE", "NORP", "FAC"))
_NOUNISH: Final = frozenset({int(NOUN), int(PROPN), 0})  # a noun, a proper noun, or no tag
# the columns the rules scan whole (``Doc.to_array``); a token read alone is read on its ``Token``
_COLUMNS: Final[list[int | str]] = ["LOWER", "ORTH", "IDX", "SENT_START"]
_LOWER, _ORTH, _IDX, _SENT_START = range(4)
_THE: Final = get_string_id("the")
_OPENING_MARKS: Final = frozenset({"\u201c", "\u2018"})
_CLOSING_MARKS: Final = frozenset({"\u201d", "\u2019"})
# what a token does to quotation: a line break ends it, a mark opens, closes or (") toggles it
_BREAK, _STRAIGHT, _OPENING, _CLOSING = range(4)
_MARKS: Final[dict[int, int]] = {
    get_string_id('"'): _STRAIGHT,
    **{get_string_id(mark): _OPENING for mark in _OPENING_MARKS},
    **{get_string_id(mark): _CLOSING for mark in _CLOSING_MARKS},
}
_MARK_IDS: Final = numpy.array(sorted(_MARKS), dtype="uint64")
_LINE_BREAK: Final = re.compile("\n")


@dataclass(frozen=True, slots=True)
class GenderFinding:
    """A person's gender and what gave it."""

    gender: Gender
    evidence: GenderEvidence


@dataclass(slots=True)
class _Clues:
    """What the text says of one person: genders from titles, from pronouns."""

    titles: list[Gender]
    pronouns: list[Gender]


def decide_gender(
    titles: Iterable[Gender], pronouns: Iterable[Gender], first_name: Gender | None
) -> GenderFinding | None:
    """Return the gender the clues give, or ``None`` when they disagree or there are none.

    >>> decide_gender(["female"], ["female"], "male")
    GenderFinding(gender='female', evidence='title')
    >>> decide_gender([], ["male", "female"], "male") is None
    True
    >>> decide_gender([], ["female"], "male") is None  # a pronoun against a clear first name
    True
    """
    titles, pronouns = list(titles), list(pronouns)
    said = {*titles, *pronouns}
    if len(said) > 1:
        return None
    if titles:
        return GenderFinding(titles[0], "title")
    if pronouns:
        # a pronoun is tied to the person through speaker resolution and name merging; when it
        # contradicts a first name of one clear gender, one of those steps more likely went wrong
        # than the name: say nothing
        return GenderFinding(pronouns[0], "pronoun") if first_name in (None, pronouns[0]) else None
    return GenderFinding(first_name, "first_name") if first_name else None


def person_genders(doc: Doc) -> dict[str, GenderFinding]:
    """Return the gender of each person of ``doc`` the text gives, by person id (others left out).

    Args:
        doc: a ``Doc`` that went through ``quotemine_entities``, ``quotemine_roles``,
            ``quotemine_quotes`` and ``quotemine_attribution``.

    """
    people = get_people(doc)
    if not people:
        return {}
    quotes = get_quotes(doc)
    tokens = _Tokens(doc)
    spans = _Spans(tokens)
    clues = {str(p["id"]): _Clues(list(_title_clues(spans, p)), []) for p in people}
    for pid, gender in _pronoun_clues(spans, people, quotes):
        if pid in clues:
            clues[pid].pronouns.append(gender)
    found: dict[str, GenderFinding] = {}
    for person in people:
        pid = str(person["id"])
        finding = decide_gender(
            clues[pid].titles, clues[pid].pronouns, _first_name(str(person.get("name", "")))
        )
        if finding is not None:
            found[pid] = finding
    logger.debug("gender: %d of %d people", len(found), len(people))
    return found


# ---- the token table ---------------------------------------------------------------------------

#: Whether a word is a personal noun, by the string ids of its lower case and lemma (a word's ids
#: never change); emptied when full.
_PERSONAL: dict[tuple[int, int], bool] = {}
_PERSONAL_MAX: Final = 100_000


class _Tokens:
    """The tokens of one ``Doc`` as the rules read them.

    The few columns scanned whole come from one ``Doc.to_array`` table (words as string ids); the
    rules read any other attribute of the few tokens they look at on the ``Doc``'s shared token
    list (``quotemine.extensions.doc_tokens``), never making a ``Token`` per read.
    """

    __slots__ = ("doc", "idx", "parsed", "starts", "table", "words")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.table = doc.to_array(_COLUMNS).reshape(len(doc), len(_COLUMNS))
        self.idx: list[int] = self.table[:, _IDX].tolist()
        self.words = doc_tokens(doc)
        self.parsed = doc.has_annotation("DEP")
        self.starts: list[int] | None = None

    def text(self, i: int) -> str:
        """Return the text of token ``i`` (``doc[i].text``)."""
        return str(self.words[i].text)

    def sentence_start(self, i: int) -> int:
        """Return the first token of the sentence of token ``i``, as ``doc[i].sent.start`` has it."""
        if self.starts is None:
            doc = self.doc
            if "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks or "sents" in doc.user_hooks:
                return int(doc[i].sent.start)  # a custom sentence hook
            self.starts = numpy.flatnonzero(self.table[:, _SENT_START] == 1).tolist()
        k = bisect.bisect_right(self.starts, i)
        return self.starts[k - 1] if k else 0

    def sentences(self) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` tokens of each sentence, as ``doc.sents`` gives them."""
        doc = self.doc
        if "sents" in doc.user_hooks:
            return [(sentence.start, sentence.end) for sentence in doc.sents]
        if not len(doc):
            return []
        starts = [0, *(numpy.flatnonzero(self.table[1:, _SENT_START] == 1) + 1).tolist()]
        return list(zip(starts, [*starts[1:], len(doc)], strict=True))

    def personal(self, i: int) -> bool:
        """Tell whether token ``i`` is a noun naming a person or people ("lawyer", "wife", "Mrs.")."""
        token = self.words[i]
        if token.pos not in _NOUNISH or token.ent_type in _NOT_PEOPLE:
            return False
        key = (token.lower, token.lemma)
        found = _PERSONAL.get(key)
        if found is None:
            if len(_PERSONAL) >= _PERSONAL_MAX:
                _PERSONAL.clear()
            strings, nouns = self.doc.vocab.strings, _personal_nouns()
            word = strings[token.lower]
            found = word in nouns or strings[token.lemma].lower() in nouns or bool(title_gender(word))
            _PERSONAL[key] = found
        return found


# ---- titles ------------------------------------------------------------------------------------


class _Spans:
    """The tokens of the records' ``[start, end]`` bounds in one ``Doc``, each looked up once.

    ``(first token, end token)`` as ``doc.char_span(start, end, alignment_mode="expand")`` has
    them, found by a binary search of the token offsets (no ``Span`` made).
    """

    __slots__ = ("length", "memo", "roots", "tokens")

    def __init__(self, tokens: _Tokens) -> None:
        self.tokens = tokens
        self.length = len(doc_text(tokens.doc))
        self.memo: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.roots: dict[tuple[int, int], Token] = {}

    def __call__(self, bounds: Sequence[object] | None) -> tuple[int, int] | None:
        """Return the tokens of ``[start, end]``, or ``None`` when the record's bounds do not fit."""
        if bounds is None or len(bounds) != 2:
            return None
        start, end = bounds
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= self.length:
            return None
        key = (start, end)
        if key not in self.memo:
            self.memo[key] = self._expand(start, end)
        return self.memo[key]

    def _expand(self, start: int, end: int) -> tuple[int, int] | None:
        idx = self.tokens.idx
        if not idx:
            return None
        # a token owns its text and the space after it: the tokens cover the text end to end
        first = bisect.bisect_right(idx, start) - 1
        last = bisect.bisect_right(idx, end - 1) - 1
        if first < 0 or last < 0:
            return None
        if start == idx[first] + len(self.tokens.words[first]):
            first += 1  # in the space after a token: the span starts at the next one
        return first, last + 1

    def root(self, bounds: tuple[int, int]) -> Token:
        """Return the syntactic root of the tokens ``bounds`` (``Span.root``)."""
        if bounds not in self.roots:
            self.roots[bounds] = self.tokens.doc[bounds[0] : bounds[1]].root
        return self.roots[bounds]


def _word_before(tokens: _Tokens, i: int) -> str | None:
    """Return the word right before token ``i`` ("Mrs." even when the period is a token of its own)."""
    if i == 0:
        return None
    words = tokens.words
    prev = words[i - 1]
    if prev.text == "." and i >= 2 and not words[i - 2].is_space:
        return str(words[i - 2].text) + "."
    return None if prev.is_space or prev.is_punct else str(prev.text)


def _title_clues(spans: _Spans, person: PersonRecord) -> Iterator[Gender]:
    """Yield the gender of each gendered title or honorific attached to the person."""
    tokens = spans.tokens
    for bounds in person.get("mentions") or ():
        span = spans(bounds)
        if span is None:
            continue
        start, end = span
        words = [_word_before(tokens, start), *(tokens.text(i) for i in range(start, end - 1))]
        yield from (g for w in words if w and (g := title_gender(w)))
    for bounds in person.get("roles") or ():
        span = spans(bounds)
        if span is not None and (gender := title_gender(spans.root(span).text)):
            yield gender


# ---- pronouns ----------------------------------------------------------------------------------


def _pronoun_clues(
    spans: _Spans, people: list[PersonRecord], quotes: list[QuoteRecord]
) -> Iterator[tuple[str, Gender]]:
    """Yield ``(person id, gender)`` of every pronoun the text ties to a person."""
    index = _Index.build(spans, people, quotes)
    yield from _speaker_pronouns(spans, quotes, index)
    if spans.tokens.doc.has_annotation("SENT_START"):
        yield from _context_pronouns(spans, people, index)


def _speaker_pronouns(
    spans: _Spans, quotes: list[QuoteRecord], index: _Index
) -> Iterator[tuple[str, Gender]]:
    """Yield ``(person id, gender)`` of each speaker pronoun attribution resolved ("she said").

    Only when the resolution is plain: the person's latest earlier mention is outside quotation
    marks, not a modifier ("Quill supporters", "Quill's view"), and no one else comes before it in
    its sentence or before the pronoun in the pronoun's sentence (outside quotation marks).
    """
    for quote in quotes:
        speaker = quote.get("speaker")
        if not speaker or not speaker.get("person_id"):
            continue
        span = spans([speaker.get("start"), speaker.get("end")])
        one = span is not None and span[1] - span[0] == 1
        gender = pronoun_gender(spans.tokens.text(span[0])) if span is not None and one else None
        pid = str(speaker["person_id"])
        if span is not None and gender and _plain_antecedent(span[0], pid, index):
            yield pid, gender


def _plain_antecedent(pronoun: int, pid: str, index: _Index) -> bool:
    """Tell whether person ``pid`` is plainly what the pronoun (token ``pronoun``) refers back to."""
    mentions = index.mentions_by.get(pid, [])
    earlier = mentions[: bisect.bisect_left(mentions, pronoun)]
    if not earlier:
        return False
    tokens = index.tokens
    last = earlier[-1]
    words = tokens.words
    modifier = words[last].dep in _MODIFIER or (
        last + 1 < len(words) and words[last + 1].lower in _POSSESSIVE_IDS
    )
    if last in index.quoted or modifier:
        return False
    if not tokens.doc.has_annotation("SENT_START"):
        return True
    start = tokens.sentence_start(last)
    first = earlier[bisect.bisect_left(earlier, start)]
    before = itertools.chain(range(start, first), range(tokens.sentence_start(pronoun), pronoun))
    return not any(index.other_person(i, pid) for i in before if i not in index.quoted)


@functools.cache
def _personal_nouns() -> frozenset[str]:
    """Nouns that name a person or people: the project's titles and role nouns, unnamed sources."""
    unnamed = data_json("unnamed_speakers.json")
    lexicons = load_lexicons()
    roles = (line.split("\t")[0] for line in data_lines("roles.txt"))
    words = {*unnamed.get("group_nouns", ()), *unnamed.get("titles", ()), *roles}
    return frozenset({w.lower() for w in words} | lexicons.titles | lexicons.honorifics)


@dataclass(slots=True)
class _Index:
    """Who each token belongs to: a person's mention or role, a quotation, a resolved speaker."""

    tokens: _Tokens
    mention_of: dict[int, str]
    role_of: dict[int, str]
    quoted: set[int]
    speaker_of: dict[int, str]
    mentions: list[int]  # the keys of ``mention_of``, in order
    mentions_by: dict[str, list[int]]  # the same, by person id

    @classmethod
    def build(cls, spans: _Spans, people: list[PersonRecord], quotes: list[QuoteRecord]) -> _Index:
        tokens = spans.tokens
        index = cls(tokens, {}, {}, _quotation_marked(tokens), {}, [], {})
        for person in people:
            pid = str(person["id"])
            for found, into in (
                (person.get("mentions"), index.mention_of),
                (person.get("roles"), index.role_of),
            ):
                for bounds in found or ():
                    span = spans(bounds)
                    if span is not None:
                        into.update(dict.fromkeys(range(*span), pid))
        for quote in quotes:
            if quote.get("kind") in ("direct", "mixed") and (
                span := spans([quote.get("start"), quote.get("end")])
            ):
                index.quoted.update(range(*span))
            speaker = quote.get("speaker")
            if speaker and speaker.get("person_id"):
                span = spans([speaker.get("start"), speaker.get("end")])
                for i in range(*span) if span is not None else ():
                    index.speaker_of[i] = str(speaker["person_id"])
        index.mentions = sorted(index.mention_of)
        for i in index.mentions:
            index.mentions_by.setdefault(index.mention_of[i], []).append(i)
        return index

    def mentioned_in(self, start: int, end: int) -> set[str]:
        """Return the ids of the people with a mention among tokens ``start`` to ``end``."""
        first, last = bisect.bisect_left(self.mentions, start), bisect.bisect_left(self.mentions, end)
        return {self.mention_of[i] for i in self.mentions[first:last]}

    def other_person(self, i: int, pid: str | None) -> bool:
        """Tell whether token ``i`` names someone other than person ``pid``."""
        owner = self.mention_of.get(i) or self.role_of.get(i)
        if owner is not None:
            return owner != pid
        return self.tokens.words[i].ent_type == _PERSON or self.tokens.personal(i)


def _quotation_marked(tokens: _Tokens) -> set[int]:
    """Return the tokens between quotation marks, each paragraph read on its own.

    Only the line breaks and quotation marks are visited (found on the token table and the text,
    not by making a ``Token`` of every word); the tokens between them are taken by the run.
    """
    inside: set[int] = set()
    table = tokens.table
    if not len(table):
        return inside
    events = {i: _MARKS[orth] for i, orth in _rows_among(table[:, _ORTH], _MARK_IDS)}
    # a line break is always inside a token (spaCy keeps only single spaces out of its tokens)
    breaks = [m.start() for m in _LINE_BREAK.finditer(doc_text(tokens.doc))]
    events.update(
        dict.fromkeys((numpy.searchsorted(table[:, _IDX], breaks, side="right") - 1).tolist(), _BREAK)
    )
    open_, start = False, 0
    for i in sorted(events):
        kind = events[i]
        if kind == _CLOSING and not tokens.words[i].is_punct:
            continue  # a closing mark that is no punctuation is read as a word
        if open_:
            inside.update(range(start, i))
        open_ = kind == _OPENING or (kind == _STRAIGHT and not open_)
        start = i + 1
    if open_:
        inside.update(range(start, len(table)))
    return inside


def _rows_among(column: numpy.ndarray[Any, Any], ids: numpy.ndarray[Any, Any]) -> list[tuple[int, int]]:
    """Return ``(row, value)`` of the rows of a token-table column whose value is one of ``ids``.

    ``ids`` is sorted and without duplicates: a binary search per row, cheaper than ``numpy.isin``
    for the few words asked.
    """
    if not len(ids) or not len(column):
        return []
    at = numpy.minimum(numpy.searchsorted(ids, column), len(ids) - 1)
    rows = numpy.flatnonzero(ids[at] == column)
    return list(zip(rows.tolist(), column[rows].tolist(), strict=True))


def _sole_person(start: int, end: int, index: _Index) -> str | None:
    """Return the one person a sentence (tokens ``start:end``) names, else ``None`` (none, or several)."""
    ids = index.mentioned_in(start, end)
    if len(ids) != 1:
        return None
    pid = next(iter(ids))
    words = index.tokens.words
    for i in range(start, end):
        if index.other_person(i, pid):
            return None
        if words[i].lower in _PRONOUN_IDS and words[i].dep in _OBJECT:
            return None  # "Ada Quill met him": someone else is about
    return pid


def _pronoun_after(start: int, end: int, pid: str, index: _Index) -> int | None:
    """Return the first subject or possessive pronoun of tokens ``start:end``, unless someone comes first."""
    tokens = index.tokens
    for i in range(start, end):
        if index.other_person(i, pid):
            return None
        word = tokens.words[i].lower
        if word not in _PRONOUN_IDS or i in index.quoted:
            continue
        if index.speaker_of.get(i, pid) != pid:
            return None  # attribution read it as someone else
        if tokens.words[i].dep in _SUBJECT_OR_POSSESSIVE or (
            not tokens.parsed and word in _UNPARSED_PRONOUN_IDS
        ):
            return i
        return None
    return None


def _context_pronouns(
    spans: _Spans, people: list[PersonRecord], index: _Index
) -> Iterator[tuple[str, Gender]]:
    """Yield ``(person id, gender)`` of the pronouns the person's context gives them.

    A pronoun opening the sentence after one naming only them (same paragraph), and a pronoun
    after "the <title>" (a definite title that is the head of the person's role, their latest
    mention in the same or the previous paragraph), in the same sentence.
    """
    tokens = index.tokens
    starts = paragraph_starts(doc_text(tokens.doc))

    def para(char: int) -> int:
        return bisect.bisect_right(starts, char)

    sentences = tokens.sentences()
    idx = tokens.idx
    # only a sentence with a gendered pronoun can give one: the others are not read
    pronouns = [i for i, _ in _rows_among(tokens.table[:, _LOWER], _PRONOUN_ARRAY)]

    def has_pronoun(start: int, end: int) -> bool:
        return bisect.bisect_left(pronouns, start) < bisect.bisect_left(pronouns, end)

    for (before, before_end), (after, after_end) in itertools.pairwise(sentences):
        if not has_pronoun(after, after_end):
            continue
        same = para(idx[before]) == para(idx[after])
        pid = _sole_person(before, before_end, index) if same else None
        found = _pronoun_after(after, after_end, pid, index) if pid is not None else None
        if pid is not None and found is not None and (gender := pronoun_gender(tokens.text(found))):
            yield pid, gender
    heads = _role_heads(spans, people)
    sentence_starts = [start for start, _ in sentences]
    for i in _words_among(tokens, heads):
        end = sentences[bisect.bisect_right(sentence_starts, i) - 1][1]
        if not has_pronoun(i + 1, end):
            continue
        pid = _definite_title_person(i, heads, index, para)
        found = _pronoun_after(i + 1, end, pid, index) if pid else None
        if pid is not None and found is not None and (gender := pronoun_gender(tokens.text(found))):
            yield pid, gender


def _words_among(tokens: _Tokens, words: Iterable[str]) -> list[int]:
    """Return, in order, the indices of the tokens whose lowercase form is one of ``words``."""
    ids = numpy.unique(numpy.array([get_string_id(word) for word in words], dtype="uint64"))
    table = tokens.table
    return [i for i, _ in _rows_among(table[:, _LOWER], ids)] if len(ids) and len(table) else []


def _role_heads(spans: _Spans, people: list[PersonRecord]) -> dict[str, set[str]]:
    """Return, per head word of a role ("president"), the ids of the people who hold it."""
    heads: dict[str, set[str]] = {}
    for person in people:
        for bounds in person.get("roles") or ():
            span = spans(bounds)
            if span is not None and spans.tokens.personal((root := spans.root(span)).i):
                heads.setdefault(root.lower_, set()).add(str(person["id"]))
    return heads


def _definite_title_person(
    title: int, heads: dict[str, set[str]], index: _Index, para: Callable[[int], int]
) -> str | None:
    """Return the person "the <title>" (token ``title``) stands for: its latest earlier holder or ``None``."""
    tokens = index.tokens
    words = tokens.words
    holders = heads.get(words[title].lower_)
    if not holders or title in index.mention_of or title in index.role_of:
        return None
    window = range(max(0, title - 3), title)
    if not any(words[i].lower == _THE for i in window) or any(words[i].is_punct for i in window):
        return None
    latest = {
        i: pid for i, pid in index.mention_of.items() if pid in holders and i < title
    }  # token index -> holder
    if not latest:
        return None
    last = max(latest)
    if para(tokens.idx[last]) not in (para(tokens.idx[title]), para(tokens.idx[title]) - 1):
        return None
    return latest[last]


# ---- first names -------------------------------------------------------------------------------


def _first_name(name: str) -> Gender | None:
    """Return the lexicon's gender of the first word of a name of two words or more."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].rstrip(".")
    if len(first) < 2 or not first[0].isupper() or not first.isalpha():
        return None
    return first_name_gender(first)
