"""Where an apposition after a person's name starts and ends ("X, 52, a lecturer at Y, said").

``quotemine_roles`` reads a role from the comma-delimited phrase after a name; these helpers find
its bounds from the tokens alone: ``after_aside`` steps over letters ("MP"), an age, a party
label or a short bracket right after the name, ``after_owner`` steps over a person who owns the role ("X, Ann
Voss's spokesman,"), ``appos_end`` finds where the phrase stops (or says it is a clause).
``position_title`` tells whether a playing position that is also a common word ("forward") is the
title right before a name. ``org_role_before`` finds a role the name stands in apposition to
when the parse has none ("The chief constable of Carnford Police, Simon Ode, said").
``word_before`` and ``word_after`` step over runs of spaces the tokenizer keeps as tokens
("The warden,  Ola Brisk,"), never over a line break: no role reads across a paragraph.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons.names import is_possessive
from quotemine.lexicons.roles import POSITIONS, POST_NOMINALS
from quotemine.lexicons.words import FINITE_TAGS
from quotemine.pipeline.records import Range, TokenLabels
from quotemine.pipeline.role_tokens import sentence_of

__all__ = [
    "after_aside",
    "after_owner",
    "appos_end",
    "org_role_before",
    "owner_mark",
    "position_title",
    "word_after",
    "word_before",
]


_STOP_TEXT = frozenset({",", ";", ":", "(", ")", '"', "\u201c", "\u201d", "--", "\u2014", "\u2013"})
_APPOS_END_TEXT = frozenset({",", ";", ")", "\u2014", "--", "(", "\u2013"})
_MAX_APPOS = 30


def plain_space(tok: Token) -> bool:
    """Tell whether ``tok`` is a run of spaces kept as a token ("X,  Y") with no line break in it."""
    return tok.is_space and "\n" not in tok.text


def word_before(doc: Doc, i: int) -> int:
    """Return the index of the last token before ``i`` that is no plain run of spaces (-1 if none)."""
    toks = doc_tokens(doc)
    i -= 1
    while i >= 0 and plain_space(toks[i]):
        i -= 1
    return i


def word_after(doc: Doc, i: int) -> int:
    """Return the index of the first token from ``i`` on that is no plain run of spaces (or ``len(doc)``)."""
    toks = doc_tokens(doc)
    while i < len(doc) and plain_space(toks[i]):
        i += 1
    return i


def after_break(doc: Doc, start: int, end: int) -> int:
    """Return where a role ending at a name starts: after the last line break in ``doc[start:end]``.

    "Page 4", a blank line, then "The warden of Elmcote, Tomas Glenny": the label above is no part of it.
    """
    toks = doc_tokens(doc)
    for i in range(end - 1, start - 1, -1):
        if "\n" in toks[i].text or "\n" in toks[i].whitespace_:
            return i + 1
    return start


def after_aside(doc: Doc, i: int) -> int:
    """Return the index after an aside right after a name: ", 52", ", R-Iowa", "(D-Ohio)"; else ``i``.

    Letters after the name ("Ann Vell MP, the chair of ...") are stepped over first.
    """
    toks = doc_tokens(doc)
    n = len(doc)
    if i >= n:
        return i
    text = toks[i].text  # one Token per call: most names are followed by neither "(" nor ","
    while i + 1 < n and text.lower() in POST_NOMINALS and text.isupper():
        i += 1  # "Ann Vell MP, the chair of the Y Committee": the apposition follows the letters
        text = toks[i].text
    if text == "(":
        for j in range(i + 1, min(i + 6, n)):
            if toks[j].text == ")":
                return j + 1
        return i
    if text == "of":
        return _after_of_name(toks, i)
    if text != "," or i + 2 >= n:
        return i
    nxt = toks[i + 1]
    if nxt.like_num and toks[i + 2].text == ",":
        return i + 2  # an age
    if (
        i + 4 < n
        and len(nxt.text) == 1
        and nxt.is_upper
        and toks[i + 2].text == "-"
        and toks[i + 4].text == ","
    ):
        return i + 4  # a party label: ", R-Iowa,"
    return i


_OF_NAME_TYPES = frozenset({"GPE", "LOC", "ORG"})


def _after_of_name(toks: list[Token], i: int) -> int:
    """Return the comma after "of" + one place or organisation name ("X of Ohio, a ..."); else ``i``.

    The name is one entity of the parse (at most five tokens after an optional "the"): what
    follows its comma is the person's apposition ("Sen. Ana Pell of Ohio, now a presidential
    contender,"), not the place's.
    """
    j = i + 1
    n = len(toks)
    if j < n and toks[j].lower_ == "the":
        j += 1
    first = j
    while (
        j < n
        and j - first < 5
        and toks[j].ent_type_ in _OF_NAME_TYPES
        and (j == first or toks[j].ent_iob_ == "I")
    ):
        j += 1
    return j if first < j < n - 1 and toks[j].text == "," else i


def appos_end(doc: Doc, start: int, sent_end: int, participle: bool, persons: TokenLabels) -> int | None:
    """Return where an apposition starting at ``start`` ends, or ``None`` when it is no apposition.

    It runs to the next comma, bracket or dash, or to a relative pronoun ("a protester who ..."); a
    person's name or (outside a participle phrase) a finite verb inside it, or a run over
    ``_MAX_APPOS`` tokens, means it is a clause, not a role.
    """
    toks = doc_tokens(doc)
    end = start
    after_preposition = False  # "deputy manager for Ann Lowe's campaign": a name inside the role
    while end < sent_end and end - start < _MAX_APPOS:
        tok = toks[end]
        if tok.text in _STOP_TEXT or (tok.is_punct and tok.is_sent_end):
            break
        if tok.tag_ in {"WP", "WDT"} and end > start and not participle:
            return end  # "X, a protester who was hit": the role ends at its relative clause
        if (tok.i in persons and not after_preposition) or (tok.tag_ in FINITE_TAGS and not participle):
            return None
        after_preposition = after_preposition or (tok.tag_ == "IN" and end > start)
        end += 1
    if end == start or end - start >= _MAX_APPOS:
        return None
    if end < len(doc) and end < sent_end and toks[end].text not in _APPOS_END_TEXT and not toks[end].is_punct:
        return None
    return end


def position_title(doc: Doc, i: int) -> bool:
    """Tell whether ``doc[i]``, right before a name, is a playing position ("Kelton forward X").

    The word is a position when the parse reads it as a noun, after a determiner or a possessive
    ("the centre X", "their forward X"), after a capitalised team or place word, or opening the
    sentence ("Center X scored"); "moved forward X said" and "Going forward X" are no title.
    """
    toks = doc_tokens(doc)
    if toks[i].lower_ not in POSITIONS:
        return False
    if toks[i].is_sent_start or i == 0:
        return toks[i].is_title
    prev = toks[i - 1]
    if toks[i].tag_ in {"NN", "NNP"} or prev.tag_ in {"DT", "PRP$", "POS"}:
        return True  # "traded center X": the parse reads a noun
    return prev.is_title and prev.is_alpha and prev.tag_ != "VBG"  # not "Going forward X"


def after_owner(doc: Doc, start: int, persons: TokenLabels) -> int:
    """Return where the role starts in "X, Ann Voss's spokesman,": after the owner's "'s", else ``start``."""
    toks = doc_tokens(doc)
    pid = persons.get(start)
    if pid is None:
        return start
    k = start
    while k < len(doc) and persons.get(k) == pid:
        k += 1
    return k + 1 if k + 1 < len(doc) and is_possessive(toks[k].text) else start


def org_role_before(
    doc: Doc, span: Span, persons: TokenLabels, orgs: TokenLabels, is_role_head: Callable[[Token], bool]
) -> Range | None:
    """Find "The chief constable of Carnford Police, Simon Ode, said" when the parse has no apposition.

    The words before ", NAME," must be a noun phrase: a role noun (with its modifiers), and
    "of", "at" or "for" an organisation or nothing ("the town's auditor, Ivy Platt,"), starting
    the sentence or after a determiner or possessive. A role "for" or "to" another person (a
    client, a boss) is the name's too: "A lawyer for Ann Voss, Tim Hale, said" gives "lawyer".
    """
    toks = doc_tokens(doc)
    k = word_before(doc, span.start)
    after = word_after(doc, span.end)
    if k < 4 or toks[k].text != "," or after >= len(doc) or toks[after].text != ",":
        return None
    head = _head_before_comma(toks, k, persons.get(span.start), persons, orgs, is_role_head)
    if head is None:
        return None
    h, end = head
    start = h
    sent_start = sentence_of(doc, span.start)[0]
    while start > sent_start and toks[start - 1].tag_ in {"JJ", "NN", "NNP", "HYPH", "VBN"}:
        if start - 1 in persons or start - 1 in orgs:
            return None
        start -= 1
    if start > sent_start and toks[start - 1].tag_ not in {"DT", "PRP$", "POS"}:
        return None
    start += 1 if toks[start].lower_ == "own" else 0  # "the city's own auditor": the role is "auditor"
    return (start, end)


def _head_before_comma(
    toks: list[Token],
    k: int,
    pid: str | None,
    persons: TokenLabels,
    orgs: TokenLabels,
    is_role_head: Callable[[Token], bool],
) -> tuple[int, int] | None:
    """Return the role noun before the comma ``toks[k]`` and where the role ends, for ``org_role_before``."""
    oid = orgs.get(k - 1)
    client = persons.get(k - 1)
    if oid is None and client is not None and client != pid:
        h = _client_role_head(toks, k - 1, persons, is_role_head)  # "A lawyer for Ann Voss, Tim Hale,"
        return None if h is None else (h, h + 1)
    if oid is None:
        h = k - 1  # "According to the town's auditor, Ivy Platt, ...": the role noun ends at the comma
        if h in persons or toks[h].tag_ != "NN" or not is_role_head(toks[h]):
            return None
        return (h, k)
    s = k - 1
    while s > 0 and orgs.get(s - 1) == oid:
        s -= 1
    s -= 1 if s > 0 and toks[s - 1].lower_ == "the" else 0
    h = s - 2
    if h < 0 or toks[s - 1].lower_ not in {"of", "at", "for"} or h in persons or not is_role_head(toks[h]):
        return None
    return (h, k)


#: Prepositions between a role noun and the person it works for ("a lawyer for X", "an aide to X").
_CLIENT_PREPS = frozenset({"for", "to"})


def _client_role_head(
    toks: list[Token], last: int, persons: TokenLabels, is_role_head: Callable[[Token], bool]
) -> int | None:
    """Return the role noun before "for / to" + the person mention ending at ``toks[last]``, if any.

    "A lawyer for Ann Voss, Tim Hale, said": the role before the client's name is the next name's.
    """
    pid = persons[last]
    first = last
    while first > 0 and persons.get(first - 1) == pid:
        first -= 1
    if first > 1 and toks[first - 1].is_title and is_role_head(toks[first - 1]):
        first -= 1  # "an aide to Gov. Ann Voss": past the client's title
    h = first - 2
    if h < 0 or toks[first - 1].lower_ not in _CLIENT_PREPS or h in persons:
        return None
    return h if toks[h].tag_ == "NN" and is_role_head(toks[h]) else None


def owner_mark(toks: list[Token], i: int, persons: TokenLabels, orgs: TokenLabels) -> bool:
    """Tell whether ``toks[i]`` is the "'s" of an owner before a role ("the governor's budget director").

    The owner must be a name or a singular noun: "the women's team coach" keeps its words.
    """
    if i < 1 or toks[i].tag_ != "POS":
        return False
    return i - 1 in persons or i - 1 in orgs or toks[i - 1].tag_ in {"NN", "NNP"}
