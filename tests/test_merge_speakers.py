"""Merging the reports of a long text's chunks keeps every speaker pointing at the right entry."""

from __future__ import annotations

from quotemine.merge import merge_reports
from quotemine.schema import Document, Organization, Quote, Report, Speaker, TextSpan


def _chunk(text: str, org: str) -> Report:
    start = text.index(org)
    mention = TextSpan(text=org, start=start, end=start + len(org))
    content = text.index("fares")
    return Report(
        quotemine_version="0",
        model="test",
        document=Document(char_count=len(text)),
        organizations=[Organization(id="o1", name=org, mentions=[mention])],
        quotes=[
            Quote(
                id="q1",
                kind="indirect",
                text="fares",
                start=content,
                end=content + 5,
                speaker=Speaker(**mention.model_dump(), organization_id="o1"),
            )
        ],
    )


def test_an_organisation_speaker_follows_its_organisation_across_chunks() -> None:
    first = "Skyvane said fares rose.\n\n"
    second = "Corvin Rail said fares fell."
    text = first + second
    base = Report(quotemine_version="0", model="test", document=Document(char_count=len(text)))
    merged = merge_reports(
        text, [(0, _chunk(first, "Skyvane")), (len(first), _chunk(second, "Corvin Rail"))], base=base
    )
    names = {o.id: o.name for o in merged.organizations}
    speakers = [q.speaker for q in merged.quotes]
    assert [names[s.organization_id or ""] for s in speakers if s is not None] == ["Skyvane", "Corvin Rail"]
