"""Roles and affiliations from the constructions news uses to say who a person is.

Every sentence, name and organisation here is invented for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.models import default_model
from tests.people import affiliations as _affiliations
from tests.people import roles as _roles

import quotemine.factories  # noqa: F401  (registers factories and extensions)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", "quotemine_roles")


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Ray Dulka, a machine operator who has worked there for years, was worried.",
            "Ray Dulka",
            "machine operator",
        ),
        ("Defensive end Rob Kellam was injured in the first half.", "Rob Kellam", "Defensive end"),
        ("Wide receiver Tom Acre caught two passes on Sunday.", "Tom Acre", "Wide receiver"),
        ("Point guard Max Orly scored 20 points.", "Max Orly", "Point guard"),
        ("Republican running mate Tom Hale spoke in Ohio.", "Tom Hale", "Republican running mate"),
        (
            "Ann Voss, a veteran campaign operative, said the race was close.",
            "Ann Voss",
            "veteran campaign operative",
        ),
    ],
)
def test_jobs_and_sports_positions_are_roles(nlp: Language, text: str, name: str, role: str) -> None:
    assert _roles(nlp(text), name) == [role]


def test_hyphenated_plural_title_shared_by_a_list_is_whole(nlp: Language) -> None:
    doc = nlp("Rights group Open Doors Now co-founders Ama Lyle and Ben Roth spoke.")
    assert _roles(doc, "Ama Lyle") == ["co-founders"]
    assert _roles(doc, "Ben Roth") == ["co-founders"]


def test_relative_clause_on_the_apposition_gives_a_second_role(nlp: Language) -> None:
    doc = nlp("Anna Lisk, a former mayor who later became chairman of the Teller Group, said she was proud.")
    assert _roles(doc, "Anna Lisk") == ["former mayor", "chairman of the Teller Group"]
    assert _affiliations(doc, "Anna Lisk") == ["Teller Group"]


def test_who_was_elected_gives_the_office_without_the_verb(nlp: Language) -> None:
    doc = nlp("Ruth Amos, who was elected mayor in 2010, said the city was broke.")
    assert _roles(doc, "Ruth Amos") == ["mayor"]


def test_negated_relative_clause_gives_no_role(nlp: Language) -> None:
    doc = nlp("Ruth Amos, who is not a lawyer, said the contract was void.")
    assert _roles(doc, "Ruth Amos") == []


def test_pronoun_in_a_relative_clause_of_place_gives_the_role(nlp: Language) -> None:
    doc = nlp("When Nora Kell moved to Tulsa, where she is a welder, she joined the club.")
    assert _roles(doc, "Nora Kell") == ["welder"]


def test_pronoun_in_the_next_sentence_gives_role_and_affiliation(nlp: Language) -> None:
    doc = nlp("Hal Brisk spoke to reporters on Monday. He is a pilot for Condor Airways.")
    assert _roles(doc, "Hal Brisk") == ["pilot for Condor Airways"]
    assert _affiliations(doc, "Hal Brisk") == ["Condor Airways"]


def test_pronoun_of_the_other_gender_or_two_people_gives_nothing(nlp: Language) -> None:
    doc = nlp("Hal Brisk and Tom Reyes spoke to reporters on Monday. He is a pilot.")
    assert _roles(doc, "Hal Brisk") == []
    assert _roles(doc, "Tom Reyes") == []
    doc = nlp("Hal Brisk spoke to reporters on Monday. She is a pilot.")
    assert _roles(doc, "Hal Brisk") == []


def test_quoted_or_negated_pronoun_gives_nothing(nlp: Language) -> None:
    doc = nlp('Hal Brisk spoke on Monday. "He is a fine pilot," a colleague said.')
    assert _roles(doc, "Hal Brisk") == []
    doc = nlp("Hal Brisk spoke to reporters on Monday. He is not a pilot.")
    assert _roles(doc, "Hal Brisk") == []


@pytest.mark.parametrize(
    "text, name, roles, affiliations",
    [
        (
            "Treasury Secretary Jane Roe announced the plan on Tuesday.",
            "Jane Roe",
            ["Secretary"],
            ["Treasury"],
        ),
        (
            "Marta Quill, the chairman of the Senate Banking Committee, said the bill would pass.",
            "Marta Quill",
            ["chairman of the Senate Banking Committee"],
            ["Senate Banking Committee"],
        ),
        (
            "The Harwell Foundation's director of policy, Tom Brenner, said the grant was late.",
            "Tom Brenner",
            ["director of policy"],
            ["Harwell Foundation"],
        ),
        (
            "Ellen Vasko, who heads the Moraine Water Authority, said prices would rise.",
            "Ellen Vasko",
            ["head"],
            ["Moraine Water Authority"],
        ),
        (
            "Ivo Kastner is a professor at Danbury State University.",
            "Ivo Kastner",
            ["professor at Danbury State University"],
            ["Danbury State University"],
        ),
        ("Lt. Sam Ortt said the road was closed.", "Sam Ortt", ["Lt"], []),
        (
            "Sgt. Rita Olave of the Carnford Police Department said two men were arrested.",
            "Rita Olave",
            ["Sgt"],
            ["Carnford Police Department"],
        ),
        ("Former Governor Paul Hennig endorsed the plan.", "Paul Hennig", ["Former Governor"], []),
        (
            "Jo Pender, a spokesman for the Ostrava Rail Company, said trains would run.",
            "Jo Pender",
            ["spokesman for the Ostrava Rail Company"],
            ["Ostrava Rail Company"],
        ),
        ("The Pellam Institute's Lena Farr said the data were clear.", "Lena Farr", [], ["Pellam Institute"]),
        (
            "Milo Trent, who works for the Gresham Daily News, wrote the story.",
            "Milo Trent",
            [],
            ["Gresham Daily News"],
        ),
        (
            "Hargrove Motors chief Nina Sallis said sales fell.",
            "Nina Sallis",
            ["chief"],
            ["Hargrove Motors"],
        ),
        (
            "Tom Felder, the Liberal Party's nominee, lost the race.",
            "Tom Felder",
            ["nominee"],
            ["Liberal Party"],
        ),
        (
            "Dina Holt of the Boller Institute said the study was flawed.",
            "Dina Holt",
            [],
            ["Boller Institute"],
        ),
        ("Ken Yates at Fenwick Capital said the deal was done.", "Ken Yates", [], ["Fenwick Capital"]),
    ],
)
def test_issue_constructions(
    nlp: Language, text: str, name: str, roles: list[str], affiliations: list[str]
) -> None:
    doc = nlp(text)
    assert _roles(doc, name) == roles
    assert _affiliations(doc, name) == affiliations


def test_roles_of_several_mentions_are_all_kept(nlp: Language) -> None:
    text = (
        "Mayor Lise Arno opened the bridge in 2004. Arno, who later became chairman of the Corvale "
        "Transit Board, retired in 2012. She is now a lecturer at Pemberly College."
    )
    doc = nlp(text)
    assert _roles(doc, "Lise Arno") == [
        "Mayor",
        "chairman of the Corvale Transit Board",
        "lecturer at Pemberly College",
    ]
    assert _affiliations(doc, "Lise Arno") == ["Corvale Transit Board", "Pemberly College"]


def test_company_named_only_in_an_affiliation_becomes_an_organisation(nlp: Language) -> None:
    doc = nlp("Gail Rennet of Parsow Foods said profits rose. Parsow Foods will hire 40 people.")
    assert _affiliations(doc, "Gail Rennet") == ["Parsow Foods"]
    (org,) = [o for o in doc._.qm_orgs if o["name"] == "Parsow Foods"]
    assert [doc.text[s:e] for s, e in org["mentions"]] == ["Parsow Foods", "Parsow Foods"]
    assert {s.label_ for s in doc.spans["qm_orgs"]} >= {org["id"]}


@pytest.mark.parametrize(
    "text",
    [
        "Gail Rennet of Lake Cordell said the water was cold.",
        "Gail Rennet of Chicago said the water was cold.",
        "Gail Rennet, a lawyer at Harlow Street, said the lease was void.",
    ],
)
def test_a_place_in_an_affiliation_is_no_organisation(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert _affiliations(doc, "Gail Rennet") == []


def test_legislator_title_ties_the_person_to_the_chamber_the_text_names(nlp: Language) -> None:
    doc = nlp("Sen. Ruth Amos (D-Ore.) and Rep. Al Binns (R-Texas) spoke in the Senate and the House.")
    assert _affiliations(doc, "Ruth Amos") == ["Senate"]
    assert _affiliations(doc, "Al Binns") == ["House"]
    doc = nlp("Carl Brandt, a Nevada senator, voted no in the Senate.")
    assert _affiliations(doc, "Carl Brandt") == ["Senate"]


def test_no_chamber_named_no_chamber_affiliation(nlp: Language) -> None:
    doc = nlp("Sen. Ruth Amos said the bill was weak. The White House disagreed.")
    assert _affiliations(doc, "Ruth Amos") == []


def test_party_label_or_party_apposition_ties_to_the_named_party(nlp: Language) -> None:
    doc = nlp("Ruth Amos, a Democrat, won the seat. The Democratic Party was pleased.")
    assert _affiliations(doc, "Ruth Amos") == ["Democratic Party"]
    doc = nlp("Sen. Ruth Amos (D-Ore.) spoke. The Democratic Party backed her bill.")
    assert "Democratic Party" in _affiliations(doc, "Ruth Amos")
    doc = nlp("Sen. Ruth Amos (D-Ore.) spoke on Monday.")
    assert _affiliations(doc, "Ruth Amos") == []


def test_generic_organisation_noun_stands_for_the_one_organisation_named_before(nlp: Language) -> None:
    text = (
        "Vic Lamb, chief executive of Orwell Mining, said costs rose. "
        "The mining company's chairman, Rex Tull, agreed."
    )
    assert _affiliations(nlp(text), "Rex Tull") == ["Orwell Mining"]
    text = "Orwell Mining said costs rose, Reuters reported. The company's chairman, Rex Tull, agreed."
    assert _affiliations(nlp(text), "Rex Tull") == []


def test_owner_noun_of_another_kind_of_body_gives_no_organisation(nlp: Language) -> None:
    text = (
        "Nia Bole, who teaches law at Delmore School of Music, spoke first. "
        "The bank's managing director, Ivo Strand, said loans would rise."
    )
    assert _affiliations(nlp(text), "Ivo Strand") == []
    text = (
        "Nia Bole, an economist at Farrow Bank, spoke first. "
        "The bank's managing director, Ivo Strand, said loans would rise."
    )
    assert _affiliations(nlp(text), "Ivo Strand") == ["Farrow Bank"]


def test_organisation_led_by_the_person(nlp: Language) -> None:
    assert _affiliations(nlp("The Kelso Trust, led by Ida Marr, gave a grant."), "Ida Marr") == [
        "Kelso Trust"
    ]
    assert _affiliations(nlp("The plan was written by Ida Marr and approved."), "Ida Marr") == []


def test_time_adverb_before_an_apposition_is_not_part_of_the_role(nlp: Language) -> None:
    doc = nlp("Anita Pell, now a Hartwell University professor, testified on Monday.")
    assert _roles(doc, "Anita Pell") == ["professor"]
    assert _affiliations(doc, "Anita Pell") == ["Hartwell University"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Tom Baird, who is hoping to be the next mayor, spoke in Ohio.", "Tom Baird"),
        ("Dan Ruff, beaten by Ann Voss in three counties on Sunday, vowed to fight on.", "Dan Ruff"),
        ("If Tom Baird is not the nominee, the party will split.", "Tom Baird"),
        ("Even if Tom Baird becomes president, the party will split.", "Tom Baird"),
        ("His brother, Dan Ruff, runs a farm near the lake.", "Dan Ruff"),
        ("Judge Ann Voss, already a major presence in court, asked questions.", "Ann Voss"),
    ],
)
def test_no_junk_roles(nlp: Language, text: str, name: str) -> None:
    assert _roles(nlp(text), name) in ([], ["Judge"])


def test_role_of_someone_named_after_of_is_not_a_title(nlp: Language) -> None:
    doc = nlp("Tom Hale, a former treasurer of Mr. Voss's club, said the vote was close.")
    assert _roles(doc, "Voss") == []


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Former Secretary of State Ann Voss spoke in Denver.", "Ann Voss", "Former Secretary of State"),
        ("Deputy Chief of Staff Dan Ruff agreed on Friday.", "Dan Ruff", "Deputy Chief of Staff"),
        (
            "The plan was backed by former secretary of state Ann Voss.",
            "Ann Voss",
            "former secretary of state",
        ),
    ],
)
def test_title_of_a_field_before_the_name(nlp: Language, text: str, name: str, role: str) -> None:
    assert _roles(nlp(text), name) == [role]


def test_field_words_alone_are_no_role(nlp: Language) -> None:
    doc = nlp("A federal court in the state of Ohio heard Ann Voss on Friday. The state said Voss lied.")
    assert _roles(doc, "Ann Voss") == []


@pytest.mark.parametrize(
    "text, name, roles, affiliations",
    [
        (
            "Detective Sgt. Ray Holm of the Carnford Police Department said the suspect fled.",
            "Ray Holm",
            ["Detective Sgt"],
            ["Carnford Police Department"],
        ),
        ("Police spokesman Dan Ruff said two men were held.", "Dan Ruff", ["Police spokesman"], []),
        ("Minister for Health Tom Hale announced the plan.", "Tom Hale", ["Minister for Health"], []),
        (
            "Ann Voss, Hollin Bank's chief financial officer, said costs fell.",
            "Ann Voss",
            ["chief financial officer"],
            ["Hollin Bank"],
        ),
        ("Ann Voss, formerly of the Pell Institute, said growth slowed.", "Ann Voss", [], ["Pell Institute"]),
    ],
)
def test_newsroom_titles(
    nlp: Language, text: str, name: str, roles: list[str], affiliations: list[str]
) -> None:
    doc = nlp(text)
    assert _roles(doc, name) == roles
    assert _affiliations(doc, name) == affiliations


def test_description_after_the_owner_of_the_subject_is_someone_else(nlp: Language) -> None:
    doc = nlp("Ann Voss's rally went on late. The protester yelled and was led out.")
    assert _roles(doc, "Ann Voss") == []


def test_title_for_a_person_after_a_role_is_not_extended(nlp: Language) -> None:
    doc = nlp("Jeff Lowe, a spokesman for Democratic candidate Ann Voss, said so.")
    assert _roles(doc, "Ann Voss") == ["Democratic candidate"]


def test_description_in_a_concessive_clause_before_the_name(nlp: Language) -> None:
    doc = nlp("While the Ohio senator has won three states, Ann Voss still trails in delegates.")
    assert _roles(doc, "Ann Voss") == ["Ohio senator"]
    assert _roles(nlp("When the governor arrived, Ann Voss greeted him."), "Ann Voss") == []
    doc = nlp("While the senator spoke, protesters chanted outside and Ann Voss left.")
    assert _roles(doc, "Ann Voss") == []


@pytest.mark.parametrize(
    "text, role",
    [
        ("Jeff Lowe, Voss' campaign manager, said the race was close.", "campaign manager"),
        ("Jeff Lowe, Ann Voss's longtime spokesman, said the race was close.", "longtime spokesman"),
    ],
)
def test_apposition_owned_by_another_person_keeps_only_the_role(nlp: Language, text: str, role: str) -> None:
    assert _roles(nlp(text), "Jeff Lowe") == [role]


@pytest.mark.parametrize(
    "text, affiliations",
    [
        ("Ann Voss works for the Pell Institute.", ["Pell Institute"]),
        ("Ann Voss joined Hollin Bank in 2010.", ["Hollin Bank"]),
        (
            "Ann Voss, who sits on the Marlow Water Authority board, said prices would rise.",
            ["Marlow Water Authority"],
        ),
        ("Ann Voss, a Democrat from Ohio, won. The Democratic Party was pleased.", ["Democratic Party"]),
        ("Ann Voss does not work for the Pell Institute.", []),
        ("Ann Voss wrote to the Pell Institute in May.", []),
        ("Ann Voss sued the Pell Institute in May.", []),
        ("Ann Voss is running for the Marlow Council.", []),
        ("Ann Voss reports investments in Hollin Bank worth millions.", []),
    ],
)
def test_membership_verbs(nlp: Language, text: str, affiliations: list[str]) -> None:
    assert _affiliations(nlp(text), "Ann Voss") == affiliations


def test_relative_clause_after_an_age(nlp: Language) -> None:
    doc = nlp("Ann Voss, 45, who works for the Pell Institute, said growth slowed.")
    assert _affiliations(doc, "Ann Voss") == ["Pell Institute"]
    doc = nlp("Ann Voss, 45, who became chairman of Hollin Bank in 2019, said profits rose.")
    assert _roles(doc, "Ann Voss") == ["chairman of Hollin Bank"]


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Include former Peruvian President Luis Arroyo among the critics.",
            "Luis Arroyo",
            "former Peruvian President",
        ),
        ("WASHINGTON - Senator Ann Voss spoke on Monday.", "Ann Voss", "Senator"),
        (
            "Staff PhotoLiberal mayoral candidate Tom Hale spoke.",
            "Tom Hale",
            "mayoral candidate",
        ),
        (
            "Republican presidential candidate Tom Hale spoke.",
            "Tom Hale",
            "Republican presidential candidate",
        ),
        ("Ohio Gov. Ann Voss spoke on Monday.", "Ann Voss", "Ohio Gov."),
        ("Two military analysts, Ann Voss and Tom Hale, disagreed.", "Ann Voss", "military analysts"),
        ("Vice President Ann Voss spoke.", "Ann Voss", "Vice President"),
        ("The first lady, Ann Voss, spoke.", "Ann Voss", "first lady"),
        ("Poultry magnate Ann Voss gave money.", "Ann Voss", "Poultry magnate"),
        ("Ex-CIA chief Ann Voss spoke.", "Ann Voss", "Ex-CIA chief"),
    ],
)
def test_no_adjacent_words_in_a_title(nlp: Language, text: str, name: str, role: str) -> None:
    assert _roles(nlp(text), name) == [role]


def test_year_before_a_role_keeps_its_owner(nlp: Language) -> None:
    doc = nlp("Tom Hale, the Liberal Party's 2012 nominee, lost the race.")
    assert _roles(doc, "Tom Hale") == ["2012 nominee"]
    assert _affiliations(doc, "Tom Hale") == ["Liberal Party"]
    doc = nlp("Voters backed the Liberal Party's 2012 nominee Tom Hale.")
    assert _affiliations(doc, "Tom Hale") == ["Liberal Party"]


def test_a_lone_portfolio_word_is_no_affiliation(nlp: Language) -> None:
    doc = nlp("The Home Secretary, Priya Dalal, has announced a review of police funding.")
    assert _roles(doc, "Priya Dalal") == ["Home Secretary"]
    assert _affiliations(doc, "Priya Dalal") == []
    doc = nlp("Treasury Secretary Mara Quillon said on Tuesday that taxes would not rise.")
    assert _affiliations(doc, "Mara Quillon") == ["Treasury"]


def test_role_named_after_an_owner_starts_after_the_owner(nlp: Language) -> None:
    doc = nlp("Even the governor's own budget director, Irene Sallow, conceded the point.")
    assert _roles(doc, "Irene Sallow") == ["budget director"]
    doc = nlp("Calvin Mott spoke first. Even Mott's own budget director, Irene Sallow, conceded the point.")
    assert _roles(doc, "Irene Sallow") == ["budget director"]


def test_two_roles_joined_in_a_predicate_are_two_roles(nlp: Language) -> None:
    doc = nlp("Hetty Vale is a columnist for the Westbrook Ledger and a former state senator.")
    assert _roles(doc, "Hetty Vale") == ["columnist for the Westbrook Ledger", "former state senator"]
    assert _roles(nlp("Ola Brisk is a lawyer and a mother of three."), "Ola Brisk") == ["lawyer"]


def test_title_with_two_fields_before_the_name(nlp: Language) -> None:
    doc = nlp("Union Minister of State for Finance Ravi Kallur said the scheme would grow.")
    assert _roles(doc, "Ravi Kallur") == ["Union Minister of State for Finance"]


def test_field_of_a_title_is_no_affiliation(nlp: Language) -> None:
    doc = nlp("The Minister for Foreign Affairs, Ellen Marsh, travelled to Halden.")
    assert _roles(doc, "Ellen Marsh") == ["Minister for Foreign Affairs"]
    assert _affiliations(doc, "Ellen Marsh") == []
    doc = nlp("Secretary of State Dan Pruitt arrived on Monday.")
    assert _affiliations(doc, "Dan Pruitt") == []
    doc = nlp("A Home Office official spoke first. The Home Secretary, Priya Dalal, arrived on Monday.")
    assert _affiliations(doc, "Priya Dalal") == ["Home Office"]  # "Home" stands for a named body


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Pte. Liam Dowd was injured in the blast.", "Liam Dowd", "Pte"),
        ("Cpl. Ana Suri was injured in the blast.", "Ana Suri", "Cpl"),
        ("Pvt. Eli Monroe, 19, was hurt in the attack.", "Eli Monroe", "Pvt"),
        ("Gnr Tom Hale was honoured on Friday.", "Tom Hale", "Gnr"),
    ],
)
def test_enlisted_ranks_are_titles(nlp: Language, text: str, name: str, role: str) -> None:
    assert _roles(nlp(text), name) == [role]


def test_a_service_and_rank_taken_for_one_name_is_no_affiliation(nlp: Language) -> None:
    doc = nlp("Army Spc. Dana Kirk said the convoy was hit.")
    assert _affiliations(doc, "Dana Kirk") == []


def test_organisation_in_a_hyphened_modifier_is_no_affiliation(nlp: Language) -> None:
    doc = nlp("Omar Reyes, an Oxford-educated lawyer, said the deal was fair.")
    assert _roles(doc, "Omar Reyes") == ["Oxford-educated lawyer"]
    assert _affiliations(doc, "Omar Reyes") == []
    doc = nlp("Omar Reyes, a lawyer at Harlow Bank, said the deal was fair.")
    assert _affiliations(doc, "Omar Reyes") == ["Harlow Bank"]


def test_post_given_right_after_the_name(nlp: Language) -> None:
    doc = nlp("The board appointed Omar Reyes chief financial officer.")
    assert _roles(doc, "Omar Reyes") == ["chief financial officer"]
    assert _roles(nlp("Voters elected Ann Voss mayor in 2019."), "Ann Voss") == ["mayor"]
    assert _roles(nlp("The firm hired Omar Reyes last year."), "Omar Reyes") == []
