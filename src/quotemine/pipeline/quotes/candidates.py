"""The quotation candidates ``quotemine_quotes`` collects, and the offset bookkeeping on them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from quotemine.pipeline.quotes.marks import MarkedSpan
from quotemine.pipeline.records import CueType, QuoteKind, QuoteRecord, SpeakerRecord

__all__ = ["QuoteCandidate", "consume", "drop_nested", "group_by_cue", "overlaps", "previous", "to_record"]


@dataclass
class QuoteCandidate:
    """One quotation found in a document, in character offsets.

    Attributes:
        start: First character of the content.
        end: Character after the content.
        kind: ``direct``, ``indirect`` or ``mixed``.
        cue: Character span of the cue, or ``None``.
        cue_i: Token index of the cue, or ``None``.
        speaker: The local speaker mention, or ``None``.
        addressee: Character span of the addressee, or ``None``.
        group: Shared id of the pieces of one statement, or ``None``.
        para: Paragraph number of ``start``.
        cue_type: ``speech`` or ``belief`` (a belief, intention or knowledge: "believes that").
        rule: The rule that kept it ("direct", "ccomp", "according to", "inherited"...), for
            tracing; it is not written to the document.

    """

    start: int
    end: int
    kind: QuoteKind
    cue: tuple[int, int] | None
    cue_i: int | None
    speaker: SpeakerRecord | None
    addressee: tuple[int, int] | None = None
    group: str | None = None
    para: int = 0
    rule: str = ""
    cue_type: CueType = "speech"


def to_record(candidate: QuoteCandidate, number: int) -> QuoteRecord:
    """Return the ``QuoteRecord`` of a kept candidate, numbered ``q<number>``.

    The speaker is copied, so that attribution can amend each quote's speaker on its own.
    """
    spk = candidate.speaker
    return QuoteRecord(
        id=f"q{number}",
        start=candidate.start,
        end=candidate.end,
        kind=candidate.kind,
        group=candidate.group,
        cue=list(candidate.cue) if candidate.cue else None,
        speaker=SpeakerRecord(**spk) if spk else None,
        addressee=list(candidate.addressee) if candidate.addressee else None,
        cue_type=candidate.cue_type,
    )


def overlaps(candidates: Sequence[QuoteCandidate], cand: QuoteCandidate) -> bool:
    """Tell whether ``cand`` overlaps one of ``candidates`` (sorted by start, mostly disjoint)."""
    k = bisect.bisect_right(candidates, cand.start, key=lambda r: r.start)
    return any(r.start < cand.end and cand.start < r.end for r in candidates[max(0, k - 4) : k + 2])


def previous(by_end: Sequence[QuoteCandidate], start: int) -> QuoteCandidate | None:
    """Return the candidate that ends last at or before ``start + 1`` (``by_end`` sorted by end, start)."""
    k = bisect.bisect_right(by_end, start + 1, key=lambda r: r.end)
    return by_end[k - 1] if k else None


#: Rules whose quotation stands on its own even inside another statement's range (quotation marks).
_OWN_RULES = frozenset({"direct", "inherited", "cue sentence"})


def drop_nested(candidates: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """Drop the indirect candidates that lie inside a longer candidate ("said that she believes X").

    The statement around it already reports it: "X" inside "that she believes X", or "the council"
    inside "that the mayor criticized the council". A quotation in marks keeps its own record.

    Args:
        candidates: The candidates, in any order.

    Returns:
        The candidates kept, in the same order.

    """
    ordered = sorted(candidates, key=lambda c: (c.start, -c.end))
    nested: set[int] = set()
    reach = -1
    for cand in ordered:
        if cand.end <= reach and cand.rule not in _OWN_RULES:
            nested.add(id(cand))
        reach = max(reach, cand.end)
    return [c for c in candidates if id(c) not in nested] if nested else candidates


def group_by_cue(candidates: list[QuoteCandidate]) -> None:
    """Give the candidates that share a cue one group id, then number the groups ``g1``, ``g2``..."""
    by_cue: dict[int, list[QuoteCandidate]] = {}
    for cand in candidates:
        if cand.cue_i is not None:
            by_cue.setdefault(cand.cue_i, []).append(cand)
    for cue_i, same in by_cue.items():
        if len(same) > 1:
            gid = next((r.group for r in same if r.group), f"g{cue_i}")
            for r in same:
                r.group = gid
    names: dict[str, str] = {}
    for cand in candidates:
        if cand.group is not None:
            cand.group = names.setdefault(cand.group, f"g{len(names) + 1}")


def consume(marked: Sequence[MarkedSpan], used: list[bool], cand: QuoteCandidate) -> None:
    """Mark the quoted stretches inside ``cand`` as used (``marked`` is sorted by start)."""
    k = bisect.bisect_left(marked, cand.start - 1, key=lambda m: m.start)
    while k < len(marked) and marked[k].start < cand.end:
        if marked[k].end <= cand.end + 1:
            used[k] = True
        k += 1
