"""Vet every PERSON candidate once more: its edges, its shape, its context and its evidence.

``PERSON_RULES`` is an ordered list of small rules; each one looks at a PERSON span and returns a
``Verdict`` (the label the span really has, and why) or ``None``. The first verdict decides; a span
no rule objects to stays a person. ``vet_people`` then runs the document-level checks of
``quotemine.pipeline.entities.support`` (headlines, one-word names, names without a first name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import Final

from spacy.tokens import Span, Token

from quotemine.lexicons.words import POSSESSIVE_S
from quotemine.pipeline.entities.candidate import MODIFIER, Candidate, Pool, Verdict
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, lazy, low
from quotemine.pipeline.entities.evidence import ATTRIBUTIVE_DETS, descriptor_before, hyphen_glued, work_title
from quotemine.pipeline.entities.kinds import kind_words, of_inhabitants
from quotemine.pipeline.entities.relabel import HYPHEN_PREFIXES, is_name_pair
from quotemine.pipeline.entities.support import vet_headlines, vet_single_words, vet_unsupported_names
from quotemine.pipeline.entities.trim import strip_epithets, strip_person, strip_trailing_nouns

__all__ = ["PERSON_RULES", "Probe", "person_verdict", "vet_people"]

# Plural group nouns ending like these are groups, not people ("Generation Xers", "Never Trumpers").
#: Articles of Romance languages that start the name of a newspaper, club or movement.
_ROMANCE_ARTICLES: Final = frozenset({"La", "Le", "Les", "Los", "Las", "El"})
_GROUP_ENDINGS: Final = ("ers", "ians", "ites")
# Role nouns whose "of" names an organisation ("director of X", "president of X").
_ORG_ROLE_NOUNS: Final = frozenset(
    "director president chairman chairwoman chair ceo founder co-founder head member owner executive "
    "manager editor publisher spokesman spokeswoman spokesperson professor".split()
)
# A name word glued to an apostrophe prefix ("O'Reilly", "D'Amato") that the tagger may miss.
_APOSTROPHE_NAME: Final = re.compile(r"^(?:O|D|Mc|Mac)['\u2019][A-Z][a-z]+$")


@dataclass(eq=False)  # not frozen: a frozen dataclass is slow to make, and one is made per person
class Probe:
    """A PERSON span under test and the facts every rule reads about it.

    ``surnames`` are the last words of the text's full personal names (a known first name first).
    """

    ctx: Context
    start: int
    end: int
    surnames: Set[str]

    @lazy
    def span(self) -> Span:
        """Return the span."""
        return self.ctx.doc[self.start : self.end]

    @lazy
    def toks(self) -> list[Token]:
        """Return the tokens of the span."""
        return self.ctx.toks[self.start : self.end]

    @property
    def first(self) -> Token:
        """Return the first token."""
        return self.ctx.toks[self.start]

    @property
    def last(self) -> Token:
        """Return the last token."""
        return self.ctx.toks[self.end - 1]

    @lazy
    def last_low(self) -> str:
        """Return the look-up key of the last token."""
        return low(self.last)

    @lazy
    def first_name(self) -> bool:
        """Return whether the span starts with a known first name tagged as a proper noun."""
        return self.ctx.is_first_name(self.first) and self.first.tag_ in PROPER_TAGS

    @lazy
    def full_name(self) -> bool:
        """Return whether the span is a first name and more."""
        return self.first_name and self.end - self.start >= 2

    @property
    def next_token(self) -> Token | None:
        """Return the token after the span, if any."""
        toks = self.ctx.toks
        return toks[self.end] if self.end < len(toks) else None


PersonRule = Callable[[Probe], Verdict | None]


def known_organisation(p: Probe) -> Verdict | None:
    """Find a well-known outlet, pollster or company ("Politico reported", "on Twitter")."""
    text = p.ctx.text(p.start, p.end).lower()
    if text in p.ctx.lex.org_names and not (p.end - p.start == 1 and p.last_low in p.surnames):
        return Verdict("ORG", "known organisation name")
    return None


def named_after_someone(p: Probe) -> Verdict | None:
    """Drop a thing named after someone ("David's Sling", "Robert's Rules")."""
    inner = [k for k, t in enumerate(p.toks[1:-1], 1) if t.text in POSSESSIVE_S]
    if inner and not p.ctx.full_name(p.start + inner[-1] + 1, p.end):
        return Verdict(None, "a thing named after someone (inner possessive)")
    return None


def organisation_noun_before(p: Probe) -> Verdict | None:
    """Find an organisation noun with a determiner before the name ("the group Sons of the Valley")."""
    doc, start = p.ctx.toks, p.start
    if not descriptor_before(p.ctx, start):
        return None
    if p.full_name and not (
        (doc[start - 2].lower_ == "the" or low(doc[start - 1]) not in p.ctx.lex.org_descriptors)
        and p.span.root.dep_ not in {"nsubj", "nsubjpass"}
    ):
        return None
    return Verdict("ORG", "organisation noun before the name")


#: Determiners that cannot go with a person's possessive: "a Hallam's store" names a brand.
_INDEFINITE: Final = frozenset({"a", "an", "another", "every", "each"})


def brand_possessive(p: Probe) -> Verdict | None:
    """Find a brand named like a person: an indefinite article before a possessive ("a Hallam's store").

    One says "a store of Tom's" or "a spokesman for Tom", never "a Tom's spokesman"; the
    possessive after "a" is part of a shop's or company's name.
    """
    doc, start, nxt = p.ctx.toks, p.start, p.next_token
    if start > 0 and doc[start - 1].lower_ in _INDEFINITE and nxt is not None and nxt.text in POSSESSIVE_S:
        return Verdict("ORG", "indefinite article before a possessive name ('a Hallam's store'): a brand")
    return None


def hyphenated_modifier(p: Probe) -> Verdict | None:
    """Find a hyphenated modifier ("Pro-Clinton super PAC", "the Trump-Clinton fight")."""
    if "-" not in p.ctx.text(p.start, p.end):
        return None  # the cheap exit almost every name takes
    parts = [part.lower() for t in p.toks for part in t.text.split("-") if part]
    if parts and (
        parts[0] in HYPHEN_PREFIXES or (len(parts) >= 2 and all(part in p.surnames for part in parts))
    ):
        return Verdict(MODIFIER, "hyphenated modifier")
    return None


def party_member(p: Probe) -> Verdict | None:
    """Drop a hyphenated pair before a party plural ("Gerald Ford-Rockefeller Republicans")."""
    toks, last = p.toks, p.last
    glued = ("-" in last.text and all(x[:1].isupper() for x in last.text.split("-") if x)) or (
        len(toks) >= 3 and toks[-2].text == "-" and not toks[-3].whitespace_ and not toks[-2].whitespace_
    )
    nxt = p.next_token
    if glued and nxt is not None and nxt.text.lower() in p.ctx.lex.demonyms:
        return Verdict(None, "a kind of party member")
    return None


def neighbourhood(p: Probe) -> Verdict | None:
    """Find a place before a known place ("a former mill in Novak Heights, Leeds")."""
    doc, start, end = p.ctx.toks, p.start, p.end
    if (
        start > 0
        and doc[start - 1].lower_ in {"in", "near"}
        and end + 1 < len(doc)
        and doc[end].text == ","
        and p.ctx.is_place(doc[end + 1].text)
    ):
        return Verdict("LOC", "place before a known place")
    return None


def named_chair(p: Probe) -> Verdict | None:
    """Drop a named chair ("the Roy P. Crocker Professor of Politics")."""
    doc, start, nxt = p.ctx.toks, p.start, p.next_token
    if start > 0 and doc[start - 1].lower_ == "the" and nxt is not None and nxt.is_title:
        if low(nxt) in p.ctx.lex.role_heads:
            return Verdict(None, "a named chair")
    return None


def title_of_work(p: Probe) -> Verdict | None:
    """Drop the title of a work ("''Harbour Lights,'' the cult series", "her memoir, Quiet Rivers")."""
    if (
        not (p.full_name and p.last_low in p.ctx.lex.surnames)
        and p.last_low not in p.surnames
        and work_title(p.ctx.toks, p.start, p.end)
    ):
        return Verdict(None, "title of a work")
    return None


def organisation_of_role(p: Probe) -> Verdict | None:
    """Find the organisation of a role ("artistic director of Sleeping Weazel")."""
    last = p.last
    if p.full_name or p.last_low in p.surnames:
        return None
    if last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lower_ in _ORG_ROLE_NOUNS:
        return Verdict("ORG", "organisation after a role noun and 'of'")
    return None


def family(p: Probe) -> Verdict | None:
    """Drop a family in the plural ("the Novaks", "both former governor Kerns")."""
    key, lex = p.last_low, p.ctx.lex
    if p.full_name or key in p.surnames or p.end - p.start != 1 or not key.endswith("s"):
        return None
    stems = {key[:-1], key[:-2] if key.endswith("es") else key[:-1]}
    if stems & p.surnames or (stems & lex.surnames and any(c.dep_ == "det" for c in p.last.children)):
        return Verdict(None, "a family in the plural")
    return None


def group_plural(p: Probe) -> Verdict | None:
    """Drop a group noun in the plural ("Generation Xers", "Never Trumpers"; but "Bernie Sanders")."""
    key, lex = p.last_low, p.ctx.lex
    if (
        key.endswith(_GROUP_ENDINGS)
        and len(key) > 3
        and not p.first_name
        and key not in lex.surnames
        and key not in lex.first_names
    ):
        return Verdict(None, "a group noun in the plural")
    return None


def place_words(p: Probe) -> Verdict | None:
    """Find a place word at an end of the name ("Long Island", "Fort Hood"; not "Anita Hill")."""
    lex = p.ctx.lex
    if p.end - p.start < 2:
        return None
    if p.last_low in lex.place_suffixes or low(p.first) in lex.place_prefixes:
        return Verdict("LOC", "place word")
    if p.last_low in lex.weak_place_suffixes and not p.first_name:
        return Verdict("LOC", "place word without a first name")
    return None


def organisation_head_inside(p: Probe) -> Verdict | None:
    """Find an organisation head word after the first word ("Reagan Coalition", "Kelby Rovers", "Ardle FC").

    It comes before the plural and place rules: "Kelby Rovers" is a club, not a group of rovers.
    """
    heads = p.ctx.lex.org_heads
    if p.end - p.start >= 2 and any(low(t) in heads and (t.is_title or t.is_upper) for t in p.toks[1:]):
        return Verdict("ORG", "organisation head word in the name")
    return None


#: Last words of a carrier's name ("Pendra Air", "Kelvan Airlines" has its own head word).
_CARRIER_WORDS: Final = frozenset({"air", "jet", "express"})


def carrier_name(p: Probe) -> Verdict | None:
    """Find an airline or carrier named like a person: a name word and "Air" ("Tarvo Air").

    No person's surname is "Air", so even a first name in front names a carrier ("Ana Air").
    """
    last = p.last
    if (
        p.end - p.start == 2
        and last.is_title
        and p.last_low in _CARRIER_WORDS
        and p.last_low not in p.ctx.lex.surnames
    ):
        return Verdict("ORG", "a name and a carrier word ('X Air'): an airline, not a person")
    return None


def brand(p: Probe) -> Verdict | None:
    """Drop a brand word with an inner capital ("Anheuser Busch InBev", "NeverTrump")."""
    if any(p.ctx.is_brand_word(t.text) for t in p.toks) and not p.first_name:
        return Verdict(None, "brand word (inner capital)")
    return None


def plural_demonym(p: Probe) -> Verdict | None:
    """Find a group named by its nationality word ("Ottoman Turks")."""
    if p.end - p.start >= 2 and p.last_low in p.ctx.lex.demonyms:
        return Verdict("NORP", "demonym: nationality word")
    return None


def attributive(p: Probe) -> Verdict | None:
    """Find a name used as a modifier of a noun ("the Novak campaign", "the lone Ashby player")."""
    doc, start, last, nxt = p.ctx.toks, p.start, p.last, p.next_token
    if nxt is None:
        return None
    if nxt.tag_ in {"NN", "NNS"} and nxt.is_lower:
        if (start > 0 and doc[start - 1].lower_ in ATTRIBUTIVE_DETS) or (
            last.dep_ == "compound" and last.head.i == p.end
        ):
            return Verdict(MODIFIER, "modifier of the noun after it")
    if (
        not p.full_name
        and nxt.is_lower
        and nxt.is_alpha
        and last.dep_ in {"compound", "nmod", "amod"}
        and last.head.i >= p.end
        and last.head.pos_ in {"NOUN", "PROPN"}
    ):
        return Verdict(MODIFIER, "modifier of a noun")
    return None


def article_name(p: Probe) -> Verdict | None:
    """Find a name made of a Romance article and one word ("La Estrella", "Le Soir"): no person."""
    first = p.first
    if p.end - p.start == 2 and first.text in _ROMANCE_ARTICLES and not p.first_name:
        return Verdict("ORG", "article and one word: the name of an organisation, not a person")
    return None


def glued_by_hyphen(p: Probe) -> Verdict | None:
    """Find a word glued by a hyphen to a word outside it ("Comic-Con", "pro-Clinton")."""
    if not p.full_name and hyphen_glued(p.ctx.toks, p.start, p.end):
        return Verdict(MODIFIER, "glued by a hyphen to another word")
    return None


#: Words right before a place named after "residents of" (itself, or an earlier place it is joined to).
_BEFORE_PLACE: Final = frozenset({"of", "and", ",", "or"})


def inhabitants_of(p: Probe) -> Verdict | None:
    """Find a place named after a noun for its people and "of" ("residents of Kelby and Orlin")."""
    before = p.ctx.toks[p.start - 1].lower_ if p.start > 0 else ""
    if before in _BEFORE_PLACE and of_inhabitants(p.last, kind_words()):
        return Verdict("GPE", "named after a noun for its people and 'of' ('residents of X'): a place")
    return None


def kin_word(p: Probe) -> Verdict | None:
    """Drop a relative or a role word the text capitalises like a name ("Grandad", "The Treasurer")."""
    if p.end - p.start != 1:
        return None
    key, lex = p.last_low, p.ctx.lex
    if key in kind_words().kin_words:
        return Verdict(None, "a word for a relative, not a name")
    if key in lex.role_heads and key not in lex.first_names and key not in lex.surnames:
        return Verdict(None, "a role word alone, not a name")
    return None


def which_clause(p: Probe) -> Verdict | None:
    """Find a body named like a person that ", which" follows ("Vantor, which owns ...").

    Never a known name or a person's surname of the text: "which" may stand for the clause.
    """
    toks, end, lex = p.ctx.toks, p.end, p.ctx.lex
    if p.full_name or not (end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].lower_ == "which"):
        return None
    if any(low(t) in p.surnames or p.ctx.known_name_word(t) for t in p.toks) or p.last_low in lex.places:
        return None  # "defend Novak, which sparked a row": "which" is the whole clause
    return Verdict("ORG", "followed by ', which': a body, not a person")


#: The rules a PERSON span goes through, in order: the first verdict decides.
PERSON_RULES: Final[tuple[PersonRule, ...]] = (
    kin_word,
    which_clause,
    inhabitants_of,
    known_organisation,
    named_after_someone,
    organisation_noun_before,
    brand_possessive,
    hyphenated_modifier,
    party_member,
    neighbourhood,
    named_chair,
    title_of_work,
    organisation_of_role,
    family,
    organisation_head_inside,
    carrier_name,
    group_plural,
    place_words,
    brand,
    plural_demonym,
    attributive,
    glued_by_hyphen,
    article_name,
)


def person_verdict(ctx: Context, start: int, end: int, surnames: Set[str] = frozenset()) -> Verdict:
    """Return the label a PERSON span really has (PERSON, LOC, ORG, NORP, ``MODIFIER`` or ``None``).

    Args:
        ctx: the document.
        start: first token of the span.
        end: token after the span.
        surnames: the last words of the full personal names of the text.

    Returns:
        The verdict of the first rule of ``PERSON_RULES`` that has one, else PERSON.

    """
    if start >= end:
        return Verdict(None, "empty span")
    probe = Probe(ctx, start, end, surnames)
    for rule in PERSON_RULES:
        verdict = rule(probe)
        if verdict is not None:
            return verdict
    return Verdict("PERSON", "person: no rule against it")


# ---------------------------------------------------------------------- the pass over people
def _reshape(ctx: Context, cand: Candidate) -> None:
    """Extend over an apostrophe surname, strip the edges, cut an outlet's possessive in front."""
    doc = ctx.toks
    before = (cand.start, cand.end)
    while cand.end < len(doc) and _APOSTROPHE_NAME.match(doc[cand.end].text) and not doc[cand.end].ent_type_:
        cand.end += 1  # "Bill O'Reilly" where the NER stopped at "Bill"
    cand.start, cand.end = strip_person(ctx, cand.start, cand.end)
    for k in range(cand.end - 2, cand.start, -1):
        if doc[k].text in POSSESSIVE_S and ctx.full_name(k + 1, cand.end):
            cand.start = k + 1  # "the Ledger's Ivo Kern"
            break
    if (cand.start, cand.end) != before:
        cand.note("edges cut to the name")


def _known_modifiers(ctx: Context, people: list[Candidate], modifiers: list[Candidate]) -> list[Candidate]:
    """Return the modifiers that name a person of the text ("a Bernie Sanders rally"); drop the others.

    A one-word name counts as known only when it is used as a name twice: "Ashby" in "the lone
    Ashby player" and "Ashby fans" names no person.
    """
    doc = ctx.toks
    counts: dict[str, int] = {}
    for c in people:
        if c.end - c.start == 1:
            counts[low(doc[c.start])] = counts.get(low(doc[c.start]), 0) + 1
    known = {low(doc[c.end - 1]) for c in people if c.end - c.start >= 2}
    known |= {word for word, n in counts.items() if n >= 2}
    kept: list[Candidate] = []
    for m in modifiers:
        if low(doc[m.end - 1]) in known and not any("-" in t.text for t in doc[m.start : m.end]):
            m.note("modifier naming a person of the text")
            kept.append(m)
        else:
            m.drop("modifier naming no person of the text")
    return kept


def _demote(
    ctx: Context, people: list[Candidate], out: list[Candidate], demoted: set[str]
) -> list[Candidate]:
    """Make every person whose name was shown to be an organisation elsewhere an organisation.

    "the group Sons of the Valley" once makes "Sons of the Valley" an organisation everywhere.
    """
    for c in people:
        if ctx.text(c.start, c.end) in demoted:
            c.relabel("ORG", "same name called an organisation elsewhere")
    out += [c for c in people if c.label == "ORG"]
    return [c for c in people if c.label == "PERSON"]


@dataclass
class _Sorted:
    """The candidates of ``vet_people`` sorted by their first verdict."""

    people: list[Candidate] = field(default_factory=list)
    modifiers: list[Candidate] = field(default_factory=list)
    others: list[Candidate] = field(default_factory=list)
    demoted: set[str] = field(default_factory=set)


def _split_name_pair(
    ctx: Context, cand: Candidate, surnames: Set[str], pool: Pool | None
) -> Candidate | None:
    """Split two names joined by a hyphen into two people ("the Hale-Reyes bill" -> Hale, Reyes).

    Only when one of the two words is the surname of a full name of the text ("Tom Hale"); the
    other word then names a second person. A double-barrelled surname ("Ana Hale-Reyes") stays
    whole: ``surnames`` holds it with its hyphen. Returns the candidate of the second name.
    """
    if cand.end - cand.start != 3 or ctx.toks[cand.start + 1].text != "-":
        return None  # the cheap test first: most people are no pair
    span = ctx.toks[cand.start : cand.end]
    if not is_name_pair(ctx, span) or ctx.text(cand.start, cand.end).lower() in surnames:
        return None
    if not any(low(span[k]) in surnames for k in (0, 2)):
        return None
    reason = "one of two people's names joined by a hyphen"
    second = (
        pool.new(cand.start + 2, cand.end, "PERSON", reason)
        if pool is not None
        else Candidate(cand.start + 2, cand.end, "PERSON", [reason])
    )
    cand.end = cand.start + 1
    cand.note(reason)
    return second


def _sort_person(
    ctx: Context, cand: Candidate, surnames: Set[str], into: _Sorted, pool: Pool | None = None
) -> None:
    """Reshape one PERSON candidate and file it by the verdict of ``PERSON_RULES``."""
    second = _split_name_pair(ctx, cand, surnames, pool)
    if second is not None:
        into.people += [cand, second]
        return
    _reshape(ctx, cand)
    verdict = person_verdict(ctx, cand.start, cand.end, surnames)
    if verdict.label == "PERSON":
        cand.note(verdict.reason)
        into.people.append(cand)
    elif verdict.label == MODIFIER and ctx.full_name(cand.start, cand.end):
        cand.note("full name used as a modifier")  # a full name names a person even as a modifier
        into.people.append(cand)
    elif verdict.label == MODIFIER:
        cand.note(verdict.reason)
        into.modifiers.append(cand)
    else:
        cand.relabel(verdict.label, verdict.reason)
        if verdict.label is not None:
            into.others.append(cand)
        if verdict.label == "ORG":
            into.demoted.add(ctx.doc[cand.start : cand.end].text)


def vet_people(
    ctx: Context, cands: list[Candidate], bylines: Set[tuple[int, int]], pool: Pool | None = None
) -> list[Candidate]:
    """Check every PERSON once more; return the live candidates (others first, then people).

    Args:
        ctx: the document.
        cands: the live candidates.
        bylines: token spans of the byline names (kept as they are).
        pool: where new candidates are recorded for ``explain`` (a name pair split in two).

    Returns:
        The candidates that stay, in the order the final entity filter expects.

    """
    doc = ctx.toks
    full = [
        c for c in cands if c.label == "PERSON" and c.end - c.start >= 2 and ctx.is_first_name(doc[c.start])
    ]
    surnames = {low(doc[c.end - 1]) for c in full}  # "Fox" is an outlet unless the text names Vicente Fox
    surnames |= {
        ctx.text(c.end - 3, c.end).lower()
        for c in full
        if c.end - c.start >= 4 and is_name_pair(ctx, ctx.toks[c.end - 3 : c.end])
    }  # double-barrelled surnames ("Ana Hale-Reyes"), never split into two people
    into = _Sorted()
    for c in cands:
        if c.label != "PERSON":
            into.others.append(c)
        elif (c.start, c.end) in bylines:
            into.people.append(c)
        else:
            _sort_person(ctx, c, surnames, into, pool)
    out, people = into.others, into.people
    if into.demoted:
        people = _demote(ctx, people, out, into.demoted)
    strip_epithets(ctx, people)
    strip_trailing_nouns(ctx, people)
    named = {i for c in out for i in range(c.start, c.end)} | {
        i for c in people for i in range(c.start, c.end)
    }
    people = vet_headlines(ctx, people, bylines, named)
    people = vet_single_words(ctx, people, bylines, named)
    people = vet_unsupported_names(ctx, people, bylines)
    if into.modifiers:
        people += _known_modifiers(ctx, people, into.modifiers)
    return out + people
