"""TIMEX3 durations and sets as business and wire copy writes them (invented sentences).

"two and one-half years", "20 business days", "each trading day", "a period of six months", "years
of losses", a rate before its verb ("30,000 riders a day use it") or after a percentage ("6% a
year"), and "last" as a verb ("will last three hours": the span is the count, not "last three
hours").
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.dating import dates_in

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates.durations import duration_value, set_value

REF = dt.date(2026, 3, 12)  # a Thursday


def run(nlp: Language, text: str) -> dict[str, tuple[object, object]]:
    return {text: (kind, value) for text, (value, kind) in dates_in(nlp, text, REF).items()}


@pytest.mark.parametrize(
    "text, value",
    [
        ("two and one-half years", "P2Y6M"),
        ("three and one half months", "P3.5M"),
        ("a year and one-half", "P1Y6M"),
        ("20 business days", "P20D"),
        ("eight trading days", "P8D"),
        ("a period of six months", "P6M"),
        ("a span of five years", "P5Y"),
        ("the space of a week", "P1W"),
    ],
)
def test_business_forms_of_a_duration(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize("text", ["a period of time", "the period", "the start of the month"])
def test_a_period_without_a_length_has_no_value(text: str) -> None:
    assert duration_value(text) is None


def test_a_set_of_trading_days() -> None:
    assert set_value("each trading day") == "P1D"


@pytest.mark.parametrize(
    "sentence, span, kind, value",
    [
        ("The Pellam inquiry ran two and one-half years.", "two and one-half years", "duration", "P2Y6M"),
        ("Talks at Korvin Steel broke down after a year and one-half of meetings.", "a year and one-half",
         "duration", "P1Y6M"),
        ("Holders of Dastry shares have 20 business days to accept.", "20 business days", "duration",
         "P20D"),
        ("Orvale stock lost a third of its value in eight trading days.", "eight trading days", "duration",
         "P8D"),
        ("The Wendle fund is priced at the close of each trading day.", "each trading day", "set", "P1D"),
        ("The Brask lease runs to 2031, a span of five years.", "a span of five years", "duration", "P5Y"),
        ("Farmers around Tolby faced years of drought.", "years", "duration", "PXY"),
        ("Some 30,000 riders a day use the Harlen ferry.", "a day", "set", "P1D"),
        ("Rents on the Kelby estate rose 6% a year.", "a year", "set", "P1Y"),
        ("Prices in Dorland have climbed 4 percent a year since the flood.", "a year", "set", "P1Y"),
        ("The Quenby hearing will last three hours.", "three hours", "duration", "PT3H"),
        ("The Ostrow strike is expected to last about 90 days.", "about 90 days", "duration", "P90D"),
    ],
)  # fmt: skip
def test_business_durations_and_sets_in_a_sentence(
    nlp: Language, sentence: str, span: str, kind: str, value: str
) -> None:
    assert run(nlp, sentence)[span] == (kind, value)


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("Residents over 65 years of age ride the Carrow buses free.", "65 years"),
        ("Visitors to the Fallon inn find the hours of business on the door.", "hours"),
        ("Pupils at Merrin school learn the days of the week.", "days"),
    ],
)
def test_an_age_or_a_named_span_of_the_clock_is_no_duration(nlp: Language, sentence: str, span: str) -> None:
    assert span not in run(nlp, sentence)


def test_the_month_may_before_last_year_is_no_verb(nlp: Language) -> None:
    assert run(nlp, "The Delby council met in May last year.")["May last year"] == ("date", "2025-05")


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Police in Corvale were called at about 2:15 this morning.", "about 2:15 this morning",
         "2026-03-12T02:15"),
        ("The Tolby council meets at 6:30 tonight.", "6:30 tonight", "2026-03-12T18:30"),
        ("The Harlen ferry sank at 7:40 on Friday evening.", "7:40 on Friday evening", "2026-03-06T19:40"),
        ("The Penrow ceremony starts at 5 p.m. Friday evening.", "5 p.m. Friday evening", "2026-03-13T17:00"),
        ("The Ashby shooting happened at 11:20 yesterday morning.", "11:20 yesterday morning",
         "2026-03-11T11:20"),
    ],
)  # fmt: skip
def test_a_clock_time_read_in_the_part_of_the_day_written_with_it(
    nlp: Language, sentence: str, span: str, value: str
) -> None:
    assert run(nlp, sentence) == {span: ("time", value)}
