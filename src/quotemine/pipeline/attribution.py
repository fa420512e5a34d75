"""Resolve each quote's local speaker mention to a person of ``doc._.qm_people``.

``Attributor`` (factory ``quotemine_attribution``) fills ``speaker.person_id`` (and may add
``speaker.antecedent``) in the quote dicts that ``quotemine_quotes`` wrote to ``doc._.qm_quotes``.
Resolution order, and never a guess beyond it (no resolution gives ``person_id: None``):

1. the mention overlaps a person's mention;
2. its last word is the surname (last word of a mention) of exactly one person;
3. a pronoun ("he", "she", "I") resolves to the person of the closest earlier quote in the same or
   previous paragraph, else to the closest earlier person mention in that window;
4. a definite title ("the minister") resolves to the closest earlier person whose role spans contain
   the title word;
5. a quote that continues another one keeps its speaker (``quotemine_quotes`` copies the mention).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quotemine.extensions import doc_text

logger = logging.getLogger(__name__)

_PARAGRAPH = re.compile(r"(?<=\n)[^\n]+")
_WORD = re.compile(r"\w[\w'’-]*")
_PERSONAL = frozenset({"he", "she", "i", "him", "her", "me"})
_POSSESSIVE = re.compile(r"['’]s$")


def _last_word(text: str) -> str | None:
    words = _WORD.findall(text)
    return _POSSESSIVE.sub("", words[-1]).lower() if words else None


class Attributor:
    """Set ``person_id`` on the speaker of each quote in ``doc._.qm_quotes``.

    Args:
        nlp: The pipeline (unused; kept for the component signature).
        name: Component name.
        pronoun_window: How many paragraphs back a pronoun may look for its antecedent.

    >>> Attributor(None, "a").pronoun_window  # doctest: +SKIP
    1

    """

    def __init__(self, nlp: Language, name: str, *, pronoun_window: int = 1) -> None:
        self.name = name
        self.pronoun_window = pronoun_window

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Nothing to save: the component has no state beyond its config."""

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Attributor:
        """Nothing to load; returns ``self``."""
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Resolve the speakers of ``doc``; never raises on odd input."""
        quotes = doc._.qm_quotes or []
        people = doc._.qm_people or []
        if not quotes:
            return doc
        try:
            self._resolve(doc, quotes, people)
        except Exception as exc:  # degrade: keep the quotes, drop the resolution
            logger.exception("attribution failed on a document of %d chars", len(doc.text))
            for q in quotes:
                if q.get("speaker"):
                    q["speaker"]["person_id"] = None
            doc._.qm_warnings = (doc._.qm_warnings or []) + [
                f"attribution: skipped after an internal error ({type(exc).__name__})"
            ]
        return doc

    def _resolve(self, doc: Doc, quotes: list[dict[str, Any]], people: list[dict[str, Any]]) -> None:
        text = doc_text(doc)
        para_starts = [0] + [m.start() for m in _PARAGRAPH.finditer(text)]

        def para(char: int) -> int:
            return bisect.bisect_right(para_starts, char) - 1

        mentions: list[tuple[int, int, str]] = sorted(
            (int(m[0]), int(m[1]), str(p["id"])) for p in people for m in p.get("mentions") or []
        )
        surnames: dict[str, set[str]] = {}
        for ms, me, mpid in mentions:
            word = _last_word(text[ms:me])
            if word:
                surnames.setdefault(word, set()).add(mpid)
        roles: list[tuple[int, int, str]] = sorted(
            (int(r[0]), int(r[1]), str(p["id"])) for p in people for r in p.get("roles") or []
        )
        by_span: dict[tuple[int, int], str | None] = {}
        resolved: list[tuple[int, str]] = []  # (speaker start, person id), sorted
        mstarts = [m[0] for m in mentions]
        for q in sorted(quotes, key=lambda q: int(q["start"])):
            spk = q.get("speaker")
            if not spk:
                continue
            s, e = int(spk["start"]), int(spk["end"])
            if (s, e) in by_span:  # the same mention (a continued quote): same answer
                spk["person_id"] = by_span[(s, e)]
                if spk["person_id"] is not None:
                    spk["unnamed"] = False
                continue
            pid = self._overlap(mentions, mstarts, s, e)
            mention_text = text[s:e]
            low = mention_text.strip().lower()
            if pid is None and low not in _PERSONAL:
                word = _last_word(mention_text)
                ids = surnames.get(word or "", set())
                if len(ids) == 1 and not spk.get("unnamed"):
                    pid = next(iter(ids))
            if pid is None and low in _PERSONAL:
                pid = self._pronoun(resolved, mentions, mstarts, s, para)
            if pid is None and low.startswith("the ") and not spk.get("unnamed"):
                pid = self._title(roles, text, low, s)
            if pid is None and spk.get("antecedent"):
                a0, a1 = spk["antecedent"]
                pid = self._overlap(mentions, mstarts, int(a0), int(a1))
            spk["person_id"] = pid
            if pid is not None:
                bisect.insort(resolved, (s, pid))
                spk["unnamed"] = False
                if low in _PERSONAL or low.startswith("the "):
                    first = next(((ms, me) for ms, me, p in reversed(mentions) if p == pid and ms < s), None)
                    if first is not None:
                        spk["antecedent"] = [first[0], first[1]]
            by_span[(s, e)] = pid

    @staticmethod
    def _overlap(mentions: list[tuple[int, int, str]], starts: list[int], s: int, e: int) -> str | None:
        """Return the person of the first mention overlapping ``[s, e)`` (mentions are short)."""
        k = max(0, bisect.bisect_left(starts, s) - 4)
        while k < len(mentions) and mentions[k][0] < e:
            _ms, me, pid = mentions[k]
            if me > s:
                return pid
            k += 1
        return None

    def _pronoun(
        self,
        resolved: list[tuple[int, str]],
        mentions: list[tuple[int, int, str]],
        mstarts: list[int],
        s: int,
        para: Any,
    ) -> str | None:
        """Resolve a pronoun at ``s`` to the closest earlier speaker or person mention nearby."""
        here = para(s)
        best_q: tuple[int, str] | None = None
        k = bisect.bisect_left(resolved, (s, ""))
        if k and here - para(resolved[k - 1][0]) <= self.pronoun_window:
            best_q = resolved[k - 1]  # the closest earlier resolved speaker
        best_m: tuple[int, str] | None = None
        k = bisect.bisect_left(mstarts, s)
        if k and here - para(mentions[k - 1][0]) <= self.pronoun_window:
            best_m = (mentions[k - 1][0], mentions[k - 1][2])
        if best_q is not None and (best_m is None or best_m[1] == best_q[1] or para(best_m[0]) != here):
            return best_q[1]
        return best_m[1] if best_m is not None else None

    @staticmethod
    def _title(roles: list[tuple[int, int, str]], text: str, low: str, s: int) -> str | None:
        word = _last_word(low)
        best: str | None = None
        for rs, re_, pid in roles:
            if rs >= s:
                break
            if word and word in text[rs:re_].lower():
                best = pid
        return best
