"""Where a person's surname stands alone in a text: capitalised, and never as a common word.

``DocIndex`` links "Roe" to the one person called Roe; these searches find the capitalised
occurrences of such words, and tell whether the text also writes a word in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container

__all__ = ["capitalised_hits", "surname_like", "written_lower"]

#: A capitalised word, and the same lower-cased: what a bare surname may be.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_LOWER_WORD = re.compile(r"[a-z][\w'’-]*")


def surname_like(word: str) -> bool:
    """Tell whether ``word`` (lower case) may be a capitalised word lower-cased ("roe", "o'hara")."""
    return _LOWER_WORD.fullmatch(word) is not None


#: A character of a word as a capitalised word runs on (``[A-Z][\w'’-]*``).
_WORD_CHAR = re.compile(r"[\w'’-]")


def capitalised_hits(text: str, words: Collection[str]) -> dict[str, list[tuple[int, int]]]:
    """Return where each of ``words`` (lower case) stands capitalised in ``text``, alone or with 's.

    A whole capitalised word (letters, digits, apostrophes, hyphens) that is the word in any
    case, or the word and a possessive ``'s`` ("Roe's": the span of "Roe"). Found by a search for
    each word in the lower-cased text (a few words, each found at C speed), not by a look at
    every capitalised word.
    """
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: look at every word
        return _capitalised_words(text, words)
    hits: dict[str, list[tuple[int, int]]] = {}
    for word in words:
        k = low.find(word)
        while k != -1:
            end = k + len(word)
            if "A" <= text[k] <= "Z" and (k == 0 or not _WORD_CHAR.match(text, k - 1)):
                if not _WORD_CHAR.match(text, end) or (
                    low.startswith(("'s", "’s"), end) and not _WORD_CHAR.match(text, end + 2)
                ):
                    hits.setdefault(word, []).append((k, end))
            k = low.find(word, k + 1)
    return hits


def _capitalised_words(text: str, words: Container[str]) -> dict[str, list[tuple[int, int]]]:
    """Return what ``_capitalised_hits`` does by a look at every capitalised word of ``text``."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        low = word.lower()
        if low not in words and low.endswith(("'s", "’s")):
            word, low = word[:-2], low[:-2]
        if low in words:
            hits.setdefault(low, []).append((m.start(), m.start() + len(word)))
    return hits


def written_lower(text: str, word: str) -> bool:
    """Tell whether ``word`` (lower case) stands in ``text`` in lower case as a word of its own."""
    k = text.find(word, 1)
    while k != -1:  # one scan for the word, then a look at its neighbours (not sixteen scans)
        after = text[k + len(word) : k + len(word) + 1]
        if text[k - 1] in " \n" and after and after in " ,.;:'’":
            return True
        k = text.find(word, k + 1)
    return False
