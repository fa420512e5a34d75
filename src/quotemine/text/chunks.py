"""Cut a text too long for one parse into paragraph-aligned chunks whose offsets map back."""

from __future__ import annotations

import re

__all__ = ["split_chunks"]

# A sentence end: . ! or ? (and closing quotes or brackets), spaces, then what starts a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])")


def split_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, chunk)`` pieces of at most ``limit`` characters.

    Cuts fall on paragraph breaks when there are any, else on line breaks, else on sentence ends
    outside quotation marks (not after a short capitalised word such as a title or an
    abbreviation), else after any full stop or space, so that no sentence (and so no quote or
    name) is cut where it can be avoided. Each cut is in the second half of its chunk.
    """
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = _cut(text[start:end], limit // 2)
            if cut is not None:
                end = start + cut
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def _cut(window: str, floor: int) -> int | None:
    """Return where to end the chunk ``window`` (after ``floor``), or ``None`` for its end."""
    for sep in ("\n\n", "\n"):
        found = window.rfind(sep, floor)
        if found != -1:
            return found + len(sep)
    sentence = _sentence_cut(window, floor)
    if sentence is not None:
        return sentence
    for sep in (". ", " "):
        found = window.rfind(sep, floor)
        if found != -1:
            return found + len(sep)
    return None


def _sentence_cut(window: str, floor: int) -> int | None:
    """Return the end of the last sentence after ``floor`` that is outside quotation marks."""
    best = None
    straight = window.count('"', 0, floor)
    curly = window.count("“", 0, floor) - window.count("”", 0, floor)
    counted = floor
    for match in _SENTENCE_END.finditer(window, floor):
        end = match.end()
        straight += window.count('"', counted, end)
        curly += window.count("“", counted, end) - window.count("”", counted, end)
        counted = end
        if straight % 2 == 0 and curly <= 0 and _ends_sentence(window, match.start()):
            best = end
    return best


def _ends_sentence(window: str, stop: int) -> bool:
    """Whether the word before the full stop at ``stop`` can end a sentence.

    A lowercase word of two or more letters, or a number, does ("said.", "2019."); a capitalised
    word may be a title or an abbreviation ("Mr.", "Gen.", "Corp.") and is not taken.
    """
    begin = stop
    while begin > 0 and window[begin - 1].isalnum():
        begin -= 1
    word = window[begin:stop]
    return word.isdigit() or (len(word) >= 2 and word[0].islower())
