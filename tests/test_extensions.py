from __future__ import annotations

import spacy
from spacy.tokens import Doc, DocBin

from quotemine.extensions import DOC_EXTENSIONS, doc_text, register_extensions


def test_register_extensions_is_idempotent() -> None:
    register_extensions()
    register_extensions()
    assert all(Doc.has_extension(name) for name in DOC_EXTENSIONS)


def test_doc_text_is_the_text_and_is_not_serialised() -> None:
    nlp = spacy.blank("en")
    doc = nlp("“We will win,” she said.\n\nThen she left.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # built once, then shared
    restored = next(iter(DocBin(store_user_data=True, docs=[doc]).get_docs(nlp.vocab)))
    assert "qm_text" not in restored.user_hooks
    assert doc_text(restored) == doc.text
