"""An invented article's report, shared by the table tests (every name and sentence written for them)."""

from __future__ import annotations

from typing import Any

from quotemine.schema import (
    DateMention,
    Document,
    Money,
    Organization,
    Person,
    Quote,
    Report,
    Speaker,
    TextSpan,
)

# Invented articles: every name, organisation and sentence here was written for this test.
TEXT = (
    'Mayor Ines Varga of Dunmore Council said in May: "We will pay 2.5 million euros." '
    "She added that the work would end in June 2031. Brackwater Rail said it would appeal. "
    "Officials said the plan would fail."
)


def _span(needle: str, after: int = 0) -> dict[str, Any]:
    start = TEXT.index(needle, after)
    return {"text": needle, "start": start, "end": start + len(needle)}


def invented_report(doc_id: str, published: str | None = "2031-05-02") -> Report:
    return Report(
        quotemine_version="0.0",
        model="en_test-0",
        id=doc_id,
        document=Document(published=published, char_count=len(TEXT), authors=(TextSpan(**_span("Ines")),)),
        people=(
            Person(
                id="p1",
                name="Ines Varga",
                mentions=(TextSpan(**_span("Ines Varga")), TextSpan(**_span("She"))),
                roles=(TextSpan(**_span("Mayor")),),
                affiliations=("o1",),
                gender="female",
                gender_evidence="pronoun",
            ),
        ),
        organizations=(
            Organization(id="o1", name="Dunmore Council", mentions=(TextSpan(**_span("Dunmore Council")),)),
            Organization(id="o2", name="Brackwater Rail", mentions=(TextSpan(**_span("Brackwater Rail")),)),
        ),
        quotes=(
            Quote(
                id="q1",
                kind="direct",
                speaker=Speaker(person_id="p1", **_span("Ines Varga")),
                cue=TextSpan(**_span("said")),
                **_span("We will pay 2.5 million euros."),
            ),
            Quote(
                id="q2",
                kind="indirect",
                speaker=Speaker(person_id="p1", **_span("She")),
                cue=TextSpan(**_span("added")),
                **_span("the work would end in June 2031"),
            ),
            Quote(
                id="q3",
                kind="indirect",
                speaker=Speaker(organization_id="o2", **_span("Brackwater Rail")),
                **_span("it would appeal"),
            ),
            Quote(
                id="q4",
                kind="indirect",
                speaker=Speaker(unnamed=True, **_span("Officials")),
                **_span("the plan would fail"),
            ),
        ),
        dates=(
            DateMention(
                value="2031-05",
                granularity="month",
                value_start="2031-05-01",
                value_end="2031-05-31",
                **_span("May"),
            ),
            DateMention(
                value="2031-06",
                granularity="month",
                value_start="2031-06-01",
                value_end="2031-06-30",
                **_span("June 2031"),
            ),
        ),
        money=(Money(amount=2_500_000.1, currency="EUR", **_span("2.5 million euros")),),
    )
