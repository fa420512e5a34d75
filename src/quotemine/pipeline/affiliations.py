"""Affiliations and roles stated around a person's name without a role noun next to it.

``quotemine_roles`` calls these for each mention of a person; each rule reads only the parse,
the people (``persons``) and the organisations (``orgs``) of the document:

* "X of Y", "X at Y", "X with Y", "X from Y": the organisation right after the name, also set
  off by commas ("X, of Y, said"; "X, for Y," too), but not a home town ("X, of Harnley,");
* "X (Y)": the organisation in brackets right after the name;
* "Y's X": the organisation's possessive right before the name;
* "Falcons coach X": a title's first words that are the end of one organisation's name;
* "X, who works for Y", "X, who heads Y": a relative clause on the name whose verb ties a person
  to an organisation; a verb whose stem is a role noun ("heads", "chairs", "coaches") also gives
  the role, the verb alone ("role_records" keeps its stem: "head"); other role verbs ("runs",
  "founded", "leads") give the affiliation only, as their noun ("founder") is not in the text.

Each rule returns organisation ids (and role ranges) and never invents text: a role is a range of
tokens of the document.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.names import load_lexicons
from quotemine.lexicons.roles import COMPANY_WORDS, KIND_NOUNS, ORG_NOUNS, PORTFOLIOS
from quotemine.lexicons.words import PERFECT_AUXILIARIES
from quotemine.pipeline.affiliation_kinds import (
    last_org_before,
    named_kind,
    only_org_before,
    org_noun_tail,
    tail_owner,
)
from quotemine.pipeline.appositions import after_aside, word_after
from quotemine.pipeline.records import Range, TokenLabels
from quotemine.pipeline.role_tokens import sentence_of

__all__ = [
    "NOUN_VERBS",
    "TokenLabels",
    "after_name_orgs",
    "possessive_org",
    "relative_clause",
    "relative_pronoun",
    "role_owner",
    "role_ties",
    "short_name_org",
    "short_name_prefix",
]


#: Prepositions that tie a name to the organisation right after it ("Ned Harlow of the Marlin Group").
_AFTER_NAME: Final = frozenset({"of", "at", "with", "from"})
#: Adverbs between the comma and "of" of "X, formerly of Y,".
_FORMERLY: Final = frozenset({"formerly", "previously", "now", "currently", "once", "also", "late"})
#: Words before a title that say when or how the person holds it ("Former Falcons coach X").
_FORMER: Final = frozenset({"former", "acting", "interim", "then", "ex"})
#: Verbs of a relative clause that make its subject a member or officer of the organisation.
_MEMBER_VERBS: Final = frozenset(
    {"work", "serve", "teach", "write", "report", "volunteer", "study", "play", "represent", "sit", "join"}
)
#: Prepositions after a membership verb that say the subject is not inside the organisation.
_AWAY: Final = frozenset({"to", "about", "against", "from", "into", "toward", "towards", "alongside"})
#: Verbs that make the subject an officer of their object ("who heads Y", "who founded Y").
_ROLE_VERBS: Final = frozenset(
    {
        "head",
        "lead",
        "run",
        "chair",
        "direct",
        "found",
        "co-found",
        "cofound",
        "manage",
        "own",
        "coach",
        "edit",
    }
)
#: Role verbs whose stem is the role noun ("heads" -> "head"): only these give a role.
NOUN_VERBS: Final = frozenset({"head", "chair", "coach", "captain"})
_POSSESSIVE: Final = frozenset({"'s", "\u2019s", "'", "\u2019"})
_MAX_CLAUSE: Final = 8


def _org_at(doc: Doc, i: int, orgs: TokenLabels) -> tuple[str, int] | None:
    """Return the organisation starting at token ``i`` (a leading "the" skipped) and its end."""
    toks = doc_tokens(doc)
    if i < len(doc) and toks[i].lower_ == "the" and i not in orgs:
        i += 1
    oid = orgs.get(i)
    if oid is None or orgs.get(i - 1) == oid:
        return None
    end = i
    while end < len(doc) and orgs.get(end) == oid:
        end += 1
    return oid, end


def after_name_orgs(doc: Doc, span: Span, orgs: TokenLabels) -> list[str]:
    """Return the organisation of "X of Y", "X at Y", "X, of Y," or "X (Y)" right after the name ``span``."""
    toks = doc_tokens(doc)
    j = span.end
    if j >= len(doc):
        return []
    tok = toks[j]
    if tok.lower_ in _AFTER_NAME:
        found = _org_at(doc, j + 1, orgs)
        return [found[0]] if found else []
    if tok.text == "," and j + 3 < len(doc) and toks[j + 1].lower_ in _FORMERLY:
        j += 1  # "X, formerly of the Y Institute, said"
    if tok.text == "," and j + 2 < len(doc) and toks[j + 1].lower_ in _AFTER_NAME | {"for"}:
        found = _org_at(doc, j + 2, orgs)  # "X, of the Y Institute, said", "X, for the Y Service,"
        if found and _hometown(doc, j + 1, found[1]):
            return []  # "Ed Voss, of Harnley, was charged": where he lives, not whom he works for
        if found and (found[1] >= len(doc) or toks[found[1]].text in {",", ".", ";", ")", *_POSSESSIVE}):
            return [found[0]]  # also "X, of the Y Police's fraud unit,": a part of Y
        return []
    if tok.text == "," and (on := _seat_on(toks, j + 1)) is not None:
        found = _org_at(doc, on + 1, orgs)  # "X, a Democrat on the Senate Y Committee, said"
        return [found[0]] if found else []
    if tok.text == "(":
        found = _org_at(doc, j + 1, orgs)
        if found and found[1] < len(doc) and toks[found[1]].text == ")":
            return [found[0]]
    return []


def _seat_on(toks: list[Token], j: int) -> int | None:
    """Return where "on" is in "a (senior) Democrat on" starting at ``toks[j]``, or ``None``.

    A party member's seat on a body: "a Republican on the House Y Committee", "a senior Democrat
    on the board". The party word is a capitalised group word (the tagger's NORP).
    """
    if j + 3 >= len(toks) or toks[j].lower_ not in {"a", "an"}:
        return None
    k = j + 1
    if toks[k].is_lower and toks[k].tag_ == "JJ":
        k += 1  # "a senior Democrat"
    party = toks[k]
    if not (party.is_title and party.ent_type_ == "NORP" and party.tag_ in {"NNP", "NNPS", "NN"}):
        return None
    return k + 1 if k + 2 < len(toks) and toks[k + 1].lower_ == "on" else None


def _hometown(doc: Doc, of: int, end: int) -> bool:
    """Tell whether "of" at ``of`` and the name up to ``end`` read as a home town ("X, of Harnley,").

    A single capitalised word without "the" and without an organisation word is how news gives
    where a person lives; an organisation in this slot comes with "the" or a word such as "Group".
    """
    toks = doc_tokens(doc)
    if toks[of].lower_ != "of" or end != of + 2:
        return False
    name = toks[of + 1]
    return name.is_title and name.lower_ not in ORG_NOUNS and name.lower_ not in COMPANY_WORDS


def possessive_org(doc: Doc, span: Span, orgs: TokenLabels) -> list[str]:
    """Return the organisation of "Y's X" ("the Marlin Group's Ned Harlow")."""
    toks = doc_tokens(doc)
    i = span.start
    if i < 2 or toks[i - 1].text not in _POSSESSIVE:
        return []
    oid = orgs.get(i - 2)
    return [oid] if oid is not None else []


def relative_pronoun(doc: Doc, span: Span, persons: TokenLabels, aside: int | None = None) -> int | None:
    """Return the "who" of a relative clause on the name: ", who" right after it, or after its apposition.

    "X, who works for Y"; "X, a former defender who now works for Y" (the clause on the apposition
    noun, which the parse attaches to the name). ``aside`` is ``after_aside(doc, span.end)`` when
    the caller has it.
    """
    toks = doc_tokens(doc)
    j = after_aside(doc, span.end) if aside is None else aside  # "X, 45, who works for Y"
    if j + 2 >= len(doc) or toks[j].text != ",":
        return None
    first = word_after(doc, j + 1)  # "X,  who": past a run of spaces
    if first < len(doc) and toks[first].lower_ == "who":
        return first
    for k in range(first, min(j + _MAX_CLAUSE, len(doc))):
        tok = toks[k]
        if k in persons or (tok.is_punct and tok.text != "-"):
            return None
        if tok.lower_ == "who":
            noun = tok.head.head  # who -> its verb (relcl) -> the noun the clause is on
            if (
                tok.head.dep_ == "relcl"
                and noun.dep_ == "appos"
                and noun.head.i in range(span.start, span.end)
            ):
                return k
            return None
    return None


def _as_role(doc: Doc, verb: int, end: int) -> Range | None:
    """Return the role of "works as a pundit for Y": the noun phrase after "as", up to the organisation."""
    toks = doc_tokens(doc)
    k = verb + 1
    if k + 1 >= end or toks[k].lower_ != "as":
        return None
    noun = k + 2 if toks[k + 1].tag_ == "DT" else k + 1
    return (k + 1, end) if noun < end and toks[noun].tag_ == "NN" and toks[noun].is_lower else None


def relative_clause(
    doc: Doc, span: Span, persons: TokenLabels, orgs: TokenLabels, who: int | None = -1
) -> tuple[list[str], Range | None]:
    """Return the organisation and role of "X, who heads Y" / "X, who works for Y".

    The clause must follow the name (", who VERB ...") or its apposition ("X, a former defender who
    works for Y"); the organisation must come within a few tokens of the verb with no comma, name
    or other verb between them. A role verb gives the role "heads Y"; a membership verb ("works
    for Y") the affiliation, and a role only when it says one ("works as a pundit for Y").
    ``who`` is the clause's relative pronoun when the caller has found it (``relative_pronoun``).
    """
    toks = doc_tokens(doc)
    who = relative_pronoun(doc, span, persons) if who == -1 else who
    if who is None:
        return [], None
    v = who + 1
    while v < len(doc) - 1 and toks[v].tag_ == "RB":
        v += 1  # "X, who now works for Y"
    verb = toks[v]
    if verb.tag_ not in {"VBZ", "VBD", "VBP"}:
        return [], None
    if verb.lower_ in PERFECT_AUXILIARIES and v + 1 < len(doc) and toks[v + 1].tag_ == "VBN":
        verb = toks[v + 1]  # "X, who has coached Y since 2019": the participle says the tie
    return _verb_org(doc, verb, persons, orgs)


def predicate_orgs(
    doc: Doc, span: Span, persons: TokenLabels, orgs: TokenLabels
) -> tuple[list[str], Range | None]:
    """Return the organisation (and role) of "X works for Y", "X joined Y", "X heads Y" (X the subject)."""
    toks = doc_tokens(doc)
    j = span.end
    if j + 1 >= len(doc):
        return [], None
    after = toks[j]
    if after.text == ",":
        k = after_aside(doc, j)  # "X, 52, teaches at Y"
        if k > j and k + 2 < len(doc):
            j, after = k + 1, toks[k + 1]
    lemmas = {after.lemma_, toks[j + 1].lemma_}  # "X works", "X now works", "X has worked"
    if not (lemmas & _MEMBER_VERBS or lemmas & _ROLE_VERBS):
        return [], None  # cheap test first: no membership verb right after the name
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.i < span.end or not verb.tag_.startswith("VB"):
        return [], None
    if any(c.dep_ in {"neg", "mark"} for c in verb.children):
        return [], None  # "X does not work for Y", "if X joins Y"
    return _verb_org(doc, verb, persons, orgs)


def _verb_org(
    doc: Doc, verb: Token, persons: TokenLabels, orgs: TokenLabels
) -> tuple[list[str], Range | None]:
    """Return the organisation a membership or role ``verb`` ties its subject to, and the role it says.

    The organisation must come within a few tokens of the verb with no punctuation, name or other
    verb between them.
    """
    toks = doc_tokens(doc)
    lemma = verb.lemma_.lower()
    if lemma not in _MEMBER_VERBS and lemma not in _ROLE_VERBS:
        return [], None
    k = verb.i + 1
    while k < len(doc) and k - verb.i <= _MAX_CLAUSE:
        tok = toks[k]
        if k in orgs:
            found = _org_at(doc, k, orgs)
            if found is None:
                return [], None
            if lemma in _ROLE_VERBS:  # "heads Y": the role "head"; "founded Y": no role noun
                role = (verb.i, verb.i + 1) if lemma in NOUN_VERBS else None
            else:
                role = _as_role(doc, verb.i, found[1])
            return [found[0]], role
        if tok.is_punct or k in persons or tok.pos_ in {"VERB", "AUX"} or tok.lower_ in _AWAY:
            return [], None  # "wrote to Y", "works against Y": not a member
        if tok.lower_ == "the" and (named := named_kind(doc, k, orgs)) is not None:
            return [named], (verb.i, verb.i + 1) if lemma in NOUN_VERBS else None  # "sits on the committee"
        if lemma in _ROLE_VERBS and k == verb.i + 1 and tok.tag_ == "IN":
            return [], None  # "runs for Congress": a candidate, not the one who runs it
        if tok.dep_ == "dobj" and tok.head == verb and not _object_of(doc, k, lemma):
            return [], None  # "reports investments in Y", "runs a bakery in Y": the object is not Y
        k += 1
    return [], None


def _object_of(doc: Doc, obj: int, lemma: str) -> bool:
    """Tell whether the verb's object ``doc[obj]`` is a part or a job of the organisation after it.

    "teaches history at Y", "writes a column for Y", "chairs the audit committee at Y", "heads the
    research arm of Y", "represents a ward on Y" tie the subject to Y; "reports investments in Y",
    "runs a bakery in Y" do not.
    """
    toks = doc_tokens(doc)
    nxt = obj + 1
    if nxt >= len(doc):
        return False
    if toks[obj].lower_ in KIND_NOUNS and toks[nxt].is_title:
        return True  # "founded the consultancy Y", "joined the bank Y": the noun says what Y is
    preps = {"at", "for", "of"} if lemma in _ROLE_VERBS else {"at", "for"}
    if lemma in {"represent", "serve", "sit"}:
        preps = {"at", "for", "on"}  # "represents the ward on Y Council", "serves two terms on Y"
    return toks[nxt].lower_ in preps


#: Possessive pronouns that stand for an organisation named before ("Its director, X").
_ORG_PRONOUNS: Final = frozenset({"its", "their"})
#: The same, with the relative "whose" ("the Y Trust, whose director, X").
_OWNER_PRONOUNS: Final = _ORG_PRONOUNS | {"whose"}
#: How many tokens before a role its owner may stand ("the council's chief executive").
_OWNER_REACH: Final = 6
#: Tags of the words that may stand between an owner's "'s" and the role ("'s long-serving").
_MODIFIER_TAGS: Final = frozenset({"JJ", "JJR", "JJS", "NN", "NNP", "VBN", "HYPH", "RB", "CD"})


def passive_leader(doc: Doc, span: Span, orgs: TokenLabels) -> list[str]:
    """Return the organisation of "Y, a charity founded by X" / "Y, led by X" for the name ``span``.

    The name is the agent ("by X") of a role verb's participle ("founded", "led", "run") that
    modifies the organisation's name or a noun in apposition to it.
    """
    toks = doc_tokens(doc)
    if span.start < 2 or "by" not in {toks[span.start - 1].lower_, toks[span.start - 2].lower_}:
        return []  # cheap test first: no "by" just before the name ("led by X", "founded by nurse X")
    root = span.root
    by = root.head
    if root.dep_ != "pobj" or by.lower_ != "by" or by.head.tag_ != "VBN":
        return []
    verb = by.head
    if verb.lemma_.lower() not in _ROLE_VERBS or verb.dep_ != "acl":
        return []
    noun = verb.head
    if noun.dep_ == "appos" and noun.i not in orgs:
        noun = noun.head
    return [orgs[noun.i]] if noun.i in orgs else []


def _subject(pronoun: Token) -> Token | None:
    """Return the subject of the clause holding ``pronoun`` ("its"), or ``None``.

    In "Y, whose owner is Z, named X as its treasurer", "its" is Y's, the subject of "named",
    not Z's, the organisation named last.
    """
    for verb in pronoun.ancestors:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return subjects[0] if subjects else None
    return None


def role_ties(doc: Doc, role: Range, orgs: TokenLabels, names: dict[str, str]) -> tuple[Range, list[str]]:
    """Return a role without a short organisation name it opens with, and the organisations it is tied to.

    "Falcons coach", "a Corvell pilot" (after "Corvell Air"): the short name is cut and its
    organisation tied; "Its director", "Corvell's founder": the owner before the role is tied.
    """
    toks = doc_tokens(doc)
    start, end = role
    ties: list[str] = []
    if names and start not in orgs and toks[start].is_title:
        if toks[start].lower_ in _FORMER and start + 1 < end:  # "Former Falcons coach": tied, kept whole
            short = short_name_prefix(doc, start + 1, end, orgs, names)
            ties.extend([short[0]] if short is not None else [])
        else:
            short = short_name_prefix(doc, start, end, orgs, names)
            if short is not None:
                ties.append(short[0])
                start = short[1]
    owner = role_owner(doc, start, end, orgs, names)
    return (start, end), [*ties, owner] if owner is not None else ties


def role_owner(
    doc: Doc, start: int, end: int, orgs: TokenLabels, names: dict[str, str] | None = None
) -> str | None:
    """Return the organisation a role phrase ``doc[start:end]`` belongs to by a possessive before it.

    * "Brackley's finance director": the organisation before "'s";
    * "its director": the organisation named last before, in this sentence or the one before;
    * "the council's chief executive": the organisation named before whose name ends in
      "council".

    * "Corvell's founder": with ``names``, the one organisation "Corvell" is a short name of.

    The possessive may stand a few tokens before the role ("the club's long-serving captain").
    A role that ends in "of / for / at the <organisation noun>" ("a spokesman for the department")
    belongs to the organisation named before whose name ends in that noun.
    """
    toks = doc_tokens(doc)
    the = org_noun_tail(doc, start, end)
    if the is not None:
        return tail_owner(doc, the, end, orgs)
    low = max(start - _OWNER_REACH, sentence_of(doc, start)[0] if start < len(doc) else 0)
    for p in range(end - 2, low - 1, -1):
        tok = toks[p]
        if tok.tag_ in {"PRP$", "WP$"} and tok.lower_ in _OWNER_PRONOUNS:
            return _pronoun_owner(doc, tok, orgs)
        if tok.text not in _POSSESSIVE or p == 0:
            if p < start and tok.tag_ not in _MODIFIER_TAGS:
                return None  # "After the bank's results, chief executive X": not the role's owner
            continue
        owner = toks[p - 1]
        if owner.i in orgs:
            return orgs[owner.i]
        if names and owner.is_title:
            return _short_owner(doc, p, orgs, names)  # "Corvell's founder" after "Corvell Air"
        the = owner.left_edge.i
        if owner.is_lower and owner.tag_ == "NN" and the < owner.i and toks[the].lower_ == "the":
            named = last_org_before(doc, the, orgs, head=owner.lower_)
            if named is None and owner.lower_ in ORG_NOUNS:
                named = only_org_before(doc, the, orgs, kind=owner.lower_)  # "the mining company's chairman"
            return named
        return None
    return None


def _pronoun_owner(doc: Doc, pronoun: Token, orgs: TokenLabels) -> str | None:
    """Return the organisation "its" / "their" / "whose" before a role stands for.

    "whose" is the one named right before it ("the Y Trust, whose director, X"); "its" is its
    clause's subject if that is an organisation, else the one named last (not when a name the
    tagger missed is the subject).
    """
    p = pronoun.i
    if pronoun.lower_ == "whose":
        q = p - 2 if p >= 2 and doc_tokens(doc)[p - 1].text == "," else p - 1
        return orgs.get(q)
    subject = _subject(pronoun)
    if subject is not None and subject.i in orgs:
        return orgs[subject.i]
    if subject is not None and subject.pos_ == "PROPN":
        return None  # a name the tagger missed owns "its": not the organisation named last
    return last_org_before(doc, p, orgs)


def _short_owner(doc: Doc, pos: int, orgs: TokenLabels, names: dict[str, str]) -> str | None:
    """Return the organisation the capitalised words before the possessive ``doc[pos]`` stand for."""
    toks = doc_tokens(doc)
    s = pos - 1
    while s > 0 and s - 1 not in orgs and toks[s - 1].is_title and _short_word(toks[s - 1]) and pos - s < 3:
        s -= 1
    found = short_name_prefix(doc, s, pos + 1, orgs, names)
    return found[0] if found is not None and found[1] == pos else None


def short_name_org(doc: Doc, start: int, end: int, orgs: TokenLabels, names: dict[str, str]) -> str | None:
    """Return the organisation a title ``doc[start:end]`` opens with by a short form of its name."""
    found = short_name_prefix(doc, start, end, orgs, names)
    return found[0] if found else None


def short_name_prefix(
    doc: Doc, start: int, end: int, orgs: TokenLabels, names: dict[str, str]
) -> tuple[str, int] | None:
    """Return the organisation a title ``doc[start:end]`` opens with by a short form, and where it ends.

    "Falcons coach X" after "the Orbury Falcons": the capitalised words before the role noun are
    the last words of exactly one organisation's name (failing that, one organisation's whole
    name; failing that, the first words of one organisation's name: "Corvell chief executive X"
    after "Corvell Freight", two plain words at most after it). A generic organisation noun
    ("Police", "Council") and a portfolio ("Water Minister") name no one organisation.
    """
    toks = doc_tokens(doc)
    k = start
    while k < end - 1 and k not in orgs and _short_word(toks[k]):
        k += 1
    if k == start or k in orgs:
        return None
    short = doc[start:k].text
    if short.lower() in ORG_NOUNS or short.lower() in load_lexicons().org_heads or len(short) < 3:
        return None
    if k - start == 1 and toks[start].lower_ in PORTFOLIOS:
        return None  # "Water Minister", "Health spokeswoman": a portfolio, not "Ardent Water"
    longer = {oid for oid, name in names.items() if name.endswith(" " + short)}
    same = {oid for oid, name in names.items() if name == short}
    if len(longer) == 1:
        return longer.pop(), k  # the full name, also when the short one is listed on its own
    if not longer and len(same) == 1:
        return same.pop(), k
    lex = load_lexicons()
    if longer or same or any(_place_word(t, lex.places, lex.demonyms) for t in doc[start:k]):
        return None  # "Republican strategist X" is no officer of "Republican National Committee"
    opening = {oid for oid, name in names.items() if _opens(name, short)}
    return (opening.pop(), k) if len(opening) == 1 else None


def _opens(name: str, short: str) -> bool:
    """Tell whether ``short`` opens ``name`` as a company's short name: one or two plain words follow.

    "Corvell" of "Corvell Freight" or "Corvell Air Lines"; not "Harwick" of "Harwick Town
    Supporters' Trust", a body named after a place or another body.
    """
    if not name.startswith(short + " "):
        return False
    rest = name[len(short) + 1 :].split()
    return len(rest) <= 2 and not any("'" in w or "\u2019" in w for w in rest)


def _place_word(tok: Token, places: frozenset[str], demonyms: frozenset[str]) -> bool:
    """Tell whether ``tok`` names a people or a known place ("Republican", "Ohio")."""
    return tok.ent_type_ == "NORP" or tok.lower_ in places or tok.lower_ in demonyms


def _short_word(tok: Token) -> bool:
    """Tell whether ``tok`` may be a word of an organisation's short name before a role noun."""
    if not tok.is_title or not tok.is_alpha:
        return False
    if tok.tag_ in {"NNP", "NNPS", "NNS"}:
        return True
    return tok.tag_ in {"JJ", "NN"} and tok.ent_type_ != "NORP"  # a name read as a common word
