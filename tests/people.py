"""A person's record, roles and affiliations from a Doc the roles stage ran on, for the role tests."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


def person(doc: Doc, name: str) -> dict[str, Any]:
    """Return the one person record called ``name``."""
    matches = [p for p in doc._.qm_people if p["name"] == name]
    assert len(matches) == 1, [p["name"] for p in doc._.qm_people]
    return matches[0]


def roles(doc: Doc, name: str) -> list[str]:
    """Return the role texts of the person called ``name``."""
    return [doc.text[s:e] for s, e in person(doc, name)["roles"]]


def affiliations(doc: Doc, name: str) -> list[str]:
    """Return the organisation names the person called ``name`` is affiliated with."""
    orgs = {o["id"]: o["name"] for o in doc._.qm_orgs}
    return [orgs[oid] for oid in person(doc, name)["affiliations"]]
