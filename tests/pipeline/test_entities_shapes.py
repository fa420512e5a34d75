"""Organisations and people the genre probe got wrong (issue 11): every sentence is invented."""

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
        "The U.S. Bureau of Fisheries warned the panel on Monday. USBF officials said they lacked staff."
    )
    assert _orgs(doc) == {"U.S. Bureau of Fisheries": 2}


def _forced(words: list[str], ents: list[str], tags: list[str], heads: list[int], deps: list[str]) -> Doc:
    """A hand-parsed one-sentence Doc with the NER's labels forced (heads are absolute indices)."""
    starts: list[bool | int | None] = [True]
    starts += [False] * (len(words) - 1)
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        ents=ents,
        tags=tags,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )
    return EntityRepairer(spacy.blank("en"))(doc)


def test_facility_ending_in_a_place_word_is_no_person() -> None:
    doc = _forced(
        ["They", "won", "at", "Dorian", "Park", "with", "Ivo", "Brandt", "."],
        ["O", "O", "O", "B-FAC", "I-FAC", "O", "B-PERSON", "I-PERSON", "O"],
        ["PRP", "VBD", "IN", "NNP", "NNP", "IN", "NNP", "NNP", "."],
        [1, 1, 1, 4, 2, 1, 7, 5, 1],
        ["nsubj", "ROOT", "prep", "compound", "pobj", "prep", "compound", "pobj", "punct"],
    )
    assert _people(doc) == ["Ivo Brandt"]


def test_name_after_residents_of_is_a_place() -> None:
    doc = _forced(
        ["Residents", "of", "Kothwal", "and", "Banesh", "agreed", "."],
        ["O", "O", "B-PERSON", "O", "B-PERSON", "O", "O"],
        ["NNS", "IN", "NNP", "CC", "NNP", "VBD", "."],
        [5, 0, 1, 2, 2, 5, 5],
        ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"],
    )
    assert _people(doc) == []


def test_first_name_that_is_no_surname_is_a_person_the_ner_called_an_organisation() -> None:
    doc = _forced(
        ["They", "won", "with", "Ivo", "Brandt", "scoring", "twice", "."],
        ["O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"],
        ["PRP", "VBD", "IN", "NNP", "NNP", "VBG", "RB", "."],
        [1, 1, 1, 4, 2, 4, 5, 1],
        ["nsubj", "ROOT", "prep", "compound", "pobj", "acl", "advmod", "punct"],
    )
    assert _people(doc) == ["Ivo Brandt"]
    assert _orgs(doc) == {}
    scouts = _forced(
        ["They", "joined", "Ola", "Wardens", "."],
        ["O", "O", "B-ORG", "I-ORG", "O"],
        ["PRP", "VBD", "NNP", "NNP", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "compound", "dobj", "punct"],
    )
    assert _people(scouts) == []  # a plural noun after the first name: no person


def test_word_for_a_relative_is_no_person(nlp: Language) -> None:
    doc = nlp('Ola Brandt helps out on Saturdays. "Grandad thinks the internet is a fad," she said.')
    assert "Grandad" not in _people(doc)


def test_role_on_the_byline_is_no_author(nlp: Language) -> None:
    doc = nlp("Depot fire spreads\n\nBy Ola Brandt, Local Democracy Reporter\n\nA fire broke out on Sunday.")
    assert _people(doc) == ["Ola Brandt"]


def test_first_name_before_who_is_a_person(nlp: Language) -> None:
    doc = nlp("Penrow's granddaughter, Isla, who studies at Kelby College, helps out on Saturdays.")
    assert "Isla" in _people(doc)
    assert "Isla" not in _orgs(doc)


def test_names_after_residents_of_are_no_organisations(nlp: Language) -> None:
    doc = nlp('Residents of Kothwal and Banesh welcomed the move. "We wait hours," said Mira Dev.')
    assert _orgs(doc) == {}
    assert _people(doc) == ["Mira Dev"]


def test_role_word_alone_is_no_person(nlp: Language) -> None:
    doc = nlp("The Treasurer, Jim Kovane, defended the plan on Monday.")
    assert _people(doc) == ["Jim Kovane"]


def test_name_before_which_is_a_body_not_a_person() -> None:
    doc = _forced(
        ["Bellmoor", ",", "which", "is", "owned", "by", "a", "trust", ",", "agreed", "."],
        ["B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
        ["NNP", ",", "WDT", "VBZ", "VBN", "IN", "DT", "NN", ",", "VBD", "."],
        [9, 0, 4, 4, 0, 4, 7, 5, 0, 9, 9],
        ["nsubj", "punct", "nsubjpass", "auxpass", "relcl", "agent", "det", "pobj", "punct", "ROOT", "punct"],
    )
    assert _people(doc) == []
    assert _orgs(doc) == {"Bellmoor": 1}


def test_name_after_an_analyst_at_is_the_employer(nlp: Language) -> None:
    doc = nlp("Rates have halved, said Tomasz Wiecz, an analyst at Berenholt in Hamburg.")
    assert "Berenholt" in _orgs(doc)


def test_law_firm_ending_in_llp_is_no_person(nlp: Language) -> None:
    doc = nlp("Lawyers at Fenwick Marsh LLP advised the buyer.")
    assert _orgs(doc) == {"Fenwick Marsh LLP": 1}
    assert _people(doc) == []


def test_abbreviations_of_common_nouns_are_no_organisations(nlp: Language) -> None:
    doc = nlp("The company will build an EV plant. The IPO will raise $200 million.")
    assert _orgs(doc) == {}


def test_dangling_and_before_another_organisation_is_cut(nlp: Language) -> None:
    doc = nlp(
        "Sahvan competes with Kelby Motors and Orlin & Orlin in the SUV market. "
        "Kelby Motors sold 6,200 cars in March."
    )
    assert "Kelby Motors" in _orgs(doc)
    assert not any(" and " in name for name in _orgs(doc))


def test_two_organisations_joined_by_and_are_split_when_the_first_stands_alone() -> None:
    words = ["Kelby", "Institute", "and", "Orlin", "Trust", "agreed", ";", "Kelby", "Institute", "leads", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    tags = ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", ":", "NNP", "NNP", "VBZ", "."]
    heads = [1, 5, 1, 4, 1, 5, 5, 8, 9, 5, 5]
    deps = [
        "compound",
        "nsubj",
        "cc",
        "compound",
        "conj",
        "ROOT",
        "punct",
        "compound",
        "nsubj",
        "parataxis",
        "punct",
    ]
    doc = _forced(words, ents, tags, heads, deps)
    assert _orgs(doc) == {"Kelby Institute": 2, "Orlin Trust": 1}


def test_first_name_that_is_also_a_place_before_who_is_a_person(nlp: Language) -> None:
    doc = nlp("Lincoln Hale, who owns Hollis Drug, said he had already done so.")
    assert "Lincoln Hale" in _people(doc)


def test_body_named_x_for_y_that_speaks_is_an_organisation(nlp: Language) -> None:
    text = (
        "Drivers voted to strike.\n\n"
        "Transit for Kelby said the offer was fair. Union leaders met Transit for Kelby on Friday."
    )
    doc = nlp(text)
    assert _orgs(doc).get("Transit for Kelby") == 2
    assert "Minister for Kelby" not in _orgs(nlp("Minister for Kelby Ana Bell said the offer was fair."))


def test_head_word_organisation_that_opens_a_sentence_keeps_its_first_word(nlp: Language) -> None:
    doc = nlp("Dunmere Rovers ended the unbeaten run of their rivals on Saturday.")
    assert "Dunmere Rovers" in _orgs(doc)


def test_team_word_that_opens_a_sentence_is_no_common_noun() -> None:
    words = ["Kelby", "Miners", "lost", ".", "Miners", "coach", "Ana", "Bell", "left", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        ents=["B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"],
        tags=["NNP", "NNPS", "VBD", ".", "NNS", "NN", "NNP", "NNP", "VBD", "."],
        heads=[1, 2, 2, 2, 5, 7, 7, 8, 8, 8],
        deps=[
            "compound",
            "nsubj",
            "ROOT",
            "punct",
            "compound",
            "compound",
            "compound",
            "nsubj",
            "ROOT",
            "punct",
        ],
        sent_starts=[True, False, False, False, True, False, False, False, False, False],
    )
    doc = EntityRepairer(spacy.blank("en"))(doc)
    assert _orgs(doc) == {"Kelby Miners": 2}


@pytest.mark.parametrize("first", ["O", "B-PERSON"])
def test_name_before_the_organisation_words_the_ner_cut_off_joins_them(first: str) -> None:
    doc = _forced(
        ["Alvesk", "Pharma", "Plc", "said", "so", "."],
        [first, "B-ORG", "I-ORG", "O", "O", "O"],
        ["NNP", "NNP", "NNP", "VBD", "RB", "."],
        [2, 2, 3, 3, 3, 3],
        ["compound", "compound", "nsubj", "ROOT", "advmod", "punct"],
    )
    assert _orgs(doc) == {"Alvesk Pharma Plc": 1}
    assert _people(doc) == []


def test_person_with_the_name_of_an_organisation_of_the_text_is_that_organisation(nlp: Language) -> None:
    doc = nlp("Analysts at Peel Harte raised their rating. Peel Harte analyst Sofia Brandt wrote a note.")
    assert "Peel Harte" not in _people(doc)


def test_dangling_and_runs_on_over_the_rest_of_one_name() -> None:
    words = ["the", "Department", "of", "Justice", "and", "Road", "Safety", "said", "."]
    doc = _forced(
        words,
        ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "I-ORG", "O", "O"],
        ["DT", "NNP", "IN", "NNP", "CC", "NNP", "NNP", "VBD", "."],
        [1, 7, 1, 2, 3, 6, 3, 7, 7],
        ["det", "nsubj", "prep", "pobj", "cc", "compound", "conj", "ROOT", "punct"],
    )
    assert _orgs(doc) == {"Department of Justice and Road Safety": 1}
