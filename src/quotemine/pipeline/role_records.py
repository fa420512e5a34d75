"""Write a person's roles and affiliations from the role ranges ``quotemine_roles`` found."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from quotemine.pipeline.records import PersonRecord

__all__ = ["apply_roles"]

Range = tuple[int, int]
TokenLabels = dict[int, str]


def apply_roles(
    doc: Doc, person: PersonRecord, found: list[Range], orgs: TokenLabels, tied: list[str]
) -> list[Span]:
    """Set the roles and affiliations of ``person`` from its role ranges; return the role spans.

    A role repeated word for word is kept once; an organisation inside a role is an affiliation,
    and so is each organisation of ``tied`` (found around the name: "X of Y", "Y's X").
    """
    pid = person["id"]
    seen: set[str] = set()
    roles: list[list[int]] = []
    affiliations: list[str] = list(person.get("affiliations") or [])
    for tied_id in tied:
        if tied_id not in affiliations:
            affiliations.append(tied_id)
    spans: list[Span] = []
    for start, end in sorted(set(found)):
        span = doc[start:end]
        key = span.text.lower()
        if key in seen:
            continue
        seen.add(key)
        roles.append([span.start_char, span.end_char])
        spans.append(Span(doc, start, end, label=pid))
        for i in range(start, end):
            oid = orgs.get(i)
            if oid is not None and oid not in affiliations:
                affiliations.append(oid)
    person["roles"] = roles
    person["affiliations"] = affiliations
    return spans
