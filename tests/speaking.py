"""Hand-made speaker-resolution cases: a text, its people, organisations and quotes, as a Doc.

Shared by the speaker tests. The entity and quote stages do not run: each case states its people,
organisations and speaker mentions, so a test pins one rule of ``quotemine.pipeline.speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.tokens import Doc

from quotemine.pipeline.speakers import Attributor

__all__ = ["Case", "at", "who"]


def at(text: str, part: str, nth: int = 0) -> list[int]:
    """Return the offsets of the ``nth`` occurrence of ``part`` as whole words."""
    found = list(re.finditer(rf"(?<!\w){re.escape(part)}(?!\w)", text))[nth]
    return [found.start(), found.end()]


@dataclass
class Case:
    """A text with its people, organisations and quotes (speaker mention, content, kind)."""

    text: str
    people: dict[str, list[str]] = field(default_factory=dict)  # name -> extra mentions
    roles: dict[str, list[str]] = field(default_factory=dict)  # name -> role strings
    orgs: list[str] = field(default_factory=list)
    quotes: list[tuple[str, int, str, str]] = field(default_factory=list)  # (mention, nth, content, kind)
    unnamed: set[str] = field(default_factory=set)

    def doc(self) -> Doc:
        t = self.text
        doc = spacy.blank("en")(t)
        doc._.qm_people = [
            {
                "id": f"p{n}",
                "name": name,
                "mentions": [at(t, name)] + [at(t, m) for m in extra],
                "roles": [at(t, r) for r in self.roles.get(name, [])],
                "affiliations": [],
                "author": False,
            }
            for n, (name, extra) in enumerate(self.people.items(), start=1)
        ]
        doc._.qm_orgs = [
            {"id": f"o{n}", "name": name, "mentions": [at(t, name)]}
            for n, name in enumerate(self.orgs, start=1)
        ]
        quotes: list[dict[str, Any]] = []
        for n, (mention, nth, content, kind) in enumerate(self.quotes, start=1):
            s, e = at(t, mention, nth)
            c0, c1 = at(t, content)
            quotes.append(
                {
                    "id": f"q{n}",
                    "start": c0,
                    "end": c1,
                    "kind": kind,
                    "group": None,
                    "cue": None,
                    "speaker": {"start": s, "end": e, "person_id": None, "unnamed": mention in self.unnamed},
                    "addressee": None,
                }
            )
        doc._.qm_quotes = quotes
        return doc


def who(attributor: Attributor, case: Case) -> list[str | None]:
    """Return the person or organisation id of each quote's speaker, in quote order."""
    doc = attributor(case.doc())
    return [q["speaker"]["person_id"] or q["speaker"].get("organization_id") for q in doc._.qm_quotes]
