"""A "he"/"she" right after a sentence whose subject is a description of someone named before.

"His nephew, Leon Roe, runs the mill. ... / His nephew is less patient. '...,' he said": the
pronoun stands for the subject of the sentence before it, a description ("his nephew", "the
teacher", "the firm's founder") the text tied to one named person earlier (an apposition, a
title before the name). The description is resolved as a speaker description would be, with no
guess: exactly one person must fit it (two teachers: no one), of the pronoun's gender; a
description no one fits leaves the pronoun to the other rules, which abstain when an unnamed
person came in.
"""

from __future__ import annotations

from collections.abc import Callable

from quotemine.lexicons.gender import pronoun_gender, title_gender
from quotemine.lexicons.words import DESCRIBING_POSSESSIVES
from quotemine.pipeline.records import SpeakerRecord
from quotemine.pipeline.speakers.index import content_words
from quotemine.pipeline.speakers.nouns import unnamed_body
from quotemine.pipeline.speakers.rules import Resolution, Resolver, SpeakerMention

__all__ = ["OPENERS", "DescribedSubject", "described_speaker", "resolve_mention"]

#: The pronouns this rule resolves.
_PRONOUNS = frozenset({"he", "she"})
#: Words a definite or possessive description opens with.
OPENERS = frozenset({"the", "this", "that"}) | DESCRIBING_POSSESSIVES

#: Returns the ``(start, end)`` of the last described subject in ``[lo, hi)``, or ``None``.
DescribedSubject = Callable[[int, int], "tuple[int, int] | None"]


def described_speaker(r: Resolver, m: SpeakerMention, last_described: DescribedSubject) -> Resolution | None:
    """Return the person a "he"/"she" stands for when the subject before it is a description.

    The description must be the last subject of the pronoun's paragraph before it (no named
    person is a subject after it), or, when that part names no one, of the paragraph just before
    (``_described_before``), and fit exactly one person of the pronoun's gender.
    """
    if m.low not in _PRONOUNS or m.unnamed:
        return None
    idx = r.idx
    here = idx.para(m.start)
    phrase = last_described(idx.para_starts[here], m.start)
    if phrase is None:
        return _described_before(r, m, last_described) if here > 0 else None
    a, b = phrase
    if any(
        mm.start >= b and not idx.in_content(mm) and idx.role(mm) == "subject"
        for mm in idx.before(m.start, 0)
    ):
        return None  # "The teacher was calm. Roe was not. '...,' she said": Roe
    return _fitting(r, m, a, b)


def _described_before(r: Resolver, m: SpeakerMention, last_described: DescribedSubject) -> Resolution | None:
    """Resolve a pronoun that opens its paragraph's attribution by the paragraph before it.

    "But the veteran coach was not finished. / '...,' he went on": the description that is the last
    subject of the paragraph just before, when no one is named after it (outside quoted words)
    up to the pronoun and no one spoke in between.
    """
    idx = r.idx
    here = idx.para(m.start)
    if any(not mm.quoted for mm in idx.before(m.start, 0)):
        return None  # someone named in the pronoun's own paragraph: the other rules decide
    phrase = last_described(idx.para_starts[here - 1], idx.para_starts[here])
    if phrase is None:
        return None
    a, b = phrase
    if any(mm.start >= b and not idx.in_content(mm) for mm in idx.before(m.start, 1)):
        return None  # "The coach was calm, unlike Roe. / '...,' he said": no guess
    found = _fitting(r, m, a, b)
    if found is None or idx.spoke_between(b, m.start, found.entity_id):
        return None
    return found


def _fitting(r: Resolver, m: SpeakerMention, a: int, b: int) -> Resolution | None:
    """Return the one person of the pronoun's gender the description ``[a, b)`` fits, or ``None``."""
    idx = r.idx
    words = idx.text[a:b].split()
    head = content_words(words[-1])
    if not head:
        return None
    capitals = {w for raw in words[1:] if raw[:1].isupper() for w in content_words(raw)}
    gender = pronoun_gender(m.low)
    candidates = [
        c
        for c in r._candidates(a, head[-1], capitals, title_gender(head[-1]), True)
        if r.compatible(c, "person", gender)
    ]
    if words[0].lower() in DESCRIBING_POSSESSIVES:  # "his nephew": only someone the text describes so
        candidates = [c for c in candidates if r.owned_by(c, head[-1], pronoun_gender(words[0].lower()))]
    return r._result(candidates[0], "description", m.start) if len(candidates) == 1 else None


def resolve_mention(
    r: Resolver, spk: SpeakerRecord, s: int, e: int, last_described: DescribedSubject | None
) -> Resolution | None:
    """Resolve the speaker mention ``[s, e)``: ``described_speaker``, then the rules of ``Resolver``.

    A definite body noun ("the club said", ``unnamed_body``) is marked unnamed first: an
    organisation of its kind or no one, never a person; resolved, it is named again.
    """
    text = r.idx.text[s:e]
    if unnamed_body(text):
        spk["unnamed"] = True
    mention = SpeakerMention(spk, s, e, text)
    found = described_speaker(r, mention, last_described) if last_described is not None else None
    return found or r.resolve(mention)
