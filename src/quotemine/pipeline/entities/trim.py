"""Cut what is not the name from the edges of an entity: titles, junk, punctuation, epithets.

Titles and honorifics are roles (``quotemine_roles`` tags them), so a PERSON span keeps only the
name. Every function returns new token bounds; the caller records the change on the candidate.
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Token

from quotemine.lexicons.names import GLUED_ROLE_NOUNS, is_initial, is_possessive
from quotemine.lexicons.roles import POST_NOMINALS
from quotemine.pipeline.entities.candidate import Candidate
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, low, run_together

__all__ = ["NAME_SUFFIXES", "strip_epithets", "strip_person", "strip_trailing_nouns", "trim"]

# Tags of a first word that is not part of the name that follows ("Asserting Clinton", "Neither Cruz").
_LEAD_JUNK_TAGS: Final = frozenset(
    "VB VBD VBG VBN VBZ VBP RB RBR RBS IN DT PDT CC MD TO PRP PRP$ WDT WP WRB UH EX JJ JJR JJS".split()
)
# Lower-case words that may sit inside or end a personal name ("Osama bin Laden", "Bill de Blasio").
_NAME_PARTICLES: Final = frozenset(
    "de da di du del della der den van von bin ibn al el la le ben dos das y".split()
)
NAME_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
_CUE_FORMS: Final = frozenset(
    {"said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote", "writes"}
)
_LEAD_KEEP: Final = frozenset({"("})
_TAIL_KEEP: Final = frozenset({".", ")"})


# ---------------------------------------------------------------------- any entity
#: Whitespace that a span's text shows when a token of it holds a line break or is a whitespace
#: token: a character other than a space, or two whitespace characters in a row.
_ODD_SPACE: Final = re.compile(r"[^\S ]|\s\s")


def _cut_at_line_break(ctx: Context, start: int, end: int) -> int:
    """Return the end of the span cut before a line break or an inner whitespace token."""
    if _ODD_SPACE.search(ctx.text(start, end)) is None:
        return end  # one look at the span's text: most names hold no odd whitespace
    doc = ctx.toks
    for i in range(start, end):
        tok = doc[i]
        if "\n" in tok.text or (tok.is_space and i > start):
            return i
    return end


def _edge_junk(tok: Token, keep: frozenset[str]) -> bool:
    return tok.is_space or (tok.is_punct and tok.text not in keep)


def trim(ctx: Context, start: int, end: int, label: str) -> tuple[int, int]:
    """Cut line breaks, edge punctuation, a leading "the" and (for people) titles and junk."""
    doc = ctx.toks
    end = _cut_at_line_break(ctx, start, end)
    while start < end and _edge_junk(doc[start], _LEAD_KEEP):
        start += 1
    while end > start and (is_possessive(doc[end - 1].text) or _edge_junk(doc[end - 1], _TAIL_KEEP)):
        end -= 1
    if label in {"PERSON", "ORG"} and end - start > 1 and doc[start].lower_ == "the":
        start += 1
    if label == "PERSON":
        start, end = strip_person(ctx, start, end)
    return start, end


# ---------------------------------------------------------------------- people
def _never_lead(ctx: Context, tok: Token, key: str) -> bool:
    """Return whether a first word can never begin a name (title, function word, punctuation)."""
    lex = ctx.lex
    return (
        key in lex.honorifics
        or key in lex.titles
        or (key in lex.stop_words and tok.tag_ != "NNP")
        or tok.is_punct
        or is_possessive(tok.text)
        or run_together(tok.text)
    )


def _lead_before_first_name(ctx: Context, tok: Token, nxt: Token, key: str) -> bool:
    """Return whether a word before a first name is a group, place or organisation word."""
    lex = ctx.lex
    return (
        nxt.tag_ in PROPER_TAGS
        and low(nxt) in lex.first_names
        and (
            tok.tag_ == "NNPS"
            or key.endswith(("ian", "ians", "ans"))
            or key in lex.places
            or key in lex.demonyms
            or key in lex.org_heads
        )
    )


def _not_a_name_lead(ctx: Context, start: int, end: int, key: str) -> bool:
    """Return whether a first word that is no first name is a role, a verb or a modifier."""
    tok = ctx.toks[start]
    if key in ctx.lex.first_names or is_initial(tok.text):
        return False
    roles = ctx.lex.role_heads
    return (
        key in roles
        or (key.endswith("s") and key[:-1] in roles)
        or tok.tag_ in _LEAD_JUNK_TAGS
        or (end - start >= 3 and key in GLUED_ROLE_NOUNS and tok.is_sent_start)  # "Center Ana Bell"
        or (end - start >= 3 and _lead_before_first_name(ctx, tok, ctx.toks[start + 1], key))
    )


def _front_junk(ctx: Context, start: int, end: int) -> bool:
    """Return whether the first word of a PERSON span is not part of the name."""
    doc = ctx.toks
    tok = doc[start]
    key = low(tok).replace(".", "")
    if _never_lead(ctx, tok, key) or _not_a_name_lead(ctx, start, end, key):
        return True
    if tok.lower_ in _CUE_FORMS and tok.tag_.startswith("VB"):
        return True  # "Said Comey, ..." (even though "Said" is also a first name)
    return end - start >= 3 and tok.text == doc[end - 1].text  # "Novak Marta Novak"


def _cut_inside(ctx: Context, start: int, end: int) -> int:
    """Return the end after junk glued inside a name or before a function word inside it."""
    doc = ctx.toks
    for k in range(start + 1, end - 1):
        tok = doc[k]
        if run_together(tok.text):
            return k + 1  # "Sam LevineFlagShareLikeReply Ani": cut after the junk
        if (
            tok.is_lower
            and tok.is_alpha
            and tok.lower_ not in _NAME_PARTICLES
            and tok.lower_ in ctx.lex.stop_words
        ):
            return k  # "Ines at Birch Hollow" -> "Ines"
    return end


def _after_inner_title(ctx: Context, start: int, end: int) -> int:
    """Return the start after a title or organisation word right before a first name inside the span."""
    doc, lex = ctx.toks, ctx.lex
    for k in range(end - 2, start, -1):
        key = low(doc[k])
        if (key in lex.titles or key in lex.role_heads or key in lex.org_heads) and low(
            doc[k + 1]
        ) in lex.first_names:
            return k + 1  # "Birch Hollow School Principal Ines Varga"
    return start


def _shouting_tail(ctx: Context, tok: Token, start: int, end: int) -> bool:
    """Return whether an upper-case last word of an upper-case span is no known name."""
    return (
        tok.text.isupper()
        and end - start >= 3
        and ctx.doc[start:end].text.isupper()
        and low(tok) not in ctx.lex.surnames
        and low(tok) not in ctx.lex.first_names
    )


def _lower_case_tail(ctx: Context, tok: Token) -> bool:
    """Return whether a lower-case last word is no name particle and no noun ("Ivo Kern-backed")."""
    return (
        tok.is_lower
        and tok.is_alpha
        and tok.lower_ not in _NAME_PARTICLES
        and (tok.tag_ not in {"NNP", "NN"} or tok.lower_ in ctx.lex.stop_words)
    )


def _tail_junk(ctx: Context, start: int, end: int) -> bool:
    """Return whether the last word of a PERSON span is not part of the name ("Ivo Kern 1")."""
    tok = ctx.toks[end - 1]
    text = tok.text
    return (
        any(c.isdigit() for c in text)
        or run_together(text)
        or ctx.glued_role(text)
        or "/" in text
        or _shouting_tail(ctx, tok, start, end)
        or text[:1] in {"@", "#"}
        or tok.is_space
        or (tok.is_punct and text != ")")
        or is_possessive(text)
        or _lower_case_tail(ctx, tok)
        or (tok.is_upper and low(tok) in POST_NOMINALS)  # "Ana Reyes QC": QC is a role
    )


def strip_person(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Cut what is not the name from the edges of a PERSON span.

    In front: titles, honorifics, role nouns ("Spokeswoman Lena Obuya"), function words and
    verbs ("Neither Cruz", "Asserting Clinton", "The Clinton"), and a capitalised word before a
    first name ("Ohioans Ivo Kern", "State Ada Brannock"). Inside: everything up to a title or
    organisation word right before a first name ("Birch Hollow School Principal Ines
    Varga"). At the end: figures, handles, hyphenated lower-case words and punctuation
    ("Ivo Kern 1", "Ivo Kern-backed", "Twitter @handle").
    """
    doc = ctx.toks
    while end - start > 1 and _front_junk(ctx, start, end):
        start += 1
    end = _cut_inside(ctx, start, end)
    start = _after_inner_title(ctx, start, end)
    while end - start > 1 and _tail_junk(ctx, start, end):
        if doc[end - 1].text == "." and is_initial(doc[end - 2].text + "."):
            break  # never cut the point of an initial ("George W.")
        end -= 1
    return start, end


def strip_epithets(ctx: Context, people: list[Candidate]) -> None:
    """Cut a word that is no name from before a known first name or surname ("Crooked Hillary").

    Applies to two-word names whose first word is neither a known first name nor a surname,
    when the second word is the surname of another name in the text whose first word is a known
    first name ("Longtime Novak" next to "Marta Novak").
    """
    doc, lex = ctx.toks, ctx.lex
    firsts: dict[str, set[str]] = {}
    for p in people:
        if p.end - p.start >= 2:
            firsts.setdefault(low(doc[p.end - 1]), set()).add(low(doc[p.start]))
    # First words that are themselves no known names: only a known first name makes "X Clinton" an epithet.
    epithet_free = {
        w for names in firsts.values() for w in names if w not in lex.first_names and w not in lex.surnames
    }
    for p in people:
        if p.end - p.start != 2:
            continue
        first, second = low(doc[p.start]), low(doc[p.start + 1])
        if first in lex.first_names or first in lex.surnames or is_initial(doc[p.start].text):
            continue
        if firsts.get(second, set()) - {first} - epithet_free:
            p.start += 1
            p.note("epithet cut before a surname of a full name")


def strip_trailing_nouns(ctx: Context, people: list[Candidate]) -> None:
    """Cut a last word that is no name when the rest is a name of its own ("Obama Speech").

    The last word must be neither a first name nor a surname, appear in no other name of the
    text, and what is left must be a mention of its own elsewhere in the text.
    """
    doc, lex = ctx.toks, ctx.lex
    whole = {ctx.text(p.start, p.end) for p in people}
    words: dict[str, int] = {}
    for p in people:
        for t in doc[p.start : p.end]:
            words[low(t)] = words.get(low(t), 0) + 1
    for p in people:
        if p.end - p.start < 2:
            continue
        last = low(doc[p.end - 1])
        if (
            words.get(last, 0) == 1
            and last not in NAME_SUFFIXES
            and not is_initial(doc[p.end - 2].text)
            and not ctx.has_surname_suffix(last)
            and last not in lex.surnames
            and last not in lex.first_names
            and ctx.text(p.start, p.end - 1) in whole
        ):
            p.end -= 1
            p.note("trailing noun cut: the rest is a name of its own")
