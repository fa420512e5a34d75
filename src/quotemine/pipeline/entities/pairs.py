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

__all__ = ["people_paired_with_people"]

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
