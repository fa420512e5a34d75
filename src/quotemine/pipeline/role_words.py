"""The word lists ``quotemine_roles`` recognises a role by, as one saveable value."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from quotemine.extensions import doc_tokens
from quotemine.lexicons import data_lines
from quotemine.lexicons.names import load_lexicons
from quotemine.pipeline.records import Range

__all__ = ["RoleWords", "clip_role", "cut_at_start", "hyphen_key", "singular"]

#: Jobs, ranks and sports positions only the role stage reads ("machine operator", "tight end").
_OCCUPATIONS_FILE = "occupations.txt"
#: Words of nameparser's title list that are no role ("federal", "state", "brother").
_NOT_ROLES_FILE = "not_roles.txt"
#: Words that open a phrase saying what a person is not.
_NEGATIVE = frozenset({"no", "not", "neither", "never"})
#: Tags of words trimmed from the end of a role ("chairman of" -> "chairman").
_CLIP_END_TAGS = frozenset({"IN", "DT", "CC", "TO"})
#: Leading words cut from a role: the role is "chairman", not "the chairman" or "his chairman".
_CLIP_START_TAGS = frozenset({"DT", "PRP$", "WDT"})
#: Adverbs of time cut from the start of a role ("now a professor" -> "professor"; not "then-senator").
_TIME_ADVERBS = frozenset(
    {"now", "currently", "also", "still", "once", "formerly", "previously", "later", "then"}
)


@dataclass(frozen=True)
class RoleWords:
    """The word lists a role is recognised by (lower case).

    Attributes:
        role_heads: Nouns that can head a role phrase ("analyst", "minister").
        titles: Title words that may precede a name, also abbreviated ("sen.").
        honorifics: Forms of address, never a role ("mr").

    """

    role_heads: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]

    @classmethod
    def default(cls) -> RoleWords:
        """Return the packaged word lists."""
        lex = load_lexicons()
        occupations = frozenset(line.lower() for line in data_lines(_OCCUPATIONS_FILE))
        not_roles = frozenset(line.lower() for line in data_lines(_NOT_ROLES_FILE))
        return cls((lex.role_heads | occupations) - not_roles, lex.titles, lex.honorifics)

    def to_json(self) -> dict[str, list[str]]:
        """Return the lists, sorted, for ``to_disk``."""
        return {
            "role_heads": sorted(self.role_heads),
            "titles": sorted(self.titles),
            "honorifics": sorted(self.honorifics),
        }

    @classmethod
    def from_json(cls, data: dict[str, list[str]]) -> RoleWords:
        """Return the lists ``to_json`` wrote."""
        return cls(frozenset(data["role_heads"]), frozenset(data["titles"]), frozenset(data["honorifics"]))


def cut_at_start(doc: Doc, i: int, end: int) -> bool:
    """Tell whether ``doc[i]``, the first word of a role ending before ``end``, is cut from it."""
    toks = doc_tokens(doc)
    tok = toks[i]
    if tok.is_punct or tok.is_space or tok.tag_ in _CLIP_START_TAGS or (tok.tag_ == "CD" and tok.whitespace_):
        return True  # "the chairman", "his deputy", "two analysts"
    if tok.tag_ == "VBN" and tok.dep_ not in {"amod", "compound"} and i + 1 < end:
        return True  # "(was) elected mayor": the verb is no part of the office; "(has) coached" is all of it
    return tok.lower_ in _TIME_ADVERBS and i + 1 < end and toks[i + 1].text != "-"  # "now a professor"


def hyphen_key(token: Token) -> str:
    """Return the lower-case word ``token`` ends, joined over hyphens ("front" "-" "runner")."""
    doc, i = token.doc, token.i
    toks = doc_tokens(doc)
    key = token.lower_
    if i >= 2 and toks[i - 1].text == "-" and not toks[i - 1].whitespace_ and not toks[i - 2].whitespace_:
        return f"{toks[i - 2].lower_}-{key}"
    return key


def clip_role(doc: Doc, role: Range | None) -> Range | None:
    """Cut a role at the first line break or unclosed bracket and trim punctuation at its edges."""
    toks = doc_tokens(doc)
    if role is None:
        return None
    start, end = role
    for i in range(start, end):
        if "\n" in toks[i].text or "\n" in toks[i].whitespace_:
            end = i + 1 if "\n" not in toks[i].text else i
            break
    opened = [i for i in range(start, end) if toks[i].text == "("]
    if opened and not any(toks[i].text == ")" for i in range(opened[-1], end)):
        end = opened[-1]  # "chairman of the X Board of Harlow County (Wessex"
    while end > start and (
        toks[end - 1].is_punct or toks[end - 1].is_space or toks[end - 1].tag_ in _CLIP_END_TAGS
    ):
        end -= 1
    if start < end and toks[start].lower_ in _NEGATIVE:
        return None  # "X, no relation to the candidate,": what X is not
    while start < end and cut_at_start(doc, start, end):
        start += 1  # "the chairman" -> "chairman"; "(was) elected mayor", "now a professor" -> the noun
    return (start, end) if start < end else None


def singular(word: str) -> str:
    """Return the singular of a plural in "-ies" ("secretaries" -> "secretary"), else ``word``."""
    return word[:-3] + "y" if word.endswith("ies") else word
