"""The token list and sentence bounds of the document the role rules read, fetched once per document.

The role rules are many small functions called once per person mention, and each reads a few
tokens by index. ``token_list`` returns the shared ``extensions.doc_tokens`` list; while
``quotemine_roles`` tags a document (``reading``) it is a plain read, so that the rules do not
look the list up again at every call (a weak-key dictionary read costs more than most rules' own
work).
``sentence_of`` gives the bounds of the sentence holding a token from one read of the sentence
starts (``Token.sent`` / ``Span.sent`` check the whole document's annotation on every call).
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import numpy
from spacy.tokens import Doc, Token

from quotemine.extensions import doc_tokens

__all__ = ["reading", "sentence_of", "token_list"]

#: The document being tagged and its token list (``reading``), or ``None``; one tuple, replaced whole.
_current: tuple[Doc, list[Token]] | None = None
#: The last document whose sentence starts were read (held weakly) and those starts.
_last_starts: tuple[weakref.ref[Doc], int, list[int]] | None = None


def token_list(doc: Doc) -> list[Token]:
    """Return ``doc_tokens(doc)``: the shared ``list(doc)``; read-only."""
    current = _current
    if current is not None and current[0] is doc:
        return current[1]
    return doc_tokens(doc)


@contextmanager
def reading(doc: Doc) -> Iterator[list[Token]]:
    """Make ``token_list(doc)`` a plain read while the role rules tag ``doc``; yield its tokens."""
    global _current
    toks = doc_tokens(doc)
    _current = (doc, toks)
    try:
        yield toks
    finally:
        _current = None


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
