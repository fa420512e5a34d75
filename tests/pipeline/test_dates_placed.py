"""Days and weeks named by their place, and dates whose week or year a relative word names."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates import DateResolver
from quotemine.pipeline.dates.timex import Context, TimexResolver

REF = dt.date(2024, 9, 11)  # a Wednesday


@pytest.mark.parametrize(
    "text, direction, value",
    [
        # a week or a day by its place in a month or a year
        ("the second week of October", 1, "2024-W41"),  # October 1 is a Tuesday: W40 holds it
        ("the first week of March", -1, "2024-W09"),
        ("the final week of September", -1, "2024-W39"),  # not W40: only its Monday is September's
        ("the last day of the month", 0, "2024-09-30"),
        ("the first day of next month", 0, "2024-10-01"),
        ("the last day of February", -1, "2024-02-29"),
        ("the first day of next year", 0, "2025-01-01"),
        ("the final day of 2023", 0, "2023-12-31"),
        ("the second week of 2026", 0, "2026-W02"),  # the week-number rule still reads a year
        # counted back from the end
        ("the second last day of June", -1, "2024-06-29"),
        ("the third-last week of 2022", 0, "2022-W50"),
        # a weekday in a named month: "May" after "of" is the month, not the verb
        ("the second Thursday of May", -1, "2024-05-09"),
        ("the first Monday of May", 1, "2025-05-05"),
        # a weekday and its week
        ("Thursday next week", 0, "2024-09-19"),
        ("Monday last week", 0, "2024-09-02"),
        ("Friday this week", -1, "2024-09-13"),
        ("Tuesday after next", 0, "2024-09-24"),
        # a month or a day of it and its year
        ("August last year", 0, "2023-08"),
        ("January of next year", 0, "2025-01"),
        ("November 4 this year", -1, "2024-11-04"),
        ("the 9th of July last year", 0, "2023-07-09"),
        # a day of the month alone
        ("the 3rd", 0, "2024-09-03"),
        ("the 1st", 1, "2024-09-01"),
        ("the 28th", -1, "2024-08-28"),  # a later day in a past clause: last month's
        ("the 20th this month", -1, "2024-09-20"),
        ("the 2nd next month", 0, "2024-10-02"),
        # a year's quarter with the year as a possessive; a century written as its hundreds
        ("2019's third quarter", 0, "2019-Q3"),
        ("the 1800s", 0, "18"),
        ("the late 1900s", 0, "19"),
        ("the 1990s", 0, "199X"),  # a decade stays a decade
        ("the 2000s", 0, "200X"),
    ],
)
def test_placed_values(resolver: TimexResolver, text: str, direction: int, value: str) -> None:
    tx = resolver.resolve(text, Context(REF, direction))
    assert tx is not None and tx.type == "date"
    assert tx.value == value


def test_placed_day_past_the_month_is_no_date(resolver: TimexResolver) -> None:
    # February 2025 has four Thursdays and no 30th
    assert resolver.resolve("the fifth Thursday of February 2025", Context(REF)) is None
    tx = resolver.resolve("the 31st", Context(REF))  # September has 30 days
    assert tx is None or tx.value is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target, value",
    [
        ("The Harlow Trust will hold its auction on Thursday next week.", "Thursday next week", "2024-09-19"),
        ("The Pelton mill shut its doors in August last year.", "August last year", "2023-08"),
        ("Tenants must pay by the last day of the month.", "the last day of the month", "2024-09-30"),
        (
            "The ferry to Caldy resumes during the second week of October.",
            "the second week of October",
            "2024-W41",
        ),
        ("Ticket sales close on the 2nd last day of November.", "the 2nd last day of November", "2024-11-29"),
        ("Farmers in the valley grew flax in the 1700s.", "the 1700s", "17"),
        ("Orders at Vantor Mills fell in 2023's fourth quarter.", "2023's fourth quarter", "2023-Q4"),
        ("The Brenwick council votes Tuesday after next.", "Tuesday after next", "2024-09-24"),
    ],
)
def test_placed_in_running_text(nlp: Language, text: str, target: str, value: str) -> None:
    doc = nlp(text)
    doc._.qm_published = REF.isoformat()
    doc = DateResolver(nlp, "quotemine_dates")(doc)
    got = {doc.text[d["start"] : d["end"]]: d["value"] for d in doc._.qm_dates}
    assert got.get(target) == value, got


@pytest.mark.parametrize(
    "text, direction, value",
    [
        ("a week from Monday", -1, "2024-09-23"),  # the coming Monday, then a week on
        ("two weeks from Friday", 0, "2024-09-27"),
        ("three days from August 30", -1, "2024-09-02"),  # a named day keeps the tense's year
    ],
)
def test_span_from_a_weekday_counts_ahead(
    resolver: TimexResolver, text: str, direction: int, value: str
) -> None:
    tx = resolver.resolve(text, Context(REF, direction))
    assert tx is not None and tx.value == value
