"""The NER's entities read from the token columns: the same spans ``doc.ents`` gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotemine.pipeline.entities.ner import ner_entities

_WORDS = ["Ivo", "Kern", "left", "Kelby", "Mills", "on", "May", "3", "with", "Ana", "."]


@pytest.mark.parametrize(
    "ents",
    [
        ["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "B-DATE", "I-DATE", "O", "B-PERSON", "O"],
        ["B-PERSON", "B-PERSON", "O", "B-ORG", "B-GPE", "I-GPE", "O", "O", "O", "O", "B-ORG"],
        ["O"] * 11,
        ["B-ORG"] + ["I-ORG"] * 10,
        ["B-PERSON", "I-PERSON", "", "", "B-ORG", "", "B-DATE", "I-DATE", "O", "B-PERSON", "O"],
    ],
)
def test_entities_from_the_columns_are_the_docs_entities(ents: list[str]) -> None:
    doc = Doc(spacy.blank("en").vocab, words=_WORDS, ents=ents)
    assert ner_entities(doc) == [(e.start, e.end, e.label_) for e in doc.ents]


def test_empty_doc_has_no_entities() -> None:
    assert ner_entities(Doc(spacy.blank("en").vocab, words=[])) == []
