"""Find the cue of a quoted stretch: in the text right after the closing mark or before the opening one.

``'"...," he said.'``, ``'"...," said the minister.'`` (also when the quote opens a sentence),
``'He said: "..."'``, ``'Shermatova, commenting ..., said, "..."'`` and the verbless
``'Jeremy Lott, author: "..."'``. A quote that sits inside a clause is not direct speech, and a
quoted title ("Face the Week") is not a quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.words import PERSON_PRONOUNS
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
#: Fewest words of a quotation a person's clause before a colon may introduce ('Roe was blunt: "..."').
_MIN_CLAUSE_QUOTE_WORDS = 3
#: How many heads up from the colon the clause's verb may be.
_MAX_CLIMB = 6
#: Plural pronouns that stand for people ("they", "we"); "it" stands for a thing as often.
_GROUP_PRONOUNS = frozenset({"they", "we"})

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
        j, before = token_before(st.doc, a)
        toks = st.toks
        lower_start = toks[a].text[:1].islower()
        return cls(
            a=a,
            b=b,
            j=j,
            before=before,
            words=b - a - int(st.attrs[a:b, 3].sum()),  # all but punctuation
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
    toks, qid = st.toks, st.qid
    last = toks[q.b - 1]
    end_char = last.idx + len(last.text)
    tail = st.text[end_char : end_char + 3]
    if last.text not in _END_PUNCT and tail[:2].strip(" \"”’'")[:1] not in _DASHES_AND_COMMA:
        return None
    i = q.b
    while i < len(toks) and i - q.b < _MAX_AFTER and qid[i] < 0 and "\n" not in toks[i].text:
        tok = toks[i]
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
    toks = doc_tokens(tok.doc)
    nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
    return nxt is not None and nxt.head.i == tok.i and (lemma, nxt.lower_) in _PARTICLE_CUES


def _lead_in(st: DocState, q: _Quoted) -> Token | None:
    """Return the token a cue before the quote is looked for from.

    A quote that opens a paragraph after a paragraph ending 'X says:' looks back from that colon.
    """
    if q.before is not None or q.j < 0:
        return q.before
    toks = st.toks
    k = q.j
    while k >= 0 and toks[k].is_space:
        k -= 1
    return toks[k] if k >= 0 and toks[k].text == ":" and q.words >= 4 else None


def _cue_before(st: DocState, q: _Quoted, before: Token) -> DirectCue | None:
    """Find a cue before the opening mark: 'He said: "...' / 'X, commenting ..., said, "...'."""
    toks, qid = st.toks, st.qid
    k = before.i
    limit = max(0, k - _MAX_BEFORE)
    while k >= limit and qid[k] < 0 and ("\n" not in toks[k].text or k == before.i):
        tok = toks[k]
        if st.is_cue_word(tok) or (k + 2 >= before.i and _particle_cue(tok)):  # 'Roe shot back: "..."'
            return tok, st.speakers.speaker_of(tok, (q.a, q.b))
        if tok.text in _CLAUSE_END and k < before.i:
            return None
        if k + 3 >= before.i and _own_clause(tok):
            return None  # "..., to which Roe shrugged: '...'": the cue further back is not this quote's
        k -= 1
    return None


def _own_clause(tok: Token) -> bool:
    """Tell whether ``tok`` is a verb that is not a cue with a subject of its own (no relative clause)."""
    if tok.pos_ != "VERB" or tok.dep_ in ("relcl", "acl"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in tok.lefts)


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
    if before is None or q.sentence_start or q.words < 2 or is_title(st.toks[q.a : q.b]):
        return None
    found = _cue_before(st, q, before)
    if found is None and before.text == ":":
        spk = st.speakers.colon_speaker(before)
        if spk is None and q.words >= _MIN_CLAUSE_QUOTE_WORDS:
            spk = _clause_speaker(st, before)
        return None if spk is None else (None, spk)
    return found


def _person_like(st: DocState, tok: Token) -> bool:
    """Tell whether ``tok`` names or stands for a person or a group of people."""
    if tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_PRONOUNS or tok.lower_ in _GROUP_PRONOUNS:
        return True
    if tok.pos_ == "PROPN":  # a name the tagger left untyped, or an organisation that speaks
        return tok.ent_type_ in ("", "ORG")
    lemma, lex = tok.lemma_.lower(), st.lex
    if tok.pos_ != "NOUN" or lemma in lex.document_nouns or lemma in lex.evidence_nouns:
        return False  # "reports said" has a source, but a report's own words are not its clause's
    return lemma in lex.group_nouns or lemma in lex.titles


def _clause_speaker(st: DocState, colon: Token) -> SpeakerRecord | None:
    """Read 'Roe was blunt: "..."', 'Her answer was short: "..."': a person's clause opens the quote.

    The clause that ends at the colon has no cue word, but its subject (or the owner of its
    subject: "her answer", "Roe's verdict") is a person, who speaks the quotation it introduces.
    """
    toks = st.toks
    verb = toks[colon.i - 1] if colon.i > 0 else None
    for _ in range(_MAX_CLIMB):
        if verb is None or verb.i >= colon.i or toks[verb.i].text in SENT_END:
            return None
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in verb.lefts):
            break
        verb = None if verb.head.i == verb.i else verb.head
    else:
        return None
    assert verb is not None
    subj = next(c for c in verb.lefts if c.dep_ == "nsubj")
    owner = next((c for c in subj.children if c.dep_ == "poss"), None) if subj.pos_ == "NOUN" else None
    if owner is not None and _person_like(st, owner):
        subj = owner
    if not _person_like(st, subj):
        return None
    between = toks[subj.i : colon.i]
    if any("\n" in t.text or t.text in SENT_END or st.qid[t.i] >= 0 for t in between):
        return None
    return st.speakers.mention(subj)
