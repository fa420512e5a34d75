"""The byline names as PERSON candidates; the byline itself belongs to ``quotemine.text.head``."""

from __future__ import annotations

from typing import Final

from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import Context, low
from quotemine.text.head import byline_names

__all__ = ["BYLINE_CHARS", "byline_candidates"]

#: How much of the text's start may hold the byline (``byline_names`` looks no further).
BYLINE_CHARS: Final = 1500


def byline_candidates(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return one PERSON candidate per byline name; drop the candidates that overlap one.

    A byline name the tokens cannot hold, that the NER took for a date or time, or that ends in a
    role noun without a first name ("Staff Reporter"), is left out.
    """
    doc = ctx.doc
    out: list[Candidate] = []
    for char_start, char_end in byline_names(ctx.prefix(BYLINE_CHARS)):
        span = doc.char_span(char_start, char_end, alignment_mode="contract")
        if span is None or len(span) == 0 or span[0].ent_type_ in {"DATE", "TIME"}:
            continue
        if low(span[-1]) in ctx.lex.role_heads and not ctx.is_first_name(span[0]):
            continue  # "By Ana Bell, Local Democracy Reporter": a job on the byline, not a name
        for c in cands:
            if c.start < span.end and span.start < c.end and not c.dropped:
                c.drop("overlaps a byline name")
        out.append(pool.new(span.start, span.end, "PERSON", "byline name"))
    return out
