"""Roles a predicate gives its subject: "X is a political analyst in Dushanbe", "X served as treasurer".

``quotemine_roles`` calls ``predicate_roles`` for each mention of a person (the role, and one
joined to it by "and a"); ``complement_role`` also serves the pronoun rule of ``clauses``
("He is a pilot for Y").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.gender import first_name_gender, pronoun_gender
from quotemine.pipeline.records import Range, TokenLabels
from quotemine.pipeline.role_tokens import sentence_of

__all__ = ["complement_role", "joined_role", "predicate_role", "predicate_roles"]

RoleTest = Callable[[Token], bool]
"""Tells whether a token is a role noun."""

#: Verbs whose complement is what the subject is ("X is / became / was named chairman").
_COPULAS: Final = frozenset({"be", "become", "remain", "name", "appoint", "elect"})
#: Verbs that give their object a post ("the board named X as its treasurer", "hired X as coach").
_NAMING: Final = frozenset({"name", "appoint", "elect", "hire", "promote", "nominate", "select", "install"})
#: Conjunctions that make a clause hypothetical ("if she becomes president").
_HYPOTHETICAL: Final = frozenset({"if", "unless", "whether"})
#: The subjects of a reported clause that may be its reporter.
_HE_SHE: Final = frozenset({"he", "she"})
#: Modal verbs that make a role a guess or a wish ("X would be a great mayor", "X could become chair").
_MAYBE: Final = frozenset({"would", "could", "might", "may", "should", "'d"})


def predicate_role(
    doc: Doc, span: Span, persons: TokenLabels, orgs: TokenLabels, is_role_head: RoleTest
) -> Range | None:
    """Find "X is a political analyst in Dushanbe" and "X served as treasurer of the club".

    A name in apposition to the subject is the subject ("Her son, X, is a nurse at ..."); the
    object of a verb that gives a post is given it ("the club hired X as head coach").
    """
    root = span.root
    if root.dep_ == "appos" and root.head.dep_ == "nsubj" and root.head.i < span.start:
        root = root.head
    verb = root.head
    if root.dep_ in {"compound", "nmod"} and verb.i >= span.end:
        return _named_into(doc, span, verb, is_role_head)  # "the board appointed X chief financial officer"
    if root.dep_ == "dobj" and verb.lemma_ in _NAMING and verb.i < span.start:
        return complement_role(doc, verb, persons, orgs, is_role_head)  # "Y named X as its treasurer"
    passive = root.dep_ == "nsubjpass" and verb.lemma_ in _COPULAS  # "X was named chairman"
    if (root.dep_ != "nsubj" and not passive) or verb.i < span.end:
        return None
    return (
        complement_role(doc, verb, persons, orgs, is_role_head)
        or _reported_role(doc, span, verb, persons, orgs, is_role_head)
        or _preposed_as(doc, span, verb, persons, is_role_head)
    )


def _preposed_as(
    doc: Doc, span: Span, verb: Token, persons: TokenLabels, is_role_head: RoleTest
) -> Range | None:
    """Return the role of "As secretary of state, X visited ..." / "As a former prosecutor, X knows ...".

    "As" opens the sentence, its object is a role noun, a comma closes the phrase right before the
    subject's name, and no name is inside it; a negated, hypothetical or modal clause gives none
    ("As mayor, X would cut taxes": a promise, not a post).
    """
    toks = doc_tokens(doc)
    first = sentence_of(doc, span.start)[0]
    if toks[first].lower_ != "as" or toks[first].head.i != verb.i or span.start - first > 8:
        return None
    comma = span.start - 1
    if comma <= first + 1 or toks[comma].text != ",":
        return None
    if not any(g.dep_ == "pobj" and is_role_head(g) for g in toks[first].children):
        return None
    if any(i in persons or toks[i].is_punct for i in range(first + 1, comma)):
        return None
    if any(c.dep_ in {"neg", "aux"} and (c.dep_ == "neg" or c.lower_ in _MAYBE) for c in verb.children):
        return None
    return (first + 1, comma)


def predicate_roles(
    doc: Doc, span: Span, persons: TokenLabels, orgs: TokenLabels, is_role_head: RoleTest
) -> tuple[Range | None, Range | None]:
    """Return ``predicate_role`` and the role joined to it ("X is a lawyer and a former mayor")."""
    role = predicate_role(doc, span, persons, orgs, is_role_head)
    return role, (joined_role(doc, role, persons, is_role_head) if role is not None else None)


def joined_role(doc: Doc, role: Range, persons: TokenLabels, is_role_head: RoleTest) -> Range | None:
    """Return the second role of "is a columnist for Y and a former state senator", after ``role``.

    "and", a determiner, then a noun phrase up to the clause's end (a comma, a full stop) that
    holds a role noun and no name; anything else gives none.
    """
    toks = doc_tokens(doc)
    k = role[1]
    if k + 2 >= len(doc) or toks[k].lower_ != "and" or toks[k + 1].tag_ != "DT":
        return None
    end = k + 2
    while end < len(doc) and not toks[end].is_punct and not toks[end].is_sent_start:
        if end in persons or toks[end].tag_ in {"VBZ", "VBD", "VBP", "MD", "WP", "WDT"}:
            return None
        end += 1
    nouns = [i for i in range(k + 2, end) if toks[i].tag_ == "NN" and is_role_head(toks[i])]
    return (k + 1, end) if nouns else None


def _named_into(doc: Doc, span: Span, noun: Token, is_role_head: RoleTest) -> Range | None:
    """Return the role of "appointed X chief financial officer" that the parse read as one noun phrase.

    The name modifies a role noun that is the object of a verb giving a post ("appoint", "name",
    "elect"), after it; the words between the name and that noun modify the noun.
    """
    verb = noun.head
    if noun.dep_ not in {"dobj", "oprd"} or verb.lemma_ not in _NAMING or verb.i > span.start:
        return None
    if noun.tag_ != "NN" or not is_role_head(noun):
        return None
    toks = doc_tokens(doc)
    if any(
        toks[k].head.i != noun.i or toks[k].dep_ not in {"amod", "compound"} for k in range(span.end, noun.i)
    ):
        return None
    return (span.end, noun.i + 1)


def _reported_role(
    doc: Doc, span: Span, verb: Token, persons: TokenLabels, orgs: TokenLabels, is_role_head: RoleTest
) -> Range | None:
    """Find "X argued he is the stronger candidate": "he"/"she" of a clause X reports is X."""
    toks = doc_tokens(doc)
    first, last = sentence_of(doc, verb.i)
    if all(toks[i].lower_ not in _HE_SHE for i in range(first, last)):
        return None  # cheap test first: no "he" or "she" in the sentence
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})]
    for reporting in verbs:
        for clause in reporting.children:
            if clause.dep_ != "ccomp":
                continue
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if not subjects or subjects[0].lower_ not in _HE_SHE:
                continue
            named = first_name_gender(span[0].text) if len(span) > 1 else None
            if named is not None and named != pronoun_gender(subjects[0].text):
                continue  # "Ann Voss said he is ...": he is someone else
            if any(i in persons for i in range(span.end, subjects[0].i)):
                continue  # another person named in between: "he" may be that one
            return complement_role(doc, clause, persons, orgs, is_role_head)
    return None


def complement_role(
    doc: Doc, verb: Token, persons: TokenLabels, orgs: TokenLabels, is_role_head: RoleTest
) -> Range | None:
    """Return the role ``verb`` gives its subject: "is a political analyst", "served as treasurer".

    A negated or hypothetical clause gives none ("X is not a lawyer", "if X becomes president",
    "X would be a great mayor").
    """
    role = _stated_role(doc, verb, persons, orgs, is_role_head)
    if role is None or any(
        c.dep_ == "neg"
        or (c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL)
        or (c.dep_ == "aux" and c.lower_ in _MAYBE)
        for c in verb.children
    ):
        return None
    return role


def _stated_role(
    doc: Doc, verb: Token, persons: TokenLabels, orgs: TokenLabels, is_role_head: RoleTest
) -> Range | None:
    copula = verb.lemma_ in _COPULAS  # read once, not once per child
    for child in verb.rights:
        dep = child.dep_
        if copula and dep in {"attr", "oprd"} and child.tag_ in {"NN", "NNP"}:
            if not (is_role_head(child) or child.lower_.endswith(("ist", "ian"))):
                return None
            return _subtree_role(doc, child, persons, orgs)
        if dep == "prep" and child.lower_ == "as":
            objects = [g for g in child.children if g.dep_ == "pobj" and is_role_head(g)]
            return _as_role(doc, objects[0], persons, orgs) if objects else None
    return None


def _as_role(doc: Doc, head: Token, persons: TokenLabels, orgs: TokenLabels) -> Range | None:
    """Return the role of "served as treasurer of the X club".

    The role is the noun and its modifiers, with a prepositional phrase after it only when that
    names an organisation (not "surged as the front-runner on his platform").
    """
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if (
            child.dep_ == "prep"
            and child.i == end
            and any(i in orgs for i in range(child.i, child.right_edge.i + 1))
        ):
            end = child.right_edge.i + 1
    if any(i in persons for i in range(start, end)):
        return None
    return (start, end)


def _subtree_role(doc: Doc, head: Token, persons: TokenLabels, orgs: TokenLabels) -> Range | None:
    """Return the phrase ``head`` heads as a role.

    A phrase after the noun that names a person ("a stronger candidate than X") or a duration
    ("a nurse for ten years") is left out, but not the organisation right after the noun before
    it ("a nurse at Y since 2019"); a person's name before the noun leaves no role.
    """
    toks = doc_tokens(doc)
    start, end = head.left_edge.i, head.right_edge.i + 1
    if any(i in persons for i in range(start, head.i + 1)):
        return None
    after = [i for i in range(head.i + 1, end) if i in persons or toks[i].ent_type_ in {"DATE", "TIME"}]
    if after:
        end = head.i + 1
    if end == head.i + 1:
        end = _org_phrase_end(toks, head, orgs)
    for k in range(head.i + 1, end):
        if toks[k].dep_ == "cc" and k + 1 < end and toks[k + 1].tag_ == "DT":
            end = k  # "a columnist for Y and a former senator": two roles, the second read apart
            break
    while end > start and toks[end - 1].is_punct:
        end -= 1
    return (start, end)


#: Prepositions that tie a role to the organisation after it ("a nurse at Y", "a lawyer for Y").
_TIES: Final = frozenset({"at", "for", "with", "of"})


def _org_phrase_end(toks: list[Token], head: Token, orgs: TokenLabels) -> int:
    """Return where "ROLE at Y" ends when Y, right after the preposition, is an organisation.

    The preposition must follow the noun and belong to it or to its verb (the parse often hangs
    "at Y" on "been"); the role ends with the organisation's name, before anything hung on it
    ("an engineer at Y, who left last year"). Anything else: the role ends after the noun.
    """
    end = head.i + 1
    if end + 1 >= len(toks) or toks[end].lower_ not in _TIES or toks[end].head.i not in {head.i, head.head.i}:
        return end
    k = end + 1
    if toks[k].lower_ == "the":
        k += 1
    label = orgs.get(k)
    if label is None:
        return end
    while k < len(toks) and orgs.get(k) == label:
        k += 1
    return k
