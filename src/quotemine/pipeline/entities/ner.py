"""The NER's entities as candidates: read from the token columns, relabelled at a glance, trimmed.

``from_ner`` is the start of ``relabel.first_pass``: one candidate per entity of ``doc.ents``,
with an honorific or a role word before a first name making a PERSON of what the NER called an
organisation or a place, and the edges trimmed to the name.
"""

from __future__ import annotations

from typing import Final

import numpy
from spacy.tokens import Doc

from quotemine.lexicons.names import GLUED_ROLE_NOUNS
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import Context, low
from quotemine.pipeline.entities.remits import letters_and_digits
from quotemine.pipeline.entities.sides import side_name
from quotemine.pipeline.entities.trim import trim

__all__ = ["from_ner", "ner_entities"]


def _role_before_first_name(ctx: Context, start: int, end: int) -> bool:
    """Return whether an entity is a role word and two or three name words ("Actress Ana Bell").

    A position or standing noun counts only where it opens the sentence ("Center Ana Bell scored").
    """
    if not 3 <= end - start <= 4:
        return False
    first = ctx.toks[start]
    head = low(first)
    if not ((head in GLUED_ROLE_NOUNS and first.is_sent_start) or head in ctx.lex.role_heads):
        return False
    return all(t.is_title and ctx.is_name_word(t) for t in ctx.toks[start + 1 : end]) and not ctx.is_place(
        ctx.text(start + 1, end)
    )


#: Plurals of political groups a text may put before names ("Moderates Ana Bell and Ivo Kern").
_GROUP_PLURALS: Final = frozenset(
    {"liberals", "conservatives", "moderates", "progressives", "democrats", "republicans", "socialists"}
)


def _group_before_first_name(ctx: Context, start: int, end: int) -> bool:
    """Return whether an entity is a group's plural and a first name and surname ("Moderates Ana Bell")."""
    if not 3 <= end - start <= 4 or ctx.toks[start].lower_ not in _GROUP_PLURALS:
        return False
    rest = ctx.toks[start + 1 : end]
    return ctx.is_first_name(rest[0]) and all(t.is_title and ctx.is_name_word(t) for t in rest)


_IOB_I, _IOB_O, _IOB_B = 1, 2, 3


def ner_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """Return ``(start, end, label)`` of each entity of ``doc.ents``, read from two token columns.

    What ``doc.ents`` gives, without building a ``Span`` (and two ``Token`` objects) per entity:
    an entity starts at a B token with a label and runs over the I tokens after it. A malformed
    IOB sequence (an I token outside an entity) is left to ``doc.ents``, which raises on it.
    """
    n = len(doc)
    if n == 0:
        return []
    columns = doc.to_array(["ENT_IOB", "ENT_TYPE"])
    iob, kind = columns[:, 0], columns[:, 1]
    opens = (iob == _IOB_B) & (kind != 0)
    inside = iob == _IOB_I
    if inside[0] or bool((inside[1:] & ~(opens[:-1] | inside[:-1])).any()):
        return [(e.start, e.end, e.label_) for e in doc.ents]  # spaCy's error
    starts = numpy.flatnonzero(opens)
    if len(starts) == 0:
        return []
    breaks = numpy.append(numpy.flatnonzero(~inside), n)
    ends = breaks[numpy.searchsorted(breaks, starts, side="right")]
    strings = doc.vocab.strings
    return [
        (start, end, strings[label])
        for start, end, label in zip(starts.tolist(), ends.tolist(), kind[starts].tolist(), strict=True)
    ]


def from_ner(ctx: Context, pool: Pool) -> list[Candidate]:
    """Make one candidate per NER entity, trimmed; return those with tokens left."""
    doc = ctx.toks
    out: list[Candidate] = []
    for ent_start, ent_end, label in ner_entities(ctx.doc):
        cand = pool.new(ent_start, ent_end, label, f"NER label {label}")
        if label in {"ORG", "GPE", "NORP"} and low(doc[ent_start]) in ctx.lex.honorifics:
            label = "PERSON"
            cand.relabel(label, "honorific before the name")
        elif label in {"ORG", "GPE", "NORP"} and _role_before_first_name(ctx, ent_start, ent_end):
            label = "PERSON"
            cand.relabel(label, "role word before a first name")  # "Actress Ana Bell" tagged ORG
        elif label in {"ORG", "GPE", "NORP"} and _group_before_first_name(ctx, ent_start, ent_end):
            label = "PERSON"
            cand.relabel(label, "a group's plural before a first name ('Moderates Ana Bell'): a person")
            ent_start += 1
        elif (
            ent_end == ent_start + 1
            and label in {"GPE", "LOC", "PERSON"}
            and not doc[ent_start].is_alpha
            and letters_and_digits(doc[ent_start].text)
        ):
            label = "ORG"
            cand.relabel(label, "letters and digits run together ('Rivermark42'): a name, no place or person")
        side = side_name(ctx, ent_start, ent_end, label)
        if side is not None:
            label = "ORG"
            cand.relabel(label, side)  # "the Kelby Otters", "Orlin Brothers" read as people
        cand.start, cand.end = trim(ctx, ent_start, ent_end, label)
        if (cand.start, cand.end) != (ent_start, ent_end):
            cand.note("trimmed to the name")
        if cand.start < cand.end:
            out.append(cand)
        else:
            cand.drop("nothing left after trimming")
    return out
