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
from quotemine.pipeline.entities.sides import RESULT_VERBS

__all__ = ["team_names"]

_THE_IDS: Final = string_ids(["the"])
#: Verbs and prepositions of play before a side ("beat the X", "face the X", "against the X").
_PLAY_WORDS: Final = frozenset(
    "beat beats beating defeated edged routed face faces facing host hosts hosted hosting "
    "visit visits visited play plays played against".split()
)
#: Labels the NER gives a team's name ("the Kelby Stags" as a facility, "Dunmere Kings" as a person).
_MISREAD_LABELS: Final = frozenset({"PERSON", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Verbs of a result right after a side named as the subject ("the Kelby Herons beat ..."): the
#: ones ``sides`` knows, less "overcame", which this rule has never taken.
_RESULT_VERBS: Final = RESULT_VERBS - {"overcame"}
_REASON: Final = "a capitalised plural name after 'the' next to a score or a verb of play: a team"


def _after_adjective(doc: list[Token], i: int) -> int:
    """Return the index after a lower-case hyphenated adjective at ``i`` ("top-seeded"), else ``i``."""
    if i + 2 < len(doc) and doc[i].is_lower and doc[i + 1].text == "-" and doc[i + 2].is_lower:
        return i + 3
    return i


def _plural_name_end(ctx: Context, start: int, least: int = 2) -> int:
    """Return the end of a run of ``least`` or more capitalised words ending in a plural, else ``start``."""
    doc = ctx.toks
    end = start
    while end < len(doc) and end - start < 4 and doc[end].is_title and doc[end].is_alpha:
        end += 1
    if end - start < least:
        return start
    last = doc[end - 1].lower_
    if not last.endswith("s") or last.endswith(("ss", "us")) or last in ctx.lex.demonyms:
        return start
    return end


def _sports_evidence(doc: list[Token], k: int, start: int, end: int) -> bool:
    """Tell whether "the" at ``k`` and the plural name ``start:end`` stand where a side does.

    A score right after the name will do for a name of one word ("beat the Herons 3-1"); a name of
    two or more words may also follow a verb of play or lead a verb of result ("the Kelby Herons
    beat ...").
    """
    if score_at(doc, end):
        return True
    if end - start < 2:
        return False
    return (k > 0 and doc[k - 1].lower_ in _PLAY_WORDS) or (
        end < len(doc) and doc[end].lower_ in _RESULT_VERBS
    )


def _cut_scores(doc: list[Token], cands: list[Candidate]) -> None:
    """Cut a score the NER ran into an organisation's name ("Kelby Herons 3-1" -> "Kelby Herons")."""
    for c in cands:
        if c.label == "ORG" and c.end - c.start >= 2 and doc[c.end - 1].text[-1].isdigit():
            for k in range(c.start + 1, c.end):
                if score_at(doc, k) and not doc[k - 1].like_num:
                    c.end = k
                    c.note("score cut from the name of a side")
                    break


def team_names(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for the teams named after "the" beside a score or a verb of play."""
    doc = ctx.toks
    _cut_scores(doc, cands)
    taken = {i for c in cands if c.label is not None for i in range(c.start, c.end)}
    misread = {(c.start, c.end): c for c in cands if c.label in _MISREAD_LABELS}
    added: list[Candidate] = []
    for k in ctx.where("LOWER", _THE_IDS):
        start = _after_adjective(doc, k + 1)
        end = _plural_name_end(ctx, start, 1)
        if end == start or not _sports_evidence(doc, k, start, end):
            continue
        other = misread.get((start, end)) or misread.get((k, end))
        if other is not None:  # "the top-seeded Dunmere Kings" read as a person, "the Kelby Stags" as a place
            other.start = start
            other.relabel("ORG", _REASON)
        elif not any(i in taken for i in range(start, end)):
            added.append(pool.new(start, end, "ORG", _REASON))
            taken.update(range(start, end))
    return added
