"""Read HTML markup as spaces, keeping every character offset of the caller's text."""

from __future__ import annotations

import re

__all__ = ["looks_like_html", "mask_html"]

_HTML_HINT = re.compile(
    r"<(?:!doctype|html|head|body|p|div|span|br|a\s|script|style|table|li|h[1-6])\b", re.I
)
_HIDDEN_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<!--.*?-->|<!?/?[A-Za-z][^<>]*>", re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|section|article|header|footer|title)\b",
    re.I,
)


def _blank(match: re.Match[str]) -> str:
    """Replace markup with spaces, keeping line breaks so paragraphs stay paragraphs.

    A block-level tag (``<p>``, ``</h1>``, ``<br>``...) becomes a paragraph break of the same
    length, so a headline and the first paragraph are not read as one sentence.
    """
    blank = re.sub(r"[^\n]", " ", match.group(0))
    if _BLOCK_TAG.match(match.group(0)) and len(blank) >= 2:
        blank = "\n\n" + blank[2:]
    return blank


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` holds HTML markup (two or more common tags near the top)."""
    return len(_HTML_HINT.findall(text[:20_000])) >= 2


def mask_html(text: str) -> str:
    """Return ``text`` with its markup replaced by spaces (same length, line breaks kept)."""
    return _TAG.sub(_blank, _HIDDEN_BLOCK.sub(_blank, text))
