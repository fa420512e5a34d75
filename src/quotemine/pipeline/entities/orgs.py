"""Organisations the NER missed: runs ending in an organisation head word, and acronyms.

"... Slavic University", "Institute for War and Peace Reporting" (a head word with an "of"/"for"
tail) and "IWPR" (the acronym of an organisation named in the text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from spacy.tokens import Doc, Token

from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import Context, string_ids

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
        if not doc[k].is_title or taken.get(k) in _BLOCKING:
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


def find_orgs(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Add the organisations the NER missed: head-word runs and acronyms of known organisations.

    A candidate inside a new head-word organisation is dropped in its favour.
    """
    added = _head_word_orgs(ctx, pool, cands)
    out: list[Candidate] = []
    for c in cands:
        if any(c.start >= a.start and c.end <= a.end for a in added):
            c.drop("inside an organisation name found from its head word")
        else:
            out.append(c)
    out += added
    return out + _acronyms(ctx, pool, out)
