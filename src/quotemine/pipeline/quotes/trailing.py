"""A trailing attribution the parse missed ("..., campaign records show.", "..., two pilots said.").

A sentence that ends with a comma, a short noun phrase (a description and a name set off by commas
may both stand there) and a cue verb, perhaps with a short addressee, time or medium after it,
attributes the clause before the comma to that noun phrase. The parser often gets these wrong (it
takes "show" for a noun, or hangs the clause elsewhere), so this pass reads the words, not the
tree, and keeps what the content pass did not already find.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.tokens import Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.words import PERSON_SPEECH_VERBS
from quotemine.pipeline.quotes.candidates import QuoteCandidate, consume, overlaps
from quotemine.pipeline.quotes.context import DocState
from quotemine.pipeline.quotes.phrases import MARK_TOKENS, SENT_END

__all__ = ["trailing_pass"]

#: Parts of speech a short speaker phrase is made of ("the state's election records").
_NP_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "DET", "NUM", "PART"})
_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: Longest speaker phrase, in tokens.
_MAX_NP = 7
#: Fewest words of the clause before the comma.
_MIN_WORDS = 4
#: Most tokens of a quoted phrase at the end of a clause before a trailing cue, its comma included.
_MAX_PHRASE = 8
#: Most tokens between a trailing cue and the sentence end ("told The Harbour Times on Monday").
_MAX_TAIL = 8
#: Parts of speech of that tail: an addressee, a time, a medium.
_TAIL_POS = frozenset({"DET", "PROPN", "NOUN", "ADP", "ADJ", "NUM", "PRON", "ADV", "PART"})


def _in_phrase(tok: Token, cue: int) -> bool:
    """Tell whether ``tok`` can be part of a speaker phrase (a participle only as a modifier)."""
    if tok.pos_ in _NP_POS:
        return True
    return (
        tok.tag_ in ("VBG", "VBN")
        and tok.i + 1 < cue
        and doc_tokens(tok.doc)[tok.i + 1].pos_ in ("NOUN", "PROPN")
    )


def _speaker_head(st: DocState, cue: int) -> tuple[Token, int] | None:
    """Return the head of the noun phrase between a comma and the cue ``doc[cue]``, and the comma."""
    toks = st.toks
    k = cue - 1
    head: Token | None = None
    while k >= 0 and cue - k <= _MAX_NP and _in_phrase(toks[k], cue) and st.qid[k] < 0:
        if head is None and toks[k].pos_ in _HEAD_POS:
            head = toks[k]
        k -= 1
    if k < 0 or toks[k].text != "," or head is None:
        return None
    return head, k


def _clause_start(st: DocState, comma: int) -> int:
    """Return the first token of the clause that ends at ``comma`` (after a sentence end or a break)."""
    toks = st.toks
    k = comma - 1
    while (
        k >= 0
        and toks[k].text not in SENT_END
        and "\n" not in toks[k].text
        and toks[k].text not in MARK_TOKENS
    ):
        k -= 1
    return k + 1


def _cue_before_tail(st: DocState, end: int, people: list[int]) -> Token | None:
    """Return the cue of a sentence that ends at ``doc[end]``: right before it, or before a short tail.

    "..., the mayor said.", "..., the mayor told reporters.", "..., Roe told the Gazette on
    Monday.", "..., the club said in a post.": an addressee, a time or a medium may follow.
    ``people`` lists the tokens whose lemma is a verb only people use: without one in reach, only
    the token before the end is read.
    """
    toks = st.toks
    lo = max(1, end - 1 - _MAX_TAIL)
    k = bisect.bisect_left(people, lo)
    if k == len(people) or people[k] >= end - 1:
        lo = end - 2
    for cue_i in range(end - 1, lo, -1):
        tok = toks[cue_i]
        if st.qid[cue_i] >= 0 or "\n" in tok.text:
            return None
        lemma = tok.lemma_.lower()
        if cue_i == end - 1 and (lemma in st.lex.speech_verbs or lemma in st.lex.evidence_verbs):
            return tok  # "..., records show."
        if tok.pos_ == "VERB" and lemma in PERSON_SPEECH_VERBS:
            return tok  # "..., she told reporters." ("..., he found himself on the street" is no cue)
        if tok.pos_ not in _TAIL_POS:
            return None
    return None


def _apposed_speaker(st: DocState, cue_i: int) -> tuple[Token, int] | None:
    """Return the speaker head and the clause's last comma when a name and a description both stand there.

    "..., the club's finance chief, Ola Brandt, told" and "..., Ola Brandt, the finance chief,
    said": two short noun phrases set off by commas, one of them a name, which is the speaker.
    """
    toks = st.toks
    if toks[cue_i - 1].text != ",":
        return None
    inner = _speaker_head(st, cue_i - 1)
    if inner is None:
        return None
    outer = _speaker_head(st, inner[1])
    if outer is None or (inner[0].pos_ == "PROPN") == (outer[0].pos_ == "PROPN"):
        return None
    name = inner[0] if inner[0].pos_ == "PROPN" else outer[0]
    return name, outer[1]


def _phrase_clause(st: DocState, cue_i: int) -> tuple[Token, int, int] | None:
    """Read a clause that ends with a quoted phrase and its comma before a trailing cue.

    'Critics panned the scheme, calling it "a fiasco," she said.': the speaker phrase stands after
    the closing mark of a short quoted phrase whose last token is the comma. The phrase must sit
    inside the clause (words of the clause before its opening mark). Returns the speaker head,
    the first token of the clause and the comma.
    """
    toks, qid = st.toks, st.qid
    k = cue_i - 1
    head: Token | None = None
    while k >= 0 and cue_i - k <= _MAX_NP and _in_phrase(toks[k], cue_i) and qid[k] < 0:
        if head is None and toks[k].pos_ in _HEAD_POS:
            head = toks[k]
        k -= 1
    if head is None or k < 2 or toks[k].text not in MARK_TOKENS or toks[k - 1].text != ",":
        return None
    comma, q = k - 1, qid[k - 1]
    if q < 0:
        return None
    qa, qb = st.tok_ranges[q]
    if qb != comma + 1 or comma - qa > _MAX_PHRASE or qa < 2 or toks[qa - 1].text not in MARK_TOKENS:
        return None
    a = _clause_start(st, qa - 1)
    return (head, a, comma) if a < qa - 1 else None


def _candidate(st: DocState, end: int, people: list[int]) -> QuoteCandidate | None:
    """Read the trailing attribution whose sentence ends at the token ``doc[end]``."""
    toks = st.toks
    cue = _cue_before_tail(st, end, people)
    if cue is None or cue.i < 2:
        return None
    cue_i = cue.i
    phrased = _phrase_clause(st, cue_i)
    if phrased is not None:
        return _mixed(st, cue, *phrased)
    found = _speaker_head(st, cue_i) or _apposed_speaker(st, cue_i)
    if found is None:
        return None
    head, comma = found
    a = _clause_start(st, comma)
    words = [t for t in toks[a:comma] if t.is_alpha]
    if len(words) < _MIN_WORDS or any(st.qid[i] >= 0 for i in range(a, comma)):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in toks[a:comma]):
        return None
    return st.kinded(a, comma, cue, st.speakers.mention(head), "trailing cue")


def _mixed(st: DocState, cue: Token, head: Token, a: int, comma: int) -> QuoteCandidate | None:
    """Build the mixed candidate of a clause with a quoted phrase at its end, its comma and mark kept."""
    toks = st.toks
    words = [t for t in toks[a:comma] if t.is_alpha and st.qid[t.i] < 0]
    if len(words) < _MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in toks[a:comma]):
        return None
    return st.kinded(a, comma + 2, cue, st.speakers.mention(head), "trailing phrase")  # ..., "a fiasco,"


def _replace_inside(st: DocState, cand: QuoteCandidate) -> bool:
    """Drop the candidates inside ``cand``'s clause that a quoted phrase's own cue gave; tell if it fits.

    'He turned the offer down as "insulting," the steward said.': the clause read on its own made
    the quoted phrase a statement of "He"; the trailing cue reports the whole clause.
    """
    inside = [c for c in st.candidates if cand.start <= c.start and c.end <= cand.end + 2]
    if any(c.kind == "direct" for c in inside):
        return False
    others = [c for c in st.candidates if c not in inside]
    if overlaps(others, cand):
        return False
    st.candidates[:] = others
    return True


def trailing_pass(st: DocState) -> None:
    """Keep each trailing attribution ("..., records show.") whose clause no candidate holds yet."""
    lower = st.attrs[:, 2]
    strings = st.doc.vocab.strings
    is_end = numpy.zeros(len(lower), dtype=bool)
    for mark in SENT_END:  # four comparisons cost less than one ``numpy.isin``
        is_end |= lower == strings.add(mark)
    ends = numpy.flatnonzero(is_end)
    st.candidates.sort(key=lambda c: c.start)
    lemmas = st.attrs[:, 1]
    person = numpy.zeros(len(lemmas), dtype=bool)
    for word in PERSON_SPEECH_VERBS:  # a dozen array comparisons cost less than a loop over the tokens
        person |= lemmas == strings.add(word)
    people: list[int] = numpy.flatnonzero(person).tolist()  # verbs only people use
    for end in ends.tolist():
        cand = _candidate(st, int(end), people)
        if cand is not None and cand.rule == "trailing phrase" and _replace_inside(st, cand):
            consume(st.marked, st.used, cand)
            st.candidates.append(cand)
            st.candidates.sort(key=lambda c: c.start)
        elif cand is not None and not overlaps(st.candidates, cand):
            st.candidates.append(cand)
            st.candidates.sort(key=lambda c: c.start)
