"""Affiliations a body's kind, a seat, "whose", a company job or a former employer decide.

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


def test_a_fellow_is_a_role_of_a_byline(nlp: Language) -> None:
    doc = nlp(
        "Ivo Markham is a visiting fellow at the Pellow Institute and a former adviser to the Treasury."
    )
    assert any("fellow" in r for r in roles(doc, "Ivo Markham"))
    assert "Pellow Institute" in affiliations(doc, "Ivo Markham")


@pytest.mark.parametrize(
    "text",
    [
        "The Greens senator for Wexmoor, Dara Pollitt, said the bill would fail.",
        "Dara Pollitt, the Labour MP for Wexmoor, said the bill would fail.",
    ],
)
def test_the_seat_after_a_members_title_is_no_affiliation(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert "Wexmoor" not in affiliations(doc, "Dara Pollitt")


@pytest.mark.parametrize(
    "text",
    [
        "Lena Korvic, a member for the Tamsworth Rowing Club, said the race was off.",
        "Lena Korvic, a committee member for the Union of Tamsworth Rowers, said the race was off.",
    ],
)
def test_a_body_after_a_member_is_still_one(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [o["name"] for o in doc._.qm_orgs][-1] in affiliations(doc, "Lena Korvic")


def test_whose_before_a_role_ties_it_to_the_body_named_before(nlp: Language) -> None:
    doc = nlp("The grant came from the Orrin Trust, whose chairman, Felix Banerjee, said more would follow.")
    assert "Orrin Trust" in affiliations(doc, "Felix Banerjee")
    assert roles(doc, "Felix Banerjee") == ["chairman"]


def test_a_noun_of_kind_before_a_name_makes_it_a_body(nlp: Language) -> None:
    doc = nlp("Nell Ashdown, a lawyer at the law firm Corbel Wyatt, said the ruling was narrow.")
    assert "Corbel Wyatt" in affiliations(doc, "Nell Ashdown")


def test_a_date_after_a_noun_of_kind_is_no_body(nlp: Language) -> None:
    doc = nlp("Nell Ashdown, a spokeswoman for the company Tuesday, said nothing.")
    assert affiliations(doc, "Nell Ashdown") == []


def test_founding_a_body_of_a_kind_ties_the_founder(nlp: Language) -> None:
    doc = nlp("Abel Fenwick, who founded the consultancy Fenwick Partners, declined to comment.")
    assert "Fenwick Partners" in affiliations(doc, "Abel Fenwick")


def test_a_former_employer_after_from_is_not_the_group(nlp: Language) -> None:
    doc = nlp(
        "Prices rose again. Marlowe, who came to the company from Dunstan Freight in 2020, "
        "will be replaced by Petra Vinograd, currently the group's treasurer."
    )
    assert affiliations(doc, "Petra Vinograd") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Vera Stoll, chief executive of Lumen Grid, said the deal was done.", "Lumen Grid"),
        ("Mo Reyes, an analyst at Pexley, said demand was soft.", "Pexley"),
    ],
)
def test_a_company_job_makes_the_name_after_it_an_employer(nlp: Language, text: str, org: str) -> None:
    doc = nlp(text)
    name = doc._.qm_people[0]["name"]
    assert org in affiliations(doc, name)
    assert org in [o["name"] for o in doc._.qm_orgs]


@pytest.mark.parametrize(
    "text",
    [
        "Mo Reyes, a spokesman for Ohio, said the road would reopen.",
        "Mo Reyes, a spokesman for Governor Ann Dale, said the road would reopen.",
    ],
)
def test_a_place_or_a_person_after_a_company_job_is_no_employer(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert affiliations(doc, "Mo Reyes") == []


def test_the_owner_of_a_company_job_in_an_apposition_is_the_employer(nlp: Language) -> None:
    doc = nlp("Vera Stoll, Lumen Grid's chief executive, said the deal was done.")
    assert affiliations(doc, "Vera Stoll") == ["Lumen Grid"]
    assert roles(doc, "Vera Stoll") == ["chief executive"]


@pytest.mark.parametrize(
    "text",
    [
        "Mo Reyes, Wexland's chief negotiator, said the talks had stalled.",
        "Mo Reyes, Ann Dale's spokesman, said the talks had stalled.",
    ],
)
def test_a_place_or_a_person_owning_a_job_is_no_employer(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert affiliations(doc, "Mo Reyes") == []
    assert [o["name"] for o in doc._.qm_orgs] == []


def test_crown_before_a_prosecutor_is_the_titles_own_word(nlp: Language) -> None:
    doc = nlp("Crown prosecutor Hetty Ambrose said the evidence was clear.")
    assert roles(doc, "Hetty Ambrose") == ["Crown prosecutor"]
    assert affiliations(doc, "Hetty Ambrose") == []


def test_the_name_before_a_company_job_after_the_is_the_employer(nlp: Language) -> None:
    doc = nlp("Fenby Rangers lost again. Lee Tranmere, the Fenby Rangers chairman, said the club was stable.")
    assert affiliations(doc, "Lee Tranmere") == ["Fenby Rangers"]
    assert roles(doc, "Lee Tranmere") == ["chairman"]


def test_a_country_before_a_company_job_is_no_employer(nlp: Language) -> None:
    doc = nlp("Lee Tranmere, the England manager, said the squad was ready.")
    assert affiliations(doc, "Lee Tranmere") == []


def test_a_perfect_relative_clause_ties_the_name(nlp: Language) -> None:
    doc = nlp("Lee Tranmere, who had worked for Fenby Logistics, said the depot would close.")
    assert affiliations(doc, "Lee Tranmere") == ["Fenby Logistics"]


@pytest.mark.parametrize(
    "text, role, org",
    [
        # a relative clause on the organisation holds a date: the role used to stop at the noun
        (
            "Selma Arkwright was a senior engineer at Brindle Tooling Inc., who left last year.",
            "senior engineer at Brindle Tooling Inc.",
            "Brindle Tooling Inc.",
        ),
        # the parse hangs "at Y" on "been", not on the noun
        (
            "Selma Arkwright has been a nurse at Harrowgate General Hospital since 2019.",
            "nurse at Harrowgate General Hospital",
            "Harrowgate General Hospital",
        ),
    ],
)
def test_a_predicate_role_keeps_its_organisation(nlp: Language, text: str, role: str, org: str) -> None:
    doc = nlp(text)
    assert roles(doc, "Selma Arkwright") == [role]
    assert affiliations(doc, "Selma Arkwright") == [org]


def test_a_predicate_role_without_an_organisation_ends_at_its_noun(nlp: Language) -> None:
    doc = nlp("Selma Arkwright was a nurse for ten years, and a better one than Otto Brame.")
    assert roles(doc, "Selma Arkwright") == ["nurse"]
    assert affiliations(doc, "Selma Arkwright") == []
