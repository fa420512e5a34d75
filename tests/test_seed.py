"""The seed article: the user's own example of the job (issue 2's acceptance list)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotemine import Extractor, Report

SEED = Path(__file__).resolve().parent.parent / "data" / "samples" / "tajikistan-turns-west.txt"


@pytest.fixture(scope="module")
def seed(extractor: Extractor) -> Report:
    return extractor.extract(SEED.read_text(encoding="utf-8"), published="2003-01-10")


def _person(report: Report, surname: str) -> list[str]:
    return [p.id for p in report.people if p.name.split()[-1] == surname]


def test_rakhmonov_is_one_person_with_role_president(seed: Report) -> None:
    people = [p for p in seed.people if "Rakhmonov" in p.name]
    assert len(people) == 1
    assert people[0].name == "Imomali Rakhmonov"
    assert "President" in {r.text for r in people[0].roles}
    assert len(people[0].mentions) >= 3


def test_shermatova_is_a_person_of_moskovskie_novosti_and_speaks(seed: Report) -> None:
    (person,) = [p for p in seed.people if p.name == "Sanobar Shermatova"]
    orgs = {o.id: o.name for o in seed.organizations}
    assert "Moskovskie Novosti" in {orgs[a] for a in person.affiliations}
    (quote,) = [q for q in seed.quotes if q.text.startswith("The deportation of Tajik migrants")]
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.person_id == person.id


@pytest.mark.parametrize(
    "name, content",
    [
        ("Ashurbov Imomov", "the deportation was"),
        ("Shukhrat Sadiev", "Moscow's reaction is based on a fear"),
        ("Iskandar Asadullaev", "Russia's position in Central Asia"),
    ],
)
def test_reported_speech_has_its_speaker(seed: Report, name: str, content: str) -> None:
    (person,) = [p for p in seed.people if p.name == name]
    quotes = [q for q in seed.quotes if content in q.text]
    assert quotes, content
    assert all(q.kind in {"indirect", "mixed"} for q in quotes)
    assert all(q.speaker is not None and q.speaker.person_id == person.id for q in quotes)


def test_analysts_are_an_unnamed_speaker(seed: Report) -> None:
    quotes = [q for q in seed.quotes if "the move was connected" in q.text]
    assert len(quotes) == 1
    speaker = quotes[0].speaker
    assert speaker is not None and speaker.text == "Analysts" and speaker.unnamed
    assert speaker.person_id is None


@pytest.mark.parametrize(
    "text, value, modifier",
    [
        ("November 29", "2002-11-29", None),
        ("last month", "2002-12", None),
        ("late-November", "2002-11", "late"),
        ("September 11, 2001", "2001-09-11", None),
        ("Late last year", "2002", "late"),
        ("1991", "1991", None),
    ],
)
def test_dates_are_normalised(seed: Report, text: str, value: str, modifier: str | None) -> None:
    found = [d for d in seed.dates if d.text == text]
    assert found, text
    assert (found[0].value, found[0].modifier) == (value, modifier)


@pytest.mark.parametrize(
    "start_text, amount, qualifier",
    [
        ("142 million", 142_000_000, "approximate"),
        ("580 million", 580_000_000, None),
        ("50 million", 50_000_000, "more than"),
    ],
)
def test_money_is_normalised(seed: Report, start_text: str, amount: int, qualifier: str | None) -> None:
    found = [m for m in seed.money if start_text in m.text]
    assert len(found) == 1, start_text
    assert (found[0].amount, found[0].currency, found[0].qualifier) == (amount, "USD", qualifier)


def test_no_nationality_or_place_is_a_person(seed: Report) -> None:
    names = {p.name for p in seed.people}
    for not_a_person in ("Tajik", "Tajiks", "Dushanbe", "Tajikistan", "Russia", "Moscow"):
        assert not_a_person not in names
    for mention in (m.text for p in seed.people for m in p.mentions):
        assert mention not in {"Tajik", "Tajiks", "Dushanbe"}


def test_byline_author(seed: Report) -> None:
    assert [a.text for a in seed.document.authors] == ["Rashid G"]
    assert seed.document.title is not None and seed.document.title.text == "Tajikistan Turns to The West"
