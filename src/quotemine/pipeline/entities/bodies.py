"""Bodies named "X for Y" that the NER misses: "Transit for Kelby said ...".

A capitalised noun, "for" and a capitalised name ("Homes for Orlin", "Transit for Kelby") is the
name of a public body or a campaign when the text makes it speak: the noun is the subject of a
speech verb. Every other mention of the same words is then that body too.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from quotemine.lexicons.words import PERSON_SPEECH_VERBS
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import Context, low, string_ids

__all__ = ["for_bodies"]

_FOR_IDS: Final = string_ids(["for"])
_NOUN_TAGS: Final = frozenset({"NN", "NNS", "NNP", "NNPS"})
_REASON: Final = "a capitalised noun, 'for' and a name, that speaks ('Transit for Kelby said')"
_MAX_TAIL = 3
#: Labels the NER may give the name after "for" ("Transit for Kelby" with "Kelby" a place or a person).
_TAIL_LABELS: Final = frozenset({"GPE", "LOC", "PERSON", "NORP", "FAC"})


def _tail_end(ctx: Context, k: int) -> int:
    """Return the end of the title-case run of up to three words after "for" at ``k`` (no role word)."""
    doc, lex = ctx.toks, ctx.lex
    end = k + 1
    while end < len(doc) and end - k <= _MAX_TAIL and doc[end].is_title and doc[end].is_alpha:
        if low(doc[end]) in lex.role_heads or low(doc[end]) in lex.titles:
            break  # "Transit for Kelby Chief Executive ..."
        end += 1
    return end


def _speaks(tok: Token) -> bool:
    """Tell whether a token is the subject of a speech verb."""
    return tok.dep_ == "nsubj" and tok.head.lemma_ in PERSON_SPEECH_VERBS


def _founding(ctx: Context, owner: dict[int, Candidate]) -> dict[str, tuple[int, int]]:
    """Return the "X for Y" names the text makes speak, by text, with their token bounds."""
    doc, lex = ctx.toks, ctx.lex
    found: dict[str, tuple[int, int]] = {}
    for k in ctx.where("LOWER", _FOR_IDS):
        if k == 0 or k + 1 >= len(doc):
            continue
        head = doc[k - 1]
        if not (head.is_title and head.tag_ in _NOUN_TAGS and _speaks(head)) or head.i in owner:
            continue
        if low(head) in lex.role_heads or low(head) in lex.titles:
            continue
        if not (head.is_sent_start or k < 2 or not (doc[k - 2].is_title or doc[k - 2].is_upper)):
            continue  # "Kelby Transit for Orlin": the noun is the end of a longer name
        end = _tail_end(ctx, k)
        if end > k + 1 and all(owner[i].label in _TAIL_LABELS for i in range(k + 1, end) if i in owner):
            found[ctx.text(k - 1, end)] = (k - 1, end)
    return found


def for_bodies(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for "X for Y" bodies the text makes speak, and their other mentions.

    The noun must be no role or title word ("Minister for Kelby" is a role) and stand alone
    before "for" (no capitalised word before it); a place or a name the NER saw after "for" gives
    way.
    """
    doc = ctx.toks
    owner = {i: c for c in cands if c.label is not None for i in range(c.start, c.end)}
    found = _founding(ctx, owner)
    if not found:
        return []
    added: list[Candidate] = []
    for i in ctx.where("ORTH", string_ids(doc[s].text for s, _ in found.values())):
        for s, e in found.values():
            n = e - s
            if ctx.text(i, i + n) != ctx.text(s, e) or any(
                j in owner and owner[j].label == "ORG" for j in range(i, i + n)
            ):
                continue
            for j in range(i, i + n):
                if j in owner and owner[j].label is not None:
                    owner[j].drop("part of a body named 'X for Y'")
            added.append(pool.new(i, i + n, "ORG", _REASON))
    return added
