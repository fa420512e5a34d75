"""Organisation names the NER cuts short or gets wrong in small, regular ways.

* a body named by its remit runs on over "on" and the capitalised subject after it ("the Select
  Committee on Kelby Waterways"): the NER stops before "on";
* an office title is no organisation: "State" of "Secretary of State" is dropped, and neither is a
  party word with a place before a title ("Independent Kelvale Sen. Ana Brody");
* a person's relative named with a possessive ("Brody's Son" in a title-case headline) is no
  organisation;
* a common noun's abbreviation before a name is no part of it ("the super PAC Kelby Forward");
* an acronym after "the" that the NER read as a building, a place or a person ("the DCCC") is an
  organisation; a word in capitals for stress ("the WORST idea") is none;
* "the", a place and a capitalised plural name a side ("the Kelby Otters", the NER reading a place
  and a product);
* a name of letters and digits run together ("Rivermark42") is no place: an organisation;
* a party named by an adjective and a plural ("the Free Socialists") is an organisation, not a
  group of people.

The word lists live in ``data/entity_kinds.json`` ("remit_heads", "party_adjectives",
"party_plurals", "party_labels"), read with the others by ``kinds.kind_words``.
"""

from __future__ import annotations

from typing import Final

from quotemine.lexicons.names import is_possessive
from quotemine.pipeline.entities.candidate import Candidate
from quotemine.pipeline.entities.context import Context, low
from quotemine.pipeline.entities.kinds import KindWords, kind_words
from quotemine.pipeline.entities.sides import SIDE_LABELS, plural_side_word

__all__ = ["letters_and_digits", "repair_org_names"]

#: Calendar words that end a remit: "the committee on Monday" is a day, not a subject.
_CALENDAR: Final = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
_NOT_SUBJECT: Final = frozenset({"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL"})
_MAX_REMIT = 4
#: Relatives named after a person's possessive ("Brody's Son", a headline's title case): no organisation.
_KIN: Final = frozenset(
    "son sons daughter daughters wife husband father mother brother sister widow nephew niece grandson "
    "granddaughter".split()
)
_VETTED: Final = frozenset({"ORG", "NORP", "FAC", "LOC", "PERSON"})
#: Labels the NER gives an acronym it does not know ("the DCCC" as a building).
_ACRONYM_MISREAD: Final = frozenset({"FAC", "LOC", "PERSON"})
#: Tags of a word in capitals for stress ("the WORST idea"), no acronym.
_STRESS_TAGS: Final = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS"})
_NOUN_TAGS: Final = frozenset({"NNP", "NNPS", "NN", "NNS"})
_PLACE_LABELS: Final = frozenset({"GPE", "LOC"})
_SIDE_TAILS: Final = SIDE_LABELS | {"ORG"}
_OFFICE_LEADS: Final = frozenset({"secretary", "secretaries", "undersecretary"})


def _remit_end(ctx: Context, k: int) -> int:
    """Return the end of the capitalised subject after "on" at ``k`` (``k`` when there is none)."""
    doc = ctx.toks
    end = k + 1
    while (
        end < len(doc)
        and end - k <= _MAX_REMIT
        and (doc[end].is_title or (doc[end].lower_ == "and" and end + 1 < len(doc) and doc[end + 1].is_title))
        and not doc[end].is_sent_start
        and doc[end].lower_ not in _CALENDAR
        and doc[end].ent_type_ not in _NOT_SUBJECT
    ):
        end += 1
    while end > k + 1 and doc[end - 1].lower_ == "and":
        end -= 1
    return end if end > k + 1 else k


def _extend_remits(ctx: Context, cands: list[Candidate], heads: frozenset[str]) -> None:
    """Run a body named by its remit on over "on" and its subject ("the Committee on Kelby Ports")."""
    doc = ctx.toks
    starts = {c.start: c for c in cands if c.label is not None}
    for c in cands:
        k = c.end
        if c.label != "ORG" or k + 1 >= len(doc) or doc[k].lower_ != "on" or low(doc[k - 1]) not in heads:
            continue
        if not doc[k - 1].is_title:
            continue  # "the committee on Kelby Ports": a common noun, no name
        end = _remit_end(ctx, k)
        if end == k:
            continue
        for i in range(k + 1, end):
            other = starts.get(i)
            if other is not None and other is not c and other.end <= end:
                other.drop("the subject of a body named by its remit ('Committee on X')")
        c.end = end
        c.note("extended over 'on' and the subject of its remit ('the Committee on X')")


def letters_and_digits(text: str) -> bool:
    """Tell whether a word runs three letters or more and a digit together ("Rivermark42"; not "M25")."""
    return (
        text.isalnum() and not text.isalpha() and sum(ch.isalpha() for ch in text) >= 3 and text[0].isupper()
    )


def _label_before_title(ctx: Context, c: Candidate, labels: frozenset[str]) -> bool:
    """Tell whether an organisation is a party word and a place before a title ("Independent X Sen.")."""
    doc = ctx.toks
    return (
        c.end - c.start >= 2
        and c.end < len(doc)
        and doc[c.start].lower_ in labels
        and low(doc[c.end]) in ctx.lex.titles
        and not any(low(t) in ctx.lex.org_heads for t in doc[c.start + 1 : c.end])
    )


def _cut_generic_leads(ctx: Context, cands: list[Candidate], generic: frozenset[str]) -> None:
    """Cut a common noun's abbreviation from the front of a name ("the super PAC Kelby Forward")."""
    doc = ctx.toks
    for c in cands:
        if c.label != "ORG" or c.end - c.start < 2:
            continue
        first = doc[c.start]
        if first.is_upper and first.lower_ in generic and doc[c.start + 1].is_title:
            c.start += 1
            c.note("a common noun's abbreviation cut from the front ('the super PAC X')")


def _acronym_after_the(ctx: Context, i: int, generic: frozenset[str]) -> bool:
    """Tell whether token ``i`` is an unknown acronym after "the" ("the DCCC"), no place or common noun."""
    doc = ctx.toks
    tok = doc[i]
    return (
        i > 0
        and doc[i - 1].lower_ == "the"
        and not doc[i - 1].is_upper
        and tok.is_upper
        and tok.is_alpha
        and 3 <= len(tok.text) <= 6
        and tok.tag_ == "NNP"
        and tok.lower_ not in generic
        and not ctx.is_place(tok.text)
        and not (i + 1 < len(doc) and (doc[i + 1].is_upper or doc[i + 1].is_title) and doc[i + 1].is_alpha)
    )


def _named_acronyms(ctx: Context, cands: list[Candidate]) -> frozenset[str]:
    """Return the one-word organisations in capitals that the tagger reads as a noun somewhere."""
    doc = ctx.toks
    return frozenset(
        doc[c.start].text
        for c in cands
        if c.label == "ORG" and c.end - c.start == 1 and doc[c.start].tag_ in _NOUN_TAGS
    )


def _org_verdict(ctx: Context, c: Candidate, cands: list[Candidate], words: KindWords) -> str | None:
    """Return why an organisation candidate is none (it is dropped), or ``None`` when it stays."""
    doc = ctx.toks
    if (
        c.start >= 2
        and doc[c.start - 1].lower_ == "of"
        and doc[c.start - 2].lower_ in _OFFICE_LEADS
        and not any(low(t) in ctx.lex.org_heads for t in doc[c.start : c.end])
    ):
        return "part of an office title ('Secretary of State'), no organisation"
    if c.end - c.start == 1 and doc[c.start].tag_ in _STRESS_TAGS and doc[c.start].is_upper:
        if doc[c.start].text not in _named_acronyms(ctx, cands):
            return "a word in capitals for stress ('the WORST idea'), no organisation"
    if c.end - c.start >= 3 and low(doc[c.end - 1]) in _KIN and is_possessive(doc[c.end - 2].text):
        return "a person's relative ('Brody's Son'), no organisation"
    if _label_before_title(ctx, c, words.party_labels):
        return "a party word and a place before a title ('Independent Kelvale Sen. X'), no organisation"
    return None


def _party_start(ctx: Context, c: Candidate, words: KindWords) -> int:
    """Return where a party named by an adjective and a plural starts ("the Free Socialists"), else -1."""
    doc = ctx.toks
    if c.end - c.start > 2 or low(doc[c.end - 1]) not in words.party_plurals:
        return -1
    start = c.start if c.end - c.start == 2 else c.start - 1
    if (
        start >= 0
        and doc[start].is_title
        and not doc[start].is_sent_start
        and doc[start].lower_ in words.party_adjectives
        and start < c.end - 1
    ):
        return start
    return -1


def _verdict(
    ctx: Context, c: Candidate, cands: list[Candidate], words: KindWords
) -> tuple[str | None, str] | None:
    """Return the new label (``None``: drop) and the reason, or ``None`` when the candidate stays."""
    if c.label == "ORG":
        reason = _org_verdict(ctx, c, cands, words)
        return None if reason is None else (None, reason)
    if c.label in _ACRONYM_MISREAD:
        if c.end - c.start == 1 and _acronym_after_the(ctx, c.start, words.common_abbreviations):
            return (
                "ORG",
                "an acronym after 'the' the NER read as a place or a person ('the DCCC'): an organisation",
            )
        return None
    if c.label == "NORP":
        start = _party_start(ctx, c, words)
        if start >= 0:
            c.start = start
            return "ORG", "a party named by an adjective and a plural ('the Free Socialists')"
    return None


def _place_and_plural_sides(ctx: Context, cands: list[Candidate], groups: frozenset[str]) -> None:
    """Join "the" + a place + a capitalised plural into one side ("the Kelby Otters": GPE + PRODUCT)."""
    doc = ctx.toks
    by_start = {c.start: c for c in cands if c.label is not None}
    for c in cands:
        k = c.end
        if c.label not in _PLACE_LABELS or c.start == 0 or k >= len(doc) or doc[c.start - 1].lower_ != "the":
            continue
        if doc[k].tag_ not in _NOUN_TAGS or low(doc[k]) in groups or not plural_side_word(ctx, k):
            continue
        other = by_start.get(k)
        if other is not None and (other.end != k + 1 or other.label not in _SIDE_TAILS):
            continue
        if other is not None:
            other.drop("the last word of a side named after its place ('the Kelby Otters')")
        c.end = k + 1
        c.relabel("ORG", "'the', a place and a capitalised plural: a side ('the Kelby Otters')")


def repair_org_names(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Apply the rules of this module; return the live candidates."""
    words = kind_words()
    _extend_remits(ctx, cands, words.remit_heads)
    _cut_generic_leads(ctx, cands, words.common_abbreviations)
    _place_and_plural_sides(ctx, cands, words.party_plurals)
    for c in cands:
        if c.label not in _VETTED:
            continue
        verdict = _verdict(ctx, c, cands, words)
        if verdict is None:
            continue
        label, reason = verdict
        if label is None:
            c.drop(reason)
        else:
            c.relabel(label, reason)
    return [c for c in cands if c.label is not None]
