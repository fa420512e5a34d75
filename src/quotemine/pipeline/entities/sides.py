"""Sides and family firms the NER reads as people: "the Kelby Otters", "Orlin Brothers".

A personal name never ends in a capitalised plural after "the", nor leads a result verb as a
plural ("Kelby Otters beat ..."), nor stands before a score: those are teams. A name ending in
"Brothers" or "Sons" is a family firm. ``side_name`` is asked once per NER entity in
``ner.from_ner``, so the later rules (and the propagation of people's names) see an organisation.
"""

from __future__ import annotations

import re
from typing import Final

from quotemine.extensions import doc_text
from quotemine.pipeline.entities.context import Context, low

__all__ = ["RESULT_VERBS", "plural_side_word", "side_name"]

#: Labels the NER gives a side or a family firm it misreads (a place label is left alone: "the
#: Kelby Hills" is a place).
SIDE_LABELS: Final = frozenset({"PERSON", "WORK_OF_ART", "FAC", "PRODUCT"})
#: The most words a side's name has ("Port Kelby Harbour Otters").
_MAX_WORDS: Final = 4
#: Last words of a family firm's name ("Orlin Brothers", "Vesk & Sons").
_FAMILY_FIRM_WORDS: Final = frozenset({"brothers", "sons"})
#: Verbs of a result right after a side named as the subject ("Kelby Otters beat ...").
RESULT_VERBS: Final = frozenset("beat beats defeated edged routed thrashed drew lost overcame".split())
#: A score ("3-1", "24-17") or a side's points in a score line ("Kelby Otters 24, Orlin Rams 17").
_SCORE: Final = re.compile(r"^\d{1,3}([-\u2013]\d{1,3})?$")
#: A line that is a result: two names, each with its points ("Kelby Otters 24, Orlin Rams 17").
_SCORE_LINE: Final = re.compile(r"^[A-Z][^\d\n]*? \d{1,3},? [A-Z][^\d\n]*? \d{1,3}$")


def _plural_end(ctx: Context, start: int, end: int) -> bool:
    """Return whether the name's last word is a capitalised plural and its first no title."""
    toks, lex = ctx.toks, ctx.lex
    last, key = toks[end - 1], low(toks[end - 1])
    if not (last.is_title and last.is_alpha) or not key.endswith("s") or key.endswith(("ss", "us", "is")):
        return False
    if key in lex.demonyms or key in lex.place_suffixes or key in lex.weak_place_suffixes:
        return False  # "the Ardle Liberals" (a party word), "the Kelby Hills" (a place)
    first = low(toks[start])
    return first not in lex.honorifics and first not in lex.titles


def plural_side_word(ctx: Context, k: int) -> bool:
    """Return whether token ``k`` is a capitalised plural a side's name may end in ("Otters")."""
    return _plural_end(ctx, k, k + 1)


def _on_score_line(ctx: Context, end: int, one_word: bool) -> bool:
    """Return whether the name stands before a score, or before its points on a line that is a result.

    A name of one word needs the line: "beat Kerr 6-3" names a player.
    """
    toks = ctx.toks
    if end >= len(toks) or not _SCORE.match(toks[end].text):
        return False
    if not one_word and not toks[end].text.isdigit():
        return True  # "Kelby Otters 3-1"
    text = doc_text(ctx.doc)
    a = text.rfind("\n", 0, toks[end].idx) + 1
    b = text.find("\n", toks[end].idx)
    return _SCORE_LINE.match(text[a : b if b >= 0 else len(text)].strip()) is not None


def side_name(ctx: Context, start: int, end: int, label: str) -> str | None:
    """Return why tokens ``start:end`` name a side or a family firm, not a person; else ``None``.

    Args:
        ctx: the document.
        start: first token of the entity ("the" in front of it is skipped).
        end: token after the entity.
        label: the NER's label; only a person, a work, a facility or a product is asked.

    """
    toks = ctx.toks
    if label not in SIDE_LABELS or end - start < 1:
        return None
    the_inside = toks[start].lower_ == "the"
    if the_inside:
        start += 1
    if not 1 <= end - start <= _MAX_WORDS or not _plural_end(ctx, start, end):
        return None
    if not all(t.is_title and t.is_alpha for t in toks[start:end]):
        return None  # "Notes on Where the Count Stands": a heading, not a name
    if end - start >= 2 and low(toks[end - 1]) in _FAMILY_FIRM_WORDS:
        return "a name ending in 'Brothers' or 'Sons': a family firm"
    if low(toks[start]) in ctx.lex.first_names:
        return None  # "the Ana Rogers interview", "Ana Rogers beat ...": a person's surname ends in s
    if _on_score_line(ctx, end, end - start == 1):
        return "a plural name before its points: a side"
    if end - start < 2:
        return None
    after_the = the_inside or (start > 0 and toks[start - 1].lower_ == "the")
    if after_the or (end < len(toks) and toks[end].lower_ in RESULT_VERBS):
        return "a capitalised plural name after 'the' or before a result verb: a side, not a person"
    return None
