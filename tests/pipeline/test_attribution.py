from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from quotemine.extensions import register_extensions
from quotemine.pipeline.attribution import Attributor


@pytest.fixture(scope="module")
def attributor() -> Attributor:
    register_extensions()
    return Attributor(spacy.blank("en"), "quotemine_attribution")


def span(text: str, part: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return [start, start + len(part)]


def make_doc(text: str, people: list[dict[str, Any]] | None, speakers: list[tuple[str, int]]) -> Doc:
    doc = spacy.blank("en")(text)
    quotes = []
    for n, (mention, nth) in enumerate(speakers, start=1):
        s, e = span(text, mention, nth)
        quotes.append(
            {
                "id": f"q{n}",
                "start": 0,
                "end": 1,
                "kind": "indirect",
                "group": None,
                "cue": None,
                "speaker": {"start": s, "end": e, "person_id": None, "unnamed": False},
                "addressee": None,
            }
        )
    doc._.qm_quotes = quotes
    doc._.qm_people = people
    return doc


TEXT = (
    "Finance Minister Lena Ortiz said taxes would fall. The minister added that spending would rise.\n\n"
    "She said the deficit was under control. Ortiz also said more. Karl Brandt said nothing was certain."
)
PEOPLE = [
    {
        "id": "p1",
        "name": "Lena Ortiz",
        "mentions": [span(TEXT, "Lena Ortiz"), span(TEXT, "Ortiz", 1)],
        "roles": [span(TEXT, "Finance Minister")],
    },
    {"id": "p2", "name": "Karl Brandt", "mentions": [span(TEXT, "Karl Brandt")], "roles": []},
]


@pytest.mark.parametrize(
    "mention, nth, expected",
    [
        ("Lena Ortiz", 0, "p1"),  # overlaps a mention
        ("The minister", 0, "p1"),  # title -> person with that role
        ("She", 0, "p1"),  # pronoun -> closest earlier speaker
        ("Karl Brandt", 0, "p2"),
    ],
)
def test_attribution_resolves(attributor: Attributor, mention: str, nth: int, expected: str) -> None:
    doc = attributor(make_doc(TEXT, PEOPLE, [("Lena Ortiz", 0), (mention, nth)]))
    assert doc._.qm_quotes[-1]["speaker"]["person_id"] == expected


def test_attribution_surname_matches_person(attributor: Attributor) -> None:
    people = [{"id": "p1", "name": "Lena Ortiz", "mentions": [span(TEXT, "Lena Ortiz")], "roles": []}]
    doc = attributor(make_doc(TEXT, people, [("Ortiz", 1)]))
    assert doc._.qm_quotes[0]["speaker"]["person_id"] == "p1"


def test_attribution_without_people_leaves_none(attributor: Attributor) -> None:
    doc = attributor(make_doc(TEXT, None, [("Lena Ortiz", 0), ("She", 0)]))
    assert [q["speaker"]["person_id"] for q in doc._.qm_quotes] == [None, None]


def test_attribution_never_invents(attributor: Attributor) -> None:
    text = "Analysts said the plan would fail."
    doc = make_doc(text, [], [("Analysts", 0)])
    doc._.qm_quotes[0]["speaker"]["unnamed"] = True
    doc = attributor(doc)
    assert doc._.qm_quotes[0]["speaker"]["person_id"] is None
    assert doc._.qm_quotes[0]["speaker"]["unnamed"] is True


def test_attribution_pronoun_without_antecedent_stays_none(attributor: Attributor) -> None:
    text = "He said the plan would fail."
    doc = attributor(make_doc(text, [], [("He", 0)]))
    assert doc._.qm_quotes[0]["speaker"]["person_id"] is None


def test_attribution_handles_no_quotes(attributor: Attributor) -> None:
    doc = spacy.blank("en")("")
    assert attributor(doc)._.qm_quotes is None


def test_attribution_relative_pronoun_uses_its_antecedent(attributor: Attributor) -> None:
    text = "The paper quoted Karl Brandt, who said nothing was certain."
    people = [{"id": "p1", "name": "Karl Brandt", "mentions": [span(text, "Karl Brandt")], "roles": []}]
    doc = make_doc(text, people, [("who", 0)])
    doc._.qm_quotes[0]["speaker"]["antecedent"] = span(text, "Karl Brandt")
    doc = attributor(doc)
    assert doc._.qm_quotes[0]["speaker"]["person_id"] == "p1"


def test_attribution_pronoun_takes_the_closest_earlier_speaker(attributor: Attributor) -> None:
    text = "Lena Ortiz spoke first. Karl Brandt said it was late. He said more."
    people = [
        {"id": "p1", "name": "Lena Ortiz", "mentions": [span(text, "Lena Ortiz")], "roles": []},
        {"id": "p2", "name": "Karl Brandt", "mentions": [span(text, "Karl Brandt")], "roles": []},
    ]
    doc = attributor(make_doc(text, people, [("Lena Ortiz", 0), ("Karl Brandt", 0), ("He", 0)]))
    assert [q["speaker"]["person_id"] for q in doc._.qm_quotes] == ["p1", "p2", "p2"]


def test_attribution_resolves_thousands_of_quotes(attributor: Attributor) -> None:
    """Thousands of quotes on one person all resolve (their cost is measured by benchmarks/longtext.py)."""
    para = "Karl Brandt said it was late. He said more.\n"
    text = para * 2000
    people = [
        {
            "id": "p1",
            "name": "Karl Brandt",
            "mentions": [[k * len(para), k * len(para) + 11] for k in range(2000)],
            "roles": [],
        }
    ]
    speakers = [("Karl Brandt", k) for k in range(2000)] + [("He", k) for k in range(2000)]
    doc = make_doc(text, people, speakers)
    attributor(doc)
    assert all(q["speaker"]["person_id"] == "p1" for q in doc._.qm_quotes)


def test_attribution_unnamed_title_resolves_to_the_person_with_that_role(attributor: Attributor) -> None:
    """Bug 4: the ``titles`` of unnamed_speakers.json let "the spokesman" (a group noun) resolve."""
    text = "Party spokesman Omar Lind said the vote was fair. The spokesman added that no one complained."
    people = [
        {
            "id": "p1",
            "name": "Omar Lind",
            "mentions": [span(text, "Omar Lind")],
            "roles": [span(text, "spokesman")],
        }
    ]
    doc = make_doc(text, people, [("The spokesman", 0), ("Omar Lind", 0)])
    doc._.qm_quotes[0]["speaker"]["unnamed"] = True  # what quotemine_quotes says of a group noun
    doc = attributor(doc)
    speaker = doc._.qm_quotes[0]["speaker"]
    assert (speaker["person_id"], speaker["unnamed"]) == ("p1", False)


def test_attribution_unnamed_group_without_a_title_stays_unnamed(attributor: Attributor) -> None:
    text = "Party analyst Omar Lind said the vote was fair. The voters said otherwise."
    people = [
        {
            "id": "p1",
            "name": "Omar Lind",
            "mentions": [span(text, "Omar Lind")],
            "roles": [span(text, "analyst")],
        }
    ]
    doc = make_doc(text, people, [("The voters", 0)])
    doc._.qm_quotes[0]["speaker"]["unnamed"] = True
    speaker = attributor(doc)._.qm_quotes[0]["speaker"]
    assert (speaker["person_id"], speaker["unnamed"]) == (None, True)


def test_attribution_every_option_through_add_pipe() -> None:
    import quotemine.factories  # noqa: F401

    comp = spacy.blank("en").add_pipe("quotemine_attribution", config={"pronoun_window": 3})
    assert isinstance(comp, Attributor) and comp.pronoun_window == 3


def test_attribution_titles_round_trip(attributor: Attributor, tmp_path: Path) -> None:
    attributor.to_disk(tmp_path)
    other = Attributor(spacy.blank("en"), "other")
    other.titles = frozenset()
    assert other.from_disk(tmp_path).titles == attributor.titles


def test_attribution_error_handler_drops_resolution_by_default(
    attributor: Attributor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacy.util import raise_error

    comp = Attributor(spacy.blank("en"), "quotemine_attribution")

    def broken(*args: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(comp, "_resolve", broken)
    doc = make_doc(TEXT, PEOPLE, [("Lena Ortiz", 0)])
    doc._.qm_quotes[0]["speaker"]["person_id"] = "p9"
    comp(doc)
    assert doc._.qm_quotes[0]["speaker"]["person_id"] is None
    assert doc._.qm_warnings == ["attribution: skipped after an internal error (ValueError)"]
    comp.set_error_handler(raise_error)
    with pytest.raises(ValueError, match="boom"):
        comp(make_doc(TEXT, PEOPLE, [("Lena Ortiz", 0)]))
