"""The word lists ``quotemine_roles`` recognises a role by, as one saveable value."""

from __future__ import annotations

from dataclasses import dataclass

from quotemine.lexicons import data_lines
from quotemine.lexicons.names import load_lexicons

__all__ = ["RoleWords"]

#: Jobs, ranks and sports positions only the role stage reads ("machine operator", "tight end").
_OCCUPATIONS_FILE = "occupations.txt"
#: Words of nameparser's title list that are no role ("federal", "state", "brother").
_NOT_ROLES_FILE = "not_roles.txt"


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
