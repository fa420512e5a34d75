"""Which earlier mention a "he"/"she" stands for when no speaker is near: the subject first."""

from __future__ import annotations

from quotemine.pipeline.speakers.index import DocIndex, Mention

__all__ = ["subject_first"]


def subject_first(idx: DocIndex, named_all: list[Mention]) -> Mention:
    """Return the subject of the nearest paragraph that names someone, else its last name.

    ``named_all``: the mentions before the pronoun, nearest first (never empty). "Roe took a swipe
    at Kim on Monday. / '...,' he wrote": the subject of that paragraph's clause, outside any
    quote's content, is more salient than a later object or possessor; failing one, the nearest
    subject inside a content.
    """
    near = idx.para(named_all[0].start)
    inner: Mention | None = None
    for mm in named_all:
        if idx.para(mm.start) != near:
            break
        if idx.role(mm) == "subject":
            if not idx.in_content(mm):
                return mm
            inner = inner or mm
    # no subject outside a quote's content ("In her view, Roe spurned Kim."): a subject inside it
    # is still more salient than a later object
    return inner or named_all[0]
