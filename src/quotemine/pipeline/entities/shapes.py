"""The shape of an organisation name: a common noun is none, a club or a body is one.

``vet_shapes`` runs right after ``relabel.first_pass``; each rule records its reason:

* a descriptor before a company's name is no part of it ("Chipmaker Kessel Semiconductor" ->
  "Kessel Semiconductor"), and a descriptor alone is no organisation ("Chipmaker to build plant");
* a one-word ORG that the tagger reads as a common noun, at a sentence start or modifying the noun
  after it, is a capitalised common noun ("Council leader quits", "Press secretary Ana Bell");
* the abbreviation of a common noun is no organisation ("an EV plant", "CCTV images");
* two organisations joined by "and" are two when the text names the first alone elsewhere;
* a "place" whose last word is a club's word is a club ("Kelby United");
* a one-word "place" that no gazetteer knows, in apposition to an organisation noun, is an
  organisation ("Mediacorp, the broadcasting service");
* a first name the NER read as an organisation or a place is a person before ", who" or in
  apposition to a role noun ("her deputy, Ana, who ...").

The descriptor words and abbreviations live in ``data/entity_kinds.json`` (``descriptor_leads``,
``common_abbreviations``).
"""

from __future__ import annotations

import functools
from typing import Final

from spacy.tokens import Token

from quotemine.lexicons import data_json
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.cluster import CLUB_TAILS
from quotemine.pipeline.entities.context import Context, low

__all__ = ["descriptor_lead", "vet_shapes"]

_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_COMMON_TAGS: Final = frozenset({"NN", "NNS"})


@functools.lru_cache(maxsize=1)
def _descriptor_leads() -> frozenset[str]:
    return frozenset(str(w) for w in data_json("entity_kinds.json")["descriptor_leads"])


@functools.lru_cache(maxsize=1)
def _common_abbreviations() -> frozenset[str]:
    return frozenset(str(w) for w in data_json("entity_kinds.json")["common_abbreviations"])


def _common_abbreviation(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a one-word ORG is the abbreviation of a common noun ("an EV plant", "CCTV")."""
    tok = ctx.toks[cand.start]
    return cand.end - cand.start == 1 and tok.is_upper and tok.lower_ in _common_abbreviations()


def descriptor_lead(word: str) -> bool:
    """Tell whether a word describes a company rather than names it ("chipmaker", "insurer")."""
    key = word.lower()
    return key in _descriptor_leads() or (key.endswith("maker") and len(key) > 6)


def _cut_descriptor(ctx: Context, cand: Candidate) -> None:
    """Cut a descriptor from the front of an ORG; drop an ORG that is nothing but one."""
    first = ctx.toks[cand.start]
    if not (first.is_title and descriptor_lead(first.text)) or low(first) in ctx.lex.org_names:
        return
    if cand.end - cand.start == 1:
        cand.drop("a word that describes a company, not its name ('Chipmaker')")
    else:
        cand.start += 1
        cand.note("descriptor cut from the front ('Chipmaker X' -> 'X')")


def _capitalised_common_noun(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a one-word ORG is a common noun capitalised by its place ("Council leader quits")."""
    tok = ctx.toks[cand.start]
    if cand.end - cand.start != 1 or tok.tag_ not in _COMMON_TAGS or not tok.is_title:
        return False
    if low(tok) in ctx.lex.org_names:
        return False
    nxt = ctx.toks[tok.i + 1] if tok.i + 1 < len(ctx.toks) else None
    modifies_next = nxt is not None and nxt.is_lower and tok.head.i == nxt.i and tok.dep_ == "compound"
    return tok.is_sent_start or modifies_next


def _club_place(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a place's last word is a club's word ("Kelby United", "Ardle Athletic")."""
    last = ctx.toks[cand.end - 1]
    return (
        cand.end - cand.start >= 2
        and last.is_title
        and last.lower_ in CLUB_TAILS
        and not ctx.is_place(ctx.text(cand.start, cand.end))
    )


def _org_apposition(ctx: Context, tok: Token) -> bool:
    """Tell whether a one-word name has an apposition headed by an organisation noun."""
    heads = ctx.lex.org_descriptors | ctx.lex.org_heads
    return any(c.dep_ == "appos" and c.is_lower and c.lower_ in heads for c in tok.children)


_PERSON_MISREAD: Final = frozenset({"ORG", "GPE", "NORP"})


def _first_name_with_who(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a first name (and surname) comes before ", who" or after a role ("his aide, Ana").

    The NER reads a lone first name as an organisation or a place; a relative "who" or an
    apposition to a role noun says it is a person.
    """
    doc, lex = ctx.toks, ctx.lex
    span = doc[cand.start : cand.end]
    if not (1 <= len(span) <= 3 and ctx.is_first_name(span[0])):
        return False
    if not all(
        t.tag_ == "NNP" and t.is_title and (ctx.is_name_word(t) or ctx.is_place(t.text)) for t in span
    ):
        return False  # a first name may be a place's name too ("Lincoln Hale, who ...")
    if ctx.text(cand.start, cand.end).lower() in lex.org_names:
        return False
    end = cand.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who":
        return True
    last = span[-1]
    return last.dep_ == "appos" and last.head.i < cand.start and low(last.head) in lex.role_heads


def _split_pairs(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Split an ORG of two names joined by "and" when the text names the first alone elsewhere.

    "Kelby Motors and Orlin Steel" read as one organisation, where "Kelby Motors" is also an
    organisation of its own: two organisations. Returns the new second halves.
    """
    doc = ctx.toks
    orgs = [c for c in cands if c.label == "ORG"]
    pairs = [
        c
        for c in orgs
        if c.end - c.start >= 4 and any(t.lower_ == "and" for t in doc[c.start + 2 : c.end - 1])
    ]
    if not pairs:
        return []
    names = {ctx.text(c.start, c.end) for c in orgs}
    added: list[Candidate] = []
    for cand in pairs:
        for k in range(cand.start + 2, cand.end - 1):
            if doc[k].lower_ == "and" and ctx.text(cand.start, k) in names:
                added.append(pool.new(k + 1, cand.end, "ORG", "second of two organisations joined by 'and'"))
                cand.end = k
                cand.note("cut before 'and': the first of two organisations, named alone elsewhere")
                break
    return added


def vet_shapes(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Apply the shape rules to the first-pass candidates; return the live ones."""
    cands = cands + _split_pairs(ctx, pool, cands)
    for cand in cands:
        if cand.label in _PERSON_MISREAD and _first_name_with_who(ctx, cand):
            cand.relabel("PERSON", "a first name before ', who' or after a role: a person")
        elif cand.label == "ORG":
            _cut_descriptor(ctx, cand)
            if cand.label == "ORG" and _capitalised_common_noun(ctx, cand):
                cand.drop("a capitalised common noun, not a name ('Council leader quits')")
            elif cand.label == "ORG" and _common_abbreviation(ctx, cand):
                cand.drop("the abbreviation of a common noun ('EV', 'CCTV'), not an organisation")
        elif cand.label in _PLACE_LABELS:
            tok = ctx.toks[cand.start]
            if _club_place(ctx, cand):
                cand.relabel("ORG", "a place name ending in a club's word ('Kelby United'): a club")
            elif cand.end - cand.start == 1 and not ctx.is_place(tok.text) and _org_apposition(ctx, tok):
                cand.relabel("ORG", "an apposition calls it an organisation ('X, the conciliation service')")
    return [c for c in cands if c.label is not None]
