"""Organisations the NER missed: runs ending in an organisation head word, and acronyms.

"... Slavic University", "Institute for War and Peace Reporting" (a head word with an "of"/"for"
tail) and "IWPR" (the acronym of an organisation named in the text).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, Final

import numpy
from spacy.tokens import Doc, Token

from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import Context, low, string_ids

__all__ = ["ORG_INNER", "find_orgs", "org_acronym"]

#: Small words inside an organisation name, left out of its acronym.
ORG_INNER: Final = frozenset({"of", "for", "and", "on", "&", "the"})
_BLOCKING: Final = frozenset({"ORG", "PERSON"})


def org_acronym(tokens: Iterable[Token]) -> str | None:
    """Return the acronym of an organisation name ("Centre for Media Studies" -> "CMS"), if any.

    The acronym is made of the first letters of its alphabetic words other than ``ORG_INNER``;
    a name of fewer than two such words has none.
    """
    words = [t.text for t in tokens if t.is_alpha and t.lower_ not in ORG_INNER]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words).upper()


def _run_start(doc: Doc, k: int, taken: dict[int, str]) -> int:
    """Return the first token of the title-case run that ends at head word ``k``."""
    start = k
    while start > 0:
        prev = doc[start - 1]
        if not ((prev.is_title or prev.text == "-") and not prev.is_sent_start and prev.lower_ != "the"):
            break
        if taken.get(prev.i) in {"PERSON", "ORG", "DATE"}:
            break
        start -= 1
    while start < k and doc[start].text == "-":
        start += 1
    return start


def _run_end(doc: Doc, k: int) -> int:
    """Return the end of an organisation name after head word ``k`` ("University of X and Y")."""
    end = k + 1
    if not (end + 1 < len(doc) and doc[end].lower_ in {"of", "for"} and doc[end + 1].is_title):
        return end
    end += 2
    while end < len(doc) and (
        doc[end].is_title or (doc[end].lower_ in ORG_INNER and end + 1 < len(doc) and doc[end + 1].is_title)
    ):
        end += 1
    return end


def _head_word_orgs(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for title-case runs ending in an organisation head word."""
    doc = ctx.doc
    taken: dict[int, str] = {}
    for c in cands:
        for i in range(c.start, c.end):
            taken[i] = c.label or ""
    added: list[Candidate] = []
    for k in ctx.where("LOWER", ctx.org_head_ids):
        if not (doc[k].is_title or doc[k].is_upper) or taken.get(k) in _BLOCKING:  # "University", "FC"
            continue
        start, end = _run_start(doc, k, taken), _run_end(doc, k)
        if end - start < 2 or any(taken.get(i) in _BLOCKING for i in range(start, end)):
            continue
        added.append(pool.new(start, end, "ORG", "organisation head word"))
        for i in range(start, end):
            taken[i] = "ORG"
    return added


def _acronyms(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Mark the acronyms of the text's organisations as organisations; return the new candidates."""
    doc = ctx.doc
    acronyms: set[str] = set()
    for c in cands:
        if c.label == "ORG":
            acronym = org_acronym(doc[c.start : c.end])
            if acronym is not None:
                acronyms.add(acronym)
    if not acronyms:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    added = [
        pool.new(i, i + 1, "ORG", "acronym of an organisation in the text")
        for i in ctx.where("ORTH", string_ids(acronyms))
        if i not in taken
    ]
    for c in cands:
        if c.end - c.start == 1 and c.label != "ORG" and doc[c.start].text in acronyms:
            c.relabel("ORG", "acronym of an organisation in the text")
    return added


#: Prepositions between a role noun and the organisation it is held at ("a lecturer at X").
_ROLE_PREPS: Final = frozenset({"at", "for", "with"})
_ROLE_PREP_IDS: Final = string_ids(_ROLE_PREPS)
#: Roles that represent a place: "for" after them names a constituency ("the MP for Kelby").
_SEAT_ROLES: Final = frozenset({"mp", "mep", "msp", "mla", "td", "senator", "representative", "member"})
#: Labels a name after "a lecturer at" may have had and still be the organisation.
_EMPLOYER_LABELS: Final = frozenset({"GPE", "LOC", "FAC", "NORP", ""})


def _employer_run(ctx: Context, i: int) -> int:
    """Return the end of the capitalised run of proper nouns from token ``i`` (at most four)."""
    doc = ctx.doc
    end = i
    while end < len(doc) and end - i < 4 and doc[end].tag_ in {"NNP", "NNPS"} and doc[end].text[:1].isupper():
        end += 1
    return end


def _role_employers(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for names held after a role noun ("a lecturer at Kelworth").

    The name must be a run of capitalised proper nouns right after "at", "for" or "with" (and an
    optional "the") that follows a role noun; it must not be a person, an organisation already or a
    known place, nor (after "for" and "with", where a client may be meant) hold a personal name word.
    """
    doc = ctx.doc
    label_of: dict[int, Candidate] = {i: c for c in cands for i in range(c.start, c.end)}
    added: list[Candidate] = []
    for k in ctx.where("LOWER", _ROLE_PREP_IDS):
        if not 0 < k < len(doc) - 1 or low(doc[k - 1]) not in ctx.lex.role_heads:
            continue
        if doc[k].lower_ == "for" and low(doc[k - 1]) in _SEAT_ROLES:
            continue  # "the MP for Kelby": a constituency, not an employer
        start = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        end = _employer_run(ctx, start)
        if end == start or any(
            i in label_of and label_of[i].label not in _EMPLOYER_LABELS for i in range(start, end)
        ):
            continue
        run = doc[start:end]
        if ctx.is_place(run.text) or ctx.is_demonym_span(run):
            continue
        if doc[k].lower_ != "at" and any(ctx.known_name_word(t) for t in run):
            continue  # "a lawyer for Tom": a client may be a person; one is never a lecturer at a person
        for i in range(start, end):
            if i in label_of and label_of[i].label is not None:
                label_of[i].drop("part of the organisation named after a role noun")
        added.append(pool.new(start, end, "ORG", "named as the organisation of a role ('a lecturer at X')"))
    return added


#: Tags of the lower-case words between an organisation and its role noun ("X Energy chief executive").
_ROLE_MODIFIER_TAGS: Final = frozenset({"JJ", "NN", "HYPH", "VBN"})
#: Labels that keep a run of proper nouns from being an organisation named in a title.
_NOT_OWNER_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "FAC"})
_MAX_OWNER = 5


@functools.lru_cache(maxsize=4)
def _role_ids(role_heads: frozenset[str]) -> numpy.ndarray[Any, Any]:
    return string_ids(role_heads)


def _owner_run(ctx: Context, end: int, label_of: dict[int, Candidate]) -> tuple[int, Candidate | None]:
    """Return the start of the run of capitalised proper nouns that ends at ``end``.

    A person candidate that is the whole run and starts with no first name is taken in (the NER
    reads "Tallis Energy" as a name); it is returned to be dropped.
    """
    doc = ctx.doc
    start = end
    while (
        start > 0
        and end - start < _MAX_OWNER
        and doc[start - 1].tag_ in {"NNP", "NNPS"}
        and (doc[start - 1].is_title or doc[start - 1].is_upper)
    ):
        cand = label_of.get(start - 1)
        if cand is None:
            start -= 1
            continue
        if (
            start == end
            and cand.label == "PERSON"
            and cand.end == end
            and not ctx.is_first_name(doc[cand.start])
        ):
            return cand.start, cand
        return end, None  # a person, a place or an organisation already: not a new name
    return start, None


def _title_owners(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for names held only in a title before a person.

    "Tallis Energy chief executive Nira Okonjo", "Tallis Energy's finance director, Ola Brandt":
    two or more capitalised proper nouns (no place, nationality or title word among them), then
    lower-case modifiers and a role noun, then the person's name (after a comma, too).
    """
    doc = ctx.doc
    label_of = {i: c for c in cands if c.label in _NOT_OWNER_LABELS for i in range(c.start, c.end)}
    lex = ctx.lex
    added: list[Candidate] = []
    for k in ctx.where("LOWER", _role_ids(lex.role_heads)):
        nxt = k + 2 if k + 2 < len(doc) and doc[k + 1].text == "," else k + 1
        if not doc[k].is_lower or nxt >= len(doc) or getattr(label_of.get(nxt), "label", None) != "PERSON":
            continue
        end = k
        while end > 0 and doc[end - 1].is_lower and doc[end - 1].tag_ in _ROLE_MODIFIER_TAGS:
            end -= 1
        if end > 0 and doc[end - 1].tag_ == "POS":
            end -= 1
        start, person = _owner_run(ctx, end, label_of)
        run = doc[start:end]
        if end - start < 2 or ctx.is_place(run.text) or ctx.is_demonym_span(run):
            continue
        if any(low(t) in lex.titles or low(t) in lex.place_suffixes or ctx.is_first_name(t) for t in run):
            continue  # "Deputy Chief Constable", "Silicon Valley", "Ann Voss campaign manager"
        if person is not None:
            person.drop("an organisation named in a title before a person")
        added.append(
            pool.new(start, end, "ORG", "named in a title before a person ('X Energy chief executive')")
        )
        label_of.update({i: added[-1] for i in range(start, end)})
    return added


def _mend_dangling(ctx: Context, cands: list[Candidate]) -> None:
    """Mend an organisation that ends in "of", "for", "and" or "the" ("Patriarchate of" + "Dorrin").

    The name runs on over the capitalised words after it (and the candidates there give way); with
    none after it, the dangling word is cut.
    """
    doc = ctx.doc
    starts = {c.start: c for c in cands if c.label is not None}
    for c in cands:
        if c.label != "ORG" or c.end - c.start < 2 or doc[c.end - 1].lower_ not in ORG_INNER:
            continue
        end = c.end
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        if end == c.end:
            c.end -= 1
            c.note("dangling small word cut from the end")
            continue
        for i in range(c.end, end):
            other = starts.get(i)
            if other is not None and other is not c and other.end <= end:
                other.drop("part of an organisation name that ran on after 'of'")
        c.end = end
        c.note("extended over the words after a dangling 'of'")


def find_orgs(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Add the organisations the NER missed: head-word runs, acronyms, names after a role noun.

    A candidate inside a new head-word organisation is dropped in its favour.
    """
    _mend_dangling(ctx, cands)
    cands = [c for c in cands if c.label is not None]
    added = _head_word_orgs(ctx, pool, cands)
    out: list[Candidate] = []
    for c in cands:
        if any(c.start >= a.start and c.end <= a.end for a in added):
            c.drop("inside an organisation name found from its head word")
        else:
            out.append(c)
    out += added
    out = out + _acronyms(ctx, pool, out)
    employers = _role_employers(ctx, pool, out)
    out = [c for c in out if c.label is not None] + employers
    return out + _title_owners(ctx, pool, out)
