"""The sentence bounds the role rules read, from one read of the sentence starts per document.

The role rules are many small functions called once per person mention; ``sentence_of`` gives the
bounds of the sentence holding a token (``Token.sent`` / ``Span.sent`` check the whole document's
annotation on every call). Tokens by index come from the shared ``extensions.doc_tokens`` list.
"""

from __future__ import annotations

import bisect
import weakref

import numpy
from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_tokens
from quotemine.pipeline.records import TokenLabels

__all__ = ["appos_word", "capitalised_and", "names_a_thing", "sentence_of"]

#: The last document whose sentence starts were read (held weakly) and those starts.
_last_starts: tuple[weakref.ref[Doc], int, list[int]] | None = None


def _starts(doc: Doc) -> list[int]:
    """Return the index of the first token of each sentence of ``doc`` (0 first)."""
    global _last_starts
    last = _last_starts
    if last is not None and last[0]() is doc and last[1] == len(doc):
        return last[2]
    starts = [int(i) for i in numpy.flatnonzero(doc.to_array("SENT_START") == 1) if i > 0]
    starts.insert(0, 0)
    _last_starts = (weakref.ref(doc), len(doc), starts)
    return starts


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """Return the start and end of the sentence holding token ``i`` (as ``doc[i].sent`` gives them)."""
    starts = _starts(doc)
    k = bisect.bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def appos_word(doc: Doc, span: Span) -> bool:
    """Tell whether a word of ``span`` is in apposition: a cheap test before reading the span's root."""
    toks = doc_tokens(doc)
    return any(toks[i].dep_ == "appos" for i in range(span.start, span.end))


def capitalised_and(conj: Token, before: Token) -> bool:
    """Tell whether "and" joins two capitalised words of one title ("Police and Crime Commissioner").

    The word before it is a capitalised noun that no entity claims ("Health and Social Care
    Secretary"); a name, place or group before "and" is another item of a list.
    """
    toks = doc_tokens(conj.doc)
    return (
        conj.text == "and"
        and toks[conj.i + 1].is_title
        and before.is_title
        and before.tag_ in {"NN", "NNP"}
        and not before.ent_type_
    )


def names_a_thing(toks: list[Token], i: int, end: int, persons: TokenLabels) -> bool:
    """Tell whether the name at ``toks[i]`` modifies a common noun before ``end`` ("the Voss campaign")."""
    j = i
    while j < end and j in persons:
        j += 1
    return j < end and toks[j].is_lower and toks[j].tag_ == "NN"
