"""A candidate entity: its token span, its label and the reasons it was kept, relabelled or dropped.

Every rule of the entity stage acts on ``Candidate`` records instead of bare ``[start, end, label]``
lists: a rule that changes a candidate says why, so ``explain=True`` can show each decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["MODIFIER", "Candidate", "Pool", "Verdict"]

#: Verdict label of a name used as a modifier ("the Clinton campaign"): kept only when the text
#: names that person elsewhere.
MODIFIER = "_MODIFIER"


class Verdict(NamedTuple):
    """What a rule says about a candidate: its new label (``None`` to drop it) and why.

    ``start``, when given, moves the start token of the candidate ("Veteran Kazakh" -> "Kazakh").
    """

    label: str | None
    reason: str
    start: int | None = None


@dataclass(eq=False)
class Candidate:
    """One candidate entity over tokens ``start:end``; ``label`` is ``None`` once dropped.

    Candidates compare by identity: two candidates over the same tokens stay two decisions.
    """

    start: int
    end: int
    label: str | None
    reasons: list[str] = field(default_factory=list)

    @property
    def dropped(self) -> bool:
        """Return whether a rule dropped the candidate."""
        return self.label is None

    def relabel(self, label: str | None, reason: str) -> None:
        """Set a new label (``None`` drops the candidate) and record why."""
        self.label = label
        self.reasons.append(reason)

    def drop(self, reason: str) -> None:
        """Drop the candidate and record why."""
        self.relabel(None, reason)

    def note(self, reason: str) -> None:
        """Record a reason that keeps the label (a rule that kept or reshaped the candidate)."""
        self.reasons.append(reason)

    def apply(self, verdict: Verdict) -> None:
        """Apply a rule's verdict: new label (or drop), new start if given, and its reason."""
        if verdict.start is not None:
            self.start = verdict.start
        self.relabel(verdict.label, verdict.reason)


class Pool:
    """Every candidate of one document in the order it was made, for ``explain``."""

    def __init__(self) -> None:
        """Start an empty pool."""
        self.all: list[Candidate] = []

    def new(self, start: int, end: int, label: str, reason: str) -> Candidate:
        """Make a candidate, remember it and return it."""
        cand = Candidate(start, end, label, [reason])
        self.all.append(cand)
        return cand
