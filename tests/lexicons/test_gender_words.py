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
    [("John", "male"), ("Mary", "female"), ("Chris", None), ("Jordan", None), ("Robin", None), ("Dr", None)],
)
def test_first_names_only_when_unambiguous(name: str, gender: str | None) -> None:
    assert first_name_gender(name) == gender
