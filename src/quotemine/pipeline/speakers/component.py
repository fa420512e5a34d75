"""The ``quotemine_attribution`` component: ``Attributor``, its title lexicon and its error handling.

``Attributor`` amends the speaker of every ``QuoteRecord`` ``quotemine_quotes`` wrote: it sets
``person_id`` or ``organization_id`` (and the ``antecedent`` a pronoun or description stands for)
by the rules of ``quotemine.pipeline.speakers.rules``, reading quotes, people and organisations
through ``quotemine.pipeline.records``. A mention no rule resolves keeps both ids ``None``.
A quote that continues another one (``quotemine_quotes`` copies the mention) gets the same answer.
"""

from __future__ import annotations

import bisect
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_text, doc_tokens
from quotemine.lexicons import data_json
from quotemine.lexicons.gender import Gender, pronoun_gender, title_gender
from quotemine.lexicons.words import NOMINAL_SUBJECTS
from quotemine.pipeline.handlers import ErrorHandler
from quotemine.pipeline.records import (
    OrgRecord,
    PersonRecord,
    QuoteRecord,
    SpeakerRecord,
    add_warning,
    get_orgs,
    get_people,
    get_quotes,
)
from quotemine.pipeline.speakers.described import OPENERS, DescribedSubject, resolve_mention
from quotemine.pipeline.speakers.index import DocIndex, Mention, MentionRole, last_word
from quotemine.pipeline.speakers.nouns import person_noun
from quotemine.pipeline.speakers.rules import Resolution, Resolver

__all__ = ["Attributor", "drop_attribution", "unnamed_titles"]

logger = logging.getLogger(__name__)

_UNNAMED_FILE = "unnamed_speakers.json"
_TITLES_FILE = "unnamed_titles.json"


def unnamed_titles(unnamed: Mapping[str, object]) -> frozenset[str]:
    """Return the ``titles`` of the content of ``unnamed_speakers.json``, lower-cased."""
    value = unnamed.get("titles") or []
    return frozenset(str(w).lower() for w in value) if isinstance(value, list) else frozenset()


def drop_attribution(name: str, proc: Any, docs: list[Doc], exc: Exception) -> None:
    """Default error handler: keep the quotes, drop every resolution, and leave a warning.

    Args:
        name: The component name.
        proc: The component.
        docs: The documents it failed on.
        exc: The error.

    """
    for doc in docs:
        logger.error("attribution failed on a document of %d chars", len(doc.text), exc_info=exc)
        for q in get_quotes(doc):
            spk = q.get("speaker")
            if spk:
                spk["person_id"] = None
                spk["organization_id"] = None
        add_warning(doc, f"attribution: skipped after an internal error ({type(exc).__name__})")


class Attributor(Pipe):
    """Resolve the speaker of each quote in ``doc._.qm_quotes`` to a person or an organisation.

    On an internal error the component's error handler is called (``set_error_handler``, as for
    spaCy's own pipes); the default, ``drop_attribution``, keeps the quotes without resolution and
    leaves a warning.

    Args:
        nlp: The pipeline (unused; kept for the component signature).
        name: Component name.
        pronoun_window: How many paragraphs back a pronoun may look for its antecedent.

    Attributes:
        titles: Titles an unnamed definite mention may still be resolved by ("the spokesman"),
            from ``unnamed_speakers.json``; saved by ``to_disk``.

    """

    def __init__(self, nlp: Language, name: str, *, pronoun_window: int = 1) -> None:
        self.name = name
        self.pronoun_window = pronoun_window
        self.titles = unnamed_titles(data_json(_UNNAMED_FILE))
        self.error_handler: ErrorHandler = drop_attribution

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the unnamed-speaker titles to the directory ``path``."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        (out / _TITLES_FILE).write_text(json.dumps({"titles": sorted(self.titles)}), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Attributor:
        """Read the titles ``to_disk`` wrote (a directory without them keeps the packaged ones)."""
        src = Path(path) / _TITLES_FILE
        if src.exists():
            self.titles = unnamed_titles(json.loads(src.read_text(encoding="utf-8")))
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Resolve the speakers of ``doc``."""
        quotes = get_quotes(doc)
        if not quotes:
            return doc
        try:
            self._resolve(doc, quotes, get_people(doc), get_orgs(doc))
        except Exception as exc:  # handed to the error handler, which by default degrades
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def _resolve(
        self, doc: Doc, quotes: list[QuoteRecord], people: list[PersonRecord], orgs: list[OrgRecord]
    ) -> None:
        text = doc_text(doc)
        # a name inside quoted words is not what a later "he" stands for; a name in reported
        # content may be ("Ms. Roe was shocked, she said"), so only direct quotes hide names
        quoted = [(int(q["start"]), int(q["end"])) for q in quotes if q.get("kind") == "direct"]
        parsed = doc.has_annotation("DEP")
        chars = _CharTokens(doc, len(text))
        roles = _role_test(chars) if parsed else None
        index = DocIndex.build(text, people, orgs, quoted, roles, _phrase_start(chars) if parsed else None)
        index.reported = sorted((int(q["start"]), int(q["end"])) for q in quotes)
        described = None
        if parsed:
            index.newcomers = _newcomer_test(chars, index)
            described = _described_test(chars, index)
        resolver = Resolver(index, self.titles, self.pronoun_window)
        by_span: dict[tuple[int, int], Resolution | None] = {}
        plural = _plural_test(doc, chars)
        last: _LastSpeaker | None = None
        for q in sorted(quotes, key=lambda q: int(q["start"])):
            spk = q.get("speaker")
            if not spk:
                continue
            s, e = int(spk["start"]), int(spk["end"])
            if (s, e) not in by_span:  # the same mention (a continued quote) gets the same answer
                found = resolve_mention(resolver, spk, s, e, described)
                if found is not None and _tells_self(text, s, e, q, index, found.entity_id):
                    found = None  # "I told Roe that ...": the writer, never Roe
                if found is None and text[s:e].lower() in _PLURAL_PRONOUNS:
                    found = _plural_antecedent(spk, last, index.para(s), plural)
                by_span[(s, e)] = found
                if found is not None:
                    resolver.idx.remember(s, found.entity_id)
                else:
                    resolver.idx.remember(s, None, last_word(text[s:e]) or "")
                lone = _lone_person(spk, last, index, plural) if found is None else None
                last = _LastSpeaker(index.para(s), s, e, found, lone)
            found = by_span[(s, e)]
            if found is not None and parsed and _asks(chars, q.get("cue")) and not _request(text, q):
                addressee = q.get("addressee")  # "'Sure?' Roe asked Kim": the next answer is Kim's
                index.questions[s] = (int(addressee[0]), int(addressee[1])) if addressee else None
            if found is not None and index.para(int(q["start"])) > index.para(s):
                # a quote paragraph continuing the speaker ('"Voters deserve better."') keeps
                # them salient there, for the next "he"
                resolver.idx.remember(int(q["start"]), found.entity_id)
            _apply(spk, found)


def _tells_self(text: str, s: int, e: int, q: QuoteRecord, index: DocIndex, entity_id: str) -> bool:
    """Tell whether a first-person cue speaker ("I asked Roe", "I told Roe") was resolved to its addressee."""
    addressee = q.get("addressee")
    if not addressee or text[s:e].lower() not in ("i", "me"):
        return False
    return any(m.entity_id == entity_id for m in index.covering(int(addressee[0]), int(addressee[1])))


class _CharTokens:
    """The tokens of a doc by character offset: what ``Doc.char_span(s, e, "expand")`` finds.

    One bisection over the token starts (read once, as a column) and the shared token list,
    instead of ``char_span``'s several new ``Token`` objects per call.
    """

    def __init__(self, doc: Doc, size: int) -> None:
        self.doc = doc
        self.size = size
        self._cols: tuple[list[int], list[int]] | None = None

    def bounds(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the first token and the one after the last that ``[start, end)`` touch, or ``None``.

        ``None`` outside the text or for no token at all.
        """
        if self._cols is None:
            cols = self.doc.to_array(["IDX", "LENGTH"]).T.tolist()
            self._cols = (cols[0], cols[1]) if cols else ([], [])
        starts, lengths = self._cols
        if not (0 <= start < self.size and 0 < end <= self.size) or not starts:
            return None
        a = bisect.bisect_right(starts, start) - 1
        b = bisect.bisect_right(starts, end - 1)
        if start == starts[a] + lengths[a]:  # in the space after a token: not that token
            a += 1
        return (a, b) if a < b else None

    def root(self, a: int, b: int) -> Token:
        """Return the syntactic root of the tokens ``a`` to ``b`` (``Span.root``)."""
        return doc_tokens(self.doc)[a] if b - a == 1 else Span(self.doc, a, b).root

    def span(self, a: int, b: int) -> list[Token]:
        """Return the tokens ``a`` to ``b``."""
        return doc_tokens(self.doc)[a:b]


#: Lemmas of verbs that put a question to someone: their object is the next to speak.
_QUESTION_VERBS = frozenset({"ask", "question", "press", "quiz", "query"})
#: What every form of those verbs holds ("asked", "queried"): a cue without one is no question.
_QUESTION_STEMS = ("ask", "question", "press", "quiz", "quer")


def _asks(chars: _CharTokens, cue: object) -> bool:
    """Tell whether a quote's cue span is a verb that puts a question ("asked")."""
    if not isinstance(cue, list | tuple) or len(cue) != 2:
        return False
    said = doc_text(chars.doc)[int(cue[0]) : int(cue[1])].lower()
    if not any(stem in said for stem in _QUESTION_STEMS):
        return False  # "said", "told": no token to read
    found = chars.bounds(int(cue[0]), int(cue[1]))
    return found is not None and chars.root(*found).lemma_.lower() in _QUESTION_VERBS


#: What opens the content of a request, not a question: "asked voters to think it over".
_REQUEST_OPENERS = ("to ", "for ")


def _request(text: str, q: QuoteRecord) -> bool:
    """Tell whether an "asked" statement is a request ("asked voters to think"), which no one answers."""
    return text[int(q["start"]) : int(q["start"]) + 4].lower().startswith(_REQUEST_OPENERS)


def _role_test(chars: _CharTokens) -> Callable[[int, int], MentionRole]:
    """Return what the characters ``[start, end)`` of a doc do in their clause (``MentionRole``)."""

    def role_of(start: int, end: int) -> MentionRole:
        found = chars.bounds(start, end)
        if found is None:
            return "other"
        root = chars.root(*found)
        question = root.head.lemma_.lower() in _QUESTION_VERBS and root.head.i != root.i
        if question and root.dep_ in ("dobj", "nsubjpass"):
            return "asked"  # "asked Roe whether", "Roe was asked"
        if question and root.dep_ == "nsubj":
            return "asker"
        return "subject" if root.dep_ in NOMINAL_SUBJECTS else "other"

    return role_of


def _phrase_start(chars: _CharTokens) -> Callable[[int, int], int]:
    """Return the start of the noun phrase the characters ``[start, end)`` of a doc head.

    "the budget airline Skyvane": the start of "the"; "the Canadian teenager Emma Blake" (the name in
    apposition to the noun before it): the start of "the"; a mention that does not head its phrase
    ("Roe" in "Roe's lawyer") or is no span of the parse gives its own start.
    """

    def start_of(start: int, end: int) -> int:
        found = chars.bounds(start, end)
        if found is None:
            return start
        root = chars.root(*found)
        if root.dep_ == "appos" and root.head.i == found[0] - 1 and root.head.pos_ == "NOUN":
            root = root.head  # "the Canadian teenager Emma Blake": the name is the noun's apposition
        edge = root.left_edge
        return min(start, edge.idx) if edge.i < found[0] else start

    return start_of


#: Dependents after a noun that single out a referent, perhaps one not named before.
_NEW_REFERENT = frozenset({"relcl", "acl", "prep", "appos"})


def _described_test(chars: _CharTokens, index: DocIndex) -> DescribedSubject:
    """Return the last described subject in ``[lo, hi)`` (``described.DescribedSubject``).

    The last singular common noun ("nephew", "teacher") as the subject of its clause outside
    quoted content (whether it stands for a person is for the rule to find), its phrase opened by
    a definite or possessive determiner or a possessor ("the firm's founder") and covered by no
    entity mention: the phrase's ``(start, end)``.
    """

    def last(lo: int, hi: int) -> tuple[int, int] | None:
        found = chars.bounds(lo, hi)
        if found is None:
            return None
        for tok in reversed(chars.span(*found)):
            if tok.dep_ not in NOMINAL_SUBJECTS or tok.tag_ != "NN":
                continue
            first, end = tok.left_edge, tok.idx + len(tok.text)
            if index.in_content(Mention(tok.idx, end, "")):
                continue  # "the rain" in the quoted words
            if first.i == tok.i or first.idx < lo or index.covering(first.idx, end):
                return None
            if any(t.dep_ in _NEW_REFERENT for t in tok.rights):
                return None  # "the teacher who lost her classroom": maybe someone not named yet
            opened = first.lower_ in OPENERS or any(t.dep_ == "poss" for t in tok.lefts)
            return (first.idx, end) if opened else None
        return None

    return last


def _newcomer_test(chars: _CharTokens, index: DocIndex) -> Callable[[int, int, Gender | None], bool]:
    """Return whether an unnamed person comes in as a subject between two offsets (``DocIndex.newcomers``).

    A singular common noun for one person ("daughter", "neighbour") as the subject of its clause,
    covered by no entity mention, outside quoted content, of no gender other than the one asked,
    and not named by a name in apposition ("Her neighbour, Ida Roe, said").
    """

    def newcomer(lo: int, hi: int, gender: Gender | None) -> bool:
        found = chars.bounds(lo, hi)
        if found is None:
            return False
        for tok in chars.span(*found):
            if tok.dep_ not in NOMINAL_SUBJECTS or tok.tag_ != "NN" or not person_noun(tok.lower_):
                continue
            end = tok.idx + len(tok.text)
            if title_gender(tok.lower_) in (None, gender) and not index.covering(tok.idx, end):
                if not index.in_content(Mention(tok.idx, end, "")) and not _named_by_apposition(tok, index):
                    return True
        return False

    return newcomer


def _named_by_apposition(noun: Token, index: DocIndex) -> bool:
    """Tell whether a subject noun is named by the name in apposition after it ("His aunt, Ida Roe,").

    Such a subject is the person named, not someone who comes in unnamed.
    """
    for child in noun.rights:
        if child.dep_ == "appos" and index.covering(child.idx, child.idx + len(child.text)):
            return True
    return False


#: Plural personal pronouns as speaker mentions.
_PLURAL_PRONOUNS = frozenset({"they"})


@dataclass(frozen=True)
class _LastSpeaker:
    """The speaker mention of the previous statement: its paragraph, offsets and resolution."""

    para: int
    start: int
    end: int
    found: Resolution | None
    #: The phrase of the one unnamed person it is or stands for ("a police spokeswoman"), if so.
    lone: tuple[int, int] | None = None


def _plural_test(doc: Doc, chars: _CharTokens) -> Callable[[int, int], bool]:
    """Return whether the characters ``[start, end)`` of ``doc`` name several ("newspapers", "X and Y")."""
    tagged: list[bool] = []  # read once, when first needed: it scans every token

    def plural(start: int, end: int) -> bool:
        found = chars.bounds(start, end)
        if found is None:
            return False
        span = chars.span(*found)
        if not tagged:
            tagged.append(doc.has_annotation("TAG"))
        if not tagged[0]:  # no tagger: an "-s" plural or an "and"
            last = span[-1].lower_
            return (last.endswith("s") and not last.endswith("ss")) or any(t.lower_ == "and" for t in span)
        root = chars.root(*found)
        return root.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in root.children)

    return plural


def _plural_antecedent(
    spk: SpeakerRecord, last: _LastSpeaker | None, para: int, plural: Callable[[int, int], bool]
) -> Resolution | None:
    """Resolve "they" to the previous statement's speaker when that one was plural and close by.

    Only the speaker of the statement just before, in the same or the previous paragraph, and
    only when its mention was plural: an organisation it resolved to ("six newspapers ... said.
    They called him ...") is the speaker; an unnamed group leaves "they" that unnamed group, its
    ``antecedent`` the group's phrase ("Critics"). Any other case stays unresolved.
    """
    if last is None or para - last.para > 1 or not plural(last.start, last.end):
        return None
    if last.found is not None and last.found.kind == "org":
        return Resolution(last.found.entity_id, "org", "plural pronoun")
    if last.found is None:
        spk["unnamed"] = True  # "Critics said ... They noted ...": the group, shown by its phrase
        spk["antecedent"] = [last.start, last.end]
    return None


def _lone_person(
    spk: SpeakerRecord, last: _LastSpeaker | None, index: DocIndex, plural: Callable[[int, int], bool]
) -> tuple[int, int] | None:
    """Return the phrase of the one unnamed person an unresolved mention is or stands for, or ``None``.

    "a woman said": one unnamed person, remembered as such ("a video": no one); a "he"/"she" right
    after one: ``_unnamed_antecedent``.
    """
    s, e = int(spk["start"]), int(spk["end"])
    if spk.get("unnamed") and person_noun(last_word(index.text[s:e]) or "") and not plural(s, e):
        index.remember_lone(s)
        return (s, e)
    return _unnamed_antecedent(spk, last, index, s)


def _unnamed_antecedent(
    spk: SpeakerRecord, last: _LastSpeaker | None, index: DocIndex, s: int
) -> tuple[int, int] | None:
    """Mark an unresolved "he"/"she" that stands for the unnamed person who spoke just before.

    "A ward nurse said staff were exhausted. '...,' she said": the pronoun is that nurse, an
    unnamed source; its ``antecedent`` is the phrase ("A ward nurse"). Only when the statement just
    before, in this paragraph or the one before, was that person's, the phrase's gender does not
    contradict the pronoun's and no one is named (outside quoted words) between them. Returns the
    phrase, for a further pronoun.
    """
    word = index.text[int(spk["start"]) : int(spk["end"])].lower()
    if word not in _SINGULAR_PRONOUNS or last is None or last.lone is None or index.para(s) - last.para > 1:
        return None
    a, b = last.lone
    if title_gender(last_word(index.text[a:b]) or "") not in (None, pronoun_gender(word)):
        return None  # "a spokeswoman said ... he said": someone else
    if any(mm.start >= last.end and not mm.quoted and not index.in_content(mm) for mm in index.before(s, 1)):
        return None  # "a nurse said ... Roe agreed. '...,' she said"
    spk["unnamed"] = True
    spk["antecedent"] = [a, b]
    return (a, b)


#: Singular personal pronouns as speaker mentions.
_SINGULAR_PRONOUNS = frozenset({"he", "she"})


def _apply(spk: SpeakerRecord, found: Resolution | None) -> None:
    """Write a resolution on a speaker record; a resolved mention is no longer unnamed."""
    spk["person_id"] = found.entity_id if found is not None and found.kind == "person" else None
    spk["organization_id"] = found.entity_id if found is not None and found.kind == "org" else None
    if found is None:
        return
    spk["unnamed"] = False
    if found.rule in ("pronoun", "description") and found.antecedent is not None:
        spk["antecedent"] = [found.antecedent.start, found.antecedent.end]
