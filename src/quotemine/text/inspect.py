r"""Look at raw input before parsing: the one check for empty, binary, HTML and non-English text.

Everything here keeps character offsets: the cleaned text has the length of the input, so every
offset found in it is an offset into the caller's text.

Two rules about the characters of a text (documented on the limitations page):

- a surrogate code point (U+D800 to U+DFFF, e.g. half of an emoji cut by a scraper) is not text
  and cannot be written as UTF-8: ``replace_surrogates`` reads each one as U+FFFD, one character
  for one, so offsets stay valid, and the report says so in a warning;
- a carriage return is a line break: ``"\r\n"`` is parsed as ``" \n"`` and a lone ``"\r"`` as
  ``"\n"`` (offsets unchanged; spans never end in ``"\r"``).
"""

from __future__ import annotations

import logging
import re

from quotemine.text.html_mask import looks_like_html, mask_html

logger = logging.getLogger(__name__)

__all__ = [
    "CONTROL_CHARS",
    "count_controls",
    "inspect_text",
    "line_breaks",
    "looks_binary",
    "replace_surrogates",
]

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_WORD = re.compile(r"[^\W\d_]+")
_SURROGATES = re.compile("[\ud800-\udfff]")
_ALNUM = re.compile(r"[^\W_]")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on was with as by at it from he said his her are were be has have "
    "had not but this an which who they their its or will would been also more after than i we you "
    "she".split()
)
_MIN_WORDS_FOR_LANGUAGE = 25
_NO_WORDS = "text has no letters or digits (symbols or emoji only); nothing was extracted"


def replace_surrogates(text: str) -> tuple[str, int]:
    r"""Return ``text`` with every surrogate code point as U+FFFD, and how many there were.

    >>> replace_surrogates("ok \ud800") == ("ok \ufffd", 1)
    True
    """
    replaced, count = _SURROGATES.subn("\ufffd", text)
    return replaced, count


def line_breaks(text: str) -> str:
    r"""Return ``text`` with each carriage return read as a line break, keeping its length.

    >>> line_breaks("Title\r\nBody\rEnd")
    'Title \nBody\nEnd'
    """
    return text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text


def count_controls(text: str) -> int:
    """Return how many control characters (``CONTROL_CHARS``) ``text`` holds."""
    return len(CONTROL_CHARS.findall(text))


def looks_binary(text: str, controls: int) -> bool:
    """Tell whether ``controls`` control characters make ``text`` binary data rather than text."""
    return controls > max(8, len(text) // 20)


def inspect_text(text: str) -> tuple[str, list[str], bool]:
    """Return ``(clean text, warnings, analyse?)`` for one input text.

    The clean text has the input's length: HTML markup and control characters are replaced by
    spaces. ``analyse`` is false for text quotemine will not read (empty, binary, not English):
    the caller then gives an empty report carrying the warnings.
    """
    warnings: list[str] = []
    if not text.strip():
        return text, ["text is empty"], False
    clean = text
    controls = count_controls(text)
    if controls:
        if looks_binary(text, controls):
            return text, ["text looks binary (many control characters); nothing was extracted"], False
        clean = CONTROL_CHARS.sub(" ", clean)
        warnings.append(f"{controls} control character(s) were read as spaces")
    clean = line_breaks(clean)
    if looks_like_html(clean):
        clean = mask_html(clean)
        warnings.append("input looks like HTML: markup was read as spaces; pass plain text for best results")
    if not clean.strip():
        return clean, [*warnings, "text is empty"], False
    if _ALNUM.search(clean) is None:
        return clean, [*warnings, _NO_WORDS], False
    words = [w.lower() for w in _WORD.findall(clean[:20_000])]
    if len(words) >= _MIN_WORDS_FOR_LANGUAGE:
        latin = sum(1 for w in words if w.isascii())
        function = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
        if latin < len(words) * 0.5 or function < len(words) * 0.08:
            warnings.append("text does not look like English; quotemine reads English news only")
            return clean, warnings, False
    return clean, warnings, True
