from __future__ import annotations

import gc
import warnings

import spacy
from spacy.tokens import Doc, DocBin

from quotemine import extensions
from quotemine.extensions import DOC_EXTENSIONS, doc_text, keep_text, register_extensions


def test_register_extensions_is_idempotent() -> None:
    register_extensions()
    register_extensions()
    assert all(Doc.has_extension(name) for name in DOC_EXTENSIONS)


def test_doc_text_is_the_text_and_is_not_serialised() -> None:
    nlp = spacy.blank("en")
    doc = nlp("“We will win,” she said.\n\nThen she left.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # built once, then shared
    assert not doc.user_hooks  # kept beside the Doc: serialising it warns of no user hooks (W109)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        restored = next(iter(DocBin(store_user_data=True, docs=[doc]).get_docs(nlp.vocab)))
        restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc_text(restored) == doc.text


def test_doc_text_is_dropped_with_its_doc() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Ada Quill said no.")
    doc_text(doc)
    before = len(extensions._TEXTS)
    del doc
    gc.collect()
    assert len(extensions._TEXTS) == before - 1


def test_keep_text_hands_the_source_string_to_doc_text() -> None:
    nlp = spacy.blank("en")
    text = "\u201cWe will win,\u201d Ada Quill said.\n\n  Then she left. "
    doc = nlp.make_doc(text)
    keep_text(doc, text)
    assert doc_text(doc) is text  # the very string: no join of the tokens
    assert doc_text(doc) == doc.text
    assert not doc.user_hooks  # nlp.pipe(n_process=2) serialises the Doc: nothing to warn of (W109)


def test_keep_text_leaves_a_doc_of_another_text_alone() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("Ada Quill said no.")
    keep_text(doc, "Ada Quill said no. And more.")
    assert doc_text(doc) == "Ada Quill said no."
    empty = nlp.make_doc("")
    keep_text(empty, "")
    assert doc_text(empty) == ""
