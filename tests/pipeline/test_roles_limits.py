"""Where a role or an affiliation must stop: quotations, candidacies, role verbs, lists, name prefixes.

Every sentence is written for these tests (invented people, organisations and places).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.models import default_model
from tests.people import affiliations, roles

import quotemine.factories  # noqa: F401  (registers factories and extensions)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", "quotemine_roles")


# ---------------------------------------------------------------- descriptions inside quotations
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Kay Lund spoke first. "The mayor is rewriting history," she said.', "Kay Lund"),
        ('Tom Vick criticised the plan. "The chairman should resign," Vick said.', "Tom Vick"),
        ('Tom Vick criticised the plan. He said: "The chairman should resign."', "Tom Vick"),
        ('Kay Lund opened the library. "The mayor is rewriting history," said Dana Pirelli.', "Kay Lund"),
    ],
)
def test_a_quoted_description_gives_no_role(nlp: Language, text: str, name: str) -> None:
    assert roles(nlp(text), name) == []


def test_a_name_inside_a_quotation_is_no_antecedent_of_a_description(nlp: Language) -> None:
    doc = nlp('"Kay Lund has failed us," he said. The mayor denied it.')
    assert roles(doc, "Kay Lund") == []


def test_a_description_outside_quotations_still_names_the_last_subject(nlp: Language) -> None:
    doc = nlp("Kay Lund opened the new library on Tuesday. The mayor said it cost too much.")
    assert roles(doc, "Kay Lund") == ["mayor"]


def test_a_title_or_apposition_inside_a_quotation_stays_with_its_name(nlp: Language) -> None:
    # The speaker names the person by office right next to the name: the link crosses nothing.
    doc = nlp('"Senator Roe lied to all of us," said Marta Quell.')
    assert roles(doc, "Roe") == ["Senator"]
    assert roles(doc, "Marta Quell") == []
    doc = nlp('"Our manager, Ray Dunne, has done a great job," said Pol Abney.')
    assert roles(doc, "Ray Dunne") == ["manager"]
    assert roles(doc, "Pol Abney") == []


# ---------------------------------------------------------------- "X, who heads Y"
@pytest.mark.parametrize(
    ("text", "role", "org"),
    [
        (
            "Orla Kemp, who heads the Braxton Housing Trust, said rents would rise.",
            ["head"],
            "Braxton Housing Trust",
        ),
        (
            "Orla Kemp, who chairs the Braxton Housing Trust, said rents would rise.",
            ["chair"],
            "Braxton Housing Trust",
        ),
        ("Orla Kemp, who coaches Fenwick Rovers, said the team was tired.", ["coach"], "Fenwick Rovers"),
        (
            "Orla Kemp, who runs the Braxton Housing Trust, said rents would rise.",
            [],
            "Braxton Housing Trust",
        ),
        (
            "Orla Kemp, who leads the Braxton Housing Trust, said rents would rise.",
            [],
            "Braxton Housing Trust",
        ),
        ("Orla Kemp, who founded Pellow Analytics, said rents would rise.", [], "Pellow Analytics"),
        ("Orla Kemp, who manages the Fenwick Rovers, said the team was tired.", [], "Fenwick Rovers"),
    ],
)
def test_a_role_verb_gives_its_noun_or_only_the_affiliation(
    nlp: Language, text: str, role: list[str], org: str
) -> None:
    doc = nlp(text)
    assert roles(doc, "Orla Kemp") == role
    assert affiliations(doc, "Orla Kemp") == [org]


# ---------------------------------------------------------------- offices sought
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Gary Tolson, the Republican nominee for Senate, said he would win.",
            ["Republican nominee for Senate"],
        ),
        ("Gary Tolson, who is running for Congress, said he would win.", []),
        ("Gary Tolson, who is campaigning for the Senate, said he would win.", []),
        ("Senate candidate Gary Tolson said he would win.", ["candidate"]),
    ],
)
def test_an_office_sought_is_no_affiliation(nlp: Language, text: str, role: list[str]) -> None:
    doc = nlp(text)
    assert roles(doc, "Gary Tolson") == role
    assert affiliations(doc, "Gary Tolson") == []


def test_a_party_before_candidate_stays_an_affiliation(nlp: Language) -> None:
    doc = nlp("Labour Party candidate Gary Tolson said he would win.")
    assert roles(doc, "Gary Tolson") == ["candidate"]
    assert affiliations(doc, "Gary Tolson") == ["Labour Party"]


# ---------------------------------------------------------------- plural appositions
def test_a_plural_apposition_goes_to_every_name_of_the_list(nlp: Language) -> None:
    doc = nlp("Lina Marsh and Paul Odero, members of the zoning committee, voted against the plan.")
    assert roles(doc, "Lina Marsh") == ["members of the zoning committee"]
    assert roles(doc, "Paul Odero") == ["members of the zoning committee"]


def test_a_plural_apposition_with_an_organisation_ties_every_name(nlp: Language) -> None:
    doc = nlp("Lina Marsh, Tom Pike and Paul Odero, the co-founders of Pellow Analytics, sold the firm.")
    for name in ("Lina Marsh", "Tom Pike", "Paul Odero"):
        assert roles(doc, name) == ["co-founders of Pellow Analytics"]
        assert affiliations(doc, name) == ["Pellow Analytics"]


def test_a_plural_apposition_after_a_sentence_is_no_role(nlp: Language) -> None:
    doc = nlp("Lina Marsh thanked Paul Odero, members of the board said.")
    assert roles(doc, "Lina Marsh") == []
    assert roles(doc, "Paul Odero") == []


# ---------------------------------------------------------------- names before a staff title
@pytest.mark.parametrize(
    ("text", "name", "role", "org"),
    [
        (
            "Tarvex chief economist Harriet Vole said rates would fall.",
            "Harriet Vole",
            "chief economist",
            "Tarvex",
        ),
        (
            "Dunmore Athletic assistant coach Mark Feeney said the squad was ready.",
            "Mark Feeney",
            "assistant coach",
            "Dunmore Athletic",
        ),
    ],
)
def test_a_name_before_a_staff_title_is_the_employer(
    nlp: Language, text: str, name: str, role: str, org: str
) -> None:
    doc = nlp(text)
    assert roles(doc, name) == [role]
    assert affiliations(doc, name) == [org]
    assert org in [o["name"] for o in doc._.qm_orgs]


@pytest.mark.parametrize(
    "text",
    [
        "Grammy nominee Dana Lyle performed.",
        "Veteran goalkeeper Dana Lyle retired.",
        "Tory MP Dana Lyle said the bill would pass.",
    ],
)
def test_no_employer_before_an_honour_a_party_or_an_adjective(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert affiliations(doc, "Dana Lyle") == []
    assert doc._.qm_orgs == []


# ---------------------------------------------------------------- found by a genre probe
def test_a_verb_after_its_auxiliary_is_no_part_of_a_title(nlp: Language) -> None:
    doc = nlp("Dunmore Athletic have sacked manager Declan Moyle after a defeat.")
    assert roles(doc, "Declan Moyle") == ["manager"]


def test_a_portfolio_before_minister_is_no_short_name_of_a_company(nlp: Language) -> None:
    doc = nlp("Tessa Pell joined Ardent Water in May. Water Minister Tony Reardon said the sale was fair.")
    assert affiliations(doc, "Tony Reardon") == []


def test_a_place_word_opening_a_long_name_is_no_short_name(nlp: Language) -> None:
    doc = nlp(
        "Moira Blane chairs the Harwick Town Supporters' Trust. Harwick goalkeeper Liam Ostrowski apologised."
    )
    assert affiliations(doc, "Liam Ostrowski") == []


def test_an_owner_noun_is_cut_from_the_role_and_its_organisation_tied(nlp: Language) -> None:
    doc = nlp(
        "The Fenmore Workers Union said talks failed. The union's regional organiser, Terry Walsh, said so."
    )
    assert roles(doc, "Terry Walsh") == ["regional organiser"]
    assert affiliations(doc, "Terry Walsh") == ["Fenmore Workers Union"]


def test_representing_a_ward_on_a_council_ties_the_council(nlp: Language) -> None:
    doc = nlp(
        "Pete Sharrock, who represents the ward on Elmbridge Borough Council, said residents were shaken."
    )
    assert affiliations(doc, "Pete Sharrock") == ["Elmbridge Borough Council"]


def test_a_role_noun_ending_a_sentence_is_no_title_of_the_next_name(nlp: Language) -> None:
    doc = nlp("Consider Raymond Okoye, the Democratic nominee for governor. Okoye spoke.")
    assert roles(doc, "Raymond Okoye") == ["Democratic nominee for governor"]


def test_running_for_a_modified_chamber_is_no_affiliation(nlp: Language) -> None:
    doc = nlp("Then there is Pat Ambrose, who is running for the state Senate in the 14th district.")
    assert roles(doc, "Pat Ambrose") == []
    assert affiliations(doc, "Pat Ambrose") == []


# ---------------------------------------------------------------- line breaks and runs of spaces
@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Page 4", "mayor of Elmcote"),
        ("Update 3", "mayor of Elmcote"),
        ("Section B", "warden of Elmcote"),
        ("Page 1", "warden of Elmcote"),
    ],
)
def test_a_label_on_the_line_above_is_no_role(nlp: Language, label: str, role: str) -> None:
    # The role before the name stops at the paragraph break: the label above belongs to the page.
    doc = nlp(f"{label}\n\nThe {role}, Tomas Glenny, said the bridge would open in May.")
    assert roles(doc, "Tomas Glenny") == [role]


def test_a_title_before_a_name_does_not_cross_a_line_break(nlp: Language) -> None:
    doc = nlp("Section B\nTomas Glenny said the bridge would open in May.")
    assert roles(doc, "Tomas Glenny") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Elmcote,  Tomas Glenny, said the bridge would open in May.",
        "Tomas Glenny,  the mayor of Elmcote, said the bridge would open in May.",
        "Tomas Glenny,   the mayor of Elmcote, said the bridge would open in May.",
    ],
)
def test_a_run_of_spaces_keeps_an_apposition(nlp: Language, text: str) -> None:
    # spaCy keeps the extra spaces as a token of their own: the rules step over it.
    assert roles(nlp(text), "Tomas Glenny") == ["mayor of Elmcote"]


def test_a_run_of_spaces_keeps_a_title_before_a_name(nlp: Language) -> None:
    assert roles(nlp("Mayor  Tomas Glenny said the bridge would open in May."), "Tomas Glenny") == ["Mayor"]


def test_a_run_of_spaces_keeps_a_relative_clause(nlp: Language) -> None:
    doc = nlp("Tomas Glenny,  who works for the Elmcote Rowing Club, said the bridge would open.")
    assert affiliations(doc, "Tomas Glenny") == ["Elmcote Rowing Club"]
