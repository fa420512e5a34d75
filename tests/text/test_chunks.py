from __future__ import annotations

import pytest

from quotemine.text.chunks import split_chunks


def _cuts(text: str, limit: int) -> list[str]:
    chunks = split_chunks(text, limit)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)
    assert all(len(chunk) <= limit for _, chunk in chunks)
    return [chunk for _, chunk in chunks]


def test_short_text_is_one_chunk() -> None:
    assert split_chunks("The mayor spoke.", 1000) == [(0, "The mayor spoke.")]


def test_paragraph_breaks_are_preferred() -> None:
    text = ("The port reopened on Monday after the storm. " * 6 + "\n\n") * 4
    assert all(chunk.endswith("\n\n") for chunk in _cuts(text, 700)[:-1])


@pytest.mark.parametrize(
    "sentence",
    [
        'Officials met on Monday. "We will rebuild. It will take time," said the mayor. ',
        "The plan was backed by Mr. Halvorsen and Gen. Okafor of the coastal region. ",
        "“Nobody asked us. Nobody ever does,” one resident said at the meeting today. ",
    ],
)
def test_single_line_text_is_cut_at_sentence_ends_outside_quotes_and_titles(sentence: str) -> None:
    text = sentence * 40
    for chunk in _cuts(text, 1000)[:-1]:
        assert chunk.endswith(sentence[-20:]), chunk[-40:]


def test_text_without_sentence_ends_is_cut_at_spaces_then_anywhere() -> None:
    words = "harbour " * 500
    assert all(chunk.endswith(" ") for chunk in _cuts(words, 1000)[:-1])
    assert [len(c) for c in _cuts("x" * 2500, 1000)] == [1000, 1000, 500]
