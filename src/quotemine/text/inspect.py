r"""Look at raw input before parsing: the one check for empty, binary, HTML and non-English text.

Everything here keeps character offsets: the cleaned text has the length of the input, so every
offset found in it is an offset into the caller's text.

Rules about the characters of a text (the first two documented on the limitations page):

- a surrogate code point (U+D800 to U+DFFF, e.g. half of an emoji cut by a scraper) is not text
  and cannot be written as UTF-8: ``replace_surrogates`` reads each one as U+FFFD, one character
  for one, so offsets stay valid, and the report says so in a warning;
- a carriage return is a line break: ``"\r\n"`` is parsed as ``" \n"`` and a lone ``"\r"`` as
  ``"\n"`` (offsets unchanged; spans never end in ``"\r"``);
- a space that is not U+0020 (a tab, a no-break, thin or ideographic space) is read as a space, except
  between two digits, where it groups thousands ("1\u00a0500"); a page break (form feed) or a Unicode
  line or paragraph separator is read as a line break; a zero-width space, joiner or word joiner, or a
  byte-order mark, next to a space, a punctuation mark or an end of the text is read as a space
  (``spaces``: inside a word it is left alone). The parser would otherwise read each as a token of
  its own, so "Mara\u00a0Quell" was no name and "Quell\u200b" a name with an invisible end;
- in a hard-wrapped text (blank lines between paragraphs, short lines), a line break inside a
  paragraph is read as a space (``wrap.unwrap``), so a sentence that runs over lines stays whole;
- the spaces of a blank line (``"\r\n\r\n"``, an indented empty line) are read as line breaks
  (``blank_lines``), so a quotation that runs on over paragraphs is not cut by an empty paragraph.
"""

from __future__ import annotations

import logging
import re

from quotemine.text.html_mask import looks_like_html, mask_html
from quotemine.text.wrap import unwrap

logger = logging.getLogger(__name__)

__all__ = [
    "CONTROL_CHARS",
    "blank_lines",
    "count_controls",
    "inspect_text",
    "line_breaks",
    "looks_binary",
    "looks_english",
    "replace_surrogates",
    "spaces",
]

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_WORD = re.compile(r"[^\W\d_]+")
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Spaces other than U+0020, unless they group the digits of a number.
# (A no-break space not between two digits: "(?<!\d.)" after it is "(?<!\d)" before it. Every branch
# starts with a character class, so the engine skips ahead to the next candidate character instead
# of trying a lookbehind at every position.)
_OTHER_SPACES = re.compile(r"[\t\u1680\u2000-\u200a\u205f\u3000]|[\u00a0\u202f](?:(?<!\d.)|(?!\d))")
#: Page breaks and Unicode line and paragraph separators.
_OTHER_BREAKS = re.compile("[\f\u2028\u2029]")
#: Invisible characters (zero-width space, non-joiner, joiner, word joiner, byte-order mark) at a word's edge.
_ZERO_WIDTH = re.compile(r"(?<!\w)[\u200b-\u200d\u2060\ufeff]|[\u200b-\u200d\u2060\ufeff](?!\w)")
_ZERO_WIDTH_GATE = re.compile("[\u200b-\u200d\u2060\ufeff]")
_ALNUM = re.compile(r"[^\W_]")
#: The spaces of a line that holds nothing else.
_SPACE_LINE = re.compile(r"(?<=\n)[ \t]+(?=\n)")
#: Any character ``spaces`` may change: a text without one is returned as it is, unscanned.
_SPACES_GATE = re.compile("[\t\f\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on was with as by at it from he said his her are were be has have "
    "had not but this an which who they their its or will would been also more after than i we you "
    "she".split()
)
_MIN_WORDS_FOR_LANGUAGE = 25
# A letter outside the Latin script (Latin-1, Latin Extended A/B and Additional are Latin).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
# English function words that are no word of another Latin-script language: evidence of English
# in a short text ("a", "in", "is", "was", "on", "an", "as", "or", "will", "her" are also French,
# German, Dutch, Italian or Portuguese words).
_ENGLISH_ONLY_WORDS = _ENGLISH_FUNCTION_WORDS - frozenset("a in is was on an as or will her i".split())
# Common function words of German, French, Spanish, Italian, Portuguese and Dutch that are no English
# word. Name particles ("de", "la", "van", "von", "del", "der", "da", "di", "du", "le", "el", "los")
# are left out: "Ana de la Cruz del Valle" is a name in an English text.
_FOREIGN_FUNCTION_WORDS = (
    frozenset(
        # German
        "und ist nicht ein eine einen einem einer mit sich auf für auch wird werden wurde sind sei wir ich "
        "sie zu bei nach aus noch oder aber wie dass über im vom zum zur diese dieser habe haben hatte nur "
        "schon sehr kein keine "
        # French
        "et est une dans pas qui que sur avec ce cette sont nous vous il elle au aux mais ont ne "
        "été sera leur "
        # Spanish
        "es por para una se su sus pero como más está muy fue y "
        # Italian
        "che è gli della sono anche nel alla questo "
        # Portuguese
        "não uma em mais foi são também "
        # Dutch
        "het een niet zijn ook voor wordt heeft deze naar".split()
    )
    - _ENGLISH_FUNCTION_WORDS
)
_MIN_FOREIGN_WORDS = 3
# A quotation in a short text may be in another language ('Crowds sang "Wir sind ein Volk"').
_QUOTED = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d')
_NOT_ENGLISH = "text does not look like English; quotemine reads English news only"
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


def spaces(text: str) -> str:
    r"""Return ``text`` with other spaces, page breaks and edge zero-width marks as spaces or breaks.

    One character for one, so offsets are unchanged (the rules are in the module docstring).

    >>> spaces("Mara\u00a0Quell\u200b paid $1\u00a0500.\fNext")
    'Mara Quell  paid $1\xa0500.\nNext'
    """
    if _SPACES_GATE.search(text) is None:
        return text
    # each pass only over a text with one of its characters (a no-break space is common, the rest
    # rare); the passes before write only spaces and line breaks, which the later ones never match
    # nor read as word characters, so a pass skipped changes nothing
    text = _OTHER_SPACES.sub(" ", text)
    if _OTHER_BREAKS.search(text) is not None:
        text = _OTHER_BREAKS.sub("\n", text)
    if _ZERO_WIDTH_GATE.search(text) is not None:
        text = _ZERO_WIDTH.sub(" ", text)
    return text


def blank_lines(text: str) -> str:
    r"""Return ``text`` with the spaces of each blank line as line breaks, keeping its length.

    A line of spaces alone (a Windows ``"\r\n\r\n"`` read as ``" \n \n"``, an indented empty line)
    is no paragraph: the stages read a paragraph as a run of characters without a line break, and
    a quotation left open at a paragraph's end runs on into the next one only when that one opens
    with a quotation mark, so a blank line of spaces between them lost the quotation.

    >>> blank_lines("One.\r\n \n\t\nTwo. \nThree.")
    'One.\r\n\n\n\n\nTwo. \nThree.'
    """
    return _SPACE_LINE.sub(lambda m: "\n" * len(m.group()), text) if "\n" in text else text


def count_controls(text: str) -> int:
    """Return how many control characters (``CONTROL_CHARS``) ``text`` holds."""
    return 0 if CONTROL_CHARS.search(text) is None else len(CONTROL_CHARS.findall(text))


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
    clean = blank_lines(unwrap(line_breaks(spaces(clean))))
    if looks_like_html(clean):
        clean = mask_html(clean)
        warnings.append("input looks like HTML: markup was read as spaces; pass plain text for best results")
    if not clean.strip():
        return clean, [*warnings, "text is empty"], False
    if _ALNUM.search(clean) is None:
        return clean, [*warnings, _NO_WORDS], False
    if not looks_english(clean[:20_000]):
        return clean, [*warnings, _NOT_ENGLISH], False
    return clean, warnings, True


def looks_english(text: str) -> bool:
    """Tell whether ``text`` may be English: the language check, for texts of any length.

    Not English: more than half the letters outside the Latin script (Cyrillic, Chinese, Arabic...),
    at any length. From 25 words on: under half the words ASCII, or under 8% English function
    words. Under 25 words only clear evidence counts: three or more function words of another
    Latin-script language outside quotation marks and no English one, so a headline, a name
    ("Ana de la Cruz") or a quoted foreign phrase in an English sentence stays English.

    >>> looks_english("Harbour Talks Stall"), looks_english("Министр заявил, что всё готово.")
    (True, False)
    """
    found = _WORD.findall(text)
    # the words lower-cased in one call: a word holds no space, and lower() makes none
    joined = " ".join(found).lower()
    words = joined.split(" ") if found else []
    letters = len(joined) - len(words) + 1 if words else 0
    if not text.isascii() and len(_NON_LATIN_LETTER.findall(text)) * 2 > letters:
        return False
    if len(words) >= _MIN_WORDS_FOR_LANGUAGE:
        latin = len(words) if joined.isascii() else sum(map(str.isascii, words))
        function = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, words))
        return latin >= len(words) * 0.5 and function >= len(words) * 0.08
    unquoted = [w.lower() for w in _WORD.findall(_QUOTED.sub(" ", text))]
    if any(w in _ENGLISH_ONLY_WORDS for w in unquoted):
        return True
    return sum(1 for w in unquoted if w in _FOREIGN_FUNCTION_WORDS) < _MIN_FOREIGN_WORDS
