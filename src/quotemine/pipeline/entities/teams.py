"""Teams the NER missed: a capitalised plural name after "the" next to a score or a verb of play.

"beat the Kelby Herons 98-90", "face the top-seeded Dunmere Kings": sports copy names a side as a
plural noun phrase, which the NER often leaves out or reads as a person.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import Context, string_ids
from quotemine.pipeline.entities.relabel import score_at

__all__ = ["team_names"]

_THE_IDS: Final = string_ids(["the"])
#: Verbs and prepositions of play before a side ("beat the X", "face the X", "against the X").
_PLAY_WORDS: Final = frozenset(
    "beat beats beating defeated edged routed face faces facing host hosts hosted hosting "
    "visit visits visited play plays played against".split()
)
#: Labels the NER gives a team's name ("the Kelby Stags" as a facility, "Dunmere Kings" as a person).
_MISREAD_LABELS: Final = frozenset({"PERSON", "FAC", "PRODUCT", "WORK_OF_ART"})
_REASON: Final = "a capitalised plural name after 'the' next to a score or a verb of play: a team"


def _after_adjective(doc: list[Token], i: int) -> int:
    """Return the index after a lower-case hyphenated adjective at ``i`` ("top-seeded"), else ``i``."""
    if i + 2 < len(doc) and doc[i].is_lower and doc[i + 1].text == "-" and doc[i + 2].is_lower:
        return i + 3
    return i


def _plural_name_end(ctx: Context, start: int) -> int:
    """Return the end of a run of two or more capitalised words ending in a plural, else ``start``."""
    doc = ctx.toks
    end = start
    while end < len(doc) and end - start < 4 and doc[end].is_title and doc[end].is_alpha:
        end += 1
    if end - start < 2:
        return start
    last = doc[end - 1].lower_
    if not last.endswith("s") or last.endswith(("ss", "us")) or last in ctx.lex.demonyms:
        return start
    return end


def team_names(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for the teams named after "the" beside a score or a verb of play."""
    doc = ctx.toks
    taken = {i for c in cands if c.label is not None for i in range(c.start, c.end)}
    misread = {(c.start, c.end): c for c in cands if c.label in _MISREAD_LABELS}
    added: list[Candidate] = []
    for k in ctx.where("LOWER", _THE_IDS):
        start = _after_adjective(doc, k + 1)
        end = _plural_name_end(ctx, start)
        if end == start or not (score_at(doc, end) or (k > 0 and doc[k - 1].lower_ in _PLAY_WORDS)):
            continue
        other = misread.get((start, end)) or misread.get((k, end))
        if other is not None:  # "the top-seeded Dunmere Kings" read as a person, "the Kelby Stags" as a place
            other.start = start
            other.relabel("ORG", _REASON)
        elif not any(i in taken for i in range(start, end)):
            added.append(pool.new(start, end, "ORG", _REASON))
            taken.update(range(start, end))
    return added
