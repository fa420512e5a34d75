"""First pass over the NER's entities: trim them, then relabel names by ordered rules.

``first_pass`` turns ``doc.ents`` into candidates and applies ``FIRST_PASS_RULES`` in order (the
first rule with a verdict decides). ``join_and_extend`` joins name fragments and extends cut
names; ``propagate.propagate_people`` then makes a person's name a person everywhere in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Span, Token

from quotemine.extensions import doc_text
from quotemine.lexicons.names import is_initial
from quotemine.pipeline.entities.candidate import Candidate, Pool, Verdict
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, lazy, low
from quotemine.pipeline.entities.evidence import work_title
from quotemine.pipeline.entities.honorifics import HONORIFIC_LABELS, HONORIFICS, after_honorific
from quotemine.pipeline.entities.ner import from_ner

__all__ = [
    "FIRST_PASS_RULES",
    "HYPHEN_PREFIXES",
    "NAME_LABELS",
    "Entity",
    "first_pass",
    "is_name_pair",
    "join_and_extend",
    "score_at",
]

NAME_LABELS: Final = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
_OTHER_NAME_LABELS: Final = NAME_LABELS - {"PERSON"}


@dataclass(eq=False)  # not frozen: a frozen dataclass is slow to make, and one is made per candidate
class Entity:
    """A candidate under the first-pass rules, with its span and the protected surnames of the text.

    ``protected`` are the last words of full names with first-name evidence ("Ada Brannock" -> "brannock").
    """

    ctx: Context
    cand: Candidate
    protected: frozenset[str]

    @lazy
    def span(self) -> Span:
        """Return the span, made on the first rule that needs more than its tokens."""
        return self.ctx.doc[self.cand.start : self.cand.end]

    @lazy
    def toks(self) -> list[Token]:
        """Return the tokens of the span (no ``Span`` built)."""
        return self.ctx.toks[self.cand.start : self.cand.end]

    @lazy
    def text(self) -> str:
        """Return the text of the span, made once for all the rules."""
        return self.ctx.text(self.cand.start, self.cand.end)


#: A first-pass rule: the candidate under test -> verdict or ``None``.
FirstPassRule = Callable[[Entity], Verdict | None]


# ---------------------------------------------------------------------- first-pass rules
def line_of_one_word(e: Entity) -> Verdict | None:
    """Drop an organisation word standing alone on its line, a section label ("Council", "Police")."""
    cand, ctx = e.cand, e.ctx
    if cand.end - cand.start != 1 or low(ctx.toks[cand.start]) not in ctx.lex.org_heads:
        return None
    text, tok = doc_text(ctx.doc), ctx.toks[cand.start]
    a, b = tok.idx, tok.idx + len(tok)
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    while b < len(text) and text[b] in " \t":
        b += 1
    if (a == 0 or text[a - 1] == "\n") and (b == len(text) or text[b] == "\n"):
        return Verdict(None, "an organisation word alone on its line: a label, not an organisation")
    return None


def honorific_name(e: Entity) -> Verdict | None:
    """Relabel a place, firm or people named right after a form of address as a person ("Mr Ashford")."""
    start = e.cand.start
    if start == 0 or low(e.ctx.toks[start - 1]) not in HONORIFICS:
        return None  # the cheap exit almost every candidate takes
    if after_honorific(e.ctx, start, e.cand.end):
        return Verdict("PERSON", "a form of address right before the name ('Mr X'): a person")
    return None


def org_without_capitals(e: Entity) -> Verdict | None:
    """Drop an ORG with no capitalised word ("the department of economics"; "KelbyNet" has one)."""
    cand, span = e.cand, e.toks
    if cand.label == "ORG" and not any(t.text[:1].isupper() for t in span if t.lower_ != "the"):
        return Verdict(None, "organisation without a capitalised word")
    return None


def person_without_name_word(e: Entity) -> Verdict | None:
    """Relabel a PERSON without a proper-noun name word as a place or a nationality, or drop it."""
    ctx, cand, span = e.ctx, e.cand, e.toks
    if cand.label != "PERSON" or any(t.tag_ in PROPER_TAGS and ctx.is_name_word(t) for t in span):
        return None
    if ctx.is_place(e.text):
        return Verdict("GPE", "known place")
    if ctx.is_demonym_span(span[-1:]):
        return Verdict("NORP", "demonym: nationality word", start=cand.end - 1)  # "Veteran Kazakh"
    return Verdict(None, "no proper-noun name word")


def person_after_org_noun(e: Entity) -> Verdict | None:
    """Relabel a PERSON right after an organisation noun as ORG ("the Russian daily X")."""
    ctx, cand = e.ctx, e.cand
    doc, start = ctx.toks, cand.start
    if (
        cand.label == "PERSON"
        and start > 0
        and doc[start - 1].lower_ in ctx.lex.org_descriptors
        and e.span.root.dep_ not in {"nsubj", "nsubjpass"}
        and not (cand.end - start >= 2 and ctx.is_first_name(doc[start]))
    ):
        return Verdict("ORG", "organisation noun before the name")  # but "a group Barack Obama won"
    return None


def _looks_like_person_name(ctx: Context, cand: Candidate, span: list[Token], text: str) -> bool:
    if not (2 <= len(span) <= 3 and all(t.tag_ == "NNP" and ctx.is_name_word(t) for t in span)):
        return False
    if ctx.is_place(text):
        return False
    if cand.label in _PLACE_KINDS and _place_word_end(ctx, span):
        return False  # "at Kelby Park" read as a facility stays one, whatever its first word
    return ctx.has_surname_suffix(span[-1].text) or (
        ctx.is_first_name(span[0])
        and (cand.label != "ORG" or ctx.person_context(span) or _first_name_only(ctx, cand.start, cand.end))
    )


def _first_name_only(ctx: Context, start: int, end: int) -> bool:
    """Tell whether an ORG starts with a word that is a first name and never a surname ("Ivo Brandt").

    A company named like a person mostly starts with a name that is also a surname (a founder's
    name); a first name no surname list holds, with no "the" or possessive before it,
    names a person.
    """
    first, last = ctx.toks[start], low(ctx.toks[end - 1])
    before = ctx.toks[start - 1] if start > 0 else None
    return (
        low(first) not in ctx.lex.surnames
        and not (last.endswith("s") and last not in ctx.lex.surnames)  # "Ola Wardens": a plural noun
        and ctx.text(start, end).lower() not in ctx.lex.org_names
        and not (before is not None and (before.lower_ == "the" or before.tag_ == "POS"))
    )


_PLACE_KINDS: Final = frozenset({"FAC", "GPE", "LOC"})


def _place_word_end(ctx: Context, span: Sequence[Token]) -> bool:
    """Tell whether a name ends in a place word ("Kelby Park", "Orlin Stadium")."""
    last = low(span[-1])
    return last in ctx.lex.place_suffixes or last in ctx.lex.weak_place_suffixes


def name_with_other_label(e: Entity) -> Verdict | None:
    """Relabel a personal name the NER labelled ORG, GPE... as PERSON ("Bakyt Nurlanov" ORG)."""
    ctx, cand = e.ctx, e.cand
    doc, start = ctx.toks, cand.start
    if (
        cand.label in _OTHER_NAME_LABELS
        and _looks_like_person_name(ctx, cand, e.toks, e.text)
        and not (start > 0 and doc[start - 1].lower_ in ctx.lex.org_descriptors)
        and not work_title(doc, start, cand.end)
    ):
        return Verdict("PERSON", "personal name: first name or surname ending")  # not "''Rush Hour''"
    return None


def _name_words(ctx: Context, span: Span, text: str) -> bool:
    """Tell whether a span is two or three title-case proper nouns that may be a name."""
    return (
        2 <= len(span) <= 3
        and all(t.tag_ in PROPER_TAGS and t.is_title and ctx.is_name_word(t) for t in span)
        and not ctx.is_place(text)
        and text.lower() not in ctx.lex.org_names
    )


def _listed_with_people(span: Span) -> bool:
    """Tell whether a name is one item of a list of three or more whose other items are all people.

    "Ana Reyes, Tom Hale and Ivo Kern": the other items are people the NER found, two of them
    full names (a list of one-word names may be a misparse around a place or a shop).
    """
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
        if first.i < span.start - 50:
            return False  # a parse that runs far back is no list
    items = [first]
    for item in items:  # grows while read: each item's conjuncts join the list
        items.extend(c for c in item.children if c.dep_ == "conj")
        if len(items) > 12:
            return False
    others = [t for t in items if not span.start <= t.i < span.end]
    full = [t for t in others if t.ent_iob_ == "I"]  # the last word of a name of two words or more
    return len(items) >= 3 and len(full) >= 2 and all(t.ent_type_ == "PERSON" for t in others)


def _age_after(span: Span) -> bool:
    """Tell whether an age in commas follows a name ("Tom Hale, 26, a driver")."""
    doc, end = span.doc, span.end
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].text.isdigit()
        and 0 < int(doc[end + 1].text) < 120
        and doc[end + 2].text == ","
    )


def person_shaped_other(e: Entity) -> Verdict | None:
    """Relabel as PERSON a name the NER labelled otherwise, when the words around it say person.

    Two or three title-case name words followed by an age in commas ("Tom Hale, 26, a driver"),
    in apposition to a role ("its finance director, Orla Venn, said"), or listed with people only
    ("Ana Reyes, Tom Hale and Ivo Kern").
    """
    ctx, cand = e.ctx, e.cand
    if cand.label not in _OTHER_NAME_LABELS or not 2 <= cand.end - cand.start <= 3:
        return None
    span = e.span
    aged = _age_after(span)
    root = span.root
    last = span[-1]
    role = low(last.head) if last.dep_ == "appos" else ""
    of_role = role in ctx.lex.role_heads and role not in ctx.lex.org_descriptors  # not "its publisher, X"
    if not (aged or of_role) and root.dep_ != "conj" and not any(c.dep_ == "conj" for c in root.children):
        return None  # the cheap tests first: neither an age, a role nor a list
    if not _name_words(ctx, span, e.text):
        return None
    if any(low(t) in ctx.lex.org_heads or low(t) in ctx.lex.demonyms for t in span):
        return None
    if aged:
        return Verdict("PERSON", "personal name followed by an age ('X, 26,')")
    if of_role:
        return Verdict("PERSON", "personal name in apposition to a role ('its finance director, X Y,')")
    if _listed_with_people(span):
        return Verdict("PERSON", "listed with people only")
    return None


def surname_after_first_name(e: Entity) -> Verdict | None:
    """Relabel as PERSON a surname the NER labelled otherwise right after a first name it left out.

    "said Ana Reyes, a Kelby-based analyst" where the NER took "Reyes" alone for an
    organisation: a known first name the NER did not label, then a known surname (or a surname
    ending) that is no place and no known organisation, make one person.
    """
    ctx, cand = e.ctx, e.cand
    start = cand.start
    if cand.label not in _OTHER_NAME_LABELS or cand.end - start != 1 or start == 0:
        return None
    first, word = ctx.toks[start - 1], ctx.toks[start]
    if first.ent_type_ or not (first.tag_ in PROPER_TAGS and first.is_title and ctx.is_first_name(first)):
        return None
    key = low(word)
    if not (
        word.is_title and (key in ctx.lex.surnames or ctx.has_surname_suffix(key)) and ctx.is_name_word(word)
    ):
        return None
    if ctx.is_place(e.text) or key in ctx.lex.org_names or not ctx.is_name_word(first):
        return None
    return Verdict("PERSON", "surname after a first name the NER left out", start=start - 1)


def brand_place(e: Entity) -> Verdict | None:
    """Relabel as ORG a "place" that is no known place with a brand's inner capital ("a VeloShip store")."""
    ctx, cand, span = e.ctx, e.cand, e.toks
    if (
        cand.label in {"GPE", "LOC"}
        and len(span) == 1
        and span[0].text[:1].isupper()
        and ctx.is_brand_word(e.text)
        and not ctx.is_place(e.text)
    ):
        return Verdict("ORG", "brand word (inner capital) the NER called a place")
    return None


def name_pair(e: Entity) -> Verdict | None:
    """Relabel as PERSON two names joined by a hyphen when one is a person's surname ("the Hale-Reyes bill").

    The NER reads "Hale-Reyes" as an organisation or a facility; the pair names two people when
    one word is the surname of a full name in the text and the other is a name word too.
    ``vetting`` later splits the pair into the two people.
    """
    ctx, cand, span = e.ctx, e.cand, e.toks
    if cand.label == "PERSON" or not is_name_pair(ctx, span):
        return None
    if not any(span[k].text.lower() in e.protected for k in (0, 2)):
        return None
    return Verdict("PERSON", "two people's names joined by a hyphen")


#: Prefixes glued to a name by a hyphen ("Pro-Hale", "Anti-Reyes"): no second name.
HYPHEN_PREFIXES: Final = frozenset({"pro", "anti", "ex", "non", "post", "pre", "neo"})


def is_name_pair(ctx: Context, span: Sequence[Token]) -> bool:
    """Tell whether a span is two title-case name words glued by a hyphen ("Hale-Reyes")."""
    return (
        len(span) == 3
        and span[0].lower_ not in HYPHEN_PREFIXES
        and span[1].text == "-"
        and not span[0].whitespace_
        and not span[1].whitespace_
        and all(t.text[:1].isupper() and _pair_word(ctx, t) for t in (span[0], span[2]))
    )


def _pair_word(ctx: Context, tok: Token) -> bool:
    """Tell whether one half of a hyphen pair may be a name: a name word, or a place that is a surname."""
    return ctx.is_name_word(tok) or (ctx.is_place(tok.text) and low(tok) in ctx.lex.surnames)


def protected_surname(e: Entity) -> Verdict | None:
    """Keep a PERSON that is the surname of a full name elsewhere ("Brannock" after "Ada Brannock")."""
    cand = e.cand
    if cand.label == "PERSON" and e.text.lower() in e.protected:
        return Verdict("PERSON", "surname of a full name elsewhere")
    return None


def demonym(e: Entity) -> Verdict | None:
    """Relabel a nationality or group word as NORP, never a person or a place ("Tajik")."""
    ctx, cand, span = e.ctx, e.cand, e.toks
    if cand.label in {"PERSON", "GPE", "LOC"} and ctx.is_demonym_span(span):
        return Verdict("NORP", "demonym: nationality word")
    return None


def known_place(e: Entity) -> Verdict | None:
    """Relabel a known place as GPE, unless it is a titled person ("Mr. Paris")."""
    ctx, cand = e.ctx, e.cand
    doc, start = ctx.toks, cand.start
    if cand.label not in {"PERSON", "ORG", "NORP", "LOC", "FAC"} or not ctx.is_place(e.text):
        return None
    titled = start > 0 and low(doc[start - 1]) in ctx.title_cues
    if cand.label == "PERSON" and titled:
        return Verdict("PERSON", "titled name, although a known place")
    return Verdict("GPE", "known place")


#: Last words of street names ("Kelby Road", "Mill Lane"); "street" is left out ("Wall Street").
_STREET_WORDS: Final = frozenset({"road", "row", "lane", "terrace", "crescent", "avenue", "boulevard"})


def street_address(e: Entity) -> Verdict | None:
    """Relabel a street as a facility, never a person or an organisation.

    An ORG ending in a street word ("Castle Lane") is one; so is a PERSON whose street word is
    followed by a comma, as in an address ("Pelham Road, Kelby").
    """
    cand, span = e.cand, e.toks
    if cand.label not in {"PERSON", "ORG"} or len(span) < 2:
        return None
    for k, tok in enumerate(span[1:], start=1):
        if not tok.is_title or tok.lower_ not in _STREET_WORDS or span[k - 1].is_lower:
            continue  # "Office of Rail and Road": a word after "and" or "of" is no street's name
        after = span[k + 1] if k + 1 < len(span) else None
        if cand.label == "ORG" and after is None:
            return Verdict("FAC", "street name")
        if cand.label == "PERSON" and after is not None and after.text == ",":
            return Verdict("FAC", "street address ('X Road, Town')")
    return None


#: Common nouns of land or of the people living there that a place name modifies ("the Kelby
#: coast", "Ardle residents").
_LAND_NOUNS: Final = frozenset(
    "coast coastline shore shoreline area region valley countryside estuary border "
    "residents villagers locals householders homeowners ratepayers".split()
)


def place_modifier(e: Entity) -> Verdict | None:
    """Relabel an organisation that modifies a noun of land as a place ("the Kelby coast").

    Only a name without an organisation head word: "the Kelby Council area" stays a council.
    """
    cand, span, toks = e.cand, e.toks, e.ctx.toks
    if cand.label != "ORG" or any(low(t) in e.ctx.lex.org_heads for t in span):
        return None
    end = cand.end
    nxt = toks[end] if end < len(toks) else None
    if nxt is not None and nxt.is_lower and nxt.lower_ in _LAND_NOUNS and span[-1].head.i == end:
        return Verdict("LOC", "modifier of a noun of land ('the Kelby coast')")
    return None


#: Words before an opponent's name in a result ("lost to X 3-1", "won against X", "beat X").
_OPPONENT_CUES: Final = frozenset({"to", "against", "beat", "beats", "beating", "defeated", "over", "edged"})
_SCORE: Final = re.compile(r"^\d{1,3}[-\u2013]\d{1,3}$")


def score_at(doc: list[Token], i: int) -> bool:
    """Return whether a score ("3-1", "112-109") starts at token ``i``."""
    if i >= len(doc):
        return False
    if _SCORE.match(doc[i].text):
        return True
    return i + 2 < len(doc) and doc[i].like_num and doc[i + 1].text in {"-", "\u2013"} and doc[i + 2].like_num


def team_before_score(e: Entity) -> Verdict | None:
    """Relabel a one-word "person" between a word of contest and a score as a team ("lost to Kelby 3-1")."""
    doc, cand = e.ctx.toks, e.cand
    if cand.end - cand.start != 1 or cand.start == 0 or low(doc[cand.start - 1]) not in _OPPONENT_CUES:
        return None
    if score_at(doc, cand.end):
        return Verdict("ORG", "one word after 'to/against/beat' and before a score: a team")
    return None


#: The first-pass rules, in order: the first one with a verdict decides.
FIRST_PASS_RULES: Final[tuple[FirstPassRule, ...]] = (
    honorific_name,
    line_of_one_word,
    street_address,
    team_before_score,
    place_modifier,
    org_without_capitals,
    name_pair,
    brand_place,
    person_without_name_word,
    person_after_org_noun,
    name_with_other_label,
    person_shaped_other,
    surname_after_first_name,
    protected_surname,
    demonym,
    known_place,
)

#: The labels each first-pass rule acts on (it returns no verdict for the others).
_RULE_LABELS: Final[dict[FirstPassRule, frozenset[str]]] = {
    honorific_name: HONORIFIC_LABELS,
    line_of_one_word: frozenset({"ORG"}),
    street_address: frozenset({"PERSON", "ORG"}),
    team_before_score: frozenset({"PERSON"}),
    place_modifier: frozenset({"ORG"}),
    org_without_capitals: frozenset({"ORG"}),
    name_pair: _OTHER_NAME_LABELS,
    brand_place: frozenset({"GPE", "LOC"}),
    person_without_name_word: frozenset({"PERSON"}),
    person_after_org_noun: frozenset({"PERSON"}),
    name_with_other_label: _OTHER_NAME_LABELS,
    person_shaped_other: _OTHER_NAME_LABELS,
    surname_after_first_name: _OTHER_NAME_LABELS,
    protected_surname: frozenset({"PERSON"}),
    demonym: frozenset({"PERSON", "GPE", "LOC"}),
    known_place: frozenset({"PERSON", "ORG", "NORP", "LOC", "FAC"}),
}
#: ``FIRST_PASS_RULES`` by label, in order: a candidate meets only the rules that act on its label.
_RULES_BY_LABEL: Final = {
    label: tuple(rule for rule in FIRST_PASS_RULES if label in _RULE_LABELS[rule]) for label in NAME_LABELS
}


def _protected(ctx: Context, cands: list[Candidate]) -> frozenset[str]:
    """Return the last words of full names with first-name evidence ("Ada Brannock" -> "brannock")."""
    doc = ctx.toks
    out: set[str] = set()
    for c in cands:
        if c.label == "PERSON" and c.end - c.start >= 2:
            first, last = doc[c.start], doc[c.end - 1]
            if ctx.is_first_name(first) or ctx.has_surname_suffix(last.text):
                out.add(last.text.lower())
    return frozenset(out)


def first_pass(ctx: Context, pool: Pool) -> list[Candidate]:
    """Return the NER's entities as trimmed candidates, relabelled by ``FIRST_PASS_RULES``."""
    cands = from_ner(ctx, pool)
    protected = _protected(ctx, cands)
    for cand in cands:
        rules = _RULES_BY_LABEL.get(cand.label or "", ())
        if not rules:
            continue  # every rule is about names (dates, numbers... stay as they are)
        entity = Entity(ctx, cand, protected)
        for rule in rules:
            verdict = rule(entity)
            if verdict is not None:
                cand.apply(verdict)
                break
    return cands


# ---------------------------------------------------------------------- joining fragments
def _joins(ctx: Context, prev: Candidate, cand: Candidate) -> bool:
    """Return whether two adjacent name fragments are one personal name."""
    if prev.end != cand.start or prev.label not in NAME_LABELS or cand.label not in NAME_LABELS:
        return False
    if not (prev.label == "PERSON" or cand.label == "PERSON" or prev.label == cand.label):
        return False
    tokens = ctx.toks[prev.start : cand.end]
    return all(ctx.is_name_word(t) for t in tokens if not t.is_punct) and ctx.person_evidence(tokens)


def _extend_left(ctx: Context, cand: Candidate, taken: set[int]) -> None:
    """Extend a person left over first names and initials ("Iskandar" + "Asadullaev")."""
    doc = ctx.toks
    while cand.start > 0 and cand.start - 1 not in taken:
        tok = doc[cand.start - 1]
        if not (tok.is_title and (ctx.is_first_name(tok) or is_initial(tok.text)) and ctx.is_name_word(tok)):
            break
        cand.start -= 1
        taken.add(cand.start)
        cand.note("extended over a first name or initial")


def _extend_right(ctx: Context, cand: Candidate, taken: set[int]) -> None:
    """Extend a person right over a surname after a lone first name or initial."""
    doc = ctx.toks
    while cand.end < len(doc) and cand.end not in taken:
        tok, last = doc[cand.end], doc[cand.end - 1]
        if not (
            tok.tag_ == "NNP"
            and ctx.is_name_word(tok)
            and (is_initial(last.text) or ctx.is_first_name(last))
            and (ctx.has_surname_suffix(tok.text) or is_initial(last.text))
        ):
            break
        cand.end += 1
        taken.add(cand.end - 1)
        cand.note("extended over a surname")


def _nickname_bridge(ctx: Context, cand: Candidate) -> int:
    """Return the end of a name that goes on over a nickname in brackets ("Ana (Annie) Reyes"), else 0.

    The brackets must hold one known first name, and a title-case name word must follow them.
    """
    doc, k = ctx.toks, cand.end
    if k + 3 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
        return 0
    nick, after = doc[k + 1], doc[k + 3]
    if not (ctx.is_first_name(nick) and nick.is_title and after.tag_ in PROPER_TAGS and after.is_title):
        return 0
    return k + 4 if ctx.is_name_word(after) else 0


def _join_nicknames(ctx: Context, out: list[Candidate]) -> list[Candidate]:
    """Extend people over a nickname in brackets and the surname after it; drop what they cover."""
    for cand in out:
        if cand.label != "PERSON" or cand.dropped:
            continue
        end = _nickname_bridge(ctx, cand)
        if not end:
            continue
        for other in out:
            if other is not cand and not other.dropped and cand.end <= other.start and other.end <= end:
                other.drop("part of a name with a nickname in brackets")
        cand.end = end
        cand.note("extended over a nickname in brackets and the surname")
    return [c for c in out if not c.dropped]


def join_and_extend(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Join adjacent name fragments into one person and extend people over cut names.

    Returns the live candidates in text order (dropped ones are left out).
    """
    out: list[Candidate] = []
    for cand in sorted((c for c in cands if not c.dropped), key=lambda c: (c.start, c.end)):
        prev = out[-1] if out else None
        if prev is not None and _joins(ctx, prev, cand):
            prev.end = cand.end
            prev.relabel("PERSON", "joined with the next name fragment")
            cand.drop("joined into the name before it")
            continue
        out.append(cand)
    out = _join_nicknames(ctx, out)
    taken = {i for c in out for i in range(c.start, c.end)}
    for cand in out:
        if cand.label == "PERSON":
            _extend_left(ctx, cand, taken)
            _extend_right(ctx, cand, taken)
    return out
