"""The nouns a generic description of an organisation is headed by, and what each may stand for.

"the company", "the broker", "the club", "the force": no organisation is described so by name,
so the speaker rules take the one organisation of a fitting kind named or heard nearby. A noun of
a business or a club never stands for a public body ("the company" is no ministry); a police noun
stands only for a police body; "the agency" never for a union or a party.
"""

from __future__ import annotations

import functools

from quotemine.lexicons import data_lines
from quotemine.lexicons.gender import title_gender
from quotemine.lexicons.names import load_lexicons

__all__ = [
    "GENERIC_ORG_NOUNS",
    "demonym_fits",
    "job_noun",
    "narrower",
    "org_noun_fits",
    "person_noun",
    "role_noun",
    "unnamed_body",
]

#: The data files of jobs, ranks and sports positions.
_JOB_FILES = ("roles.txt", "occupations.txt")
#: Words in "-man" that name no job, and jobs that mostly describe someone left unnamed ("the
#: spokesman said" after a named person is seldom that person) or the one who asks ("the host").
_NOT_JOBS = frozenset(
    {
        "human", "german", "norman", "ottoman", "spokesman", "spokeswoman", "spokesperson", "official",
        "aide", "staffer", "source", "member", "volunteer", "protester", "resident", "student",
        "host", "anchor", "moderator", "interviewer", "reporter", "questioner", "caller",
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
#: Nouns of a public body: never a union, a party, a campaign or a court ("the regulator" is
#: left to an organisation whose name says so: a body of any other name may be a misread place).
_PUBLIC_NOUNS = frozenset({"agency"})
#: Head nouns that describe any organisation of their kind.
GENERIC_ORG_NOUNS = (
    _PRIVATE_NOUNS | _POLICE_NOUNS | _PUBLIC_NOUNS | {"organization", "organisation", "group", "charity"}
)
#: Public bodies no agency noun stands for: "the agency" is no union, party or campaign, nor a
#: company by its legal form ("Greenleaf Foods Inc." is not "the state water agency").
_NOT_AGENCIES = frozenset(
    {"union", "party", "campaign", "court", "parliament", "senate", "congress", "house"}
    | {"inc", "corp", "ltd", "llc", "plc", "co", "gmbh", "ag", "sa", "nv", "limited", "holdings"}
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


#: Head nouns of a body that speaks ("the club", "the ministry"): never a person.
_BODY_NOUNS = (
    GENERIC_ORG_NOUNS
    | _PUBLIC_BODY_WORDS
    | {"association", "federation", "league", "foundation", "society", "institute", "trust", "council"}
)


def unnamed_body(text: str) -> bool:
    """Tell whether a speaker mention is a definite body noun and nothing named: "the club", "the ministry".

    Such a speaker is an organisation or no one ("the ministry said", no ministry named): an
    unnamed source, never a person nearby. A capitalised word ("the Harwick club") names it.
    """
    words = text.split()
    if len(words) < 2 or words[0].lower() not in ("the", "this") or words[-1].lower() not in _BODY_NOUNS:
        return False
    return not any(w[:1].isupper() for w in words[1:])


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


def role_noun(word: str) -> bool:
    """Tell whether ``word`` is a singular job, role or title ("economist", "officer", "senator").

    "the economist" names one person even though "economists" is an unnamed group; the jobs that
    mostly describe someone left unnamed ("the spokesman") are not among them.
    """
    lex = load_lexicons()
    return (
        word not in _NOT_JOBS and word not in lex.honorifics and (word in _job_nouns() or word in lex.titles)
    )


#: Broader nouns a description may use for a narrower role: "the officer" for a sergeant, "the
#: lawmaker" for a senator, "the player" for a striker.
_POLICE_RANKS = frozenset(
    {
        "detective", "sergeant", "constable", "inspector", "superintendent", "lieutenant", "sheriff",
        "deputy", "trooper", "patrolman", "patrolwoman", "policeman", "policewoman", "captain",
    }
)  # fmt: skip
_LEGISLATORS = frozenset(
    {
        "senator", "representative", "congressman", "congresswoman", "congressmember", "mp", "msp",
        "mep", "assemblyman", "assemblywoman", "legislator", "lawmaker", "councillor", "councilman",
        "councilwoman", "councilmember", "alderman", "delegate",
    }
)  # fmt: skip
_PLAYERS = frozenset(
    {
        "striker", "midfielder", "defender", "goalkeeper", "goalie", "winger", "fullback", "forward",
        "quarterback", "pitcher", "catcher", "shortstop", "outfielder", "infielder", "linebacker",
        "batsman", "bowler", "captain", "guard", "centre", "center", "ruckman", "wicketkeeper",
    }
)  # fmt: skip
_BROADER: dict[str, frozenset[str]] = {
    "officer": _POLICE_RANKS,
    "policeman": _POLICE_RANKS,
    "policewoman": _POLICE_RANKS,
    "lawmaker": _LEGISLATORS,
    "legislator": _LEGISLATORS,
    "politician": _LEGISLATORS | {"mayor", "governor", "minister", "premier", "candidate"},
    "player": _PLAYERS,
    "footballer": _PLAYERS,
    "cricketer": _PLAYERS,
    "lawyer": frozenset({"attorney", "solicitor", "barrister", "counsel"}),  # "an attorney for Roe"
    "attorney": frozenset({"lawyer"}),
}


def narrower(word: str) -> frozenset[str]:
    """Return the roles a broader description noun stands for ("officer": "sergeant", ...)."""
    return _BROADER.get(word, frozenset())


#: Nouns of one person that are neither jobs nor gendered titles ("a neighbour said").
_PERSON_NOUNS = frozenset(
    {
        "man", "woman", "person", "neighbour", "neighbor", "resident", "witness", "friend", "relative",
        "passenger", "customer", "bystander", "shopper", "voter", "parent", "local", "fan", "motorist",
        "patient", "victim", "survivor", "source", "insider", "spokesman", "spokeswoman", "spokesperson",
        "official", "aide", "staffer", "member", "volunteer", "protester", "student", "teenager", "boy",
        "girl", "child", "worker", "employee", "tenant", "owner",
    }
)  # fmt: skip


def person_noun(word: str) -> bool:
    """Tell whether ``word`` names one person ("woman", "neighbour", "lawyer"), not a thing ("video")."""
    if word in _PERSON_NOUNS or role_noun(word) or title_gender(word) is not None:
        return True
    return word.endswith(_PERSON_SUFFIXES) and len(word) > 6  # "ferryman", "spokesperson"


#: Endings of compound nouns for one person ("ferryman", "horsewoman", "chairperson").
_PERSON_SUFFIXES = ("man", "woman", "person")


def demonym_fits(word: str, descriptors: set[str]) -> bool:
    """Tell whether a nationality ``word`` ("spaniard", "pole") fits a place among ``descriptors``.

    "the Spaniard" is someone described by "Spain" ("Spain's Ana Roe", "Ana Roe of Spain"): the
    nationality and the place share their first four letters (three for a short nationality:
    "Pole", "Finn").
    """
    lex = load_lexicons()
    if word not in lex.demonyms:
        return False
    need = 3 if len(word) <= 4 else 4
    return any(d[:need] == word[:need] and d in lex.places for d in descriptors if len(d) >= need)
