"""Document-level support for people: what the rest of the text says about a name.

* ``vet_headlines``: names in the headline or a title-case line are cut to the words the body
  uses for people;
* ``vet_single_words``: one-word "people" stay only with support (``SINGLE_WORD_RULES``);
* ``vet_unsupported_names``: longer names without a first name stay only with support
  (``UNSUPPORTED_NAME_RULES``).

Each rule list is ordered; the first verdict decides, and a name no rule keeps is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import Final

from quotemine.lexicons.names import GLUED_ROLE_NOUNS, is_initial
from quotemine.pipeline.entities.candidate import Candidate, Verdict
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, low, string_ids
from quotemine.pipeline.entities.evidence import (
    org_apposition,
    person_partner,
    place_partner,
    pronoun_or_partner,
    role_apposition,
    single_evidence,
    titled,
    used_as_name,
)

__all__ = [
    "SINGLE_WORD_RULES",
    "UNSUPPORTED_NAME_RULES",
    "NameFacts",
    "vet_headlines",
    "vet_single_words",
    "vet_unsupported_names",
]


def _full_name_tokens(ctx: Context, people: list[Candidate]) -> set[int]:
    """Return the token indices of the people that are full names (a known first name first)."""
    doc = ctx.toks
    return {
        i
        for c in people
        if c.end - c.start >= 2 and ctx.is_first_name(doc[c.start])
        for i in range(c.start, c.end)
    }


# ---------------------------------------------------------------------- headlines
def _cut_to_body_words(ctx: Context, cand: Candidate, attested: set[str]) -> bool:
    """Cut a headline name to the words the body uses for people; return whether any was found."""
    doc = ctx.toks
    s, e = cand.start, cand.end
    seen = [low(t) in attested for t in doc[s:e]]
    if not any(seen):
        return False
    k = seen.index(True)
    stop = k
    while stop < len(seen) and seen[stop]:
        stop += 1
    while k > 0 and low(doc[s + k - 1]) in ctx.lex.first_names:
        k -= 1  # a first name the body does not repeat ("Hillary" before "Clinton")
    cand.start, cand.end = s + k, s + stop
    cand.note("headline name cut to the words the body uses")
    return True


def _cut_to_first_name(ctx: Context, cand: Candidate) -> bool:
    """Cut a headline name that starts with a first name to that name and the next word (or two)."""
    doc = ctx.toks
    first = doc[cand.start]
    if not (ctx.is_first_name(first) and first.tag_ in PROPER_TAGS and cand.end - cand.start >= 2):
        return False
    keep = 3 if is_initial(doc[cand.start + 1].text) else 2
    cand.end = min(cand.end, cand.start + keep)
    cand.note("headline name cut after its first name")
    return True


def vet_headlines(
    ctx: Context, people: list[Candidate], bylines: Set[tuple[int, int]], named: set[int]
) -> list[Candidate]:
    """Cut PERSON spans in title-case lines to the words the body text uses for people.

    "Marta Novak Rebukes Ivo Kern" -> "Marta Novak"; "Questions Novak" ->
    "Novak"; "Support Fades" -> dropped, when the body names Marta Novak.
    """
    doc = ctx.toks
    flags = [(c.start, c.end) not in bylines and ctx.in_headline(c.start, c.end, named) for c in people]
    if not any(flags):
        return people
    attested = {
        low(t) for c, flag in zip(people, flags, strict=True) if not flag for t in doc[c.start : c.end]
    }
    out: list[Candidate] = []
    for cand, flag in zip(people, flags, strict=True):
        if not flag or _cut_to_body_words(ctx, cand, attested) or _cut_to_first_name(ctx, cand):
            out.append(cand)
        else:
            cand.drop("headline words the body never uses for a person")
    return out


# ---------------------------------------------------------------------- facts about one word
@dataclass
class NameFacts:
    """What the text says about one doubtful name, keyed by its (last) word.

    Attributes:
        key: the word, lower case.
        occurrences: token indices of its title-case or upper-case occurrences in the text.
        ner_starts: token indices where a PERSON candidate of this word starts.
        spans: the token spans of its PERSON candidates.
        full: token indices of the text's full personal names.
        named: token indices of every entity.
        full_surnames: last words of the full personal names of the text.

    """

    key: str
    occurrences: list[int]
    ner_starts: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    full: set[int] = field(default_factory=set)
    named: set[int] = field(default_factory=set)
    full_surnames: Set[str] = frozenset()


NameRule = Callable[[Context, NameFacts], Verdict | None]


# ---------------------------------------------------------------------- one-word names
def org_in_apposition(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Drop a word an apposition calls an organisation ("Teck, the mining company")."""
    if org_apposition(ctx, facts.occurrences):
        return Verdict(None, "an apposition calls it an organisation")
    return None


def joined_to_a_place(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Drop a word joined to a known place after "in"/"at" ("in Leeds and Harrowgate")."""
    if place_partner(ctx, facts.occurrences):
        return Verdict(None, "joined to a known place")
    return None


def known_name(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep a known first name or surname, a surname ending, or a surname in the plural."""
    key, lex = facts.key, ctx.lex
    if (
        key in lex.first_names
        or key in lex.surnames
        or ctx.has_surname_suffix(key)
        or (key.endswith("s") and (key[:-1] in lex.surnames or key[:-2] in lex.surnames))
    ):
        return Verdict("PERSON", "known first name or surname")
    return None


def person_context(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep a word with a title, a speech verb, a role apposition or a name partner somewhere."""
    if single_evidence(ctx, facts.occurrences):
        return Verdict("PERSON", "title, speech verb, role or name partner")
    return None


def joined_to_a_person(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep a word joined by "and"/"or" to another word the NER calls a person ("Varn and Oskel")."""
    if person_partner(ctx.toks, facts.ner_starts):
        return Verdict("PERSON", "joined to another name the NER calls a person")
    return None


def used_like_a_name(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep a word the text uses the way it uses people's names ("Obama's failure")."""
    if used_as_name(ctx, facts.occurrences, facts.ner_starts, facts.named, facts.full):
        return Verdict("PERSON", "used as a person's name")
    return None


#: The checks of a one-word person, in order: the first verdict decides; none -> dropped.
SINGLE_WORD_RULES: Final[tuple[NameRule, ...]] = (
    org_in_apposition,
    joined_to_a_place,
    known_name,
    person_context,
    joined_to_a_person,
    used_like_a_name,
)


def _first_verdict(ctx: Context, facts: NameFacts, rules: tuple[NameRule, ...], default: str) -> Verdict:
    for rule in rules:
        verdict = rule(ctx, facts)
        if verdict is not None:
            return verdict
    return Verdict(None, default)


def _single_words(
    ctx: Context, people: list[Candidate], bylines: Set[tuple[int, int]]
) -> dict[str, list[int]]:
    """Return the one-word people no longer name contains, by word, with their start tokens."""
    doc = ctx.toks
    parts: set[str] = set()
    for c in people:
        if c.end - c.start >= 2:
            words = [low(t) for t in doc[c.start : c.end] if not t.is_punct]
            if words:
                parts.update((words[0], words[-1]))
    singles: dict[str, list[int]] = {}
    for c in people:
        if c.end - c.start == 1 and (c.start, c.end) not in bylines:
            key = low(doc[c.start])
            if key not in parts:
                singles.setdefault(key, []).append(c.start)
    return singles


def vet_single_words(
    ctx: Context, people: list[Candidate], bylines: Set[tuple[int, int]], named: set[int]
) -> list[Candidate]:
    """Drop one-word "people" that nothing but the NER label supports ("Twitter", "Brexit").

    A one-word name inside a longer name of the text stays. Otherwise ``SINGLE_WORD_RULES`` decide;
    context evidence may sit at any occurrence of the word, labelled PERSON or not.
    """
    doc = ctx.toks
    singles = _single_words(ctx, people, bylines)
    if not ctx.lex.surnames or not singles:
        return people  # without the surname list there is too little evidence to judge
    occurrences: dict[str, list[int]] = {}
    for i in ctx.where("LOWER", string_ids(singles)):
        if doc[i].is_title or doc[i].is_upper:
            occurrences.setdefault(doc[i].lower_, []).append(i)
    full = _full_name_tokens(ctx, people)
    verdicts = {
        key: _first_verdict(
            ctx,
            NameFacts(key, occurrences.get(key, []), starts, full=full, named=named),
            SINGLE_WORD_RULES,
            "one word with nothing but the NER label",
        )
        for key, starts in singles.items()
    }
    out: list[Candidate] = []
    for c in people:
        verdict = verdicts.get(low(doc[c.start])) if c.end - c.start == 1 else None
        if verdict is not None and verdict.label is None:
            c.drop(verdict.reason)
            continue
        if verdict is not None and (c.start, c.end) not in bylines:
            c.note(verdict.reason)
        out.append(c)
    return out


# ---------------------------------------------------------------------- names without a first name
def last_words_of_a_full_name(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep the last words of a full name of the text ("Reyes Obuya" after "Lena Reyes Obuya")."""
    if facts.key in facts.full_surnames:
        return Verdict("PERSON", "last words of a full name elsewhere")
    return None


def titled_or_role(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep a name with a title or role before it, or a role apposition ("Sgt. Bowe Bergdahl")."""
    cues = ctx.title_cues | ctx.lex.role_heads | GLUED_ROLE_NOUNS  # "winger Tavita Lomu"
    if any(titled(ctx, s, cues) or role_apposition(ctx, e - 1) for s, e in facts.spans):
        return Verdict("PERSON", "title or role with the name")
    return None


def context_evidence(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep a name whose last word has person evidence: title, speech verb, he/she, a name partner."""
    occ = facts.occurrences
    if single_evidence(ctx, occ) or pronoun_or_partner(ctx.toks, occ, facts.full):
        return Verdict("PERSON", "person evidence around its last word")
    return None


def named_again_by_last_word(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep a name whose last word alone names it again ("Mitt Romney" ... "Romney")."""
    doc = ctx.toks
    ends = {e - 1 for _, e in facts.spans}
    if any(
        i not in ends
        and doc[i].tag_ in PROPER_TAGS
        and not (i > 0 and doc[i - 1].is_title)
        and not (i + 1 < len(doc) and doc[i + 1].is_title)
        for i in facts.occurrences
    ):
        return Verdict("PERSON", "its last word alone names it again")
    return None


def proper_noun_surname(ctx: Context, facts: NameFacts) -> Verdict | None:
    """Keep proper nouns ending in a surname outside headlines ("Bowe Bergdahl")."""
    doc, key = ctx.toks, facts.key
    if not (key in ctx.lex.surnames or ctx.has_surname_suffix(key)):
        return None
    if not all(doc[i].tag_ in PROPER_TAGS for s, e in facts.spans for i in range(s, e)):
        return None
    if any(ctx.in_headline(s, e, facts.named) for s, e in facts.spans):
        return None
    return Verdict("PERSON", "proper nouns ending in a surname")


#: The checks of a longer name without a first name, in order: the first verdict decides; none -> dropped.
UNSUPPORTED_NAME_RULES: Final[tuple[NameRule, ...]] = (
    last_words_of_a_full_name,
    titled_or_role,
    context_evidence,
    named_again_by_last_word,
    proper_noun_surname,
)


def _doubtful_names(
    ctx: Context, people: list[Candidate], bylines: Set[tuple[int, int]]
) -> dict[str, list[Candidate]]:
    """Return the names of two or more words without a first name or initial, by last word."""
    doc = ctx.toks
    doubtful: dict[str, list[Candidate]] = {}
    for c in people:
        if c.end - c.start < 2 or (c.start, c.end) in bylines:
            continue
        first = doc[c.start]
        if ctx.is_first_name(first) or is_initial(first.text) or first.text.isupper():
            continue
        doubtful.setdefault(low(doc[c.end - 1]), []).append(c)
    return doubtful


def vet_unsupported_names(
    ctx: Context, people: list[Candidate], bylines: Set[tuple[int, int]]
) -> list[Candidate]:
    """Drop longer "people" with no first name that nothing in the text treats as a person.

    News introduces a person with a first name, a title or a role. A name of two or more
    words whose first word is no known first name or initial ("Citizens United", "Hogan
    Lovells", "Fresh Start") stays only when ``UNSUPPORTED_NAME_RULES`` find support.
    """
    doc = ctx.toks
    doubtful = _doubtful_names(ctx, people, bylines)
    if not doubtful:
        return people
    occurrences: dict[str, list[int]] = {}
    for i in ctx.where("LOWER", string_ids(doubtful)):
        if doc[i].is_title or doc[i].is_upper:
            occurrences.setdefault(low(doc[i]), []).append(i)
    full = _full_name_tokens(ctx, people)
    named = {i for c in people for i in range(c.start, c.end)}
    full_surnames = {
        low(doc[max(full & set(range(c.start, c.end)))]) for c in people if full & set(range(c.start, c.end))
    }
    dropped: set[int] = set()
    for key, cands in doubtful.items():
        facts = NameFacts(
            key,
            occurrences.get(key, []),
            spans=[(c.start, c.end) for c in cands],
            full=full,
            named=named,
            full_surnames=full_surnames,
        )
        verdict = _first_verdict(ctx, facts, UNSUPPORTED_NAME_RULES, "no first name and no person evidence")
        for c in cands:
            if verdict.label is None:
                c.drop(verdict.reason)
                dropped.add(id(c))
            else:
                c.note(verdict.reason)
    return [c for c in people if id(c) not in dropped]
