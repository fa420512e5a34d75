"""HTML character references in plain text: read as characters, offsets kept into the input."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotemine.schema import Report, TextSpan
from quotemine.text.references import decode_references

_PIECES = st.sampled_from(
    [
        "&amp;",
        "&nbsp;",
        "&pound;",
        "&#8217;",
        "&#x2014;",
        "&mdash;",
        "&bogus;",
        "&#1;",
        "&",
        ";",
        "#",
        "Ada",
        " ",
        "5",
    ]
)


def test_references_are_read_as_their_characters() -> None:
    decoded, where = decode_references("Tova&nbsp;Brenn paid &pound;12 &mdash; Orrin &amp; Pike&#8217;s fee")
    assert decoded == "Tova\u00a0Brenn paid £12 \u2014 Orrin & Pike\u2019s fee"
    assert where is not None and len(where) == 5


@pytest.mark.parametrize("text", ["AT&T and R&D", "fish & chips", "&c.", "&unknownname;", "&#1;", ""])
def test_text_without_a_known_reference_is_left_alone(text: str) -> None:
    assert decode_references(text) == (text, None)


def test_offsets_map_back_to_the_reference_as_written() -> None:
    text = "Nell&nbsp;Odo said"
    decoded, where = decode_references(text)
    assert where is not None
    start, end = decoded.index("Nell"), decoded.index(" said")
    assert where.span(start, end) == (0, len("Nell&nbsp;Odo"))
    assert where.original(len(decoded)) == len(text)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_every_decoded_span_maps_to_a_span_of_the_input(text: str) -> None:
    decoded, where = decode_references(text)
    if where is None:
        assert decoded == text
        return
    assert len(decoded) < len(text)
    for start in range(len(decoded) + 1):
        for end in range(start, len(decoded) + 1):
            a, b = where.span(start, end)
            assert 0 <= a <= b <= len(text)
            # outside references the characters are the input's own
            if "&" not in text[a:b] and ";" not in text[a:b]:
                assert text[a:b] == decoded[start:end]


def _spans(report: Report) -> list[TextSpan]:
    found: list[Any] = [*report.money, *report.dates]
    for person in report.people:
        found += [*person.mentions, *person.roles]
    for org in report.organizations:
        found += org.mentions
    for quote in report.quotes:
        found += [quote, *(s for s in (quote.speaker, quote.cue, quote.addressee) if s is not None)]
    return found


_STORY = (
    "Harbour works approved in Vellmouth\n\n"
    "&ldquo;We will rebuild the quay within two years,&rdquo; said Tova&nbsp;Brenn, the board&#8217;s "
    "chair. The work will cost &pound;40 million, she said, and Orrin &amp; Pike will lead it."
)


def test_a_story_with_references_is_read_whole(extractor: Any) -> None:
    report = extractor.extract(_STORY, published="2024-03-05")
    assert "Tova Brenn" in {p.name for p in report.people}
    assert [(m.text, m.amount, m.currency) for m in report.money] == [
        ("&pound;40 million", 40_000_000, "GBP")
    ]
    direct = [q for q in report.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker is not None and direct[0].speaker.text == "Tova&nbsp;Brenn"
    assert "Orrin & Pike" in {o.name for o in report.organizations}
    assert report.document.char_count == len(_STORY)
    assert any("character reference" in w for w in report.warnings)
    for span in _spans(report):
        assert _STORY[span.start : span.end] == span.text


def test_html_input_still_goes_through_the_markup_mask(extractor: Any) -> None:
    page = "<html><body><p>Tova Brenn said the quay &amp; the pier will reopen.</p></body></html>"
    report = extractor.extract(page)
    assert not any("character reference" in w for w in report.warnings)
    assert any("looks like HTML" in w for w in report.warnings)


@given(
    st.lists(
        st.sampled_from(["&nbsp;", "&amp;", "&pound;5", "Ada Quell ", "said ", '"', "\n\n", "&#8217;"]),
        max_size=12,
    ).map("".join)
)
def test_references_never_break_the_offsets(extractor: Any, text: str) -> None:
    report = extractor.extract(text)
    assert report.document.char_count == len(text)
    for span in _spans(report):
        assert text[span.start : span.end] == span.text
