"""Places the NER read as organisations: "Wexley, a market town", "police in Tarnholm".

A town the NER does not know is often labelled an organisation. The words around one of its
mentions can say it is a place: an apposition headed by a place noun ("X, a town north of the
river") or a place phrase before it ("police in X", "arrested in X", "residents of X", "near X").
Every mention of that name that only the NER's ORG label supports is then read as a place, unless
one of them speaks ("X said") or follows "the".
"""

from __future__ import annotations

from typing import Final

from quotemine.pipeline.entities.candidate import Candidate
from quotemine.pipeline.entities.context import Context, low

__all__ = ["places_read_as_orgs"]

#: Nouns of an apposition that make the name before it a place ("X, a market town").
_PLACE_NOUNS: Final = frozenset(
    "town city village suburb hamlet county province region port island municipality borough "
    "township parish".split()
)
#: Words before "in" that say a place follows ("police in X", "arrested in X", "born in X").
_BEFORE_IN: Final = frozenset(
    "police officers arrested born lives lived living died killed injured shot stabbed residents "
    "homes hospital".split()
)
#: Words before "of" that say a place follows ("residents of X", "the mayor of X").
_BEFORE_OF: Final = frozenset({"residents", "people", "mayor", "outskirts", "streets", "centre", "center"})
#: Prepositions that say a place follows on their own.
_PLACE_PREPOSITIONS: Final = frozenset({"near", "outside"})
_SPEECH: Final = frozenset({"said", "says", "announced", "told", "added", "reported", "declined"})
_REASON: Final = "a name the words around call a place ('X, a market town', 'police in X'): no organisation"


def _place_apposition(ctx: Context, end: int) -> bool:
    """Tell whether ", a/an [adjectives] <place noun>" follows token ``end`` (no noun after the noun)."""
    toks = ctx.toks
    n = len(toks)
    if end + 2 >= n or toks[end].text != "," or toks[end + 1].lower_ not in {"a", "an"}:
        return False
    i = end + 2
    while i < n and i < end + 5 and toks[i].is_lower and toks[i].lower_ not in _PLACE_NOUNS:
        i += 1
    if i >= n or toks[i].lower_ not in _PLACE_NOUNS:
        return False
    return i + 1 >= n or not toks[i + 1].tag_.startswith("NN")


def _place_before(ctx: Context, start: int) -> bool:
    """Tell whether a place phrase stands right before token ``start`` ("police in", "near")."""
    toks = ctx.toks
    if start < 1:
        return False
    prep = toks[start - 1].lower_
    if prep in _PLACE_PREPOSITIONS:
        return True
    if start < 2:
        return False
    before = toks[start - 2].lower_
    return (prep == "in" and before in _BEFORE_IN) or (prep == "of" and before in _BEFORE_OF)


def _ner_org(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a candidate is a title-case name that only the NER called an organisation."""
    toks = ctx.toks
    return (
        cand.label == "ORG"
        and cand.reasons == ["NER label ORG"]
        and cand.end - cand.start <= 2
        and all(t.is_title and t.is_alpha for t in toks[cand.start : cand.end])
        and low(toks[cand.end - 1]) not in ctx.lex.org_heads
    )


def _speaks_or_the(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a mention is followed by a verb of speech or follows "the"."""
    toks = ctx.toks
    after = toks[cand.end].lower_ if cand.end < len(toks) else ""
    return after in _SPEECH or (cand.start > 0 and toks[cand.start - 1].lower_ == "the")


def places_read_as_orgs(ctx: Context, cands: list[Candidate]) -> None:
    """Relabel as places the organisations whose mentions' context calls them places."""
    by_text: dict[str, list[Candidate]] = {}
    for cand in cands:
        if _ner_org(ctx, cand):
            by_text.setdefault(ctx.text(cand.start, cand.end), []).append(cand)
    for group in by_text.values():
        if not any(_place_apposition(ctx, c.end) or _place_before(ctx, c.start) for c in group):
            continue
        if any(_speaks_or_the(ctx, c) and not _place_before(ctx, c.start) for c in group):
            continue  # "X said" ("police in X said" is the police speaking), "the X"
        for c in group:
            c.relabel("GPE", _REASON)
