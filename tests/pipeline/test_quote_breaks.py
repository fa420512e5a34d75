"""Cues and contents the parse links across a paragraph break; content ends; thanks (issue 11).

Every sentence here is written for the project.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.models import default_model
from tests.quoting import found

from quotemine.extensions import register_extensions
from quotemine.pipeline.quotes import QuoteFinder


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


@pytest.fixture(scope="module")
def finder(nlp: Language) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(nlp, "quotemine_quotes")


def test_a_cue_after_a_quote_paragraph_reads_its_own_object(nlp: Language, finder: QuoteFinder) -> None:
    # the parse runs the quote paragraph and the next one into one sentence and hangs the quote
    # on "called", which then seemed to have a content clause and no "for" object
    text = (
        "The trust defended its record. \u201cThe library will stay open if it takes every penny we have."
        " We owe that much to the readers of this town.\u201d\n\n"
        "Earlier in the week, Marlowe called for an audit of the trust\u2019s accounts."
    )
    assert ("an audit of the trust\u2019s accounts", "Marlowe") in found(nlp, finder, text)


def test_a_statement_set_out_below_a_colon_cue_is_still_its_content(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = (
        "The warden spoke to the villagers on Sunday. She added:\n\n"
        "The footpath will reopen once the bridge has been inspected by the county engineers."
    )
    quotes = found(nlp, finder, text)
    assert any(q.startswith("The footpath will reopen") and s == "She" for q, s in quotes)


def test_a_content_ends_before_the_joiner_of_the_next_speakers_clause(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = (
        "The agency said the water was safe to drink, and its director, Tomas Elling, warned that"
        " the pipes would need replacing within a decade."
    )
    assert found(nlp, finder, text) == [
        ("the water was safe to drink", "The agency"),
        ("that the pipes would need replacing within a decade", "Tomas Elling"),
    ]


def test_whom_and_what_a_speaker_thanks_is_reported(nlp: Language, finder: QuoteFinder) -> None:
    text = "Okafor thanked the volunteers for their work on the flood barriers."
    assert found(nlp, finder, text) == [("the volunteers for their work on the flood barriers", "Okafor")]


def test_a_possessed_speech_noun_reports_its_topic(nlp: Language, finder: QuoteFinder) -> None:
    text = "Minister Anita Rahm renewed her calls for a public inquiry into the rail contract."
    assert found(nlp, finder, text) == [("a public inquiry into the rail contract", "her")]


def test_the_maker_of_remarks_speaks_their_topic(nlp: Language, finder: QuoteFinder) -> None:
    text = "Hallam made several remarks about the club's finances during the meeting."
    assert found(nlp, finder, text) == [("the club's finances", "Hallam")]


def test_a_speech_noun_with_no_speaker_reports_nothing(nlp: Language, finder: QuoteFinder) -> None:
    assert found(nlp, finder, "Amid growing criticism of the plan, the council delayed the vote.") == []
    assert found(nlp, finder, "The villagers took back their endorsement of the quarry plan.") == []


def test_a_person_questioned_is_interrogated_not_quoted(nlp: Language, finder: QuoteFinder) -> None:
    assert found(nlp, finder, "Detectives questioned the man for six hours before releasing him.") == []
    assert found(nlp, finder, "Velasquez questioned the figures.") == [("the figures", "Velasquez")]


def test_appeals_and_apologies_report_what_they_are_for(nlp: Language, finder: QuoteFinder) -> None:
    assert found(nlp, finder, "Police appealed for witnesses to come forward.") == [
        ("witnesses to come forward", "Police")
    ]
    text = "Tamsin Ure, the club's captain, apologised for the team's performance."
    assert found(nlp, finder, text) == [("the team's performance", "Tamsin Ure")]
