"""The answer to a question: who a pronoun after a quoted question stands for.

News and interview writing alternates: "'Are you sure?' Roe asked. / 'Completely,' he said." The
one who answers is not the one who asked: the answer belongs to the question's addressee when it
names someone ("Roe asked Kim"), else to the one other person named or quoted close by; with
several such people, no one (a wrong name is worse than none).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotemine.lexicons.gender import Gender

if TYPE_CHECKING:
    from quotemine.pipeline.speakers.rules import Resolver

__all__ = ["answerer", "answers_question"]

#: How many paragraphs back the one other person of the exchange may be named.
_EXCHANGE_WINDOW = 3


def answers_question(r: Resolver, s: int, asker_at: int, kind: str, named_here: bool) -> bool:
    """Tell whether a person mention at ``s`` answers a question asked at ``asker_at``.

    Only in a later paragraph than the question, and only when no one of its kind is named in
    its own paragraph before it (that one would be the answer's subject).
    """
    if kind != "person" or named_here or asker_at not in r.idx.questions:
        return False
    return r.idx.para(s) > r.idx.para(asker_at)


def answerer(r: Resolver, s: int, gender: Gender | None, asker: tuple[int, str]) -> str | None:
    """Return the person who answers the question asked at ``asker[0]`` by ``asker[1]``, or ``None``."""
    addressee = r.idx.questions.get(asker[0])
    if addressee is not None:
        named = [m for m in r.idx.covering(*addressee) if r.compatible(m.entity_id, "person", gender)]
        if len(named) == 1 and named[0].entity_id != asker[1]:
            return named[0].entity_id
    others = {mm.entity_id for mm in r.idx.before(s, _EXCHANGE_WINDOW) if not mm.quoted}
    others |= {i for _, i in r.idx.speakers_before(s, _EXCHANGE_WINDOW)}
    people = {i for i in others if i != asker[1] and r.compatible(i, "person", gender)}
    return next(iter(people)) if len(people) == 1 else None
