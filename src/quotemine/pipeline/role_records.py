"""Write a person's roles and affiliations from the role ranges ``quotemine_roles`` found."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from quotemine.extensions import doc_text, doc_tokens
from quotemine.lexicons.names import is_possessive, load_lexicons
from quotemine.lexicons.roles import CHAMBERS, COMPANY_WORDS, CONSTITUENCY_TITLES, ORG_NOUNS, PORTFOLIOS
from quotemine.pipeline.affiliations import NOUN_VERBS
from quotemine.pipeline.records import PersonRecord, Range, TokenLabels, get_orgs

__all__ = ["after_surname", "apply_roles", "sought_office"]


#: Words of a candidacy before "for": the organisation after them is an office sought, not an employer.
_SEEKING = frozenset(
    {
        "nominee",
        "nomination",
        "candidate",
        "candidacy",
        "bid",
        "run",
        "running",
        "ran",
        "race",
        "campaign",
        "campaigning",
        "hopeful",
        "contender",
        "vying",
    }
)
#: Candidacy nouns after a chamber's name ("Senate candidate", "Senate hopeful").
_SEEKERS = frozenset({"candidate", "candidates", "nominee", "hopeful", "hopefuls", "contender", "challenger"})
#: Names of chambers and offices a candidate runs for (lower case).
#: Words of a title's field the tagger may take for an organisation ("Secretary of State").
_FIELDS = PORTFOLIOS | {"affairs", "state"}
_OFFICES = frozenset(name for names in CHAMBERS.values() for name in names) | {"presidency", "white house"}


def apply_roles(
    doc: Doc, person: PersonRecord, found: list[Range], orgs: TokenLabels, tied: list[str]
) -> list[Span]:
    """Set the roles and affiliations of ``person`` from its role ranges; return the role spans.

    A role repeated word for word is kept once; an organisation inside a role is an affiliation,
    and so is each organisation of ``tied`` (found around the name: "X of Y", "Y's X"). A role
    that opens with an organisation's name keeps only the words after it ("Treasury Secretary"
    is the role "Secretary" and the affiliation "Treasury").
    """
    pid = person["id"]
    seen: set[str] = set()
    roles: list[list[int]] = []
    affiliations: list[str] = list(person.get("affiliations") or [])
    for tied_id in tied:
        if tied_id not in affiliations:
            affiliations.append(tied_id)
    spans: list[Span] = []
    for first, end in sorted(set(found)):
        for i in range(first, end):  # also an organisation cut from the front ("Treasury Secretary")
            oid = orgs.get(i)
            if (
                oid is not None
                and oid not in affiliations
                and not _placed_in(doc, i, orgs)
                and not sought_office(doc, i, orgs)
                and not _portfolio_word(doc, i, orgs)
                and not _holds_title(doc, first, end, orgs)
                and not _hyphened(doc, i, orgs)
            ):
                affiliations.append(oid)
        start = _after_org(doc, first, end, orgs)
        start = _after_owner_noun(doc, start, end, orgs if affiliations else None)
        span = doc[start:end]
        first_char, end_char = _role_chars(span)
        key = doc_text(doc)[first_char:end_char].lower() if end_char != span.end_char else span.text.lower()
        if key in seen:
            continue
        seen.add(key)
        roles.append([first_char, end_char])
        spans.append(Span(doc, start, end, label=pid))
    person["roles"] = roles
    person["affiliations"] = affiliations
    return spans


def _after_org(doc: Doc, start: int, end: int, orgs: TokenLabels) -> int:
    """Return where the role ``doc[start:end]`` starts after an organisation's name (and "'s") it opens with.

    "Treasury Secretary", "Orbury Falcons coach", "the Wexley Trust's director" are the roles
    "Secretary", "coach", "director" of someone the organisation is tied to; a role that is all
    organisation, or whose rest is no noun phrase ("of ..."), keeps its words, and so does a
    title that opens with a portfolio or a party word ("Home Secretary", "Labour leader").
    """
    toks = doc_tokens(doc)
    oid = orgs.get(start)  # roles come clipped: no determiner before the name
    if oid is None:
        return start
    k = first = start
    while k < end and orgs.get(k) == oid:
        k += 1
    if k - first == 1 and (
        toks[first].lower_ in PORTFOLIOS or toks[first].lower_ in load_lexicons().demonyms
    ):
        return start  # "Home Secretary", "Labour leader": a portfolio or a party word is the office's own
    if k < end and is_possessive(toks[k].text):
        k += 1
    if k >= end or toks[k].is_punct or toks[k].tag_ in {"IN", "CC", "TO", "POS"}:
        return start
    return k


def _after_owner_noun(doc: Doc, start: int, end: int, orgs: TokenLabels | None) -> int:
    """Return where a role starts after an owner noun and its "'s" ("union's regional organiser").

    The owner ("the union", "the group") is a body's common noun: the role is "regional organiser",
    whether ``affiliations.role_owner`` found the body or not (then it is left unnamed, never part
    of the role). With ``orgs`` (the person has an affiliation), an owner noun that is a word of an
    organisation's name is cut as well ("the trust's treasurer" after "the Ferrow Trust").
    """
    toks = doc_tokens(doc)
    named: set[str] | None = None
    for i in range(start + 1, end - 1):
        owner = toks[i - 1]
        if not is_possessive(toks[i].text) or not owner.is_lower:
            continue
        if owner.lower_ in ORG_NOUNS:
            start = i + 1
        elif orgs and owner.tag_ == "NN":
            named = {toks[j].lower_ for j in orgs} if named is None else named
            start = i + 1 if owner.lower_ in named else start
    return start


def _role_chars(span: Span) -> tuple[int, int]:
    """Return the characters of the role ``span``: a role verb's stem ("heads" -> "head"), else all."""
    if len(span) == 1 and span[0].tag_.startswith("VB"):
        lemma = span[0].lemma_.lower()
        if lemma in NOUN_VERBS and span[0].lower_.startswith(lemma):
            return span.start_char, span.start_char + len(lemma)
    return span.start_char, span.end_char


def sought_office(doc: Doc, i: int, orgs: TokenLabels) -> bool:
    """Tell whether the organisation mention at ``doc[i]`` is an office the person seeks.

    "the nominee for Senate", "a candidate for the Assembly", "running for Congress", "her bid for
    the state Senate": the body after a candidacy word and "for" (or "for the") is the one the person
    wants to join, not the one they belong to; so is a chamber before a candidacy noun ("Senate
    candidate", "House hopeful"), unlike a party ("Labour Party candidate").
    """
    toks = doc_tokens(doc)
    oid = orgs[i]
    while orgs.get(i - 1) == oid:
        i -= 1  # the mention's first word
    k = i - 1
    while k > i - 3 and k >= 0 and toks[k].is_lower and toks[k].tag_ in {"JJ", "NN"}:
        k -= 1  # "for the state Senate"
    k -= 1 if k >= 0 and toks[k].lower_ == "the" else 0
    if k >= 1 and toks[k].lower_ == "for" and toks[k - 1].lower_ in _SEEKING:
        return True
    end = i
    while orgs.get(end) == oid:
        end += 1
    return end < len(doc) and toks[end].lower_ in _SEEKERS and doc[i:end].text.lower() in _OFFICES


def _holds_title(doc: Doc, first: int, end: int, orgs: TokenLabels) -> bool:
    """Tell whether one organisation mention is the whole role ``doc[first:end]`` and ends in a title.

    "Army Spc. X": the tagger may take a service and the rank after it for one name; a role that
    is all one name ending in a rank or a title is no body's name.
    """
    oid = orgs.get(first)
    if oid is None or orgs.get(first - 1) == oid or any(orgs.get(k) != oid for k in range(first, end)):
        return False
    return doc_tokens(doc)[end - 1].lower_.rstrip(".") in load_lexicons().titles


def _hyphened(doc: Doc, i: int, orgs: TokenLabels) -> bool:
    """Tell whether the organisation mention at ``doc[i]`` opens a hyphened modifier ("Oxford-educated").

    "an Oxford-educated lawyer", "a Kestrel-backed start-up": the organisation describes the
    person's past or a sponsor, not whom the person works for.
    """
    toks = doc_tokens(doc)
    oid = orgs[i]
    end = i
    while orgs.get(end) == oid:
        end += 1
    if end + 1 >= len(toks) or toks[end - 1].whitespace_ or toks[end].text != "-":
        return False
    return not toks[end].whitespace_ and toks[end + 1].is_lower


def _portfolio_word(doc: Doc, i: int, orgs: TokenLabels) -> bool:
    """Tell whether the organisation mention at ``doc[i]`` is only a portfolio ("Home Secretary").

    The tagger may take "Home", "Defence", "State" or "Foreign Affairs" of a title for an
    organisation; such words name the office's field, not a body ("Home Office" and "Treasury"
    are names of one, and so is "Home" when the text names the "Home Office").
    """
    toks = doc_tokens(doc)
    oid = orgs[i]
    while orgs.get(i - 1) == oid:
        i -= 1  # the mention's first word
    end = i
    while orgs.get(end) == oid:
        end += 1
    if not all(toks[k].lower_ in _FIELDS for k in range(i, end)):
        return False
    name = next((o["name"] for o in get_orgs(doc) if o["id"] == oid), "")  # "Home" of "Home Office"
    return all(word in _FIELDS for word in name.lower().split())


def _placed_in(doc: Doc, i: int, orgs: TokenLabels) -> bool:
    """Tell whether the organisation mention at ``doc[i]`` says where the role is, not whose it is.

    "a union local in Dayton", "a bakery owner in Pine Ford": a name after "in" (or "in the") that
    has no organisation word at its end ("Council", "Bank") and is no acronym is a place the
    tagger took for an organisation. So is the seat after "for" of a member's title ("the senator
    for Y", "MP for Y").
    """
    toks = doc_tokens(doc)
    oid = orgs[i]
    while orgs.get(i - 1) == oid:
        i -= 1  # the mention's first word
    before = i - 2 if i >= 2 and toks[i - 1].lower_ == "the" else i - 1
    seat = (
        before >= 1
        and toks[before].lower_ == "for"
        and toks[before - 1].norm_.rstrip(".") in CONSTITUENCY_TITLES
    )
    if before < 0 or (toks[before].lower_ != "in" and not seat):
        return False
    last = i
    while orgs.get(last + 1) == oid:
        last += 1
    word = toks[last]
    heads = load_lexicons().org_heads
    return not (word.is_upper or word.lower_ in heads or word.lower_ in COMPANY_WORDS)


def after_surname(doc: Doc, role: Range, surnames: set[str], orgs: TokenLabels) -> Range:
    """Return a title without the surname of a person it opens with ("Voss campaign manager").

    The title belongs to the person's staff: the role is "campaign manager", not the other
    person's name. Only a surname followed by a lower-case word, and not an organisation's name
    ("Ford engineer" where Ford is also the company), is cut.
    """
    toks = doc_tokens(doc)
    start, end = role
    if end - start > 1 and start not in orgs and toks[start].text in surnames and toks[start + 1].is_lower:
        return (start + 1, end)
    return role
