r"""Hard-wrapped text: line breaks inside a paragraph that only keep lines short.

Plain text from e-mail, wire feeds and terminals is often wrapped at a fixed width, with a blank
line between paragraphs. The stages read a line break as a paragraph break, so a quotation or a
sentence that runs over two lines would be cut in two. ``unwrap`` reads such a break as a space,
one character for one, so every offset into the result is an offset into the input.
"""

from __future__ import annotations

import re

__all__ = ["unwrap"]

#: Widest line of a hard-wrapped text; a longer line means the text is not wrapped at a width.
_MAX_WIDTH = 100
#: Share of the wrap width a line must fill for the break after it to be a wrap, not a paragraph end.
_FULL_LINE = 0.6
#: Fewest lines that must be wrapped before a text is read as hard-wrapped.
_MIN_WRAPPED = 2
#: A line that opens a listed point, a heading mark or a quoted reply ("- ", "* ", "2. ", "> ").
_POINT = re.compile(r"\s*(?:[-*•·>–—]|\d+[.)])\s")
_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n])")
#: A blank line (spaces allowed: "\r\n" is read as " \n"), and a line with words on it.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEXT_LINE = re.compile(r"[ \t]*\S")


def unwrap(text: str) -> str:
    r"""Return ``text`` with the line breaks of hard wrapping read as spaces, keeping its length.

    A text counts as hard-wrapped when blank lines separate its paragraphs, no line is wider than
    100 characters, and some paragraphs run over several lines. A break then joins two lines when
    the line before it fills most of the wrap width and the next line does not open a listed
    point; a short line (a headline, a byline, a paragraph's last line) keeps its break.

    >>> unwrap("Title\n\nThe mill burned on\nSunday, officials said.\n\nEnd.")
    'Title\n\nThe mill burned on Sunday, officials said.\n\nEnd.'
    """
    if _BLANK_LINE.search(text) is None:
        return text
    lines = text.split("\n")
    width = max(len(line.rstrip()) for line in lines)
    if width > _MAX_WIDTH:
        return text
    least = _FULL_LINE * width
    joins = [
        m.start()
        for m in _BREAK.finditer(text)
        if _fills(text, m.start(), least)
        and _NEXT_LINE.match(text, m.start() + 1)
        and not _POINT.match(text, m.start() + 1)
    ]
    if len(joins) < _MIN_WRAPPED:
        return text
    chars = list(text)
    for i in joins:
        chars[i] = " "
    return "".join(chars)


def _fills(text: str, brk: int, least: float) -> bool:
    """Tell whether the line that ends at the break ``brk`` fills at least ``least`` characters."""
    start = text.rfind("\n", 0, brk) + 1
    return len(text[start:brk].rstrip()) >= least
