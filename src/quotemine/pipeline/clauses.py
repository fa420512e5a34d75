"""Roles a clause gives a person: "X, a former mayor who later became chairman of Y" and "she is a student".

``quotemine_roles`` calls these on top of its title and apposition rules:

* ``relative_copula_start``: where the role of a relative clause on the name (or on its apposition)
  starts, when the clause says what the person is or became ("X, who is the chairman of Y",
  "X, a former mayor who later became chairman of Y", "X, who was elected mayor in 2010");
* ``pronoun_roles``: "he"/"she" as the subject of "is", "was" or "became" a role, linked to the one
  person the pronoun can stand for ("When Ann Voss moved to Tulsa, where she is a welder, ...";
  "Hal Brisk spoke. He is a pilot for Condor Airways.").

A pronoun is linked only when the text leaves no doubt: exactly one person mentioned from the start
of the previous sentence up to the pronoun whose first name does not say the other gender, that
person's mention is the subject of its clause (or in apposition to it), and neither the pronoun nor
that mention is inside a quotation (counted over the paragraph: a quotation may run over sentences).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Final

import numpy
from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_text, doc_tokens
from quotemine.lexicons.gender import Gender, first_name_gender, pronoun_gender
from quotemine.lexicons.words import NOMINAL_SUBJECTS, PERFECT_AUXILIARIES
from quotemine.pipeline.descriptions import in_quotation
from quotemine.pipeline.records import Range

__all__ = ["pronoun_roles", "relative_as_verb", "relative_copula_start"]


#: Verbs of a clause that say what its subject is or became.
_BECOME: Final = frozenset({"be", "become", "remain"})
#: Participles after "was" that make the next words a role ("who was elected mayor").
_MADE: Final = frozenset({"elect", "name", "appoint", "promote", "hire", "select"})
#: Tags a role's noun phrase may start with ("the chairman", "former mayor", "chairman").
_NOUN_PHRASE_START: Final = frozenset({"DT", "JJ", "JJS", "NN", "NNP", "PRP$", "VBN", "CD"})
_PRONOUNS: Final = ("he", "she")
#: Verbs of holding a post whose "as" phrase is the post ("who served as treasurer").
_SERVE: Final = frozenset({"serve", "work", "act"})


def relative_copula_start(doc: Doc, who: int | None) -> int | None:
    """Return where the role of "X, who is / became ROLE" (or "X, a ... who became ROLE") starts.

    Adverbs after "who" are stepped over ("who later became"), and so is a participle that makes
    the next words a role ("who was elected mayor"); a negated clause gives nothing. ``who`` is the
    relative pronoun of the clause on the name (``affiliations.relative_pronoun``), if any.
    """
    toks = doc_tokens(doc)
    if who is None:
        return None
    k = who + 1
    while k < len(doc) and toks[k].tag_ == "RB":
        if toks[k].dep_ == "neg":
            return None
        k += 1
    if k >= len(doc) or toks[k].lemma_ not in _BECOME or toks[k].tag_ not in {"VBZ", "VBD", "VBP"}:
        return None
    k += 1
    if k < len(doc) and toks[k].dep_ == "neg":
        return None
    if k < len(doc) and toks[k].tag_ == "VBN" and toks[k].lemma_ in _MADE:
        k += 1
    if k >= len(doc) or toks[k].tag_ not in _NOUN_PHRASE_START:
        return None  # "who is running as ...", "who is hoping to be ...": no noun phrase, no role
    return k


def relative_as_verb(doc: Doc, who: int | None) -> Token | None:
    """Return the verb of "X, who served as ROLE" / "X, who has worked as ROLE", or ``None``.

    Only a verb of holding a post ("serve", "work", "act") followed by "as" counts; the caller reads
    the role from the verb's "as" phrase (``predicates.complement_role``).
    """
    toks = doc_tokens(doc)
    if who is None:
        return None
    k = who + 1
    while k < len(doc) and toks[k].tag_ == "RB" and toks[k].dep_ != "neg":
        k += 1
    if k + 1 < len(doc) and toks[k].lower_ in PERFECT_AUXILIARIES and toks[k + 1].tag_ == "VBN":
        k += 1  # "who has worked as"
    if k + 1 >= len(doc) or toks[k].lemma_ not in _SERVE or toks[k + 1].lower_ != "as":
        return None
    return toks[k]


def _sentence_starts(doc: Doc) -> list[int]:
    """Return the index of the first token of each sentence (one array read, not ``Token.sent``)."""
    starts = [int(i) for i in numpy.flatnonzero(doc.to_array("SENT_START") == 1)]
    return starts if starts and starts[0] == 0 else [0, *starts]


def _names_gender(doc: Doc, mentions: list[Span]) -> dict[str, Gender | None]:
    """Return, per person id, the gender the first name of its longest mention states (or ``None``)."""
    longest: dict[str, Span] = {}
    for m in mentions:
        if m.label_ not in longest or len(m) > len(longest[m.label_]):
            longest[m.label_] = m
    return {pid: first_name_gender(m[0].text) if len(m) > 1 else None for pid, m in longest.items()}


def _antecedent(
    tok: Token, window: int, mentions: list[Span], genders: dict[str, Gender | None], text: str
) -> str | None:
    """Return the id of the one person ``tok`` ("he"/"she") can stand for, or ``None``.

    ``window`` is the first token of the previous sentence; a name inside a quotation stands for
    no one the narration's "he" can be sure of.
    """
    said = pronoun_gender(tok.text)
    inside = [m for m in mentions if window <= m.start and m.end <= tok.i]
    fitting = [m for m in inside if genders.get(m.label_) in (None, said)]
    if not fitting or len({m.label_ for m in fitting}) != 1:
        return None
    root = fitting[-1].root
    if root.dep_ == "appos" and root.head.i < root.i:
        root = root.head  # "Her son, X, is a firefighter. He is also ...": the name stands for the subject
    if in_quotation(text, fitting[-1].start_char):
        return None
    return fitting[-1].label_ if root.dep_ in NOMINAL_SUBJECTS else None


def pronoun_roles(
    doc: Doc,
    mentions: list[Span],
    complement: Callable[[Token], Range | None],
) -> dict[str, list[Range]]:
    """Return the roles "he is a pilot for Y" gives the person each pronoun stands for.

    ``complement`` returns the role a copular verb gives its subject ("is a pilot for Y").
    """
    toks = doc_tokens(doc)
    out: dict[str, list[Range]] = {}
    if not mentions:
        return out
    lower = doc.to_array("LOWER")
    pronoun = numpy.zeros(len(lower), dtype=bool)
    for p in _PRONOUNS:  # a few comparisons: ``numpy.isin`` costs more on a short array
        pronoun |= lower == doc.vocab.strings[p]
    subject = doc.to_array("DEP") == doc.vocab.strings["nsubj"]  # only a subject pronoun can count
    hits = numpy.flatnonzero(pronoun & subject)
    if not len(hits):
        return out
    ordered = sorted(mentions, key=lambda m: m.start)
    genders: dict[str, Gender | None] | None = None  # read when a pronoun first needs them
    starts: list[int] = []
    for i in hits:
        tok = toks[int(i)]
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.lemma_ not in _BECOME or verb.i < tok.i:
            continue
        if any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
            continue  # "she is not a nurse", "he would be a candidate"
        starts = starts or _sentence_starts(doc)
        k = bisect.bisect_right(starts, tok.i) - 1
        text = doc_text(doc)
        if in_quotation(text, tok.idx):
            continue  # a quoted "she" may be anyone
        genders = _names_gender(doc, ordered) if genders is None else genders
        pid = _antecedent(tok, starts[k - 1] if k > 0 else starts[k], ordered, genders, text)
        role = complement(verb) if pid is not None else None
        if pid is not None and role is not None:
            out.setdefault(pid, []).append(role)
    return out
