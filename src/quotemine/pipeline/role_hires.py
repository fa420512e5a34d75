"""The organisation that hires, names or sacks a person to a post ("Y has appointed X as chief executive").

"Harlow Rangers have sacked manager X", "Brellow Group hired X as its finance director": the
organisation named as the subject right before the verb is the person's employer (present or,
after "sacked", former). The words are read in order, not from the parse, which often takes
"sacked manager X" for a noun phrase. A tie needs the post itself: a role noun right before the
name ("sacked manager X") or after "as" ("appointed X as chief executive"); "the club signed X"
alone ties nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from spacy.tokens import Doc, Span, Token

from quotemine.extensions import doc_tokens
from quotemine.pipeline.records import TokenLabels

__all__ = ["hiring_org"]


#: Verb forms by which an organisation gives or takes away a post.
_HIRE_FORMS: Final = frozenset(
    {
        "appointed",
        "appoints",
        "hired",
        "hires",
        "named",
        "names",
        "sacked",
        "sacks",
        "fired",
        "dismissed",
        "signed",
        "signs",
        "recruited",
        "promoted",
        "installed",
    }
)
#: Words between the organisation and its verb ("have", "has now", "has also").
_BETWEEN: Final = frozenset({"has", "have", "had", "now", "also", "finally", "today", "yesterday"})
#: Tags of the words between "as" and the post ("as its new finance director").
_POST_TAGS: Final = frozenset({"DT", "PRP$", "JJ", "NN", "NNS", "VBN", "HYPH"})
#: How many words a post after "as" may have.
_POST_REACH: Final = 5


def _post_before(toks: list[Token], start: int, is_role_head: Callable[[Token], bool]) -> int | None:
    """Return where the verb stands before a lower-case post right before the name ("sacked manager X")."""
    k = start - 1
    if k < 1 or not toks[k].is_lower or not is_role_head(toks[k]):
        return None
    while k > 0 and k > start - 4 and toks[k - 1].is_lower and toks[k - 1].tag_ in {"JJ", "NN", "VBG"}:
        if toks[k - 1].lower_ in _HIRE_FORMS:
            break
        k -= 1  # "assistant manager", "head coach"
    return k - 1


def _post_after(toks: list[Token], end: int, is_role_head: Callable[[Token], bool]) -> bool:
    """Tell whether "as" and a post follow the name ("X as chief executive")."""
    if end >= len(toks) or toks[end].lower_ != "as":
        return False
    for k in range(end + 1, min(end + 1 + _POST_REACH, len(toks))):
        tok = toks[k]
        if tok.tag_ not in _POST_TAGS:
            return False
        if tok.tag_.startswith("NN") and is_role_head(tok):
            return True
    return False


def hiring_org(doc: Doc, span: Span, orgs: TokenLabels, is_role_head: Callable[[Token], bool]) -> list[str]:
    """Return the organisation that appointed, named or sacked the person ``span`` names to a post."""
    toks = doc_tokens(doc)
    start = span.start
    verb = _post_before(toks, start, is_role_head)
    if verb is None:
        verb = start - 1 if _post_after(toks, span.end, is_role_head) else None
    if verb is None or verb < 1 or toks[verb].lower_ not in _HIRE_FORMS:
        return []
    k = verb - 1
    while k > 0 and verb - k <= 2 and toks[k].lower_ in _BETWEEN:
        k -= 1
    oid = orgs.get(k)
    if oid is None or (k + 1 < len(toks) and orgs.get(k + 1) == oid):
        return []  # no organisation, or not the end of its name
    return [oid]
