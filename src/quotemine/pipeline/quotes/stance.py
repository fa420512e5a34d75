"""Cues that say nothing: negated, refused or hypothetical speech, and small clauses that are no content.

A cue word is not always a statement. "The mayor does not deny that the budget was late" does not
report a denial; "declined to say whether" and "nobody said" report no words; "rolled her eyes, as if
to say ..." is the writer's reading of a gesture. And "shops find it harder to borrow" uses a cue verb
with a small clause ("it harder"), not a reported proposition. Each test reads the dependency parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.words import NOMINAL_SUBJECTS
from quotemine.pipeline.quotes.cues import CueLexicon

__all__ = ["is_small_clause", "says_nothing"]

#: Dependencies by which a cue verb hangs below another verb whose negation or refusal it shares.
_CHAIN_DEPS = frozenset({"xcomp", "conj"})
#: Conjunctions that share a negation between verbs ("did not confirm or deny").
_SHARED_NEGATION = frozenset({"or", "nor"})
#: Subordinators that, after "as", make a clause hypothetical ("as if", "as though").
_HYPOTHETICAL = frozenset({"if", "though"})
#: Subordinators that open a finite content clause.
_CONTENT_MARKS = frozenset({"that", "whether", "if"})
#: Parts of speech that can head a finite content clause.
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})


def _negated(verb: Token) -> bool:
    """Tell whether ``verb`` carries a negation ("does not deny", "never said")."""
    return any(c.dep_ == "neg" for c in verb.children)


def _has_no(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _denies_speech(verb: Token, lex: CueLexicon) -> bool:
    """Tell whether ``verb`` is negated, has a negative subject, is impersonal or opens an "as if" clause.

    "does not deny", "never said"; "nobody said", "no official said"; "it is learnt that"; "as if
    to say".
    """
    marks: set[str] = set()
    passive = it = False
    for c in verb.children:
        dep = c.dep_
        if dep == "neg":
            return True
        if dep in NOMINAL_SUBJECTS and (c.lower_ in lex.negative_subjects or _has_no(c)):
            return True
        if dep == "mark":
            marks.add(c.lower_)
        passive = passive or dep == "auxpass"
        it = it or (dep in ("nsubjpass", "expl") and c.lower_ == "it")
    if passive and it:
        return True  # "it is learnt that", "it may be recalled": the writer's sourcing names no one
    return ("as" in marks and bool(marks & _HYPOTHETICAL)) or _as_if_to(verb)


def _as_if_to(verb: Token) -> bool:
    """Tell whether ``verb`` follows "as if to" or "as though to", however the parse hung the words."""
    if verb.i < 3:
        return False
    toks = doc_tokens(verb.doc)
    return (
        toks[verb.i - 1].lower_ == "to"
        and toks[verb.i - 2].lower_ in _HYPOTHETICAL
        and toks[verb.i - 3].lower_ == "as"
    )


def _negative_subject(verb: Token, lex: CueLexicon) -> bool:
    """Tell whether the subject of ``verb`` denies that anyone spoke ("nobody said")."""
    return any(
        c.dep_ in NOMINAL_SUBJECTS and (c.lower_ in lex.negative_subjects or _has_no(c))
        for c in verb.children
    )


def _unsaid_form(verb: Token) -> bool:
    """Tell whether ``verb`` names a statement nobody made.

    "There is no denying", "without knowing": a cue with the determiner "no", or a gerund after
    "without".
    """
    if any(c.dep_ == "det" and c.lower_ == "no" for c in verb.children):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without"


def _writers_phrase(verb: Token) -> bool:
    """Tell whether ``verb`` is part of a fixed phrase of the writer's that reports no speech.

    "All told, the clubs spent $2 million" ("in all"); "It is worth mentioning that ...", "It bears
    repeating that ..." (the writer's own remark, with no one who said it).
    """
    if verb.lemma_.lower() == "tell" and verb.i > 0:
        subj = [c for c in verb.lefts if c.dep_ in NOMINAL_SUBJECTS]
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "ccomp")]
        if len(subj) == 1 and subj[0].lower_ == "all" and subj[0].i == verb.i - 1 and not objects:
            return True
    if verb.tag_ != "VBG" or verb.head.i == verb.i:
        return False
    head = verb.head
    return head.lower_ == "worth" or (
        head.lemma_.lower() == "bear"
        and any(c.dep_ in NOMINAL_SUBJECTS and c.lower_ == "it" for c in head.children)
    )


def says_nothing(verb: Token, lex: CueLexicon) -> bool:
    """Tell whether the cue ``verb`` reports no statement.

    True when the cue is negated ("does not deny that"), has a negative subject ("nobody said"),
    is an impersonal passive ("it is learnt that"), the infinitive of a refusal ("declined to say
    whether"), of a negated verb ("would not confirm") or of an expectation or plan ("is expected
    to announce", "plans to criticise"), is hypothetical ("as if to say"), or is part of a fixed
    phrase of the writer's ("all told", "it is worth mentioning that").

    Args:
        verb: A cue verb.
        lex: The cue lexicon (refusal verbs, negative subjects).

    Returns:
        Whether the content of ``verb`` should not be reported.

    """
    if _denies_speech(verb, lex) or _unsaid_form(verb) or _writers_phrase(verb):
        return True
    head = verb
    for _ in range(3):
        if head.dep_ not in _CHAIN_DEPS:
            return False
        if head.dep_ == "conj":  # "did not confirm or deny": the negation of the first conjunct
            first = head.head
            if not any(c.dep_ == "cc" and c.lower_ in _SHARED_NEGATION for c in first.children):
                return False
            head = first
            if _negated(head):
                return True
            continue
        head = head.head
        if head.lemma_.lower() in lex.prospective_verbs and verb.lemma_.lower() not in lex.cognition_verbs:
            return True  # "is expected to announce", "to defend": not said yet ("wants to know" still asks)
        refused = head.lemma_.lower() in lex.refusal_verbs
        negated = _negated(head) or _negative_subject(head, lex)
        if refused != negated:  # "declined to say", "would not say"; "did not hesitate to say" speaks
            return True
    return False


def is_small_clause(head: Token) -> bool:
    """Tell whether a content clause headed by ``head`` is a small clause ("find it harder").

    A reported proposition has a finite verb or a copula; an adjective or noun predicate with a
    subject and no verb ("it harder", "him a liar") completes the cue verb instead.
    """
    if head.pos_ in _CLAUSE_HEADS:
        return False
    # "found that the drug cut relapses": a clause opened by "that" is finite, whatever the tagger
    # made of its verb ("cut" read as a noun); a small clause takes no subordinator
    return not any(
        c.dep_ in ("aux", "auxpass", "cop") or (c.dep_ == "mark" and c.lower_ in _CONTENT_MARKS)
        for c in head.children
    )
