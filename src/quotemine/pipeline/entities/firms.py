"""Partnerships named after their partners: "Tallow, Brisk and Orme", "the firm Ferrin & Lusk".

Law, accounting and advisory firms are named by a list of surnames. The NER reads each surname
as a person ("Brisk", "Orme"), or nothing at all. A list of one-word surnames joined by commas
and a last "and" / "&" is one firm when the words before it say so: a firm noun ("the law firm
X and Y"), a profession and "from" or "at" ("lawyers from X, Y and Z"), or "advised by"; a
surname and a family-firm word is one on its own ("Tallon & Sons").
"""

from __future__ import annotations

from typing import Final

from quotemine.lexicons.names import LEGAL_FORMS
from quotemine.pipeline.entities.candidate import Candidate, Pool
from quotemine.pipeline.entities.context import Context, low, string_ids

__all__ = ["legal_names", "names_over_and", "partnerships"]

_AND_IDS: Final = string_ids(["and", "&"])
#: Nouns for a firm right before its name ("the firm X and Y", "the law firm X, Y and Z").
_FIRM_NOUNS: Final = frozenset({"firm", "partnership", "practice", "chambers"})
#: Professions whose firm follows "from" or "at" ("lawyers from X and Y", "a partner at X & Y").
_PROFESSIONS: Final = frozenset(
    {
        "lawyer",
        "lawyers",
        "solicitor",
        "solicitors",
        "attorney",
        "attorneys",
        "accountant",
        "accountants",
        "auditor",
        "auditors",
        "partner",
        "partners",
        "analyst",
        "analysts",
        "barrister",
        "barristers",
    }
)
#: Verbs of an adviser before "by" ("advised by X, Y and Z").
_ADVISED: Final = frozenset({"advised", "audited"})
#: Labels the NER may give a partner's surname and still leave it to the firm.
_PARTNER_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
_MAX_PARTNERS = 5


def _partner(ctx: Context, i: int) -> bool:
    """Tell whether token ``i`` may be one partner's surname: one capitalised proper noun, no place.

    First names are not left out: most surnames are also in the first-name list ("Talbot").
    """
    tok = ctx.toks[i]
    key = low(tok)
    return (
        tok.is_title
        and tok.is_alpha
        and tok.tag_ == "NNP"
        and not ctx.is_place(tok.text)
        and key not in ctx.lex.demonyms
        and key not in ctx.lex.stop_words
    )


def _list_start(ctx: Context, k: int) -> int:
    """Return the first token of "X, Y" (or "X, Y,") before the "and" at ``k``; ``k`` when there is none."""
    doc = ctx.toks
    last = k - 2 if k >= 2 and doc[k - 1].text == "," else k - 1  # "X, Y, and Z"
    if last < 0 or not _partner(ctx, last):
        return k
    start, n = last, 1
    while start >= 2 and doc[start - 1].text == "," and _partner(ctx, start - 2) and n < _MAX_PARTNERS:
        start -= 2
        n += 1
    if last == k - 2 and start == last:
        return k  # "X, and Y": a clause, not a list
    return start


def _firm_cue(ctx: Context, start: int) -> bool:
    """Tell whether the words before ``start`` say a firm's name follows."""
    doc = ctx.toks
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    word = doc[i].lower_
    if word in _FIRM_NOUNS:
        return True
    before = doc[i - 1].lower_ if i > 0 else ""
    return (word in {"from", "at"} and before in _PROFESSIONS) or (word == "by" and before in _ADVISED)


#: Last words that make "X & <word>" a family firm by themselves ("Tallon & Sons", "Merrow and Brothers").
_FAMILY_FIRM_WORDS: Final = frozenset({"sons", "son", "brothers", "daughters", "nephews", "partners"})


def _family_word(ctx: Context, i: int) -> bool:
    """Tell whether token ``i`` is a capitalised family-firm word ("Sons", tagged as a plural or not)."""
    tok = ctx.toks[i]
    return tok.is_title and low(tok) in _FAMILY_FIRM_WORDS


def _family_firm(ctx: Context, k: int) -> bool:
    """Tell whether "X & Sons" is at the "and" / "&" at ``k``: one surname, then a family-firm word."""
    doc = ctx.toks
    return (
        _family_word(ctx, k + 1)
        and low(doc[k - 1]) not in _FAMILY_FIRM_WORDS  # "Sons and Daughters": no surname
        and (k < 2 or doc[k - 2].text != ",")  # "X, Y and Partners" needs a firm word
    )


def partnerships(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Return new ORG candidates for firms named after their partners; drop the partners' candidates."""
    doc = ctx.toks
    owner = {i: c for c in cands if c.label is not None for i in range(c.start, c.end)}
    added: list[Candidate] = []
    for k in ctx.where("LOWER", _AND_IDS):
        end = k + 2
        if end > len(doc) or not (_partner(ctx, k + 1) or _family_word(ctx, k + 1)):
            continue
        if end < len(doc) and doc[end].is_title and doc[end].tag_ in {"NNP", "NNPS"}:
            continue  # "X and Ana Reyes": a name of two words after "and"
        start = _list_start(ctx, k)
        family = start < k and _family_firm(ctx, k)
        if start == k or not (family or _firm_cue(ctx, start)):
            continue
        inside = [owner[i] for i in range(start, end) if i in owner]
        if any(c.label not in _PARTNER_LABELS or c.start < start or c.end > end for c in inside):
            continue  # a word of a longer name, a date...
        for c in inside:
            c.drop("a partner's name in the name of a firm")
        reason = (
            "a surname and a family-firm word ('X & Sons'): a firm"
            if family
            else "surnames joined by 'and' after a firm word: a partnership"
        )
        added.append(pool.new(start, end, "ORG", reason))
    return added


#: Labels of a lone word the NER cut from the front of "the X and Y Union" ("Kelby" read as a place).
_FRONT_LABELS: Final = frozenset({"GPE", "LOC", "NORP", "ORG"})
#: Last words of public bodies that are no organisation head alone ("Chief Executive" is a role):
#: "the Kelby and Ardle Passenger Transport Executive".
_BODY_TAILS: Final = frozenset({"executive"})


def names_over_and(ctx: Context, cands: list[Candidate]) -> None:
    """Extend an organisation the NER cut after "and" over the word before it ("the Kelby and X Union").

    Only a name ending in a head word (or "Executive"), after "the X and", where X is one
    title-case word that is no part of another name (the NER often reads it alone as a place).
    """
    doc, heads = ctx.toks, ctx.lex.org_heads
    owner = {i: c for c in cands if c.label is not None for i in range(c.start, c.end)}
    for c in cands:
        start = c.start
        if c.label != "ORG" or c.end - start < 2 or start < 3:
            continue
        if (tail := low(doc[c.end - 1])) not in heads and tail not in _BODY_TAILS:
            continue
        word = doc[start - 2]
        if doc[start - 1].lower_ not in {"and", "&"} or doc[start - 3].lower_ != "the" or not word.is_title:
            continue
        front = owner.get(start - 2)
        if front is not None and (front.label not in _FRONT_LABELS or front.end - front.start != 1):
            continue
        if front is not None:
            front.drop("first word of an organisation named with 'and' inside")
        c.start = start - 2
        c.note("extended over 'X and' after 'the' ('the Kelby and District Drivers Union')")


#: Legal forms that are also other words' abbreviations ("AG" attorney general, "SA", "NV" places):
#: a company's only after two words of a name.
_SHORT_FORMS: Final = frozenset({"AG", "SA", "NV", "BV", "AB", "Limited"})
_LEGAL_IDS: Final = string_ids(LEGAL_FORMS)
_MAX_NAME_WORDS = 4
#: Joining words inside a company's name ("and" also joins two companies: "Kelby Group and Orme LLC").
_INNER_WORDS: Final = frozenset({"of", "&", "for", "de", "du", "von"})


def _legal_start(ctx: Context, k: int) -> int:
    """Return the first word of the name before the legal form at ``k`` ("Pty" kept), else ``k``."""
    doc = ctx.toks
    i = k - 1 if k > 0 and doc[k - 1].text == "Pty" else k  # "Tarrow Resources Pty Ltd"
    start = i
    while (
        start > 0
        and i - start < _MAX_NAME_WORDS
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and doc[start - 1].tag_ in {"NNP", "NNPS"}
        and low(doc[start - 1]) not in ctx.lex.stop_words
        and low(doc[start - 1]) not in ctx.lex.role_heads
    ):
        start -= 1
    if start == i or (doc[k].text in _SHORT_FORMS and i - start < 2):
        return k
    if start > 0 and doc[start - 1].lower_ in _INNER_WORDS:
        return k  # the name runs on before a joining word ("Friends of Kelby Inc."): not guessed
    return start


def legal_names(ctx: Context, pool: Pool, cands: list[Candidate]) -> list[Candidate]:
    """Make one organisation of a name and its legal form ("Holloway Strand LLP", "Kettler Brandt GmbH").

    The NER often cuts such a name in two ("Holloway" + nothing, "Strand LLP") or reads it as a
    person. The title-case proper nouns right before the legal form are the company's name; the
    candidates inside are dropped for it (one over the same words becomes the organisation).
    Returns the new candidates.
    """
    doc = ctx.toks
    added: list[Candidate] = []
    for k in ctx.where("ORTH", _LEGAL_IDS):
        start, end = _legal_start(ctx, k), k + 1
        if start == k:
            continue
        near = [c for c in cands if c.label is not None and c.start < end and c.end > start]
        if any(c.end > end or c.label not in _PARTNER_LABELS for c in near):
            continue  # a longer name ("Kessel Plc Pension Fund"), a date...
        if any(c.start < start and not (c.start == start - 1 and doc[c.start].lower_ == "the") for c in near):
            continue
        same = [c for c in near if c.end == end]
        if len(near) == 1 and same:
            if same[0].label != "ORG":
                same[0].relabel("ORG", "a name ending in a company's legal form ('X Y LLP')")
            continue
        for c in near:
            c.drop("part of a company's name before its legal form")
        added.append(pool.new(start, end, "ORG", "a name ending in a company's legal form ('X Y LLP')"))
    return added
