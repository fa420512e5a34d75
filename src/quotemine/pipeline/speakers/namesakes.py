"""Who a bare surname stands for when several people share it; a body named after a person.

"Gus Hale ... his daughter, Ivy Hale, ... 'We rebuild,' Hale said": news writing calls the person
it introduced first by the bare surname and relatives named later by their full names; "Hale
Logistics said" is the company, not Gus Hale.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotemine.lexicons.gender import Gender, first_name_gender, title_gender
from quotemine.lexicons.names import load_lexicons
from quotemine.pipeline.speakers.index import Entity, Mention

if TYPE_CHECKING:
    from quotemine.pipeline.speakers.rules import Resolver, SpeakerMention

__all__ = ["NAME_RUN", "bare", "namesake", "other_given_name", "short_org"]


#: Capitalised words right after a name, up to the end of a mention ("Roe Logistics" after "Roe").
NAME_RUN = re.compile(r"(?:\s+[A-Z][\w&'’.-]*)+")


def namesake(r: Resolver, m: SpeakerMention, linked: str) -> str | None:
    """Return who a bare surname shared by several people stands for, or ``None``.

    "Gus Hale ... his daughter, Ivy Hale, ... 'We rebuild,' Hale said": the entity stage links
    the bare "Hale" to one of the namesakes, often the last one named; news writing calls the
    person it introduced first by the bare surname and the relatives named after by their full
    names. So: the namesake introduced first, when it has the mention's gender (an honorific:
    "Mrs. Hale"); several of that gender or none: no one. A surname only one person bears keeps
    its link (``linked``).
    """
    word = m.head
    sharing = [
        e.id for e in r.idx.entities.values() if e.kind == "person" and word in e.surnames and e.givens
    ]
    if len(sharing) < 2 or linked not in sharing:
        return linked
    gender = _honorific_before(r.idx.text, m.start + len(m.text.rstrip()) - len(word))
    fits = [i for i in sharing if gender is None or _gender(r, i) in (None, gender)]  # "Mrs. Hale"
    if not fits:
        return None
    first = min(fits, key=lambda i: _introduced(r, i))
    return first if _introduced(r, first) < m.start else None


def _gender(r: Resolver, entity_id: str) -> Gender | None:
    """Return a namesake's gender: as the text states it, else as their first names agree on.

    The first names count even when the text disagrees with itself: a "Mrs. Hale" the entity
    stage linked to "Gus Hale" leaves him no stated gender, but "Gus" still says male.
    """
    entity = r.idx.entities[entity_id]
    named = {first_name_gender(g) for g in entity.givens} - {None}
    if entity.gender is not None:
        return entity.gender
    return next(iter(named)) if len(named) == 1 else None


def _introduced(r: Resolver, entity_id: str) -> int:
    """Return where a person is introduced: their first mention by a first name and a surname.

    Not a bare surname the entity stage linked to them, nor "Mrs. Hale" (a title is no first name).
    """
    lex = load_lexicons()
    for mm in r.idx.by_entity().get(entity_id, []):
        words = r.idx.text[mm.start : mm.end].split()
        first = words[0].lower().rstrip(".") if len(words) > 1 else ""
        if first and first not in lex.honorifics and first not in lex.titles:
            return mm.start
    return len(r.idx.text)


def bare(text: str, m: SpeakerMention, named: Mention) -> bool:
    """Tell whether the mention is one word, a surname alone or after an honorific ("Hale", "Mrs. Hale")."""
    if named.end != m.start + len(m.text.rstrip()) or " " in text[named.start : named.end]:
        return False
    return named.start == m.start or _honorific_before(text, named.start) is not None


def _honorific_before(text: str, s: int) -> Gender | None:
    """Return the gender of an honorific right before offset ``s`` ("Mrs. Hale"), or ``None``."""
    words = text[max(0, s - 12) : s].split()
    return title_gender(words[-1]) if words and text[s - 1 : s] == " " else None


def other_given_name(text: str, s: int, entity: Entity) -> bool:
    """Tell whether a capitalised word right before offset ``s`` names someone other than ``entity``.

    "Tunde Roe" where the entity is "Marta Roe": the word before the surname is a first name the
    entity never goes by. Titles, honorifics and role words ("President Roe", "Dr. Roe"), initials
    and possessives are no first names; an entity never named with a first name has no conflict.
    """
    if entity.kind != "person" or not entity.givens:
        return False
    before = text[max(0, s - 30) : s]
    if not before.endswith(" "):
        return False
    words = before.split()
    if not words:
        return False
    word = words[-1]
    low = word.lower().rstrip(".")
    if not (word[:1].isupper() and word.isalpha() and len(word) > 2) or low in entity.givens:
        return False
    lex = load_lexicons()
    return low not in lex.titles and low not in lex.honorifics and low not in lex.role_heads


def short_org(r: Resolver, word: str) -> str | None:
    """Return the one organisation whose name opens with ``word`` ("Fjellco" of "Fjellco Ferries").

    Only a name of two words or more, only when no person goes by that word and no other entity's
    name opens with it; else ``None``.
    """
    found: set[str] = set()
    for entity_id, own in r.idx.by_entity().items():
        entity = r.idx.entities[entity_id]
        if entity.kind == "person" and word in entity.givens:
            return None  # "Kai said": a first name
        for mm in own:
            name = r.idx.text[mm.start : mm.end].split()
            if len(name) > 1 and name[0].lower() == word:
                found.add(entity_id)
    only = found.pop() if len(found) == 1 else None
    return only if only is not None and r.idx.entities[only].kind == "org" else None
