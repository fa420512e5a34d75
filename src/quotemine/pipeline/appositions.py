"""Where an apposition after a person's name starts and ends ("X, 52, a lecturer at Y, said").

``quotemine_roles`` reads a role from the comma-delimited phrase after a name; these helpers find
its bounds from the tokens alone: ``after_aside`` steps over an age, a party label or a short
bracket right after the name, ``appos_end`` finds where the phrase stops (or says it is a clause).
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["after_aside", "appos_end"]

TokenLabels = dict[int, str]

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_STOP_TEXT = frozenset({",", ";", ":", "(", ")", '"', "\u201c", "\u201d", "--", "\u2014", "\u2013"})
_APPOS_END_TEXT = frozenset({",", ";", ")", "\u2014", "--", "(", "\u2013"})
_MAX_APPOS = 30


def after_aside(doc: Doc, i: int) -> int:
    """Return the index after an aside right after a name: ", 52", ", R-Iowa", "(D-Ohio)"; else ``i``."""
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(i + 6, len(doc))):
            if doc[j].text == ")":
                return j + 1
        return i
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        return i + 2  # an age
    if (
        i + 4 < len(doc)
        and doc[i].text == ","
        and len(doc[i + 1].text) == 1
        and doc[i + 1].is_upper
        and doc[i + 2].text == "-"
        and doc[i + 4].text == ","
    ):
        return i + 4  # a party label: ", R-Iowa,"
    return i


def appos_end(doc: Doc, start: int, sent_end: int, participle: bool, persons: TokenLabels) -> int | None:
    """Return where an apposition starting at ``start`` ends, or ``None`` when it is no apposition.

    It runs to the next comma, bracket or dash, or to a relative pronoun ("a protester who ..."); a
    person's name or (outside a participle phrase) a finite verb inside it, or a run over
    ``_MAX_APPOS`` tokens, means it is a clause, not a role.
    """
    end = start
    after_preposition = False  # "deputy manager for Ann Lowe's campaign": a name inside the role
    while end < sent_end and end - start < _MAX_APPOS:
        tok = doc[end]
        if tok.text in _STOP_TEXT or (tok.is_punct and tok.is_sent_end):
            break
        if tok.tag_ in {"WP", "WDT"} and end > start and not participle:
            return end  # "X, a protester who was hit": the role ends at its relative clause
        if (tok.i in persons and not after_preposition) or (tok.tag_ in _FINITE_TAGS and not participle):
            return None
        after_preposition = after_preposition or (tok.tag_ == "IN" and end > start)
        end += 1
    if end == start or end - start >= _MAX_APPOS:
        return None
    if end < len(doc) and end < sent_end and doc[end].text not in _APPOS_END_TEXT and not doc[end].is_punct:
        return None
    return end
