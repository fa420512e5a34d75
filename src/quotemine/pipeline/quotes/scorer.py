"""Score ``quotemine_quotes`` against gold quotations: ``nlp.evaluate`` reports these scores.

The gold quotations are the ``doc._.qm_quotes`` records of each ``Example``'s reference doc (only
``start``, ``end`` and ``speaker`` are read). Matching is by **span overlap**: each gold quote is
paired with the first unpaired predicted quote whose characters overlap it, one to one.

* ``quotes_p``, ``quotes_r``, ``quotes_f``: precision, recall and F1 of that pairing;
* ``speaker_acc``: among the pairs whose gold quote has a speaker, the share whose predicted
  speaker mention overlaps the gold one (``None`` when no gold quote has a speaker).

Registered as ``quotemine.quote_scorer.v1`` in ``spacy.registry.scorers`` (by ``factories.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.scorer import PRFScore
from spacy.training import Example

from quotemine.pipeline.records import QuoteRecord, SpeakerRecord, get_quotes

__all__ = ["score_quotes"]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _pairs(gold: Sequence[QuoteRecord], pred: Sequence[QuoteRecord]) -> list[tuple[QuoteRecord, QuoteRecord]]:
    """Pair each gold quote with the first unpaired predicted quote that overlaps it."""
    taken: set[int] = set()
    pairs: list[tuple[QuoteRecord, QuoteRecord]] = []
    for g in sorted(gold, key=lambda q: (q["start"], q["end"])):
        for n, p in enumerate(pred):
            if n not in taken and _overlap(g["start"], g["end"], p["start"], p["end"]):
                taken.add(n)
                pairs.append((g, p))
                break
    return pairs


def _same_speaker(gold: SpeakerRecord, pred: SpeakerRecord | None) -> bool:
    return pred is not None and _overlap(gold["start"], gold["end"], pred["start"], pred["end"])


def score_quotes(examples: Iterable[Example], **kwargs: Any) -> dict[str, float | None]:
    """Return quote precision, recall and F1 (span overlap) and speaker accuracy.

    Args:
        examples: Examples whose reference docs carry gold ``doc._.qm_quotes`` and whose predicted
            docs went through ``quotemine_quotes``.
        **kwargs: Ignored (spaCy passes the component's settings).

    Returns:
        ``{"quotes_p", "quotes_r", "quotes_f", "speaker_acc"}``.

    """
    prf = PRFScore()
    right = total = 0
    for eg in examples:
        gold, pred = get_quotes(eg.reference), get_quotes(eg.predicted)
        pairs = _pairs(gold, pred)
        prf.tp += len(pairs)
        prf.fn += len(gold) - len(pairs)
        prf.fp += len(pred) - len(pairs)
        for g, p in pairs:
            if g["speaker"] is not None:
                total += 1
                right += _same_speaker(g["speaker"], p["speaker"])
    return {
        "quotes_p": prf.precision,
        "quotes_r": prf.recall,
        "quotes_f": prf.fscore,
        "speaker_acc": right / total if total else None,
    }
