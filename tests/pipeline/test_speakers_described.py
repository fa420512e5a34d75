"""A pronoun after a described subject, a body noun no organisation answers, namesakes left open.

Found by genre probes (farm feature, school story, sports and council reports). Every sentence is
written for these tests; names, organisations and places are invented.
"""

from __future__ import annotations

from typing import Any

import pytest

from quotemine.pipeline.speakers.nouns import unnamed_body


def _speakers(extractor: Any, text: str) -> list[tuple[str, str | None, str | None, bool]]:
    """Return each quote's speaker as (mention, person or organisation name, kind, unnamed)."""
    report = extractor.extract(text)
    people = {p.id: p.name for p in report.people}
    orgs = {o.id: o.name for o in report.organizations}
    found = []
    for q in report.quotes:
        s = q.speaker
        assert s is not None
        name = people.get(s.person_id or "") or orgs.get(s.organization_id or "")
        kind = "person" if s.person_id else "org" if s.organization_id else None
        found.append((s.text, name, kind, s.unnamed))
    return found


_ORCHARD = (
    "Walter Quigg has grown apples outside Dunmere for thirty years.\n\n"
    'His grandson, Callum Strachan, manages the cider press. "The frost took the blossom," Strachan said.\n\n'
    '"Orchards always recover," Quigg said.\n\n'
    'His grandson is less patient. "Another bad spring and we sell up," he said.'
)


def test_a_pronoun_after_a_possessive_description_is_the_person_so_described(extractor: Any) -> None:
    assert _speakers(extractor, _ORCHARD)[-1][:2] == ("he", "Callum Strachan")


_SCHOOL = (
    "Parents gathered outside Brackenridge Academy on Monday after a wall gave way.\n\n"
    "The head teacher, Lorna Pelham, said the wall had passed an inspection. "
    '"Nobody saw this coming," Pelham said.\n\n'
    'Hugh Tarrant, whose daughter is a pupil there, was furious. "It was cracked for months," he said.\n\n'
    'The teacher was calmer. "We will rebuild it properly," she said.'
)


def test_a_pronoun_after_a_definite_role_is_the_one_person_with_that_role(extractor: Any) -> None:
    assert _speakers(extractor, _SCHOOL)[-1][:2] == ("she", "Lorna Pelham")


def test_a_pronoun_after_a_description_two_people_fit_stays_unresolved(extractor: Any) -> None:
    text = (
        "Lorna Pelham, a teacher, and Greta Voss, a teacher at the same school, led the march on Monday.\n\n"
        'The teacher was calmer. "We will rebuild it properly," she said.'
    )
    assert _speakers(extractor, text)[-1][:2] == ("she", None)


def test_a_named_subject_after_the_description_wins(extractor: Any) -> None:
    text = _ORCHARD.replace(
        "His grandson is less patient.", "His grandson is less patient. Quigg is not worried."
    )
    assert _speakers(extractor, text)[-1][:2] == ("he", "Walter Quigg")


@pytest.mark.parametrize("said", ["The ministry said", "The federation said", "The club said"])
def test_a_body_noun_no_organisation_answers_is_an_unnamed_source(extractor: Any, said: str) -> None:
    text = (
        "Maeve Doull, who coaches the under-12 side, said the pitch had flooded again.\n\n"
        f"{said} the grant would be paid in the spring."
    )
    first, last = _speakers(extractor, text)
    assert first[1] == "Maeve Doull"
    assert last == (said.removesuffix(" said"), None, None, True)


def test_a_body_noun_takes_the_one_organisation_of_its_kind(extractor: Any) -> None:
    text = (
        "Carrowfell Rovers lost 2-0 at home on Saturday. Manager Dara Lusk said the side had been poor.\n\n"
        "The club said it would appeal the red card."
    )
    assert _speakers(extractor, text)[-1][:3] == ("The club", "Carrowfell Rovers", "org")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("the club", True),
        ("The ministry", True),
        ("the Carrowfell club", False),
        ("the coach", False),
        ("club", False),
    ],
)
def test_unnamed_body(text: str, body: bool) -> None:
    assert unnamed_body(text) is body


_BROTHERS = (
    "Owen Harrop and his brother Neil Harrop have run the ironmonger's on Vell Lane since 1994.\n\n"
    "{middle}\n\n"
    '"We are staying put," he said.'
)


def test_he_after_a_narrative_paragraph_between_two_namesakes_stays_unresolved(extractor: Any) -> None:
    text = _BROTHERS.format(
        middle="The shop outlived two floods and a fire. Last winter the rent doubled, and the brothers "
        "borrowed from a cousin."
    )
    assert _speakers(extractor, text) == [("he", None, None, False)]


def test_he_after_a_paragraph_whose_subject_is_one_namesake_is_that_one(extractor: Any) -> None:
    text = _BROTHERS.format(middle="Neil Harrop opens the shutters at six each morning.")
    assert _speakers(extractor, text)[0][:2] == ("he", "Neil Harrop")


def test_a_description_singled_out_by_a_relative_clause_is_not_the_person_so_titled(extractor: Any) -> None:
    text = (
        "The head teacher, Lorna Pelham, spoke to parents on Monday.\n\n"
        "Hugh Tarrant, a parent, was furious. The teacher who lost a classroom was calmer. "
        '"We will rebuild it properly," she said.'
    )
    assert _speakers(extractor, text)[-1][:2] == ("she", None)
