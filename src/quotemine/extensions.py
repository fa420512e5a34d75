"""Register the ``Doc`` extensions quotemine's components write.

Every value is made of JSON primitives (str, int, float, bool, None, lists and dicts of them), so a
``Doc`` keeps its results through ``Doc.to_bytes``, ``DocBin`` and ``nlp.pipe(n_process=2)``.
Offsets are character offsets into ``doc.text``.

=====================  ===================================================================
extension              written by / content
=====================  ===================================================================
``qm_published``       the caller: publication date, ISO ``YYYY-MM-DD`` or ``None``
``qm_people``          ``quotemine_entities`` / ``quotemine_roles``: list of person dicts
``qm_orgs``            ``quotemine_entities``: list of organisation dicts
``qm_quotes``          ``quotemine_quotes`` / ``quotemine_attribution``: list of quote dicts
``qm_dates``           ``quotemine_dates``: list of date dicts
``qm_money``           ``quotemine_money``: list of money dicts
``qm_warnings``        any stage: list of human-readable warnings for the report
``qm_entity_reasons``  ``quotemine_entities`` with ``explain=True``: why each candidate entity
                       was kept, relabelled or dropped (list of dicts)
=====================  ===================================================================

The exact keys of each dict are documented in ``docs/pipeline.md``.
"""

from __future__ import annotations

import logging
import weakref
from collections import OrderedDict

from spacy.tokens import Doc, Token

logger = logging.getLogger(__name__)

DOC_EXTENSIONS: tuple[str, ...] = (
    "qm_published",
    "qm_people",
    "qm_orgs",
    "qm_quotes",
    "qm_dates",
    "qm_money",
    "qm_warnings",
    "qm_entity_reasons",
)


def register_extensions() -> None:
    """Register quotemine's ``Doc`` extensions; calling it again does nothing.

    List-valued extensions default to ``None`` (a shared mutable default would leak between
    documents); read them with ``doc._.qm_quotes or []``.
    """
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
            logger.debug("registered Doc._.%s", name)


# The text of each live ``Doc``, dropped with the ``Doc``: not in ``doc.user_hooks``, which spaCy
# warns about (W109) whenever a ``Doc`` is serialised, as ``nlp.pipe(n_process=2)`` does with every one.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, built once per ``Doc`` and shared by quotemine's components.

    spaCy rebuilds ``Doc.text`` from every token on each read, which several stages did per
    document. The text is kept beside the ``Doc`` (never on it, so it does not leak into
    ``Doc.to_bytes`` or a ``DocBin``, and serialising the ``Doc`` warns of nothing); the text of a
    ``Doc`` never changes, retokenised or not.
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the string ``doc`` was made from, so no stage has to join its tokens.

    The tokenizer keeps every character, so a ``Doc`` made from ``text`` has exactly that text;
    a ``Doc`` whose tokens do not end where ``text`` does is left alone.
    """
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        _TEXTS[doc] = text


# The token lists of the last few ``Doc`` objects (see doc_tokens), by ``id``: not a weak map, whose
# value would hold its own key alive (every ``Token`` holds its ``Doc``) and keep every ``Doc`` ever
# read. Each entry keeps its ``Doc``, so an id is never reused while it is here.
_TOKENS: OrderedDict[int, tuple[Doc, list[Token]]] = OrderedDict()
#: How many documents keep their token lists: the components run one document after the other.
_TOKENS_KEPT = 16
#: The entry of the document asked for last (one of ``_TOKENS``).
_last: tuple[Doc, list[Token]] | None = None


def doc_tokens(doc: Doc) -> list[Token]:
    """Return ``list(doc)``, made once per ``Doc`` and shared by quotemine's components.

    Every ``doc[i]`` makes a new ``Token`` object; the stages together read each token many times
    over, so they share one list instead. Read-only: never change it. A ``Doc`` retokenised since
    (a pipe that merges tokens between quotemine's components) has another length, and its list is
    made again. Only the lists of the last ``_TOKENS_KEPT`` documents are kept (each list holds its
    ``Doc`` alive); an older document's list is made again when asked for.
    """
    global _last
    last = _last  # the document being read: most calls ask for it, so it is one identity test
    if last is not None and last[0] is doc and len(last[1]) == len(doc):
        return last[1]
    entry = _TOKENS.get(id(doc))
    if entry is None or entry[0] is not doc or len(entry[1]) != len(doc):
        entry = (doc, list(doc))
        _TOKENS[id(doc)] = entry
    _TOKENS.move_to_end(id(doc))
    while len(_TOKENS) > _TOKENS_KEPT:
        _TOKENS.popitem(last=False)
    _last = entry
    return entry[1]
