"""Memberships a title or a party label states without naming the organisation next to the name.

``quotemine_roles`` calls these once it knows each person's roles:

* ``chamber_orgs``: a legislator's title ("Sen.", "congresswoman", "MP") makes the person a member
  of the chamber, when the text names that chamber as an organisation ("the Senate");
* ``party_org``: a US party label after the name ("Sen. Ann Voss (D-Vt.)", "X, R-Iowa,") or an
  apposition that is only the party ("X, a Democrat,") makes the person a member of the party,
  when the text names the party as an organisation ("the Democratic Party").

* ``implied_employer``: an officer's title with no organisation tied to the person: a company
  officer's ("Chief Financial Officer X") is of the company the story leads with and names most;
  a title naming a kind of body ("Police Chief X") is of the one such body the text names.

None invents an organisation: with no chamber or party named in the text there is no affiliation.
A state legislator ("state Sen. X") is not tied to a chamber this way (the text may name another).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Final

from spacy.tokens import Doc, Span

from quotemine.extensions import doc_tokens
from quotemine.lexicons.names import load_lexicons
from quotemine.lexicons.roles import CHAMBERS, PARTY_LETTERS
from quotemine.pipeline.records import get_orgs

__all__ = ["chamber_orgs", "implied_employer", "party_org"]

Range = tuple[int, int]

#: Short forms of a company officer's title.
_OFFICERS: Final = frozenset({"ceo", "cfo", "coo", "cto"})
#: How many opening sentences make up a text's lead (a headline and a byline may come first).
_LEAD_SENTENCES: Final = 3
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
    toks = doc_tokens(doc)
    out: list[str] = []
    for start, end in roles:
        wanted = CHAMBERS.get(toks[end - 1].lower_.rstrip(".")) if end > start else None
        if wanted is None or any(toks[i].lower_ == "state" for i in range(start, end - 1)):
            continue  # no legislator's title; "state Sen. X": a state senate, not the one a text names
        oid = _named(names, wanted)
        if oid is not None and oid not in out:
            out.append(oid)
    return out


def _label_letter(doc: Doc, j: int) -> str | None:
    """Return the party letter of "(D-Vt.)" or ", R-Iowa," starting at token ``j``, else ``None``."""
    toks = doc_tokens(doc)
    if j + 3 >= len(doc) or toks[j].text not in {"(", ","}:
        return None
    letter, dash = toks[j + 1], toks[j + 2]
    if dash.text != "-" or letter.whitespace_ or dash.whitespace_ or not letter.text.isupper():
        return None
    return letter.lower_ if len(letter.text) == 1 else None


def party_org(doc: Doc, span: Span, names: Mapping[str, str]) -> str | None:
    """Return the party a label or a party apposition right after the name ``span`` ties it to."""
    toks = doc_tokens(doc)
    j = span.end
    letter = _label_letter(doc, j)
    if (
        letter is None
        and j + 3 < len(doc)
        and toks[j].text == ","
        and toks[j + 1].lower_ in {"a", "an"}
        and toks[j + 3].lower_ in {",", ".", ";", "from", "who", "and"}
    ):
        letter = _PARTY_NOUNS.get(toks[j + 2].lower_)  # "X, a Democrat, said"
    wanted = PARTY_LETTERS.get(letter) if letter else None
    return _named(names, wanted) if wanted else None


def _is_officer(doc: Doc, start: int, end: int) -> bool:
    """Tell whether ``doc[start:end]`` is a company officer's title ("chief financial officer", "CEO")."""
    words = [t.lower_.rstrip(".") for t in doc[start:end]]
    if words[-1] in _OFFICERS:
        return True
    return "chief" in words[:-1] and words[-1] in {"officer", "executive"}


def _story_company(doc: Doc) -> str | None:
    """Return the organisation named in the text's lead and strictly more often than any other."""
    sents = list(islice(doc.sents, _LEAD_SENTENCES))
    lead_end = sents[-1].end_char if sents else 0
    counts = sorted(((len(o["mentions"]), o["id"], o["mentions"]) for o in get_orgs(doc)), reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    first = min(m[0] for m in counts[0][2])
    return counts[0][1] if first < lead_end else None


def _body_of_kind(doc: Doc, start: int, end: int, names: Mapping[str, str]) -> str | None:
    """Return the one organisation whose name holds the kind of body a title names ("Police Chief")."""
    heads = load_lexicons().org_heads
    kinds = {t.lower_ for t in doc[start : end - 1] if t.is_title and t.lower_ in heads}
    found = {oid for oid, name in names.items() for kind in kinds if kind in name.lower().split()}
    return found.pop() if len(found) == 1 else None


def implied_employer(
    doc: Doc, roles: Iterable[Range], orgs: Mapping[int, str], names: Mapping[str, str]
) -> list[str]:
    """Return the organisation an officer's title implies when nothing ties the person to one.

    Args:
        doc: The document.
        roles: Token ranges of the person's roles.
        orgs: Token index -> organisation id, for every organisation mention.
        names: Organisation id -> name, for every organisation of the document.

    A role that holds an organisation names the employer itself and gives nothing here.

    """
    ranges = [(s, e) for s, e in roles if e > s]
    if any(i in orgs for s, e in ranges for i in range(s, e)):
        return []
    for start, end in ranges:
        oid = _story_company(doc) if _is_officer(doc, start, end) else _body_of_kind(doc, start, end, names)
        if oid is not None:
            return [oid]
    return []
