"""Role text without the organisation it opens with, and titles, asides and descriptions next to a name.

Every sentence, name and organisation here is invented for these tests.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model
from tests.people import affiliations as _affiliations
from tests.people import roles as _roles

import quotemine.factories  # noqa: F401  (registers factories and extensions)
from quotemine.pipeline.records import PersonRecord
from quotemine.pipeline.role_records import apply_roles


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", "quotemine_roles")


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        (
            "Treasury Secretary Hal Brenner told reporters at the Treasury that no bank would be rescued.",
            "Hal Brenner",
            "Secretary",
            "Treasury",
        ),
        (
            "Harbour Authority press secretary Dana Pell said the ferry would sail.",
            "Dana Pell",
            "press secretary",
            "Harbour Authority",
        ),
        (
            "Orbury Falcons won again. Falcons coach Reg Amble praised the defence.",
            "Reg Amble",
            "coach",
            "Orbury Falcons",
        ),
    ],
)
def test_role_text_leaves_out_the_organisation_it_opens_with(
    nlp: Language, text: str, name: str, role: str, affiliation: str
) -> None:
    doc = nlp(text)
    assert _roles(doc, name) == [role]
    assert _affiliations(doc, name) == [affiliation]


def _blank_doc(words: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words)


def _person() -> PersonRecord:
    return {"id": "p1", "name": "Kit Vane", "roles": [], "affiliations": []}  # type: ignore[typeddict-item]


def test_apply_roles_cuts_an_organisation_and_its_possessive_from_the_front() -> None:
    doc = _blank_doc(["Hollin", "Bank", "'s", "chief", "economist", "Kit", "Vane"])
    person = _person()
    apply_roles(doc, person, [(0, 5)], {0: "o1", 1: "o1"}, [])
    assert [doc.text[s:e] for s, e in person["roles"]] == ["chief economist"]
    assert person["affiliations"] == ["o1"]


def test_apply_roles_keeps_the_portfolio_of_a_ministers_title() -> None:
    doc = _blank_doc(["Health", "Secretary", "Kit", "Vane", "spoke"])
    person = _person()
    apply_roles(doc, person, [(0, 2)], {0: "o1"}, [])
    assert [doc.text[s:e] for s, e in person["roles"]] == ["Health Secretary"]


def test_apply_roles_keeps_a_role_that_is_all_organisation() -> None:
    doc = _blank_doc(["Vane", "joined", "Hollin", "Bank"])
    person = _person()
    apply_roles(doc, person, [(2, 4)], {2: "o1", 3: "o1"}, [])
    assert [doc.text[s:e] for s, e in person["roles"]] == ["Hollin Bank"]


def test_short_company_name_before_a_title_is_the_company(nlp: Language) -> None:
    doc = nlp(
        "Talvik Bank cut 300 jobs on Monday. Talvik chief executive Lina Marsh said the cuts were painful."
    )
    assert _roles(doc, "Lina Marsh") == ["chief executive"]
    assert _affiliations(doc, "Lina Marsh") == ["Talvik Bank"]


def test_a_party_adjective_is_no_short_name_of_a_party_committee(nlp: Language) -> None:
    doc = nlp("Republican strategist Ann Cole said the Republican National Committee erred.")
    assert _affiliations(doc, "Ann Cole") == []


def test_apposition_after_post_nominal_letters(nlp: Language) -> None:
    doc = nlp("Ruth Ellery MP, the chair of the Transport Committee, said the rail plan was late.")
    assert _roles(doc, "Ruth Ellery") == ["MP", "chair of the Transport Committee"]
    assert _affiliations(doc, "Ruth Ellery") == ["Transport Committee"]


def test_a_dateline_before_a_title_is_no_part_of_it(nlp: Language) -> None:
    doc = nlp("SALEM, Oregon - Gov. Tess Varnum signed the bill on Friday.")
    assert _roles(doc, "Tess Varnum") == ["Gov."]


def test_description_beside_a_name_is_not_given_to_an_earlier_person(nlp: Language) -> None:
    doc = nlp("Pia Lorne chaired the meeting on Monday. The treasurer, Dev Kapoor, said funds were short.")
    assert _roles(doc, "Pia Lorne") == []
    assert _roles(doc, "Dev Kapoor") == ["treasurer"]


def test_role_verb_whose_object_is_placed_in_the_organisation_gives_nothing(nlp: Language) -> None:
    doc = nlp("For years Nell Arden has run the only bakery in Pine Ford, a town of 900.")
    assert _roles(doc, "Nell Arden") == []
    assert _affiliations(doc, "Nell Arden") == []


def test_role_verb_whose_object_is_a_unit_of_the_organisation_ties_it(nlp: Language) -> None:
    doc = nlp("Vic Ambers, who chairs the audit committee at the Halden Water Board, said costs rose.")
    assert _affiliations(doc, "Vic Ambers") == ["Halden Water Board"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Brackwater Air and Lunden Airways ended their talks. "
            "Brackwater's founder, Omid Sarraf, wanted the top job.",
            "Omid Sarraf",
            "founder",
        ),
        (
            "Brackwater Air and Lunden Airways ended their talks. "
            "Captain Lee Orme, a Brackwater pilot, said morale was low.",
            "Lee Orme",
            "pilot",
        ),
    ],
)
def test_short_name_in_a_possessive_or_an_apposition_is_the_organisation(
    nlp: Language, text: str, name: str, role: str
) -> None:
    doc = nlp(text)
    assert role in _roles(doc, name)
    assert _affiliations(doc, name) == ["Brackwater Air"]


def test_a_known_place_is_no_short_name_of_an_organisation(nlp: Language) -> None:
    doc = nlp("Ohio State University won. Ohio governor Tim Raye attended the game.")
    assert _affiliations(doc, "Tim Raye") == []


def test_acronym_before_a_title_is_cut_from_the_role(nlp: Language) -> None:
    doc = nlp("The Kestrel Bank of Farland held rates. KBF governor Ama Otieno said prices were too high.")
    assert _roles(doc, "Ama Otieno") == ["governor"]
    assert _affiliations(doc, "Ama Otieno") == ["Kestrel Bank of Farland"]


def test_membership_verb_after_an_age_with_its_object_at_the_organisation(nlp: Language) -> None:
    doc = nlp("Gwen Tally, 71, taught chemistry at Hollybrook Grammar School for 30 years.")
    assert _affiliations(doc, "Gwen Tally") == ["Hollybrook Grammar School"]


def test_membership_verb_whose_object_is_in_the_organisation_ties_nothing(nlp: Language) -> None:
    doc = nlp("Gwen Tally, 71, reported big losses in the Hollybrook Savings Bank last year.")
    assert _affiliations(doc, "Gwen Tally") == []


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Det. Sgt. Owen Marsh of the Farley Police Department said two men were held.",
            "Owen Marsh",
            "Det. Sgt",
        ),
        (
            "Officials said Maj. Gen. Paula Dwyer, the commander, arrived on Monday.",
            "Paula Dwyer",
            "Maj. Gen.",
        ),
    ],
)
def test_stacked_abbreviated_ranks_are_one_title(nlp: Language, text: str, name: str, role: str) -> None:
    doc = nlp(text)
    assert _roles(doc, name)[0] == role


def test_a_role_said_with_would_is_a_wish_not_a_role(nlp: Language) -> None:
    doc = nlp("Gov. Ida Marsh spoke first. Ned Ferrow said Marsh would be a great senator.")
    assert _roles(doc, "Ida Marsh") == ["Gov."]


def test_a_trade_in_an_apposition_is_a_role(nlp: Language) -> None:
    doc = nlp("I asked Rob Tilley, a bricklayer in Dunmore for 20 years, what he thought of the plan.")
    assert _roles(doc, "Rob Tilley") == ["bricklayer in Dunmore"]


def test_a_modifier_the_parse_reads_as_a_compound_stays_in_the_title(nlp: Language) -> None:
    doc = nlp("Her opposite number, shadow housing secretary Dev Malhotra, is no better.")
    assert _roles(doc, "Dev Malhotra") == ["shadow housing secretary"]


def test_of_a_unit_of_an_organisation_is_that_organisation(nlp: Language) -> None:
    doc = nlp("Detective Inspector Ava Lund, of Farley Police's fraud unit, said the gang was caught.")
    assert _affiliations(doc, "Ava Lund") == ["Farley Police"]


def test_description_skips_a_person_who_only_owns_a_noun(nlp: Language) -> None:
    doc = nlp(
        "Carl Hume's speech came a day after Senator Nora Pike unveiled her plan. "
        "The former minister of education, who backed the treaty, has faced criticism."
    )
    assert "former minister of education" in _roles(doc, "Nora Pike")
    assert _roles(doc, "Carl Hume") == []


def test_description_with_two_subjects_before_it_is_left_unlinked(nlp: Language) -> None:
    doc = nlp("Carl Hume said Nora Pike would lose. The former governor has faced criticism.")
    assert _roles(doc, "Carl Hume") == []
    assert _roles(doc, "Nora Pike") == []


def test_apply_roles_takes_a_bare_name_after_in_for_a_place() -> None:
    doc = _blank_doc(["owner", "of", "a", "bakery", "in", "Pine", "Ford"])
    person = _person()
    apply_roles(doc, person, [(0, 7)], {5: "o1", 6: "o1"}, [])
    assert person["affiliations"] == []


def test_apply_roles_keeps_an_organisation_word_after_in() -> None:
    doc = _blank_doc(["researcher", "in", "the", "Farley", "Department"])
    person = _person()
    apply_roles(doc, person, [(0, 5)], {3: "o1", 4: "o1"}, [])
    assert person["affiliations"] == ["o1"]


@pytest.mark.parametrize(
    ("text", "affiliations"),
    [
        (
            "Farley Bank analyst Petra Wendt was more positive. "
            "The company's board chairman, Klaus Ried, backed the plan.",
            [],
        ),
        (
            "Shares of Farley Bank rose. The company's board chairman, Klaus Ried, backed the plan.",
            ["Farley Bank"],
        ),
    ],
)
def test_the_company_is_not_a_name_that_only_modifies_another_title(
    nlp: Language, text: str, affiliations: list[str]
) -> None:
    doc = nlp(text)
    assert _affiliations(doc, "Klaus Ried") == affiliations


def test_apply_roles_cuts_a_one_word_company_from_the_title() -> None:
    doc = _blank_doc(["Farbank", "analyst", "Kit", "Vane", "said"])
    person = _person()
    apply_roles(doc, person, [(0, 2)], {0: "o1"}, [])
    assert [doc.text[s:e] for s, e in person["roles"]] == ["analyst"]
    assert person["affiliations"] == ["o1"]


def test_role_of_the_field_before_a_name(nlp: Language) -> None:
    doc = nlp("On Monday, Minister of the Interior Pedro Alva said no.")
    assert _roles(doc, "Pedro Alva") == ["Minister of the Interior"]


def test_former_before_a_short_team_name_ties_the_team_and_keeps_the_title(nlp: Language) -> None:
    doc = nlp("The Orbury Falcons won. Former Falcons coach Reg Amble praised the defence.")
    assert _roles(doc, "Reg Amble") == ["Former Falcons coach"]
    assert _affiliations(doc, "Reg Amble") == ["Orbury Falcons"]


def test_pronoun_after_a_name_in_apposition_to_the_subject(nlp: Language) -> None:
    doc = nlp("Her son, Ivo Marek, is a paramedic in Farley. He is also the union's treasurer.")
    assert _roles(doc, "Ivo Marek")[-1] == "treasurer"  # the union is not named: no owner in the role


@pytest.mark.parametrize(
    ("text", "affiliations"),
    [
        (
            "The Ardley Food Bank lost money. Nia Stott, a volunteer at the food bank, said she was shocked.",
            ["Ardley Food Bank"],
        ),
        (
            "The Ardley Food Bank lost money. Nia Stott, an economist at the central bank, was calm.",
            [],
        ),
    ],
)
def test_the_org_noun_with_modifiers_names_the_organisation_that_has_them(
    nlp: Language, text: str, affiliations: list[str]
) -> None:
    doc = nlp(text)
    assert _affiliations(doc, "Nia Stott") == affiliations


def test_a_compound_trade_is_a_role(nlp: Language) -> None:
    doc = nlp('"It was a betrayal," said board president Lina Ort, a retired schoolteacher.')
    assert _roles(doc, "Lina Ort") == ["board president", "retired schoolteacher"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Ola Benning, a 23-year-old forward signed last summer, scored twice.", "23-year-old forward"),
        ("Ola Benning, the veteran centre, scored twice.", "veteran centre"),
    ],
)
def test_a_playing_position_in_an_apposition_is_a_role(nlp: Language, text: str, role: str) -> None:
    doc = nlp(text)
    assert _roles(doc, "Ola Benning") == [role]


def test_a_position_word_in_a_participle_apposition_is_no_role(nlp: Language) -> None:
    doc = nlp("Ola Benning, moving forward, said no.")
    assert _roles(doc, "Ola Benning") == []


def test_a_surname_before_a_staff_title_is_cut(nlp: Language) -> None:
    doc = nlp("Ann Voss won the primary. Voss campaign manager Ted Lamb said so.")
    assert _roles(doc, "Ted Lamb") == ["campaign manager"]


def test_after_surname_keeps_an_organisation_of_the_same_name() -> None:
    from quotemine.pipeline.role_records import after_surname

    doc = _blank_doc(["Farbank", "engineer", "Kit", "Vane"])
    assert after_surname(doc, (0, 2), {"Farbank"}, {0: "o1"}) == (0, 2)
    assert after_surname(doc, (0, 2), {"Farbank"}, {}) == (1, 2)
