"""Speakers referred to the hard ways: an unnamed source's "she", an answer after "Asked ...,",
an age after a subject named in apposition, a transcript whose introduction also names the
interviewer. Whole invented articles."""

from __future__ import annotations

from typing import Any

import pytest


def _speakers(extractor: Any, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Return {quote text: (name it is credited to, speaker words shown)} for ``text``."""
    report = extractor.extract(text)
    names = {p.id: p.name for p in report.people} | {o.id: o.name for o in report.organizations}
    out: dict[str, tuple[str | None, str | None]] = {}
    for q in report.quotes:
        spk = q.speaker
        key = None if spk is None else (spk.person_id or spk.organization_id)
        out[q.text] = (names.get(key) if key else None, spk.text if spk is not None else None)
    return out


def test_she_after_an_unnamed_spokeswoman_is_that_spokeswoman(extractor: Any) -> None:
    text = (
        "The Tarrow Valley hospital closed its maternity ward on Sunday after a water leak.\n\n"
        "A hospital spokeswoman said the ward would reopen within a week. "
        '"We apologise to every family affected," she said.\n\n'
    )
    report = extractor.extract(text)
    quote = next(q for q in report.quotes if q.text.startswith("We apologise"))
    assert quote.speaker is not None
    assert quote.speaker.text == "A hospital spokeswoman"
    assert quote.speaker.unnamed and quote.speaker.person_id is None
    assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_he_after_an_unnamed_spokeswoman_is_not_her(extractor: Any) -> None:
    text = (
        "The ferry service was cancelled on Tuesday.\n\n"
        "A company spokeswoman said the boats would sail again on Friday. "
        '"It is the third time this month," he said.\n\n'
    )
    found = _speakers(extractor, text)
    assert found["It is the third time this month,"] == (None, "he")


def test_she_after_a_named_woman_since_the_spokeswoman_is_not_the_spokeswoman(extractor: Any) -> None:
    text = (
        "The library in Oskerby will close for repairs.\n\n"
        "A council spokeswoman said the work would take a year. "
        'Librarian Hedda Marsh was dismayed. "Where will the children go?" she said.\n\n'
    )
    found = _speakers(extractor, text)
    assert found["Where will the children go?"][1] != "A council spokeswoman"


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        pytest.param(
            "The bakery on Fenwick Street has opened at dawn for forty years.\n\n"
            "Her neighbour, Marit Holloway, who still kneads the dough by hand, said trade had fallen. "
            '"We bake half what we baked ten years ago," the 66-year-old said.\n\n',
            "We bake half what we baked ten years ago,",
            "Marit Holloway",
            id="an_age_after_a_subject_named_in_apposition_is_that_person",
        ),
        pytest.param(
            "The paper mill at Cressing employs 400 people.\n\n"
            "Councillor Ada Pennick has fought to keep it open. Asked whether the mill would close this "
            'year, Pennick shook her head. "Not while I sit on this council."\n\n',
            "Not while I sit on this council.",
            "Ada Pennick",
            id="a_quote_after_asked_and_a_named_subject_is_their_answer",
        ),
        pytest.param(
            "Shares in Veltmark Foods fell sharply on Monday.\n\n"
            "The firm's biggest investor, the pension fund Oakridge Partners, said it would vote against "
            "the board at the annual meeting.\n\n",
            "it would vote against the board at the annual meeting",
            "Oakridge Partners",
            id="a_description_with_a_described_name_in_apposition_is_that_name",
        ),
        pytest.param(
            "Hundreds queued outside the Brackley depot on Thursday for the last steam train.\n\n"
            "One of them, a retired signalman named Cyril Ambrose, said he had ridden the line as a boy.\n\n",
            "he had ridden the line as a boy",
            "Cyril Ambrose",
            id="one_of_a_crowd_named_in_apposition_is_that_person",
        ),
    ],
)
def test_a_speaker_referred_to_after_a_named_one_is_that_name(
    extractor: Any, text: str, quote: str, name: str
) -> None:
    found = _speakers(extractor, text)
    assert found[quote][0] == name


def test_a_quote_after_asked_and_a_pronoun_subject_is_left_alone(extractor: Any) -> None:
    text = (
        "Ivo Marsh scored the winner for Kettle Vale on Sunday.\n\n"
        'Asked what he told Joel Ferrer after the goal, he grinned. "I owe him a coffee, maybe two."\n\n'
    )
    found = _speakers(extractor, text)
    assert found.get("I owe him a coffee, maybe two.", (None, None))[0] != "Joel Ferrer"


def test_transcript_answers_are_the_one_the_headline_names(extractor: Any) -> None:
    text = (
        "A life in the theatre: an interview with Greta Lindahl\n\n"
        "Greta Lindahl has directed the Tolverne Playhouse since 2015. "
        "She talked to Tom Hadley about money and the stage.\n\n"
        "Q: Is the playhouse in trouble?\n\n"
        "A: Not yet. But the grant has not risen in ten years.\n\n"
        "Q: Would you leave?\n\n"
        "A: Never. This building is my home.\n\n"
    )
    found = _speakers(extractor, text)
    answers = [who for quote, (who, _) in found.items() if quote.startswith(("Not yet", "Never"))]
    assert answers == ["Greta Lindahl", "Greta Lindahl"]
