"""A surname the NER read as a body or a place, paired with a person by "and" (entities/pairs.py).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from tests.handtagged import tagged_doc

import quotemine.factories  # noqa: F401  (registers factories and extensions)
from quotemine.pipeline.entities import EntityRepairer


@pytest.fixture(scope="module")
def repairer() -> EntityRepairer:
    return EntityRepairer(spacy.blank("en"), "quotemine_entities", explain=True)


def _people(doc: Doc) -> set[str]:
    return {p["name"] for p in doc._.qm_people}


def test_surname_read_as_a_place_and_paired_with_a_person_is_a_person(repairer: EntityRepairer) -> None:
    words = ["Ana", "Brody", "and", "Zamarripa", "both", "disagreed", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"]
    tags = ["NNP", "NNP", "CC", "NNP", "DT", "VBD", "."]
    assert _people(repairer(tagged_doc(words, ents, tags))) == {"Ana Brody", "Zamarripa"}


def test_other_mentions_of_the_paired_surname_become_the_person(repairer: EntityRepairer) -> None:
    words = [
        "As",
        "Zamarripa",
        "noted",
        ",",
        "it",
        "failed",
        ".",
        "Ana",
        "Brody",
        "and",
        "Zamarripa",
        "agreed",
        ".",
    ]
    ents = ["O", "B-ORG", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"]
    tags = ["IN", "NNP", "VBD", ",", "PRP", "VBD", ".", "NNP", "NNP", "CC", "NNP", "VBD", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _people(doc) == {"Ana Brody", "Zamarripa"}
    assert doc._.qm_orgs == []


def test_known_place_paired_with_a_person_stays_a_place(repairer: EntityRepairer) -> None:
    words = ["Ana", "Brody", "and", "Texas", "have", "agreed", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"]
    tags = ["NNP", "NNP", "CC", "NNP", "VBP", "VBN", "."]
    assert _people(repairer(tagged_doc(words, ents, tags))) == {"Ana Brody"}


def test_surname_in_a_longer_list_is_left_alone(repairer: EntityRepairer) -> None:
    words = ["Kelby", ",", "Ana", "Brody", "and", "Zamarripa", "signed", "."]
    ents = ["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O"]
    tags = ["NNP", ",", "NNP", "NNP", "CC", "NNP", "VBD", "."]
    assert _people(repairer(tagged_doc(words, ents, tags))) == {"Ana Brody"}


def test_cut_name_before_a_role_apposition_is_a_person(repairer: EntityRepairer) -> None:
    words = ["Tarquin", "Vosberg", ",", "the", "party", "chairman", ",", "spoke", "."]
    ents = ["O", "B-ORG", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "DT", "NN", "NN", ",", "VBD", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _people(doc) == {"Tarquin Vosberg"}
    assert doc._.qm_orgs == []


def test_body_before_a_kind_of_firm_apposition_stays(repairer: EntityRepairer) -> None:
    words = ["Shares", "in", "Vosberg", ",", "the", "steel", "maker", ",", "fell", "."]
    ents = ["O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNS", "IN", "NNP", ",", "DT", "NN", "NN", ",", "VBD", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _people(doc) == set()
