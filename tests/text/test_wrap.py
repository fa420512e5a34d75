"""Hard-wrapped plain text: line breaks inside a paragraph are read as spaces, offsets kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotemine.text import inspect_text
from quotemine.text.wrap import unwrap

WRAPPED = (
    "Mill town weighs its future\n"
    "\n"
    "The fire at the Brennard mill destroyed the weaving shed on Sunday\n"
    "night, fire officials said, and left about 200 workers without a\n"
    "place to work.\n"
    "\n"
    '"We lost everything in the east wing," said the plant manager, Rosa\n'
    'Ilves. "It will take months to rebuild."\n'
)


def test_breaks_inside_a_paragraph_become_spaces() -> None:
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "on Sunday night, fire officials said, and left about 200 workers without a place to work." in out
    assert "said the plant manager, Rosa Ilves." in out
    # the headline, the blank lines and each paragraph's last line keep their breaks
    assert out.startswith("Mill town weighs its future\n\nThe fire")
    assert out.count("\n") == 5


def test_inspect_text_unwraps() -> None:
    clean, _, analyse = inspect_text(WRAPPED)
    assert analyse and "months to rebuild" in clean and "Sunday night" in clean


def test_unwrapped_quote_keeps_offsets_into_the_input() -> None:
    import quotemine

    report = quotemine.extract(WRAPPED)
    texts = [q.text for q in report.quotes]
    assert any(t.startswith("We lost everything") for t in texts)
    for q in report.quotes:
        assert WRAPPED[q.start : q.end] == q.text


def test_text_with_long_lines_is_not_wrapped() -> None:
    text = "Headline\n\n" + "A long paragraph line that goes on and on. " * 4 + "\nNext line.\n\nEnd."
    assert unwrap(text) == text


def test_points_and_single_line_paragraphs_keep_their_breaks() -> None:
    text = (
        "The union listed its demands on Friday, in a note it sent the board:\n"
        "- a pay rise of five percent for every worker at the plant\n"
        "- two more days of paid leave for every worker at the plant\n"
        "\n"
        "Short line.\nAnother short line.\n"
    )
    assert unwrap(text) == text


def test_text_without_blank_lines_is_not_wrapped() -> None:
    text = "One paragraph of a feed that has a line of medium width here\nThe next paragraph is here too.\n"
    assert unwrap(text) == text


@given(st.text(alphabet="ab .\n", max_size=300))
def test_unwrap_keeps_length(text: str) -> None:
    assert len(unwrap(text)) == len(text)


def test_windows_line_ends_are_unwrapped_too() -> None:
    clean, _, _ = inspect_text(WRAPPED.replace("\n", "\r\n"))
    assert "on Sunday  night, fire officials said" in clean
    assert clean.startswith("Mill town weighs its future \n\n\nThe fire")  # the blank line holds no space
