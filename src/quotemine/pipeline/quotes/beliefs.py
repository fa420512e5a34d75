"""Beliefs, intentions and knowledge: which quotes report one, and the adjective cues that carry one.

A news report attributes more than speech: "officials believe that the dam will hold", "the mayor
wants to close the depot", "her fear that the clinic will shut". ``quotemine_quotes`` reads them with
the same content and speaker rules as speech cues; this module marks their quotes ``cue_type``
"belief" (the cue's lemma is one of ``CueLexicon.belief_cues``) and reads the one form no verb rule
reaches: a belief adjective after a copula, "the council is confident that the loan will be repaid".
"""

from __future__ import annotations

from spacy.tokens import Token

from quotemine.pipeline.quotes.candidates import QuoteCandidate
from quotemine.pipeline.quotes.context import DocState

__all__ = ["adjective_candidate", "mark_beliefs", "speech_first"]

#: Subjects that hold no belief: "it is certain that", "there is hope that", "this means that".
_NO_HOLDER = frozenset({"it", "there", "this", "that", "what"})

#: Verbs that link a subject to a belief adjective ("is confident", "felt sure", "remains convinced").
_COPULAS = frozenset({"be", "feel", "remain", "seem", "appear", "become", "grow", "stay"})


def _cue_tokens(st: DocState, cand: QuoteCandidate) -> list[Token]:
    """Return the tokens of ``cand``'s cue (one, or a phrase such as "in her view")."""
    assert cand.cue_i is not None
    i = cand.cue_i
    end = cand.cue[1] if cand.cue is not None else 0
    toks = [st.toks[i]]
    while i + 1 < len(st.toks) and st.toks[i + 1].idx < end:
        i += 1
        toks.append(st.toks[i])
    return toks


def _holder(st: DocState, cand: QuoteCandidate) -> bool:
    """Tell whether ``cand`` has someone who holds its belief: a speaker mention that can be an agent."""
    spk = cand.speaker
    if spk is None:
        return False
    words = st.text[int(spk["start"]) : int(spk["end"])].lower().split()
    # "it is certain that", "nobody believes", "no one expects": no holder
    return (
        bool(words)
        and " ".join(words) not in _NO_HOLDER
        and words[0] not in st.lex.negative_subjects
        and words[0] != "no"
    )


def mark_beliefs(st: DocState, candidates: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """Set ``cue_type`` "belief" on the reported (not quoted) candidates whose cue is a belief word.

    A quotation in marks was said, whatever its cue; so only indirect and mixed quotes are marked.
    A belief with no one who holds it ("it is certain that", a cue with no subject) is dropped: it
    is the writer's.

    Returns:
        The candidates kept, in the same order.

    """
    beliefs = st.lex.belief_cues
    dropped: set[int] = set()
    for cand in candidates:
        if cand.kind == "direct" or cand.cue_i is None:
            continue
        if any(t.lemma_.lower() in beliefs or t.lower_ in beliefs for t in _cue_tokens(st, cand)):
            cand.cue_type = "belief"
            if not _holder(st, cand):
                dropped.add(id(cand))
    return [c for c in candidates if id(c) not in dropped] if dropped else candidates


def speech_first(candidates: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """Drop the beliefs that hold a statement: a statement is never lost to a belief around it.

    "She wants voters to recall what she said in May" may hold a quote of its own; the nesting
    rule (``candidates.drop_nested``) keeps the longer candidate, so a belief around a statement
    goes first. Beliefs are few: each is compared with every candidate.

    Returns:
        The candidates kept, in the same order.

    """
    beliefs = [c for c in candidates if c.cue_type == "belief"]
    if not beliefs:
        return candidates
    dropped = {
        id(b)
        for b in beliefs
        if any(c.cue_type == "speech" and b.start <= c.start and c.end <= b.end for c in candidates)
    }
    return [c for c in candidates if id(c) not in dropped] if dropped else candidates


def adjective_candidate(st: DocState, adj: Token) -> QuoteCandidate | None:
    """Read "the council is confident that the loan will be repaid": the subject's belief.

    The adjective must be the complement of a copula and have a content clause of its own (or the
    parse may hang the clause on the copula, right after the adjective); the speaker is the
    copula's subject, found as for a speech verb.
    """
    if adj.dep_ != "acomp" or adj.lemma_.lower() not in st.lex.belief_adjectives:
        return None
    cop = adj.head
    if cop.lemma_.lower() not in _COPULAS or cop.i > adj.i:
        return None
    clause = next((c for c in st.kids(adj) if c.dep_ == "ccomp" and c.i > adj.i), None)
    if clause is None:
        clause = next((c for c in st.kids(cop) if c.dep_ == "ccomp" and c.i > adj.i), None)
    if clause is None:
        return None
    a, b = clause.left_edge.i, clause.right_edge.i + 1
    if b - a < 2 or st.any_used(a, b):
        return None
    return st.content_candidate((a, b), cop, "belief adjective")
