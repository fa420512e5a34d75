"""Read HTML markup as spaces, keeping every character offset of the caller's text.

The markup is found by the standard library's HTML tokenizer (``html.parser.HTMLParser``), which
knows quoted attribute values (``<a title="x>y">`` is one tag), comments and the raw content of
``<script>`` and ``<style>``. The masked text has the input's length, so every offset found in it
points into the caller's HTML:

- tags, comments, declarations and script/style content become spaces (line breaks are kept); a
  block-level tag (``<p>``, ``</h1>``, ``<br>``...) starts with a paragraph break, so a headline
  and the first paragraph are not read as one sentence;
- a character reference (``&amp;``, ``&nbsp;``, ``&#8220;``) becomes its character followed by
  spaces, so the parser reads "AT&T" and a no-break space, not "&amp;";
- text is kept as it is.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from itertools import accumulate

__all__ = ["looks_like_html", "mask_html"]

_HTML_HINT = re.compile(
    r"<(?:!doctype|html|head|body|p|div|span|br|a\s|script|style|table|li|h[1-6])\b", re.I
)
_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol table tr td th blockquote section article header footer "
    "title".split()
)
_HIDDEN_TAGS = frozenset(("script", "style"))


class _Masker(HTMLParser):
    """Paint the text and references of an HTML document onto a canvas of spaces."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.canvas = [("\n" if ch == "\n" else " ") for ch in text]
        self.line_starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]
        self.hidden: str | None = None

    def _offset(self) -> int:
        """Return the offset of the construct being handled (its first character)."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _paint(self, start: int, value: str) -> None:
        self.canvas[start : start + len(value)] = value

    def _tag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._paint(self._offset(), "\n\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Start a hidden element (script, style); a block tag is a paragraph break."""
        if tag in _HIDDEN_TAGS:
            self.hidden = tag
        self._tag(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Treat ``<br/>`` as a tag that opens and closes nothing."""
        self._tag(tag)

    def handle_endtag(self, tag: str) -> None:
        """End a hidden element; a block tag is a paragraph break."""
        if tag == self.hidden:
            self.hidden = None
        self._tag(tag)

    def handle_data(self, data: str) -> None:
        """Keep text, except inside script and style."""
        if self.hidden is None:
            self._paint(self._offset(), data)

    def handle_entityref(self, name: str) -> None:
        """Read ``&amp;`` as ``&`` followed by spaces."""
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        """Read ``&#8220;`` as its character followed by spaces."""
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        if self.hidden is not None:
            return
        start = self._offset()
        if self.text.startswith(";", start + len(raw)):
            raw += ";"
        value = unescape(raw)
        if value == raw or len(value) > len(raw):  # not a reference html knows: keep it as text
            value = raw
        self._paint(start, value.ljust(len(raw)))

    def mask(self) -> str:
        """Return the masked text (after feeding the whole document)."""
        self.feed(self.text)
        # The tokenizer stops at a malformed "&#" until more input comes: feed nothing until done.
        while self.rawdata:
            left = len(self.rawdata)
            self.feed("")
            if len(self.rawdata) == left:
                break
        self.close()
        return "".join(self.canvas)


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` holds HTML markup (two or more common tags near the top)."""
    return len(_HTML_HINT.findall(text[:20_000])) >= 2


def mask_html(text: str) -> str:
    """Return ``text`` with its markup as spaces and references as characters, of the same length."""
    return _Masker(text).mask()
