"""The quote stage's output as (content, speaker) pairs, for the quote rule tests."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quotemine.pipeline.quotes import QuoteFinder


def found(nlp: Language, finder: QuoteFinder, text: str) -> list[tuple[str, str | None]]:
    """Return (content, speaker) of each quote of ``text``, in the order the stage wrote them."""
    doc: Doc = finder(nlp(text))
    out: list[tuple[str, str | None]] = []
    for q in doc._.qm_quotes:
        spk: Any = q["speaker"]
        out.append((text[q["start"] : q["end"]], None if spk is None else text[spk["start"] : spk["end"]]))
    return out
