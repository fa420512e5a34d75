"""The shared token list of a Doc: made once, the same tokens as the Doc, remade after retokenising."""

from __future__ import annotations

import gc
import weakref

from spacy.lang.en import English

from quotemine.extensions import doc_tokens


def test_doc_tokens_is_made_once_and_matches_the_doc() -> None:
    doc = English()("Mara Voss said the ferry was late.")
    tokens = doc_tokens(doc)
    assert [t.i for t in tokens] == list(range(len(doc)))
    assert [t.text for t in tokens] == [t.text for t in doc]
    assert doc_tokens(doc) is tokens


def test_doc_tokens_is_remade_after_a_merge() -> None:
    doc = English()("Mara Voss said the ferry was late.")
    first = doc_tokens(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    tokens = doc_tokens(doc)
    assert tokens is not first
    assert [t.text for t in tokens][:2] == ["Mara Voss", "said"]


def test_doc_tokens_does_not_keep_every_doc_alive() -> None:
    nlp = English()
    first = nlp("Ilse Marten opened the depot.")
    ref = weakref.ref(first)
    doc_tokens(first)
    del first
    for n in range(40):  # later documents push the first one's list out
        doc_tokens(nlp(f"Depot {n} opened."))
    gc.collect()
    assert ref() is None
