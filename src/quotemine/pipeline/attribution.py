"""Resolve each quote's local speaker mention to a person of ``doc._.qm_people``.

``Attributor`` (factory ``quotemine_attribution``) amends ``speaker.person_id`` (and may set
``speaker.antecedent``) of the ``QuoteRecord``s that ``quotemine_quotes`` wrote, reading quotes and
people through ``quotemine.pipeline.records``. Resolution order (``_RULES``), and never a guess
beyond it (no resolution gives ``person_id: None``):

1. the mention overlaps a person's mention;
2. its last word is the surname (last word of a mention) of exactly one person;
3. a pronoun ("he", "she", "I") resolves to the person of the closest earlier quote in the same or
   previous paragraph, else to the closest earlier person mention in that window;
4. a definite title ("the minister") resolves to the closest earlier person whose role spans contain
   the title word; a mention ``quotemine_quotes`` marked unnamed ("the spokesman": a group noun)
   may too when its last word is one of the unnamed-speaker ``titles`` of
   ``unnamed_speakers.json`` (the speaker then is named after all);
5. a relative pronoun resolves through the antecedent ``quotemine_quotes`` found ("X, who said");
6. a quote that continues another one keeps its speaker (``quotemine_quotes`` copies the mention).
"""

from __future__ import annotations

import bisect
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from quotemine.extensions import doc_text
from quotemine.lexicons import data_json
from quotemine.lexicons.words import PERSON_PRONOUNS, paragraph_starts
from quotemine.pipeline.handlers import ErrorHandler
from quotemine.pipeline.records import (
    PersonRecord,
    QuoteRecord,
    SpeakerRecord,
    add_warning,
    get_people,
    get_quotes,
)

__all__ = ["Attributor", "drop_attribution", "unnamed_titles"]

logger = logging.getLogger(__name__)

_UNNAMED_FILE = "unnamed_speakers.json"
_TITLES_FILE = "unnamed_titles.json"
_WORD = re.compile(r"\w[\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")

Mention = tuple[int, int, str]
"""``(start, end, person id)`` of a person mention or role."""


def _last_word(text: str) -> str | None:
    words = _WORD.findall(text)
    return _POSSESSIVE.sub("", words[-1]).lower() if words else None


def unnamed_titles(unnamed: Mapping[str, object]) -> frozenset[str]:
    """Return the ``titles`` of the content of ``unnamed_speakers.json``, lower-cased."""
    value = unnamed.get("titles") or []
    return frozenset(str(w).lower() for w in value) if isinstance(value, list) else frozenset()


def drop_attribution(name: str, proc: Any, docs: list[Doc], exc: Exception) -> None:
    """Default error handler: keep the quotes, drop every resolution, and leave a warning.

    Args:
        name: The component name.
        proc: The component.
        docs: The documents it failed on.
        exc: The error.

    """
    for doc in docs:
        logger.error("attribution failed on a document of %d chars", len(doc.text), exc_info=exc)
        for q in get_quotes(doc):
            spk = q.get("speaker")
            if spk:
                spk["person_id"] = None
        add_warning(doc, f"attribution: skipped after an internal error ({type(exc).__name__})")


@dataclass
class _Index:
    """The people of one document, indexed for look-ups by offset and surname."""

    text: str
    para_starts: list[int]
    mentions: list[Mention]
    roles: list[Mention]
    surnames: dict[str, set[str]] = field(default_factory=dict)
    mstarts: list[int] = field(default_factory=list)
    resolved: list[tuple[int, str]] = field(default_factory=list)  # (speaker start, person id)

    @classmethod
    def build(cls, text: str, people: list[PersonRecord]) -> _Index:
        mentions = sorted(
            (int(m[0]), int(m[1]), str(p["id"])) for p in people for m in p.get("mentions") or []
        )
        roles = sorted((int(r[0]), int(r[1]), str(p["id"])) for p in people for r in p.get("roles") or [])
        index = cls(text, paragraph_starts(text), mentions, roles, mstarts=[m[0] for m in mentions])
        for ms, me, mpid in mentions:
            word = _last_word(text[ms:me])
            if word:
                index.surnames.setdefault(word, set()).add(mpid)
        return index

    def para(self, char: int) -> int:
        """Return the paragraph number of the character offset ``char``."""
        return bisect.bisect_right(self.para_starts, char) - 1

    def overlap(self, s: int, e: int) -> str | None:
        """Return the person of the first mention overlapping ``[s, e)`` (mentions are short)."""
        k = max(0, bisect.bisect_left(self.mstarts, s) - 4)
        while k < len(self.mentions) and self.mentions[k][0] < e:
            _ms, me, pid = self.mentions[k]
            if me > s:
                return pid
            k += 1
        return None

    def earlier_mention(self, pid: str, s: int) -> tuple[int, int] | None:
        """Return the last mention of ``pid`` that starts before ``s``."""
        return next(((ms, me) for ms, me, p in reversed(self.mentions) if p == pid and ms < s), None)


@dataclass(frozen=True)
class _Mention:
    """A speaker mention to resolve."""

    speaker: SpeakerRecord
    start: int
    end: int
    low: str  # the mention's text, stripped and lower-cased

    @property
    def personal(self) -> bool:
        return self.low in PERSON_PRONOUNS

    @property
    def definite(self) -> bool:
        return self.low.startswith("the ")


_Rule = Callable[["Attributor", _Index, _Mention], "str | None"]


def _by_overlap(att: Attributor, idx: _Index, m: _Mention) -> str | None:
    """1. The mention overlaps a person's mention."""
    return idx.overlap(m.start, m.end)


def _by_surname(att: Attributor, idx: _Index, m: _Mention) -> str | None:
    """2. Its last word is the surname of exactly one person (an unnamed mention is no one's)."""
    if m.personal or m.speaker.get("unnamed"):
        return None
    ids = idx.surnames.get(_last_word(idx.text[m.start : m.end]) or "", set())
    return next(iter(ids)) if len(ids) == 1 else None


def _by_pronoun(att: Attributor, idx: _Index, m: _Mention) -> str | None:
    """3. A personal pronoun: the closest earlier speaker or person mention nearby."""
    return att.resolve_pronoun(idx, m.start) if m.personal else None


def _by_title(att: Attributor, idx: _Index, m: _Mention) -> str | None:
    """4. A definite title: the closest earlier person with a role holding the title word."""
    word = _last_word(m.low)
    if not m.definite or (m.speaker.get("unnamed") and word not in att.titles):
        return None
    best: str | None = None
    for rs, re_, pid in idx.roles:
        if rs >= m.start:
            break
        if word and word in idx.text[rs:re_].lower():
            best = pid
    return best


def _by_antecedent(att: Attributor, idx: _Index, m: _Mention) -> str | None:
    """5. A relative pronoun: the person of its antecedent."""
    antecedent = m.speaker.get("antecedent")
    if not antecedent:
        return None
    return idx.overlap(int(antecedent[0]), int(antecedent[1]))


#: The resolution rules, in order: the first that names a person decides.
_RULES: tuple[_Rule, ...] = (_by_overlap, _by_surname, _by_pronoun, _by_title, _by_antecedent)


class Attributor(Pipe):
    """Set ``person_id`` on the speaker of each quote in ``doc._.qm_quotes``.

    On an internal error the component's error handler is called (``set_error_handler``, as for
    spaCy's own pipes); the default, ``drop_attribution``, keeps the quotes without resolution and
    leaves a warning.

    Args:
        nlp: The pipeline (unused; kept for the component signature).
        name: Component name.
        pronoun_window: How many paragraphs back a pronoun may look for its antecedent.

    Attributes:
        titles: Titles an unnamed definite mention may still be resolved by ("the spokesman"),
            from ``unnamed_speakers.json``; saved by ``to_disk``.

    >>> Attributor(None, "a").pronoun_window  # doctest: +SKIP
    1

    """

    def __init__(self, nlp: Language, name: str, *, pronoun_window: int = 1) -> None:
        self.name = name
        self.pronoun_window = pronoun_window
        self.titles = unnamed_titles(data_json(_UNNAMED_FILE))
        self.error_handler: ErrorHandler = drop_attribution

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the unnamed-speaker titles to the directory ``path``."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        (out / _TITLES_FILE).write_text(json.dumps({"titles": sorted(self.titles)}), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Attributor:
        """Read the titles ``to_disk`` wrote (a directory without them keeps the packaged ones)."""
        src = Path(path) / _TITLES_FILE
        if src.exists():
            self.titles = unnamed_titles(json.loads(src.read_text(encoding="utf-8")))
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Resolve the speakers of ``doc``."""
        quotes = get_quotes(doc)
        if not quotes:
            return doc
        try:
            self._resolve(doc, quotes, get_people(doc))
        except Exception as exc:  # handed to the error handler, which by default degrades
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def _resolve(self, doc: Doc, quotes: list[QuoteRecord], people: list[PersonRecord]) -> None:
        text = doc_text(doc)
        idx = _Index.build(text, people)
        by_span: dict[tuple[int, int], str | None] = {}
        for q in sorted(quotes, key=lambda q: int(q["start"])):
            spk = q.get("speaker")
            if not spk:
                continue
            s, e = int(spk["start"]), int(spk["end"])
            if (s, e) in by_span:  # the same mention (a continued quote): same answer
                _set_person(spk, by_span[(s, e)])
                continue
            m = _Mention(spk, s, e, text[s:e].strip().lower())
            pid = next((p for p in (rule(self, idx, m) for rule in _RULES) if p is not None), None)
            _set_person(spk, pid)
            if pid is not None:
                bisect.insort(idx.resolved, (s, pid))
                if m.personal or m.definite:
                    first = idx.earlier_mention(pid, s)
                    if first is not None:
                        spk["antecedent"] = [first[0], first[1]]
            by_span[(s, e)] = pid

    def resolve_pronoun(self, idx: _Index, s: int) -> str | None:
        """Resolve a pronoun at ``s`` to the closest earlier speaker or person mention nearby."""
        here = idx.para(s)
        best_q: tuple[int, str] | None = None
        k = bisect.bisect_left(idx.resolved, (s, ""))
        if k and here - idx.para(idx.resolved[k - 1][0]) <= self.pronoun_window:
            best_q = idx.resolved[k - 1]  # the closest earlier resolved speaker
        best_m: tuple[int, str] | None = None
        k = bisect.bisect_left(idx.mstarts, s)
        if k and here - idx.para(idx.mentions[k - 1][0]) <= self.pronoun_window:
            best_m = (idx.mentions[k - 1][0], idx.mentions[k - 1][2])
        if best_q is not None and (best_m is None or best_m[1] == best_q[1] or idx.para(best_m[0]) != here):
            return best_q[1]
        return best_m[1] if best_m is not None else None


def _set_person(spk: SpeakerRecord, pid: str | None) -> None:
    """Set the person of a speaker mention; a resolved mention is no longer unnamed."""
    spk["person_id"] = pid
    if pid is not None:
        spk["unnamed"] = False
