"""Statements after a colon with no content clause of a cue, and what a court heard."""

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Marta Kellner spoke first. She put it this way: the line will close unless the council pays.",
            ("the line will close unless the council pays", "She"),
        ),
        (
            "Tomas Brody was not pleased. He put it bluntly: we were second best all afternoon.",
            ("we were second best all afternoon", "He"),
        ),
    ],
)
def test_clause_after_put_it_is_the_subjects(
    nlp: Language, finder: QuoteFinder, text: str, expected: tuple[str, str]
) -> None:
    assert found(nlp, finder, text) == [expected]


def test_put_with_another_object_says_nothing(nlp: Language, finder: QuoteFinder) -> None:
    text = "Lena Ortiz put it on the shelf: a box of old letters from her aunt."
    assert found(nlp, finder, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anna Lutz reviewed the plan for Verden. Her verdict: a missed opportunity for the town.",
            ("a missed opportunity for the town", "Her"),
        ),
        (
            "Dr Priya Nand has treated patients for years. Her advice: sleep more and worry less.",
            ("sleep more and worry less", "Her"),
        ),
    ],
)
def test_possessed_speech_noun_before_a_colon_gives_a_statement(
    nlp: Language, finder: QuoteFinder, text: str, expected: tuple[str, str]
) -> None:
    assert found(nlp, finder, text)[-1:] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Gerald Fenn sold his garage last year. His car: a battered estate with a broken door.",
        "My advice: never buy a house in winter.",  # the writer's own
    ],
)
def test_other_nouns_and_the_writers_own_give_no_quote(nlp: Language, finder: QuoteFinder, text: str) -> None:
    assert found(nlp, finder, text) == []


def test_imperative_after_told_and_a_colon(nlp: Language, finder: QuoteFinder) -> None:
    text = "The Fenwick Banking Authority told lenders: stop charging hidden fees by March."
    assert found(nlp, finder, text) == [
        ("stop charging hidden fees by March", "The Fenwick Banking Authority")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The court heard that Dale Mercer had taken the money from the till.",
            "that Dale Mercer had taken the money from the till",
        ),
        (
            "The jury heard how the pair drove to the warehouse after midnight.",
            "how the pair drove to the warehouse after midnight",
        ),
    ],
)
def test_what_a_court_heard_has_no_named_speaker(
    nlp: Language, finder: QuoteFinder, text: str, content: str
) -> None:
    assert found(nlp, finder, text) == [(content, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Neighbours heard that the shop would close in spring.",
        "The court heard evidence from three witnesses on Monday.",
    ],
)
def test_other_hearers_and_heard_evidence_give_no_quote(
    nlp: Language, finder: QuoteFinder, text: str
) -> None:
    assert found(nlp, finder, text) == []


def test_prosecuting_counsel_speaks(nlp: Language, finder: QuoteFinder) -> None:
    text = "Simon Ashby, prosecuting, said the attack had been planned for weeks."
    assert found(nlp, finder, text) == [("the attack had been planned for weeks", "Simon Ashby")]


_INTERVIEW = (
    "Kiran Bose, a teacher in Nellore, spoke to the Valley Ledger this week.\n\n"
    "Q: How long have you taught at the school?\n\n"
    "A: Almost twenty years now, and the pupils have changed a lot.\n\n"
    "Q. What worries you most?\n\n"
    "A. The exams. Children sit far too many of them.\n"
)


def test_answers_of_a_transcript_are_the_interviewees_direct_quotes(
    nlp: Language, finder: QuoteFinder
) -> None:
    doc = finder(nlp(_INTERVIEW))
    got = [(_INTERVIEW[q["start"] : q["end"]], q["kind"], q["speaker"]) for q in doc._.qm_quotes]
    assert [(text, kind) for text, kind, _ in got] == [
        ("Almost twenty years now, and the pupils have changed a lot", "direct"),
        ("The exams. Children sit far too many of them", "direct"),
    ]
    for _, _, spk in got:  # the questions give nothing; the one person of the introduction answers
        assert _INTERVIEW[spk["start"] : spk["end"]] == "Kiran Bose"


def test_answers_keep_no_speaker_when_the_introduction_names_two_people(
    nlp: Language, finder: QuoteFinder
) -> None:
    text = _INTERVIEW.replace("the Valley Ledger", "Oskar Lind of the Valley Ledger")
    assert [spk for _, spk in found(nlp, finder, text)] == [None, None]


def test_a_single_answer_line_is_no_transcript(nlp: Language, finder: QuoteFinder) -> None:
    text = "Q: Is the bridge open?\n\nA: Only to buses until the spring.\n"
    assert found(nlp, finder, text) == []


def test_heard_clause_without_that(nlp: Language, finder: QuoteFinder) -> None:
    text = "The court heard the defendant had been drinking before the crash."
    assert found(nlp, finder, text) == [("the defendant had been drinking before the crash", None)]


def test_short_verdict_after_a_possessed_noun_is_no_statement(nlp: Language, finder: QuoteFinder) -> None:
    text = "Ivo Marsh read the report. His verdict: a flop."
    assert found(nlp, finder, text) == []


def test_reply_noun_takes_a_clause_not_a_deed(nlp: Language, finder: QuoteFinder) -> None:
    deed = "The club's answer: a new stadium on the edge of town, paid for by the owners."
    assert found(nlp, finder, deed) == []
    text = "Nadia Ferro was asked about the appeal. Her answer: we will fight it all the way."
    assert found(nlp, finder, text)[-1:] == [("we will fight it all the way", "Her")]
