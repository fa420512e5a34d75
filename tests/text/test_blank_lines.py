"""Blank lines of spaces are no paragraphs: a quotation running on over paragraphs survives them."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotemine.text.inspect import blank_lines, inspect_text

_RUN_ON = (
    "Ferry fares rise in Dunmore\n\n"
    '"The boats are older than the pier," said Ilse Varga. "They need new engines.\n\n'
    '"We will buy two this winter, whatever the bank says."\n\n'
    "The board meets again in May."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n \nTwo.", "One.\n\n\nTwo."),
        ("One.\n\t  \nTwo.", "One.\n\n\n\n\nTwo."),
        ("One. \nTwo.", "One. \nTwo."),  # a space ending a line with words stays
        ("  One.\n  Two.", "  One.\n  Two."),  # an indent before words stays
        ("No break at all", "No break at all"),
    ],
)
def test_the_spaces_of_a_blank_line_become_line_breaks(text: str, expected: str) -> None:
    assert blank_lines(text) == expected


def test_windows_line_ends_keep_blank_lines_empty() -> None:
    clean, _, analyse = inspect_text(_RUN_ON.replace("\n", "\r\n"))
    assert analyse
    assert "\n \n" not in clean and clean.count("\n") == _RUN_ON.count("\n") + _RUN_ON.count("\n\n")


@given(st.text(alphabet=' \t\n\rab"', max_size=200))
def test_blank_lines_keeps_length_and_words(text: str) -> None:
    out = blank_lines(text)
    assert len(out) == len(text)
    assert [c for c in out if c not in " \t\n"] == [c for c in text if c not in " \t\n"]


@pytest.mark.parametrize("blank", ["\r\n\r\n", "\n  \n", "\n\t\n", "\n\u00a0\n"])
def test_a_quotation_runs_on_over_a_blank_line_of_spaces(extractor: Any, blank: str) -> None:
    text = _RUN_ON.replace("\n\n", blank)
    report = extractor.extract(text)
    quoted = [q.text for q in report.quotes if q.kind == "direct"]
    assert "They need new engines." in quoted
    assert any(q.startswith("We will buy two this winter") for q in quoted)
    assert not any("unbalanced" in w for w in report.warnings)
    for quote in report.quotes:
        assert text[quote.start : quote.end] == quote.text
