"""Short written forms of dates, and a weekend by its place in a month."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import quotemine.factories  # noqa: F401  (registers the Doc extensions)
from quotemine.pipeline.dates import DateResolver
from quotemine.pipeline.dates.timex import Context, TimexResolver

REF = dt.date(2024, 9, 11)  # a Wednesday


@pytest.mark.parametrize(
    "text, value",
    [
        ("H1 2023", "2023-H1"),
        ("2h 2022", "2022-H2"),
        ("2025 H2", "2025-H2"),
        ("3Q 2020", "2020-Q3"),
        ("2018 4Q", "2018-Q4"),
        ("FY2017", "2017"),
        ("FY '22", "2022"),
        ("'87", "1987"),
        ("'14", "2014"),
        ("Sept. '05", "2005-09"),
        ("winter of '79", "1979-WI"),
        ("14.03.2016", "2016-03-14"),  # day first
        ("07.07.2016", "2016-07-07"),
        ("03.27.2016", "2016-03-27"),  # a second number past 12: month first
        ("2016/03/14", "2016-03-14"),
        ("the first weekend of October", "2024-W40-WE"),  # Saturday October 5
        ("the last weekend of August", "2024-W35-WE"),  # Saturday August 31
    ],
)
def test_short_form_values(resolver: TimexResolver, text: str, value: str) -> None:
    tx = resolver.resolve(text, Context(REF))
    assert tx is not None and tx.type == "date"
    assert tx.value == value


def test_short_forms_need_what_makes_them_unambiguous(resolver: TimexResolver) -> None:
    assert resolver.resolve("H3 2020", Context(REF)) is None  # no third half
    assert resolver.resolve("31.02.2016", Context(REF)) is None  # no 31 February
    tx = resolver.resolve("04.11.2016", Context(REF))  # April 11 or 4 November: no value
    assert tx is not None and tx.value is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target, value",
    [
        ("Orbel Foods expects a loss in H2 2025.", "H2 2025", "2025-H2"),
        ("The Tarn ferry line was sold in '97.", "'97", "1997"),
        ("Harwick Steel cut jobs in Oct. '18.", "Oct. '18", "2018-10"),
        ("The Mendle council met on 14.03.2016 to vote.", "14.03.2016", "2016-03-14"),
        ("Revenue at Brisk Ltd rose in FY2022.", "FY2022", "2022"),
    ],
)
def test_short_forms_in_running_text(nlp: Language, text: str, target: str, value: str) -> None:
    doc = nlp(text)
    doc._.qm_published = REF.isoformat()
    doc = DateResolver(nlp, "quotemine_dates")(doc)
    got = {doc.text[d["start"] : d["end"]]: d["value"] for d in doc._.qm_dates}
    assert got.get(target) == value, got
