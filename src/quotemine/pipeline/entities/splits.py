"""Organisations the NER cut in two at "and": "the Kelby Nursing and Midwifery Council".

The NER often ends an organisation at "and" and starts another after it. When the first part,
after "the", holds no organisation word and the second ends in one, the two are one name.
"""

from __future__ import annotations

import itertools
from typing import Final

from quotemine.pipeline.entities.candidate import Candidate
from quotemine.pipeline.entities.context import Context, low

__all__ = ["join_split_orgs"]

_AND: Final = frozenset({"and", "&"})


def _one_name(ctx: Context, first: Candidate, second: Candidate) -> bool:
    """Return whether ``first`` "and" ``second`` are the two halves of one organisation's name."""
    toks, heads = ctx.toks, ctx.lex.org_heads
    if second.start != first.end + 1 or toks[first.end].lower_ not in _AND:
        return False
    if first.start == 0 or toks[first.start - 1].lower_ != "the":
        return False  # "Kelby Mills and Orlin Foods": two firms
    if any(low(t) in heads for t in toks[first.start : first.end]):
        return False  # "the Kelby Council and Orlin Foods": the first is a whole name
    words = toks[first.start : second.end]
    return low(toks[second.end - 1]) in heads and all(t.is_title or t.lower_ in _AND for t in words)


def join_split_orgs(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Join an organisation cut at "and" into one candidate; return the live candidates."""
    orgs = sorted((c for c in cands if c.label == "ORG"), key=lambda c: c.start)
    for first, second in itertools.pairwise(orgs):
        if first.label == "ORG" and second.label == "ORG" and _one_name(ctx, first, second):
            first.end = second.end
            first.note("joined over 'and' with the rest of its name")
            second.drop("the rest of an organisation's name cut at 'and'")
    return [c for c in cands if c.label is not None]
