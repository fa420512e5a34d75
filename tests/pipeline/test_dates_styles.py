"""Dates as business and non-US copy write them: a day and month in figures in the document's order,
a weekday with a day of the month ("Tues 3rd"), a day of the month alone ("on the 25th"), half-year
codes ("H1", "1H24"), a day named by the day before it ("the day after Boxing Day") and rates
after any preposition ("daily between")."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.dating import dates_in
from tests.models import default_model

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates.shortforms import day_month_figures

REF = dt.date(2024, 9, 18)  # a Wednesday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


def _dates(nlp: Language, text: str) -> dict[str, tuple[str | None, str]]:
    return dates_in(nlp, text, REF)


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        # figures only one order can read, after a preposition of time
        ("The hearing at Tolwick was adjourned until 27/11, the clerk said.", "27/11", "2024-11-27"),
        # a document that wrote "14/9" writes its days first: "5/10" is the 5th of October
        ("Entries closed on 14/9. The draw will be made on 5/10, the organisers said.", "5/10", "2024-10-05"),
        ("The Kestrel Road bakery was burgled on Tues 3rd, police said.", "Tues 3rd", "2024-09-03"),
        ("The Dunmore council sits on Thursday the 26th.", "Thursday the 26th", "2024-09-26"),
        ("Training resumes on the 25th, the Harwick coach said.", "the 25th", "2024-09-25"),
        ("The parcel from Denmore arrived on the 12th, she said.", "the 12th", "2024-09-12"),
        # a future clause and a day already past this month: next month's
        ("The Ashby fair will return on the 4th, organisers said.", "the 4th", "2024-10-04"),
        ("Pellin Foods said profits fell in H1.", "H1", "2024-H1"),
        ("Orrin Mining reported a loss for 1H24.", "1H24", "2024-H1"),
        ("The Brackley shelter will open the day after Christmas.", "the day after Christmas", "2024-12-26"),
        ("The Ferris ward will close the day before Christmas Eve.", "the day before Christmas Eve",
         "2024-12-23"),
    ],
)  # fmt: skip
def test_short_and_non_us_forms_resolve(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _dates(nlp, sentence)[text] == (value, "date")


@pytest.mark.parametrize(
    "sentence",
    [
        "He holed out on the 18th green at Carrow Links.",
        "Visitors to Corran need an H1 visa, the embassy said.",
        "The inquiry into the Wexham flood will report the day after the election.",
        "The Pellow side won 3/4 of its games.",
    ],
)
def test_ordinals_codes_and_fractions_that_name_no_day(nlp: Language, sentence: str) -> None:
    assert all(kind != "date" or value is None for value, kind in _dates(nlp, sentence).values())


def test_a_rate_before_a_preposition_is_a_set(nlp: Language) -> None:
    found = _dates(nlp, "Ms Ferrow said the shuttle runs daily between Larch Hill and the quay.")
    assert found["daily"] == ("P1D", "set")


@pytest.mark.parametrize(
    "text, piece, read",
    [
        ("It opens on 5/10.", "5/10", "5/10"),  # no evidence: month first
        ("Closed on 14/9; opens on 5/10.", "5/10", "10/5"),  # day first elsewhere
        ("Closed on 14/9 and 9/30; opens on 5/10.", "5/10", None),  # both orders: no reading
        ("The side won 5/10.", "5/10", None),  # no preposition of time
    ],
)
def test_day_month_figures_follow_the_documents_order(text: str, piece: str, read: str | None) -> None:
    assert day_month_figures(text, text.rindex(piece), piece) == read


def test_a_month_that_dates_a_saying_is_read_against_publication(nlp: Language) -> None:
    told = _dates(
        nlp,
        "Grennick Mills closed in 1987. Its founder, Ada Pruitt, said in March that she hoped to reopen it.",
    )
    assert told["March"] == ("2024-03", "date")
    story = _dates(
        nlp, "Grennick Mills closed in 1987. By March, the looms had been sold to a buyer in Tolm."
    )
    assert story["March"] == ("1987-03", "date")


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Mr Ossory works mornings at the Brinley depot.", "mornings", "XXXX-XX-XXTMO"),
        ("The Hallam library opens evenings during term.", "evenings", "XXXX-XX-XXTEV"),
    ],
)
def test_parts_of_days_a_verb_does_things_in_are_sets(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    assert _dates(nlp, sentence)[text] == (value, "set")


@pytest.mark.parametrize(
    "sentence", ["He spent two mornings at the Tolm depot.", "The mornings were cold in Brannock."]
)
def test_counted_or_described_parts_of_days_are_no_sets(nlp: Language, sentence: str) -> None:
    assert not _dates(nlp, sentence)


def test_a_month_after_next(nlp: Language) -> None:
    found = _dates(nlp, "The Corley bridge will not open until August after next, the engineer said.")
    assert found["August after next"] == ("2026-08", "date")  # the coming August is 2025's
