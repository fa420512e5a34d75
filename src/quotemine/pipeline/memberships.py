"""Memberships a title or a party label states without naming the organisation next to the name.

``quotemine_roles`` calls these once it knows each person's roles:

* ``chamber_orgs``: a legislator's title ("Sen.", "congresswoman", "MP") makes the person a member
  of the chamber, when the text names that chamber as an organisation ("the Senate");
* ``party_org``: a US party label after the name ("Sen. Ann Voss (D-Vt.)", "X, R-Iowa,") or an
  apposition that is only the party ("X, a Democrat,") makes the person a member of the party,
  when the text names the party as an organisation ("the Democratic Party").

Neither invents an organisation: with no chamber or party named in the text there is no affiliation.
A state legislator ("state Sen. X") is not tied to a chamber this way (the text may name another).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from spacy.tokens import Doc, Span

from quotemine.lexicons.roles import CHAMBERS, PARTY_LETTERS

__all__ = ["chamber_orgs", "party_org"]

Range = tuple[int, int]

#: Party nouns of an apposition that is only the party ("X, a Democrat,").
_PARTY_NOUNS: Final = {"democrat": "d", "republican": "r"}


def _named(names: Mapping[str, str], wanted: Iterable[str]) -> str | None:
    """Return the id of the organisation named by the first of ``wanted`` the text uses, if just one is."""
    for want in wanted:
        ids = [oid for oid, name in names.items() if name.lower() == want]
        if len(ids) == 1:
            return ids[0]
    return None


def chamber_orgs(doc: Doc, roles: Iterable[Range], names: Mapping[str, str]) -> list[str]:
    """Return the chambers the legislator titles among ``roles`` make the person a member of.

    Args:
        doc: The document.
        roles: Token ranges of the person's roles.
        names: Organisation id -> name, for every organisation of the document.

    """
    out: list[str] = []
    for start, end in roles:
        wanted = CHAMBERS.get(doc[end - 1].lower_.rstrip(".")) if end > start else None
        if wanted is None or any(doc[i].lower_ == "state" for i in range(start, end - 1)):
            continue  # no legislator's title; "state Sen. X": a state senate, not the one a text names
        oid = _named(names, wanted)
        if oid is not None and oid not in out:
            out.append(oid)
    return out


def _label_letter(doc: Doc, j: int) -> str | None:
    """Return the party letter of "(D-Vt.)" or ", R-Iowa," starting at token ``j``, else ``None``."""
    if j + 3 >= len(doc) or doc[j].text not in {"(", ","}:
        return None
    letter, dash = doc[j + 1], doc[j + 2]
    if dash.text != "-" or letter.whitespace_ or dash.whitespace_ or not letter.text.isupper():
        return None
    return letter.lower_ if len(letter.text) == 1 else None


def party_org(doc: Doc, span: Span, names: Mapping[str, str]) -> str | None:
    """Return the party a label or a party apposition right after the name ``span`` ties it to."""
    j = span.end
    letter = _label_letter(doc, j)
    if (
        letter is None
        and j + 3 < len(doc)
        and doc[j].text == ","
        and doc[j + 1].lower_ in {"a", "an"}
        and doc[j + 3].lower_ in {",", ".", ";", "from", "who", "and"}
    ):
        letter = _PARTY_NOUNS.get(doc[j + 2].lower_)  # "X, a Democrat, said"
    wanted = PARTY_LETTERS.get(letter) if letter else None
    return _named(names, wanted) if wanted else None
