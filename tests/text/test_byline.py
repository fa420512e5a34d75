"""``quotemine.text.head.byline_names``: the one owner of the byline."""

from __future__ import annotations

import pytest

from quotemine.text.head import byline_names, headline


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in byline_names(text)]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Dams Run Dry\n\nBy Mira Castell\n\nReservoirs fell.", ["Mira Castell"]),
        ("Dams Run Dry\n\nby Mira Castell\n\nReservoirs fell.", ["Mira Castell"]),
        ("Dams Run Dry\n\nBY MIRA CASTELL\n\nReservoirs fell.", ["MIRA CASTELL"]),
        (
            "Dams Run Dry\n  By Mira Castell and Tomas Reyes\nReservoirs fell.",
            ["Mira Castell", "Tomas Reyes"],
        ),
        ("By Mira Castell, Tomas Reyes & Ines Valk\n\nText.", ["Mira Castell", "Tomas Reyes", "Ines Valk"]),
        # more than names on the line: only the first name is a byline name
        ("By Mira Castell, water reporter in Lisbon\n\nText.", ["Mira Castell"]),
        ("By Mira Castell in Lisbon\n\nText.", ["Mira Castell"]),
    ],
)
def test_byline_names_forms(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Reservoirs were sold by Mira Castell last year.",  # not at a line start
        "By the end of the week, reservoirs fell.",  # no capitalised name
        "By\n",
        "",
        "x" * 1600 + "\nBy Mira Castell\n",  # too far from the top
    ],
)
def test_byline_names_no_byline(text: str) -> None:
    assert byline_names(text) == []


def test_byline_names_time_phrase_is_no_byline_and_the_next_line_is_tried() -> None:
    text = "By Monday morning, reservoirs fell.\nBy Mira Castell\n\nText."
    assert _names(text) == ["Mira Castell"]
    assert byline_names("By Sept. 30, the dam must close.") == []


def test_headline_skips_any_byline_form() -> None:
    text = "by Mira Castell\nDams Run Dry\n\nReservoirs fell."
    start, end = headline(text) or (0, 0)
    assert text[start:end] == "Dams Run Dry"


@pytest.mark.parametrize(
    "text",
    [
        # a quotation broken across the lines of the first paragraph
        'Mayor Olga Brenn said the bridge "will\nopen in May," officials said.\n\n'
        'Brenn added, "We are ready."',
        "Mayor Olga Brenn said the bridge \u201cwill\nopen in May,\u201d officials said.\n\nBrenn agreed.",
        # a sentence wrapped at a fixed width: the next line goes on in lower case
        "Mayor Olga Brenn said the new bridge over the Tarle\nwould open in May.\n\nBrenn agreed.",
    ],
)
def test_a_sentence_broken_across_lines_is_no_title(text: str) -> None:
    assert headline(text) is None


@pytest.mark.parametrize(
    "text, title",
    [
        ("Bridge to Open in May\nMayor Olga Brenn said the bridge was ready.", "Bridge to Open in May"),
        ("Bridge to Open in May\nby Mira Castell\n\nThe bridge is ready.", "Bridge to Open in May"),
        ('Brenn: "We Are Ready"\n\nMayor Olga Brenn said the bridge was ready.', 'Brenn: "We Are Ready"'),
        (
            "\u201cWe Are Ready,\u201d Says Mayor\n\nMayor Olga Brenn spoke.",
            "\u201cWe Are Ready,\u201d Says Mayor",
        ),
    ],
)
def test_a_title_line_with_a_whole_quotation_stays_the_title(text: str, title: str) -> None:
    start, end = headline(text) or (0, 0)
    assert text[start:end] == title
