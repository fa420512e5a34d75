"""Speaker resolution rules that read the parse, on whole articles written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


def _speakers(extractor: Any, text: str) -> dict[str, str | None]:
    """Return {quote text: name of the person or organisation it is credited to} for ``text``."""
    report = extractor.extract(text)
    names = {p.id: p.name for p in report.people} | {o.id: o.name for o in report.organizations}
    out: dict[str, str | None] = {}
    for q in report.quotes:
        spk = q.speaker
        key = None if spk is None else (spk.person_id or spk.organization_id)
        out[q.text] = names.get(key) if key else None
    return out


@pytest.mark.parametrize(
    ("text", "first", "first_name", "second", "second_name"),
    [
        pytest.param(
            "Harbour officials met on Friday.\n\n"
            '"The dredging starts in May," port director Elsa Brandvik said.\n\n'
            "Her neighbour's niece sells tickets at the pier. She said the queues had doubled.\n\n",
            "The dredging starts in May,",
            "Elsa Brandvik",
            "the queues had doubled",
            None,
            id="she_after_an_unnamed_newcomer_is_not_the_last_woman_quoted",
        ),
        pytest.param(
            "The council approved the tower on Monday.\n\n"
            '"It will change the skyline," said Tobias Wren, a local architect.\n\n'
            "The Danish engineer who drew the plans, Nils Aagaard, said the work would take two years. "
            '"We start in spring," the Dane said.\n\n',
            "It will change the skyline,",
            "Tobias Wren",
            "the work would take two years",
            "Nils Aagaard",
            id="a_nationality_description_is_not_the_person_just_quoted",
        ),
        pytest.param(
            "The ferry at Carrow Bend has run since 1820.\n\n"
            '"The engine still runs," said Wenna Pollard, who sells tickets at the gate.\n\n'
            'The boatman laughed at that. "It runs when I kick it," the 81-year-old said.\n\n',
            "The engine still runs,",
            "Wenna Pollard",
            "It runs when I kick it,",
            None,
            id="an_age_after_an_unnamed_subject_is_not_the_last_person_quoted",
        ),
        pytest.param(
            "Dunmore Rovers beat Kelby 2-0 on Sunday.\n\n"
            "Rovers coach Alun Pryce praised goalkeeper Tam Oduya, 17, who saved a penalty. "
            '"He was calm all afternoon," Pryce said.\n\n'
            '"I just watched the ball," the teenager said.\n\n',
            "He was calm all afternoon,",
            "Alun Pryce",
            "I just watched the ball,",
            "Tam Oduya",
            id="the_teenager_is_the_person_whose_stated_age_is_in_the_teens",
        ),
    ],
)
def test_a_second_speaker_is_told_from_the_one_quoted_first(
    extractor: Any, text: str, first: str, first_name: str | None, second: str, second_name: str | None
) -> None:
    found = _speakers(extractor, text)
    assert found[first] == first_name
    assert found[second] == second_name


def test_a_surname_tagged_as_a_noun_before_a_relative_aside_is_the_speaker(extractor: Any) -> None:
    # the tagger reads the sentence-opening "Woods" as a common noun, so the parse gives the cue no
    # subject; the surname is the same word as the named person's, so it is still the speaker
    text = (
        "Ada Lenk has 12 backers on the harbour board, a body on which her main rival Carl Woods "
        "serves. Woods, meanwhile, who holds zero such backers, said that gap tells voters a great "
        "deal about the two of them.\n\n"
    )
    found = _speakers(extractor, text)
    assert [v for k, v in found.items() if "great deal" in k] == ["Carl Woods"]


def test_a_name_set_right_after_a_common_noun_subject_belongs_to_the_speaker(extractor: Any) -> None:
    text = (
        "Ada Lenk leads the race, a new survey shows.\n\n"
        "The website eightysixtyone observed that the delegate rules of most regions hurt Lenk.\n\n"
    )
    report = extractor.extract(text)
    spoken = [q.speaker.text for q in report.quotes if q.speaker and "delegate rules" in q.text]
    assert spoken == ["The website eightysixtyone"]


def test_an_i_who_tells_a_person_is_not_that_person(extractor: Any) -> None:
    text = (
        "The harbour board has lost its way.\n\n"
        "Board chairman Gerrit Maalouf says the new ferry terminal will pay for itself. He said the "
        "accountants had checked the figures.\n\n"
        "I told Maalouf that the figures looked thin to me.\n\n"
    )
    found = _speakers(extractor, text)
    assert found["the new ferry terminal will pay for itself"] == "Gerrit Maalouf"
    assert [v for k, v in found.items() if "looked thin" in k] == [None]


def test_the_agency_is_not_a_company_that_spoke_just_before(extractor: Any) -> None:
    text = (
        "Reservoirs are low. Greenleaf Foods Inc. said on Monday that farmers would suffer.\n\n"
        "Rationing will begin in May, the state water agency said.\n\n"
    )
    found = _speakers(extractor, text)
    assert found["that farmers would suffer"] == "Greenleaf Foods Inc."
    assert [v for k, v in found.items() if "Rationing" in k] == [None]


def test_a_subject_inside_a_content_beats_a_later_object_when_no_subject_is_outside() -> None:
    # "In his view, Halvorsen faulted voters for backing Dunmore over Conrad Vell. / '...,' he said":
    # the frame makes the whole clause content, so no subject is left outside it; its subject is
    # still more salient than the object named after it
    from types import SimpleNamespace

    from quotemine.pipeline.speakers.salience import subject_first

    roles = {10: "subject", 40: "other", 60: "other"}
    idx = SimpleNamespace(para=lambda s: 0, role=lambda m: roles[m.start], in_content=lambda m: True)
    vell, dunmore, halvorsen = (SimpleNamespace(start=k) for k in (60, 40, 10))
    assert subject_first(idx, [vell, dunmore, halvorsen]) is halvorsen  # type: ignore[arg-type]
    no_subject = SimpleNamespace(para=lambda s: 0, role=lambda m: "other", in_content=lambda m: True)
    assert subject_first(no_subject, [vell, dunmore, halvorsen]) is vell  # type: ignore[arg-type]
