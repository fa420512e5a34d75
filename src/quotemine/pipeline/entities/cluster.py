"""Alias merging of people and organisations: pure functions over ``(start, end, text)`` mentions.

People (in the spirit of the name-matching rules of Bontcheva et al.'s ANNIE orthomatcher): full
names, titled names, surnames, first names and initials of one person join one cluster; two
different people sharing a surname stay apart, and a bare surname then goes to the person of that
surname mentioned most recently before it (or, failing that, the first one mentioned after it).

Organisations: mentions with the same text (without a leading "the") join, and so do an
organisation and its acronym, in either order ("ABCD ... Alpha Beta Center for Development"), and
a one-word short form and the one longer name it shortens ("Fed" ... "Federal Reserve", "Kessel"
... "Kessel Group").

Offsets are character offsets; nothing here needs spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from quotemine.lexicons.names import LEGAL_FORM_WORDS, name_key, names_compatible

__all__ = [
    "CLUB_TAILS",
    "Mention",
    "OrgMention",
    "PersonCluster",
    "best_name",
    "cluster_orgs",
    "cluster_people",
    "short_form",
]

_ACRONYM: Final = re.compile(r"^[A-Z]{2,7}$")

Mention = tuple[int, int, str]
"""A mention: char start, char end, text."""


class OrgMention(NamedTuple):
    """An organisation mention and the acronym of its name (``None`` for fewer than two words).

    ``short`` is a one-word form the text licenses for the name beyond the rules of
    ``short_form`` (the first word of a company named before its stock ticker). ``dotted`` is a
    second acronym that keeps the letters of a dotted abbreviation ("USDF" of "U.S. Department of
    Farming", whose ``acronym`` is "DF").
    """

    start: int
    end: int
    text: str
    acronym: str | None = None
    short: str | None = None
    dotted: str | None = None


@dataclass
class PersonCluster:
    """The mentions of one person and the name-part tuples they use."""

    parts: list[tuple[str, ...]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    author: bool = False
    #: The start of the first mention, kept as mentions are added (``first_start`` is asked often).
    _first: int | None = field(default=None, repr=False, compare=False)

    def add(self, mention: Mention, parts: tuple[str, ...], authors: Set[tuple[int, int]]) -> None:
        """Add a mention; the cluster is an author when one mention is a byline name."""
        self.parts.append(parts)
        self.mentions.append(mention)
        if self._first is None or mention[0] < self._first:
            self._first = mention[0]
        if (mention[0], mention[1]) in authors:
            self.author = True

    def first_start(self) -> int:
        """Return the start of the first mention."""
        if self._first is None:  # mentions given to the constructor, not added one by one
            return min(m[0] for m in self.mentions)
        return self._first


def best_name(mentions: Sequence[Mention]) -> Mention:
    """Return the fullest mention: most words, then most characters, then the first."""
    return max(mentions, key=lambda m: (len(m[2].split()), len(m[2]), -m[0]))


def _parts(text: str) -> tuple[str, ...]:
    return tuple(name_key(p) for p in text.split() if p.strip(".-"))


def _index(clusters: list[PersonCluster], position: int) -> dict[str, list[PersonCluster]]:
    """Return the clusters by the first (``position`` 0) or last (-1) word of their longer names."""
    index: dict[str, list[PersonCluster]] = {}
    for cl in clusters:
        for key in {p[position] for p in cl.parts if len(p) > 1}:
            index.setdefault(key, []).append(cl)
    return index


def _choose(candidates: list[PersonCluster], start: int) -> PersonCluster | None:
    """Return the cluster mentioned most recently before ``start``, else the first one after it."""
    before = [c for c in candidates if c.first_start() < start]
    if len(before) == 1:
        return before[0]  # the one cluster mentioned before: no need to find its latest mention
    if before:
        return max(before, key=lambda c: max(m[0] for m in c.mentions if m[0] < start))
    if candidates:
        return min(candidates, key=PersonCluster.first_start)
    return None


def cluster_people(
    mentions: Sequence[Mention], authors: Set[tuple[int, int]] = frozenset()
) -> list[PersonCluster]:
    """Group the mentions of people, in text order, into one cluster per person.

    Args:
        mentions: the PERSON mentions in text order.
        authors: char spans of the byline names; a cluster with such a mention is an author.

    Returns:
        The clusters, ordered by their first mention.

    >>> [c.mentions for c in cluster_people([(0, 9, "Anna Rosa"), (20, 24, "Rosa")])]
    [[(0, 9, 'Anna Rosa'), (20, 24, 'Rosa')]]

    """
    clusters: list[PersonCluster] = []
    singles: list[tuple[Mention, tuple[str, ...]]] = []
    distinct: list[dict[tuple[str, ...], None]] = []  # each cluster's names, once each, in order
    for mention in mentions:
        parts = _parts(mention[2])
        if len(parts) == 1:
            singles.append((mention, parts))
        elif parts:
            n = next(
                (
                    k
                    for k in range(len(clusters) - 1, -1, -1)
                    if all(names_compatible(parts, o) for o in distinct[k])
                ),
                None,
            )
            if n is None:
                clusters.append(PersonCluster())
                distinct.append({})
                n = len(clusters) - 1
            clusters[n].add(mention, parts, authors)
            distinct[n].setdefault(parts, None)
    # The loop below only adds one-word names, so these indexes stay true.
    by_last, by_first = _index(clusters, -1), _index(clusters, 0)
    for mention, parts in singles:
        key = parts[0]
        candidates = by_last.get(key) or by_first.get(key) or [c for c in clusters if parts in c.parts]
        chosen = _choose(candidates, mention[0])
        if chosen is None:
            chosen = PersonCluster()
            clusters.append(chosen)
        chosen.add(mention, parts, authors)
    clusters.sort(key=PersonCluster.first_start)
    return clusters


#: A country named before a national body's name, which the text may leave out ("U.S. Supreme Court"
#: = "Supreme Court").
_NATIONAL_PREFIXES: Final = frozenset({"u.s.", "u.s", "us", "u.k.", "uk"})


def _key(mention: OrgMention) -> str:
    """Return the grouping key of a name: lower case, without "the", "U.S." and "plc"."""
    words = mention.text.lower().removeprefix("the ").split()
    if len(words) > 2 and words[0] in _NATIONAL_PREFIXES:
        words.pop(0)  # two words must stay: "U.S. Steel" is no "Steel"
    while len(words) > 2 and words[-1] in _COMPANY_TAILS:
        words.pop()  # "Kessel Foods Plc" = "Kessel Foods" (but "Kessel Group" stays itself)
    return " ".join(words)


def cluster_orgs(mentions: Sequence[OrgMention], heads: Set[str] = frozenset()) -> list[list[OrgMention]]:
    """Group organisation mentions: same name, or a name and its acronym (in either order).

    An acronym mentioned before its full name joins the full name's group when the acronym's
    group holds nothing but the acronym (two names with one acronym stay apart). An acronym
    mentioned after two names it abbreviates joins the later one, unless it was already used for
    the earlier one.

    Args:
        mentions: the ORG mentions in text order, each with the acronym of its name.
        heads: organisation head words, lower case: one of them alone ("House", "Senate") is a
            body of its own, never the short form of a longer name that starts with it ("House
            Farming Committee").

    Returns:
        The groups ordered by their first mention, each in text order.

    >>> acronym = OrgMention(4, 8, "ABCD")
    >>> full = OrgMention(20, 53, "Alpha Beta Center for Development", "ABCD")
    >>> [[m.text for m in g] for g in cluster_orgs([acronym, full])]
    [['ABCD', 'Alpha Beta Center for Development']]

    """
    groups: list[list[OrgMention]] = []
    by_key: dict[str, list[OrgMention]] = {}
    acronym_of: dict[str, list[OrgMention]] = {}
    for mention in mentions:
        key = _key(mention)
        group = by_key.get(key)
        if group is None and _ACRONYM.match(mention.text):
            group = acronym_of.get(mention.text)
        if group is None:
            group = []
            groups.append(group)
            by_key[key] = group
        group.append(mention)
        for acronym in (mention.acronym, mention.dotted):
            if acronym is not None:
                _join_acronym(acronym, group, groups, by_key, acronym_of)
    groups = _merge_short_forms(groups, heads)
    groups = _merge_part_names(groups, heads)
    for group in groups:
        group.sort(key=lambda m: m.start)
    groups.sort(key=lambda g: g[0].start)
    return groups


def _join_acronym(
    acronym: str,
    group: list[OrgMention],
    groups: list[list[OrgMention]],
    by_key: dict[str, list[OrgMention]],
    acronym_of: dict[str, list[OrgMention]],
) -> None:
    """Index ``group`` under its name's acronym; take in a group of that acronym alone met before."""
    acronym_key = acronym.lower()
    other = by_key.get(acronym_key)
    if other is not None and other is not group and all(_key(m) == acronym_key for m in other):
        # the acronym came first ("The ABCD said ... the Alpha Beta Center for Development")
        group.extend(other)
        groups.remove(other)
        for index in (by_key, acronym_of):
            for k, g in index.items():
                if g is other:
                    index[k] = group
    holder = acronym_of.get(acronym)
    if holder is None or (holder is not group and not any(_key(m) == acronym_key for m in holder)):
        # an acronym not yet used stands for the latest name it abbreviates: a text that names two
        # bodies with one acronym uses it for the one it has just named
        acronym_of[acronym] = group
        if by_key.get(acronym_key) is holder or acronym_key not in by_key:
            by_key[acronym_key] = group


#: Words after a company's first word that leave it the same company ("Kessel" = "Kessel Group").
_COMPANY_TAILS: Final = frozenset(
    {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "group", "holdings", "company"}
    | {"fc", "afc", "rovers", "wanderers"}
)


#: Legal forms that end a company's name: its first word alone is the company ("Kessel Mills Plc").
_LEGAL_TAILS: Final = LEGAL_FORM_WORDS


#: Last words of a club's name that stand for the club alone ("Rovers" = "Kelby Rovers").
CLUB_TAILS: Final = frozenset({"rovers", "wanderers", "united", "rangers", "athletic", "albion", "hotspur"})


def short_form(name: str) -> str | None:
    """Return the one word a text may use alone for an organisation, if its name has one.

    The first word of a company name ("Kessel" of "Kessel Group Inc.", "Kessel Mills Plc"), the
    last word of a club's name ("Rovers" of "Kelby Rovers"), a party's word ("Labour" of "Labour
    Party").
    """
    words = name.removeprefix("the ").removeprefix("The ").split()
    if len(words) < 2:
        return None
    if words[-1].lower() in CLUB_TAILS and words[-1][:1].isupper():
        return words[-1]
    return words[0] if _short_form_of(words[0], " ".join(words)) else None


def _short_form_of(word: str, name: str) -> bool:
    """Tell whether one word is a short form of a longer name.

    It is when it clips the name's first word ("Fed" of "Federal Reserve") or is that first word
    before a company or club tail ("Kessel" of "Kessel Group Inc.", "Harwick" of "Harwick FC") or
    of a name that ends in a company's legal form ("Kessel" of "Kessel Mills Plc"; but "Kessel
    Mills" alone may be another body); the caller merges it only when one longer organisation of
    the text qualifies.
    """
    words = name.split()
    if len(words) < 2 or len(word) < 3 or not word[:1].isupper() or word.isupper():
        return False
    if word == words[-1] and word.lower() in CLUB_TAILS:
        return True  # "Rovers" of "Kelby Rovers"
    if (
        word == words[-1]
        and len(word) > 3
        and word[1:].islower()
        and word.endswith("s")
        and word[-2] not in "su"
    ):
        return True  # a team's plural name alone: "Herons" of "Kelby Herons" (merged, never added)
    if len(words) == 2 and word == words[0] and words[1].lower() == "party":
        return True  # "Labour" of "Labour Party"
    first = words[0]
    if first != word:
        return (
            first.startswith(word)
            and first.lower() != word.lower()
            and first[len(word) :].lower() not in _ADJECTIVE_ENDINGS
        )
    return all(w.lower() in _COMPANY_TAILS for w in words[1:]) or words[-1].lower() in _LEGAL_TAILS


#: Endings that make an adjective of a noun: "Congress" is no clipped "Congressional" ("Congressional
#: Budget Office" is another body), nor "Nation" of "National ...", "Europe" of "European ...".
_ADJECTIVE_ENDINGS: Final = frozenset(
    {"al", "ial", "ional", "an", "ian", "n", "ese", "ic", "ical", "ish", "ary"}
)


def _first_word(mention: OrgMention) -> str | None:
    """Return the first word of a name of two words or more (without "the"), else ``None``."""
    words = mention.text.removeprefix("the ").removeprefix("The ").split()
    return words[0] if len(words) >= 2 else None


def _targets(
    word: str, group: list[OrgMention], groups: list[list[OrgMention]], heads: Set[str]
) -> list[list[OrgMention]]:
    """Return the longer organisations a one-word organisation may shorten, best evidence first.

    By ``short_form``'s rules; when two qualify, the ones the text also names by an acronym drop
    out ("Kess" of "Kessel Reserve", not of "Kessel Housing Office ... KHO"). With none, the
    organisation whose longer name starts with the word ("Nordvik" of "Nordvik Construction"),
    unless the word is an acronym ("BBC" is no "BBC Radio Kelby") or a head word ``heads``.
    """
    others = [g for g in groups if g is not group]
    targets = [g for g in others if any(m.short == word or _short_form_of(word, m.text) for m in g)]
    if len(targets) > 1:
        targets = [g for g in targets if not any(_ACRONYM.match(m.text) for m in g)]
    if not targets and word[:1].isupper() and not word.isupper() and word.lower() not in heads:
        targets = [g for g in others if any(_first_word(m) == word for m in g)]
    return targets


def _merge_short_forms(groups: list[list[OrgMention]], heads: Set[str]) -> list[list[OrgMention]]:
    """Merge a one-word organisation into the one longer organisation it is a short form of."""
    out = list(groups)
    for group in groups:
        words = {m.text.removeprefix("the ").removeprefix("The ") for m in group}
        if len(words) != 1:
            continue
        word = next(iter(words))
        if " " in word:
            continue
        targets = _targets(word, group, out, heads)
        if len(targets) == 1:
            targets[0].extend(group)
            out.remove(group)
    return out


#: Words after a firm's name that leave it the same firm ("Ostrava Capital" = "Ostrava Capital Partners").
_FIRM_TAILS: Final = (
    _COMPANY_TAILS
    | _LEGAL_TAILS
    | frozenset({"partners", "associates", "international", "global", "llp", "limited", "corporation", "pty"})
)
#: Words that name no one body: a shorter name made only of them and head words is too generic to
#: stand for a longer one ("National Union", "Democratic Party").
_GENERIC_WORDS: Final = frozenset(
    "national state federal regional district county city central general united royal "
    "democratic republican labour liberal conservative green new american british "
    "supreme high appeals police fire public health education justice "
    "and of for the & north south east west northern southern eastern western".split()
)


#: Words that make a phrase of the words before a name ("Warning To Kelby Council"), not a name.
_CLAUSE_WORDS: Final = frozenset({"to", "in", "on", "at", "with", "by", "from", "as"})


def _words_of(mention: OrgMention) -> tuple[str, ...]:
    """Return the words of a name without a leading "the"."""
    return tuple(mention.text.removeprefix("the ").removeprefix("The ").split())


def _part_of(short: tuple[str, ...], long: tuple[str, ...], heads: Set[str]) -> bool:
    """Tell whether name ``short`` (two words or more) is a part a text may use for name ``long``.

    It is its first words when the rest are a firm's tail ("Ostrava Capital" of "Ostrava Capital
    Partners"), or its last words ("Seafarers Union" of "the Kelmstead and District Seafarers
    Union"); either way ``short`` keeps a word of its own, not a head word nor a generic word.
    """
    n = len(short)
    if n < 2 or n >= len(long) or not long[0][:1].isupper() or any(c in w for w in long for c in ",/"):
        return False  # "a Kelby Union", "Tarle, Orme Partners": no clean name to join
    if not any(w.lower() not in heads and w.lower() not in _GENERIC_WORDS for w in short):
        return False
    if long[:n] == short:
        return all(w.lower() in _FIRM_TAILS for w in long[n:])
    front = long[: len(long) - n]
    return long[-n:] == short and not any(w.lower() in _CLAUSE_WORDS for w in front)


def _merge_part_names(groups: list[list[OrgMention]], heads: Set[str]) -> list[list[OrgMention]]:
    """Merge a name of two words or more into the one longer name met before it that it is part of.

    "Ostrava Capital" after "Ostrava Capital Partners", "the Seafarers Union" after "the Kelmstead
    and District Seafarers Union". When two longer names qualify the name stays apart.
    """
    out = list(groups)
    words = {id(m): _words_of(m) for g in groups for m in g}  # each name's words, split once
    for group in groups:
        names = {words[id(m)] for m in group}
        if len(names) != 1:
            continue
        short = next(iter(names))
        if len(short) < 2:
            continue  # a one-word name is no part (``_part_of``); short forms merge it
        first = min(m.start for m in group)
        targets = [
            g
            for g in out
            if g is not group and any(m.start < first and _part_of(short, words[id(m)], heads) for m in g)
        ]
        if len(targets) == 1:
            targets[0].extend(group)
            out.remove(group)
    return out
