"""A party, a union or a club named right before a member's post is their body ("Y leader X").

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
    ("text", "person", "body"),
    [
        ("Greens leader Hattie Quorn said the plan would fail.", "Hattie Quorn", "Greens"),
        ("QRT councillor Ruairi Meslin said the road was unsafe.", "Ruairi Meslin", "QRT"),
        ("Harlow Rangers boss Ann Vell said the squad was tired.", "Ann Vell", "Harlow Rangers"),
    ],
)
def test_a_body_before_a_members_post_is_the_affiliation(
    nlp: Language, text: str, person: str, body: str
) -> None:
    doc = nlp(text)
    assert body in affiliations(doc, person)
    assert any(r.endswith(("leader", "councillor", "boss")) for r in roles(doc, person))


@pytest.mark.parametrize(
    "text",
    [
        "Opposition leader Ann Vell said the plan would fail.",
        "Former leader Ann Vell said the plan would fail.",
        "Britons leader Ann Vell said the plan would fail.",
    ],
)
def test_a_side_or_a_people_before_a_post_is_no_body(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert affiliations(doc, "Ann Vell") == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Pim Ossory, the group's treasurer, said the accounts were in order.", "treasurer"),
        ("The Ferrow Trust met on Monday. Pim Ossory, the trust's treasurer, said so.", "treasurer"),
        (
            "Pim Ossory, the governor's budget director, said the accounts were in order.",
            "governor's budget director",
        ),
    ],
)
def test_a_bodys_common_noun_is_no_part_of_the_role(nlp: Language, text: str, role: str) -> None:
    doc = nlp(text)
    assert roles(doc, "Pim Ossory") == [role]


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        ("Dunmore Athletic have sacked manager Reo Pask after a poor run.", "Reo Pask", "Dunmore Athletic"),
        ("Vantora Holdings has appointed Mirela Cask as chief executive.", "Mirela Cask", "Vantora Holdings"),
    ],
)
def test_the_body_that_gives_a_post_is_the_affiliation(
    nlp: Language, text: str, person: str, body: str
) -> None:
    doc = nlp(text)
    assert affiliations(doc, person) == [body]


@pytest.mark.parametrize(
    "text",
    [
        "Harlow Police named Ana Sollis as the victim.",
        "Brellow Group signed Ana Sollis on Monday.",
    ],
)
def test_no_post_no_tie_to_the_subject(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert affiliations(doc, "Ana Sollis") == []


def test_a_town_before_a_seat_is_no_body(nlp: Language) -> None:
    doc = nlp("Westby councillor Ann Vell said the road was unsafe.")
    assert affiliations(doc, "Ann Vell") == []


def test_a_perfect_role_verb_gives_its_noun(nlp: Language) -> None:
    doc = nlp("Marta Ellison, who has coached the Tarrow Falcons since 2019, said the team was ready.")
    assert roles(doc, "Marta Ellison") == ["coach"]
    assert affiliations(doc, "Marta Ellison") == ["Tarrow Falcons"]
