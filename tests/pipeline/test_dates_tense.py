"""Year-less months and seasons follow the tense of their clause; weekdays follow a named day just before."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates import DateResolver
from quotemine.pipeline.dates.local import bare_weekday, weekday_near
from quotemine.pipeline.dates.ranges import link_ranges
from quotemine.pipeline.dates.timex import Context, TimexResolver
from quotemine.pipeline.dates.values import FIRM

REF = dt.date(2003, 1, 10)


@pytest.mark.parametrize(
    "text, direction, value",
    [
        ("February", -FIRM, "2002-02"),
        ("February", FIRM, "2003-02"),
        ("February", 0, "2003-02"),
        ("February", -1, "2003-02"),  # a weak past (an infinitive, a perfect): the nearest one
        ("January", -FIRM, "2003-01"),
        ("December", FIRM, "2003-12"),
        ("December", 0, "2002-12"),
        ("the spring", -FIRM, "2002-SP"),
        ("the spring", FIRM, "2003-SP"),
        ("last spring", FIRM, "2002-SP"),
    ],
)
def test_months_and_seasons_follow_the_tense(
    resolver: TimexResolver, text: str, direction: int, value: str
) -> None:
    tx = resolver.resolve(text, Context(REF, direction))
    assert tx is not None and tx.value == value


def test_a_past_season_in_autumn_is_this_years(resolver: TimexResolver) -> None:
    tx = resolver.resolve("the summer", Context(dt.date(2003, 10, 2), FIRM))
    assert tx is not None and tx.value == "2004-SU"


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The Dorvan board approved the budget in February.", "February", "2002-02"),
        ("The Dorvan board will vote on the budget in February.", "February", "2003-02"),
        ("Mr. Lund said the Tarrow plant closed in March.", "March", "2002-03"),
        ("Mr. Lund said he would resign in March.", "March", "2003-03"),
        ("The Tarrow plant closed in the spring.", "the spring", "2002-SP"),
        ("The Tarrow plant will reopen in the spring.", "the spring", "2003-SP"),
        ("The Kessel council plans to vote on Monday.", "Monday", "2003-01-13"),
        ("Ms. Kael broke her promise on Monday.", "Monday", "2003-01-06"),
        ("The Sarn lenders have extended the loans through January.", "January", "2003-01"),
        ("The Lorne survey is due by Aug. 3.", "Aug. 3", "2003-08-03"),
        ("The Pelham mill reopens in November.", "November", "2003-11"),
        ("The Varlow court adjourned until Thursday.", "Thursday", "2003-01-16"),
        ("The Varlow launch was postponed to Friday.", "Friday", "2003-01-10"),
        ("The Varlow vote was put off until December.", "December", "2003-12"),
        ("Mr. Orrin was remanded in custody until 14 January.", "14 January", "2003-01-14"),
        ("Ms. Kale was bailed until Jan. 24.", "Jan. 24", "2003-01-24"),
        ("The Varlow fixture was moved to Jan. 24.", "Jan. 24", "2003-01-24"),
        ("Mr. Ashe stayed in Varlow until Sunday.", "Sunday", "2003-01-05"),
        ("Analysts say the Pelham slump began in November.", "November", "2002-11"),
        ("The Lorne survey was due by Aug. 3.", "Aug. 3", "2002-08-03"),
    ],
)
def test_tense_in_running_text(nlp: Language, sentence: str, text: str, value: str) -> None:
    doc = nlp(sentence)
    doc._.qm_published = REF.isoformat()
    DateResolver(nlp, "quotemine_dates")(doc)
    found = {doc.text[d["start"] : d["end"]]: d["value"] for d in doc._.qm_dates}
    assert found[text] == value


# ------------------------------------------------------------- a dated event as local anchor
def test_local_anchor_weekday_near_a_named_day() -> None:
    monday = dt.date(2002, 11, 4)
    assert weekday_near(monday, 1, 0) == dt.date(2002, 11, 5)  # the Tuesday after
    assert weekday_near(monday, 4, 0) == dt.date(2002, 11, 1)  # the Friday before (three days back)
    assert weekday_near(monday, 4, 1) == dt.date(2002, 11, 8)  # a future clause: the Friday after
    assert weekday_near(monday, 0, -1) == monday
    assert bare_weekday("on Tuesday") == 1 and bare_weekday("last Tuesday") is None


def _dates(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    doc._.qm_published = REF.isoformat()
    DateResolver(nlp, "quotemine_dates")(doc)
    return [(doc.text[d["start"] : d["end"]], d["value"]) for d in doc._.qm_dates]


def test_weekdays_after_a_named_day_speak_of_its_week(nlp: Language) -> None:
    text = (
        "The Kessel council met on Nov. 4 to debate the levy. On Tuesday it voted for the plan, "
        "and the mayor will sign it on Thursday."
    )
    assert _dates(nlp, text) == [
        ("Nov. 4", "2002-11-04"),
        ("Tuesday", "2002-11-05"),
        ("Thursday", "2002-11-07"),
    ]


def test_a_deictic_date_ends_the_local_anchor(nlp: Language) -> None:
    text = "The Kessel council met on Nov. 4 to debate the levy. Ms. Orr said today that it voted on Tuesday."
    assert ("Tuesday", "2003-01-07") in _dates(nlp, text)


def test_the_local_anchor_fades_after_two_sentences(nlp: Language) -> None:
    text = (
        "The Kessel council met on Nov. 4. The levy was debated. Ms. Orr wrote to it. The press was told. "
        "On Tuesday it voted."
    )
    assert ("Tuesday", "2003-01-07") in _dates(nlp, text)


def test_a_recent_named_day_changes_nothing(nlp: Language) -> None:
    text = "The Kessel council met on Jan. 7 to debate the levy. On Tuesday it voted for the plan."
    assert ("Tuesday", "2003-01-07") in _dates(nlp, text)


# ---------------------------------------------------------------------- the ends of a range
@pytest.mark.parametrize(
    "text, dates, values",
    [
        ("from October to March", [(5, 12, "2003-10"), (16, 21, "2003-03")], ["2003-10", "2004-03"]),
        ("from October to March", [(5, 12, "2002-10"), (16, 21, "2002-03")], ["2002-10", "2003-03"]),
        ("between March and May 2002", [(8, 13, "2003-03"), (18, 26, "2002-05")], ["2002-03", "2002-05"]),
        (
            "from Nov. 28 - Dec. 2",
            [(5, 12, "2002-11-28"), (15, 21, "2002-12-02")],
            ["2002-11-28", "2002-12-02"],
        ),
        ("March and May 2002", [(0, 5, "2003-03"), (10, 18, "2002-05")], ["2003-03", "2002-05"]),  # no range
        ("from 1995 to 1998", [(5, 9, "1995"), (13, 17, "1998")], ["1995", "1998"]),
    ],
)
def test_the_ends_of_a_range_agree(text: str, dates: list[tuple[int, int, str]], values: list[str]) -> None:
    assert link_ranges(text, dates) == values


def test_a_range_in_a_past_passive(nlp: Language) -> None:
    found = _dates(nlp, "The Velt museum was closed from June through August.")
    assert found == [("June", "2002-06"), ("August", "2002-08")]


def test_a_perfect_keeps_the_nearest_month(nlp: Language) -> None:
    assert _dates(nlp, "The Tarrow plant has closed in March.") == [("March", "2003-03")]


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The Vell party is in a tight race ahead of the county caucuses on Monday.", "Monday", "2003-01-13"),
        ("Delegates prepared for the upcoming talks on Tuesday.", "Tuesday", "2003-01-14"),
        ("The Vell party won the county caucuses on Monday.", "Monday", "2003-01-06"),
        (
            "Ms. Ruhl spoke in advance of the vote on Wednesday.",
            "Wednesday",
            "2003-01-08",
        ),  # the past verb rules
        (
            "The mayor, who has found herself in a tight race ahead of the county caucuses on Monday, spoke.",
            "Monday",
            "2003-01-13",
        ),
        ("The Vell party has won the caucuses on Monday.", "Monday", "2003-01-06"),
    ],
)
def test_an_event_still_to_come(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert (text, value) in _dates(nlp, sentence)
