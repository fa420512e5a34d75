"""Speaker mentions of cue words, read off the dependency parse (no NER labels needed)."""

from __future__ import annotations

import logging
from collections.abc import Set
from typing import Any

from spacy.tokens import Doc, Token

logger = logging.getLogger(__name__)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# dependencies through which a cue without its own subject borrows its head's subject
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "ccomp", "dep"})
_LEFT_MODS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "case", "flat"})
_RIGHT_MODS = frozenset({"compound", "flat", "case"})
PRONOUNS = frozenset({"i", "he", "she", "we", "they", "you", "it", "who", "me", "him", "her", "us", "them"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_TITLE_PUNCT = frozenset({".", "-", "'s", "’s"})


def subject_of(
    verb: Token, exclude: tuple[int, int] | None = None, documents: Set[str] = frozenset()
) -> Token | None:
    """Return the speaker token of a cue verb: its subject, passive agent or a borrowed subject.

    Args:
        verb: The cue token.
        exclude: Token range (the quoted content) in which a subject does not count.
        documents: Lemmas of document nouns ("statement", "tweet"): in "X issued a statement
            saying ...", the speaker is X, the subject of the verb whose object the document is.

    Returns:
        The head token of the speaker phrase, or ``None``.

    """
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in SUBJECT_DEPS and not (exclude and exclude[0] <= child.i < exclude[1]):
                return child
        for child in cur.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if cur.dep_ == "acl" and cur.head is not cur:
            noun = cur.head  # "a statement saying ...", "911 calls saying ..."
            if noun.lemma_.lower() in documents and noun.dep_ == "dobj" and noun.head is not noun:
                issuer = subject_of(noun.head, exclude)
                if issuer is not None:
                    return issuer
            return noun
        if cur.dep_ == "relcl" and cur.head is not cur:
            return cur.head
        if cur.dep_ in _CLIMB_DEPS and cur.head is not cur:
            cur = cur.head
            continue
        break
    return None


def relative_antecedent(subj: Token) -> Token | None:
    """Return the noun a relative pronoun subject stands for ("Smith, who said ..." gives "Smith").

    Args:
        subj: The subject token of a cue.

    Returns:
        The head of the antecedent noun phrase, or ``None`` when ``subj`` is not a relative pronoun.

    """
    if subj.lower_ not in _RELATIVE:
        return None
    clause = subj.head
    for _ in range(3):
        if clause.dep_ == "relcl" and clause.head is not clause:
            return clause.head
        if clause.head is clause:
            break
        clause = clause.head
    return None


def np_span(head: Token) -> tuple[int, int]:
    """Return the token range of the short noun phrase headed by ``head``.

    Keeps determiners, modifiers and name parts; drops appositions, relative clauses and
    prepositional tails. When the phrase ends in a proper name after common-noun descriptors
    ("Leading Tajik lawyer Ashurbov Imomov"), only the name is kept.

    Args:
        head: The phrase head.

    Returns:
        ``(start, end)`` token indices, end exclusive.

    """
    if head.pos_ == "NOUN":
        # "Leading Tajik lawyer and sociologist Ashurbov Imomov": the name, not the description
        for child in head.rights:
            if child.dep_ in ("conj", "appos", "flat") and child.pos_ == "PROPN" and child.i - head.i <= 4:
                if not any(t.text == "," for t in head.doc[head.i : child.i]):
                    return np_span(child)
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in _LEFT_MODS:
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _RIGHT_MODS and child.i == end:
            end = child.right_edge.i + 1
    doc = head.doc
    if head.pos_ == "PROPN":
        k = end - 1
        while k > start and (doc[k - 1].pos_ == "PROPN" or doc[k - 1].text in _TITLE_PUNCT):
            k -= 1
        if k > start and doc[k - 1].pos_ != "DET" and k < end:
            start = k
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def speaker_dict(doc: Doc, start: int, end: int, group_nouns: Set[str]) -> dict[str, Any]:
    """Build the ``speaker`` dict of a quote for the tokens ``doc[start:end]``.

    ``unnamed`` is true for a common-noun head in the group lexicon or with an indefinite or no
    determiner ("analysts", "a Pentagon spokesman"); a definite title ("the minister") stays
    ``False`` so the attribution stage may resolve it.

    Args:
        doc: The document.
        start: First token of the mention.
        end: Token after the mention.
        group_nouns: Head lemmas of group nouns.

    Returns:
        ``{"start", "end", "person_id", "unnamed"}`` with character offsets.

    """
    span = doc[start:end]
    head = span.root
    unnamed = False
    if head.pos_ in ("NOUN", "NUM", "ADJ", "DET") or (head.pos_ != "PROPN" and head.lower_ not in PRONOUNS):
        first = span[0].lower_
        definite = first in ("the", "this", "that") or any(t.dep_ == "poss" for t in head.lefts)
        plural = head.tag_ in ("NNS", "NNPS")
        unnamed = head.lemma_.lower() in group_nouns or plural or not definite
        if definite and not plural and head.lemma_.lower() not in group_nouns:
            unnamed = False
    return {
        "start": span.start_char,
        "end": span.end_char,
        "person_id": None,
        "unnamed": unnamed,
    }
