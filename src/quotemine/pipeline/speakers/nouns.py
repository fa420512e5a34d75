"""The nouns a generic description of an organisation is headed by, and what each may stand for.

"the company", "the broker", "the club", "the force": no organisation is described so by name,
so the speaker rules take the one organisation of a fitting kind named or heard nearby. A noun of
a business or a club never stands for a public body ("the company" is no ministry); a police noun
stands only for a police body; "the agency" never for a union or a party.
"""

from __future__ import annotations

import functools

from quotemine.lexicons import data_lines
from quotemine.lexicons.names import load_lexicons

__all__ = ["GENERIC_ORG_NOUNS", "job_noun", "org_noun_fits"]

#: The data files of jobs, ranks and sports positions.
_JOB_FILES = ("roles.txt", "occupations.txt")
#: Words in "-man" that name no job, and jobs that mostly describe someone left unnamed ("the
#: spokesman said" after a named person is seldom that person).
_NOT_JOBS = frozenset(
    {
        "human", "german", "norman", "ottoman", "spokesman", "spokeswoman", "spokesperson", "official",
        "aide", "staffer", "source", "member", "volunteer", "protester", "resident", "student",
    }
)  # fmt: skip

#: Generic nouns of a business, a club or a team: never a public body.
_PRIVATE_NOUNS = frozenset(
    {
        "company", "firm", "corporation", "business", "chipmaker", "automaker", "carmaker", "retailer",
        "lender", "insurer", "airline", "manufacturer", "miner", "brewer", "startup", "conglomerate",
        "bank", "publisher", "broadcaster", "supermarket", "grocer", "drugmaker", "carrier", "broker",
        "brokerage", "developer", "operator", "supplier", "producer", "chain", "club", "team",
    }
)  # fmt: skip
#: Nouns of a police body, and the name words of such a body ("the force" is "Westvale Police").
_POLICE_NOUNS = frozenset({"force", "constabulary"})
_POLICE_WORDS = frozenset({"police", "constabulary", "force"})
#: Nouns of a public body: never a union, a party, a campaign or a court.
_PUBLIC_NOUNS = frozenset({"agency", "regulator", "watchdog"})
#: Head nouns that describe any organisation of their kind.
GENERIC_ORG_NOUNS = (
    _PRIVATE_NOUNS | _POLICE_NOUNS | _PUBLIC_NOUNS | {"organization", "organisation", "group", "charity"}
)
#: Public bodies no agency noun stands for: "the agency" is no union, party or campaign.
_NOT_AGENCIES = frozenset(
    {"union", "party", "campaign", "court", "parliament", "senate", "congress", "house"}
)
#: Last words of names of bodies that are no business ("the Budget Office", "the Transport Ministry").
_PUBLIC_BODY_WORDS = frozenset(
    {
        "office", "ministry", "department", "bureau", "commission", "committee", "council", "party",
        "court", "police", "parliament", "senate", "house", "congress", "assembly", "university",
        "college", "school", "government", "administration", "agency", "authority", "union",
        "campaign", "army", "navy", "embassy", "tribunal", "board", "constabulary", "service",
    }
)  # fmt: skip


def org_noun_fits(noun: str, name_words: set[str]) -> bool:
    """Tell whether an organisation whose name ends in one of ``name_words`` may be "the ``noun``"."""
    if noun in _POLICE_NOUNS:
        return bool(name_words & _POLICE_WORDS)
    if noun in _PUBLIC_NOUNS:  # "the agency" may be an acronym ("the FBI"): only no union or party
        return not name_words & _NOT_AGENCIES
    return noun not in _PRIVATE_NOUNS or not name_words & _PUBLIC_BODY_WORDS


@functools.lru_cache(maxsize=1)
def _job_nouns() -> frozenset[str]:
    """Return the one-word jobs and roles of the package data."""
    words = {line.split("\t")[0].strip().lower() for name in _JOB_FILES for line in data_lines(name)}
    return frozenset(w for w in words if w and " " not in w)


def job_noun(word: str) -> bool:
    """Tell whether ``word`` names what a person does ("engineer", "midfielder", "ferryman").

    Titles of an office ("president", "senator", "mayor") and honorifics are left out: "the
    president" may be someone the text never names, not the person just quoted.
    """
    lex = load_lexicons()
    if word in lex.titles or word in lex.honorifics or word in _NOT_JOBS:
        return False
    return word in _job_nouns() or (word.endswith(("man", "woman")) and len(word) > 5)
