"""What kind of thing a name is: drop or relabel names that are not people or organisations.

Run after ``orgs.find_orgs``; each rule records its reason on the candidate:

* a name glued to a participle is an adjective ("the Kessel-owned paper"): no organisation;
* a name with a model code that modifies a thing noun is a product, vehicle or weapon ("the
  Starfire 300 sedan", "the Falcon XR jet"): ``PRODUCT``; a bare maker's name ("the Kessel
  sedan") stays an organisation;
* a name ending in a law word is a law ("the Data Bill", "the Clean Water Act"): ``LAW``, so a
  person called Bill is never merged with it;
* an organisation's possessive glued to a personal name ("the Daily Courier's Ravi Mehta") is
  split into the organisation and the person;
* a name that starts with a holiday ("Easter", "Thanksgiving") is a day, not a person or an
  organisation; one that ends in a street word ("Elm Street") is a place (``FAC``);
* an organisation name ending in an award word is an award ("the Golden Quill Award"); one
  ending in a plural nationality word is a group of people ("Norvanian Ardites"), ``NORP``;
* an organisation named after a place noun and "of" is a place ("the territory of Norvania"),
  and one that modifies a programme noun is a programme ("Kelcare recipients"); these two
  verdicts, read from one mention's context, apply to every ORG mention of the same name.

The word lists live in ``data/entity_kinds.json``; holiday names come from the dates lexicon
(``data/dates_events.json``), read only.
"""

from __future__ import annotations

import functools
from typing import Final, NamedTuple

from spacy.tokens import Token

from quotemine.lexicons import data_json
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import Context

__all__ = ["KindWords", "kind_words", "of_inhabitants", "vet_kinds"]

_NAMED: Final = frozenset({"PERSON", "ORG"})
_GLUED_LABELS: Final = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
_POSSESSIVE: Final = frozenset({"'s", "\u2019s"})
_PLACE_OF: Final = "named after a place noun and 'of' ('the territory of X'): a place"
_PROGRAMME: Final = "modifies a noun of a public programme ('X recipients'): a programme, not an organisation"
_HOME_TOWN: Final = "one capitalised word after ', of' following a person's name: a home town"
_CONSTITUENCY: Final = "named after 'member for' or 'MP for': a constituency, a place"
#: Words before "for" that name a seat, not an organisation ("the member for X", "MP for X").
_SEAT_HOLDERS: Final = frozenset({"member", "mp", "mps", "msp", "mla", "mep", "councillor", "councilor"})
_HOLIDAY_SECTIONS: Final = ("fixed", "nth_weekday", "easter", "us_election", "after_holiday", "calendar")


class KindWords(NamedTuple):
    """The lower-case word lists of ``entity_kinds.json`` and the first words of holiday names."""

    thing_nouns: frozenset[str]
    adjective_participles: frozenset[str]
    law_heads: frozenset[str]
    street_words: frozenset[str]
    holidays: frozenset[str]
    award_words: frozenset[str] = frozenset()
    programme_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    state_words: frozenset[str] = frozenset()
    inhabitant_nouns: frozenset[str] = frozenset()
    kin_words: frozenset[str] = frozenset()
    remit_heads: frozenset[str] = frozenset()
    party_adjectives: frozenset[str] = frozenset()
    party_plurals: frozenset[str] = frozenset()
    party_labels: frozenset[str] = frozenset()
    common_abbreviations: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def kind_words() -> KindWords:
    """Return the packaged word lists (read once per process)."""
    data = data_json("entity_kinds.json")
    events = data_json("dates_events.json")
    holidays: set[str] = set()
    for section in _HOLIDAY_SECTIONS:
        for name in events.get(section, {}):
            words = str(name).split()
            if len(words) == 1 and not words[0].startswith("the"):
                holidays.add(words[0])  # single-word days only: "Easter", never "Labor" of "Labor Day"
    return KindWords(
        frozenset(data["thing_nouns"]),
        frozenset(data["adjective_participles"]),
        frozenset(data["law_heads"]),
        frozenset(data["street_words"]),
        frozenset(holidays),
        frozenset(data["award_words"]),
        frozenset(data["programme_nouns"]),
        frozenset(data["place_nouns"]),
        frozenset(data["state_words"]),
        frozenset(data["inhabitant_nouns"]),
        frozenset(data["kin_words"]),
        frozenset(data["remit_heads"]),
        frozenset(data["party_adjectives"]),
        frozenset(data["party_plurals"]),
        frozenset(data["party_labels"]),
        frozenset(data["common_abbreviations"]),
    )


def _verdict(ctx: Context, cand: Candidate, words: KindWords) -> tuple[str | None, str] | None:
    """Return the new label (``None``: drop) and the reason, or ``None`` when the name stays."""
    doc = ctx.toks
    first, last = doc[cand.start], doc[cand.end - 1]
    if first.lower_ in words.holidays:
        return None, "a holiday, not a person or an organisation"
    if last.lower_ in words.street_words and cand.end - cand.start >= 2 and not doc[cand.end - 2].is_lower:
        return "FAC", "a street name"  # not "Office of Rail and Road": a street's name is no "and" or "of"
    definite = cand.start > 0 and doc[cand.start - 1].lower_ == "the"
    if (cand.label == "ORG" or definite) and last.lower_ in words.law_heads and cand.end - cand.start >= 2:
        return "LAW", "the name of a law or bill"
    nxt = cand.end
    if (
        nxt + 1 < len(doc)
        and doc[nxt].text == "-"
        and not doc[nxt - 1].whitespace_
        and doc[nxt + 1].lower_ in words.adjective_participles
    ):
        return None, "part of a hyphenated adjective (X-owned), not a mention of the organisation"
    if cand.label == "ORG":
        return _org_verdict(ctx, cand, words)
    return None


def _org_verdict(ctx: Context, cand: Candidate, words: KindWords) -> tuple[str | None, str] | None:
    """Return what an ORG really is when its words or its context say it is no organisation."""
    doc = ctx.toks
    last = doc[cand.end - 1]
    if _modifies_thing(doc, cand, words):
        return "PRODUCT", "modifies a product, vehicle or programme noun"
    if last.lower_ in words.award_words and cand.end - cand.start >= 2 and last.is_title:
        return None, "the name of an award or prize, not an organisation"
    if (
        cand.end - cand.start >= 2
        and last.lower_.endswith("s")
        and last.lower_ in ctx.lex.demonyms
        and not any(t.lower_ in ctx.lex.org_heads or t.is_lower for t in doc[cand.start : cand.end])
    ):
        return "NORP", "ends in a nationality or group word in the plural: a group of people"
    if _place_noun_before(doc, cand.start, words):
        return "GPE", _PLACE_OF
    if _home_town(ctx, cand):
        return "GPE", _HOME_TOWN
    if (
        cand.start >= 2
        and doc[cand.start - 1].lower_ == "for"
        and doc[cand.start - 2].lower_ in _SEAT_HOLDERS
    ):
        return "GPE", _CONSTITUENCY
    if _programme_noun_after(doc, cand.end, words):
        return None, _PROGRAMME
    return None


def _home_town(ctx: Context, cand: Candidate) -> bool:
    """Return whether a one-word ORG follows "<name>, of" and ends its phrase ("Ada Bell, of Kelby,")."""
    doc, start = ctx.toks, cand.start
    if cand.end - start != 1 or start < 3 or doc[start].lower_ in ctx.lex.org_heads:
        return False
    if doc[start - 1].lower_ != "of" or doc[start - 2].text != ",":
        return False
    if cand.end < len(doc) and doc[cand.end].text not in {",", ".", ";", ")"}:
        return False
    before = doc[start - 3]
    if before.ent_type_ != "PERSON" or not ctx.is_name_word(before) or doc[start].lower_ in ctx.lex.org_names:
        return False
    word = doc[start].text  # named as an organisation elsewhere ("Brellcorp shares fell"): one
    return not any(e.label_ == "ORG" and e.start != start and e.text == word for e in ctx.doc.ents)


def _place_noun_before(doc: list[Token], start: int, words: KindWords) -> bool:
    """Tell whether a lower-case place noun and "of" come right before ``start`` ("the region of X").

    A noun for the people of a place counts too ("residents of X").
    """
    if (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].is_lower
        and doc[start - 2].lower_ in words.place_nouns
    ):
        return True
    return of_inhabitants(doc[start], words)


def of_inhabitants(tok: Token, words: KindWords) -> bool:
    """Tell whether a name hangs on a noun for the people of a place and "of" ("residents of X and Y")."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head  # "Y" of "X and Y"
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of":
        return False
    noun = prep.head
    return noun.i == prep.i - 1 and noun.is_alpha and noun.lower_ in words.inhabitant_nouns


def _programme_noun_after(doc: list[Token], end: int, words: KindWords) -> bool:
    """Tell whether the name modifies a programme noun right after it ("Kelcare recipients")."""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in words.programme_nouns


def _modifies_thing(doc: list[Token], cand: Candidate, words: KindWords) -> bool:
    """Tell whether the name and a model code modify a thing noun ("the Starfire 300 sedan")."""
    code = [t for t in doc[cand.start : cand.end] if t.like_num or (t.is_upper and len(t) <= 3)][-1:]
    i = cand.end
    while i < len(doc) and i - cand.end < 2 and (doc[i].like_num or (doc[i].is_upper and len(doc[i]) <= 3)):
        code.append(doc[i])
        i += 1  # "the Starfire 300 sedan", "the Falcon XR jet"
    if not code or i >= len(doc) or doc[i].lower_ not in words.thing_nouns or not doc[i].is_lower:
        return False
    return doc[cand.end - 1].head.i == i or doc[i - 1].head.i == i


def _split_possessive(ctx: Context, pool: Pool, cand: Candidate) -> Candidate | None:
    """Split "the Daily Courier's Ravi Mehta" (one ORG) into the organisation and the person after it.

    The part after the possessive must be two or three capitalised name words with evidence of a
    person (a known first name, a surname ending, or the subject of a speech verb); the
    organisation keeps the words before the possessive. The NER may have read the whole as an
    organisation, a title of a work or a product.
    """
    doc = ctx.toks
    if cand.label not in _GLUED_LABELS:
        return None
    for k in range(cand.start + 1, cand.end - 2):
        if doc[k].tag_ != "POS" and doc[k].text not in _POSSESSIVE:
            continue
        if _is_person_name(ctx, k + 1, cand.end):
            person = pool.new(k + 1, cand.end, "PERSON", "personal name after an organisation's possessive")
            cand.end = k
            if cand.label == "ORG":
                cand.note("cut before the possessive and the personal name after it")
            else:  # "Twitter's Adam Sharp" read as one title of a work
                cand.relabel("ORG", "organisation's possessive before a personal name")
            return person
    return None


def _is_person_name(ctx: Context, start: int, end: int) -> bool:
    """Tell whether tokens ``start:end`` are two or three name words with evidence of a person."""
    tokens = ctx.toks[start:end]
    return 2 <= len(tokens) <= 3 and all(ctx.is_name_word(t) for t in tokens) and ctx.person_evidence(tokens)


def _person_after_possessive(ctx: Context, cand: Candidate, org_tokens: set[int]) -> bool:
    """Tell whether an ORG is a personal name after an organisation's possessive ("the Courier's Ann Roe")."""
    doc, i = ctx.toks, cand.start
    if cand.label != "ORG" or i < 2 or doc[i - 1].text not in _POSSESSIVE or i - 2 not in org_tokens:
        return False
    return _is_person_name(ctx, cand.start, cand.end)


def vet_kinds(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Relabel or drop the people and organisations that are days, streets, laws, products or adjectives.

    Also split an organisation's possessive from the personal name the NER glued to it.
    """
    words = kind_words()
    added: list[Candidate] = []
    org_tokens = {i for c in cands if c.label == "ORG" for i in range(c.start, c.end)}
    by_context: dict[str, tuple[str | None, str]] = {}
    for cand in cands:
        if cand.label not in _NAMED | _GLUED_LABELS or cand.start >= cand.end:
            continue
        person = _split_possessive(ctx, pool, cand)
        if person is not None:
            added.append(person)
        elif _person_after_possessive(ctx, cand, org_tokens):
            cand.relabel("PERSON", "personal name after an organisation's possessive")
        verdict = _verdict(ctx, cand, words) if cand.label in _NAMED else None
        if verdict is not None:
            cand.relabel(*verdict)
            if verdict[1] in _SPREAD_REASONS:
                by_context[ctx.text(cand.start, cand.end)] = verdict
    _spread_context_kinds(ctx, cands, by_context)
    return [c for c in cands + added if c.label is not None]


#: Verdicts read from one mention's context; the text's other ORG mentions of the name share them.
_SPREAD_REASONS: Final = frozenset({_PLACE_OF, _PROGRAMME})


def _spread_context_kinds(
    ctx: Context, cands: list[Candidate], by_context: dict[str, tuple[str | None, str]]
) -> None:
    """Give the other ORG mentions of a name the kind one mention's context showed.

    "the territory of Norvania" makes every "Norvania" the NER called an organisation a place;
    "Kelcare recipients" makes every "Kelcare" a programme. Only the place and programme verdicts
    spread (a verdict of the name's own words already applies to each mention).
    """
    if not by_context:
        return
    for cand in cands:
        if cand.label == "ORG":
            verdict = by_context.get(ctx.text(cand.start, cand.end))
            if verdict is not None:
                cand.relabel(verdict[0], verdict[1] + " (said of another mention of the name)")
