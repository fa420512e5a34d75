"""Role words the role and entity stages share that are not title or role nouns of their own.

``POST_NOMINALS``: letters written after a personal name ("Ana Reyes QC", "Tom Hale MP"). A name
before one is a person's, the letters are not part of the name, and those that are an office or a
rank ("QC", "MP") are also the person's role.

``CHAMBERS``: what a legislator's title says the person is a member of ("Sen." -> a senate), as the
organisation names (lower case) that may stand for that chamber in a text.

``PARTY_LETTERS``: the party a US party label stands for ("(D-Vt.)", ", R-Iowa,"), as the names
(lower case) a text may give that party as an organisation.

``COMPANY_WORDS``: last words of company names that ``org_keywords.txt`` leaves out ("Parsow
Foods"): with them, a capitalised name in an affiliation ("X of Parsow Foods") is an organisation.

``ORG_NOUNS``: common nouns that stand for an organisation named just before ("the company's
chairman" after "Orwell Mining" was named).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CHAMBERS",
    "COMPANY_WORDS",
    "CONSTITUENCY_TITLES",
    "GENERIC_PREFIXES",
    "KIND_NOUNS",
    "MEMBER_ROLES",
    "ORG_NOUNS",
    "PARTY_LETTERS",
    "PORTFOLIOS",
    "POSITIONS",
    "POST_NOMINALS",
    "SEAT_ROLES",
    "STAFF_ROLES",
]

#: Playing positions that are common words elsewhere ("move forward", "a community center"):
#: a role only right before a player's name ("Kelton forward X", "the centre X").
POSITIONS: Final = frozenset({"forward", "center", "centre"})

#: Jobs held at a company or a club, not in a place ("Westvale chief economist", "Kelso
#: assistant coach"): a capitalised name nothing else marks right before one is their employer.
STAFF_ROLES: Final = frozenset(
    {
        "economist",
        "analyst",
        "strategist",
        "executive",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "coach",
        "manager",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "founder",
        "co-founder",
        "chairman",
        "chairwoman",
        "publisher",
        "editor",
    }
)

#: Posts held in a party, a union or a club ("Greens leader X", "Harlow Rangers boss X"): a
#: capitalised name nothing else marks right before one is the body they belong to.
MEMBER_ROLES: Final = frozenset({"leader", "boss", "treasurer", "organiser", "organizer"})

#: Seats ("QRT councillor X", "the QRT MLA X"): only a party's letters before one name a body (a
#: capitalised word may be the seat's town: "Westby councillor X"). Lower-case words; the letters
#: of a seat ("mla") count only when written in capitals.
SEAT_ROLES: Final = frozenset({"councillor", "councilor", "mla", "msp", "mp", "mep", "td"})

#: Capitalised words before a post that name no body ("Opposition leader X", "Council leader X").
GENERIC_PREFIXES: Final = frozenset(
    {
        "opposition",
        "government",
        "council",
        "party",
        "union",
        "group",
        "team",
        "community",
        "world",
        "church",
        "majority",
        "minority",
        "house",
        "floor",
        "gang",
        "squad",
        "club",
    }
)

#: Upper-case letters after a name, lower-cased: offices, ranks and honours.
POST_NOMINALS: Final = frozenset(
    {"qc", "kc", "mp", "msp", "mep", "mla", "td", "obe", "mbe", "cbe", "kbe", "dbe", "frs"}
)

_SENATE: Final = ("senate", "u.s. senate", "us senate", "united states senate")
_HOUSE: Final = (
    "house",
    "u.s. house",
    "us house",
    "house of representatives",
    "u.s. house of representatives",
)
_CONGRESS: Final = ("congress", "u.s. congress", "us congress", "united states congress")

#: Legislator titles (lower case, no full stop) -> the names of the chamber they sit in, first choice first.
CHAMBERS: Final[dict[str, tuple[str, ...]]] = {
    "sen": _SENATE + _CONGRESS,
    "senator": _SENATE + _CONGRESS,
    "rep": _HOUSE + _CONGRESS,
    "representative": _HOUSE + _CONGRESS,
    "congressman": _HOUSE + _CONGRESS,
    "congresswoman": _HOUSE + _CONGRESS,
    "mp": ("parliament", "house of commons"),
    "mep": ("european parliament",),
}

#: Party letters of a US label -> the names of that party as an organisation.
PARTY_LETTERS: Final[dict[str, tuple[str, ...]]] = {
    "d": ("democratic party", "democrats", "the democratic party"),
    "r": ("republican party", "gop", "republicans", "the republican party"),
}

#: Last words of company names (lower case) beyond the organisation keywords.
COMPANY_WORDS: Final = frozenset(
    {
        "foods",
        "motors",
        "mining",
        "energy",
        "capital",
        "partners",
        "labs",
        "systems",
        "solutions",
        "logistics",
        "enterprises",
        "ventures",
        "brands",
        "stores",
        "markets",
        "farms",
        "construction",
        "consulting",
        "insurance",
        "healthcare",
        "pharma",
        "bancorp",
        "ltd",
        "co",
        "gmbh",
        "ag",
        "sa",
        "associates",
        "advisors",
        "advisers",
        "investments",
        "properties",
        "resources",
        "telecom",
        "communications",
        "entertainment",
        "publishing",
        "records",
        "films",
        "pictures",
        "software",
        "electronics",
        "chemicals",
        "steel",
        "oil",
        "gas",
        "utilities",
        "railway",
        "railways",
        "railroad",
        "shipping",
        "transport",
        "aviation",
        "aerospace",
        "dynamics",
        "robotics",
    }
)

#: Portfolios a minister's or secretary's title opens with ("Home Secretary", "Health Minister"):
#: part of the office's name, not an organisation to cut from it.
PORTFOLIOS: Final = frozenset(
    {
        "home",
        "foreign",
        "interior",
        "justice",
        "defence",
        "defense",
        "health",
        "education",
        "transport",
        "transportation",
        "environment",
        "energy",
        "commerce",
        "agriculture",
        "trade",
        "culture",
        "finance",
        "housing",
        "labor",
        "employment",
        "immigration",
        "industry",
        "business",
        "communications",
        "veterans",
        "welfare",
        "water",
        "planning",
        "climate",
        "tourism",
        "sport",
        "sports",
        "infrastructure",
        "crown",  # "Crown prosecutor", "Crown counsel": the prosecuting authority is the office's own word
    }
)

#: Common nouns (lower case) that stand for an organisation named before them.
ORG_NOUNS: Final = frozenset(
    {
        "company",
        "firm",
        "bank",
        "party",
        "union",
        "agency",
        "group",
        "campaign",
        "club",
        "team",
        "university",
        "college",
        "school",
        "hospital",
        "newspaper",
        "paper",
        "network",
        "committee",
        "subcommittee",
        "panel",
        "department",
        "ministry",
        "council",
        "board",
        "charity",
        "organisation",
        "organization",
        "foundation",
        "institute",
        "airline",
        "carrier",
        "automaker",
        "carmaker",
        "retailer",
        "chain",
        "lender",
        "insurer",
        "manufacturer",
        "studio",
        "startup",
        "corporation",
        "league",
        "federation",
        "association",
        "church",
        "museum",
        "magazine",
        "broadcaster",
        "publisher",
        "court",
        "commission",
        "regulator",
    }
)

#: Nouns that name the kind of body a name right after them is ("the law firm Y", "the consultancy Y"):
#: ``ORG_NOUNS`` without those that often stand before a person's or a place's name.
KIND_NOUNS: Final = (ORG_NOUNS - {"campaign", "team", "board", "paper", "court", "party", "chain"}) | {
    "consultancy",
    "tank",
}

#: Titles of a member elected for a seat: a name after "for" is the seat ("MP for Y", "senator for Y").
#: Not "member" nor "representative": "a member for the Y Caucus", "a representative for Y Ltd".
CONSTITUENCY_TITLES: Final = frozenset(
    {
        "senator",
        "sen",
        "mp",
        "mla",
        "mpp",
        "msp",
        "mep",
        "councillor",
        "councilor",
    }
)
