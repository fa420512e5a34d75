"""The whole of TIMEX3: durations, times and sets with values, and the calendar bounds of a value."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates import DateResolver
from quotemine.pipeline.dates.bounds import value_bounds
from quotemine.pipeline.dates.durations import duration_value, set_value
from quotemine.pipeline.dates.timex import Context, TimexResolver

REF = dt.date(2003, 1, 10)  # a Friday


def run(nlp: Language, text: str) -> dict[str, dict[str, object]]:
    doc: Doc = nlp(text)
    doc._.qm_published = REF.isoformat()
    DateResolver(nlp, "quotemine_dates")(doc)
    return {doc.text[d["start"] : d["end"]]: dict(d) for d in doc._.qm_dates}


@pytest.mark.parametrize(
    "text, value",
    [
        ("three years", "P3Y"),
        ("18 months", "P18M"),
        ("some months", "PXM"),
        ("a decade", "P10Y"),
        ("past two weeks", "P2W"),
        ("2 1/2 years", "P2Y6M"),
        ("a year and a half", "P1Y6M"),
        ("two-year", "P2Y"),
        ("half an hour", "PT30M"),
        ("an hour and a half", "PT1H30M"),
        ("one minute", "PT1M"),
        ("last quarter-century", "P25Y"),
        ("half a century", "P50Y"),
        ("more than four decades", "P40Y"),
        ("first nine months", "P9M"),
        ("the fiscal year", "P1Y"),
        ("recent months", "PXM"),
        ("several quarters", "PXQ"),
        ("a couple of weeks", "P2W"),
        ("hundreds of years", "PXY"),
        ("twenty-five years", "P25Y"),
        ("up to 180 days", "P180D"),
        ("decades-long", "PXY"),
    ],
)
def test_duration_values(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize("text", ["12 of next month", "end of the year", "march", "the day after"])
def test_no_duration_without_a_span_of_time(text: str) -> None:
    assert duration_value(text) is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("every tuesday", "XXXX-WXX-2"),
        ("each monday", "XXXX-WXX-1"),
        ("daily", "P1D"),
        ("annually", "P1Y"),
        ("each month", "P1M"),
        ("every day", "P1D"),
        ("every two years", "P2Y"),
        ("every other week", "P2W"),
        ("every summer", "XXXX-SU"),
        ("every march", "XXXX-03"),
        ("every morning", "XXXX-XX-XXTMO"),
        ("quarterly", "P1Q"),
        ("hourly", "PT1H"),
        ("tuesdays", "XXXX-WXX-2"),
        ("sundays", "XXXX-WXX-7"),
        ("weekends", "XXXX-WXX-WE"),
    ],
)
def test_set_values(text: str, value: str) -> None:
    assert set_value(text) == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("5 p.m. Friday", "2003-01-10T17:00"),
        ("10:30 a.m. yesterday", "2003-01-09T10:30"),
        ("tonight", "2003-01-10TNI"),
        ("this morning", "2003-01-10TMO"),
        ("this afternoon", "2003-01-10TAF"),
        ("last night", "2003-01-09TNI"),
        ("at noon", "2003-01-10T12:00"),
        ("midnight", "2003-01-10T24:00"),
        ("12:15 a.m. Thursday", "2003-01-09T00:15"),
        ("12 noon", "2003-01-10T12:00"),
        ("eight o'clock", "2003-01-10T08:00"),
        ("at 9 o'clock tuesday", "2003-01-07T09:00"),
    ],
)
def test_times_of_day(resolver: TimexResolver, text: str, value: str) -> None:
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None and (tx.type, tx.value) == ("time", value)


def test_a_clock_time_in_words_keeps_its_value_and_span(nlp: Language) -> None:
    found = run(nlp, "The Orvane ferry sails at 12 noon and docks at eight o'clock.")
    assert found["12 noon"]["value"] == "2003-01-10T12:00"
    assert found["eight o'clock"]["value"] == "2003-01-10T08:00"


@pytest.mark.parametrize(
    "text, value",
    [
        ("the first nine months of the year", "P9M"),
        ("the first six months of this year", "P6M"),
        ("the first nine months of fiscal 1989", "P9M"),
    ],
)
def test_a_span_of_time_within_a_named_period_keeps_its_length(
    resolver: TimexResolver, text: str, value: str
) -> None:
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None and (tx.type, tx.value) == ("duration", value)


def test_a_time_without_a_day_leans_on_the_day_last_named(resolver: TimexResolver) -> None:
    tx = resolver.resolve("the morning", Context(REF, anchor="2003-01-07"))
    assert tx is not None and tx.value == "2003-01-07TMO"


def test_overnight_is_the_night_before_the_day_in_focus(resolver: TimexResolver) -> None:
    tx = resolver.resolve("overnight", Context(REF, anchor="2003-01-07"))
    assert tx is not None and tx.value == "2003-01-06TNI"
    tx = resolver.resolve("tonight", Context(REF, anchor="2003-01-07"))
    assert tx is not None and tx.value == "2003-01-10TNI"


def test_a_time_without_a_publication_date_has_no_value(resolver: TimexResolver) -> None:
    tx = resolver.resolve("tonight", Context(None))
    assert tx is not None and tx.type == "time" and tx.value is None


@pytest.mark.parametrize(
    "value, start, end",
    [
        ("2003-01-07", "2003-01-07", "2003-01-07"),
        ("2003-03", "2003-03-01", "2003-03-31"),
        ("2004-02", "2004-02-01", "2004-02-29"),
        ("2003-W11", "2003-03-10", "2003-03-16"),
        ("2003-W02-WE", "2003-01-11", "2003-01-12"),
        ("2003-Q1", "2003-01-01", "2003-03-31"),
        ("2003-Q4", "2003-10-01", "2003-12-31"),
        ("2003-H1", "2003-01-01", "2003-06-30"),
        ("2003-H2", "2003-07-01", "2003-12-31"),
        ("2003-SU", "2003-06-01", "2003-08-31"),
        ("2002-WI", "2002-12-01", "2003-02-28"),
        ("2003", "2003-01-01", "2003-12-31"),
        ("199X", "1990-01-01", "1999-12-31"),
        ("199", "1990-01-01", "1999-12-31"),
        ("19", "1900-01-01", "1999-12-31"),
        ("2003-01-10T17:00", "2003-01-10", "2003-01-10"),
        ("2003-01-10TNI", "2003-01-10", "2003-01-10"),
    ],
)
def test_value_bounds(value: str, start: str, end: str) -> None:
    assert value_bounds(value) == (start, end)


@pytest.mark.parametrize(
    "value", [None, "", "P3Y", "XXXX-11-29", "XXXX-WXX-2", "PRESENT_REF", "2003-02-30", "2019-W53"]
)
def test_no_bounds_for_durations_sets_and_open_values(value: str | None) -> None:
    assert value_bounds(value) is None


# ------------------------------------------------------------------------ in running text
def test_durations_in_text_carry_values(nlp: Language) -> None:
    found = run(nlp, "The Halvard mill has run for three years and will close within 18 months.")
    assert (found["three years"]["type"], found["three years"]["value"]) == ("duration", "P3Y")
    within = next(d for t, d in found.items() if "18 months" in t)
    assert (within["type"], within["value"]) == ("duration", "P18M")


def test_a_quarter_century_is_a_duration_not_a_quarter(nlp: Language) -> None:
    found = run(nlp, "Rents in Tolbury have fallen over the last quarter-century.")
    assert [(d["type"], d["value"]) for d in found.values()] == [("duration", "P25Y")]


def test_years_left_in_office_are_a_duration(nlp: Language) -> None:
    found = run(nlp, "Mayor Penwick has two years left in office.")
    assert found["two years"]["type"] == "duration" and found["two years"]["value"] == "P2Y"


def test_a_set_holds_its_weekday(nlp: Language) -> None:
    found = run(nlp, "The Corvel market opens every Tuesday, and its paper comes out daily.")
    assert (found["every Tuesday"]["type"], found["every Tuesday"]["value"]) == ("set", "XXXX-WXX-2")
    assert (found["daily"]["type"], found["daily"]["value"]) == ("set", "P1D")
    assert "Tuesday" not in found


def test_a_plural_weekday_is_a_habit(nlp: Language) -> None:
    found = run(nlp, "The Orvane library shuts on Tuesdays, and its cafe opens only on weekends.")
    assert (found["Tuesdays"]["type"], found["Tuesdays"]["value"]) == ("set", "XXXX-WXX-2")
    assert (found["weekends"]["type"], found["weekends"]["value"]) == ("set", "XXXX-WXX-WE")


def test_a_count_of_weekdays_back_is_a_date_not_a_habit(nlp: Language) -> None:
    found = run(nlp, "Two Sundays ago the Orvane choir sang in Mellby.")
    assert (found["Two Sundays ago"]["type"], found["Two Sundays ago"]["value"]) == ("date", "2002-12-29")


@pytest.mark.parametrize(
    "text, span, span_value, date, date_value",
    [
        ("The Brisa rebels held Tarn for 10 days last month.", "10 days", "P10D", "last month", "2002-12"),
        ("Workers at Olden Mills struck for two weeks last year.", "two weeks", "P2W", "last year", "2002"),
    ],
)
def test_a_span_of_time_then_its_date_are_two_expressions(
    nlp: Language, text: str, span: str, span_value: str, date: str, date_value: str
) -> None:
    found = run(nlp, text)
    assert (found[span]["type"], found[span]["value"]) == ("duration", span_value)
    assert (found[date]["type"], found[date]["value"]) == ("date", date_value)


def test_a_month_abbreviated_without_its_period_after_a_preposition(nlp: Language) -> None:
    found = run(nlp, "The Pelham lease ends in Feb, and Jan Orrin will move out after Sept.")
    assert found["Feb"]["value"] == "2003-02"
    assert "Sept" in found or "Sept." in found
    assert "Jan" not in found and "Jan Orrin" not in found


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("In the past, the Varro dam flooded often.", "the past", "PAST_REF"),
        ("At present the Varro port handles 40 ships.", "At present", "PRESENT_REF"),
        ("In the near future the Varro port will grow.", "the near future", "FUTURE_REF"),
        ("At the moment, the Varro mine is shut.", "the moment", "PRESENT_REF"),
        ("The Varro mine is shut at the moment.", "the moment", "PRESENT_REF"),
    ],
)
def test_timeml_reference_phrases(nlp: Language, text: str, span: str, value: str) -> None:
    assert run(nlp, text)[span]["value"] == value


@pytest.mark.parametrize(
    "text",
    ["At the moment of impact the Varro van was empty.", "Mr. Osk left at the moment Ms. Vey arrived."],
)
def test_the_moment_of_an_event_is_no_reference(nlp: Language, text: str) -> None:
    assert all(d["value"] != "PRESENT_REF" for d in run(nlp, text).values())


@pytest.mark.parametrize(
    "text", ["Sales at Varro fell over the past three years.", "The past president of the Varro guild spoke."]
)
def test_the_past_before_a_unit_or_a_noun_is_no_reference(nlp: Language, text: str) -> None:
    assert all(d["value"] != "PAST_REF" for d in run(nlp, text).values())


@pytest.mark.parametrize(
    "text, span, value",
    [
        (
            "The Tolby fee was paid on the 12th of the previous month.",
            "the 12th of the previous month",
            "2002-12-12",
        ),
        ("Rent at Tolby is due on the 5th of next month.", "the 5th of next month", "2003-02-05"),
        (
            "The Tolby board meets on the fifteenth of this month.",
            "the fifteenth of this month",
            "2003-01-15",
        ),
    ],
)
def test_a_day_of_a_month_named_by_its_place(nlp: Language, text: str, span: str, value: str) -> None:
    assert run(nlp, text)[span]["value"] == value


def test_times_in_text(nlp: Language) -> None:
    found = run(nlp, "Ms. Brannock spoke tonight in Veldon, and the board will vote at 5 p.m. Friday.")
    assert found["tonight"]["value"] == "2003-01-10TNI"
    clock = next(d for t, d in found.items() if t.startswith("5 p.m"))
    assert (clock["type"], clock["value"]) == ("time", "2003-01-10T17:00")


def test_a_named_event_is_not_this_years_date(nlp: Language) -> None:
    found = run(nlp, "Air travel in Corvel has changed since 9/11.")
    assert found["9/11"]["value"] == "2001-09-11"


def test_report_dates_carry_their_calendar_bounds(extractor: Any) -> None:
    report = extractor.extract(
        "The Halvard plant closed in March 2002 and will reopen in the second quarter, Ms. Osk said. "
        "It had run for three years.",
        published="2003-01-10",
    )
    by_text = {d.text: d for d in report.dates}
    march = by_text["March 2002"]
    assert (march.value_start, march.value_end) == ("2002-03-01", "2002-03-31")
    quarter = by_text["the second quarter"]
    assert (quarter.value, quarter.value_start, quarter.value_end) == ("2003-Q2", "2003-04-01", "2003-06-30")
    span = by_text["three years"]
    assert (span.type, span.value, span.value_start, span.value_end) == ("duration", "P3Y", None, None)


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The Tamm mill thinks it will be healthy soon.", "soon", "FUTURE_REF"),
    ],
)
def test_timeml_reference_words(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert run(nlp, sentence)[text]["value"] == value


def test_as_soon_as_is_no_reference_word(nlp: Language) -> None:
    assert "soon" not in run(nlp, "The Tamm mill will call as soon as it can.")


def test_two_centuries_are_centuries_not_days(nlp: Language) -> None:
    found = run(nlp, "Painters of the 20th and 21st centuries hang in the Orlo gallery.")
    assert (found["the 20th"]["value"], found["the 20th"]["granularity"]) == ("19", "century")
    assert found["21st centuries"]["value"] == "20"


@pytest.mark.parametrize(
    "text, value",
    [("the twenty-first century", "20"), ("the late 19th century", "18")],
)
def test_centuries_in_words(resolver: TimexResolver, text: str, value: str) -> None:
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None and tx.value == value


def test_a_lone_ordinal_is_still_a_day_of_the_month(nlp: Language) -> None:
    assert run(nlp, "The Orlo council votes on the 21st.")["the 21st"]["value"] == "2003-01-21"


def test_spans_of_time_the_entity_recogniser_misses(nlp: Language) -> None:
    found = run(
        nlp,
        "The Brill unit turned a profit after several quarters of losses. Ms. Lott spoke for over an hour.",
    )
    assert found["several quarters"]["value"] == "PXQ"
    assert found["an hour"]["value"] == "PT1H"
    assert "Two days later" in run(nlp, "Two days later the Brill unit was sold.")


def test_a_clock_time_keeps_its_period(nlp: Language) -> None:
    found = run(nlp, "The Orlo board voted at 5 p.m.")
    assert found["5 p.m."]["value"] == "2003-01-10T17:00"


@pytest.mark.parametrize(
    ("value", "modifier", "bounds"),
    [
        ("2024", "early", ("2024-01-01", "2024-05-01")),
        ("2024", "late", ("2024-09-01", "2024-12-31")),
        ("2003-11", "mid", ("2003-11-11", "2003-11-20")),
        ("2003-11-05", "late", ("2003-11-05", "2003-11-05")),  # one day: nothing to narrow
        ("2003-11", None, ("2003-11-01", "2003-11-30")),
    ],
)
def test_a_modifier_narrows_the_days_to_a_third(
    value: str, modifier: str | None, bounds: tuple[str, str]
) -> None:
    assert value_bounds(value, modifier) == bounds


def test_weekdays_joined_to_every_share_the_set(nlp: Language) -> None:
    found = run(nlp, "The Brackwell library opens every Monday, Wednesday and Friday until noon.")
    assert [(t, d["type"], d["value"]) for t, d in found.items() if t != "noon"] == [
        ("every Monday", "set", "XXXX-WXX-1"),
        ("Wednesday", "set", "XXXX-WXX-3"),
        ("Friday", "set", "XXXX-WXX-5"),
    ]


def test_a_weekday_after_a_set_in_another_clause_stays_a_date(nlp: Language) -> None:
    found = run(nlp, "The Orlen ferry sails every Sunday; on Thursday it broke down.")
    assert (found["every Sunday"]["type"], found["Thursday"]["type"]) == ("set", "date")
    assert found["Thursday"]["value"] == "2003-01-09"
