"""Dates as other genres write them: "in May", "since January", arrangements in the present,
British ranges and clock times, "half a century ago"."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.dating import dates_in
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates.compact import compact_start

REF = dt.date(2024, 9, 18)  # a Wednesday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


def _dates(nlp: Language, text: str) -> dict[str, tuple[str | None, str]]:
    return dates_in(nlp, text, REF)


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The Brindle works closed in early May.", "early May", "2024-05"),
        ("Talks at the Osgood plant broke down in May, when the union walked out.", "May", "2024-05"),
        ("Since May, the price of Varrow bread has doubled.", "May", "2024-05"),
        ("Between May and August, the Tessel river flooded twice.", "May", "2024-05"),
        ("The Quill inquiry ran from April to May.", "May", "2024-05"),
    ],
)
def test_a_bare_may_after_a_preposition_is_the_month(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    assert _dates(nlp, sentence)[text] == (value, "date")


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials at Pellow said the figure may rise.",
        "Greta May said she would stand again in Dunmore.",
    ],
)
def test_may_as_a_verb_or_a_name_is_no_date(nlp: Language, sentence: str) -> None:
    assert "May" not in _dates(nlp, sentence) and "may" not in _dates(nlp, sentence)


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Rents in Cobbleford have risen every month since January.", "January", "2024-01"),
        ("Ever since Friday, the Harl ferry has been stuck in port.", "Friday", "2024-09-13"),
    ],
)
def test_since_points_back(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text][0] == value


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The Wolves are playing the Falcons on Sunday.", "Sunday", "2024-09-22"),
        ("Ms Orrin is travelling to Geneva on Thursday for talks.", "Thursday", "2024-09-19"),
        ("The final is on Sunday at Brannock Park.", "Sunday", "2024-09-22"),
        ("The deadline for bids is Friday.", "Friday", "2024-09-20"),
        ("Kick-off is at 3pm on Saturday.", "3pm on Saturday", "2024-09-21T15:00"),
    ],
)
def test_an_arrangement_in_the_present_looks_ahead(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    assert _dates(nlp, sentence)[text][0] == value


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Mr Dale is the first Kessel minister to resign since Monday.", "Monday", "2024-09-16"),
        ("Mr Pryce is in custody after his arrest on Sunday.", "Sunday", "2024-09-15"),
    ],
)
def test_a_present_be_that_is_no_arrangement_keeps_the_past(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    assert _dates(nlp, sentence)[text][0] == value


def test_a_clock_time_takes_the_day_written_after_it(nlp: Language) -> None:
    found = _dates(nlp, "Police were called to the Mill Lane house at about 11.40pm on 14 September.")
    assert found["11.40pm"] == ("2024-09-14T23:40", "time")
    assert found["14 September"] == ("2024-09-14", "date")


@pytest.mark.parametrize(
    "sentence, first, second",
    [
        (
            "The Harwick festival runs from 3 to 17 October.",
            ("3", "2024-10-03"),
            ("17 October", "2024-10-17"),
        ),
        ("The Harwick festival runs 3-5 October.", ("3", "2024-10-03"), ("5 October", "2024-10-05")),
        (
            "Talks will be held between 10 and 12 November.",
            ("10", "2024-11-10"),
            ("12 November", "2024-11-12"),
        ),
    ],
)
def test_a_range_of_days_before_the_month_gives_both_ends(
    nlp: Language, sentence: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    found = _dates(nlp, sentence)
    assert found[first[0]] == (first[1], "date")
    assert found[second[0]] == (second[1], "date")


def test_compact_start_leaves_scores_and_reversed_days() -> None:
    assert compact_start("won 3-1 on 5 October", 11, "2024-10-05") is None
    assert compact_start("from 9 to 5 October", 10, "2024-10-05") is None
    assert compact_start("from 3 to 17 October", 10, "2024-10-17") == (5, 6, "2024-10-03")


def test_a_year_range_written_with_to_gives_both_ends(nlp: Language) -> None:
    found = _dates(nlp, "Ms Kerr served as mayor of Dunmore from 2010 to 2018.")
    assert found["2010"] == ("2010", "date") and found["2018"] == ("2018", "date")


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The Ashby mill closed half a century ago.", "half a century ago", "1974"),
        ("Half a decade ago, the Orme bakery opened.", "Half a decade ago", "2019"),
    ],
)
def test_half_a_unit_counts_as_half(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text] == (value, "date")


def test_a_count_from_a_year_is_a_span_then_its_start(nlp: Language) -> None:
    found = _dates(nlp, "The Lorne scheme will run for five years from 2025.")
    assert found["five years"] == ("P5Y", "duration")
    assert found["2025"] == ("2025", "date")
    found = _dates(
        nlp, "The Lorne scheme, to be rolled out over five years from April 2025, covers 60 towns."
    )
    assert found["April 2025"] == ("2025-04", "date")


@pytest.mark.parametrize(
    "text, value",
    [
        ("dec 25th", "2024-12-25"),
        ("halloween", "2024-10-31"),
        ("first tuesday of october", "2024-10-01"),
        ("thanksgiving", "2024-11-28"),
    ],
)
def test_a_text_that_is_only_an_expression_names_the_coming_one(nlp: Language, text: str, value: str) -> None:
    assert _dates(nlp, text)[text] == (value, "date")


def test_a_sentence_keeps_the_nearest_reading(nlp: Language) -> None:
    # the same day inside a sentence with a past verb stays in the past
    assert _dates(nlp, "The Orme parade was held on Dec 25th.")["Dec 25th"][0] == "2023-12-25"


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Ms Pike was born on 31/10/1974 in Ashby.", "31/10/1974", "1974-10-31"),
        ("The Varrow notice was dated 14/03/2023.", "14/03/2023", "2023-03-14"),
        ("The form was signed 10/31/1974.", "10/31/1974", "1974-10-31"),
        ("I'll fly back to Orme on 4/21.", "4/21", "2025-04-21"),
        ("I'll fly back to Orme on 21/4.", "21/4", "2025-04-21"),
    ],
)
def test_dates_in_figures(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text] == (value, "date")


@pytest.mark.parametrize(
    "sentence", ["The Harl team won 4/21 of its games.", "Mix 3/4 of the flour with water."]
)
def test_a_fraction_is_no_date(nlp: Language, sentence: str) -> None:
    assert not _dates(nlp, sentence)


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The year-long Tarrow inquiry ended on Friday.", "year-long", "P1Y"),
        ("The decade-long dispute over the Ashby mill is over.", "decade-long", "P10Y"),
        ("A weeklong strike shut the Orme docks.", "weeklong", "P1W"),
    ],
)
def test_a_span_written_as_a_modifier_is_a_duration(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    assert _dates(nlp, sentence)[text] == (value, "duration")


def test_a_clock_in_local_time_keeps_its_weekday(nlp: Language) -> None:
    found = _dates(nlp, "The Kessel vote is expected at 10:30 a.m. local time on Thursday.")
    assert ("2024-09-19T10:30", "time") in found.values()


@pytest.mark.parametrize(
    "text, span, value",
    [
        (
            "In 1995 the Dorvan company moved to Leeds. In March, it opened a second plant.",
            "March",
            "1995-03",
        ),
        ("He joined the Ostmark army in 1940 and was sent to Egypt in the spring.", "the spring", "1940-SP"),
        ("The Kelso strike began in January 2019. By March, the pits were empty.", "March", "2019-03"),
        ("In December 1942 Mr Tull wrote that he would be home by spring.", "spring", "1943-SP"),
        ("The Corvel mill closed in 2008. On 3 June, its owner was arrested.", "3 June", "2008-06-03"),
    ],
)
def test_a_bare_month_follows_the_year_a_story_went_back_to(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert _dates(nlp, text)[span][0] == value


@pytest.mark.parametrize(
    "text, span, value",
    [
        # a recent year leaves the reading to the publication date
        ("Sales at Pellam fell in 2023. In January, the firm cut 200 jobs.", "January", "2024-01"),
        # a year in a clause that only gives background
        ("Harlow Foods, founded in 1990, said in March that profit rose.", "March", "2024-03"),
        # "will" speaks from the publication date
        ("The Orme company was founded in 1990. In December, it will move to Leeds.", "December", "2024-12"),
        # a day named relative to the publication ends the story's year
        (
            "The Ashby bridge opened in 2002. On Monday, it was closed. In March, it reopened.",
            "March",
            "2024-03",
        ),
    ],
)
def test_the_story_year_holds_only_where_it_should(nlp: Language, text: str, span: str, value: str) -> None:
    assert _dates(nlp, text)[span][0] == value


def test_a_day_still_to_come_does_not_anchor_a_past_weekday(nlp: Language) -> None:
    text = (
        "The Varrow elections are scheduled for 20 November. "
        '"They remember us only at election time," Ms Pillow said on Thursday morning.'
    )
    assert _dates(nlp, text)["Thursday"][0] == "2024-09-12"


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        (
            "When Ms Lark moved to Harrowgate in the autumn of 1998, it had three banks.",
            "the autumn of 1998",
            "1998-FA",
        ),
        ("In winter 2021 the Kelso roads froze.", "winter 2021", "2021-WI"),
    ],
)
def test_a_season_of_a_year(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text] == (value, "date")


def test_a_part_of_the_day_before_a_date_keeps_the_tense(nlp: Language) -> None:
    # "attacked" governs "30 September" through "the morning of": a past day, not the one 12 days on
    found = _dates(nlp, "On the morning of 30 September, rebels attacked the Orme barracks.")
    assert found["30 September"] == ("2023-09-30", "date")


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Ahead of Saturday's match, the Kelso coach named an unchanged side.", "Saturday", "2024-09-21"),
        ("Lawyers for Mr Venn have until Friday to file an appeal.", "Friday", "2024-09-20"),
        ("Until Friday, the Corvel plant had been running normally.", "Friday", "2024-09-13"),
        ("After Saturday's defeat, the Kelso coach was sacked.", "Saturday", "2024-09-14"),
    ],
)
def test_possessive_days_and_deadlines(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text][0] == value


def test_a_short_sentence_with_a_misread_verb_is_no_bare_expression(nlp: Language) -> None:
    # the tagger reads "surprised" as an adjective; the sentence is still no calendar entry
    found = _dates(nlp, "The mayor's announcement on Friday surprised Kessel councillors.")
    assert found["Friday"][0] == "2024-09-13"


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Since taking office in January, the Varrow president has signed 40 laws.", "January", "2024-01"),
        ("The storms in October caused heavy damage in Kelso.", "October", "2023-10"),
        ("The Dunmore government will publish its plan in the autumn.", "the autumn", "2024-FA"),
    ],
)
def test_months_and_seasons_in_clauses(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text][0] == value


def test_a_season_before_a_noun_is_a_name(nlp: Language) -> None:
    assert "the spring" not in _dates(nlp, "The Kessel minister spoke in the spring statement debate.")


def test_a_rate_before_from_is_a_set(nlp: Language) -> None:
    found = _dates(nlp, "The Osgood company earns $20 million a year from the unit.")
    assert found["a year"] == ("P1Y", "set")


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The Kelso derby was played on Boxing Day.", "Boxing Day", "2023-12-26"),
        ("Harl ministers met on Christmas Eve to agree the deal.", "Christmas Eve", "2023-12-24"),
        ("Shops in Harl will close early on Christmas Eve.", "Christmas Eve", "2024-12-24"),
        ("The Harl minister had hoped to finish by Christmas.", "Christmas", "2024-12-25"),
    ],
)
def test_a_holiday_on_which_a_past_event_fell(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text][0] == value


def test_an_unknown_named_day_is_no_duration(nlp: Language) -> None:
    found = _dates(nlp, "The Ostmark protests began on Founders Day.")
    assert all(kind != "duration" for _, kind in found.values())


@pytest.mark.parametrize(
    "text, span, value",
    [
        (
            "Mr Venn was arrested in March 2019. Later that month, he was charged.",
            "Later that month",
            "2019-03",
        ),
        ("The Corvel fire started on 3 June 2021. That day, 40 homes burned.", "That day", "2021-06-03"),
        (
            "The Kelso rally on Tuesday drew 5,000. That day, police made 12 arrests.",
            "That day",
            "2024-09-17",
        ),
    ],
)
def test_that_day_and_that_month_take_the_date_named_before(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert _dates(nlp, text)[span] == (value, "date")


def test_that_day_after_a_bare_year_names_no_day(nlp: Language) -> None:
    found = _dates(nlp, "The Ostmark war ended in 1945. That day, Mr Tull came home.")
    assert found["That day"][1] != "date"


@pytest.mark.parametrize(
    "sentence",
    [
        "Pellan took 4 for 27 on day two of the Test at Harwick.",
        "The jury at Mossford heard on day 6 of the trial that the van was stolen.",
        "From day one, the Tarlow coach demanded discipline.",
        "Back in the day, the Ormsby high street was busy.",
    ],
)
def test_the_numbered_day_of_an_event_is_no_date(nlp: Language, sentence: str) -> None:
    assert _dates(nlp, sentence) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "The day after the vote, Brellin shares rose.",
        "The night before the final, the Corwick coach was calm.",
        "The week he left, the Tamsby firm collapsed.",
        "The year of the flood was the worst anyone in Dunhallow remembers.",
    ],
)
def test_a_unit_dated_by_an_event_is_no_span_of_time(nlp: Language, sentence: str) -> None:
    assert _dates(nlp, sentence) == {}


def test_that_year_before_its_clause_stays_a_date(nlp: Language) -> None:
    assert _dates(nlp, "That year he left Tamsby for good.")["That year"][1] == "date"


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Crews were called to the Lydon depot at 21:40 on Monday.", "21:40 on Monday", "2024-09-16T21:40"),
        ("The last Hexley ferry leaves at 23:15.", "23:15", "2024-09-18T23:15"),
        ("The Marwood polls close at 22:00 tonight.", "22:00 tonight", "2024-09-18T22:00"),
    ],
)
def test_a_clock_on_the_24_hour_dial(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text] == (value, "time")


def test_a_chapter_and_verse_or_a_ratio_is_no_clock(nlp: Language) -> None:
    assert _dates(nlp, "Pastor Elwyn read Luke 2:14 to the Varrow congregation.") == {}
    assert _dates(nlp, "Brisk Holdings shares were split at 3:1 last year.").get("3:1") is None


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Trading in Corvane averaged 150 million shares a day in the period.", "a day", "P1D"),
        ("The Helmsby plant makes 400 cars a week, and exports most.", "a week", "P1W"),
    ],
)
def test_a_unit_after_a_counted_noun_is_a_rate(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text] == (value, "set")


def test_a_bare_unit_without_a_count_is_no_rate(nlp: Language) -> None:
    assert _dates(nlp, "What a day!") == {}
    assert _dates(nlp, "Ms. Orrey spent a day in Corran.").get("a day") == ("P1D", "duration")


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Profit at Brenlow rose 8% in the fourth quarter.", "the fourth quarter", "2023-Q4"),
        ("Brenlow expects growth in the fourth quarter.", "the fourth quarter", "2024-Q4"),
        ("During the third quarter, Ostrey sales slipped.", "the third quarter", "2024-Q3"),
    ],
)
def test_a_past_quarter_still_to_come_is_last_years(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    assert _dates(nlp, sentence)[text] == (value, "date")


def test_a_quarter_of_a_fiscal_year_has_no_calendar_quarter(nlp: Language) -> None:
    assert "Q3" not in _dates(nlp, "In Q3 FY25 the Carvell lender's bad loans fell.")
