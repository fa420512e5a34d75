"""Content ranges of cues, read off the dependency parse: what a cue word says is said."""

from __future__ import annotations

from collections.abc import Sequence, Set

from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_tokens
from quotemine.pipeline.quotes.phrases import SENT_END, trim, trim_right

__all__ = [
    "copular_that_clause",
    "displaced_that_clause",
    "extend_to_quote",
    "fronted_condition",
    "governing_verb",
    "is_condition",
    "object_content",
    "parataxis_spans",
    "phrase_spans",
    "that_clause",
]

#: Subordinators of a fronted condition that belongs to what is said ("If it rains, she said the match ...");
#: time and concession clauses ("When ...", "Although ...") are as often the reporter's framing.
_CONDITION_MARKS = frozenset({"if", "unless"})
_PREDICATE_DEPS = frozenset({"oprd", "xcomp", "attr", "ccomp", "acomp"})
_PREDICATE_PREPS = frozenset({"as", "of", "for"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
#: Longest name in apposition to a speaker phrase's source, in tokens.
_MAX_NAME_TOKENS = 5


def object_content(verb: Token, obj: Token, money: Set[str] = frozenset()) -> tuple[int, int] | None:
    """Return the content of an object cue: the object with its predicate ("called him 'a stiff'").

    The first of two objects is the recipient ("promised Rakhmonov more than 50 million dollars"),
    a sum of money is a transaction, not a statement, and a bare pronoun ("denied it") says
    nothing of the content.

    Args:
        verb: The cue verb.
        obj: Its object.
        money: Lemmas of currency nouns ("dollar"): an object they head is a sum.

    Returns:
        The content's token range, or ``None``.

    """
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    if len(objs) > 1 and obj.i == objs[0].i:
        return None
    if obj.lemma_.lower() in money or any(t.ent_type_ == "MONEY" for t in obj.subtree):
        return None
    hi = obj.right_edge.i + 1
    for c in verb.children:
        if c.i > obj.i and (c.dep_ in _PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ in _PREDICATE_PREPS)):
            hi = max(hi, c.right_edge.i + 1)
    if obj.pos_ == "PRON" and obj.left_edge.i == obj.i and hi == obj.i + 1:
        return None  # "she denied it": the pronoun says nothing of what was denied
    return obj.left_edge.i, hi


def phrase_spans(first: Token, last: Token) -> tuple[tuple[int, int], Token] | None:
    """Return the clause range a speaker phrase ("according to X", "in the words of X") attributes.

    Args:
        first: The first word of the phrase ("according", "in").
        last: Its last word, the preposition whose object is the speaker ("to", "of").

    Returns:
        ``((start, end), speaker_head)`` or ``None``; the clause part on the longer side of the
        phrase is the content.

    """
    doc = first.doc
    pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in first.children if c.dep_ == "pobj"), None)
    if pobj is None or first.head.i == first.i:
        return None
    clause = first.head
    while clause.dep_ not in ("ROOT", "ccomp") and clause.head.i != clause.i:
        clause = clause.head
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    phrase_lo, phrase_hi = first.left_edge.i, max(first.right_edge.i, last.right_edge.i) + 1
    a, b = (
        (lo, phrase_lo) if phrase_lo - lo >= hi - phrase_hi else (_after_source_name(doc, phrase_hi, hi), hi)
    )
    a, b = trim(doc, a, b)
    return None if b - a < 2 else ((a, b), pobj)


def _after_source_name(doc: Doc, a: int, b: int) -> int:
    """Return where the content after a speaker phrase starts, past a name in apposition to the source.

    "According to the club's treasurer, Ida Marsh, the roof needs work": the name between commas
    belongs to the source. Kept when the name is the content's subject ("..., Marsh, the treasurer,
    resigned"), or when the rest has no subject of its own.
    """
    toks = doc_tokens(doc)
    if a >= b or toks[a].text != ",":
        return a
    j = a + 1
    while j < b and j - a <= _MAX_NAME_TOKENS and (toks[j].pos_ == "PROPN" or toks[j].ent_type_ == "PERSON"):
        j += 1
    if j == a + 1 or j >= b or toks[j].text != ",":
        return a
    if any(t.dep_ in _SUBJECT_DEPS for t in toks[a + 1 : j]):
        return a
    return j + 1 if any(t.dep_ in _SUBJECT_DEPS for t in toks[j + 1 : b]) else a


def _is_that_relative(clause: Token) -> bool:
    """Tell a "that" clause parsed as a relative clause ("the argument that taxes hurt growth")."""
    return (
        clause.dep_ == "relcl"
        and clause.left_edge.lower_ == "that"
        and any(m.dep_ in ("nsubj", "nsubjpass") and m.lower_ != "that" for m in clause.children)
    )


def that_clause(noun: Token) -> Token | None:
    """Return the head of the 'that' clause of a nominal cue ("the claim that ..."), or ``None``."""
    for c in noun.rights:
        if c.pos_ not in ("VERB", "AUX"):
            continue
        if c.dep_ in ("acl", "ccomp", "appos") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ):
            return c
        if _is_that_relative(c):
            return c
    return None


def copular_that_clause(noun: Token) -> Token | None:
    """Return the 'that' clause a nominal cue is equated with: "Her view is that the levy must go".

    The noun is the subject of "be" and the clause, opened by "that", is the verb's complement
    right after it ("His claim was that ...").
    """
    cop = noun.head
    if noun.dep_ != "nsubj" or cop.lemma_ != "be" or cop.i < noun.i:
        return None
    for c in cop.rights:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            first = c.left_edge
            return c if first.lower_ == "that" and first.dep_ == "mark" and first.i == cop.i + 1 else None
    return None


def displaced_that_clause(noun: Token) -> Token | None:
    """Return a 'that' clause the parse hung on the verb, after a short phrase that follows the noun.

    "his remark at the hearing that rents would rise": the clause is read as a content
    clause of the verb of the sentence ("came under fire ... that"); only a phrase with no verb
    and no punctuation may stand between the noun and "that".
    """
    toks = doc_tokens(noun.doc)
    start = noun.right_edge.i + 1
    for k in range(start, min(len(toks), start + _MAX_DISPLACED)):
        tok = toks[k]
        if tok.lower_ == "that":
            clause = tok.head
            if k == start or tok.dep_ != "mark" or clause.pos_ not in ("VERB", "AUX"):
                return None
            if clause.dep_ == "ccomp":  # "came under fire over her remark during the hearing that"
                return clause if clause.head.i < noun.i else None
            # "seized on her remark during the debate that ...": read as a relative clause of
            # "debate", or as its own complement clause
            inner = start <= clause.head.i < k
            if clause.dep_ == "relcl":
                return clause if inner and _is_that_relative(clause) else None
            subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            return clause if clause.dep_ == "acl" and inner and subject else None
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct or tok.is_space:
            return None
    return None


#: Most tokens between a cue noun and a 'that' clause the parse hung elsewhere.
_MAX_DISPLACED = 6


def parataxis_spans(verb: Token) -> list[tuple[int, int]]:
    """Return the parts of the host clause left and right of a parenthetical cue.

    "That, the commission said, would help" gives the ranges of "That" and "would help".

    Args:
        verb: A cue verb attached as ``parataxis``.

    Returns:
        Up to two ``(start, end)`` token ranges (untrimmed); empty when the cue has its own content.

    """
    toks = doc_tokens(verb.doc)
    host = verb.head
    if host.i == verb.i or any(c.dep_ == "ccomp" for c in verb.children):
        return []
    p0, p1 = verb.left_edge.i, verb.i + 1
    inside = range(verb.left_edge.i, verb.right_edge.i + 1)
    while p1 < len(toks) and p1 - verb.i < 6 and toks[p1].text != "," and toks[p1].dep_ not in ("cc", "conj"):
        if toks[p1].text in SENT_END or toks[p1].head.i not in inside:
            break
        p1 += 1
    if p1 < len(toks) and toks[p1].text == ",":
        p1 += 1
    return [(host.left_edge.i, p0), (p1, host.right_edge.i + 1)]


def governing_verb(span: Span) -> Token | None:
    """Return the verb before ``span`` that its head chain leads to ('calling him "a stiff"')."""
    gov = span.root
    for _ in range(8):
        if gov.i < span.start and gov.pos_ == "VERB":
            return gov
        if gov.head.i == gov.i:
            return None
        gov = gov.head
    return None


def extend_to_quote(
    doc: Doc, qid: Sequence[int], tok_ranges: Sequence[tuple[int, int]], content: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Stretch an object's content over a quoted predicate the parse hung elsewhere.

    'calling him, among other things, "a failed candidate."': a quotation that opens within a few
    tokens after the object, with no verb in between, completes it.

    Args:
        doc: The document.
        qid: For each token, the index of the quoted stretch holding it, or -1.
        tok_ranges: Token range of each quoted stretch.
        content: The object's token range, or ``None``.

    Returns:
        The (possibly longer) range, or ``None`` when ``content`` is ``None``.

    """
    if content is None:
        return None
    a, b = content
    toks = doc_tokens(doc)
    for i in range(b, min(b + 8, len(toks))):
        if qid[i] >= 0:
            return a, max(b, trim_right(doc, tok_ranges[qid[i]][1]))
        if toks[i].pos_ in ("VERB", "AUX") or toks[i].text in SENT_END or "\n" in toks[i].text:
            break
    return content


def is_condition(tok: Token) -> bool:
    """Tell whether ``tok`` opens a condition ("if", "unless", "even if")."""
    return tok.lower_ in _CONDITION_MARKS or (tok.lower_ == "even" and tok.nbor(1).lower_ in _CONDITION_MARKS)


def fronted_condition(verb: Token) -> tuple[int, int] | None:
    """Return the range of a condition fronted before a cue and its subject ("If ..., she said"), if any.

    "If the vote fails, she said she would resign": the condition is part of what she said, a
    second piece of the statement. Time and concession clauses ("When ...", "Although ...") stay
    out: they frame the telling as often as the content.

    Args:
        verb: A cue verb with a content clause.

    Returns:
        The ``(start, end)`` token range of the condition (its comma excluded), or ``None``.

    """
    subj = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    for child in verb.lefts:
        if child.dep_ != "advcl" or child.i > subj.i:
            continue
        leads = {c.lower_ for c in child.children if c.dep_ in ("mark", "advmod")}
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
        if not (leads & _CONDITION_MARKS) or not has_subject:
            continue
        a, b = trim(verb.doc, child.left_edge.i, child.right_edge.i + 1)
        if b - a >= 3 and doc_tokens(verb.doc)[child.right_edge.i + 1].text == ",":
            return a, b
    return None
