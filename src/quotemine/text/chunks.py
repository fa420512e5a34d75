"""Cut a text too long for one parse into paragraph-aligned chunks whose offsets map back."""

from __future__ import annotations

__all__ = ["split_chunks"]


def split_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, chunk)`` pieces of at most ``limit`` characters.

    Cuts fall on paragraph breaks when there are any, else on line breaks, sentence ends or
    spaces, so that no sentence (and so no quote) is cut where it can be avoided.
    """
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep, limit // 2)
                if cut != -1:
                    end = start + cut + len(sep)
                    break
        chunks.append((start, text[start:end]))
        start = end
    return chunks
