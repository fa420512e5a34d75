"""The shape of an organisation name: a common noun is none, a club or a body is one.

``vet_shapes`` runs right after ``relabel.first_pass``; each rule records its reason:

* a descriptor before a company's name is no part of it ("Chipmaker Kessel Semiconductor" ->
  "Kessel Semiconductor"), and a descriptor alone is no organisation ("Chipmaker to build plant");
* a one-word ORG that the tagger reads as a common noun, at a sentence start or modifying the noun
  after it, is a capitalised common noun ("Council leader quits", "Press secretary Ana Bell");
* the abbreviation of a common noun is no organisation ("an EV plant", "CCTV images");
* two organisations joined by "and" are two when the text names the first alone elsewhere, and a
  name with the organisation words the NER cut from it is one ("Kelby" + "Pharma Plc");
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


def _capitalised_common_noun(ctx: Context, cand: Candidate, named: set[str]) -> bool:
    """Tell whether a one-word ORG is a common noun capitalised by its place ("Council leader quits").

    Never a plural that ends a longer organisation name of the text (``named``): "Miners coach
    Ana Bell" names the club "Kelby Miners".
    """
    tok = ctx.toks[cand.start]
    if cand.end - cand.start != 1 or tok.tag_ not in _COMMON_TAGS or not tok.is_title:
        return False
    if low(tok) in ctx.lex.org_names or (tok.tag_ == "NNS" and tok.text in named):
        return False
    nxt = ctx.toks[tok.i + 1] if tok.i + 1 < len(ctx.toks) else None
    modifies_next = nxt is not None and nxt.is_lower and tok.head.i == nxt.i and tok.dep_ == "compound"
    return tok.is_sent_start or modifies_next


def _club_place(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a name's last word is a club's word ("Kelby United", "Ardle Athletic"), no known place."""
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
    if not 1 <= len(span) <= 3:
        return False
    end, last = cand.end, span[-1]
    # The cue first: it is two token reads, the name checks below are look-ups per word.
    who = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"
    if not who and not (
        last.dep_ == "appos" and last.head.i < cand.start and low(last.head) in lex.role_heads
    ):
        return False
    if not ctx.is_first_name(span[0]):
        return False
    if not all(
        t.tag_ == "NNP" and t.is_title and (ctx.is_name_word(t) or ctx.is_place(t.text)) for t in span
    ):
        return False  # a first name may be a place's name too ("Lincoln Hale, who ...")
    return ctx.text(cand.start, cand.end).lower() not in lex.org_names


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


_NAME_LABELS: Final = frozenset({"PERSON", "GPE", "NORP", "LOC", "FAC", "ORG", "PRODUCT"})


def _join_head_tails(ctx: Context, cands: list[Candidate]) -> None:
    """Join a name and the organisation words the NER cut from it ("Kelby" + "Pharma Plc").

    An ORG made only of organisation head words and legal forms has no name of its own; the
    capitalised name right before it is its name.
    """
    doc, heads = ctx.toks, ctx.lex.org_heads
    by_end = {c.end: c for c in cands if c.label in _NAME_LABELS}
    taken = {i for c in cands if c.label is not None for i in range(c.start, c.end)}
    for cand in cands:
        if cand.label != "ORG" or not all(
            low(t) in heads and t.text[:1].isupper() for t in doc[cand.start : cand.end]
        ):
            continue
        name = by_end.get(cand.start)
        if name is None:
            start = cand.start
            while (
                start > 0
                and cand.start - start < 3
                and start - 1 not in taken
                and _name_word(ctx, doc[start - 1])
            ):
                start -= 1
            if start < cand.start:
                cand.start = start
                cand.note("extended over the name before its organisation words ('Kelby Pharma Plc')")
            continue
        if name is cand or not all(t.text[:1].isupper() for t in doc[name.start : name.end]):
            continue
        name.end = cand.end
        name.relabel("ORG", "a name and the organisation words the NER cut from it ('Kelby' + 'Pharma Plc')")
        cand.drop("organisation words joined to the name before them")


def _name_word(ctx: Context, tok: Token) -> bool:
    """Tell whether a token may be a word of a name: a title-case proper noun, no stop or role word."""
    key = low(tok)
    return (
        tok.is_title
        and tok.tag_ in {"NNP", "NNPS"}
        and key not in ctx.lex.stop_words
        and key not in ctx.lex.role_heads
        and not descriptor_lead(tok.text)
    )


def vet_shapes(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Apply the shape rules to the first-pass candidates; return the live ones."""
    cands = cands + _split_pairs(ctx, pool, cands)
    _join_head_tails(ctx, cands)
    doc = ctx.toks
    named = {doc[c.end - 1].text for c in cands if c.label == "ORG" and c.end - c.start >= 2}
    for cand in cands:
        if cand.label in _PERSON_MISREAD and _first_name_with_who(ctx, cand):
            cand.relabel("PERSON", "a first name before ', who' or after a role: a person")
        elif cand.label == "ORG":
            _cut_descriptor(ctx, cand)
            if cand.label == "ORG" and _capitalised_common_noun(ctx, cand, named):
                cand.drop("a capitalised common noun, not a name ('Council leader quits')")
            elif cand.label == "ORG" and _common_abbreviation(ctx, cand):
                cand.drop("the abbreviation of a common noun ('EV', 'CCTV'), not an organisation")
        elif cand.label == "PERSON" and _club_place(ctx, cand) and not ctx.is_first_name(doc[cand.start]):
            cand.relabel("ORG", "a name ending in a club's word, no first name ('Kelby United'): a club")
        elif cand.label in _PLACE_LABELS:
            tok = ctx.toks[cand.start]
            if _club_place(ctx, cand):
                cand.relabel("ORG", "a place name ending in a club's word ('Kelby United'): a club")
                if tok.lower_ == "the":  # the trim step cuts "the" from ORG names only, and ran before
                    cand.start += 1
            elif cand.end - cand.start == 1 and not ctx.is_place(tok.text) and _org_apposition(ctx, tok):
                cand.relabel("ORG", "an apposition calls it an organisation ('X, the conciliation service')")
    return [c for c in cands if c.label is not None]
