"""The gender lexicon: the text's own words first, a first name only when it points one way."""

from __future__ import annotations

import pytest

from quotemine.lexicons.gender import first_name_gender, pronoun_gender, title_gender


@pytest.mark.parametrize(("word", "gender"), [("She", "female"), ("his", "male"), ("they", None)])
def test_pronouns(word: str, gender: str | None) -> None:
    assert pronoun_gender(word) == gender


@pytest.mark.parametrize(
    ("word", "gender"),
    [("Mrs.", "female"), ("Congresswoman", "female"), ("Mr", "male"), ("Dr.", None), ("chairman", None)],
)
def test_titles(word: str, gender: str | None) -> None:
    assert title_gender(word) == gender


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("John", "male"),
        ("Mary", "female"),
        ("Chris", None),  # a short form of Christopher and of Christina
        ("Jordan", None),  # unisex where English is spoken
        ("Robin", None),
        ("Taylor", None),  # listed only as "unisex, mostly male"
        ("Andrea", None),  # female in most countries, male in one large one
        ("Dr", None),
    ],
)
def test_first_names_only_when_unambiguous(name: str, gender: str | None) -> None:
    assert first_name_gender(name) == gender


@pytest.mark.parametrize(("name", "gender"), [("Jane", "female"), ("George", "male")])
def test_first_names_a_rare_entry_of_the_other_gender_elsewhere_does_not_veto(
    name: str, gender: str | None
) -> None:
    assert first_name_gender(name) == gender
