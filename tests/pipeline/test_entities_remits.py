"""Organisation names cut short or misread in small, regular ways (entities/remits.py). Invented sentences."""

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


def test_body_named_by_its_remit_runs_on_over_on_and_the_subject(repairer: EntityRepairer) -> None:
    words = ["The", "Kelby", "Select", "Committee", "on", "Harbour", "Dredging", "will", "report", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "I-GPE", "O", "O", "O"]
    tags = ["DT", "NNP", "NNP", "NNP", "IN", "NNP", "NNP", "MD", "VB", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"Kelby Select Committee on Harbour Dredging"}
    assert not any(e.label_ == "GPE" for e in doc.ents)


def test_remit_stops_before_a_day(repairer: EntityRepairer) -> None:
    words = ["The", "Kelby", "Committee", "on", "Monday", "voted", "to", "close", "it", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-DATE", "O", "O", "O", "O", "O"]
    tags = ["DT", "NNP", "NNP", "IN", "NNP", "VBD", "TO", "VB", "PRP", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"Kelby Committee"}


def test_state_of_secretary_of_state_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["Ana", "Brody", ",", "the", "Secretary", "of", "State", ",", "left", "early", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "DT", "NNP", "IN", "NNP", ",", "VBD", "RB", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == set()


def test_body_after_secretary_of_with_a_head_word_stays(repairer: EntityRepairer) -> None:
    words = ["Ana", "Brody", "is", "secretary", "of", "Orlin", "Union", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    tags = ["NNP", "NNP", "VBZ", "NN", "IN", "NNP", "NNP", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"Orlin Union"}


def test_generic_pac_alone_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["The", "PAC", "has", "spent", "heavily", "."]
    ents = ["O", "B-ORG", "O", "O", "O", "O"]
    tags = ["DT", "NNP", "VBZ", "VBN", "RB", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == set()


def test_letters_and_digits_run_together_name_an_organisation(repairer: EntityRepairer) -> None:
    words = ["Rivermark42", "has", "spent", "heavily", "near", "the", "M25", "."]
    ents = ["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O"]
    tags = ["NNP", "VBZ", "VBN", "RB", "IN", "DT", "NNP", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"Rivermark42"}
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["M25"]


def test_party_named_by_adjective_and_plural_is_an_organisation(repairer: EntityRepairer) -> None:
    words = ["Support", "for", "the", "Free", "Socialists", "has", "fallen", "."]
    ents = ["O", "O", "O", "O", "B-NORP", "O", "O", "O"]
    tags = ["NN", "IN", "DT", "NNP", "NNPS", "VBZ", "VBN", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"Free Socialists"}


def test_capitalised_adjective_opening_a_sentence_names_no_party(repairer: EntityRepairer) -> None:
    words = ["Free", "Socialists", "in", "Kelby", "voted", "no", "."]
    ents = ["O", "B-NORP", "O", "B-GPE", "O", "O", "O"]
    tags = ["JJ", "NNPS", "IN", "NNP", "VBD", "DT", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == set()


def test_legislature_and_plural_stays_a_group(repairer: EntityRepairer) -> None:
    words = ["Most", "Kelby", "Socialists", "voted", "no", "."]
    ents = ["O", "B-NORP", "I-NORP", "O", "O", "O"]
    tags = ["JJS", "NNP", "NNPS", "VBD", "DT", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == set()


def test_plural_trade_word_ends_an_organisation_name(repairer: EntityRepairer) -> None:
    words = ["The", "Dunmore", "Charitable", "Trusts", "gave", "money", "."]
    ents = ["O"] * 7
    tags = ["DT", "NNP", "NNP", "NNPS", "VBD", "NN", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"Dunmore Charitable Trusts"}


def test_party_word_and_place_before_a_title_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["Independent", "Kelvale", "Sen.", "Ana", "Brody", "voted", "no", "."]
    ents = ["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["NNP", "NNP", "NNP", "NNP", "NNP", "VBD", "DT", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == set()


def test_party_body_before_a_title_stays(repairer: EntityRepairer) -> None:
    words = ["Independent", "Kelvale", "Party", "chairman", "Ivo", "Kern", "voted", "no", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["NNP", "NNP", "NNP", "NN", "NNP", "NNP", "VBD", "DT", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"Independent Kelvale Party"}


def test_relative_named_with_a_possessive_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["Brody", "\u2019s", "Son", "Says", "It", "Is", "Over", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    tags = ["NNP", "POS", "NNP", "VBZ", "PRP", "VBZ", "RB", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == set()


def test_abbreviation_of_a_common_noun_is_cut_from_the_front(repairer: EntityRepairer) -> None:
    words = ["The", "super", "PAC", "Tollan", "Forward", "spent", "more", "."]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]
    tags = ["DT", "JJ", "NNP", "NNP", "NNP", "VBD", "JJR", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"Tollan Forward"}


def test_person_without_first_name_described_as_a_body_is_an_organisation(repairer: EntityRepairer) -> None:
    words = ["Tollan", "Forward", ",", "a", "super", "PAC", "backing", "Ivo", "Kern", ",", "paid", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "DT", "JJ", "NNP", "VBG", "NNP", "NNP", ",", "VBD", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == {"Tollan Forward"}
    assert {p["name"] for p in doc._.qm_people} == {"Ivo Kern"}


def test_person_described_by_a_job_at_a_body_stays_a_person(repairer: EntityRepairer) -> None:
    words = ["Brody", "Vance", ",", "a", "company", "director", ",", "paid", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "DT", "NN", "NN", ",", "VBD", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert _orgs(doc) == set()
    assert {p["name"] for p in doc._.qm_people} == {"Brody Vance"}


def test_unknown_acronym_after_the_read_as_a_building_is_an_organisation(repairer: EntityRepairer) -> None:
    words = ["The", "KLTU", "and", "the", "DWRC", "both", "spent", "heavily", "."]
    ents = ["O", "B-ORG", "O", "O", "B-FAC", "O", "O", "O", "O"]
    tags = ["DT", "NNP", "CC", "DT", "NNP", "DT", "VBD", "RB", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"KLTU", "DWRC"}


def test_word_in_capitals_for_stress_is_no_organisation(repairer: EntityRepairer) -> None:
    words = ["It", "was", "the", "WORST", "idea", "of", "all", "."]
    ents = ["O", "O", "O", "B-ORG", "O", "O", "O", "O"]
    tags = ["PRP", "VBD", "DT", "JJS", "NN", "IN", "DT", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == set()


def test_acronym_tagged_as_a_noun_elsewhere_is_no_stressed_word(repairer: EntityRepairer) -> None:
    words = ["KALV", "struck", "again", ".", "Troops", "fought", "KALV", "fighters", "."]
    ents = ["B-ORG", "O", "O", "O", "O", "O", "B-ORG", "O", "O"]
    tags = ["NNP", "VBD", "RB", ".", "NNS", "VBD", "JJ", "NNS", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"KALV"}


def test_person_described_by_a_trade_a_firm_may_have_stays_a_person(repairer: EntityRepairer) -> None:
    words = ["Dr.", "Tollan", "Vries", ",", "a", "pollster", "who", "left", ",", "spoke", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", "NNP", ",", "DT", "NN", "WP", "VBD", ",", "VBD", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert {p["name"] for p in doc._.qm_people} == {"Tollan Vries"}


def test_last_item_of_a_list_before_a_body_stays_a_person(repairer: EntityRepairer) -> None:
    words = ["Ashby", "and", "Tollan", "Forward", ",", "a", "lobby", "group", ",", "met", "."]
    ents = ["B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "CC", "NNP", "NNP", ",", "DT", "NN", "NN", ",", "VBD", "."]
    assert "Tollan Forward" not in _orgs(repairer(tagged_doc(words, ents, tags)))


def test_agency_after_a_dated_dateline_is_an_organisation(repairer: EntityRepairer) -> None:
    words = ["KELBY", ",", "May", "3", "(", "VWN", ")", "\u2014", "Ana", "Brody", "left", "."]
    spaces = [False, True, True, True, False, False, True, True, True, True, False, False]
    ents = ["B-GPE", "O", "B-DATE", "I-DATE", "O", "B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    tags = ["NNP", ",", "NNP", "CD", "-LRB-", "NNP", "-RRB-", ":", "NNP", "NNP", "VBD", "."]
    assert "VWN" in _orgs(repairer(tagged_doc(words, ents, tags, spaces)))


def test_group_plural_before_a_full_name_is_cut_from_the_person(repairer: EntityRepairer) -> None:
    words = ["Moderates", "Ana", "Brody", "and", "Ivo", "Kern", "voted", "no", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["NNPS", "NNP", "NNP", "CC", "NNP", "NNP", "VBD", "DT", "."]
    doc = repairer(tagged_doc(words, ents, tags))
    assert {p["name"] for p in doc._.qm_people} == {"Ana Brody", "Ivo Kern"}
    assert _orgs(doc) == set()


def test_place_and_capitalised_plural_after_the_is_a_side(repairer: EntityRepairer) -> None:
    words = ["Ana", "Brody", "watched", "the", "Kelby", "Otters", "lose", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "B-PRODUCT", "O", "O"]
    tags = ["NNP", "NNP", "VBD", "DT", "NNP", "NNPS", "VB", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == {"Kelby Otters"}


def test_place_and_plural_place_word_stays_a_place(repairer: EntityRepairer) -> None:
    words = ["Ana", "Brody", "walked", "the", "Kelby", "Hills", "alone", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O", "O", "O"]
    tags = ["NNP", "NNP", "VBD", "DT", "NNP", "NNPS", "RB", "."]
    assert _orgs(repairer(tagged_doc(words, ents, tags))) == set()
