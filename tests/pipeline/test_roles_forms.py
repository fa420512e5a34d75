"""Roles and affiliations of title forms and anaphoric bodies: compound ranks, "Police and Crime
Commissioner", seat letters (MLA), "at the institute" after "Institute for ...", "a Democrat on the
committee", "who sits on the committee", "The GOP front-runner", "a spokeswoman for the X campaign".

Every sentence is invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers factories and extensions)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", "quotemine_roles")


def _person(doc: Doc, surname: str) -> dict[str, Any]:
    matches = [p for p in doc._.qm_people if p["name"].split()[-1] == surname]
    assert len(matches) == 1, [p["name"] for p in doc._.qm_people]
    return matches[0]


def _roles(doc: Doc, surname: str) -> list[str]:
    return [doc.text[s:e] for s, e in _person(doc, surname)["roles"]]


def _affiliations(doc: Doc, surname: str) -> list[str]:
    orgs = {o["id"]: o["name"] for o in doc._.qm_orgs}
    return [orgs[oid] for oid in _person(doc, surname)["affiliations"]]


@pytest.mark.parametrize(
    ("text", "surname", "role"),
    [
        (
            "Convoy halted\n\nDENVER - Maj. Gen. Laura Pellow, the division's commander, was named.",
            "Pellow",
            "Maj. Gen.",
        ),
        ("The soldiers rested. Brig. Gen. Tom Askew said the unit was ready.", "Askew", "Brig. Gen."),
        (
            "Police and Crime Commissioner Jenny Marrow said she would fund two youth workers.",
            "Marrow",
            "Police and Crime Commissioner",
        ),
        ("Alliance Party MLA Rory Kettle said commuters would suffer.", "Kettle", "MLA"),
    ],
)
def test_title_forms(nlp: Language, text: str, surname: str, role: str) -> None:
    assert role in _roles(nlp(text), surname)


def test_and_joins_no_list_of_place_and_title(nlp: Language) -> None:
    doc = nlp("Talks between Harwick and Transport Secretary Omar Venn went well.")
    assert all("Harwick" not in r for r in _roles(doc, "Venn"))


def test_seat_letters_tie_the_party(nlp: Language) -> None:
    doc = nlp("Alliance Party MLA Rory Kettle said commuters would suffer.")
    assert _affiliations(doc, "Kettle") == ["Alliance Party"]


@pytest.mark.parametrize(
    ("text", "surname", "org"),
    [
        (
            "Economists at the Institute for Coastal Studies agreed. Ana Rees, a senior economist at the"
            " institute, said the damage was large.",
            "Rees",
            "Institute for Coastal Studies",
        ),
        (
            "The University of Ardley banned the book. Tessa Lowe, a lecturer at the university, said so.",
            "Lowe",
            "University of Ardley",
        ),
        (
            "The University of Ardley banned the book. Tessa Lowe, who teaches at the university, said so.",
            "Lowe",
            "University of Ardley",
        ),
        (
            "The Senate Harbor Committee postponed a vote. Sen. Tom Alden, an Iowa Republican who sits on"
            " the committee, said he wanted lower penalties.",
            "Alden",
            "Senate Harbor Committee",
        ),
        (
            "Senator Ruth Callow, a Democrat on the Senate Harbor Committee, said she would ask.",
            "Callow",
            "Senate Harbor Committee",
        ),
    ],
)
def test_body_named_before(nlp: Language, text: str, surname: str, org: str) -> None:
    assert org in _affiliations(nlp(text), surname)


def test_noun_of_another_body_is_no_tie(nlp: Language) -> None:
    doc = nlp("The University of Ardley banned the book. Tessa Lowe, a lecturer at the college, said so.")
    assert _affiliations(doc, "Lowe") == []


def test_seat_needs_a_party_word(nlp: Language) -> None:
    doc = nlp("Ruth Callow, a mother on the Harbor School Board, said so.")
    assert "Harbor School Board" not in _affiliations(doc, "Callow")


def test_description_with_group_modifier(nlp: Language) -> None:
    doc = nlp("Dale Morrow drew thousands to a rally on Saturday. The GOP front-runner has led every poll.")
    assert any("front-runner" in r for r in _roles(doc, "Morrow"))


def test_description_owned_by_a_body_is_not_the_name_before(nlp: Language) -> None:
    doc = nlp("Ann Vossberg won the vote. The party's leader said so.")
    assert _roles(doc, "Vossberg") == []


def test_role_before_apposition_with_a_name_as_modifier(nlp: Language) -> None:
    doc = nlp(
        "Elaine Portman campaigned in Michigan. A spokeswoman for the Portman campaign, Nina Alvaro,"
        " said the campaign had opened 12 offices."
    )
    assert _roles(doc, "Alvaro") == ["spokeswoman for the Portman campaign"]
    assert _roles(doc, "Portman") == []


def test_role_before_apposition_naming_another_person_is_the_apposed_names(nlp: Language) -> None:
    # a name after a named client is no second name of the client: it is the lawyer's
    doc = nlp("A lawyer for Elaine Portman, Nina Alvaro, said the case was weak.")
    assert _roles(doc, "Alvaro") == ["lawyer"]
    assert _roles(doc, "Portman") == []


@pytest.mark.parametrize(
    ("text", "surname", "role"),
    [
        ("As secretary of state, Olivia Banfield visited 90 countries.", "Banfield", "secretary of state"),
        ("As a former prosecutor, Olivia Banfield knows the rules.", "Banfield", "former prosecutor"),
        ("Olivia Banfield, who served as an aide to Governor Tom Reeve, said so.", "Banfield", "aide"),
        ("Olivia Banfield, who has worked as a lobbyist, said so.", "Banfield", "lobbyist"),
    ],
)
def test_as_phrases(nlp: Language, text: str, surname: str, role: str) -> None:
    assert role in _roles(nlp(text), surname)


@pytest.mark.parametrize(
    "text",
    [
        "As mayor, Banfield would cut taxes.",
        "As the crowd cheered, Olivia Banfield waved.",
        "As expected, Olivia Banfield won.",
        "Olivia Banfield, who never served as mayor, said so.",
        "Olivia Banfield, no relation to the senator, said so.",
    ],
)
def test_no_role_from_as_or_negation(nlp: Language, text: str) -> None:
    assert _roles(nlp(text), "Banfield") == []


@pytest.mark.parametrize(
    ("text", "surnames", "role"),
    [
        ("Govs. Dale Marrick and Tom Reeve spoke first.", ("Marrick", "Reeve"), "Govs"),
        ("On Monday, Sens. Dale Marrick and Tom Reeve spoke first.", ("Marrick", "Reeve"), "Sens"),
        (
            "Former secretaries of state Dale Marrick and Ann Reeve signed the letter.",
            ("Marrick", "Reeve"),
            "Former secretaries of state",
        ),
    ],
)
def test_plural_title_of_a_list(nlp: Language, text: str, surnames: tuple[str, str], role: str) -> None:
    doc = nlp(text)
    for surname in surnames:
        assert role in _roles(doc, surname)


def test_singular_title_is_not_shared(nlp: Language) -> None:
    doc = nlp("Sen. Dale Marrick and Tom Reeve met on Monday.")
    assert _roles(doc, "Reeve") == []


def test_honorific_plural_is_no_role(nlp: Language) -> None:
    doc = nlp("Messrs. Dale Marrick and Tom Reeve spoke.")
    assert _roles(doc, "Marrick") == [] and _roles(doc, "Reeve") == []


def test_two_titles_joined_before_a_name(nlp: Language) -> None:
    doc = nlp("Ardley Herald columnist and Kestrel TV contributor Dale Marrick said so.")
    assert _roles(doc, "Marrick") == ["columnist and Kestrel TV contributor"]
    assert _affiliations(doc, "Marrick") == ["Ardley Herald", "Kestrel TV"]
