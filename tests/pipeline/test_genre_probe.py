"""Roles and affiliations found by a probe on invented articles of other genres (crime, sports, UK, wire).

Each rule has sentences written for it: a role before a name that has its own title, a role before a
form of address, the post a verb gives its object, the team a short name points to, a home town that
is no affiliation, and "its" owned by the clause's subject.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers factories and extensions)
from quotemine.pipeline.affiliations import short_name_org


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model("quotemine_entities", "quotemine_roles")


def _person(doc: Doc, surname: str) -> dict[str, Any]:
    matches = [p for p in doc._.qm_people if p["name"].split()[-1] == surname]
    assert len(matches) == 1, [p["name"] for p in doc._.qm_people]
    return matches[0]


def _roles(doc: Doc, surname: str) -> list[str]:
    return [doc.text[s:e].lower() for s, e in _person(doc, surname)["roles"]]


def _affiliations(doc: Doc, surname: str) -> list[str]:
    orgs = {o["id"]: o["name"] for o in doc._.qm_orgs}
    return [orgs[oid] for oid in _person(doc, surname)["affiliations"]]


@pytest.mark.parametrize(
    ("text", "surname", "role"),
    [
        ("Her lawyer, public defender Noel Farrant, said she would plead not guilty.", "Farrant", "lawyer"),
        ("The club's owner, property developer Irwin Castell, wants a new ground.", "Castell", "owner"),
        ("The council leader, Councillor Bryn Talley, said the budget was set.", "Talley", "council leader"),
    ],
)
def test_role_before_a_name_with_its_own_title(nlp: Language, text: str, surname: str, role: str) -> None:
    doc = nlp(text)
    roles = _roles(doc, surname)
    assert role in roles
    assert len(roles) == 2  # the name's own title is kept too


def test_role_before_a_form_of_address(nlp: Language) -> None:
    doc = nlp("The inquiry, chaired by the barrister Sir Edwin Mallory, reported on Friday.")
    assert _roles(doc, "Mallory") == ["barrister"]


def test_role_noun_before_comma_name_comma_without_apposition_parse(nlp: Language) -> None:
    doc = nlp("According to the town's own auditor, Ivy Platt, the pool has cost $4 million.")
    assert _roles(doc, "Platt") == ["auditor"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The Marrow Trust said on Monday it had named Ada Quint as its new treasurer.", "new treasurer"),
        ("The Harwick Rovers hired Sam Odell as head coach in March.", "head coach"),
    ],
)
def test_post_given_to_the_object_of_a_naming_verb(nlp: Language, text: str, role: str) -> None:
    doc = nlp(text)
    surname = text.split(" as ")[0].split()[-1]
    assert _roles(doc, surname) == [role]


def test_no_post_from_a_negated_naming_verb(nlp: Language) -> None:
    doc = nlp("The Harwick Rovers did not hire Sam Odell as head coach.")
    assert _roles(doc, "Odell") == []


def test_its_belongs_to_the_clause_subject_not_the_last_organisation(nlp: Language) -> None:
    doc = nlp(
        "The Marrow Trust, whose biggest donor is the Pellow Foundation, "
        "has named Ada Quint as its treasurer."
    )
    assert _affiliations(doc, "Quint") == ["Marrow Trust"]


def test_short_team_name_before_a_title_is_the_team(nlp: Language) -> None:
    doc = nlp("The Orbury Falcons won again. Falcons coach Teresa Vance said her team never panicked.")
    assert _affiliations(doc, "Vance") == ["Orbury Falcons"]


def test_short_name_shared_by_two_organisations_gives_none(nlp: Language) -> None:
    doc = nlp("Falcons coach Teresa Vance said her team never panicked.")
    one = {"o1": "Orbury Falcons", "o2": "Marrow Trust"}
    two = {"o1": "Orbury Falcons", "o2": "Kelton Falcons"}
    assert short_name_org(doc, 0, 2, {}, one) == "o1"
    assert short_name_org(doc, 0, 2, {}, two) is None
    assert short_name_org(doc, 0, 2, {}, {"o1": "Falcons", "o2": "Orbury Falcons"}) == "o2"


def test_generic_organisation_noun_before_a_title_gives_none(nlp: Language) -> None:
    doc = nlp("Police Chief Ann Moss said it was quick.")
    assert short_name_org(doc, 0, 2, {}, {"o1": "Westvale Police"}) is None


def test_home_town_after_comma_of_is_no_affiliation(nlp: Language) -> None:
    doc = nlp(
        "Warren Tisdale, of Quillby, was arrested on Sunday, according to the Quillby Police Department."
    )
    assert _affiliations(doc, "Tisdale") == []


def test_organisation_after_comma_of_is_still_an_affiliation(nlp: Language) -> None:
    doc = nlp("Lena Moss, of Tarrow Foods, said the figures were wrong.")
    assert _affiliations(doc, "Moss") == ["Tarrow Foods"]


_COMPANY_STORY = (
    "Pellow Foods to close two plants\n\n"
    "Pellow Foods said on Monday it would close two plants. Shares of Pellow Foods fell 3%.\n\n"
    "Chief Financial Officer Dana Kirk said the closures would save $40 million. "
    "Ivo Marsh, an analyst at Tandem Research, said the plan was sensible."
)


def test_company_officer_title_is_of_the_company_the_story_leads_with(nlp: Language) -> None:
    doc = nlp(_COMPANY_STORY)
    assert _affiliations(doc, "Kirk") == ["Pellow Foods"]
    assert _affiliations(doc, "Marsh") == ["Tandem Research"]  # a tie in the text wins


def test_company_officer_title_without_a_leading_company_gives_none(nlp: Language) -> None:
    doc = nlp(
        "Tandem Research and Pellow Foods met. Chief Financial Officer Dana Kirk said the talks went well."
    )
    assert _affiliations(doc, "Kirk") == []


def test_title_naming_a_kind_of_body_is_of_the_one_such_body(nlp: Language) -> None:
    doc = nlp(
        "A man was arrested in Quillby, according to the Quillby Police Department. "
        "Police Chief Ann Moss said officers found a knife."
    )
    assert _affiliations(doc, "Moss") == ["Quillby Police Department"]


def test_title_naming_a_kind_of_body_with_two_such_bodies_gives_none(nlp: Language) -> None:
    doc = nlp(
        "The Quillby Police Department and the Harnley Police Department searched the woods. "
        "Police Chief Ann Moss said officers found a knife."
    )
    assert _affiliations(doc, "Moss") == []


@pytest.mark.parametrize(
    ("text", "surname", "roles"),
    [
        ("Kelton forward Rudi Amsel scored 31 points on Sunday.", "Amsel", ["kelton forward"]),
        ("The Harwick Rovers traded center Ola Brandt to Quillby.", "Brandt", ["center"]),
        ("It moved forward Rudi Amsel said.", "Amsel", []),
        ("Going forward Rudi Amsel will start every game.", "Amsel", []),
    ],
)
def test_playing_position_that_is_a_common_word(
    nlp: Language, text: str, surname: str, roles: list[str]
) -> None:
    assert _roles(nlp(text), surname) == roles


def test_role_for_the_organisation_noun_is_of_the_organisation_named_before(nlp: Language) -> None:
    doc = nlp(
        "A man was held, according to the Quillby Police Department. "
        "Sgt. Lou Tarn, a spokesman for the department, said no one was hurt."
    )
    assert _affiliations(doc, "Tarn") == ["Quillby Police Department"]


def test_role_for_an_organisation_noun_no_name_ends_in_gives_none(nlp: Language) -> None:
    doc = nlp("The Harwick Rovers lost again. Ed Vane, the captain of the club, said the team was tired.")
    assert _affiliations(doc, "Vane") == []
