"""Nominal cues with a topic: "her criticism of the levy", "his remarks about the strike".

A speech noun whose preposition names what was said about ("criticism of", "calls for",
"comments on") reports that topic, as the verb does ("criticised the levy", "called for a ban").
Only when the noun names its speaker: a possessor ("her", "the mayor's") or the subject of a verb
that makes the noun ("Roe made remarks about", "issued a statement on", "heaped praise on"). With
no such speaker ("amid criticism of the plan") nobody is quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotemine.pipeline.quotes.candidates import QuoteCandidate
from quotemine.pipeline.quotes.phrases import trim
from quotemine.pipeline.quotes.subjects import subject_of

if TYPE_CHECKING:
    from quotemine.pipeline.quotes.context import DocState

__all__ = ["topic_candidate"]

#: Verbs whose subject makes the speech noun they take as object ("made remarks about").
_MAKING_VERBS = frozenset(
    {
        "deliver",
        "give",
        "heap",
        "issue",
        "level",
        "make",
        "offer",
        "post",
        "release",
        "repeat",
        "voice",
    }
)
#: Possessors that are the writer or the reader: no one is quoted.
_OWN_POSSESSIVES = frozenset({"my", "our", "your"})
#: Most tokens between the noun and its preposition ("comments Tuesday on").
_MAX_GAP = 2


def _topic(st: DocState, noun: Token, preps: frozenset[str]) -> tuple[int, int] | None:
    """Return the token range of the object of the noun's topic preposition, if it has one."""
    for prep in st.rights(noun):
        if prep.dep_ != "prep" or prep.i - noun.i > _MAX_GAP + 1:
            continue
        if prep.lower_ not in preps:
            return None
        obj = next((c for c in st.kids(prep) if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        return trim(st.doc, obj.left_edge.i, obj.right_edge.i + 1)
    return None


def _speaker(st: DocState, noun: Token) -> Token | None:
    """Return the head of the noun's speaker: its possessor, or the subject of a verb making it."""
    poss = next((c for c in st.kids(noun) if c.dep_ == "poss"), None)
    if poss is not None:
        return None if poss.lower_ in _OWN_POSSESSIVES else poss
    host = noun.head
    if noun.dep_ != "dobj" or host.pos_ not in ("VERB", "AUX") or host.lemma_.lower() not in _MAKING_VERBS:
        return None
    return subject_of(host, None, st.lex.document_nouns, st.lex.group_nouns)


def topic_candidate(st: DocState, noun: Token) -> QuoteCandidate | None:
    """Read a speech noun's topic ("his calls for a ban") as what its speaker said.

    Args:
        st: The document state.
        noun: A noun whose lemma is in the lexicon's ``topic_nouns``.

    Returns:
        The candidate, or ``None`` when the noun has no topic or names no speaker.

    """
    preps = st.lex.topic_nouns.get(noun.lemma_.lower())
    if not preps:
        return None
    span = _topic(st, noun, preps)
    if span is None or span[1] - span[0] < 1 or st.any_used(*span):
        return None
    head = _speaker(st, noun)
    if head is None or head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return st.kinded(span[0], span[1], noun, st.speakers.mention(head), "topic noun")
