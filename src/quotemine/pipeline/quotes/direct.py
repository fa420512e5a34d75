"""Find the cue of a quoted stretch: in the text right after the closing mark or before the opening one.

``'"...," he said.'``, ``'"...," said the minister.'`` (also when the quote opens a sentence),
``'He said: "..."'``, ``'Shermatova, commenting ..., said, "..."'`` and the verbless
``'Jeremy Lott, author: "..."'``. A quote that sits inside a clause is not direct speech, and a
quoted title ("Face the Week") is not a quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from quotemine.pipeline.quotes.context import DocState
from quotemine.pipeline.quotes.phrases import SENT_END, is_title, token_before
from quotemine.pipeline.records import SpeakerRecord

__all__ = ["DirectCue", "direct_cue"]

_OPEN_CONTEXT = frozenset({":", ",", "—", "–", "-", "(", ";"})
_END_PUNCT = frozenset({",", ".", "!", "?", "…", "—", "–", "-", ".,"})
_DASHES_AND_COMMA = (",", "-", "—", "–")
_CLAUSE_END = (".", "!", "?", ";")
#: How many tokens after the closing mark a cue may come ('," the minister for ... said').
_MAX_AFTER = 16
#: Verbs with a particle that say, right after a quote, who spoke ('," she shot back.', '," he went on.').
_PARTICLE_CUES = frozenset(
    {("shoot", "back"), ("fire", "back"), ("hit", "back"), ("push", "back"), ("write", "back"), ("go", "on")}
)
#: How many tokens before the opening mark a cue may come.
_MAX_BEFORE = 40

DirectCue = tuple[Token | None, SpeakerRecord | None]
"""The cue verb (``None`` for a verbless "NAME, description:") and the speaker mention."""


@dataclass(frozen=True)
class _Quoted:
    """A quoted stretch ``doc[a:b]`` and what stands before it."""

    a: int
    b: int
    j: int  # index of the token before the opening mark (may be a line break)
    before: Token | None  # that token, or None at a paragraph start
    words: int
    lower_start: bool
    sentence_start: bool  # it opens a sentence ('... doing. "It's fine," he said.')

    @classmethod
    def of(cls, st: DocState, a: int, b: int) -> _Quoted:
        doc = st.doc
        j, before = token_before(doc, a)
        lower_start = doc[a].text[:1].islower()
        return cls(
            a=a,
            b=b,
            j=j,
            before=before,
            words=sum(1 for i in range(a, b) if not doc[i].is_punct),
            lower_start=lower_start,
            sentence_start=before is not None and before.text in SENT_END and not lower_start,
        )


def _inside_clause(st: DocState, q: _Quoted) -> bool:
    """Tell whether the quote sits inside a clause, or is a short or lower-case object of a cue."""
    before = q.before
    if before is None:
        return False
    if not q.sentence_start and before.text not in _OPEN_CONTEXT and not st.is_cue_word(before):
        return True
    return st.is_cue_word(before) and (q.lower_start or q.words < 4)


def _cue_after(st: DocState, q: _Quoted) -> DirectCue | None:
    """Find a cue after the closing mark: '," he said.' / '," said the minister.'."""
    doc, qid = st.doc, st.qid
    last = doc[q.b - 1]
    end_char = last.idx + len(last.text)
    tail = st.text[end_char : end_char + 3]
    if last.text not in _END_PUNCT and tail[:2].strip(" \"”’'")[:1] not in _DASHES_AND_COMMA:
        return None
    i = q.b
    while i < len(doc) and i - q.b < _MAX_AFTER and qid[i] < 0 and "\n" not in doc[i].text:
        tok = doc[i]
        if st.is_cue_word(tok) or (last.text != "." and _particle_cue(tok)):
            return tok, st.speakers.speaker_of(tok, (q.a, q.b))
        if tok.text in _CLAUSE_END or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux"):
            return None
        i += 1
    return None


def _particle_cue(tok: Token) -> bool:
    """Tell whether ``tok`` is a verb with a particle that reports a reply after a quote ("shot back").

    Only after a quote that does not close its sentence: '"... candidate." Roe fired back in March'
    starts a new statement.
    """
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "advcl" and c.tag_ == "VB") for c in tok.children):
        return False  # "went on to win", "pushed back the date"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.head.i == tok.i and (lemma, nxt.lower_) in _PARTICLE_CUES


def _lead_in(st: DocState, q: _Quoted) -> Token | None:
    """Return the token a cue before the quote is looked for from.

    A quote that opens a paragraph after a paragraph ending 'X says:' looks back from that colon.
    """
    if q.before is not None or q.j < 0:
        return q.before
    doc = st.doc
    k = q.j
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k] if k >= 0 and doc[k].text == ":" and q.words >= 4 else None


def _cue_before(st: DocState, q: _Quoted, before: Token) -> DirectCue | None:
    """Find a cue before the opening mark: 'He said: "...' / 'X, commenting ..., said, "...'."""
    doc, qid = st.doc, st.qid
    k = before.i
    limit = max(0, k - _MAX_BEFORE)
    while k >= limit and qid[k] < 0 and ("\n" not in doc[k].text or k == before.i):
        tok = doc[k]
        if st.is_cue_word(tok):
            return tok, st.speakers.speaker_of(tok, (q.a, q.b))
        if tok.text in _CLAUSE_END and k < before.i:
            return None
        k -= 1
    return None


def direct_cue(st: DocState, a: int, b: int) -> DirectCue | None:
    """Find the cue of the quoted tokens ``doc[a:b]`` right after or right before them.

    Args:
        st: The document state.
        a: First quoted token.
        b: Token after the last quoted one.

    Returns:
        The cue and speaker, or ``None`` when the stretch is no direct quote of a cue here.

    """
    q = _Quoted.of(st, a, b)
    if _inside_clause(st, q):
        return None
    found = _cue_after(st, q)
    if found is not None:
        return found
    before = _lead_in(st, q)
    if before is None or q.sentence_start or q.words < 2 or is_title(st.doc[q.a : q.b]):
        return None
    found = _cue_before(st, q, before)
    if found is None and before.text == ":":
        spk = st.speakers.colon_speaker(before)
        return None if spk is None else (None, spk)
    return found
