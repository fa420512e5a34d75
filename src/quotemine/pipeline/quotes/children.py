"""What a child of a cue verb gives as content: one small rule per construction, in order.

``content_rule`` tries the rules of ``CHILD_RULES`` on one child of a cue verb ("said" and its
"that" clause, "denied" and its object, "called for" and its prepositional object...) and returns
the first that applies, with its name. The rules only read the parse and the lexicon; the content
pass (``passes.content_pass``) decides whether to keep what they find.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from quotemine.lexicons.words import NOMINAL_SUBJECTS
from quotemine.pipeline.quotes.content import extend_to_quote, object_content
from quotemine.pipeline.quotes.context import DocState
from quotemine.pipeline.quotes.stance import is_small_clause
from quotemine.pipeline.quotes.subjects import reporting_conjunct

__all__ = ["CHILD_RULES", "CONTENT_CHILD_DEPS", "Content", "content_rule"]

_CONTENT_DEPS = frozenset({"ccomp"})
#: Punctuation that ends a clause: what stands before it is not the content of a cue after it.
_CLAUSE_ENDS = frozenset({":", ";"})
#: Dependencies of a cue's modifiers that continue its content ("denied any part in the fire").
_MODIFIER_DEPS = frozenset({"prep", "npadvmod", "advcl", "dative"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
#: Tags of relative pronouns ("who", "which").
_RELATIVE_TAGS = frozenset({"WP", "WDT"})


@dataclass(frozen=True)
class Content:
    """The content a child of a cue gives: a token range (or ``None``), and whether it has a source."""

    span: tuple[int, int] | None
    sourced: bool = True


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _misread_front(st: DocState, verb: Token, clause: Token) -> bool:
    """Tell whether a clause the parse hung before a cue as its content is no content of it.

    "Roe, who chairs the board, said that ..." (a subject's relative clause read as a fronted
    content clause): a cue has one content clause, so a fronted one does not count when another
    follows the cue, nor when a colon or semicolon ends it before the cue ("..., the board met:
    ten members said they ...").
    """
    if clause.i > verb.i:
        return False
    if any(c.dep_ in _CONTENT_DEPS and c.i > verb.i and c.left_edge.i <= verb.i + 2 for c in st.kids(verb)):
        return True  # "..., said that the plan ...": the content follows the cue
    if any(
        c.dep_ in NOMINAL_SUBJECTS and c.tag_ in _RELATIVE_TAGS and c.i > clause.left_edge.i
        for c in st.kids(clause)
    ):
        return True  # "Roe, who chairs the board,": a relative clause with its antecedent
    return any(t.text in _CLAUSE_ENDS for t in st.toks[clause.right_edge.i + 1 : verb.i])


def _speaker_inside(st: DocState, verb: Token, span: tuple[int, int]) -> bool:
    """Tell whether ``span`` holds the speaker of the direct quote ``verb`` introduces.

    '"...," said Ada Roe, who runs the club' can be parsed with "Ada Roe, who runs the club" as a
    content clause of "said": that is the speaker, not a second statement.
    """
    toks = st.toks
    first = max(span[0], verb.i + 1)  # the part after the cue: a relative pronoun before it stays out
    if first >= span[1]:
        return False
    lo, hi = toks[first].idx, toks[span[1] - 1].idx + len(toks[span[1] - 1].text)
    return any(
        c.cue_i == verb.i and c.speaker is not None and lo <= c.speaker["start"] < hi
        for c in st.candidates
        if c.rule == "direct"
    )


def _finite_tag(verb: Token) -> str:
    """Return the tag of the finite word of ``verb``'s verb group ("has" of "has said", else the verb)."""
    aux = next((c for c in verb.lefts if c.dep_ in ("aux", "auxpass")), None)
    return aux.tag_ if aux is not None else verb.tag_


def _says(st: DocState, verb: Token) -> bool:
    """Tell whether ``verb`` is a cue of saying or thinking (not only of wanting: "and just want")."""
    lemma, lex = verb.lemma_.lower(), st.lex
    return lemma in lex.cue_verbs or lemma in lex.object_verbs or lemma in lex.prep_verbs


def _cue_conjunct(st: DocState, verb: Token, clause: Token, end: int) -> int:
    """Return where the content clause ``clause`` ends before a predicate of the cue's own subject.

    "She insists the club must change, and has raised money for it": a conjunct with no subject
    of its own, in the tense of the cue and not of the clause, is a second thing the speaker did,
    not part of what was said. So is a speech conjunct of a clause about a thing or a pronoun
    ("said the levy was unfair and urged the council to drop it", ``reporting_conjunct``).
    """
    if not any(c.dep_ in NOMINAL_SUBJECTS for c in st.kids(clause)):
        return end
    own = _finite_tag(verb)
    if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in st.kids(clause)):
        return end  # "would vote for her or were leaning to": alternatives inside the statement
    shared_aux = any(c.dep_ in ("aux", "auxpass") for c in st.lefts(clause))
    for conj in st.rights(clause):
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i >= end:
            continue
        if any(c.dep_ in (*NOMINAL_SUBJECTS, "expl") for c in st.kids(conj)):
            continue
        speech = _says(st, conj) and reporting_conjunct(conj, st.speakers.agents)
        if (
            not speech
            and shared_aux
            and conj.tag_ in ("VBN", "VBD")
            and not any(c.dep_ == "aux" for c in st.lefts(conj))
        ):
            continue  # "has criticized X and called Y": one auxiliary for both
        if speech or _finite_tag(conj) == own != _finite_tag(clause):
            before = [
                c.right_edge.i for c in st.rights(clause) if c.i < conj.i and c.dep_ not in ("cc", "punct")
            ]
            return max([clause.i, *before]) + 1
    return end


def _clause_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return the content clause of a speech or cognition verb ("said that ...")."""
    if child.dep_ in _CONTENT_DEPS and lemma in st.lex.cue_verbs:
        # "find it harder to borrow": a small clause completes the verb, it reports nothing
        if is_small_clause(child) or _misread_front(st, verb, child):
            return Content(None)
        span = _subtree(child)
        if _speaker_inside(st, verb, span):
            return Content(None)
        end = _cue_conjunct(st, verb, child, span[1])
        end = _second_that_clause(st, verb, child, end)
        return Content((span[0], _with_reason(st, verb, child, end)))
    return None


#: Subordinators of a reason that follows what was said ("said the plan failed because ...").
_REASON_MARKS = frozenset({"because"})


def _with_reason(st: DocState, verb: Token, clause: Token, end: int) -> int:
    """Return ``end`` moved over a reason clause the parse hung on the cue instead of the content.

    "She said the ferry was late because the crew was ill": the "because" clause right after the
    content clause gives the speaker's reason, part of what was said; the parse often attaches it
    to "said". Only right after the content (a comma may stand between), and only a finite clause
    with a subject of its own.
    """
    if end != clause.right_edge.i + 1:
        return end
    gap = end + 1 if end < len(st.toks) and st.toks[end].text == "," else end
    for c in st.rights(verb):
        first = c.left_edge
        if c.dep_ != "advcl" or first.i != gap or first.lower_ not in _REASON_MARKS or first.head.i != c.i:
            continue
        if any(k.dep_ in NOMINAL_SUBJECTS for k in st.kids(c)) and st.qid[first.i] < 0:
            return c.right_edge.i + 1
    return end


#: Most tokens between the first 'that' clause and the second one's "that" (', and that', '," and that').
_MAX_GAP = 4


def _second_that_clause(st: DocState, verb: Token, clause: Token, end: int) -> int:
    """Return ``end`` moved over a second "that" clause of the cue ("said that X, and that Y").

    The parse hangs the second clause on the cue as a conjunct; it is more of what was said. Only
    punctuation, quotation marks and the conjunction may stand between the two.
    """
    that = st.doc.vocab.strings.add("that")
    if not (st.attrs[end : end + _MAX_GAP + 1, 2] == that).any() or end != clause.right_edge.i + 1:
        return end  # no "that" right after the clause: the common case, read off the arrays
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in st.kids(clause)):
        return end
    for conj in st.rights(verb):
        if conj.dep_ != "conj" or conj.i < end or st.qid[conj.i] >= 0:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in st.kids(conj)):
            return end
        gap = st.toks[end : conj.left_edge.i]
        if all(t.is_punct or t.dep_ == "cc" or t.is_space for t in gap) and not any(
            "\n" in t.text for t in gap
        ):
            return conj.right_edge.i + 1
        return end
    return end


def _misread_clause(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return the content clause the parse read as an object ("said she had signed the leases").

    A speech verb that takes no object (not "deny" or "announce") whose object holds a subject
    opening right after the verb reports a clause, whatever the parse made of the words after it
    ("insisting the state had 'held firm'": "held" read as an adjective of the object "firm").
    """
    if child.dep_ != "dobj" or lemma not in st.lex.cue_verbs or lemma in st.lex.object_verbs:
        return None
    if child.i <= verb.i or any(c.dep_ == "ccomp" for c in st.kids(verb)):
        return None
    subj = next(
        (
            t
            for t in child.subtree
            if t.dep_ in NOMINAL_SUBJECTS and t.left_edge.i == verb.i + 1 and t.i != child.i
        ),
        None,
    )
    if subj is None:
        return None
    return Content((subj.left_edge.i, _with_modifiers(st, verb, child.right_edge.i + 1)))


def _object_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return the object (with its predicate) of an object verb ("denied the report")."""
    if not (
        st.options.object_content
        and child.dep_ == "dobj"
        and lemma in st.lex.object_verbs
        and not any(c.dep_ in _CONTENT_DEPS for c in st.kids(verb))
    ):
        return None
    if _not_said(st, verb, lemma, child):
        return Content(None)
    span = object_content(verb, child, st.lex.money_nouns)
    if span is not None:
        span = span[0], _with_modifiers(st, verb, _before_medium(st, verb, child, span[1]))
    return Content(extend_to_quote(st.doc, st.qid, st.tok_ranges, span))


def _not_said(st: DocState, verb: Token, lemma: str, obj: Token) -> bool:
    """Tell whether the object of "question" is a person interrogated, not what was doubted aloud.

    "Detectives questioned the man" (interrogated); "questioned the figures" (doubted them).
    """
    if any(k >= 0 for k in st.qid[obj.i : verb.right_edge.i + 1]):
        return False  # 'questioned him: "..."': quoted words
    if lemma != "question":
        return False
    if obj.pos_ == "PRON":
        return obj.lower_ not in _THING_PRONOUNS
    return obj.ent_type_ == "PERSON" or (obj.pos_ == "NOUN" and obj.lemma_.lower().endswith(_PERSON_ENDINGS))


#: Endings of nouns for people ("the man", "two policemen", "the chairperson", "the townspeople").
_PERSON_ENDINGS = ("man", "men", "person", "people")
#: Pronouns that stand for things, not people ("questioned it").
_THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "what", "which"})


def _before_medium(st: DocState, verb: Token, obj: Token, end: int) -> int:
    """Return ``end`` cut before a medium the parse hung on the object's predicate.

    'called it "a sad turn" in a statement', 'described the plan as "rash" on Monday': the
    phrase that says where or when it was said belongs to the cue, not to the predicate. Only
    right after a closing quotation mark: unquoted, "profiles of voters" is one phrase.
    """
    for pred in st.rights(verb):
        if pred.i <= obj.i or pred.right_edge.i + 1 != end:
            continue
        for c in reversed(list(pred.rights)):
            after_quote = st.toks[c.left_edge.i - 1].is_quote and st.qid[c.left_edge.i] < 0
            if c.dep_ == "prep" and c.right_edge.i + 1 == end and after_quote and _names_medium(st, c):
                end = c.left_edge.i
        while end > pred.i and st.toks[end - 1].is_space:
            end -= 1
    return end


def _with_modifiers(st: DocState, verb: Token, end: int) -> int:
    """Return ``end`` moved over the cue's modifiers that follow its content without a comma.

    "announced a partnership with a brewery", "denied any part in the fire", "called for a ban
    after the flood": the parse hangs these on the cue, but they belong to what was said. A
    phrase that names the medium ("in a statement", "on the radio show") stays out.
    """
    moved = True
    while moved:
        moved = False
        for c in st.rights(verb):
            if c.left_edge.i == end and c.dep_ in _MODIFIER_DEPS and not _names_medium(st, c):
                end, moved = c.right_edge.i + 1, True
    return end


def _names_medium(st: DocState, prep: Token) -> bool:
    """Tell whether a modifier says when, where or to whom it was said ("in an interview", "on Monday")."""
    if all(t.ent_type_ in _TIME_ENTS or t.dep_ == "prep" for t in prep.subtree):
        return True  # "endorsed her last week", "in February": when, not what
    if prep.dep_ == "advcl":  # "while ...", "after ...": the reporter's; "to explain ..." is a purpose
        return not any(c.dep_ == "aux" and c.lower_ == "to" for c in st.kids(prep))
    if prep.dep_ != "prep":
        return False
    pobj = next((c for c in st.kids(prep) if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    lemma = pobj.lemma_.lower()
    return lemma in st.lex.document_nouns or lemma in st.lex.cue_nouns or lemma in st.lex.group_nouns


def _for_clause(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return "the city to hire more drivers" of "calls for the city to hire ..." (parsed as a clause)."""
    if child.dep_ != "advcl" or child.i < verb.i:
        return None
    mark = next((c for c in st.kids(child) if c.dep_ == "mark"), None)
    if mark is None or mark.lower_ not in st.lex.prep_verbs.get(lemma, ()) or mark.i != child.left_edge.i:
        return None
    return Content((mark.i + 1, child.right_edge.i + 1))


def _advcl_for(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Read a "for" clause child of a prepositional cue (see ``_for_clause``)."""
    if child.dep_ != "advcl" or lemma not in st.lex.prep_verbs:
        return None
    if any(c.dep_ in ("ccomp", "dobj") for c in st.kids(verb)):
        return None
    return _for_clause(st, verb, lemma, child)


def _prep_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return the object of a prepositional cue ("called for a ban", "spoke about the economy").

    An infinitive right after the object belongs to it: "called on the province to fund the bridge".
    """
    if not (
        child.dep_ == "prep"
        and child.i > verb.i
        and child.lower_ in st.lex.prep_verbs.get(lemma, ())
        and not any(c.dep_ in ("ccomp", "dobj") for c in st.kids(verb))
    ):
        return None
    pobj = next((c for c in st.kids(child) if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None:
        return Content(None)
    a, b = _subtree(pobj)
    for c in st.kids(verb):
        if c.dep_ == "xcomp" and c.left_edge.i == b:
            b = c.right_edge.i + 1
    b = _with_modifiers(st, verb, b)
    return Content(extend_to_quote(st.doc, st.qid, st.tok_ranges, (a, b)))


def _stance_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return a stance: "is expected by analysts to ..."; with ``xcomp_content``, also "seemed to ...".

    "The senator seemed to soften his stance" is the writer's reading, not something said: it is
    reported, with no source, only when infinitive clauses are asked for.
    """
    if not (child.dep_ == "xcomp" and child.i > verb.i and st.qid[child.i] < 0):
        return None
    if lemma not in st.lex.evidential_verbs:
        # "is expected to win" is the writer's forecast; "is expected by analysts to" has a source
        passive = any(c.dep_ == "auxpass" for c in st.kids(verb))
        agent = any(c.dep_ == "agent" for c in st.kids(verb))
        return Content(_subtree(child)) if lemma in st.lex.cognition_verbs and passive and agent else None
    return Content(_subtree(child), sourced=False) if st.options.xcomp_content else Content(None)


def _xcomp_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return the infinitive clause of an intention verb ("hopes to win").

    The ``intention_verbs`` ("wants to", "hopes to") are always read: a reported intention,
    marked ``cue_type`` "belief"; the other infinitive verbs ("planned to", "tried to") only when
    ``xcomp_content`` is set. A passive verb ("is expected to win") is a
    stance, read by ``_stance_content``; an infinitive that is a cue of its own ("wants to learn
    if ...") is left to that cue.
    """
    if (
        (st.options.xcomp_content or lemma in st.lex.intention_verbs)
        and child.dep_ == "xcomp"
        and lemma in st.lex.xcomp_verbs
        and child.i > verb.i
        and st.qid[child.i] < 0
        and not any(c.dep_ == "auxpass" for c in st.kids(verb))
        # "wants to learn if ...": the inner cue reports its own content
        and child.lemma_.lower() not in st.lex.content_verbs
    ):
        return Content(_subtree(child))
    return None


def _gerund_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return the gerund clause of an object verb ("denied taking the money", "admitted lying")."""
    if (
        st.options.object_content
        and child.dep_ in ("xcomp", "ccomp")
        and child.tag_ == "VBG"
        and child.i > verb.i
        and lemma in st.lex.object_verbs
        and st.qid[child.i] < 0
    ):
        return Content(_subtree(child))
    return None


def _evidence_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return what evidence shows: the object and the rest of its clause ("polls show him 9 points up")."""
    if not (child.dep_ == "dobj" and child.i > verb.i and lemma in st.lex.evidence_verbs):
        return None
    subj = next((c for c in st.kids(verb) if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in st.lex.evidence_nouns:
        return None
    if any(c.dep_ in _CONTENT_DEPS for c in st.kids(verb)):
        return Content(None)  # "records show that ...": the content clause rule reads it
    hi = max(
        (c.right_edge.i + 1 for c in st.kids(verb) if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct")),
        default=child.right_edge.i + 1,
    )
    return Content((child.left_edge.i, hi))


def _question_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return the question a question verb reports ("asked the pupils if they were ready")."""
    if not (child.dep_ == "advcl" and child.i > verb.i and lemma in st.lex.question_verbs):
        return None
    first = child.left_edge
    if first.dep_ != "mark" or first.lower_ not in ("if", "whether") or first.head.i != child.i:
        return None
    return Content(_subtree(child))


def _directive_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return what an addressee is told to do ("warned residents to stay indoors", "urged him to quit")."""
    if not (
        child.dep_ == "xcomp"
        and lemma in st.lex.addressee_verbs
        and lemma in st.lex.speech_verbs
        and lemma not in st.lex.object_verbs  # "promised voters to cut taxes": the object rule reads it
        and st.qid[child.i] < 0
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in st.kids(child))
        and any(c.dep_ in ("dobj", "dative") and verb.i < c.i < child.i for c in st.kids(verb))
    ):
        return None
    return Content(_subtree(child))


def _commitment_content(st: DocState, verb: Token, lemma: str, child: Token) -> Content | None:
    """Return the commitment a speaker made: "pledged to cut taxes", "vowed to appeal the ruling".

    Promising and threatening are said; wanting and hoping are not (``_xcomp_content``, off by default).
    """
    if not (
        child.dep_ == "xcomp"
        and child.i > verb.i
        and lemma in st.lex.commitment_verbs
        and st.qid[child.i] < 0
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in st.kids(child))
        # "promised voters to cut taxes": the object rule reads the object with its infinitive
        and not any(c.dep_ in ("dobj", "dative") and verb.i < c.i < child.i for c in st.kids(verb))
    ):
        return None
    return Content(_subtree(child))


_ContentRule = Callable[[DocState, Token, str, Token], Content | None]
#: The content rules for a child of a cue verb, in order, each with the dependencies of the
#: children it can read: the first rule that applies decides.
_RULES: tuple[tuple[str, _ContentRule, frozenset[str]], ...] = (
    ("content clause", _clause_content, _CONTENT_DEPS),
    ("evidence", _evidence_content, frozenset({"dobj"})),
    ("misread clause", _misread_clause, frozenset({"dobj"})),
    ("object", _object_content, frozenset({"dobj"})),
    ("prepositional object", _prep_content, frozenset({"prep"})),
    ("for clause", _advcl_for, frozenset({"advcl"})),
    ("gerund", _gerund_content, frozenset({"xcomp", "ccomp"})),
    ("question", _question_content, frozenset({"advcl"})),
    ("directive", _directive_content, frozenset({"xcomp"})),
    ("commitment", _commitment_content, frozenset({"xcomp"})),
    ("stance", _stance_content, frozenset({"xcomp"})),
    ("intention", _xcomp_content, frozenset({"xcomp"})),
)
CHILD_RULES: tuple[tuple[str, _ContentRule], ...] = tuple((name, read) for name, read, _ in _RULES)
#: Dependency of a child -> the rules that can read it, in order (most children, "nsubj" or
#: "punct", have none: one dictionary look-up settles them).
_RULES_BY_DEP: dict[str, tuple[tuple[str, _ContentRule], ...]] = {
    dep: tuple((name, read) for name, read, deps in _RULES if dep in deps)
    for dep in frozenset().union(*(deps for _, _, deps in _RULES))
}

#: The dependencies of the children of a cue that some rule can read.
CONTENT_CHILD_DEPS = frozenset(_RULES_BY_DEP)


def content_rule(st: DocState, verb: Token, lemma: str, child: Token) -> tuple[str, Content] | None:
    """Return the name and content of the first rule of ``CHILD_RULES`` that applies to ``child``."""
    rules = _RULES_BY_DEP.get(child.dep_)
    if rules is None:
        return None
    return next(((rule, c) for rule, read in rules if (c := read(st, verb, lemma, child)) is not None), None)
