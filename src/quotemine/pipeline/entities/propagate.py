"""Propagation: a person's name is a person everywhere in the text, and full names the NER missed.

``propagate_people`` runs after ``relabel.join_and_extend``: names before post-nominal letters
("Ana Reyes QC"), full names in runs of proper nouns the NER left out, and the text's other
mentions of a person's name or surname become PERSON candidates.
"""

from __future__ import annotations

from typing import Final

import numpy
from spacy.strings import get_string_id

from quotemine.lexicons.roles import POST_NOMINALS
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import PROPER_TAGS, Context, string_ids
from quotemine.pipeline.entities.relabel import NAME_LABELS

__all__ = ["propagate_people"]

_OTHER_NAME_LABELS: Final = NAME_LABELS - {"PERSON"}


def _unlabelled_run(ctx: Context, i: int, taken: set[int]) -> int:
    """Return the end of the run of up to four title-case name words from token ``i``."""
    doc = ctx.toks
    j = i
    while (
        j < len(doc)
        and j - i < 4
        and j not in taken
        and doc[j].tag_ == "NNP"
        and doc[j].is_title
        and ctx.is_name_word(doc[j])
    ):
        j += 1
    return j


def _title_word(ctx: Context, text: str) -> bool:
    key = text.rstrip(".").lower()
    return key in ctx.lex.titles or key in ctx.lex.honorifics


def _unlabelled_names(ctx: Context, pool: Pool, taken: set[int]) -> list[Candidate]:
    """Find full names the NER missed: a first name (or a surname ending) in a run of proper nouns."""
    doc, lex = ctx.toks, ctx.lex
    added: list[Candidate] = []
    if len(doc) == 0:
        return added
    arr = ctx.doc.to_array(["TAG", "IS_TITLE"])
    proper = numpy.flatnonzero((arr[:, 0] == get_string_id("NNP")) & (arr[:, 1] != 0)).tolist()
    next_i = 0
    for i in proper:
        if i < next_i or i in taken:
            continue  # a taken word starts no run
        j = _unlabelled_run(ctx, i, taken)
        if j - i >= 3 and _title_word(ctx, doc[i].text):
            i += 1  # "Supt Gareth Pelling", "Cllr Nadia Farrow": the title is a role, not the name
        if j - i >= 2:
            nxt = doc[j] if j < len(doc) else None
            org_next = nxt is not None and (nxt.is_title or nxt.is_upper) and nxt.lower_ in lex.org_heads
            if not org_next and (ctx.is_first_name(doc[i]) or ctx.has_surname_suffix(doc[j - 1].text)):
                added.append(pool.new(i, j, "PERSON", "full name the NER missed"))
                taken.update(range(i, j))
        next_i = max(j, i + 1)
    return added


_POST_NOMINAL_IDS: Final = string_ids(w.upper() for w in POST_NOMINALS)


def _post_nominal_names(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Find names the NER missed before post-nominal letters ("Ana Reyes QC", "Tom Hale MP").

    Two or three title-case proper nouns right before the letters make a person, whatever the
    words are (a name may also be a place: "Kent Olabode QC"); a place or nationality the NER
    saw in them gives way.
    """
    doc = ctx.toks
    added: list[Candidate] = []
    owner = {i: c for c in cands if c.label is not None for i in range(c.start, c.end)}
    for j in ctx.where("ORTH", _POST_NOMINAL_IDS):
        if doc[j].tag_ not in PROPER_TAGS or j in owner:
            continue
        i = j
        while i > 0 and j - i < 3 and doc[i - 1].tag_ == "NNP" and doc[i - 1].is_title:
            if i - 1 in owner and owner[i - 1].label in {"PERSON", "ORG"}:
                break
            i -= 1
        if j - i < 2 or any(k in owner and owner[k].start < i for k in range(i, j)):
            continue
        for k in range(i, j):
            if k in owner and owner[k].label is not None:
                owner[k].drop("part of a name before post-nominal letters")
        added.append(pool.new(i, j, "PERSON", "name before post-nominal letters"))
    return added


def _person_words(ctx: Context, cands: list[Candidate]) -> tuple[set[str], set[str]]:
    """Return the last words of the multi-word people, and the texts of all people."""
    doc = ctx.toks
    surnames: set[str] = set()
    fulls: set[str] = set()
    for c in cands:
        if c.label == "PERSON":
            words = [t for t in doc[c.start : c.end] if not t.is_punct]
            if len(words) >= 2 and ctx.is_name_word(words[-1]):
                surnames.add(words[-1].text)
            fulls.add(ctx.text(c.start, c.end))
    return surnames, fulls


def _relabel_known_people(ctx: Context, cands: list[Candidate], names: set[str], strong: set[str]) -> None:
    """Relabel as PERSON a non-person entity whose text is a person's name or surname elsewhere.

    A label a rule gave against the NER's ("lost to Kelby 2-1": a team) stays, unless the text
    is a surname or a full name of the text (``strong``): a lone word read as a person elsewhere
    does not overrule it.
    """
    lex = ctx.lex
    for c in cands:
        if c.label in _OTHER_NAME_LABELS:
            text = ctx.text(c.start, c.end)
            if text not in names or ctx.is_place(text) or text.lower() in lex.demonyms:
                continue
            if text not in strong and c.reasons[0] != f"NER label {c.label}":
                continue
            c.relabel("PERSON", "name of a person elsewhere in the text")


def propagate_people(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Make the label of a person's name consistent across the document; add names the NER missed."""
    doc, lex = ctx.toks, ctx.lex
    cands = cands + _post_nominal_names(ctx, pool, cands)
    cands = [c for c in cands if c.label is not None]
    taken = {i for c in cands for i in range(c.start, c.end)}
    added = _unlabelled_names(ctx, pool, taken)  # also in a text where the NER found nobody
    surnames, fulls = _person_words(ctx, cands + added)  # a full name found here names its surname too
    if not surnames and not fulls:
        return cands + added
    _relabel_known_people(ctx, cands, surnames | fulls, surnames | {f for f in fulls if " " in f})
    for i in ctx.where("ORTH", string_ids(surnames)):
        tok = doc[i]
        if i in taken or tok.tag_ not in PROPER_TAGS:
            continue
        if ctx.is_place(tok.text) or tok.text.lower() in lex.demonyms:
            continue
        added.append(pool.new(i, i + 1, "PERSON", "surname of a full name elsewhere"))
    return cands + added
