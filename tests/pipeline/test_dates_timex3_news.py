"""TIMEX3 durations, sets and times as news writes them (a probe of invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.dating import dates_in

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates.durations import duration_value, set_value
from quotemine.pipeline.dates.timex import Context, TimexResolver

REF = dt.date(2026, 3, 12)  # a Thursday


def run(nlp: Language, text: str) -> dict[str, tuple[object, object]]:
    return {text: (kind, value) for text, (value, kind) in dates_in(nlp, text, REF).items()}


@pytest.mark.parametrize(
    "text, value",
    [
        ("two and a half years", "P2Y6M"),
        ("the past two and a half years", "P2Y6M"),
        ("2 and a half hours", "PT2H30M"),
        ("one and a half days", "P1DT12H"),
        ("six and a half months", "P6.5M"),
        ("a month and a half", "P1.5M"),
        ("a single day", "P1D"),
    ],
)
def test_a_half_before_the_unit_and_fractions_of_months(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("every saturday morning", "XXXX-WXX-6TMO"),
        ("each friday night", "XXXX-WXX-5TNI"),
        ("friday nights", "XXXX-WXX-5TNI"),
        ("sunday mornings", "XXXX-WXX-7TMO"),
    ],
)
def test_a_weekday_and_its_part_as_a_habit(text: str, value: str) -> None:
    assert set_value(text) == value


@pytest.mark.parametrize("text", ["all nights", "summer nights"])
def test_a_part_of_the_day_without_a_weekday_is_no_habit(text: str) -> None:
    assert set_value(text) is None


@pytest.mark.parametrize(
    "sentence, span, kind, value",
    [
        ("The Brennock quarry ships 400 tonnes per day.", "per day", "set", "P1D"),
        ("The Halloway shelter will stay open for a fortnight.", "a fortnight", "duration", "P2W"),
        ("Volunteers in Tarsby deliver meals every Saturday morning.", "every Saturday morning", "set",
         "XXXX-WXX-6TMO"),
        ("The Copper Kettle band plays on Friday nights.", "Friday nights", "set", "XXXX-WXX-5TNI"),
        ("Ilse Marrow served two and a half years as treasurer.", "two and a half years", "duration",
         "P2Y6M"),
        ("The Orlen accord has held for a quarter of a century.", "a quarter of a century", "duration",
         "P25Y"),
        ("Trading on the Vessa exchange resumed in the afternoon.", "the afternoon", "time", "2026-03-12TAF"),
    ],
)  # fmt: skip
def test_news_durations_sets_and_times(
    nlp: Language, sentence: str, span: str, kind: str, value: str
) -> None:
    assert run(nlp, sentence)[span] == (kind, value)


@pytest.mark.parametrize(
    "sentence, clock, value",
    [
        ("The Dunmere raid began shortly after 6 a.m. on Saturday.", "6 a.m.", "2026-03-07T06:00"),
        ("The Fenwick offer expires at 5 p.m. EST on March 30.", "5 p.m. EST", "2026-03-30T17:00"),
    ],
)  # fmt: skip
def test_a_clock_time_takes_the_day_written_after_it(
    nlp: Language, sentence: str, clock: str, value: str
) -> None:
    found = run(nlp, sentence)
    times = {text: v for text, (kind, v) in found.items() if kind == "time" and clock in text}
    assert list(times.values()) == [value]


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Alda Brisk told the morning talk show on state radio that she would stand.", "morning"),
        ("Mayor Alda Brisk said on the channel's morning news program that she would stand.", "morning"),
        ("Rents in Quillan climb by an annual rise set by the council.", "annual"),
        ("Rendale Corp. posted its first quarterly loss.", "quarterly"),
        ("The Quillan council sets a seasonally weak budget each year.", "seasonally"),
        ("The Skerry plant measured 40 million readings per second.", "per second"),
    ],
)
def test_a_rate_or_part_of_the_day_before_a_noun_is_no_time(nlp: Language, sentence: str, word: str) -> None:
    assert not any(word in text for text in run(nlp, sentence))


def test_the_end_of_the_decade_is_a_date(resolver: TimexResolver) -> None:
    tx = resolver.resolve("the end of the decade", Context(REF))
    assert tx is not None and (tx.type, tx.value, tx.modifier) == ("date", "202X", "late")


@pytest.mark.parametrize(
    "sentence, span, kind, value",
    [
        ("The Kestrel ferry port handles two million passengers a year.", "a year", "set", "P1Y"),
        ("The Marlow clinic sees 300 patients a week.", "a week", "set", "P1W"),
        ("The Anselm food bank feeds 200 families a month.", "a month", "set", "P1M"),
        ("The Tolland Herald column appears fortnightly.", "fortnightly", "set", "P2W"),
        ("The Carrow fixture was postponed for a week.", "a week", "duration", "P1W"),
    ],
)
def test_a_unit_after_a_counted_noun_is_a_rate(
    nlp: Language, sentence: str, span: str, kind: str, value: str
) -> None:
    assert run(nlp, sentence)[span] == (kind, value)


def test_the_minute_of_a_match_is_no_time(nlp: Language) -> None:
    found = run(nlp, "Pell Rovers striker Aron Vale scored in the 89th minute.")
    assert not any("minute" in text for text in found)


def test_the_early_hours_are_no_span_of_time(nlp: Language, resolver: TimexResolver) -> None:
    assert resolver.resolve("the early hours", Context(REF)) is None
    found = run(nlp, "Tam Oduya was found by a neighbour in the early hours, police said.")
    assert all(kind != "duration" for kind, _ in found.values())


@pytest.mark.parametrize(
    "text, value",
    [
        ("two years and four months", "P2Y4M"),
        ("three hours and 20 minutes", "PT3H20M"),
        ("three days and 4 hours", "P3DT4H"),
        ("one week and three days", "P1W3D"),
    ],
)
def test_a_duration_in_two_units(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize("text", ["four months and two years", "two days and a night", "years and years"])
def test_two_durations_that_do_not_add_up_to_one(text: str) -> None:
    assert duration_value(text) is None


@pytest.mark.parametrize(
    "sentence, span, kind, value",
    [
        ("Judge Orla Finch jailed Dev Marten for two years and four months.", "two years and four months",
         "duration", "P2Y4M"),
        ("The Selby ward has been closed for the past fortnight.", "the past fortnight", "duration", "P2W"),
        ("Members of the Ashcombe club pay 40 pounds per annum.", "per annum", "set", "P1Y"),
    ],
)  # fmt: skip
def test_british_court_and_council_spans(
    nlp: Language, sentence: str, span: str, kind: str, value: str
) -> None:
    assert run(nlp, sentence)[span] == (kind, value)


def test_a_range_of_counts_stays_two_durations(nlp: Language) -> None:
    found = run(nlp, "The Penrose repairs will take between two and four weeks.")
    assert sorted(v for kind, v in found.values() if kind == "duration") == ["P2W", "P4W"]


def test_the_quarter_a_figure_covers_is_its_span(nlp: Language) -> None:
    found = run(nlp, "Brackley Tools said its margin narrowed in the quarter ended Feb. 28.")
    assert found["the quarter"] == ("duration", "P1Q")
    assert found["Feb. 28"] == ("date", "2026-02-28")
