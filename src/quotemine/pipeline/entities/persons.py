"""Person shapes: a name after a title is a person, a dateline or a research house is none.

``vet_persons`` runs after the first pass and the bylines; each rule records its reason:

* a title or role word, alone or with its complement, right before a name makes the name a
  person, whatever the NER called it or if it missed it ("Detective Sergeant Ana Whetu",
  "Lord Penby", "Leader of the Opposition Kate Moll", "Minister for Health Ravi Chand");
* a position word the NER kept at the front of a name is none of it ("Skipper Ana Folau");
* a wire dateline is no part of the name after it ("OSLO - Kelby Motors said" -> "Kelby Motors"),
  and its place alone is no name ("OSLO, May 2 (Wire) -");
* a lone surname that is a research house, never a person of the text, is an organisation
  ("Brandauer said in a note", "Brandauer analysts", "analysts at Brandauer");
* an "organisation" of title words alone right before a person is her title ("Detective
  Constable" + "Ana Whetu");
* a "person" whose last word is a place's word is a place, or a club in sports copy ("Kelby
  City"); a plural name after "the" is a team or a group ("the Kelby Bears"); a lone name after
  "in" or "near" that no person of the text bears is a place ("a shop in Kelby").

The small words live in ``data/person_shapes.json``.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

import numpy
from spacy.tokens import Token

from quotemine.lexicons import data_json, data_text
from quotemine.lexicons.names import GLUED_ROLE_NOUNS, is_initial
from quotemine.pipeline.dates.words import MONTHS, WEEKDAYS
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, low, string_ids

__all__ = ["late_person_shapes", "vet_persons"]

#: Labels the NER gives a name it misreads; a PERSON candidate is never taken apart.
_MISREAD: Final = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
_MAX_NAME: Final = 3
#: A score in sports copy ("3-0", "24 - 21", "112–109").
_SCORE: Final = re.compile(r"\b\d{1,3} ?[-\u2013] ?\d{1,3}\b")
#: Parts of speech a title is (never "national" or "federal" before a name).
_NOUNS: Final = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MAX_COMPLEMENT: Final = 4


@functools.cache
def _words(key: str) -> frozenset[str]:
    return frozenset(str(w) for w in data_json("person_shapes.json")[key])


@functools.lru_cache(maxsize=4)
def _title_ids(words: frozenset[str]) -> numpy.ndarray[Any, Any]:
    return string_ids(words)


@functools.lru_cache(maxsize=4)
def _person_titles(titles: frozenset[str]) -> frozenset[str]:
    """Return the titles and role nouns a name may follow ("minister", "sergeant", "striker").

    Only the project's own role list: the wider role heads hold adjectives and group nouns
    ("national", "group") that stand before names of organisations as often.
    """
    lines = (line.strip().lower() for line in data_text("roles.txt").splitlines())
    return titles | GLUED_ROLE_NOUNS | {w for w in lines if w and not w.startswith("#")}


# ---------------------------------------------------------------------- titles before names
def _name_end(ctx: Context, start: int) -> int:
    """Return the end of a run of up to three title-case name words at ``start`` (``start`` if none)."""
    toks = ctx.toks
    end = start
    while end < len(toks) and end - start <= _MAX_NAME:
        tok = toks[end]
        if not (tok.tag_ in PROPER_TAGS and (_name_word(ctx, tok, end > start) or is_initial(tok.text))):
            break
        if low(tok) in ctx.lex.role_heads and not ctx.is_first_name(tok):
            break
        end += 1
    if end - start > _MAX_NAME or (end < len(toks) and toks[end].is_title and toks[end].tag_ in PROPER_TAGS):
        return start  # a longer run of capitals is some other name
    return end


def _name_word(ctx: Context, tok: Token, later: bool) -> bool:
    """Tell whether a token may be a word of a name; a later word may be a place's name too ("Ana Kelby")."""
    return ctx.is_name_word(tok) or (later and tok.is_title and ctx.is_place(tok.text))


def _after_complement(ctx: Context, i: int) -> int:
    """Return where a name starts after a title's complement ("of the House Dan Rowe"), else -1.

    ``i`` is the token after "of" or "for"; the name starts at the first known first name of the
    capitalised run ("of State for Wales Ana Bell" may link its words), with at least one
    complement word before it.
    """
    toks = ctx.toks
    if i < len(toks) and toks[i].lower_ == "the":
        i += 1
    links = _words("title_links") | {"the", "and"}
    for k in range(i + 1, min(len(toks), i + _MAX_COMPLEMENT + 1)):
        if not (toks[k - 1].is_title or toks[k - 1].lower_ in links):
            return -1
        if ctx.is_first_name(toks[k]) and toks[k].is_title:
            return k
    return -1


def _titled_name(ctx: Context, p: int) -> tuple[int, int, bool]:
    """Return the name after the title at ``p`` (start, end, whether the title is right before it)."""
    toks = ctx.toks
    nxt = p + 1
    if nxt >= len(toks) or low(toks[nxt]) in ctx.lex.role_heads:
        return nxt, nxt, True  # "Detective Sergeant X": the last title of the run decides
    if toks[nxt].lower_ in _words("title_links"):
        if not toks[p].is_title:
            return nxt, nxt, False
        start = _after_complement(ctx, nxt + 1)
        return (start, _name_end(ctx, start), False) if start > 0 else (nxt, nxt, False)
    return nxt, _name_end(ctx, nxt), True


def _name_ok(ctx: Context, start: int, end: int, direct: bool, ner: Candidate | None) -> bool:
    """Tell whether tokens ``start:end`` after a title are a person's name.

    A name of one word only where a title proper is right before it and the NER saw a name
    there or the word is a known surname ("Lord Penby", "Baroness Okafor"). Where the NER read
    the words as a name of another kind, a known first name overrules it when the title is right
    before and the last word is no plural ("Kelby Rail Workers" stays an organisation), or with
    a known surname; an entity that ran in from the title ("House Dan Rowe") needs no more.
    """
    toks, lex = ctx.toks, ctx.lex
    text = ctx.text(start, end)
    if ctx.is_place(text) or text.lower() in lex.org_names:
        return False
    last = toks[end - 1]
    surname = low(last) in lex.surnames or ctx.has_surname_suffix(last.text)
    if end - start == 1:
        title = toks[start - 1]
        return direct and title.is_title and low(title) in lex.titles and (ner is not None or surname)
    if ner is None or ner.label == "PERSON" or ner.start < start:
        return True
    plural = last.lower_.endswith("s") and low(last) not in lex.surnames  # "Kelby Rail Workers"
    return ctx.is_first_name(toks[start]) and (surname or (direct and not plural))


def _covering(cands: list[Candidate], start: int, end: int) -> list[Candidate]:
    return [c for c in cands if c.label is not None and c.start < end and start < c.end]


def _make_person(pool: Pool, cands: list[Candidate], p: int, start: int, end: int) -> Candidate | None:
    """Make tokens ``start:end`` a person; reshape or drop what the NER made of the title and name."""
    near = _covering(cands, p, end)
    if any(c.end > end for c in near) or any(c.label == "PERSON" and c.start <= start for c in near):
        return None  # the NER's entity runs past the name, or a person is already there
    reason = "a title right before the name: a person"
    for c in near:
        if c.start < start and c.label in _MISREAD:
            c.end = start
            c.note("cut before the name of a person it ran into")
        elif c.label == "PERSON":
            c.start, c.end = start, end
            c.note(reason)
            return None
        else:
            c.drop("part of a person's name after a title")
    return pool.new(start, end, "PERSON", reason)


@functools.lru_cache(maxsize=1)
def _hyphen_tail_ids() -> numpy.ndarray[Any, Any]:
    return string_ids({w.rsplit("-", 1)[1] for w in _words("hyphen_positions")})


def _hyphen_positions(ctx: Context) -> list[int]:
    """Return the last token of each hyphenated playing position ("Fly-half", "Centre-back")."""
    toks, words = ctx.toks, _words("hyphen_positions")
    return [
        p
        for p in ctx.where("LOWER", _hyphen_tail_ids())
        if p >= 2 and toks[p - 1].text == "-" and f"{toks[p - 2].lower_}-{toks[p].lower_}" in words
    ]


def titled_people(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return the new people named right after a title; reshape the candidates they replace."""
    lex = ctx.lex
    added: list[Candidate] = []
    titles = _person_titles(lex.titles)
    for p in sorted(ctx.where("LOWER", _title_ids(titles)) + _hyphen_positions(ctx)):
        if ctx.toks[p].tag_ not in _NOUNS:
            continue
        start, end, direct = _titled_name(ctx, p)
        if end <= start:
            continue
        near = [c for c in _covering(cands, start, end) if c.label in _MISREAD or c.label == "PERSON"]
        if any(c.label == "PERSON" and c.start <= start and c.end >= end for c in near):
            continue  # the NER has it
        ner = near[0] if near else None
        if not _name_ok(ctx, start, end, direct, ner):
            continue
        made = _make_person(pool, cands + added, p, start, end)
        if made is not None:
            added.append(made)
    return added


# ---------------------------------------------------------------------- a position glued to a name
def cut_positions(ctx: Context, cands: list[Candidate]) -> None:
    """Cut a playing position or a standing word the NER kept at the front of a name.

    "Skipper Ana Folau said", "Opener Kiran Desai made 112": a capitalised position word, then a
    known first name and one or two more name words.
    """
    toks, lex = ctx.toks, ctx.lex
    for cand in cands:
        if cand.label != "PERSON" or not 3 <= cand.end - cand.start <= 4:
            continue
        head, first = toks[cand.start], toks[cand.start + 1]
        key = low(head)
        if not (head.is_title and (key in _words("opening_positions") or key in GLUED_ROLE_NOUNS)):
            continue
        if key in lex.first_names or not ctx.is_first_name(first):
            continue
        if all(ctx.is_name_word(t) or is_initial(t.text) for t in toks[cand.start + 1 : cand.end]):
            cand.start += 1
            cand.note("a position word cut from the front of the name ('Skipper X')")


# ---------------------------------------------------------------------- datelines
def _line_start(toks: list[Token], i: int) -> bool:
    """Tell whether token ``i`` opens a line or a sentence (a dateline opens its paragraph)."""
    return i == 0 or toks[i].is_sent_start or "\n" in toks[i - 1].text or "\n" in toks[i - 1].whitespace_


def _dateline_words(head: list[Token]) -> bool:
    """Tell whether words are a dateline: a place in capitals, maybe its country ("OSLO, Norway").

    Every word before the first comma is in capitals ("KELBY Research - X" is a name).
    """
    comma = next((k for k, t in enumerate(head) if t.text == ","), len(head))
    place, rest = head[:comma], head[comma:]
    return (
        len(place[0].text) > 1
        and all(t.is_upper or not t.is_alpha for t in place)
        and all(t.is_upper or t.is_title or not t.is_alpha for t in rest)
    )


def _dateline_end(ctx: Context, cand: Candidate) -> int:
    """Return where the name starts after a wire dateline inside a candidate, else -1.

    The dateline may start before the candidate: "MELBOURNE, Australia - X" where the NER took
    "MELBOURNE" alone for a place.
    """
    toks = ctx.toks
    dashes = _words("dashes")
    lead = cand.start
    if lead >= 2 and toks[lead - 1].text == "," and toks[lead - 2].is_upper:
        lead -= 2
    for k in range(cand.start + 1, min(cand.end - 1, cand.start + 6)):
        tok = toks[k]
        if tok.text in dashes and toks[k - 1].whitespace_:
            head = toks[lead:k]
            if _line_start(toks, lead) and _dateline_words(head):
                start = k + 1
                return start + 1 if toks[start].lower_ == "the" and start + 1 < cand.end else start
            return -1
    return -1


def _opens_dateline(toks: list[Token], i: int) -> bool:
    """Tell whether the words from token ``i`` on close a dateline place.

    They do when they are ", <date>" (", March 4", ", Tuesday"), maybe after the country
    (", Norway, March 4"), " (<agency>) -" or a bare dash.
    """
    n = len(toks)
    while i + 1 < n and toks[i].text == ",":
        word = toks[i + 1]
        if word.lower_.rstrip(".") in MONTHS or word.lower_.rstrip(".") in WEEKDAYS:
            return True
        if not word.is_title:
            return False
        i += 2  # a country or state: "OSLO, Norway, March 4"
    if i < n and toks[i].text == "(":
        close = next((k for k in range(i + 1, min(n, i + 6)) if toks[k].text == ")"), -1)
        i = close + 1 if close > 0 else n
    return i < n and toks[i].text in _words("dashes")


def dateline_places(ctx: Context, cands: list[Candidate]) -> None:
    """Drop a wire dateline's place taken for a name ("DUNMORE, May 2 (Wire) -" -> no organisation).

    The place is in capitals, opens its paragraph and is closed by a date, an agency in
    brackets or a dash.
    """
    toks = ctx.toks
    for cand in cands:
        first = toks[cand.start] if cand.start < cand.end else None
        if cand.label is None or first is None or not (first.is_alpha and first.is_upper):
            continue  # the cheap test first: a dateline's place opens with a word in capitals
        if not _line_start(toks, cand.start):
            continue
        words = toks[cand.start : cand.end]
        if not all(t.is_upper and len(t.text) > 1 for t in words if t.is_alpha) or not words[0].is_alpha:
            continue
        if _opens_dateline(toks, cand.end):
            cand.drop("a wire dateline's place, no name ('OSLO, May 2 -')")
    _dateline_regions(ctx, cands)


def _dateline_regions(ctx: Context, cands: list[Candidate]) -> None:
    """Read the region of a dateline as a place ("KELBY POINT, Tasmania -"), and its bare mentions too.

    The NER sometimes takes the region or country after the capitals for an organisation; an
    organisation of the same words that only the NER's label supports is that place as well.
    """
    toks = ctx.toks
    regions: set[str] = set()
    for cand in cands:
        k = cand.start
        if cand.label is None or k < 2 or toks[k - 1].text != "," or not toks[k - 2].is_upper:
            continue
        lead = k - 2
        while lead > 0 and toks[lead - 1].is_upper and toks[lead - 1].is_alpha:
            lead -= 1
        words = toks[cand.start : cand.end]
        if (
            _line_start(toks, lead)
            and len(toks[k - 2].text) > 1
            and all(t.is_title for t in words)
            and low(words[-1]) not in ctx.lex.org_heads
            and _opens_dateline(toks, cand.end)
        ):
            regions.add(ctx.text(cand.start, cand.end))
            if cand.label != "GPE":
                cand.relabel("GPE", "the region of a wire dateline ('KELBY, Tasmania -'): a place")
    if not regions:
        return
    for cand in cands:
        if (
            cand.label == "ORG"
            and cand.reasons == ["NER label ORG"]
            and ctx.text(cand.start, cand.end) in regions
        ):
            cand.relabel("GPE", "the region of the dateline, named again: a place")


def cut_datelines(ctx: Context, cands: list[Candidate]) -> None:
    """Cut a wire dateline off the name that the NER joined to it ("OSLO - Kelby Motors").

    A candidate that is the dateline's place alone is dropped (:func:`dateline_places`).
    """
    dateline_places(ctx, cands)
    for cand in cands:
        if cand.label is None or cand.end - cand.start < 3:
            continue
        start = _dateline_end(ctx, cand)
        if start > 0:
            cand.start = start
            cand.note("wire dateline cut from the front ('OSLO - X' -> 'X')")


# ---------------------------------------------------------------------- research houses
def _named_words(ctx: Context, people: list[Candidate]) -> set[str]:
    """Return the words of the full names of the text, with a known first name the NER left out.

    "Ana Kelby" read as "Kelby" alone still protects "kelby".
    """
    toks = ctx.toks
    named = {low(t) for c in people if c.end - c.start >= 2 for t in toks[c.start : c.end]}
    for c in people:
        before = toks[c.start - 1] if c.start > 0 else None
        if before is not None and before.is_title and not before.ent_type_ and ctx.is_first_name(before):
            named.add(low(toks[c.start]))
    return named


def _research_house(ctx: Context, tok: Token) -> bool:
    """Tell whether a lone name is a research house: its analysts, or it said something in a note."""
    toks, staff = ctx.toks, _words("research_staff")
    i = tok.i
    if i + 1 < len(toks) and toks[i + 1].lower_ in staff:
        return True  # "Brandauer analysts said"
    if i >= 2 and toks[i - 1].lower_ in {"at", "from", "with"} and toks[i - 2].lower_ in staff:
        return True  # "analysts at Brandauer"
    if tok.dep_ != "nsubj":
        return False
    nouns = _words("research_nouns")
    return any(
        prep.lower_ == "in" and any(o.dep_ == "pobj" and o.lower_ in nouns for o in prep.children)
        for prep in tok.head.children
        if prep.dep_ == "prep"
    )


def research_houses(ctx: Context, cands: list[Candidate]) -> None:
    """Relabel as ORG a lone surname that is a research house, not a person of the text."""
    people = [c for c in cands if c.label == "PERSON"]
    singles = [c for c in people if c.end - c.start == 1]
    if not singles:
        return
    toks = ctx.toks
    named = _named_words(ctx, people)
    for cand in singles:
        tok = toks[cand.start]
        if low(tok) in named or ctx.is_first_name(tok) or not _research_house(ctx, tok):
            continue
        cand.relabel("ORG", "a lone name with its analysts or its research note: a research house")


# ---------------------------------------------------------------------- title words alone
def _is_hyphen_position(ctx: Context, cand: Candidate) -> bool:
    return cand.end - cand.start == 3 and ctx.text(cand.start, cand.end).lower() in _words("hyphen_positions")


#: Words before the complement of a title ("Secretary of State X": "State" may name a body).
_COMPLEMENT_LEADS: Final = frozenset({"of", "for", "the"})


def title_only_orgs(ctx: Context, cands: list[Candidate]) -> None:
    """Drop an ORG of title words alone right before a person ("Detective Constable", "Fly-half")."""
    starts = {c.start for c in cands if c.label == "PERSON"}
    heads = ctx.lex.role_heads
    for cand in cands:
        before = ctx.toks[cand.start - 1].lower_ if cand.start > 0 else ""
        if cand.label == "ORG" and cand.end in starts and before not in _COMPLEMENT_LEADS:
            words = ctx.toks[cand.start : cand.end]
            if all(t.is_title and low(t) in heads for t in words) or _is_hyphen_position(ctx, cand):
                cand.drop("title words before a person's name, not an organisation")


# ---------------------------------------------------------------------- places and teams as people
def _sports_sentence(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a name stands after a word of play or in a sentence with a score ("3-0")."""
    toks = ctx.toks
    if cand.start > 0 and toks[cand.start - 1].lower_ in _words("play_words"):
        return True
    lo, hi = ctx.sentence(cand.start)
    return _SCORE.search(ctx.text(lo, hi)) is not None


def _place_tail(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a name of two or three words ends in a place's word ("Kelby City", "Orlin Road").

    A word that is also a surname ("Road") counts only after a word that is no known first name.
    """
    last = ctx.toks[cand.end - 1]
    key = low(last)
    if not (2 <= cand.end - cand.start <= 3 and last.is_title and key in _words("place_tails")):
        return False
    return key in _words("strong_place_tails") or not ctx.is_first_name(ctx.toks[cand.start])


def _plural_after_the(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a name after "the" ends in a plural and names a side in sports copy.

    "The Kelby Bears beat the Orlin Foxes 2-1"; never a name that modifies the word after it
    ("the Ana Sellers campaign").
    """
    toks = ctx.toks
    if cand.start == 0 or cand.end - cand.start < 2 or toks[cand.start - 1].lower_ != "the":
        return False
    last = toks[cand.end - 1].lower_
    if not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return False
    nxt = toks[cand.end] if cand.end < len(toks) else None
    if nxt is not None and nxt.is_lower and nxt.pos_ in {"NOUN", "ADJ", "PROPN"}:
        return False  # "the Ana Sellers campaign", "the Ana Sellers presidential bid"
    return _sports_sentence(ctx, cand)


def _place_object(ctx: Context, cand: Candidate) -> bool:
    """Tell whether a lone name the NER called a place here is the object of "in" or "near".

    The NER calls the same word a person elsewhere ("Kelby fire" in a headline); no person of
    the text bears the name ("faith in Kelby" after "Ana Kelby" is hers).
    """
    tok = ctx.toks[cand.start]
    return (
        cand.end - cand.start == 1
        and tok.dep_ == "pobj"
        and tok.head.lower_ in _words("locative_preps")
        and cand.label in _PLACE_LABELS
    )


_NAME_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})


def _shape_verdict(ctx: Context, cand: Candidate) -> tuple[str, str] | None:
    """Return what a name's shape says it is when that is no person, else ``None``."""
    if _place_tail(ctx, cand):
        label = "ORG" if _sports_sentence(ctx, cand) else "GPE"
        return label, "ends in a place's word: a place, or a club in sports copy"
    if _plural_after_the(ctx, cand):
        return "ORG", "a plural name after 'the': a team or a group"
    if _place_object(ctx, cand):
        return "GPE", "a lone name after 'in' or 'near': a place"
    return None


def _may_have_shape(ctx: Context, cand: Candidate) -> bool:
    """Tell cheaply whether a shape rule may hold: a place's last word, "the ...s", "in X"."""
    toks = ctx.toks
    last = toks[cand.end - 1]
    if cand.end - cand.start == 1:
        return last.dep_ == "pobj" and cand.label in _PLACE_LABELS
    key = last.lower_
    the = cand.start > 0 and toks[cand.start - 1].lower_ == "the"
    return key in _words("place_tails") or (key.endswith("s") and the)


def places_and_teams(ctx: Context, cands: list[Candidate]) -> None:
    """Relabel people that are places or teams by their shape.

    Any mention of the name may show its shape, whatever the NER called it ("the Kelby Bears"
    ORG, "Kelby Bears" PERSON later); every PERSON mention with that text follows. The cheap
    token tests run first; the texts and the full names only when one of them holds.
    """
    people = [c for c in cands if c.label == "PERSON"]
    if not people:
        return
    verdicts: dict[str, tuple[str, str]] = {}
    texts: set[str] | None = None
    named: set[str] | None = None
    for cand in (c for c in cands if c.label in _NAME_LABELS and _may_have_shape(ctx, c)):
        verdict = _shape_verdict(ctx, cand)
        if verdict is None:
            continue
        if texts is None:
            texts = {ctx.text(c.start, c.end) for c in people}
        text = ctx.text(cand.start, cand.end)
        if text not in texts or text in verdicts:
            continue
        if cand.end - cand.start == 1:
            named = _named_words(ctx, people) if named is None else named
            if low(ctx.toks[cand.start]) in named:
                continue  # "faith in Kelby" after "Ana Kelby": hers
        verdicts[text] = verdict
    if not verdicts:
        return
    for cand in people:
        found = verdicts.get(ctx.text(cand.start, cand.end))
        if found is not None:
            cand.relabel(*found)


def late_person_shapes(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Apply the shape rules again to what the later rules made.

    A person made from a full name the NER missed may be a club ("beat Kelby Town 3-1"); an
    organisation found from its head word may run back over a dateline ("PERTH, Australia - X").
    """
    cut_datelines(ctx, cands)
    places_and_teams(ctx, cands)
    return [c for c in cands if c.label is not None]


def vet_persons(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Apply the person-shape rules; return the live candidates and the new people."""
    cut_datelines(ctx, cands)
    cut_positions(ctx, cands)
    cands = cands + titled_people(ctx, pool, cands)
    title_only_orgs(ctx, cands)
    research_houses(ctx, cands)
    places_and_teams(ctx, cands)
    return [c for c in cands if c.label is not None]
