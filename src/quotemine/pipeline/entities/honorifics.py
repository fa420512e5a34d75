"""A name right after a form of address is a person, whatever label the NER gave it.

"Mr Ashford", "Dr Kelby", "Cllr Penrose": the NER often reads a surname that is also a place, a
firm or a people as GPE, ORG or NORP. A form of address ("Mr", "Dame", "Insp") right before a
short run of capitalised words, none of them an organisation word, makes the run a person.
"""

from __future__ import annotations

from typing import Final

from quotemine.pipeline.entities.context import Context, low

__all__ = ["HONORIFICS", "HONORIFIC_LABELS", "after_honorific"]

#: Forms of address that only ever stand before a person's name (not "General", "Chief", "Judge").
HONORIFICS: Final = frozenset(
    "mr mrs ms miss mx dr sir dame lord lady cllr insp prof rev revd supt sgt det baroness baron "
    "messrs".split()
)
#: The labels the rule decides on (a PERSON is kept one, even where its word is a place).
HONORIFIC_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_MAX_WORDS: Final = 3


def after_honorific(ctx: Context, start: int, end: int) -> bool:
    """Tell whether tokens ``start:end`` are a short capitalised name right after a form of address.

    The form must be capitalised ("Mr", "DR.") and stand alone: an entity that holds it ("Dr
    Pemberton's Tonics") is a company's name and never reaches here. No word of the name may be an
    organisation word ("Mr Kipling Bakeries") or be followed by one.
    """
    toks = ctx.toks
    if start == 0 or not 0 < end - start <= _MAX_WORDS:
        return False
    title = toks[start - 1]
    if low(title) not in HONORIFICS or title.is_lower:
        return False
    heads = ctx.lex.org_heads
    words = toks[start:end]
    if not all(t.is_alpha and (t.is_title or t.is_upper) and low(t) not in heads for t in words):
        return False
    return not (end < len(toks) and toks[end].is_title and low(toks[end]) in heads)
