"""What a word says of a person's gender: pronouns, gendered titles and nouns, and first names.

The one owner of these facts for every stage (speaker agreement, ``Person.gender``). Pronouns and
titles are the text's own statement; a first name is only a guess from a lexicon, the last resort,
and callers must mark it as such (``gender_evidence = "first_name"``).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any, Final, Literal

from quotemine.lexicons.cache import cache_key, cached

__all__ = ["Gender", "first_name_gender", "pronoun_gender", "title_gender"]

logger = logging.getLogger(__name__)

Gender = Literal["female", "male"]

_PRONOUNS: Final[dict[str, Gender]] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}

# Honorifics, titles and role nouns whose form states a gender. Words used for anyone whatever
# their gender ("chairman" is a title many women hold, "spokesman" too) are left out on purpose.
_MALE_TITLES: Final = frozenset(
    "mr mr. messrs messrs. sir lord king prince duke earl baron count emperor sultan sheikh "
    "congressman assemblyman councilman businessman sportsman policeman fireman "
    "congressmen assemblymen councilmen businessmen "
    "father grandfather husband son brother uncle nephew widower boyfriend stepfather stepson "
    "monk actor waiter".split()
)
_FEMALE_TITLES: Final = frozenset(
    "mrs mrs. ms ms. miss mme mme. madam madame dame lady queen princess duchess countess baroness "
    "empress sultana sheikha congresswoman assemblywoman councilwoman businesswoman sportswoman "
    "chairwoman spokeswoman policewoman firewoman anchorwoman congresswomen councilwomen "
    "mother grandmother wife daughter sister aunt niece widow girlfriend stepmother stepdaughter "
    "nun actress waitress".split()
)


def pronoun_gender(word: str) -> Gender | None:
    """Return the gender a personal pronoun shows ("she" -> female), or ``None``."""
    return _PRONOUNS.get(word.lower())


def title_gender(word: str) -> Gender | None:
    """Return the gender a title, honorific or role noun states ("Mrs.", "congresswoman"), or ``None``.

    "Dr.", "Senator", "chairman" and other words anyone may hold give ``None``.
    """
    key = word.lower()
    if key in _FEMALE_TITLES:
        return "female"
    if key in _MALE_TITLES:
        return "male"
    return None


def first_name_gender(name: str) -> Gender | None:
    """Return the gender gender-guesser's lexicon gives a first name with one voice, or ``None``.

    A guess, not the text's statement: use it only when the text says nothing. The name must be a
    plain male or female name wherever English is spoken (Great Britain, Ireland, the U.S.; a name
    listed there only as "unisex, mostly female" is unisex), and elsewhere entries of
    the other gender must be rare next to it ("Jane" is female though one country lists a rare male
    "Jane"). A unisex name ("Jordan", "Robin"), a name of one gender in one large country and of the
    other in another ("Andrea", "Jean"), or a short form of names of both genders ("Chris" for
    Christopher and Christina) gives ``None``.
    """
    return _first_names().get(name.lower())


# gender-guesser's codes: M/F a male/female name, 1M/1F male/female as a first name, ?M/?F a unisex
# name mostly male/female, ? a unisex name.
_LEANING: Final[dict[str, Literal["male", "female", "unisex"]]] = {
    "M": "male",
    "1M": "male",
    "?M": "male",
    "F": "female",
    "1F": "female",
    "?F": "female",
    "?": "unisex",
}
_NAME_COLUMNS: Final = slice(3, 29)
# Frequencies: one hexadecimal digit per country from column 31 on (1 rare ... D very common); the
# scale is logarithmic, about a factor of two a step. The first three are Great Britain, Ireland, U.S.
_FREQUENCY_START: Final = 30
_ENGLISH_COLUMNS: Final = 3
_COUNTRIES: Final = 55
#: Outside the English-speaking countries, the other gender may weigh at most this share of the name's.
_RARE_SHARE: Final = 1 / 16
_HEX: Final = frozenset("123456789ABCDabcd")


class _Weights:
    """The weight of a name's entries per leaning, in all countries and in English-speaking ones."""

    __slots__ = ("english", "firm", "total")

    def __init__(self) -> None:
        self.total: dict[str, float] = {}
        self.english: set[str] = set()  # leanings with a frequency in an English-speaking country
        self.firm = False  # one of them is a plain male or female name there (M, 1M, F, 1F)

    def add(self, code: str, digits: str) -> None:
        leaning = _LEANING[code]
        weight = sum(2.0 ** int(d, 16) for d in digits if d in _HEX)
        self.total[leaning] = self.total.get(leaning, 0.0) + (weight or 1.0)  # no data: barely there
        if any(d in _HEX for d in digits[:_ENGLISH_COLUMNS]):
            self.english.add(leaning)
            self.firm = self.firm or not code.startswith("?")

    def gender(self) -> Gender | None:
        english = self.english
        if english:
            # "unisex, mostly male" alone ("Taylor") is unisex where the text was written
            if len(english) > 1 or "unisex" in english or not self.firm:
                return None
            leaning = next(iter(english))
        else:
            leaning = max(self.total, key=lambda k: self.total[k])
            if leaning == "unisex":
                return None
        other = sum(w for k, w in self.total.items() if k != leaning)
        if other > self.total[leaning] * _RARE_SHARE:
            return None
        return "male" if leaning == "male" else "female"


@functools.cache
def _first_names() -> dict[str, Gender]:
    """Return the first names with one gender, from the on-disk cache when it holds them.

    Weighing the 48,000 entries takes about a second; the cache (``quotemine.lexicons.cache``) is
    keyed by gender-guesser's version and this module's own text, so a change to either rebuilds it.
    """
    key = cache_key(("quotemine", "gender-guesser"), (Path(__file__).read_text(encoding="utf-8"),))
    return cached("first-name-genders", key, _read_first_names, dict, _genders)


def _genders(data: Any) -> dict[str, Gender]:
    """Check the cached mapping's values (a file edited by hand must not give a third gender)."""
    if not isinstance(data, dict) or any(v not in ("female", "male") for v in data.values()):
        raise ValueError("not a name-to-gender mapping")
    return {str(k): v for k, v in data.items()}


def _read_first_names() -> dict[str, Gender]:
    """Read gender-guesser's name file (its own ``Detector`` keeps no per-entry view of conflicts).

    The file has one entry per name and gender code with a frequency per country, and ``=`` lines
    that tie a short form to its full names ("Chris" = "Christina"); a short form is kept only when
    its full names agree with it.
    """
    try:
        import gender_guesser  # type: ignore[import-untyped]

        path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except Exception:  # pragma: no cover - a broken data package only turns the guess off
        logger.warning("gender-guesser could not be read; first-name gender is off")
        return {}
    weights: dict[str, _Weights] = {}
    aliases: dict[str, set[str]] = {}
    for line in lines:
        code = line[:2].strip()
        if code == "=":
            parts = line.split()
            if len(parts) >= 3:
                aliases.setdefault(parts[1].lower(), set()).add(parts[2].lower())
        elif code in _LEANING and line[_FREQUENCY_START - 1 : _FREQUENCY_START] != "+":
            # a "+" in column 30 marks a copy of an entry spelt with expanded umlauts
            name = line[_NAME_COLUMNS].strip().replace("+", " ").lower()
            digits = line[_FREQUENCY_START : _FREQUENCY_START + _COUNTRIES]
            weights.setdefault(name, _Weights()).add(code, digits)
    found = {name: g for name, w in weights.items() if (g := w.gender()) is not None}
    for short, fulls in aliases.items():
        if short in found and any(found.get(full, found[short]) != found[short] for full in fulls):
            del found[short]
    return found
