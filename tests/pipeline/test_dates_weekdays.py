"""Days counted from a weekday or a week: British "Friday week", "a week on Friday", "next week's
Friday", "Friday from last week", and "day after tomorrow" said without its article."""

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
        # British: the coming weekday, then a week (a fortnight) on, whatever the tense
        ("monday week", 0, "2024-09-23"),
        ("saturday week", -1, "2024-09-21"),
        ("wednesday week", 0, "2024-09-18"),  # said on a Wednesday: a week from that day
        ("saturday fortnight", 0, "2024-09-28"),
        ("a week on friday", 0, "2024-09-20"),
        ("two weeks on monday", 0, "2024-09-30"),
        ("a fortnight on tuesday", 0, "2024-10-01"),  # the coming Tuesday is the 17th
        # a weekday of a week named after it or before it
        ("thursday from last week", 0, "2024-09-05"),
        ("last week's tuesday", 0, "2024-09-03"),
        ("next week's friday", 0, "2024-09-20"),
        ("this week's monday", 0, "2024-09-09"),
        # two days on or back, with or without "the"
        ("day after tomorrow", 0, "2024-09-13"),
        ("day before yesterday", 0, "2024-09-09"),
    ],
)
def test_weekday_offsets(resolver: TimexResolver, text: str, direction: int, value: str) -> None:
    tx = resolver.resolve(text, Context(REF, direction))
    assert tx is not None and tx.type == "date"
    assert tx.value == value


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, target, value",
    [
        ("The Orrin Bay ferry returns to service on Monday week.", "Monday week", "2024-09-23"),
        ("Marlow Hythe's tribunal sits again a week on Friday.", "a week on Friday", "2024-09-20"),
        ("The Kestrel Row market reopens two weeks on Saturday.", "two weeks on Saturday", "2024-09-28"),
        ("Our rota changed on Thursday from last week.", "Thursday from last week", "2024-09-05"),
        ("Pell's crew starts next week's Friday shift early.", "next week's Friday", "2024-09-20"),
        ("Quinn flies to Tarsby day after tomorrow at 6pm.", "day after tomorrow", "2024-09-13"),
    ],
)
def test_weekday_offsets_in_running_text(nlp: Language, text: str, target: str, value: str) -> None:
    doc = nlp(text)
    doc._.qm_published = REF.isoformat()
    doc = DateResolver(nlp, "quotemine_dates")(doc)
    got = {doc.text[d["start"] : d["end"]]: d["value"] for d in doc._.qm_dates}
    assert got.get(target) == value, got


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, bad",
    [
        ("Dale Corran spent a week on Monday's backlog of claims.", "a week on Monday"),
        ("Tickets for Velmar Fashion Week sold out.", "Fashion Week"),
        ("The Sunday week-long fair drew crowds.", "Sunday week"),
        ("Arden Pike returned Friday from last week's retreat.", "Friday from last week"),
    ],
)
def test_no_weekday_offset_without_the_construction(nlp: Language, text: str, bad: str) -> None:
    doc = nlp(text)
    doc._.qm_published = REF.isoformat()
    doc = DateResolver(nlp, "quotemine_dates")(doc)
    assert bad not in {doc.text[d["start"] : d["end"]] for d in doc._.qm_dates}
