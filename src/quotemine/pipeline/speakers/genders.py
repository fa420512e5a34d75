"""The gender the text gives a person: honorifics and gendered titles first, then the first name.

What a word states is read through ``quotemine.lexicons.gender`` (the one owner of gender words);
this module decides which words of the text count for one person's record.
"""

from __future__ import annotations

import functools
import re

from quotemine.lexicons.gender import Gender, first_name_gender, title_gender
from quotemine.pipeline.records import PersonRecord

__all__ = ["person_gender"]

_WORD = re.compile(r"\w[\w'’.-]*")


#: Honorifics that are also verbs: before a name in lower case they are the verb ("I'll miss Roe").
_VERB_HONORIFICS = frozenset({"miss", "count"})


def _honorific_gender(text: str, s: int) -> Gender | None:
    """Return the gender of the honorific or title right before offset ``s`` ("Ms. Roe").

    An honorific that is also a verb states nothing in lower case ("we will miss Roe").
    """
    words = text[max(0, s - 20) : s].split()
    if not words or (words[-1] in _VERB_HONORIFICS):
        return None
    return title_gender(words[-1])


@functools.lru_cache(maxsize=2048)
def _role_genders(role: str) -> frozenset[Gender]:
    """Return the genders the words of a role state ("chairwoman": female), read once per role text."""
    return frozenset(g for g in map(title_gender, _WORD.findall(role)) if g is not None)


def person_gender(text: str, record: PersonRecord) -> Gender | None:
    """Return the gender of a person: honorifics and gendered roles first, then the first name."""
    stated: set[Gender] = set()
    for m in record.get("mentions") or []:
        g = _honorific_gender(text, int(m[0]))
        if g is not None:
            stated.add(g)
    for r in record.get("roles") or []:
        stated.update(_role_genders(text[int(r[0]) : int(r[1])]))
    words = str(record.get("name") or "").split()
    named = first_name_gender(words[0]) if len(words) >= 2 else None
    if len(stated) == 1 and named in (None, *stated):
        return next(iter(stated))
    if stated:
        # the text disagrees with itself, or a title on a bare surname contradicts the first
        # name ("Ian Roe" and a "Mrs Roe" merged into him): no constraint
        return None
    return named
