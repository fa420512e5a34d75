"""Organisation shapes and merges found by the genre probe (issue 11): every sentence is invented."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers factories and extensions)
from quotemine.pipeline.entities import EntityRepairer
from quotemine.pipeline.entities.shapes import descriptor_lead


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", config={"explain": True})


def _orgs(doc: Doc) -> dict[str, int]:
    return {o["name"]: len(o["mentions"]) for o in doc._.qm_orgs}


def _people(doc: Doc) -> list[str]:
    return [p["name"] for p in doc._.qm_people]


def test_descriptor_words() -> None:
    assert descriptor_lead("Chipmaker") and descriptor_lead("Insurer")
    assert not descriptor_lead("Maker") and not descriptor_lead("Kessel")


def test_descriptor_before_a_company_is_cut_and_alone_is_no_organisation(nlp: Language) -> None:
    doc = nlp(
        "Chipmaker to build plant in Orlin\n\n"
        "Chipmaker Vantor Semiconductor said on Monday it would hire 900 people."
    )
    orgs = _orgs(doc)
    assert "Vantor Semiconductor" in orgs
    assert not any(name.startswith("Chipmaker") for name in orgs)


def test_capitalised_common_noun_is_no_organisation(nlp: Language) -> None:
    doc = nlp("Press secretary Lena Osterholm said the Kelby Water Board would meet.")
    assert "Press" not in _orgs(doc)
    assert "Kelby Water Board" in _orgs(doc)


def test_place_ending_in_a_club_word_is_a_club() -> None:
    words = ["Dunmere", "ended", "Castlebrook", "United", "'s", "run", "."]
    ents = ["B-ORG", "O", "B-GPE", "I-GPE", "O", "O", "O"]
    tags = ["NNP", "VBD", "NNP", "NNP", "POS", "NN", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        ents=ents,
        tags=tags,
        heads=[1, 1, 3, 5, 3, 1, 1],
        deps=["nsubj", "ROOT", "compound", "poss", "case", "dobj", "punct"],
        sent_starts=[True, False, False, False, False, False, False],
    )
    doc = EntityRepairer(spacy.blank("en"))(doc)
    assert "Castlebrook United" in _orgs(doc)


def test_unknown_place_in_apposition_to_an_organisation_noun_is_an_organisation(nlp: Language) -> None:
    doc = nlp("Talks will resume at the offices of Vesca, the mediation service, on Thursday.")
    assert "Vesca" in _orgs(doc)


def test_industry_word_ends_a_company_name(nlp: Language) -> None:
    doc = nlp("Orlin Semiconductor said on Tuesday it would spend 2 billion euros on a new plant.")
    assert "Orlin Semiconductor" in _orgs(doc)


def test_inner_capital_name_is_an_organisation(nlp: Language) -> None:
    doc = nlp("Analysts had expected $2.58 a share, according to KelbyData figures.")
    assert "KelbyData" in _orgs(doc)


def test_short_company_name_joins_its_full_name(nlp: Language) -> None:
    doc = nlp("The contract went to Vantor Construction on Monday. Vantor said it would hire 300 workers.")
    assert _orgs(doc) == {"Vantor Construction": 2}


def test_acronym_keeps_the_letters_of_a_dotted_abbreviation(nlp: Language) -> None:
    doc = nlp(
        "The U.S. Department of Fisheries warned the panel on Monday. USDF officials said they lacked staff."
    )
    assert _orgs(doc) == {"U.S. Department of Fisheries": 2}
