"""Roles and affiliations from the constructions news uses to say who a person is.

Every sentence, name and organisation here is invented for these tests.
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


def _person(doc: Doc, name: str) -> dict[str, Any]:
    matches = [p for p in doc._.qm_people if p["name"] == name]
    assert len(matches) == 1, [p["name"] for p in doc._.qm_people]
    return matches[0]


def _roles(doc: Doc, name: str) -> list[str]:
    return [doc.text[s:e] for s, e in _person(doc, name)["roles"]]


def _affiliations(doc: Doc, name: str) -> list[str]:
    orgs = {o["id"]: o["name"] for o in doc._.qm_orgs}
    return [orgs[oid] for oid in _person(doc, name)["affiliations"]]


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
    doc = nlp("When Nora Kell moved to Tulsa, where she is a student, she joined the club.")
    assert _roles(doc, "Nora Kell") == ["student"]


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
