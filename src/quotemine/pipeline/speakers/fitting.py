"""Whether a description ("the senator", "the Polish striker") fits an entity of the index."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from quotemine.pipeline.speakers.index import Entity, content_words
from quotemine.pipeline.speakers.nouns import demonym_fits

__all__ = ["described_by", "fits", "from_place", "qualified"]


def fits(e: Entity, word: str, capitals: set[str], roles: frozenset[str]) -> bool:
    """Tell whether a description headed by ``word`` with ``capitals`` fits the entity ``e``.

    Its head is one of the entity's heads (or, for a person, a broader noun for one of them: "the
    officer" for a sergeant), or a nationality of a place it is described by ("the Pole"); each
    capitalised word describes it, directly or as a nationality ("the Polish striker").
    """
    person = e.kind == "person"
    if not (word in e.heads or (person and not roles.isdisjoint(e.heads))):
        if not (person and demonym_fits(word, e.descriptors)):
            return False
    return described_by(e, capitals)


def described_by(e: Entity, capitals: set[str]) -> bool:
    """Tell whether each capitalised word describes ``e``, directly or (a person) as a nationality."""
    person = e.kind == "person"
    return all(c in e.descriptors or (person and demonym_fits(c, e.descriptors)) for c in capitals)


def qualified(candidates: list[str], words: Sequence[str], entities: Mapping[str, Entity]) -> list[str]:
    """Return the ``candidates`` a description's qualifiers do not set apart from the others.

    Two ministers fit "the prime minister": the words before its head ("prime") that describe
    one candidate but not another leave out the other (the housing minister). A qualifier that
    describes no candidate ("the embattled minister") sets no one apart.
    """
    qualifiers = {w for raw in words[:-1] for w in content_words(raw)}
    if not qualifiers:
        return candidates
    held = {c: qualifiers & entities[c].descriptors for c in candidates}
    told = set().union(*held.values())
    return [c for c in candidates if held[c] >= told]


#: A place after a description: "the senator from Ohio" (its capitalised words).
_FROM_AFTER = re.compile(r"\s+from\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def from_place(candidates: list[str], text: str, end: int, entities: Mapping[str, Entity]) -> list[str]:
    """Return the ``candidates`` described by the place of "from PLACE" after a description.

    "the senator from Ohio", two senators named: only one described by Ohio ("Jo Roe of Ohio")
    is it; neither: no one. Without "from PLACE" after the description (ending at ``end``), all.
    """
    origin = _FROM_AFTER.match(text, end)
    if origin is None:
        return candidates
    place = set(content_words(origin.group(1)))
    return [c for c in candidates if described_by(entities[c], place)]
