"""A surname the NER read as an organisation or a place, paired with a person by "and".

"Brody and Zamarripa both stressed ...": the NER often calls a lone surname it does not know (a
Spanish or Portuguese one most of all) an organisation or a place. Joined by "and" to a person,
as the only two items of the pair, a one-word name that is a known surname, no known place and
no organisation word is a person too. ``propagate_people`` then makes its other mentions people.
"""

from __future__ import annotations

from typing import Final

from quotemine.pipeline.entities.candidate import Candidate
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, low

__all__ = ["people_before_role_appositions", "people_paired_with_people"]

_MISREAD: Final = frozenset({"ORG", "GPE", "NORP"})
_REASON: Final = "a known surname joined by 'and' to a person ('Brody and Zamarripa'): a person"
#: Words before a pair that make it part of a longer list or a name ("Kelby, Brody and X").
_LIST_WORDS: Final = frozenset({",", "and", "&", "of", "the", "v.", "vs.", "vs"})


def _surname_alone(ctx: Context, c: Candidate) -> bool:
    """Tell whether a one-word candidate is a known surname and nothing else (no place, no body)."""
    if c.end - c.start != 1 or c.label not in _MISREAD:
        return False
    tok = ctx.toks[c.start]
    key = low(tok)
    return (
        tok.is_title
        and tok.tag_ in PROPER_TAGS
        and key in ctx.lex.surnames
        and key not in ctx.lex.org_heads
        and key not in ctx.lex.org_names
        and not ctx.is_place(tok.text)
        and not ctx.is_demonym_span([tok])
    )


def _pair_edge(ctx: Context, start: int, end: int) -> bool:
    """Tell whether the pair ``start:end`` stands alone: no list or name word just outside it."""
    doc = ctx.toks
    before = start == 0 or doc[start].is_sent_start or doc[start - 1].lower_ not in _LIST_WORDS
    after = end >= len(doc) or doc[end].lower_ not in {",", "and", "&"}
    return before and after


def people_paired_with_people(ctx: Context, cands: list[Candidate]) -> None:
    """Relabel as PERSON a lone surname read as a body or a place when "and" pairs it with a person."""
    doc = ctx.toks
    by_start = {c.start: c for c in cands if c.label == "PERSON"}
    by_end = {c.end: c for c in cands if c.label == "PERSON"}
    for c in cands:
        k = c.start
        if c.end - k != 1 or c.label not in _MISREAD:
            continue
        left = by_end.get(k - 1) if k >= 2 and doc[k - 1].lower_ == "and" else None
        right = by_start.get(k + 2) if k + 2 < len(doc) and doc[k + 1].lower_ == "and" else None
        if (left is None and right is None) or not _surname_alone(ctx, c):
            continue
        for other, start, end in ((left, None, c.end), (right, c.start, None)):
            if other is None or other.label != "PERSON":
                continue
            if _pair_edge(ctx, other.start if start is None else start, other.end if end is None else end):
                c.relabel("PERSON", _REASON)
                break


_DETERMINERS: Final = frozenset({"the", "a", "an"})
_ROLE_REASON: Final = (
    "a name the NER cut and misread, set off by ', the <role>' ('X Vance, the party chairman'): a person"
)


def _role_apposition(ctx: Context, i: int) -> bool:
    """Tell whether ", the <up to three words> <role>," starts at the comma ``i`` ("the party chairman")."""
    doc, roles = ctx.toks, ctx.lex.role_heads
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _DETERMINERS:
        return False
    for k in range(i + 2, min(i + 6, len(doc) - 1)):
        tok = doc[k]
        if tok.is_punct:
            return False
        if low(tok) in roles and tok.is_lower:
            return doc[k + 1].text in {",", "."}
    return False


def people_before_role_appositions(ctx: Context, cands: list[Candidate]) -> None:
    """Make a person of an unknown first name and a surname the NER read as a body, before ", the <role>,".

    "Tarquin Vance, the party chairman, said": the NER leaves the first name out and calls the
    surname an organisation. The untagged title-case word before it joins the name.
    """
    doc = ctx.toks
    taken = {i for c in cands if c.label is not None for i in range(c.start, c.end)}
    for c in cands:
        k = c.start
        if c.end - k != 1 or c.label not in _MISREAD or k == 0 or not _role_apposition(ctx, c.end):
            continue
        first, last = doc[k - 1], doc[k]
        if k - 1 in taken or not (
            first.is_title and first.tag_ == "NNP" and last.is_title and last.tag_ == "NNP"
        ):
            continue
        key = low(first)
        if key in ctx.lex.stop_words or key in ctx.lex.role_heads or key in ctx.lex.titles:
            continue
        if ctx.is_place(last.text) or low(last) in ctx.lex.org_heads or low(last) in ctx.lex.org_names:
            continue
        c.start = k - 1
        c.relabel("PERSON", _ROLE_REASON)
