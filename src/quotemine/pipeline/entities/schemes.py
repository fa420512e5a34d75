"""Names of programmes and schemes the NER read as organisations: "its Brightway scheme".

A one- or two-word name that only the NER calls an organisation, used as the modifier of a
lower-case noun for a programme, scheme or bill ("the Brightway scheme", "its Fairstart
programme"), names that programme, not a body. When every mention of the name is used that way it
is no organisation; a mention that stands alone ("Brightway said") keeps the name one.
"""

from __future__ import annotations

from typing import Final

from quotemine.pipeline.entities.candidate import Candidate
from quotemine.pipeline.entities.context import Context, low, string_ids
from quotemine.pipeline.entities.places import title_ner_org

__all__ = ["schemes_read_as_orgs"]

#: Lower-case nouns for a programme, a plan or a law that a name before them names.
_SCHEME_NOUNS: Final = frozenset(
    "programme programmes program programs scheme schemes initiative plan project bill legislation".split()
)
_SCHEME_IDS: Final = string_ids(_SCHEME_NOUNS)
#: Determiners before such a name ("the X scheme", "its X programme", "a X plan").
_SCHEME_DETS: Final = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"})
_REASON: Final = "names a programme or a scheme ('the X scheme'), not an organisation"


def _ner_only_org(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a candidate is a title-case name only the NER calls a body, with no organisation word."""
    heads = ctx.lex.org_heads
    return title_ner_org(ctx, cand) and not any(low(t) in heads for t in ctx.toks[cand.start : cand.end])


def _names_a_scheme(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a mention sits between a determiner and a scheme noun it modifies ("its X programme")."""
    toks = ctx.toks
    if cand.start == 0 or cand.end >= len(toks) or toks[cand.start - 1].lower_ not in _SCHEME_DETS:
        return False
    noun = toks[cand.end]
    return noun.is_lower and noun.lower_ in _SCHEME_NOUNS and toks[cand.end - 1].head.i == cand.end


def schemes_read_as_orgs(ctx: Context, cands: list[Candidate]) -> None:
    """Drop the organisations whose every mention names a programme or a scheme."""
    if not ctx.where("LOWER", _SCHEME_IDS):
        return  # no programme noun in the text
    by_text: dict[str, list[Candidate]] = {}
    for cand in cands:
        if cand.label == "ORG":
            by_text.setdefault(ctx.text(cand.start, cand.end), []).append(cand)
    for group in by_text.values():
        if all(_ner_only_org(ctx, c) and _names_a_scheme(ctx, c) for c in group):
            for c in group:
                c.drop(_REASON)
