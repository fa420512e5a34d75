"""Places the NER read as organisations: "Wexley, a market town", "police in Tarnholm".

A town the NER does not know is often labelled an organisation. The words around one of its
mentions can say it is a place: an apposition headed by a place noun ("X, a town north of the
river") or a place phrase before it ("police in X", "arrested in X", "residents of X", "near X").
Every mention of that name that only the NER's ORG label supports is then read as a place, unless
one of them speaks ("X said") or follows "the". Names listed after a plural place noun
("villages including X, Y and Z") are places too.
"""

from __future__ import annotations

from typing import Final

from quotemine.pipeline.entities.candidate import Candidate
from quotemine.pipeline.entities.context import Context, low, string_ids

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


def title_ner_org(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a candidate is a title-case name of one or two words that only the NER called a body.

    Shared by the rules that take such a name back (a town here, a programme in ``schemes``); each
    adds its own test of organisation words.
    """
    return (
        cand.label == "ORG"
        and cand.reasons == ["NER label ORG"]
        and cand.end - cand.start <= 2
        and all(t.is_title and t.is_alpha for t in ctx.toks[cand.start : cand.end])
    )


def _ner_org(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a candidate is a title-case name that only the NER called an organisation."""
    return title_ner_org(ctx, cand) and low(ctx.toks[cand.end - 1]) not in ctx.lex.org_heads


def _speaks_or_the(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a mention is followed by a verb of speech or follows "the"."""
    toks = ctx.toks
    after = toks[cand.end].lower_ if cand.end < len(toks) else ""
    return after in _SPEECH or (cand.start > 0 and toks[cand.start - 1].lower_ == "the")


#: Plural place nouns before a list of places ("villages including X, Y and Z", "the towns of X and Y").
_PLACE_PLURALS: Final = frozenset(
    "towns cities villages suburbs hamlets counties provinces regions ports islands municipalities "
    "boroughs townships parishes".split()
)
_PLACE_PLURAL_IDS: Final = string_ids(_PLACE_PLURALS)
#: Words that may stand between a plural place noun and its list ("towns affected include X").
_LIST_GAP: Final = 4
_LIST_JOINS: Final = frozenset({",", "and", "or"})
_LIST_REASON: Final = "listed after a plural place noun ('villages including X, Y and Z'): a place"


def _list_item(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a candidate may be a town in a list: a place, or a name the NER called a body or a person.

    "Kelby and Orlin" (the NER's one organisation over two towns) counts too.
    """
    toks = ctx.toks
    if cand.label in {"GPE", "LOC"}:
        return True
    if cand.label == "PERSON":  # "Tenby Vale" read as a person: no first name in front
        return cand.end - cand.start <= 2 and not ctx.is_first_name(toks[cand.start])
    return (
        cand.label == "ORG"
        and cand.reasons == ["NER label ORG"]
        and cand.end - cand.start <= 3
        and all((t.is_title and t.is_alpha) or t.lower_ == "and" for t in toks[cand.start : cand.end])
        and toks[cand.start].is_title
        and toks[cand.end - 1].is_title
        and not any(low(t) in ctx.lex.org_heads for t in toks[cand.start : cand.end])
    )


def _lone_word(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a candidate is one title-case word of another kind (a town the NER read as a date)."""
    tok = ctx.toks[cand.start]
    return cand.end - cand.start == 1 and cand.label != "PERSON" and tok.is_title and tok.is_alpha


def _place_noun_before(ctx: Context, start: int) -> bool:
    """Tell whether a plural place noun stands a few lower-case words before ``start`` ("towns such as")."""
    toks = ctx.toks
    for i in range(start - 1, max(-1, start - 1 - _LIST_GAP), -1):
        tok = toks[i]
        if tok.lower_ in _PLACE_PLURALS:
            return True
        if not (tok.is_lower or tok.text == ","):
            return False
    return False


def _place_lists(ctx: Context, cands: list[Candidate]) -> None:
    """Relabel as places the organisations listed after a plural place noun ("villages including X, Y and Z").

    A list is two or more names joined by commas and "and" / "or"; each item must be a place or a
    title-case name only the NER called an organisation (no organisation head word), or a "person"
    with no first name in front.
    """
    if not ctx.where("LOWER", _PLACE_PLURAL_IDS):
        return  # no plural place noun in the text: no list to read
    toks = ctx.toks
    items = sorted((c for c in cands if c.label is not None), key=lambda c: c.start)
    k = 0
    while k < len(items):
        run = [items[k]]
        while k + 1 < len(items):
            prev, nxt = run[-1], items[k + 1]
            gap = toks[prev.end : nxt.start]
            if not (1 <= len(gap) <= 2 and all(t.lower_ in _LIST_JOINS for t in gap)):
                break
            run.append(nxt)
            k += 1
        k += 1
        many = len(run) >= 2 or any(toks[i].lower_ == "and" for i in range(run[0].start, run[0].end))
        if not many or not all(_list_item(ctx, c) or _lone_word(ctx, c) for c in run):
            continue
        if not _place_noun_before(ctx, run[0].start):
            continue
        for c in run:
            if c.label in {"ORG", "PERSON"}:
                c.relabel("GPE", _LIST_REASON)


def places_read_as_orgs(ctx: Context, cands: list[Candidate]) -> None:
    """Relabel as places the organisations whose mentions' context calls them places."""
    _place_lists(ctx, cands)
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
