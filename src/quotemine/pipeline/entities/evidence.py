"""Context evidence about a name: what the words around it say it is (a person, a work, an organisation).

Each function answers one question about one span or a few token positions of ``ctx.doc``; the
vetting rules combine them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from spacy.tokens import Token

from quotemine.lexicons.names import is_possessive
from quotemine.lexicons.words import GENDERED_PRONOUNS, NOMINAL_SUBJECTS, PERSON_SPEECH_VERBS, POSSESSIVE_S
from quotemine.pipeline.entities.context import Context, low

__all__ = [
    "ATTRIBUTIVE_DETS",
    "descriptor_before",
    "hyphen_glued",
    "org_apposition",
    "person_partner",
    "place_partner",
    "pronoun_or_partner",
    "role_apposition",
    "single_evidence",
    "titled",
    "used_as_name",
    "work_title",
]

ATTRIBUTIVE_DETS: Final = frozenset({"the", "a", "an"})
# Nouns that introduce the title of a work ("her 2009 memoir, Quiet Rivers").
_WORK_NOUNS: Final = frozenset(
    "book books memoir novel film movie documentary show series sitcom song album play musical "
    "column essay op-ed poem episode podcast chapter verse gospel".split()
)
_OPEN_QUOTES: Final = frozenset({'"', "''", "``", "\u201c", "'", "\u2018"})
_CLOSE_QUOTES: Final = frozenset({'"', "''", "\u201d", "'", "\u2019"})
_CHAPTER_VERSE: Final = re.compile(r"^\d{1,3}:\d{1,3}$")
# Small words inside a quoted title ("Vote or Walk", "Gone with the Wind").
_TITLE_INNER: Final = frozenset({"or", "and", "of", "the", "for", "in", "on", "to", "a", "with"})
# Words between an organisation noun and its name ("firms like X", "a company called X").
_BRIDGES: Final = frozenset({"like", "called", "named", "including"})
_PLACE_PREPS: Final = frozenset({"in", "at", "near", "across", "around", "outside", "throughout"})
_BE_FORMS: Final = frozenset({"is", "was", "are", "were", "be", "been", "'s", "\u2019s"})


def _title_word(tok: Token) -> bool:
    return tok.is_title or tok.lower_ in _TITLE_INNER


def _quoted_alone(doc: list[Token], start: int, end: int) -> bool:
    """Return whether the span, with a few title words around it, is quoted on its own."""
    k = end
    while k < len(doc) and k - end < 3 and _title_word(doc[k]):
        k += 1
    while k < len(doc) and doc[k].text in {",", "."}:
        k += 1  # the comma or point inside the closing quote
    if not (k < len(doc) and doc[k].text in _CLOSE_QUOTES):
        return False
    b = start - 1
    while b >= 0 and start - b <= 3 and _title_word(doc[b]) and doc[b].text not in _OPEN_QUOTES:
        b -= 1
    return b >= 0 and doc[b].text in _OPEN_QUOTES


def work_title(doc: list[Token], start: int, end: int) -> bool:
    """Return whether a span is the title of a work: quoted on its own, or after "book," etc.

    "''Harbour Lights''" where the NER took "Lights" alone; "the ''Vote or Walk'' crowd"; "Isaiah
    45:1"; "her memoir, Quiet Rivers".
    """
    if _quoted_alone(doc, start, end):
        return True
    if end < len(doc) and _CHAPTER_VERSE.match(doc[end].text):
        return True  # a book cited by chapter and verse
    return any(doc[i].lower_ in _WORK_NOUNS for i in range(max(0, start - 3), start))


def _before_bridge(doc: list[Token], k: int) -> int:
    """Return the index before the bridge words ending at ``k`` ("known as", "like"), else ``k``."""
    if k >= 2 and doc[k].lower_ == "as" and doc[k - 1].lower_ in {"known", "such"}:
        return k - 2  # "a terrorist group known as X", "firms such as X"
    if k >= 1 and doc[k].lower_ in _BRIDGES:
        return k - 1  # "consulting firms like X", "a company called X"
    return k


#: Tags of a capitalised word that opens a sentence with an organisation noun ("Rights group X").
_OPENERS: Final = frozenset({"NN", "NNP", "JJ"})


def descriptor_before(ctx: Context, start: int) -> bool:
    """Return whether an organisation noun with a determiner comes right before a name.

    "the group Sons of the Valley", "the law firm Hogan Lovells", and with a bridge word
    "a terrorist group known as X", "consulting firms like X". A person's role never takes
    this shape with these nouns.
    """
    doc, descriptors = ctx.toks, ctx.lex.org_descriptors
    k = _before_bridge(doc, start - 1)
    desc = low(doc[k]) if k >= 1 else ""
    if desc not in descriptors and not (k < start - 1 and desc.endswith("s") and desc[:-1] in descriptors):
        return False
    k -= 1
    if k < start - 2:
        return True  # the bridge words alone say it ("firms like Halvorsen")
    if k > 0 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in ATTRIBUTIVE_DETS:
        k -= 1  # "the law firm", "the investment bank"
    opener = (
        k == start - 2 and k >= 0 and doc[k].is_sent_start and doc[k].is_title and doc[k].tag_ in _OPENERS
    )
    if opener and (desc not in ctx.lex.role_heads or desc in ctx.lex.org_heads):
        return True  # "Consumer group Halvey Voice said" (but "Veteran pollster Ana Reyes" is a person)
    # a possessive before the organisation noun ("drivers' union X", "the region's biggest lender X")
    possessive = is_possessive(doc[k].text) and desc not in ctx.lex.role_heads  # not "its publisher X"
    return doc[k].lower_ in ATTRIBUTIVE_DETS or possessive


def hyphen_glued(doc: list[Token], start: int, end: int) -> bool:
    """Return whether a span is glued by a hyphen to a word outside it ("Comic-Con")."""
    before = (
        start > 1
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].is_alpha
    )
    after = (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    )
    return bool(before or after)


def titled(ctx: Context, start: int, cues: frozenset[str]) -> bool:
    """Return whether a title or role word comes right before ``start`` ("Sgt. Bowe ...")."""
    doc = ctx.toks
    k = start - 1
    if k > 0 and doc[k].text == ".":
        k -= 1  # "Sgt" "." split by the tokenizer
    return k >= 0 and low(doc[k]) in cues


def role_apposition(ctx: Context, i: int) -> bool:
    """Return whether the name is in apposition to a role, or has an age after it.

    "a pledged Novak delegate, Tamsin Obuya-Reed"; "Jarek Lindqvist, 18, from ...".
    """
    doc = ctx.toks
    tok = doc[i]
    if tok.dep_ == "appos" and low(tok.head) in ctx.lex.role_heads:
        return True
    return (
        i + 3 < len(doc)
        and doc[i + 1].text == ","
        and doc[i + 2].like_num
        and doc[i + 3].text == ","
        and doc[i + 2].text.isdigit()
        and 0 < int(doc[i + 2].text) < 120
    )


def _partners(tok: Token) -> list[Token]:
    """Return the conjuncts of a token ("Hillary and Obama"): its conj children and conj head."""
    partners = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        partners.append(tok.head)
    return partners


def pronoun_or_partner(doc: list[Token], starts: Iterable[int], full: set[int]) -> bool:
    """Return whether a subject mention goes on with he/she, or a mention joins a full name."""
    for i in starts:
        tok = doc[i]
        if tok.dep_ in NOMINAL_SUBJECTS and any(
            doc[k].lower_ in GENDERED_PRONOUNS for k in range(i + 1, tok.sent.end)
        ):
            return True
        if any(p.i in full for p in _partners(tok)):
            return True
    return False


def person_partner(doc: list[Token], starts: Iterable[int]) -> bool:
    """Return whether a mention is joined by "and"/"or" to another one the NER calls a person.

    "followers of Varn and Oskel": two one-word names the NER labels PERSON, each the other's
    conjunct, support each other.
    """
    for i in starts:
        tok = doc[i]
        if tok.ent_type_ != "PERSON":
            continue
        if any(p.ent_type_ == "PERSON" and p.is_title and p.ent_iob_ == "B" for p in _partners(tok)):
            return True
    return False


def _speech_subject(tok: Token) -> bool:
    return tok.dep_ == "nsubj" and tok.head.lemma_ in PERSON_SPEECH_VERBS


def place_partner(ctx: Context, starts: list[int]) -> bool:
    """Return whether a word is joined to a known place after "in"/"at" ("in Leeds and Harrowgate").

    Never when one of its mentions has a title before it or is the subject of a speech verb.
    """
    doc = ctx.toks
    if any(titled(ctx, i, ctx.title_cues) or _speech_subject(doc[i]) for i in starts):
        return False
    for i in starts:
        tok = doc[i]
        first = tok.head if tok.dep_ == "conj" else tok
        if (
            first.dep_ == "pobj"
            and first.head.lower_ in _PLACE_PREPS
            and any(p.is_title and ctx.is_place(p.text) for p in _partners(tok))
        ):
            return True
    return False


def org_apposition(ctx: Context, starts: list[int]) -> bool:
    """Return whether an apposition calls the word an organisation ("Teck, the mining company")."""
    doc = ctx.toks
    heads = ctx.lex.org_descriptors | ctx.lex.org_heads
    for i in starts:
        tok = doc[i]
        if i > 0 and doc[i - 1].tag_ in {"NNP", "NNPS"}:
            continue  # part of a longer name ("a group Barack Obama won")
        if any(c.dep_ == "appos" and c.lower_ in heads for c in tok.children):
            return True
        if tok.dep_ == "appos" and tok.head.lower_ in heads:
            return True
    return False


def single_evidence(ctx: Context, starts: list[int]) -> bool:
    """Return whether one occurrence of a word has a title, a speech verb, a role or a partner."""
    doc, lex = ctx.toks, ctx.lex
    for i in starts:
        tok = doc[i]
        if i > 0 and (low(doc[i - 1]) in ctx.title_cues or low(doc[i - 1]) in lex.role_heads):
            return True
        if _speech_subject(tok):
            return True
        if any(c.dep_ == "appos" and low(c) in lex.role_heads for c in tok.children):
            return True
        if any(p.is_title and ctx.known_name_word(p) for p in _partners(tok)):
            return True  # "Marta and Novak and Okafor"
    return False


def _with_determiner(doc: list[Token], i: int) -> bool:
    tok = doc[i]
    return any(c.dep_ in {"det", "nummod"} for c in tok.children) or (
        i > 0 and doc[i - 1].lower_ in ATTRIBUTIVE_DETS and tok.dep_ != "compound"
    )


def _is_a_role(ctx: Context, tok: Token) -> bool:
    """Return whether a subject is said to be a role ("Ostrander is a reporter")."""
    if tok.dep_ not in NOMINAL_SUBJECTS:
        return False
    head = tok.head
    return (head.lemma_ == "be" or head.lower_ in _BE_FORMS) and any(
        c.dep_ == "attr" and low(c) in ctx.lex.role_heads for c in head.children
    )


def used_as_name(
    ctx: Context, starts: list[int], ner_starts: list[int], named: set[int], full: set[int]
) -> bool:
    """Return whether the text uses a word the way it uses a person's name.

    Never when a determiner comes with the word ("the Ledger", "a Novakite"). Otherwise
    yes when, outside headline lines, the NER labels it PERSON twice, or one labelled occurrence is a
    possessive ("Obama's failure"), a subject with a personal pronoun after it in its sentence
    ("Brannock has dedicated his life"), the subject of "be" with a role noun ("Ostrander is a
    reporter"), or a conjunct of a full personal name ("Rihanna, Shonda Rhimes").
    """
    doc = ctx.toks
    body: list[int] = []
    for i in starts:
        if _with_determiner(doc, i):
            return False
        if doc[i].idx >= ctx.headline_end() and not ctx.is_title_line(i, i + 1, named):
            body.append(i)
    labelled = [i for i in ner_starts if i in body]
    if len(labelled) >= 2:
        return True
    for i in labelled:
        if i + 1 < len(doc) and doc[i + 1].text in POSSESSIVE_S:
            return True
        if _is_a_role(ctx, doc[i]) or pronoun_or_partner(doc, [i], full):
            return True
    return False
