"""Sides, family firms and split names the NER misreads (the 23:15 round). Every sentence is invented."""

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


def _orgs(doc: Doc) -> set[str]:
    return {o["name"] for o in doc._.qm_orgs}


def _people(doc: Doc) -> set[str]:
    return {p["name"] for p in doc._.qm_people}


def test_plural_name_after_the_is_a_side_not_a_person(repairer: EntityRepairer) -> None:
    words = ["The", "Wexcombe", "Otters", "held", "on", "for", "the", "win", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"]
    tags = ["DT", "NNP", "NNPS", "VBD", "RP", "IN", "DT", "NN", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"Wexcombe Otters"}
    assert _people(doc) == set()


def test_plural_name_before_a_result_verb_is_a_side(repairer: EntityRepairer) -> None:
    words = ["Varrow", "Stags", "beat", "Kelby", "on", "Sunday", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-DATE", "O"]
    tags = ["NNP", "NNPS", "VBD", "NNP", "IN", "NNP", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert "Varrow Stags" in _orgs(doc)
    assert _people(doc) == set()


def test_names_before_their_points_on_a_result_line_are_sides(repairer: EntityRepairer) -> None:
    # "Wexcombe Otters 24, Varrow Stags 17" as the line under the headline
    words = [
        "Wexcombe",
        "Otters",
        "24",
        ",",
        "Varrow",
        "Stags",
        "17",
        "\n\n",
        "The",
        "match",
        "was",
        "close",
        ".",
    ]
    spaces = [True, True, False, True, True, True, False, False, True, True, True, False, False]
    ents = ["B-PERSON", "I-PERSON", "B-CARDINAL", "O", "B-PERSON", "I-PERSON", "B-CARDINAL"] + ["O"] * 6
    tags = ["NNP", "NNPS", "CD", ",", "NNP", "NNPS", "CD", "_SP", "DT", "NN", "VBD", "JJ", "."]
    doc = repairer(tagged_doc(words, ents, tags, spaces))
    assert {"Wexcombe Otters", "Varrow Stags"} <= _orgs(doc)
    assert _people(doc) == set()


@pytest.mark.parametrize("tail", ["Brothers", "Sons"])
def test_name_ending_in_brothers_or_sons_is_a_family_firm(repairer: EntityRepairer, tail: str) -> None:
    words = ["Tarrant", tail, "raised", "its", "prices", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    tags = ["NNP", "NNPS", "VBD", "PRP$", "NNS", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {f"Tarrant {tail}"}


def test_a_first_name_keeps_a_plural_surname_a_person(repairer: EntityRepairer) -> None:
    words = ["The", "winner", ",", "the", "Ana", "Rogers", "of", "old", ",", "beat", "Varrow", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "O"]
    tags = ["DT", "NN", ",", "DT", "NNP", "NNP", "IN", "JJ", ",", "VBD", "NNP", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert "Ana Rogers" in _people(doc)
    assert _orgs(doc) == set()


def test_organisation_cut_at_and_is_joined(repairer: EntityRepairer) -> None:
    words = ["Staff", "joined", "the", "Ostley", "Nursing", "and", "Midwifery", "Council", "."]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O"]
    tags = ["NNS", "VBD", "DT", "NNP", "NNP", "CC", "NNP", "NNP", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"Ostley Nursing and Midwifery Council"}


def test_two_firms_joined_by_and_stay_two(repairer: EntityRepairer) -> None:
    words = ["Halvey", "Mills", "and", "Quarrick", "Foods", "merged", "."]
    ents = ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "O"]
    tags = ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"Halvey Mills", "Quarrick Foods"}


def test_road_after_and_in_a_body_name_is_no_street(repairer: EntityRepairer) -> None:
    words = ["The", "Office", "of", "Rail", "and", "Road", "fined", "Kelby", "Buses", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O"]
    tags = ["DT", "NNP", "IN", "NNP", "CC", "NNP", "VBD", "NNP", "NNPS", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert "Office of Rail and Road" in _orgs(doc)


def test_street_named_after_a_name_word_stays_a_street(repairer: EntityRepairer) -> None:
    words = ["Works", "closed", "Pelham", "Road", "."]
    ents = ["O", "O", "B-ORG", "I-ORG", "O"]
    tags = ["NNS", "VBD", "NNP", "NNP", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == set()


def test_sentence_opening_with_a_kind_of_body_names_a_body(repairer: EntityRepairer) -> None:
    words = ["Consumer", "group", "Halvey", "Voice", "said", "prices", "rose", "."]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    tags = ["NNP", "NN", "NNP", "NNP", "VBD", "NNS", "VBD", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"Halvey Voice"}
    assert _people(doc) == set()


def test_descriptor_of_a_body_before_a_name_makes_it_a_body(repairer: EntityRepairer) -> None:
    words = ["Talks", "were", "led", "by", "the", "watchdog", "Wexcombe", "Vale", "."]
    ents = ["O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    tags = ["NNS", "VBD", "VBN", "IN", "DT", "NN", "NNP", "NNP", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"Wexcombe Vale"}


def test_name_set_off_by_a_kind_of_body_is_an_organisation(repairer: EntityRepairer) -> None:
    # "QRX, the lobby group for retired teachers, said ..." with the acronym missed by the NER
    words = ["QRX", ",", "the", "lobby", "group", "for", "retired", "teachers", ",", "said", "no", "."]
    ents = ["O"] * len(words)
    tags = ["NNP", ",", "DT", "NN", "NN", "IN", "JJ", "NNS", ",", "VBD", "DT", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"QRX"}


@pytest.mark.parametrize(
    ("words", "tags"),
    [
        (
            ["Varrow", ",", "a", "bank", "manager", ",", "said", "no", "."],
            ["NNP", ",", "DT", "NN", "NN", ",", "VBD", "DT", "."],
        ),
        (
            ["Varrow", ",", "the", "company", "'s", "founder", ",", "left", "."],
            ["NNP", ",", "DT", "NN", "POS", "NN", ",", "VBD", "."],
        ),
        (
            ["Ana", "Quarrick", ",", "the", "lobby", "group", ",", "left", "."],
            ["NNP", "NNP", ",", "DT", "NN", "NN", ",", "VBD", "."],
        ),
    ],
)
def test_apposition_of_a_person_makes_no_organisation(
    repairer: EntityRepairer, words: list[str], tags: list[str]
) -> None:
    doc = repairer(tagged_doc(words, ["O"] * len(words), tags))
    assert _orgs(doc) == set()


def test_source_in_brackets_after_a_dateline_is_a_news_agency(repairer: EntityRepairer) -> None:
    # "OSTLEY (Varrow Wire) - Prices rose ."
    words = ["OSTLEY", "(", "Varrow", "Wire", ")", "-", "Prices", "rose", "."]
    spaces = [True, False, True, False, True, True, True, False, False]
    tags = ["NNP", "-LRB-", "NNP", "NNP", "-RRB-", ":", "NNS", "VBD", "."]
    ents = ["B-GPE"] + ["O"] * 8
    doc = repairer(tagged_doc(words, ents, tags, spaces))
    assert _orgs(doc) == {"Varrow Wire"}


def test_a_heading_ending_in_a_plural_is_no_side(repairer: EntityRepairer) -> None:
    words = ["See", "the", "Notes", "on", "Where", "the", "Count", "Stands", "."]
    ents = ["O", "B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART"]
    ents += ["I-WORK_OF_ART", "I-WORK_OF_ART", "O"]
    tags = ["VB", "DT", "NNPS", "IN", "WRB", "DT", "NNP", "NNPS", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == set()


@pytest.mark.parametrize("position", ["prop", "winger", "flanker"])
def test_a_playing_position_before_a_name_supports_it(repairer: EntityRepairer, position: str) -> None:
    words = ["The", "ban", "on", position, "Tavake", "Halvey", "was", "lifted", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["DT", "NN", "IN", "NN", "NNP", "NNP", "VBD", "VBN", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _people(doc) == {"Tavake Halvey"}


def test_name_after_a_possessive_and_an_organisation_noun_is_a_body(repairer: EntityRepairer) -> None:
    # "Nurses' union Halvey has called a strike ." with the name missed by the NER
    words = ["Nurses", "'", "union", "Halvey", "has", "called", "a", "strike", "."]
    tags = ["NNS", "POS", "NN", "NNP", "VBZ", "VBN", "DT", "NN", "."]
    doc = repairer(tagged_doc(words, ["O"] * len(words), tags))
    assert _orgs(doc) == {"Halvey"}


def test_name_after_the_and_an_organisation_noun_is_a_body(repairer: EntityRepairer) -> None:
    words = ["Talks", "were", "led", "by", "the", "conciliation", "service", "Quarrick", "."]
    tags = ["NNS", "VBD", "VBN", "IN", "DT", "NN", "NN", "NNP", "."]
    doc = repairer(tagged_doc(words, ["O"] * len(words), tags))
    assert _orgs(doc) == {"Quarrick"}
