"""What a word says of a person's gender: pronouns, gendered titles and nouns, and first names.

The one owner of these facts for every stage (speaker agreement, ``Person.gender``). Pronouns and
titles are the text's own statement; a first name is only a guess from a lexicon, the last resort,
and callers must mark it as such (``gender_evidence = "first_name"``).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Final, Literal

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
    """Return the gender a first name has in every entry of gender-guesser's lexicon, or ``None``.

    A guess, not the text's statement: use it only when the text says nothing. A name with entries of
    both genders, a unisex entry ("Jordan", "Robin"), or that is a short form of names of both
    genders ("Chris" for Christopher and Christina) gives ``None``.
    """
    return _first_names().get(name.lower())


_CODES: Final[dict[str, Gender | None]] = {
    "M": "male",
    "1M": "male",
    "?M": "male",
    "F": "female",
    "1F": "female",
    "?F": "female",
    "?": None,
}


@functools.cache
def _first_names() -> dict[str, Gender]:
    """Read gender-guesser's name file (its own ``Detector`` keeps no per-entry view of conflicts).

    The file has one entry per name and gender code, and ``=`` lines that tie a short form to its
    full names ("Chris" = "Christina"); a name is kept only when all of it points one way.
    """
    try:
        import gender_guesser  # type: ignore[import-untyped]

        path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except Exception:  # pragma: no cover - a broken data package only turns the guess off
        logger.warning("gender-guesser could not be read; first-name gender is off")
        return {}
    seen: dict[str, set[Gender | None]] = {}
    aliases: dict[str, set[str]] = {}
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or parts[0].startswith("#"):
            continue
        if parts[0] == "=" and len(parts) >= 3:
            aliases.setdefault(parts[1].lower(), set()).add(parts[2].lower())
        elif parts[0] in _CODES:
            seen.setdefault(parts[1].replace("+", " ").lower(), set()).add(_CODES[parts[0]])
    found: dict[str, Gender] = {}
    for name, genders in seen.items():
        for full in aliases.get(name, ()):
            genders = genders | seen.get(full, set())
        if len(genders) == 1 and (gender := next(iter(genders))) is not None:
            found[name] = gender
    return found
