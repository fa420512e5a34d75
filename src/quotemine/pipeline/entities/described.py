"""Organisations the NER missed that the text itself calls one.

Two shapes: a name set off by an apposition that names a kind of body ("Halvey Voice, the
consumer group, said"; "QRX, the lobby group for retired teachers, said"), and a news agency in
brackets after a dateline ("OSTLEY (Varrow Wire) -"). Only words no candidate holds are added,
except a "person" with no first name so described ("Kelby Forward, a super PAC"), relabelled.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

import numpy
from spacy.tokens import Token

from quotemine.lexicons.words import POSSESSIVE_S
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, low, string_ids
from quotemine.pipeline.entities.evidence import descriptor_before

__all__ = ["described_orgs"]

_COMMA_IDS: Final = string_ids([","])
_DETERMINERS: Final = frozenset({"the", "a", "an"})
_INDEFINITE: Final = frozenset({"a", "an"})
_LIST_JOINS: Final = frozenset({",", "and", "or", "&"})
#: How many lower-case words may stand between the determiner and the kind of body ("the
#: government-owned roads company").
_MAX_MODIFIERS: Final = 3
#: A dateline and a source in brackets at the start of a line ("OSTLEY (Varrow Wire) -", "OSTLEY,
#: May 3 (Varrow Wire) -").
_DATELINE: Final = re.compile(
    r"(?m)^[A-Z][A-Z .'-]{2,40}(?:, [A-Z][A-Za-z.]+(?: \d{1,2})?)?"
    r" \(([A-Z][^()\n\d]{1,40})\) ?[-\u2013\u2014]"
)
#: Labels the NER may give a news agency's name in a dateline's brackets.
_NOT_AGENCY_LABELS: Final = frozenset({"NORP", "GPE", "LOC", "FAC", "PRODUCT"})
#: The dateline is looked for in the first characters of the text only.
_DATELINE_CHARS: Final = 600


def _kind_of_body(ctx: Context, i: int, *, heads_only: bool = False) -> bool:
    """Return whether ", the <modifiers> <kind of body>" starts at the comma ``i`` (the body ends there).

    With ``heads_only``, only an organisation's head word counts, not a descriptor that may be a
    person's trade too ("a pollster", "a publisher").
    """
    toks, lex = ctx.toks, ctx.lex
    k = i + 1
    if k >= len(toks) or toks[k].lower_ not in _DETERMINERS:
        return False
    k += 1
    for _ in range(_MAX_MODIFIERS + 1):
        if k >= len(toks):
            return False
        key = low(toks[k])
        if not (toks[k].is_lower or (toks[k].is_upper and key in lex.org_heads)):  # "a super PAC"
            return False
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        noun_next = nxt is not None and (
            nxt.text in POSSESSIVE_S or (nxt.is_lower and nxt.tag_ in {"NN", "NNS"}) or nxt.text == "-"
        )
        if (key in lex.org_heads or (not heads_only and key in lex.org_descriptors)) and not noun_next:
            return True  # "the lobby group for ...", "the roads company," (not "a bank manager")
        k += 1
    return False


def _name_before(ctx: Context, i: int, taken: set[int]) -> int:
    """Return the start of a run of one to four proper nouns no candidate holds ending before ``i``."""
    toks = ctx.toks
    j = i
    while j > 0 and i - j < 4 and j - 1 not in taken and _name_word(toks[j - 1]):
        j -= 1
    return j


def _name_word(tok: Token) -> bool:
    return tok.tag_ in PROPER_TAGS and (tok.is_title or tok.is_upper) and tok.is_alpha


def _appositions(ctx: Context, pool: Pool, taken: set[int]) -> list[Candidate]:
    toks = ctx.toks
    added: list[Candidate] = []
    for i in ctx.where("ORTH", _COMMA_IDS):
        start = _name_before(ctx, i, taken)
        if start == i or not _kind_of_body(ctx, i):
            continue
        if start > 0 and (
            _name_word(toks[start - 1]) or (toks[start - 1].is_title and not toks[start - 1].is_sent_start)
        ):
            continue  # a longer name, or one the NER holds in part
        if ctx.is_first_name(toks[start]) or ctx.is_place(ctx.text(start, i)):
            continue  # "Ana Reyes, the firm's founder", "Kelby, the market town"
        added.append(pool.new(start, i, "ORG", "a name set off by ', the <kind of body>': an organisation"))
        taken.update(range(start, i))
    return added


@lru_cache(maxsize=4)
def _word_ids(words: frozenset[str]) -> numpy.ndarray[Any, Any]:
    """Return the string ids of a lexicon's words (once per lexicon)."""
    return string_ids(words)


def _after_descriptor(ctx: Context, pool: Pool, taken: set[int]) -> list[Candidate]:
    """Find a name right after an organisation noun with a determiner or a possessive ("drivers' union X")."""
    toks = ctx.toks
    added: list[Candidate] = []
    for k in ctx.where("LOWER", _word_ids(ctx.lex.org_descriptors)):
        start = k + 1
        end = start
        while end < len(toks) and end - start < 3 and end not in taken and _name_word(toks[end]):
            end += 1
        if end == start or not toks[k].is_lower or (end < len(toks) and _name_word(toks[end])):
            continue
        if (
            ctx.is_first_name(toks[start])
            or ctx.is_place(ctx.text(start, end))
            or not descriptor_before(ctx, start)
        ):
            continue
        added.append(
            pool.new(start, end, "ORG", "a name after an organisation noun ('the union X'): an organisation")
        )
        taken.update(range(start, end))
    return added


def _dateline_source(ctx: Context, pool: Pool, cands: list[Candidate], taken: set[int]) -> list[Candidate]:
    match = _DATELINE.search(ctx.prefix(_DATELINE_CHARS))
    if match is None:
        return []
    span = ctx.doc.char_span(match.start(1), match.end(1))
    if span is None or len(span) > 4:
        return []
    for c in cands:
        if (c.start, c.end) == (span.start, span.end) and c.label in _NOT_AGENCY_LABELS:
            c.relabel("ORG", "a source in brackets after a dateline: a news agency")
            return []  # the NER read the agency's name as a nationality or a place ("(UPI)")
    if any(i in taken for i in range(span.start, span.end)):
        return []
    taken.update(range(span.start, span.end))
    return [pool.new(span.start, span.end, "ORG", "a source in brackets after a dateline: a news agency")]


def _people_described_as_bodies(ctx: Context, cands: list[Candidate]) -> None:
    """Relabel as an organisation a "person" with no first name set off by ", a <kind of body>".

    Not the last item of a list, and not before ", the <kind of body>", which may open a new clause
    ("... and Quarnby, the water board said").

    "Kelby Forward, a super PAC backing ...": the NER read the name as a person's. Every other
    PERSON mention of the same words goes with it.
    """
    toks = ctx.toks
    names: set[str] = set()
    for c in cands:
        if (
            c.label == "PERSON"
            and c.end < len(toks)
            and toks[c.end].text == ","
            and c.end + 1 < len(toks)
            and toks[c.end + 1].lower_ in _INDEFINITE  # "X, the water board said" may be a new clause
            and not (c.start > 0 and toks[c.start - 1].lower_ in _LIST_JOINS)  # "A, B and X, a ..."
            and not ctx.is_first_name(toks[c.start])
            and _kind_of_body(ctx, c.end, heads_only=True)
        ):
            names.add(ctx.text(c.start, c.end))
    if not names:
        return
    for c in cands:
        if c.label == "PERSON" and ctx.text(c.start, c.end) in names:
            c.relabel("ORG", "a name set off by ', a <kind of body>' and no first name: an organisation")


def described_orgs(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with the organisations the text describes as such added."""
    _people_described_as_bodies(ctx, cands)
    taken = {i for c in cands if c.label is not None for i in range(c.start, c.end)}
    return (
        cands
        + _dateline_source(ctx, pool, cands, taken)
        + _appositions(ctx, pool, taken)
        + _after_descriptor(ctx, pool, taken)
    )
