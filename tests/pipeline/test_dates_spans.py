"""Durations, sets and compact ranges as general language (issue 12): offsets that are durations,
counts standing alone, ranges of counts, frequencies and rates, "March 3-5" and "1995-98".

Every sentence here is invented.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates import DateResolver
from quotemine.pipeline.dates.compact import compact_end, offset_duration, split_count_range
from quotemine.pipeline.dates.durations import duration_value, set_value

REF = dt.date(2021, 6, 16)  # a Wednesday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


def run(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    doc: Doc = nlp(text)
    doc._.qm_published = REF.isoformat()
    DateResolver(nlp, "quotemine_dates")(doc)
    out = []
    for d in doc._.qm_dates:
        assert doc.text[d["start"] : d["end"]]  # offsets hold
        out.append((doc.text[d["start"] : d["end"]], str(d["type"]), d["value"]))
    return out


# ------------------------------------------------------------------------ pure functions
@pytest.mark.parametrize(
    "text, value",
    [
        ("more than four decades ago", "P40Y"),  # a bound: no calendar point
        ("just over an hour later", "PT1H"),  # units of the day
        ("months ago", "PXM"),  # no count at all
        ("twenty minutes earlier", "PT20M"),
    ],
)
def test_offsets_that_are_durations(text: str, value: str) -> None:
    assert offset_duration(text) == value


@pytest.mark.parametrize(
    "text", ["two years ago", "a week later", "a few years ago", "about a month earlier"]
)
def test_offsets_that_name_a_date_stay_dates(text: str) -> None:
    assert offset_duration(text) is None


def test_a_comparison_makes_any_offset_a_duration() -> None:
    assert offset_duration("a month earlier", comparative=True) == "P1M"


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("two to six days", "P2D", "P6D"),
        ("10-15 years", "P10Y", "P15Y"),
        ("three or four weeks", "P3W", "P4W"),
    ],
)
def test_a_range_of_counts_splits_into_two_durations(text: str, first: str, second: str) -> None:
    parts = split_count_range(text)
    assert parts is not None
    (a_end, a_value), (b_start, b_value) = parts
    assert (a_value, b_value) == (first, second)
    assert text[:a_end].split()[0] == text.split()[0].split("-")[0]
    assert text[b_start:].endswith(text.split()[-1])


@pytest.mark.parametrize("text", ["twenty-five years", "six to two days", "18 months"])
def test_no_range_where_the_counts_do_not_rise(text: str) -> None:
    assert split_count_range(text) is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("twice a year", "P1Y"),
        ("three times a week", "P1W"),
        ("once a month", "P1M"),
        ("every few months", "PXM"),
    ],
)
def test_frequencies_are_sets_with_their_period(text: str, value: str) -> None:
    assert set_value(text) == value


def test_compact_ends() -> None:
    text = "Open March 3-5, 2020 and in 1995-98 and 1998-03."
    s = text.index("3-5") + 1
    assert compact_end(text, s, "2021-03-03") == (s + 1, s + 2, "2020-03-05", "2020")
    y = text.index("1995") + 4
    assert compact_end(text, y, "1995") == (y + 1, y + 3, "1998", None)
    z = text.index("1998-") + 4
    assert compact_end(text, z, "1998") is None  # "1998-03" is no later year


# ------------------------------------------------------------------------ in running text
def test_a_bound_offset_is_one_duration(nlp: Language) -> None:
    found = run(nlp, "The Oster guild was founded more than four decades ago in a barn.")
    assert ("more than four decades ago", "duration", "P40Y") in found
    assert not any(t == "date" for _, t, _ in found)


def test_an_offset_in_hours_is_a_duration(nlp: Language) -> None:
    assert ("just over an hour later", "duration", "PT1H") in [
        (x.lower(), t, v) for x, t, v in run(nlp, "Just over an hour later, the Varn ferry docked.")
    ]


def test_earlier_than_usual_is_a_duration(nlp: Language) -> None:
    assert ("a month earlier", "duration", "P1M") in run(
        nlp, "The Quell orchard bloomed a month earlier than usual."
    )


def test_later_this_week_stays_a_date(nlp: Language) -> None:
    found = run(nlp, "Ms. Brask will reply 30 minutes later this week.")
    assert ("later this week", "date", "2021-W24") in found


def test_a_count_standing_alone_is_a_duration(nlp: Language) -> None:
    assert ("18 months", "duration", "P18M") in run(nlp, "The Dunmere strike lasted 18 months.")


def test_a_range_of_counts_gives_two_items(nlp: Language) -> None:
    found = run(nlp, "Repairs at the Kessock depot take between two and four weeks.")
    assert [(x, v) for x, t, v in found if t == "duration"] == [("two", "P2W"), ("four weeks", "P4W")]


def test_frequency_and_rate_are_sets(nlp: Language) -> None:
    assert ("twice a year", "set", "P1Y") in run(nlp, "The Pellow board meets twice a year.")
    assert ("a year", "set", "P1Y") in run(nlp, "The Ambrel post pays $40,000 a year.")


def test_a_year_of_something_is_no_rate(nlp: Language) -> None:
    assert ("a year", "duration", "P1Y") in run(nlp, "It was a year of turmoil for the Corrin guild.")


def test_compact_day_range_gives_both_ends(nlp: Language) -> None:
    found = run(nlp, "The Tarrow fair ran March 3-5 in the old market.")
    assert ("March 3", "date", "2021-03-03") in found and ("5", "date", "2021-03-05") in found


def test_compact_year_range_gives_both_ends(nlp: Language) -> None:
    found = run(nlp, "Wages at Feldry Mills fell in 1995-98.")
    assert ("1995", "date", "1995") in found and ("98", "date", "1998") in found


def test_a_day_and_a_count_are_no_range(nlp: Language) -> None:
    found = run(nlp, "The Harle crews met on May 4 and 5 people were hurt.")
    assert [x for x, _, _ in found] == ["May 4"]


# ------------------------------------------------------------------------ anchored units
def test_the_next_day_counts_from_the_date_last_named(nlp: Language) -> None:
    found = run(nlp, "The Varn talks opened on March 3 and closed the next day.")
    assert ("the next day", "date", "2021-03-04") in found


def test_the_day_before_counts_from_the_date_last_named(nlp: Language) -> None:
    found = run(nlp, "Ms. Pell arrived on May 2, 2019; her partner had come the day before.")
    assert ("the day before", "date", "2019-05-01") in found


def test_the_day_after_an_event_is_no_anchored_day(nlp: Language) -> None:
    found = run(nlp, "The day after the vote, the mayor of Quenby resigned.")
    assert not any(t == "date" for _, t, _ in found)


def test_two_units_on(nlp: Language) -> None:
    assert ("the week after next", "date", "2021-W26") in run(
        nlp, "The Brisk board will vote the week after next."
    )
    assert ("the month before last", "date", "2021-04") in run(
        nlp, "Tolls at Harrowgate rose the month before last."
    )


def test_the_same_week_with_nothing_named_before_has_no_invented_value(nlp: Language) -> None:
    found = run(nlp, "The Sorrel guild met the same week the mill closed.")
    assert not any(t == "date" for _, t, _ in found)


# ------------------------------------------------------------------------ counts, periods, weekdays
@pytest.mark.parametrize(
    "text, value",
    [
        ("the past year", "P1Y"),
        ("the past decade", "P10Y"),
        ("recent years", "PXY"),
        ("all day", "P1D"),
        ("a half-hour", "PT30M"),
    ],
)
def test_a_singular_unit_after_past_counts_one(text: str, value: str) -> None:
    assert duration_value(text) == value


def test_every_other_weekday_is_a_set_on_that_weekday(nlp: Language) -> None:
    found = run(nlp, "Members of the Calder club meet every other Thursday.")
    assert found == [("every other Thursday", "set", "XXXX-WXX-4")]


def test_days_a_week_is_a_rate(nlp: Language) -> None:
    # one set, as "three times a week": the days counted are how often, no span of seven days
    assert run(nlp, "The Ferrin shop is open seven days a week.") == [("seven days a week", "set", "P1W")]


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Nurses at the Pellow ward work four nights a week.", "four nights a week"),
        ("The Arncliffe library opens two days a month.", "two days a month"),
        ("Ms. Varga swims five mornings a week.", "five mornings a week"),
    ],
)
def test_counted_days_a_period_are_one_set(nlp: Language, sentence: str, text: str) -> None:
    found = run(nlp, sentence)
    assert [f for f in found if f[1] != "set"] == []
    assert found[0][0] == text and found[0][1] == "set"


def test_the_year_ended_is_the_span_a_figure_covers(nlp: Language) -> None:
    found = run(nlp, "Tarbell Ltd lost money for the year ended March 31.")
    assert ("the year", "duration", "P1Y") in found
    assert any(x == "March 31" and t == "date" for x, t, _ in found)


def test_set_for_a_weekday_looks_ahead(nlp: Language) -> None:
    assert ("Friday", "date", "2021-06-18") in run(nlp, "The Hollin council vote is set for Friday.")


def test_a_clock_time_with_its_zone_holds_its_weekday(nlp: Language) -> None:
    found = run(nlp, "The Brenna storm hit at 3 p.m. EST on Tuesday.")
    assert found == [("3 p.m. EST on Tuesday", "time", "2021-06-15T15:00")]


def test_a_clock_time_written_close_has_a_value(nlp: Language) -> None:
    found = run(nlp, "The Garth shop opens from 5 to 6pm.")
    assert ("6pm", "time", "2021-06-16T18:00") in found
    assert all(v is not None for _, t, v in found if t == "time")  # no bare twin without a value


def test_the_ordinal_second_is_no_duration(nlp: Language) -> None:
    """ "a second accident" counts accidents; "30 seconds" is a duration."""
    assert not [
        d for d in run(nlp, "It happened after a second accident on the bridge.") if d[1] == "duration"
    ]
    assert ("30 seconds", "duration", "PT30S") in run(nlp, "The test took 30 seconds.")
