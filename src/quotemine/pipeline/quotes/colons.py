"""Statements after a colon that no cue verb's parse reaches, and what a court heard.

Three shapes put what someone said after a colon without a content clause the parse hangs on a
cue: "She put it bluntly: the plan has failed" (a manner of speaking), "His advice: sell early"
(a possessed speech noun opening the sentence) and "The board told banks: stop the fees" (an
imperative after "told X:"). Court reports add "The jury heard that ...": a body that hears
evidence names no speaker, so the content is kept with none.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.tokens import Token

from quotemine.lexicons.words import FINITE_TAGS
from quotemine.pipeline.quotes.candidates import QuoteCandidate, consume, overlaps
from quotemine.pipeline.quotes.context import WRITER_POSSESSIVES, DocState
from quotemine.pipeline.quotes.phrases import trim
from quotemine.pipeline.quotes.stance import says_nothing

__all__ = ["colon_cue_pass"]

#: Most tokens between a manner verb ("put") and the colon: "put it this way", "put it more bluntly".
_MAX_MANNER_TAIL = 5
#: Dependencies of the clause after "told X:" that the parse gives it.
_AFTER_COLON_DEPS = frozenset({"xcomp", "ccomp", "parataxis", "dep", "advcl", "conj"})
#: Marks a heard clause may open with ("heard that ...", "heard how ...").
_HEARD_MARKS = frozenset({"that", "how"})
#: Fewest words a statement after a colon must have.
_MIN_WORDS = 2
#: Fewest words of the statement after a possessed speech noun ("Her verdict: a missed chance").
_MIN_NOUN_WORDS = 3


def colon_cue_pass(st: DocState) -> None:
    """Keep the statements after colons and the clauses a court heard that no other pass read."""
    lower = st.attrs[:, 2]
    colons = numpy.flatnonzero(lower == st.doc.vocab.strings.add(":")).tolist()
    hears = numpy.flatnonzero(st.attrs[:, 1] == st.doc.vocab.strings.add("hear")).tolist()
    if not colons and not hears:
        return
    found: list[QuoteCandidate | None] = []
    for c in colons:
        if st.qid[c] < 0 and 0 < c < len(st.toks) - 2 and "\n" not in st.toks[c + 1].text:
            found.append(_manner(st, c) or _possessed_noun(st, c) or _told_clause(st, c))
    found.extend(_heard(st, st.toks[h]) for h in hears)
    for cand in found:
        if cand is not None and not overlaps(st.candidates, cand):
            bisect.insort(st.candidates, cand, key=lambda x: x.start)
            consume(st.marked, st.used, cand)


def _line_end(st: DocState, c: int) -> int:
    """Return the end of the sentence of the colon ``c``, cut at a line break."""
    end = st.toks[c].sent.end
    for i in range(c + 1, end):
        if "\n" in st.toks[i].text:
            return i
    return end


def _statement(st: DocState, c: int) -> tuple[int, int] | None:
    """Return the trimmed words after the colon ``c`` to its sentence end; none when quoted or short."""
    a, b = trim(st.doc, c + 1, _line_end(st, c))
    if sum(1 for i in range(a, b) if st.words_list[i]) < _MIN_WORDS:
        return None
    if any(st.qid[i] >= 0 for i in range(a, b)):
        return None  # quoted words after the colon: the direct pass reads those
    return a, b


def _manner(st: DocState, c: int) -> QuoteCandidate | None:
    """Read "She put it bluntly: ...": a manner verb with the object "it" that ends at the colon."""
    for i in range(c - 1, max(-1, c - _MAX_MANNER_TAIL - 2), -1):
        verb = st.toks[i]
        if verb.lemma_.lower() not in st.lex.manner_verbs or verb.pos_ != "VERB":
            continue
        if verb.right_edge.i + 1 != c or not any(
            k.dep_ == "dobj" and k.lower_ == "it" for k in st.kids(verb)
        ):
            return None
        span = _statement(st, c)
        if span is None or says_nothing(verb, st.lex):
            return None
        return st.content_candidate(span, verb, "colon clause")
    return None


def _possessed_noun(st: DocState, c: int) -> QuoteCandidate | None:
    """Read "Her verdict: a missed chance": a possessed speech noun that opens its sentence.

    The possessor speaks the rest of the sentence. Only nouns of ``colon_nouns`` ("His car: a
    Ford" states nothing anyone said), and not the writer's own ("My advice: ..."); after a noun
    of ``colon_reply_nouns`` only a finite clause ("His answer: we will appeal").
    """
    noun = st.toks[c - 1]
    lemma = noun.lemma_.lower()
    reply = lemma in st.lex.colon_reply_nouns
    if noun.pos_ != "NOUN" or not (reply or lemma in st.lex.colon_nouns):
        return None
    poss = next((k for k in st.kids(noun) if k.dep_ == "poss"), None)
    if poss is None or poss.lower_ in WRITER_POSSESSIVES:
        return None
    first = noun.left_edge
    if not first.is_sent_start or poss.left_edge.i != first.i:
        return None  # "She gave her verdict: ...": the host clause's cue reads it, if any
    span = _statement(st, c)
    if span is None or sum(1 for i in range(*span) if st.words_list[i]) < _MIN_NOUN_WORDS:
        return None  # "His verdict: a flop": too short to be a statement
    if reply and not any(t.tag_ in FINITE_TAGS for t in st.toks[span[0] : span[1]]):
        return None  # "Their response: more buses on the route" names a deed
    spk = st.speakers.noun_speaker(noun)
    return None if spk is None else st.kinded(*span, noun, spk, "cue noun")


def _told_clause(st: DocState, c: int) -> QuoteCandidate | None:
    """Read "The board told banks: stop the fees": the clause a speech verb's colon opens."""
    verb = st.toks[c].head
    if verb.i >= c or verb.pos_ != "VERB" or verb.lemma_.lower() not in st.lex.speech_verbs:
        return None
    clause: Token | None = next(
        (k for k in st.kids(verb) if k.i > c and k.left_edge.i == c + 1 and k.dep_ in _AFTER_COLON_DEPS), None
    )
    if clause is None or says_nothing(verb, st.lex):
        return None
    a, b = trim(st.doc, c + 1, clause.right_edge.i + 1)
    if sum(1 for i in range(a, b) if st.words_list[i]) < _MIN_WORDS or any(
        st.qid[i] >= 0 for i in range(a, b)
    ):
        return None
    if any("\n" in t.text for t in st.toks[a:b]):
        return None
    return st.content_candidate((a, b), verb, "colon clause")


def _heard(st: DocState, verb: Token) -> QuoteCandidate | None:
    """Read "The court heard that ...": evidence a hearing body heard, from no named speaker."""
    if verb.pos_ != "VERB" or st.qid[verb.i] >= 0:
        return None
    kids = st.kids(verb)
    subj = next((k for k in kids if k.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in st.lex.hearing_bodies:
        return None
    clause = next((k for k in kids if k.dep_ == "ccomp" and k.i > verb.i), None)
    if clause is None or clause.left_edge.i != verb.i + 1:
        return None
    lead = [k for k in st.kids(clause) if k.left_edge.i == clause.left_edge.i]
    if lead and lead[0].dep_ in ("mark", "advmod"):
        if lead[0].lower_ not in _HEARD_MARKS:
            return None  # "heard whether ...", "heard when ...": no statement
    elif not any(k.dep_ in ("nsubj", "nsubjpass") for k in lead):
        return None  # no "that" and no subject first: "heard evidence ...", a misread object
    a, b = trim(st.doc, clause.left_edge.i, clause.right_edge.i + 1)
    if b - a < 3 or st.any_used(a, b):
        return None
    return st.content_candidate((a, b), verb, "heard clause", sourced=False)
