"""Beliefs, intentions and knowledge attributed to someone: quotes with ``cue_type`` "belief".

Every sentence here is written for the project.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from tests.models import default_model

from quotemine.extensions import register_extensions
from quotemine.pipeline.quotes import QuoteFinder


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


@pytest.fixture(scope="module")
def finder(nlp: Language) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(nlp, "quotemine_quotes")


def typed(nlp: Language, finder: QuoteFinder, text: str) -> list[tuple[str, str | None, str, str]]:
    """Return (content, speaker, cue, cue_type) of each quote of ``text``."""
    doc = finder(nlp(text))
    out = []
    for q in doc._.qm_quotes:
        spk: Any = q["speaker"]
        cue: Any = q["cue"]
        out.append(
            (
                text[q["start"] : q["end"]],
                None if spk is None else text[spk["start"] : spk["end"]],
                "" if cue is None else text[cue[0] : cue[1]],
                q.get("cue_type", "speech"),
            )
        )
    return out


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        # verbs of belief with a content clause
        (
            "Engineers at the Pellow Canal Trust believe that the lock gates will fail by spring.",
            "that the lock gates will fail by spring",
            "Engineers",
            "believe",
        ),
        (
            "Councillor Ada Brenner thinks the parking levy is too high.",
            "the parking levy is too high",
            "Councillor Ada Brenner",
            "thinks",
        ),
        (
            "Growers fear the frost has ruined the plum harvest.",
            "the frost has ruined the plum harvest",
            "Growers",
            "fear",
        ),
        (
            "Brenner felt that the ferry timetable was unfair to commuters.",
            "that the ferry timetable was unfair to commuters",
            "Brenner",
            "felt",
        ),
        # "hopes", "hoped", "hoping": the lemmatizer's "hop" is repaired
        (
            "Brenner hopes the new ferry will bring shoppers back to Oskeby.",
            "the new ferry will bring shoppers back to Oskeby",
            "Brenner",
            "hopes",
        ),
        (
            "The guild hoped that its members could keep the old market hall.",
            "that its members could keep the old market hall",
            "The guild",
            "hoped",
        ),
        # an adjective of belief after a copula
        (
            "The trust is confident that the lock gates will hold.",
            "that the lock gates will hold",
            "The trust",
            "confident",
        ),
        ("Brenner was sure the vote would pass.", "the vote would pass", "Brenner", "sure"),
        (
            "Growers remain hopeful that the rain will come in time.",
            "that the rain will come in time",
            "Growers",
            "hopeful",
        ),
        (
            "Brenner is convinced that the levy will be scrapped.",
            "that the levy will be scrapped",
            "Brenner",
            "convinced",
        ),
        # an intention
        (
            "Brenner wants to reopen the pier before the summer.",
            "to reopen the pier before the summer",
            "Brenner",
            "wants",
        ),
        ("The guild intends to sell the market hall.", "to sell the market hall", "The guild", "intends"),
        # a nominal cue
        (
            "The mayor's belief that the pier can be saved is shared by few.",
            "that the pier can be saved",
            "The mayor's",
            "belief",
        ),
    ],
)
def test_a_belief_is_reported_with_its_holder(
    nlp: Language, finder: QuoteFinder, text: str, content: str, speaker: str, cue: str
) -> None:
    assert typed(nlp, finder, text) == [(content, speaker, cue, "belief")]


@pytest.mark.parametrize(
    "text",
    [
        # no one holds these: the writer's, or expletive subjects
        "It is certain that the lock gates will fail.",
        "It is believed that the fire started in the boathouse.",
        # denied or not held
        "Growers are not worried that the river will flood.",
        "Brenner does not believe that the levy will pass.",
        # a passive stance with no source, a plan (a schedule, not a belief)
        "Brenner is expected to win the seat.",
        "Brenner planned to campaign in Oskeby on Friday.",
        # "hops" and "hopped" are the verb "hop"
        "The rabbit hopped across the lawn and hops back at dusk.",
    ],
)
def test_no_belief_without_a_holder(nlp: Language, finder: QuoteFinder, text: str) -> None:
    assert typed(nlp, finder, text) == []


def test_a_belief_inside_a_statement_is_the_statements(nlp: Language, finder: QuoteFinder) -> None:
    text = "Brenner said she believes the levy is fair."
    assert typed(nlp, finder, text) == [("she believes the levy is fair", "Brenner", "said", "speech")]


def test_wanting_to_know_is_the_question_not_an_intention(nlp: Language, finder: QuoteFinder) -> None:
    text = "Harbour traders wanted to know if the night ferry would keep running."
    assert [q[0] for q in typed(nlp, finder, text)] == ["if the night ferry would keep running"]


def test_speech_cues_stay_speech(nlp: Language, finder: QuoteFinder) -> None:
    text = 'Brenner said the levy was fair. "We will win," she added.'
    assert [q[3] for q in typed(nlp, finder, text)] == ["speech", "speech"]


def test_a_quotation_in_marks_is_said_whatever_its_cue(nlp: Language, finder: QuoteFinder) -> None:
    text = '"The gates will hold," Brenner believes.'
    assert [(q[2], q[3]) for q in typed(nlp, finder, text)] == [("believes", "speech")]


def test_a_statement_inside_a_belief_is_kept(nlp: Language, finder: QuoteFinder) -> None:
    # the nesting rule keeps the longer candidate; a belief never swallows a statement
    text = "Brenner wants voters to know that she said the levy was unfair."
    assert typed(nlp, finder, text) == [("the levy was unfair", "she", "said", "speech")]


def test_a_wish_for_someone_else_to_act(nlp: Language, finder: QuoteFinder) -> None:
    text = "Other councillors want Brenner to push for a new levy."
    assert typed(nlp, finder, text) == [
        ("Brenner to push for a new levy", "Other councillors", "want", "belief")
    ]


def test_believing_in_something(nlp: Language, finder: QuoteFinder) -> None:
    text = "Growers still believe in the old cooperative."
    assert typed(nlp, finder, text) == [("the old cooperative", "Growers", "believe", "belief")]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Brenner's fear that the pier will close is shared by traders.",
            "that the pier will close",
            "Brenner's",
            "fear",
        ),
        (
            "Traders voiced concern that the new levy would drive shoppers away.",
            "that the new levy would drive shoppers away",
            "Traders",
            "concern",
        ),
    ],
)
def test_a_belief_noun_with_a_holder(
    nlp: Language, finder: QuoteFinder, text: str, content: str, speaker: str, cue: str
) -> None:
    assert typed(nlp, finder, text) == [(content, speaker, cue, "belief")]


def test_a_belief_noun_with_no_holder_is_dropped(nlp: Language, finder: QuoteFinder) -> None:
    assert typed(nlp, finder, "There are fears that the pier will close.") == []
    assert typed(nlp, finder, "No trader backs Lund in hope that his levy will be dropped.") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue", "cue_type"),
    [
        (
            "Brenner's most serious claim is that the harbour board hid the figures.",
            "that the harbour board hid the figures",
            "Brenner's",
            "claim",
            "speech",
        ),
        (
            "Her view is that the levy should be scrapped.",
            "that the levy should be scrapped",
            "Her",
            "view",
            "belief",
        ),
    ],
)
def test_a_cue_noun_equated_with_a_that_clause(
    nlp: Language, finder: QuoteFinder, text: str, content: str, speaker: str, cue: str, cue_type: str
) -> None:
    assert typed(nlp, finder, text) == [(content, speaker, cue, cue_type)]


def test_a_noun_that_is_no_cue_equated_with_a_clause_is_nothing(nlp: Language, finder: QuoteFinder) -> None:
    assert typed(nlp, finder, "The problem is that the levy is too high.") == []
