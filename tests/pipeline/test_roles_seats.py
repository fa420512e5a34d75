"""Party seats, candidacies, outlet staff, roles for a client, appositions after "of <place>".

Every sentence is written for these tests (invented people, bodies and places).
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


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            '"We will win this," said Mara Kellin, a DSP committeewoman from Oregon who backs the plan.',
            "Mara Kellin",
            "committeewoman",
        ),
        (
            "Elsewhere, Dana Rusk, the party's national committeeman for Utah, said the vote was fair.",
            "Dana Rusk",
            "committeeman",
        ),
        ("Alan Pruett, now a presidential contender, spoke on Monday.", "Alan Pruett", "contender"),
        (
            "Rep. Jo Marsh, the committee's ranking Democrat, said the hearing would go ahead.",
            "Jo Marsh",
            "ranking Democrat",
        ),
        (
            "Sen. Ida Pell, the ranking member of the Senate Water Committee, objected.",
            "Ida Pell",
            "ranking member",
        ),
    ],
)
def test_party_seats_and_candidacies_are_roles(nlp: Language, text: str, person: str, role: str) -> None:
    doc = nlp(text)
    assert any(role in r for r in roles(doc, person)), roles(doc, person)


def test_a_seat_in_a_named_body_gives_the_body(nlp: Language) -> None:
    doc = nlp('"We will win this," said Mara Kellin, a DSP committeewoman from Oregon who backs the plan.')
    assert affiliations(doc, "Mara Kellin") == ["DSP"]


def test_a_panel_that_owns_a_seat_is_cut_from_the_role(nlp: Language) -> None:
    doc = nlp(
        "The House Farming Committee voted 20-11. "
        "Rep. Jo Marsh, the panel's ranking Democrat, said the vote was rushed."
    )
    assert "ranking Democrat" in roles(doc, "Jo Marsh")
    assert not any("panel" in r for r in roles(doc, "Jo Marsh"))


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Alan Pruett of Ohio, a presidential contender, spoke on Monday.",
            "Alan Pruett",
            "presidential contender",
        ),
        (
            "Sen. Alan Pruett of Ohio, now a presidential candidate, proposed a bill.",
            "Alan Pruett",
            "presidential candidate",
        ),
        (
            '"It is over," said Jane Dorsey of Springfield, who is the county treasurer.',
            "Jane Dorsey",
            "county treasurer",
        ),
    ],
)
def test_an_apposition_after_of_a_place_is_the_persons(
    nlp: Language, text: str, person: str, role: str
) -> None:
    doc = nlp(text)
    assert role in roles(doc, person)


def test_an_apposition_after_of_an_organisation_is_the_persons(nlp: Language) -> None:
    doc = nlp("Dan Kroll of Harwell Bank, a senior economist, said rates would fall.")
    assert roles(doc, "Dan Kroll") == ["senior economist"]
    assert affiliations(doc, "Dan Kroll") == ["Harwell Bank"]


def test_an_apposition_of_the_place_gives_no_role(nlp: Language) -> None:
    doc = nlp("Mayor Jane Dorsey of Springfield, a city of 50,000, said the plan failed.")
    assert roles(doc, "Jane Dorsey") == ["Mayor"]


@pytest.mark.parametrize(
    ("text", "person", "outlet"),
    [
        ('"It matters," wrote Rob Tally, publisher of LawWire, a legal news site.', "Rob Tally", "LawWire"),
        (
            "Rob Tally, editor of the Harbury Courier, said the paper would close.",
            "Rob Tally",
            "Harbury Courier",
        ),
        ("Rob Tally, a former editor at FieldNotes, said the paper would close.", "Rob Tally", "FieldNotes"),
    ],
)
def test_an_editor_or_publisher_of_a_name_works_for_it(
    nlp: Language, text: str, person: str, outlet: str
) -> None:
    doc = nlp(text)
    assert affiliations(doc, person) == [outlet]
    assert outlet in {o["name"] for o in doc._.qm_orgs}


def test_a_title_before_another_name_is_not_the_appositions_role(nlp: Language) -> None:
    doc = nlp("Gov. Ray Hollis, a longtime friend of Sen. Ann Tolle, said he would stay neutral.")
    assert roles(doc, "Ray Hollis") == ["Gov."]
    assert roles(doc, "Ann Tolle") == ["Sen."]


def test_a_job_toward_another_person_keeps_its_role(nlp: Language) -> None:
    doc = nlp("Ray Hollis, a former aide to Sen. Ann Tolle, said he would stay neutral.")
    assert any("aide" in r for r in roles(doc, "Ray Hollis"))


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("An attorney for Kessler, Mark Dunleavy, said the hearing should be postponed.", "attorney"),
        ("A senior aide to Gov. Ann Kessler, Mark Dunleavy, said it was over.", "senior aide"),
        ("The spokesman for Kessler, Mark Dunleavy, said it was over.", "spokesman"),
    ],
)
def test_a_role_for_a_client_before_a_name_is_the_names(nlp: Language, text: str, role: str) -> None:
    doc = nlp(text)
    assert roles(doc, "Mark Dunleavy") == [role]
    assert not any(
        role in r for p in doc._.qm_people if p["name"] != "Mark Dunleavy" for r in roles(doc, p["name"])
    )


@pytest.mark.parametrize(
    "text",
    [
        "A friend of Ann Kessler, Mark Dunleavy, said it was over.",
        "Supporters of Ann Kessler, Mark Dunleavy and Tom Reed met on Monday.",
    ],
)
def test_no_role_for_a_name_after_a_relation_that_is_no_job(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert roles(doc, "Mark Dunleavy") == []
